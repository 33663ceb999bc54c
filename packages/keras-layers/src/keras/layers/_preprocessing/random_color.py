"""Random intensity augmentation: `RandomContrast` and `RandomBrightness`."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._preprocessing._augmentation import (
    RandomImageLayer,
    standardize_factor,
    standardize_value_range,
)
from keras.ops._typing import Tensor

__all__ = ["RandomBrightness", "RandomContrast"]


class RandomContrast(RandomImageLayer):
    """Scale each image's contrast by a random factor during training.

    Each channel becomes `(x - mean) * c + mean` (the mean over the image's pixels),
    with `c` drawn per image from `[1 - lower, 1 + upper]`, then clipped to
    `value_range`.

    Args:
        factor: A float `f` in `[0, 1]` (meaning `(0, f)`, so `c` in `[1, 1 + f]`)
            or a pair `(lower, upper)`.
        value_range: The `[low, high]` range of the pixel values.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, `data_format`, ...).

    Raises:
        ValueError: If `factor` is outside `[0, 1]`.

    Example:

    >>> layer = keras.layers.RandomContrast(factor=0.5, seed=3)
    >>> x = np.full((1, 2, 2, 1), 100.0, dtype="float32")
    >>> layer(x)[0, :, :, 0]
    array([[100., 100.],
           [100., 100.]], dtype=float32)
    """

    def __init__(
        self, factor: Any, value_range: Any = (0, 255), seed: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(seed=seed, **kwargs)
        self.factor = standardize_factor(factor, (0, 1))
        self.value_range = value_range

    def _augment(self, images: Tensor) -> Tensor:
        batch = ops.shape(images)[0]
        contrast = ops.cast(
            self._uniform((batch, 1, 1, 1), 1.0 - self.factor[0], 1.0 + self.factor[1]), images.dtype
        )
        axis = self._height_axis(4)
        mean = ops.mean(images, axis=(axis, axis + 1), keepdims=True)
        outputs = ops.add(ops.multiply(ops.subtract(images, mean), contrast), mean)
        return ops.clip(outputs, self.value_range[0], self.value_range[1])

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }


class RandomBrightness(RandomImageLayer):
    """Add a random brightness offset to each image during training.

    The offset is drawn per image from `factor * (high - low)` of `value_range`,
    added to every pixel, and the result clipped to `value_range`.

    Args:
        factor: A float `f` in `[-1, 1]` (offsets in `[-f, f]`) or a pair
            `(lower, upper)`.
        value_range: The `[low, high]` range of the pixel values.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, `data_format`, ...).

    Raises:
        ValueError: If `factor` is outside `[-1, 1]` or `value_range` is not two numbers.

    Example:

    >>> layer = keras.layers.RandomBrightness(factor=(0.5, 0.5), value_range=(0, 1))
    >>> layer(np.array([[[[0.1], [0.8]]]], dtype="float32"))[0, 0, :, 0]
    array([0.6, 1. ], dtype=float32)
    """

    def __init__(
        self, factor: Any, value_range: Any = (0, 255), seed: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(seed=seed, **kwargs)
        self.factor = standardize_factor(factor, (-1, 1))
        self.value_range = standardize_value_range(value_range)

    def _augment(self, images: Tensor) -> Tensor:
        batch = ops.shape(images)[0]
        low, high = self.value_range
        delta = self._uniform((batch, 1, 1, 1), self.factor[0], self.factor[1]) * (high - low)
        outputs = ops.add(images, ops.cast(delta, images.dtype))
        return ops.clip(outputs, low, high)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }
