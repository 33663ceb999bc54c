"""`smart_resize`: resize images to a target size without distorting their aspect ratio."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from keras import ops
from keras.backend import floatx, is_float_dtype, standardize_dtype
from keras.ops._typing import ArrayLike, Tensor


def smart_resize(
    x: ArrayLike,
    size: Sequence[int],
    interpolation: str = "bilinear",
    data_format: str = "channels_last",
    **kwargs: Any,
) -> Tensor:
    """Resize images to `size`, first center-cropping them to the target aspect ratio.

    The largest centered window with the aspect ratio of `size` is cut out of each image,
    then resized to `size` with `keras.ops.image.resize`, so nothing is stretched.

    Args:
        x: An image `(height, width, channels)` or a batch `(batch, height, width,
            channels)` (channels first with `data_format="channels_first"`).
        size: The target `(height, width)`.
        interpolation: The resize interpolation (`"bilinear"`, `"nearest"`, `"bicubic"`,
            `"lanczos3"`, `"lanczos5"`, `"area"`).
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: None are accepted (Keras's `backend_module` is not supported).

    Returns:
        The resized image(s), a numpy array when `x` is one, else a backend tensor; float
        (`floatx()` for integer images).

    Raises:
        ValueError: If `size` is not two integers or `x` is not rank 3 or 4.
        TypeError: If unexpected keyword arguments are passed.

    Example:

    >>> image = np.arange(24, dtype="float32").reshape(4, 6, 1)
    >>> keras.preprocessing.image.smart_resize(image, (2, 2))[..., 0]
    array([[ 4.5,  6.5],
           [16.5, 18.5]], dtype=float32)
    """
    if kwargs:
        raise TypeError(f"smart_resize() got unexpected keyword arguments: {list(kwargs.keys())}")
    if len(size) != 2:
        raise ValueError(f"Expected `size` to be a tuple of 2 integers, but got: {size}.")
    if data_format not in ("channels_last", "channels_first"):
        raise ValueError(
            f"Expected `data_format` to be 'channels_last' or 'channels_first'. Received: data_format={data_format!r}"
        )
    image = ops.convert_to_tensor(x)
    shape = tuple(image.shape)
    if not 3 <= len(shape) <= 4:
        raise ValueError(
            "Expected an image array with shape `(height, width, channels)`, or `(batch_size, height, width, "
            f"channels)`, but got input with incorrect rank, of shape {shape}."
        )
    height_axis = len(shape) - (3 if data_format == "channels_last" else 2)
    height, width = int(shape[height_axis]), int(shape[height_axis + 1])
    target_height, target_width = int(size[0]), int(size[1])
    crop_height = max(min(height, int(width * target_height / target_width)), 1)
    crop_width = max(min(width, int(height * target_width / target_height)), 1)
    top, left = (height - crop_height) // 2, (width - crop_width) // 2
    window = [slice(None)] * len(shape)
    window[height_axis] = slice(top, top + crop_height)
    window[height_axis + 1] = slice(left, left + crop_width)
    cropped = image[tuple(window)]
    if not is_float_dtype(standardize_dtype(cropped.dtype)):
        cropped = ops.cast(cropped, floatx())
    resized = ops.image.resize(
        cropped, size=(target_height, target_width), interpolation=interpolation, data_format=data_format
    )
    return np.asarray(ops.convert_to_numpy(resized)) if isinstance(x, np.ndarray) else resized
