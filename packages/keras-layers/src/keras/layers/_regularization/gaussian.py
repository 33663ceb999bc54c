"""`GaussianDropout` and `GaussianNoise`: Gaussian noise, multiplicative or additive, in training."""

from __future__ import annotations

import math
from typing import Any

from keras import ops, random
from keras.layers._layer import Layer
from keras.layers._regularization.arguments import check_trainable_rate, check_unit_interval
from keras.ops._typing import Tensor

__all__ = ["GaussianDropout", "GaussianNoise"]

Shape = tuple[int | None, ...]


class GaussianDropout(Layer):
    """Multiply the inputs by Gaussian noise of mean 1 in training.

    The noise has standard deviation `sqrt(rate / (1 - rate))`, the same variance as
    `Dropout(rate)`'s scaled keep mask. Inference returns the inputs unchanged; masks
    pass through.

    Args:
        rate: Float in `[0, 1)` (`1` is accepted but cannot train), the equivalent drop
            probability.
        seed: Int seed of the layer's `SeedGenerator`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `rate` is outside `[0, 1]`, or is 1 in a training call.

    Example:

    >>> layer = keras.layers.GaussianDropout(0.2, seed=1)
    >>> layer(np.ones((1, 3), dtype="float32"))
    array([[1., 1., 1.]], dtype=float32)
    >>> layer(np.zeros((1, 3), dtype="float32"), training=True)  # multiplicative: zeros stay
    array([[0., 0., 0.]], dtype=float32)
    """

    def __init__(self, rate: float, seed: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rate = check_unit_interval("rate", rate)
        self.seed = seed
        if rate > 0:
            self.seed_generator = random.SeedGenerator(seed)
        self.supports_masking = True
        self.built = True

    def call(self, inputs: Tensor, training: Any = False) -> Tensor:
        if training and self.rate > 0:
            check_trainable_rate(self.name, self.rate)
            stddev = math.sqrt(self.rate / (1.0 - self.rate))
            noise = random.normal(
                ops.shape(inputs), mean=1.0, stddev=stddev, dtype=self.compute_dtype, seed=self.seed_generator
            )
            return inputs * noise
        return inputs

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "rate": self.rate, "seed": self.seed}


class GaussianNoise(Layer):
    """Add zero-mean Gaussian noise of standard deviation `stddev` to the inputs in training.

    A regularizer against overfitting, and a way to augment real-valued inputs.
    Inference returns the inputs unchanged; masks pass through.

    Args:
        stddev: Float in `[0, 1]`, the noise's standard deviation.
        seed: Int seed of the layer's `SeedGenerator`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `stddev` is outside `[0, 1]`.

    Example:

    >>> layer = keras.layers.GaussianNoise(0.1, seed=1)
    >>> layer(np.ones((1, 3), dtype="float32"))
    array([[1., 1., 1.]], dtype=float32)
    >>> y = keras.ops.convert_to_numpy(layer(np.zeros((1000,), dtype="float32"), training=True))
    >>> bool(0.08 < y.std() < 0.12)
    True
    """

    def __init__(self, stddev: float, seed: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stddev = check_unit_interval("stddev", stddev)
        self.seed = seed
        if stddev > 0:
            self.seed_generator = random.SeedGenerator(seed)
        self.supports_masking = True
        self.built = True

    def call(self, inputs: Tensor, training: Any = False) -> Tensor:
        if training and self.stddev > 0:
            noise = random.normal(
                ops.shape(inputs),
                mean=0.0,
                stddev=self.stddev,
                dtype=self.compute_dtype,
                seed=self.seed_generator,
            )
            return inputs + noise
        return inputs

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "stddev": self.stddev, "seed": self.seed}
