"""`Resizing` and `CenterCrop`: bring images to a fixed height and width."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._preprocessing._image import ImageLayer
from keras.ops._typing import Shape, Tensor

__all__ = ["CenterCrop", "Resizing"]

_INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area")


class Resizing(ImageLayer):
    """Resize images to `(height, width)`.

    Args:
        height: The output height.
        width: The output width.
        interpolation: `"bilinear"` (default), `"nearest"`, `"bicubic"`, `"area"`,
            `"lanczos3"` or `"lanczos5"`.
        crop_to_aspect_ratio: If `True`, crop the largest centered window of the
            target aspect ratio before resizing, so nothing is distorted.
        pad_to_aspect_ratio: If `True`, pad the images (with `fill_value`) to the
            target aspect ratio before resizing.
        fill_mode: How `pad_to_aspect_ratio` pads: only `"constant"`.
        fill_value: The padding value.
        antialias: Whether to filter when downsampling.
        data_format: `"channels_last"` or `"channels_first"`; the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `interpolation` is unknown or both aspect-ratio options are set.

    Example:

    >>> x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    >>> keras.layers.Resizing(2, 2, interpolation="nearest")(x)[0, :, :, 0]
    array([[ 5.,  7.],
           [13., 15.]], dtype=float32)
    """

    def __init__(
        self,
        height: int,
        width: int,
        interpolation: str = "bilinear",
        crop_to_aspect_ratio: bool = False,
        pad_to_aspect_ratio: bool = False,
        fill_mode: str = "constant",
        fill_value: float = 0.0,
        antialias: bool = False,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(data_format=data_format, **kwargs)
        if interpolation not in _INTERPOLATIONS:
            raise ValueError(
                f"Invalid value for argument `interpolation`. Expected one of {_INTERPOLATIONS}. "
                f"Received: interpolation={interpolation!r}"
            )
        if crop_to_aspect_ratio and pad_to_aspect_ratio:
            raise ValueError(
                "Only one of `crop_to_aspect_ratio` and `pad_to_aspect_ratio` can be `True`. Received: "
                f"crop_to_aspect_ratio={crop_to_aspect_ratio}, pad_to_aspect_ratio={pad_to_aspect_ratio}"
            )
        self.height = height
        self.width = width
        self.interpolation = interpolation
        self.crop_to_aspect_ratio = crop_to_aspect_ratio
        self.pad_to_aspect_ratio = pad_to_aspect_ratio
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.antialias = antialias

    def call(self, inputs: Tensor) -> Tensor:
        self._check_rank(len(inputs.shape))
        return ops.image.resize(
            ops.cast(inputs, self.compute_dtype),
            (self.height, self.width),
            interpolation=self.interpolation,
            antialias=self.antialias,
            crop_to_aspect_ratio=self.crop_to_aspect_ratio,
            pad_to_aspect_ratio=self.pad_to_aspect_ratio,
            fill_mode=self.fill_mode,
            fill_value=self.fill_value,
            data_format=self.data_format,
        )

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return self._with_size(input_shape, self.height, self.width)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "height": self.height,
            "width": self.width,
            "interpolation": self.interpolation,
            "crop_to_aspect_ratio": self.crop_to_aspect_ratio,
            "pad_to_aspect_ratio": self.pad_to_aspect_ratio,
            "fill_mode": self.fill_mode,
            "fill_value": self.fill_value,
            "antialias": self.antialias,
        }


class CenterCrop(ImageLayer):
    """Crop the central `(height, width)` window of images.

    Images smaller than the window on either side are instead resized to it
    (cropping to its aspect ratio first), so the output always has that size.

    Args:
        height: The output height.
        width: The output width.
        data_format: `"channels_last"` or `"channels_first"`; the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    >>> keras.layers.CenterCrop(2, 2)(x)[0, :, :, 0]
    array([[ 5.,  6.],
           [ 9., 10.]], dtype=float32)
    """

    def __init__(self, height: int, width: int, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(data_format=data_format, **kwargs)
        self.height = height
        self.width = width

    def call(self, inputs: Tensor) -> Tensor:
        inputs = ops.cast(inputs, self.compute_dtype)
        axis = self._height_axis(len(inputs.shape))
        in_height, in_width = inputs.shape[axis], inputs.shape[axis + 1]
        if in_height >= self.height and in_width >= self.width:
            top = (in_height - self.height) // 2
            left = (in_width - self.width) // 2
            index = [slice(None)] * len(inputs.shape)
            index[axis] = slice(top, top + self.height)
            index[axis + 1] = slice(left, left + self.width)
            return inputs[tuple(index)]
        return ops.image.resize(
            inputs, (self.height, self.width), crop_to_aspect_ratio=True, data_format=self.data_format
        )

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return self._with_size(input_shape, self.height, self.width)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "height": self.height, "width": self.width}
