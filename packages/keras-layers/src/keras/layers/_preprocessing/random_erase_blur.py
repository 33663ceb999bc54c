"""Random occlusion and blur: `RandomErasing` and `RandomGaussianBlur`."""

from __future__ import annotations

from typing import Any

from keras import ops, random
from keras.layers._preprocessing._augmentation import (
    RandomImageLayer,
    standardize_factor,
    standardize_value_range,
)
from keras.layers._preprocessing._color_math import (
    depthwise_filter,
    gaussian_window,
    per_sample,
    random_flags,
    select,
)
from keras.ops._typing import Tensor

__all__ = ["RandomErasing", "RandomGaussianBlur"]


def _check_fill_value(fill_value: Any) -> None:
    is_number = isinstance(fill_value, (int, float)) and not isinstance(fill_value, bool)
    is_triple = isinstance(fill_value, (tuple, list)) and len(fill_value) == 3
    if fill_value is not None and not (is_number or is_triple):
        raise ValueError(
            "The `fill_value` argument should be a number (or a list of three numbers). "
            f"Received: fill_value={fill_value}"
        )


class RandomErasing(RandomImageLayer):
    """Erase a random rectangle of some images during training.

    An image is erased with a probability drawn per image from `factor`. The
    rectangle's width and height are `sqrt(s) * width` and `sqrt(s') * height`,
    with `s, s'` drawn from `scale`, at a random position inside the image. Its
    pixels become `fill_value`, or Gaussian noise times `high` of `value_range`
    when `fill_value` is `None`, clipped to `value_range`.

    Args:
        factor: A float `f` in `[0, 1]` (probabilities drawn from `(0, f)`, so `1.0`
            erases half of the images on average) or a pair `(lower, upper)`.
        scale: The range of the erased area's side fractions (squared), a float
            `f` meaning `(0, f)` or a pair, within `[0, 1]`.
        fill_value: A number, three numbers (one per channel), or `None` for noise.
        value_range: The `[low, high]` range of the pixel values.
        seed: A seed for the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` or `scale` is outside `[0, 1]`, or `fill_value` is
            neither a number nor three numbers.

    Example:

    >>> layer = keras.layers.RandomErasing(factor=(1.0, 1.0), scale=(1.0, 1.0), fill_value=7.0)
    >>> layer(np.ones((1, 2, 3, 1), dtype="float32"))[0, :, :, 0]
    array([[7., 7., 7.],
           [7., 7., 7.]], dtype=float32)
    """

    def __init__(
        self,
        factor: Any = 1.0,
        scale: Any = (0.02, 0.33),
        fill_value: Any = None,
        value_range: Any = (0, 255),
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.factor = standardize_factor(factor, (0, 1))
        self.scale = standardize_factor(scale, (0, 1), "scale")
        _check_fill_value(fill_value)
        self.fill_value = fill_value
        self._range = standardize_value_range(value_range)
        self.value_range = value_range

    def _box(self, batch: Any, length: Any, fraction: Tensor) -> tuple[Tensor, Tensor]:
        """Return per-sample `(start, end)` of a span of `fraction * length` pixels."""
        span = fraction * ops.cast(length, "float32")
        start = self._uniform((batch,), 0.0, 1.0) * (ops.cast(length, "float32") - span)
        return per_sample(start), per_sample(start + span)

    def _fill(self, images: Tensor) -> Tensor:
        if self.fill_value is None:
            noise = random.normal(ops.shape(images), seed=self.generator, dtype=images.dtype)
            fill = noise * float(self._range[1])
        elif isinstance(self.fill_value, (tuple, list)):
            values = ops.convert_to_tensor([float(v) for v in self.fill_value], dtype=images.dtype)
            shape = (1, 3, 1, 1) if self.data_format == "channels_first" else (1, 1, 1, 3)
            fill = ops.reshape(values, shape)
        else:
            fill = ops.full_like(images, float(self.fill_value))
        return ops.clip(fill, self._range[0], self._range[1])

    def _augment(self, images: Tensor) -> Tensor:
        batch, height, width = self._size(images)
        sides = ops.sqrt(self._uniform((batch, 2), *self.scale))
        x_start, x_end = self._box(batch, width, sides[:, 0])
        y_start, y_end = self._box(batch, height, sides[:, 1])
        rows = ops.cast(ops.arange(height), "float32")
        cols = ops.cast(ops.arange(width), "float32")
        if self.data_format == "channels_first":
            rows, cols = rows[None, None, :, None], cols[None, None, None, :]
        else:
            rows, cols = rows[None, :, None, None], cols[None, None, :, None]
        inside = ops.logical_and(
            ops.logical_and(ops.greater_equal(cols, x_start), ops.less(cols, x_end)),
            ops.logical_and(ops.greater_equal(rows, y_start), ops.less(rows, y_end)),
        )
        flags = random_flags(self._uniform, batch, self.factor)
        erased = ops.where(inside, self._fill(images), images)
        return select(flags, erased, images)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "scale": self.scale,
            "fill_value": self.fill_value,
            "value_range": self.value_range,
            "seed": self.seed,
        }


