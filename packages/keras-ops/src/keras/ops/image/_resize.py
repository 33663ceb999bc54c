"""Resampling ops: `resize` and `scale_and_translate`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from keras.backend._active import K
from keras.backend._dtypes import is_float_dtype
from keras.ops._convert import convert, promote, to_numpy
from keras.ops._op import op
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Tensor
from keras.ops.image._common import (
    channels_last,
    check_choice,
    check_rank,
    compute_dtype,
    from_canonical,
    restore_dtype,
    spec_dtype,
    to_canonical,
    with_image_shape,
)

__all__ = ["resize", "scale_and_translate"]

INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic")
METHODS = (
    "linear",
    "bilinear",
    "trilinear",
    "triangle",
    "cubic",
    "bicubic",
    "tricubic",
    "lanczos3",
    "lanczos5",
)


def _check_resize(
    size: Any, interpolation: Any, crop_to_aspect_ratio: bool, pad_to_aspect_ratio: bool, fill_mode: Any
) -> tuple[int, int]:
    check_choice("resize", "interpolation", interpolation, INTERPOLATIONS)
    if fill_mode != "constant":
        raise ValueError(f"resize: only fill_mode='constant' is supported. Received: fill_mode={fill_mode!r}")
    if crop_to_aspect_ratio and pad_to_aspect_ratio:
        raise ValueError("resize: only one of `crop_to_aspect_ratio` and `pad_to_aspect_ratio` may be True.")
    if (
        isinstance(size, Sequence)
        and len(size) == 2
        and all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s > 0 for s in size)
    ):
        return int(size[0]), int(size[1])
    raise ValueError(f"resize: `size` must be two positive ints (height, width). Received: size={size!r}")


def _resize_rule(
    images: Any,
    size: Any,
    interpolation: Any = "bilinear",
    antialias: Any = False,
    crop_to_aspect_ratio: Any = False,
    pad_to_aspect_ratio: Any = False,
    fill_mode: Any = "constant",
    fill_value: Any = 0.0,
    data_format: Any = None,
) -> Spec:
    height, width = _check_resize(size, interpolation, crop_to_aspect_ratio, pad_to_aspect_ratio, fill_mode)
    last = channels_last("resize", data_format)
    spec = check_rank("resize", "images", images)
    return Spec(with_image_shape(spec.shape, height, width, last), spec_dtype(spec))


def _crop_box(height: int, width: int, target: tuple[int, int]) -> tuple[int, int, int, int]:
    """`(top, left, crop_height, crop_width)` of the centred box with the target's aspect ratio."""
    crop_height = max(min(height, int(float(width * target[0]) / target[1])), 1)
    crop_width = max(min(width, int(float(height * target[1]) / target[0])), 1)
    return int(float(height - crop_height) / 2), int(float(width - crop_width) / 2), crop_height, crop_width


def _pad_margins(height: int, width: int, target: tuple[int, int]) -> tuple[int, int]:
    """Rows and columns added on *each* side to reach the target's aspect ratio."""
    pad_height = max(height, int(float(width * target[0]) / target[1]))
    pad_width = max(width, int(float(height * target[1]) / target[0]))
    top = int(float(pad_height - height) / 2)
    left = int(float(pad_width - width) / 2)
    return (top, 0) if top > 0 else (0, left)


@op(_resize_rule)
def resize(
    images: ArrayLike,
    size: tuple[int, int],
    interpolation: str = "bilinear",
    antialias: bool = False,
    crop_to_aspect_ratio: bool = False,
    pad_to_aspect_ratio: bool = False,
    fill_mode: str = "constant",
    fill_value: float = 0.0,
    data_format: str | None = None,
) -> Tensor:
    """Resize images to `size`, sampling with half-pixel centres.

    Args:
        images: An image (rank 3) or a batch of images (rank 4).
        size: The output `(height, width)`.
        interpolation: `"bilinear"`, `"nearest"`, `"bicubic"` (Keys, a = -0.5),
            `"lanczos3"` or `"lanczos5"`.
        antialias: Whether to widen the filter when downsampling, so that every input
            pixel contributes (ignored for `"nearest"`).
        crop_to_aspect_ratio: Crop the centred box with the output's aspect ratio first.
        pad_to_aspect_ratio: Pad (with `fill_value`) to the output's aspect ratio first.
        fill_mode: Only `"constant"`.
        fill_value: The padding value for `pad_to_aspect_ratio`.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The resized images, of the input's dtype (integers rounded and saturated).

    Raises:
        ValueError: If an argument is malformed.

    Example:

    >>> x = np.array([[0.0, 1.0]], dtype="float32").reshape((1, 2, 1))
    >>> keras.ops.image.resize(x, (1, 4))[0, :, 0]
    array([0.  , 0.25, 0.75, 1.  ], dtype=float32)
    """
    target = _check_resize(size, interpolation, crop_to_aspect_ratio, pad_to_aspect_ratio, fill_mode)
    last = channels_last("resize", data_format)
    (x,) = promote(images)
    check_rank("resize", "images", x)
    dtype = K.core.dtype_of(x)
    ndim = x.ndim
    x = to_canonical(x, last)
    height, width = int(x.shape[1]), int(x.shape[2])
    if crop_to_aspect_ratio:
        top, left, crop_height, crop_width = _crop_box(height, width, target)
        x = x[:, top : top + crop_height, left : left + crop_width, :]
    elif pad_to_aspect_ratio:
        rows, columns = _pad_margins(height, width, target)
        if rows or columns:
            fill = convert(np.asarray(fill_value, dtype="float64"), dtype)
            x = K.shape.pad(x, ((0, 0), (rows, rows), (columns, columns), (0, 0)), "constant", fill)
    if interpolation != "nearest" or not is_float_dtype(dtype):
        (x,) = promote(x, dtype=compute_dtype(dtype))
    resized = K.image.resize(x, target, interpolation, bool(antialias))
    return restore_dtype(from_canonical(resized, ndim, last), dtype)


