"""`Dense`: the fully connected layer, `activation(inputs @ kernel + bias)`."""

from __future__ import annotations

from typing import Any

from keras import activations, constraints, initializers, ops, regularizers
from keras.backend._variable import Variable
from keras.layers._core._quantization_args import check_quantization_arguments, quantization_config_entries
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.ops._typing import Tensor

__all__ = ["Dense"]

Shape = tuple[int | None, ...]


def _require_positive_int(name: str, value: Any) -> int:
    """Return `value` if it is a positive int (not a bool), else raise a `ValueError` naming `name`."""
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(
            f"Received an invalid value for `{name}`, expected a positive integer. Received: {name}={value}"
        )
    return value


class Dense(Layer):
    """Apply a learned affine map to the last axis: `activation(inputs @ kernel + bias)`.

    The kernel has shape `(input_dim, units)`, where `input_dim` is the size of the input's
    last axis, so inputs of rank above 2 are transformed independently at every leading
    position. Masks pass through unchanged.

    Args:
        units: Positive int, the size of the output's last axis.
        activation: Activation applied to the result (name or callable); `None` means
            none (`"linear"`).
        use_bias: Whether to add a learned bias vector.
        kernel_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        kernel_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the layer's output.
        kernel_constraint: Constraint applied to the kernel after each update.
        bias_constraint: Constraint applied to the bias after each update.
        lora_rank: LoRA rank; not supported yet (must be `None`).
        lora_alpha: LoRA scale; defaults to `lora_rank`.
        quantization_config: Quantization settings; not supported yet (must be `None`).
        **kwargs: Base layer arguments (`name`, `dtype`, `trainable`, ...).

    Raises:
        ValueError: If `units` is not a positive int.
        NotImplementedError: If `lora_rank` or `quantization_config` is set.

    Example:

    >>> layer = keras.layers.Dense(2, kernel_initializer="ones", bias_initializer="ones")
    >>> layer(np.array([[1.0, 2.0, 3.0]], dtype="float32"))
    array([[7., 7.]], dtype=float32)
    >>> [w.path for w in layer.weights] == [layer.name + "/kernel", layer.name + "/bias"]
    True
    """

    kernel: Variable
    bias: Variable | None

    def __init__(
        self,
        units: int,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        lora_rank: int | None = None,
        lora_alpha: float | None = None,
        quantization_config: Any = None,
        **kwargs: Any,
    ) -> None:
        _require_positive_int("units", units)
        check_quantization_arguments("Dense", lora_rank, quantization_config)
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.lora_rank = lora_rank
        self.lora_alpha = lora_alpha if lora_alpha is not None else lora_rank
        self.quantization_config = quantization_config
        self.input_spec = InputSpec(min_ndim=2)
        self.supports_masking = True

    def build(self, input_shape: Shape) -> None:
        input_dim = input_shape[-1]
        self.kernel = self.add_weight(
            name="kernel",
            shape=(input_dim, self.units),  # type: ignore[arg-type]
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias",
                shape=(self.units,),
                initializer=self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )
        else:
            self.bias = None
        self.input_spec = InputSpec(min_ndim=2, axes={-1: input_dim})
        self.built = True

    def call(self, inputs: Tensor) -> Tensor:
        outputs = ops.matmul(inputs, self.kernel)
        if self.bias is not None:
            outputs = ops.add(outputs, self.bias)
        if self.activation is not None:
            outputs = self.activation(outputs)
        return outputs

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return (*input_shape[:-1], self.units)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            **quantization_config_entries(self.lora_rank, self.lora_alpha),
        }
