"""`load_img`, `save_img`, `img_to_array`, `array_to_img`: PIL images and arrays (PIL is optional)."""

from __future__ import annotations

import importlib
import io
import os
from typing import Any

import numpy as np

from keras.backend import floatx, image_data_format

_RESAMPLING = ("nearest", "bilinear", "bicubic", "hamming", "box", "lanczos")


def _pil() -> Any:
    try:
        image_module = importlib.import_module("PIL.Image")
    except ImportError as error:
        raise ImportError(
            "Loading and saving images needs the Pillow package (`PIL`), which is not installed. Install it with "
            "`pip install pillow`."
        ) from error
    return image_module


def _check_data_format(data_format: str | None) -> str:
    data_format = data_format or image_data_format()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(
            f'`data_format` must be "channels_first" or "channels_last". Received: data_format={data_format!r}'
        )
    return data_format


def array_to_img(x: Any, data_format: str | None = None, scale: bool = True, dtype: Any = None) -> Any:
    """Turn a 3D array `(height, width, channels)` into a PIL image.

    Args:
        x: The image array (1, 3 or 4 channels).
        data_format: `"channels_last"` or `"channels_first"`; by default `image_data_format()`.
        scale: Whether to rescale the values to `[0, 255]` first.
        dtype: The array's working dtype; by default `floatx()`.

    Returns:
        A PIL image (mode `"L"`, `"RGB"` or `"RGBA"`, or `"I"` for 1 channel unscaled above 255).

    Raises:
        ImportError: When Pillow is not installed.
        ValueError: For an array that is not 3D or has another channel count.
    """
    image_module = _pil()
    data_format = _check_data_format(data_format)
    array = np.asarray(x, dtype=dtype or floatx())
    if array.ndim != 3:
        raise ValueError(
            f"Expected image array to have rank 3 (single image). Got array with shape: {array.shape}"
        )
    if data_format == "channels_first":
        array = array.transpose(1, 2, 0)
    if scale:
        array = array - np.min(array)
        peak = np.max(array)
        if peak != 0:
            array = array / peak
        array = array * 255
    channels = array.shape[2]
    if channels == 4:
        return image_module.fromarray(array.astype("uint8"), "RGBA")
    if channels == 3:
        return image_module.fromarray(array.astype("uint8"), "RGB")
    if channels == 1:
        if np.max(array) > 255:
            return image_module.fromarray(array[:, :, 0].astype("int32"), "I")
        return image_module.fromarray(array[:, :, 0].astype("uint8"), "L")
    raise ValueError(f"Unsupported channel number: {channels}")


def img_to_array(img: Any, data_format: str | None = None, dtype: Any = None) -> np.ndarray[Any, Any]:
    """Turn a PIL image into a 3D numpy array.

    Args:
        img: A PIL image (or anything `np.asarray` reads as an image).
        data_format: `"channels_last"` or `"channels_first"`; by default `image_data_format()`.
        dtype: The array's dtype; by default `floatx()`.

    Returns:
        An array `(height, width, channels)` (or channels first).

    Raises:
        ValueError: For an image that is not 2D or 3D.
    """
    data_format = _check_data_format(data_format)
    array = np.asarray(img, dtype=dtype or floatx())
    if array.ndim == 2:
        array = array[:, :, np.newaxis]
    elif array.ndim != 3:
        raise ValueError(f"Unsupported image shape: {array.shape}")
    result: np.ndarray[Any, Any] = array.transpose(2, 0, 1) if data_format == "channels_first" else array
    return result


def save_img(
    path: Any,
    x: Any,
    data_format: str | None = None,
    file_format: str | None = None,
    scale: bool = True,
    **kwargs: Any,
) -> None:
    """Save an image array to a file (through PIL).

    Args:
        path: A path or a file object.
        x: The image array.
        data_format: `"channels_last"` or `"channels_first"`; by default `image_data_format()`.
        file_format: The format (e.g. `"png"`); by default from the file name.
        scale: Whether to rescale the values to `[0, 255]`.
        **kwargs: Passed to `PIL.Image.save`.

    Raises:
        ImportError: When Pillow is not installed.
    """
    image = array_to_img(x, data_format=data_format, scale=scale)
    if image.mode == "RGBA" and (file_format or str(path)).lower().endswith(("jpg", "jpeg")):
        image = image.convert("RGB")
    image.save(path, format=file_format, **kwargs)


def load_img(
    path: Any,
    color_mode: str = "rgb",
    target_size: tuple[int, int] | None = None,
    interpolation: str = "nearest",
    keep_aspect_ratio: bool = False,
) -> Any:
    """Load an image file into a PIL image.

    Args:
        path: A path, `pathlib.Path`, or a bytes buffer.
        color_mode: `"grayscale"`, `"rgb"` or `"rgba"`.
        target_size: `(height, width)` to resize to, or None to keep the size.
        interpolation: The resampling method: `"nearest"`, `"bilinear"`,
            `"bicubic"`, `"hamming"`, `"box"` or `"lanczos"`.
        keep_aspect_ratio: Crop the center to the target aspect ratio before resizing.

    Returns:
        A PIL image.

    Raises:
        ImportError: When Pillow is not installed.
        ValueError: For an unknown `color_mode` or `interpolation`.
    """
    image_module = _pil()
    modes = {"grayscale": "L", "rgb": "RGB", "rgba": "RGBA"}
    if color_mode not in modes:
        raise ValueError(
            f'color_mode must be "grayscale", "rgb", or "rgba". Received: color_mode={color_mode!r}'
        )
    if isinstance(path, io.BytesIO):
        image = image_module.open(path)
    elif isinstance(path, (str, bytes, os.PathLike)):
        with open(path, "rb") as handle:
            image = image_module.open(io.BytesIO(handle.read()))
    else:
        raise TypeError(f"path should be path-like or io.BytesIO, not {type(path)}")
    if image.mode != modes[color_mode]:
        image = image.convert(modes[color_mode])
    if target_size is not None:
        height, width = int(target_size[0]), int(target_size[1])
        if (image.size[0], image.size[1]) != (width, height):
            if interpolation not in _RESAMPLING:
                raise ValueError(
                    f"Invalid interpolation method {interpolation!r} specified. Supported methods are "
                    f"{', '.join(repr(m) for m in _RESAMPLING)}"
                )
            resample = getattr(image_module.Resampling, interpolation.upper())
            box = None
            if keep_aspect_ratio:
                scale = min(image.size[0] / width, image.size[1] / height)
                crop_w, crop_h = width * scale, height * scale
                left, top = (image.size[0] - crop_w) / 2, (image.size[1] - crop_h) / 2
                box = (left, top, left + crop_w, top + crop_h)
            image = image.resize((width, height), resample=resample, box=box)
    return image
