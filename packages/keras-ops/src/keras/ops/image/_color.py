"""Colour-space ops: `rgb_to_grayscale`, `rgb_to_hsv`, `hsv_to_rgb`."""

from __future__ import annotations

from typing import Any

from keras.backend._active import K
from keras.ops._convert import promote
from keras.ops._op import op
from keras.ops._spec import Spec
from keras.ops._typing import ArrayLike, Tensor
from keras.ops.image._common import (
    channels_last,
    check_rank,
    compute_dtype,
    float_eps,
    is_float,
    restore_dtype,
    spec_dtype,
)

__all__ = ["hsv_to_rgb", "rgb_to_grayscale", "rgb_to_hsv"]


def _channels_axis(ndim: int, last: bool) -> int:
    return ndim - 1 if last else ndim - 3


def _move_channels_last(x: Tensor, last: bool) -> Tensor:
    if last:
        return x
    order = (*tuple(range(x.ndim - 3)), x.ndim - 2, x.ndim - 1, x.ndim - 3)
    return K.shape.transpose(x, order)


def _move_channels_back(x: Tensor, last: bool) -> Tensor:
    if last:
        return x
    order = (*tuple(range(x.ndim - 3)), x.ndim - 1, x.ndim - 3, x.ndim - 2)
    return K.shape.transpose(x, order)


def _check_channels(op_name: str, spec: Spec, last: bool, allowed: tuple[int, ...]) -> None:
    channels = spec.shape[_channels_axis(spec.ndim, last)]
    if channels is not None and channels not in allowed:
        expected = " or ".join(str(c) for c in allowed)
        raise ValueError(
            f"{op_name}: `images` must have {expected} channels. Received: images.shape={tuple(spec.shape)}"
        )


def _grayscale_rule(images: Any, data_format: Any = None) -> Spec:
    last = channels_last("rgb_to_grayscale", data_format)
    spec = check_rank("rgb_to_grayscale", "images", images)
    _check_channels("rgb_to_grayscale", spec, last, (1, 3))
    shape = list(spec.shape)
    shape[_channels_axis(spec.ndim, last)] = 1
    return Spec(tuple(shape), spec_dtype(spec))


@op(_grayscale_rule)
def rgb_to_grayscale(images: ArrayLike, data_format: str | None = None) -> Tensor:
    """Convert RGB images to grayscale (luma `0.2989 R + 0.5870 G + 0.1140 B`).

    Args:
        images: An image `(height, width, 3)` or a batch `(batch, height, width, 3)`
            (channels first with `data_format="channels_first"`). Images with one
            channel are returned as they are.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The grayscale images with one channel, of the input's dtype (integers are
        rounded).

    Raises:
        ValueError: If `images` is not rank 3 or 4, or has neither 1 nor 3 channels.

    Example:

    >>> x = np.array([[[1.0, 1.0, 1.0], [0.0, 1.0, 0.0]]], dtype="float32")
    >>> keras.ops.image.rgb_to_grayscale(x)[..., 0]
    array([[0.99990004, 0.587     ]], dtype=float32)
    """
    last = channels_last("rgb_to_grayscale", data_format)
    (x,) = promote(images)
    _check_channels("rgb_to_grayscale", check_rank("rgb_to_grayscale", "images", x), last, (1, 3))
    if int(x.shape[_channels_axis(x.ndim, last)]) == 1:
        return x
    dtype = K.core.dtype_of(x)
    (work,) = promote(x, dtype=compute_dtype(dtype))
    gray = K.image.rgb_to_grayscale(_move_channels_last(work, last))
    return restore_dtype(_move_channels_back(gray, last), dtype)


def _hsv_rule(op_name: str) -> Any:
    def rule(images: Any, data_format: Any = None) -> Spec:
        last = channels_last(op_name, data_format)
        spec = check_rank(op_name, "images", images)
        _check_float(op_name, spec_dtype(spec))
        _check_channels(op_name, spec, last, (3,))
        return Spec(spec.shape, spec_dtype(spec))

    return rule


def _check_float(op_name: str, dtype: str) -> None:
    if not is_float(dtype):
        raise ValueError(f"{op_name}: `images` must have a float dtype. Received: images.dtype={dtype}")


@op(_hsv_rule("rgb_to_hsv"))
def rgb_to_hsv(images: ArrayLike, data_format: str | None = None) -> Tensor:
    """Convert RGB images to HSV (hue, saturation, value, each in `[0, 1]`).

    Args:
        images: Float RGB images, rank 3 (one image) or 4 (a batch), values in `[0, 1]`.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The HSV images, of the input's shape and dtype.

    Raises:
        ValueError: If `images` is not a rank 3 or 4 float tensor with 3 channels.

    Example:

    >>> x = np.array([[[1.0, 0.0, 0.0], [0.0, 0.0, 0.5]]], dtype="float32")
    >>> keras.ops.image.rgb_to_hsv(x)
    array([[[0.       , 1.       , 1.       ],
            [0.6666667, 1.       , 0.5      ]]], dtype=float32)
    """
    last = channels_last("rgb_to_hsv", data_format)
    (x,) = promote(images)
    dtype = K.core.dtype_of(x)
    _check_float("rgb_to_hsv", dtype)
    _check_channels("rgb_to_hsv", check_rank("rgb_to_hsv", "images", x), last, (3,))
    (work,) = promote(_move_channels_last(x, last), dtype=compute_dtype(dtype))
    hsv = K.image.rgb_to_hsv(work, float_eps(dtype))
    return restore_dtype(_move_channels_back(hsv, last), dtype)


@op(_hsv_rule("hsv_to_rgb"))
def hsv_to_rgb(images: ArrayLike, data_format: str | None = None) -> Tensor:
    """Convert HSV images to RGB.

    Args:
        images: Float HSV images, rank 3 (one image) or 4 (a batch); hue wraps around 1.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The RGB images, of the input's shape and dtype.

    Raises:
        ValueError: If `images` is not a rank 3 or 4 float tensor with 3 channels.

    Example:

    >>> x = np.array([[[2.0 / 3.0, 1.0, 0.5]]], dtype="float32")
    >>> keras.ops.image.hsv_to_rgb(x)
    array([[[0. , 0. , 0.5]]], dtype=float32)
    """
    last = channels_last("hsv_to_rgb", data_format)
    (x,) = promote(images)
    dtype = K.core.dtype_of(x)
    _check_float("hsv_to_rgb", dtype)
    _check_channels("hsv_to_rgb", check_rank("hsv_to_rgb", "images", x), last, (3,))
    (work,) = promote(_move_channels_last(x, last), dtype=compute_dtype(dtype))
    return restore_dtype(_move_channels_back(K.image.hsv_to_rgb(work), last), dtype)
