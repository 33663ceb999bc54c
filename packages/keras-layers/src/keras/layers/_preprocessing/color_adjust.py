"""Random color augmentation: grayscale, hue, saturation, color degeneration and
the `RandomColorJitter` composition of brightness, contrast, saturation and hue.
"""

from __future__ import annotations

from typing import Any

from keras import backend, ops
from keras.layers._preprocessing._augmentation import (
    FactorImageLayer,
    RandomImageLayer,
    standardize_factor,
    standardize_value_range,
)
from keras.layers._preprocessing._color_math import (
    blend,
    edit_hsv_channel,
    per_sample,
    rescale,
    select,
)
from keras.layers._preprocessing.random_color import RandomBrightness, RandomContrast
from keras.ops._typing import Tensor

__all__ = [
    "RandomColorDegeneration",
    "RandomColorJitter",
    "RandomGrayscale",
    "RandomHue",
    "RandomSaturation",
]


class RandomGrayscale(RandomImageLayer):
    """Turn each RGB image to grayscale with probability `factor` during training.

    A converted image keeps its 3 channels, each set to the luma
    `0.2989 R + 0.5870 G + 0.1140 B`; the other images pass unchanged.

    Args:
        factor: The probability, in `[0, 1]`, that an image is converted.
        data_format: `"channels_last"` or `"channels_first"`; the global
            `keras.backend.image_data_format()` by default.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[0, 1]`.

    Example:

    >>> x = np.array([[[[255.0, 0.0, 0.0]]]], dtype="float32")
    >>> keras.layers.RandomGrayscale(factor=1.0)(x)
    array([[[[76.2195..., 76.2195..., 76.2195...]]]], dtype=float32)
    """

    def __init__(
        self, factor: float = 0.5, data_format: str | None = None, seed: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        checked: object = factor
        if not isinstance(checked, (int, float)) or checked < 0 or checked > 1:
            raise ValueError(f"`factor` should be between 0 and 1. Received: factor={factor}")
        self.factor = factor

    def _augment(self, images: Tensor) -> Tensor:
        batch = ops.shape(images)[0]
        flags = ops.less(self._uniform((batch,), 0.0, 1.0), float(self.factor))
        gray = ops.image.rgb_to_grayscale(images, data_format=self.data_format)
        return select(flags, gray, images)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "factor": self.factor}


class RandomHue(RandomImageLayer):
    """Rotate the hue of each RGB image by a random amount during training.

    The images are converted to HSV and the hue (in turns, `[0, 1)`) is shifted by
    `+-f / 2`, with `f` drawn per image from `factor` and the sign at random, then
    converted back to RGB.

    Args:
        factor: A float `f` in `[0, 1]` (meaning `(0, f)`) or a pair `(lower, upper)`;
            `1.0` allows shifts of up to half a turn, `0.0` changes nothing.
        value_range: The `[low, high]` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[0, 1]` or `value_range` is not two numbers.

    Example:

    >>> x = np.array([[[[200.0, 50.0, 50.0]]]], dtype="float32")
    >>> keras.layers.RandomHue(factor=0.0)(x)
    array([[[[200.,  50.,  50.]]]], dtype=float32)
    """

    def __init__(
        self,
        factor: Any,
        value_range: Any = (0, 255),
        data_format: str | None = None,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.factor = standardize_factor(factor, (0, 1))
        self._range = standardize_value_range(value_range)
        self.value_range = value_range

    def _augment(self, images: Tensor) -> Tensor:
        batch = ops.shape(images)[0]
        sign = ops.where(ops.greater(self._uniform((batch,), 0.0, 1.0), 0.5), -1.0, 1.0)
        shift = per_sample(sign * self._uniform((batch,), *self.factor) * 0.5, images.dtype)

        def rotate(hue: Tensor) -> Tensor:
            hue = hue + shift
            hue = ops.where(ops.greater(hue, 1.0), hue - 1.0, hue)
            return ops.where(ops.less(hue, 0.0), hue + 1.0, hue)

        unit = rescale(images, self._range, (0, 1))
        outputs = ops.clip(edit_hsv_channel(unit, 0, rotate, self.data_format), 0.0, 1.0)
        return ops.cast(rescale(outputs, (0, 1), self._range), self.compute_dtype)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }


