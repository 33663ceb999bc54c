"""Random geometric augmentation: `RandomFlip`, `RandomRotation`, `RandomZoom`,
`RandomTranslation` and `RandomCrop`.
"""

from __future__ import annotations

import random as python_random
from typing import Any

from keras import ops
from keras.layers._preprocessing._augmentation import (
    TWO_PI,
    AffineImageLayer,
    RandomImageLayer,
    stack_transforms,
    standardize_factor,
)
from keras.ops._typing import Shape, Tensor

__all__ = ["RandomCrop", "RandomFlip", "RandomRotation", "RandomTranslation", "RandomZoom"]

_FLIP_MODES = ("horizontal", "vertical", "horizontal_and_vertical")


class RandomFlip(RandomImageLayer):
    """Flip each image at random (probability 1/2 per axis) during training.

    Args:
        mode: `"horizontal"` (left-right), `"vertical"` (up-down) or
            `"horizontal_and_vertical"` (each, independently).
        seed: A seed for the random draws.
        data_format: `"channels_last"` or `"channels_first"`; the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: A batch of images (rank 4) or one image (rank 3).
        training: Whether to flip (default `True`, as in Keras); `False` returns the
            inputs unchanged.

    Raises:
        ValueError: If `mode` is unknown.

    Example:

    >>> x = np.arange(4, dtype="float32").reshape(1, 2, 2, 1)
    >>> keras.layers.RandomFlip("horizontal", seed=0)(x, training=False)[0, :, :, 0]
    array([[0., 1.],
           [2., 3.]], dtype=float32)
    """

    def __init__(
        self,
        mode: str = "horizontal_and_vertical",
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        if mode not in _FLIP_MODES:
            raise ValueError(
                f"RandomFlip layer {self.name} received an unknown mode argument {mode}. "
                f"Expected one of {_FLIP_MODES}."
            )
        self.mode = mode

    def _flip(self, images: Tensor, axis: int) -> Tensor:
        batch = ops.shape(images)[0]
        flip = ops.less(self._uniform((batch, 1, 1, 1), 0.0, 1.0), 0.5)
        return ops.where(flip, ops.flip(images, axis=axis), images)

    def _augment(self, images: Tensor) -> Tensor:
        height_axis = self._height_axis(4)
        if self.mode in ("horizontal", "horizontal_and_vertical"):
            images = self._flip(images, height_axis + 1)
        if self.mode in ("vertical", "horizontal_and_vertical"):
            images = self._flip(images, height_axis)
        return images

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "seed": self.seed, "mode": self.mode}


class RandomRotation(AffineImageLayer):
    """Rotate each image by a random angle during training.

    Args:
        factor: A fraction of a full turn: a float `f` (angles in `[-f, f] * 2 pi`)
            or a pair `(lower, upper)`. Positive angles turn counter-clockwise.
        fill_mode: How points outside the image are filled: `"reflect"`, `"wrap"`,
            `"constant"` (with `fill_value`) or `"nearest"`.
        interpolation: `"bilinear"` or `"nearest"`.
        seed: A seed for the random draws.
        fill_value: The fill value for `fill_mode="constant"`.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[-1, 1]`, or `fill_mode` or
            `interpolation` is unknown.

    Example:

    >>> layer = keras.layers.RandomRotation(factor=(0.25, 0.25), fill_mode="constant")
    >>> x = np.array([[1.0, 2.0], [3.0, 4.0]], dtype="float32").reshape(1, 2, 2, 1)
    >>> layer(x)[0, :, :, 0]
    array([[2., 4.],
           [1., 3.]], dtype=float32)
    """

    def __init__(
        self,
        factor: Any,
        fill_mode: str = "reflect",
        interpolation: str = "bilinear",
        seed: int | None = None,
        fill_value: float = 0.0,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            fill_mode=fill_mode,
            interpolation=interpolation,
            fill_value=fill_value,
            seed=seed,
            data_format=data_format,
            **kwargs,
        )
        self.factor = standardize_factor(factor, (-1, 1))

    def _transforms(self, batch: Any, height: Tensor, width: Tensor) -> Tensor:
        angle = self._uniform((batch,), self.factor[0] * TWO_PI, self.factor[1] * TWO_PI)
        cos, sin = ops.cos(angle), ops.sin(angle)
        x_offset = ((width - 1) - (cos * (width - 1) - sin * (height - 1))) / 2.0
        y_offset = ((height - 1) - (sin * (width - 1) + cos * (height - 1))) / 2.0
        zeros = ops.zeros_like(angle)
        return stack_transforms(cos, -sin, x_offset, sin, cos, y_offset, zeros, zeros)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "fill_mode": self.fill_mode,
            "fill_value": self.fill_value,
            "interpolation": self.interpolation,
            "seed": self.seed,
        }


