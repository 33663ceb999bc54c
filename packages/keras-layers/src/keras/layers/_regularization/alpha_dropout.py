"""`AlphaDropout`: dropout that keeps the mean and variance of SELU activations."""

from __future__ import annotations

from typing import Any

from keras import ops, random
from keras.layers._layer import Layer
from keras.layers._regularization.arguments import check_trainable_rate, check_unit_interval
from keras.ops._typing import Tensor

__all__ = ["AlphaDropout"]

Shape = tuple[int | None, ...]

# SELU's constants: alpha and scale; a dropped value is set to SELU's negative saturation.
_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805
_SATURATION = -_SELU_ALPHA * _SELU_SCALE


class AlphaDropout(Layer):
    """Set random inputs to SELU's saturation value in training, keeping mean and variance.

    Each value is dropped with probability `rate` and replaced by
    `alpha' = -alpha * scale` of SELU; then `a * x + b` is applied, with
    `a = ((1 - rate) * (1 + rate * alpha'^2)) ** -0.5` and `b = -a * alpha' * rate`,
    so inputs of zero mean and unit variance keep them (Klambauer et al., 2017). Pair it
    with `selu` activations. Inference returns the inputs unchanged; masks pass through.

    Args:
        rate: Float in `[0, 1)` (`1` is accepted but cannot train), the drop
            probability.
        noise_shape: The shape of the keep mask, broadcast against the inputs, with
            `None` for "as the input"; `None` draws one decision per value.
        seed: Int seed of the layer's `SeedGenerator`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `rate` is outside `[0, 1]`, or is 1 in a training call.

    Example:

    >>> layer = keras.layers.AlphaDropout(0.5, seed=1)
    >>> layer(np.ones((1, 3), dtype="float32"))
    array([[1., 1., 1.]], dtype=float32)
    >>> y = keras.ops.convert_to_numpy(layer(np.zeros((1, 1000), dtype="float32"), training=True))
    >>> len(np.unique(np.round(y, 5)))  # kept zeros and dropped values, each mapped affinely
    2
    """

    def __init__(self, rate: float, noise_shape: Any = None, seed: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rate = check_unit_interval("rate", rate)
        self.seed = seed
        self.noise_shape = noise_shape
        if rate > 0:
            self.seed_generator = random.SeedGenerator(seed)
        self.supports_masking = True
        self.built = True

    def call(self, inputs: Tensor, training: Any = False) -> Tensor:
        if not (training and self.rate > 0):
            return inputs
        check_trainable_rate(self.name, self.rate)
        shape = ops.shape(inputs)
        if self.noise_shape is not None:
            shape = tuple(shape[i] if d is None else d for i, d in enumerate(self.noise_shape))
        keep = ops.cast(random.uniform(shape, seed=self.seed_generator) >= self.rate, inputs.dtype)
        a = ((1 - self.rate) * (1 + self.rate * _SATURATION**2)) ** -0.5
        b = -a * _SATURATION * self.rate
        dropped = inputs * keep + _SATURATION * (1 - keep)
        return a * dropped + b

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "rate": self.rate, "seed": self.seed, "noise_shape": self.noise_shape}