class RandomSaturation(FactorImageLayer):
    """Scale the saturation of each RGB image by a random amount during training.

    A value `f` is drawn per image from `factor` and the HSV saturation multiplied by
    `f / (1 - f)` (so `0.5` keeps the image, `0` makes it gray, values near `1`
    saturate it fully), then clipped to `[0, 1]`.

    Args:
        factor: A float `f` in `[-1, 1]` (meaning `(-f, f)`) or a pair
            `(lower, upper)`; draws below 0 make the image gray.
        value_range: The `[low, high]` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[-1, 1]` or `value_range` is not two numbers.

    Example:

    >>> x = np.array([[[[200.0, 100.0, 50.0]]]], dtype="float32")
    >>> keras.layers.RandomSaturation(factor=(0.0, 0.0))(x)
    array([[[[200., 200., 200.]]]], dtype=float32)
    """

    factor_bounds = (-1, 1)

    def _augment(self, images: Tensor) -> Tensor:
        batch = ops.shape(images)[0]
        draw = self._uniform((batch,), *self.factor)
        scale = per_sample(draw / (1.0 - draw + backend.epsilon()), images.dtype)

        def saturate(saturation: Tensor) -> Tensor:
            return ops.clip(saturation * scale, 0.0, 1.0)

        return ops.cast(edit_hsv_channel(images, 1, saturate, self.data_format), self.compute_dtype)


class RandomColorDegeneration(FactorImageLayer):
    """Blend each RGB image with its grayscale version by a random amount in training.

    Each image becomes `x + f * (gray(x) - x)`, with `f` drawn per image from
    `factor` (`1` gives gray, `0` the image, negative values push colors away from
    gray), clipped to `value_range`.

    Args:
        factor: A float `f` in `[-1, 1]` (meaning `(-f, f)`) or a pair `(lower, upper)`.
        value_range: The `[low, high]` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[-1, 1]` or `value_range` is not two numbers.

    Example:

    >>> x = np.array([[[[255.0, 0.0, 0.0]]]], dtype="float32")
    >>> keras.layers.RandomColorDegeneration(factor=(0.5, 0.5))(x)
    array([[[[165.609..., 38.109..., 38.109...]]]], dtype=float32)
    """

    factor_bounds = (-1, 1)

    def _augment(self, images: Tensor) -> Tensor:
        batch = ops.shape(images)[0]
        amount = per_sample(self._uniform((batch,), *self.factor), images.dtype)
        gray = ops.image.rgb_to_grayscale(images, data_format=self.data_format)
        return ops.clip(blend(images, gray, amount), self.value_range[0], self.value_range[1])


class RandomColorJitter(RandomImageLayer):
    """Randomly change brightness, contrast, saturation and hue, in that order.

    Each factor that is not `None` adds one step, with the meaning (and defaults)
    of `RandomBrightness`, `RandomContrast`, `RandomSaturation` and `RandomHue`.

    Args:
        value_range: The `[low, high]` range of the pixel values.
        brightness_factor: The `factor` of `RandomBrightness`, or `None` to skip it.
        contrast_factor: The `factor` of `RandomContrast`, or `None` to skip it.
        saturation_factor: The `factor` of `RandomSaturation`, or `None` to skip it.
        hue_factor: The `factor` of `RandomHue`, or `None` to skip it.
        seed: A seed for the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If a factor or `value_range` is invalid for its step.

    Example:

    >>> layer = keras.layers.RandomColorJitter(brightness_factor=(0.1, 0.1))
    >>> layer(np.array([[[[20.0, 40.0, 60.0]]]], dtype="float32"))
    array([[[[45.5, 65.5, 85.5]]]], dtype=float32)
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        brightness_factor: Any = None,
        contrast_factor: Any = None,
        saturation_factor: Any = None,
        hue_factor: Any = None,
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.value_range = value_range
        self.brightness_factor = brightness_factor
        self.contrast_factor = contrast_factor
        self.saturation_factor = saturation_factor
        self.hue_factor = hue_factor
        steps = [
            (RandomBrightness, brightness_factor),
            (RandomContrast, contrast_factor),
            (RandomSaturation, saturation_factor),
            (RandomHue, hue_factor),
        ]
        # Each step draws from its own generator; distinct seeds keep the draws independent.
        self.steps = [
            cls(
                factor,
                value_range=value_range,
                seed=None if seed is None else seed + index,
                data_format=self.data_format,
                dtype=self.dtype_policy,
            )
            for index, (cls, factor) in enumerate(steps)
            if factor is not None
        ]

    def _augment(self, images: Tensor) -> Tensor:
        for step in self.steps:
            images = ops.cast(step._augment(images), self.compute_dtype)
        return images

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "brightness_factor": self.brightness_factor,
            "contrast_factor": self.contrast_factor,
            "saturation_factor": self.saturation_factor,
            "hue_factor": self.hue_factor,
            "seed": self.seed,
        }