def _host_floats(op_name: str, name: str, value: Any, count: int) -> tuple[float, ...]:
    values = np.asarray(
        to_numpy(value) if not isinstance(value, (list, tuple, float, int)) else value, "float64"
    )
    values = values.reshape(-1)
    if values.shape != (count,):
        raise ValueError(
            f"{op_name}: `{name}` must hold one value per spatial dimension ({count}). Received: {name}={value!r}"
        )
    return tuple(float(v) for v in values)


def _scale_rule(
    images: Any,
    output_shape: Any,
    scale: Any,
    translation: Any,
    spatial_dims: Any,
    method: Any,
    antialias: Any = True,
) -> Spec:
    check_choice("scale_and_translate", "method", method, METHODS)
    spec = as_spec(images)
    shape = tuple(int(d) for d in output_shape)
    if len(shape) != spec.ndim:
        raise ValueError(
            f"scale_and_translate: `output_shape` must have one entry per axis of `images` ({spec.ndim}). "
            f"Received: output_shape={tuple(output_shape)!r}"
        )
    dtype = spec_dtype(spec)
    return Spec(shape, dtype if is_float_dtype(dtype) else "float32")


@op(_scale_rule)
def scale_and_translate(
    images: ArrayLike,
    output_shape: tuple[int, ...],
    scale: ArrayLike,
    translation: ArrayLike,
    spatial_dims: tuple[int, ...],
    method: str,
    antialias: bool = True,
) -> Tensor:
    """Resample the `spatial_dims` axes of `images` under a scale and a translation.

    Output sample `i` of a spatial axis reads the input at `(i + 0.5 - translation) /
    scale - 0.5`, through the `method` kernel (stretched by `1 / scale` when
    downsampling with `antialias`).

    Args:
        images: A tensor of any rank.
        output_shape: The full output shape (non-spatial entries as in `images`).
        scale: One scale factor per spatial axis.
        translation: One translation (in output pixels) per spatial axis.
        spatial_dims: The axes to resample.
        method: `"linear"`, `"cubic"`, `"lanczos3"` or `"lanczos5"` (or an alias:
            `"bilinear"`, `"trilinear"`, `"triangle"`, `"bicubic"`, `"tricubic"`).
        antialias: Whether to widen the kernel when downsampling.

    Returns:
        The resampled tensor; integer inputs give `float32`.

    Raises:
        ValueError: If `method` is unknown or a shape does not match.

    Example:

    >>> x = np.array([0.0, 1.0, 2.0, 3.0], dtype="float32")
    >>> scale, shift = np.array([0.5]), np.array([0.0])
    >>> keras.ops.image.scale_and_translate(x, (2,), scale, shift, (0,), "linear", antialias=False)
    array([0.5, 2.5], dtype=float32)
    """
    spec = _scale_rule(as_spec(images), output_shape, scale, translation, spatial_dims, method, antialias)
    (x,) = promote(images, dtype=None)
    if not is_float_dtype(K.core.dtype_of(x)):
        (x,) = promote(x, dtype="float32")
    axes = tuple(int(d) % x.ndim for d in spatial_dims)
    scales = _host_floats("scale_and_translate", "scale", scale, len(axes))
    shifts = _host_floats("scale_and_translate", "translation", translation, len(axes))
    result = K.image.scale_and_translate(
        x, tuple(int(d or 0) for d in spec.shape), axes, scales, shifts, method, bool(antialias)
    )
    return result