def _signed_range(factor: Any, name: str) -> tuple[float, float]:
    """Return a `(lower, upper)` fraction range: `f` means `(-f, f)`; bounds at -1."""
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2:
            raise ValueError(f"`{name}` must be a float or a tuple of 2 floats. Received: {name}={factor}")
        lower, upper = float(factor[0]), float(factor[1])
    else:
        lower, upper = -float(factor), float(factor)
    if lower > upper:
        raise ValueError(
            f"`{name}` cannot have a lower bound larger than its upper bound. Received: {name}={factor}"
        )
    if abs(lower) > 1.0 or abs(upper) > 1.0:
        raise ValueError(f"`{name}` argument must have values between [-1, 1]. Received: {name}={factor}")
    return lower, upper


class RandomZoom(AffineImageLayer):
    """Zoom each image in or out by a random amount during training.

    Args:
        height_factor: A fraction `f` (vertical zoom drawn from `[1 - f, 1 + f]`) or a
            pair `(lower, upper)` (from `[1 + lower, 1 + upper]`). Positive values zoom
            out (the content shrinks), negative values zoom in.
        width_factor: The same for the horizontal zoom; `None` keeps the aspect ratio
            (the vertical zoom is used).
        fill_mode: `"reflect"`, `"wrap"`, `"constant"` or `"nearest"`.
        interpolation: `"bilinear"` or `"nearest"`.
        seed: A seed for the random draws.
        fill_value: The fill value for `fill_mode="constant"`.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If a factor is outside `[-1, 1]`, or `fill_mode` or
            `interpolation` is unknown.

    Example:

    >>> layer = keras.layers.RandomZoom(height_factor=(1.0, 1.0), fill_mode="constant", interpolation="nearest")
    >>> x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    >>> layer(x).shape
    (1, 4, 4, 1)
    """

    def __init__(
        self,
        height_factor: Any,
        width_factor: Any = None,
        fill_mode: str = "reflect",
        interpolation: str = "bilinear",
        seed: int | None = None,
        fill_value: float = 0.0,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            fill_mode=fill_mode,
            interpolation=interpolation,
            fill_value=fill_value,
            seed=seed,
            data_format=data_format,
            **kwargs,
        )
        self.height_factor = height_factor
        self.width_factor = width_factor
        self._height_range = _signed_range(height_factor, "height_factor")
        self._width_range = None if width_factor is None else _signed_range(width_factor, "width_factor")

    def _transforms(self, batch: Any, height: Tensor, width: Tensor) -> Tensor:
        zoom_y = self._uniform((batch,), 1.0 + self._height_range[0], 1.0 + self._height_range[1])
        if self._width_range is None:
            zoom_x = zoom_y
        else:
            zoom_x = self._uniform((batch,), 1.0 + self._width_range[0], 1.0 + self._width_range[1])
        x_offset = (width - 1) / 2.0 * (1.0 - zoom_x)
        y_offset = (height - 1) / 2.0 * (1.0 - zoom_y)
        zeros = ops.zeros_like(zoom_y)
        return stack_transforms(zoom_x, zeros, x_offset, zeros, zoom_y, y_offset, zeros, zeros)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "height_factor": self.height_factor,
            "width_factor": self.width_factor,
            "fill_mode": self.fill_mode,
            "interpolation": self.interpolation,
            "seed": self.seed,
            "fill_value": self.fill_value,
        }