def _kernel_size(kernel_size: Any) -> tuple[int, int]:
    """Return `(size_x, size_y)`: odd sizes, one for both axes or a pair."""
    sizes = list(kernel_size) if isinstance(kernel_size, (tuple, list)) else [kernel_size, kernel_size]
    if len(sizes) != 2:
        raise ValueError(
            "The `kernel_size` argument should be a number (or a list of two numbers). "
            f"Received: kernel_size={kernel_size}"
        )
    if any(isinstance(s, bool) or not isinstance(s, (int, float)) or s % 2 == 0 or s < 1 for s in sizes):
        raise ValueError(f"kernel_size must be an odd number. Received: kernel_size={kernel_size}")
    return sizes[0], sizes[1]


class RandomGaussianBlur(RandomImageLayer):
    """Blur some images with a Gaussian filter during training.

    An image is blurred with a probability drawn per image from `factor`. The
    standard deviations along x and y are drawn (once per batch) from `sigma`; the
    filter is zero-padded at the borders. The result is clipped to `value_range`.

    Args:
        factor: A float `f` in `[0, 1]` (probabilities drawn from `(0, f)`, so `1.0`
            blurs half of the images on average) or a pair `(lower, upper)`.
        kernel_size: An odd filter size, or a pair `(size_x, size_y)` of odd sizes.
        sigma: A float `f` in `[0, 1]` (sigmas drawn from `(0, f)`) or a pair.
        value_range: The `[low, high]` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` or `sigma` is outside `[0, 1]`, or a kernel size is
            even.

    Example:

    >>> layer = keras.layers.RandomGaussianBlur(factor=(1.0, 1.0), sigma=(1.0, 1.0))
    >>> x = np.zeros((1, 3, 3, 1), dtype="float32")
    >>> x[0, 1, 1, 0] = 100.0
    >>> layer(x)[0, 1, :, 0]
    array([12.384..., 20.417..., 12.384...], dtype=float32)
    """

    def __init__(
        self,
        factor: Any = 1.0,
        kernel_size: Any = 3,
        sigma: Any = 1.0,
        value_range: Any = (0, 255),
        data_format: str | None = None,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.factor = standardize_factor(factor, (0, 1))
        self.kernel_size = _kernel_size(kernel_size)
        self.sigma = standardize_factor(sigma, (0, 1), "sigma")
        self._range = standardize_value_range(value_range)
        self.value_range = value_range

    def _augment(self, images: Tensor) -> Tensor:
        flags = random_flags(self._uniform, ops.shape(images)[0], self.factor)
        sigma = self._uniform((2,), *self.sigma) + 1e-6
        dtype = images.dtype
        window_x = gaussian_window(int(self.kernel_size[0]), sigma[0], dtype)
        window_y = gaussian_window(int(self.kernel_size[1]), sigma[1], dtype)
        blurred = depthwise_filter(images, window_y[:, None] * window_x[None, :], self.data_format)
        return ops.clip(select(flags, blurred, images), self._range[0], self._range[1])

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "kernel_size": self.kernel_size,
            "sigma": self.sigma,
            "value_range": self.value_range,
            "seed": self.seed,
        }
