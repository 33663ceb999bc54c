"""`SpectralNormalization`: a wrapper that divides a layer's kernel by its largest singular value."""

from __future__ import annotations

from typing import Any

from keras import initializers, ops
from keras.backend import is_float_dtype, standardize_dtype
from keras.backend._variable import Variable
from keras.layers._core.wrapper import Wrapper
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.ops._typing import Tensor

__all__ = ["SpectralNormalization"]

Shape = tuple[int | None, ...]


class SpectralNormalization(Wrapper):
    """Constrain the spectral norm of a wrapped layer's kernel (Miyato et al., 2018).

    In training (`training=True`) each call runs `power_iterations` steps of the power
    method on the kernel reshaped to `(-1, kernel.shape[-1])`, starting from the
    non-trainable vector `vector_u` (of shape `(1, kernel.shape[-1])`), estimates the
    largest singular value `sigma = v @ W @ u.T`, and assigns `kernel / sigma` to the
    wrapped layer's kernel and the new estimate to `vector_u` before calling the layer.
    An all-zero kernel is left unchanged. At inference the layer is called as it is.
    Float outputs are cast to the inputs' dtype; integer inputs (an `Embedding`'s ids)
    keep the layer's float outputs.

    Args:
        layer: The layer to wrap; it must have a `kernel` (or `embeddings`) weight.
        power_iterations: Positive int, the number of power-method steps per call.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `power_iterations` is not positive, or the wrapped layer has no
            `kernel` nor `embeddings`.

    Example:

    >>> dense = keras.layers.Dense(2, use_bias=False)
    >>> layer = keras.layers.SpectralNormalization(dense, power_iterations=20)
    >>> layer.build((None, 2))
    >>> kernel, vector_u = np.array([[3.0, 0.0], [0.0, 1.0]]), np.ones((1, 2))
    >>> layer.set_weights([kernel, vector_u])  # singular values 3 and 1
    >>> np.round(layer(np.eye(2, dtype="float32"), training=True), 4)
    array([[1.    , 0.    ],
           [0.    , 0.3333]], dtype=float32)
    """

    kernel: Variable
    vector_u: Variable

    def __init__(self, layer: Layer, power_iterations: int = 1, **kwargs: Any) -> None:
        super().__init__(layer, **kwargs)
        if power_iterations <= 0:
            raise ValueError(
                f"`power_iterations` should be greater than zero. Received: power_iterations={power_iterations}"
            )
        self.power_iterations = power_iterations

    def build(self, input_shape: Any = None) -> None:
        super().build(input_shape)
        self.input_spec = InputSpec(min_ndim=1, axes={-1: input_shape[-1]})
        kernel = getattr(self.layer, "kernel", None)
        if kernel is None:
            kernel = getattr(self.layer, "embeddings", None)
        if kernel is None:
            raise ValueError(f"{type(self.layer).__name__} object has no attribute 'kernel' nor 'embeddings'")
        self.kernel = kernel
        self.kernel_shape = tuple(kernel.shape)
        self.vector_u = self.add_weight(
            shape=(1, self.kernel_shape[-1]),
            initializer=initializers.TruncatedNormal(stddev=0.02),
            trainable=False,
            name="vector_u",
            dtype=kernel.dtype,
        )
        self.built = True

    def call(self, inputs: Tensor, training: Any = False) -> Tensor:
        if training:
            vector_u, kernel = ops.cond(
                ops.all(ops.equal(self.kernel.value, 0)),
                lambda: (self.vector_u.value, self.kernel.value),
                self.normalized_weights,
            )
            self.vector_u.assign(vector_u)
            self.kernel.assign(kernel)
        outputs = self.layer(inputs)
        # Float outputs take the inputs' dtype (as Keras); an embedding's stay float for int ids.
        if is_float_dtype(standardize_dtype(inputs.dtype)):
            outputs = ops.cast(outputs, inputs.dtype)
        return outputs

    def normalized_weights(self) -> tuple[Tensor, Tensor]:
        """Return `(vector_u, kernel / sigma)` after `power_iterations` power-method steps."""
        weights = ops.reshape(self.kernel.value, (-1, self.kernel_shape[-1]))
        vector_u = self.vector_u.value
        vector_v = vector_u
        for _ in range(self.power_iterations):
            vector_v = ops.normalize(ops.matmul(vector_u, ops.transpose(weights)), axis=None)
            vector_u = ops.normalize(ops.matmul(vector_v, weights), axis=None)
        vector_u = ops.stop_gradient(vector_u)
        vector_v = ops.stop_gradient(vector_v)
        sigma = ops.matmul(ops.matmul(vector_v, weights), ops.transpose(vector_u))
        kernel = ops.reshape(ops.divide(self.kernel.value, sigma), self.kernel_shape)
        return ops.cast(vector_u, self.vector_u.dtype), ops.cast(kernel, self.kernel.dtype)

    def compute_output_shape(self, input_shape: Shape) -> Any:
        return self.layer.compute_output_shape(input_shape)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "power_iterations": self.power_iterations}