class RandomTranslation(AffineImageLayer):
    """Shift each image by a random offset during training.

    Args:
        height_factor: A fraction `f` of the height (vertical shift drawn from
            `[-f, f] * height`) or a pair `(lower, upper)`; positive moves down.
        width_factor: The same for the horizontal shift; positive moves right.
        fill_mode: `"reflect"`, `"wrap"`, `"constant"` or `"nearest"`.
        interpolation: `"bilinear"` or `"nearest"`.
        seed: A seed for the random draws.
        fill_value: The fill value for `fill_mode="constant"`.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If a factor is outside `[-1, 1]`, or `fill_mode` or
            `interpolation` is unknown.

    Example:

    >>> layer = keras.layers.RandomTranslation((0.5, 0.5), 0.0, fill_mode="constant", interpolation="nearest")
    >>> x = np.array([[1.0], [2.0]], dtype="float32").reshape(1, 2, 1, 1)
    >>> layer(x)[0, :, 0, 0]
    array([0., 1.], dtype=float32)
    """

    def __init__(
        self,
        height_factor: Any,
        width_factor: Any,
        fill_mode: str = "reflect",
        interpolation: str = "bilinear",
        seed: int | None = None,
        fill_value: float = 0.0,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            fill_mode=fill_mode,
            interpolation=interpolation,
            fill_value=fill_value,
            seed=seed,
            data_format=data_format,
            **kwargs,
        )
        self.height_factor = height_factor
        self.width_factor = width_factor
        self._height_range = _signed_range(height_factor, "height_factor")
        self._width_range = _signed_range(width_factor, "width_factor")

    def _transforms(self, batch: Any, height: Tensor, width: Tensor) -> Tensor:
        dy = self._uniform((batch,), *self._height_range) * height
        dx = self._uniform((batch,), *self._width_range) * width
        ones, zeros = ops.ones_like(dy), ops.zeros_like(dy)
        return stack_transforms(ones, zeros, -dx, zeros, ones, -dy, zeros, zeros)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "height_factor": self.height_factor,
            "width_factor": self.width_factor,
            "fill_mode": self.fill_mode,
            "interpolation": self.interpolation,
            "seed": self.seed,
            "fill_value": self.fill_value,
        }


class RandomCrop(RandomImageLayer):
    """Crop a random `(height, width)` window out of the images during training.

    One window position is drawn per batch. Images not larger than the window on
    both sides are cropped to its aspect ratio at the center and resized instead. As
    in Keras, inference (`training=False`) returns the inputs unchanged.

    Args:
        height: The window height.
        width: The window width.
        seed: A seed for the random draws (a random one is chosen and recorded if
            `None`, as Keras does).
        data_format: `"channels_last"` or `"channels_first"`.
        name: The layer's name.
        **kwargs: Base layer arguments (`dtype`, ...).

    Example:

    >>> x = np.arange(20, dtype="float32").reshape(1, 4, 5, 1)
    >>> keras.layers.RandomCrop(2, 3, seed=1)(x).shape
    (1, 2, 3, 1)
    """

    def __init__(
        self,
        height: int,
        width: int,
        seed: int | None = None,
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, name=name, **kwargs)
        self.height = height
        self.width = width
        if seed is None:
            self.seed = python_random.randint(1, int(1e9))

    def _augment(self, images: Tensor) -> Tensor:
        axis = self._height_axis(4)
        in_height, in_width = images.shape[axis], images.shape[axis + 1]
        if in_height is None or in_width is None:
            raise ValueError(
                f"RandomCrop requires the input to have a fully defined height and width. Received: images.shape={images.shape}"
            )
        if in_height > self.height and in_width > self.width:
            top = ops.cast(self._uniform((), 0.0, float(in_height - self.height + 1)), "int32")
            left = ops.cast(self._uniform((), 0.0, float(in_width - self.width + 1)), "int32")
            zero = ops.zeros((), dtype="int32")
            starts = [zero, zero, zero, zero]
            sizes = list(images.shape)
            starts[axis], starts[axis + 1] = top, left
            sizes[axis], sizes[axis + 1] = self.height, self.width
            return ops.slice(images, ops.stack(starts), sizes)
        resized = ops.image.resize(
            images, (self.height, self.width), crop_to_aspect_ratio=True, data_format=self.data_format
        )
        return ops.cast(resized, self.compute_dtype)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return self._with_size(input_shape, self.height, self.width)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "height": self.height, "width": self.width, "seed": self.seed}
