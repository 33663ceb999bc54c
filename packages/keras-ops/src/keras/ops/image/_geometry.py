"""Geometry ops that move whole pixels: `crop_images`, `pad_images`, `extract_patches`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from keras.backend._active import K
from keras.ops._convert import convert, promote
from keras.ops._op import op
from keras.ops._spec import Spec
from keras.ops._typing import ArrayLike, Shape, Tensor
from keras.ops.image._common import (
    channels_last,
    check_rank,
    compute_dtype,
    hw_axes,
    image_shape,
    restore_dtype,
    same_pads,
    spec_dtype,
    with_image_shape,
)

__all__ = ["crop_images", "extract_patches", "extract_patches_3d", "pad_images"]


# --- crop and pad ---------------------------------------------------------------------------


def _two_of_three(op_name: str, names: tuple[str, str, str], values: tuple[Any, Any, Any]) -> None:
    if sum(v is None for v in values) != 1:
        received = ", ".join(f"{n}={v!r}" for n, v in zip(names, values, strict=True))
        raise ValueError(f"{op_name}: specify exactly two of {', '.join(names)}. Received: {received}")
    for name, value in zip(names, values, strict=True):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise ValueError(f"{op_name}: `{name}` must be an int >= 0. Received: {name}={value!r}")


def _margins(
    op_name: str,
    names: tuple[str, str, str],
    before: int | None,
    after: int | None,
    target: int | None,
    size: int | None,
    sign: int,
) -> tuple[int | None, int | None, int | None]:
    """Solve `size + sign * (before + after) == target` for the missing one; return all three."""
    if before is not None and after is not None:
        return before, after, None if size is None else size + sign * (before + after)
    if size is None:
        return before, after, target
    assert target is not None
    missing = sign * (target - size) - (before if before is not None else after or 0)
    if missing < 0:
        name = names[1] if before is not None else names[0]
        raise ValueError(
            f"{op_name}: the inferred `{name}` is negative ({missing}). Received: {names[2]}={target}"
        )
    return (before, missing, target) if before is not None else (missing, after, target)


def _crop_pad_geometry(
    op_name: str, images: Any, margins: tuple[Any, ...], data_format: Any, sign: int
) -> tuple[Spec, bool, tuple[tuple[int | None, ...], tuple[int | None, ...]]]:
    last = channels_last(op_name, data_format)
    spec = check_rank(op_name, "images", images)
    top, left, bottom, right, target_height, target_width = margins
    kind = "cropping" if sign < 0 else "padding"
    names_h = (f"top_{kind}", f"bottom_{kind}", "target_height")
    names_w = (f"left_{kind}", f"right_{kind}", "target_width")
    _two_of_three(op_name, names_h, (top, bottom, target_height))
    _two_of_three(op_name, names_w, (left, right, target_width))
    height, width, _ = image_shape(spec.shape, last)
    rows = _margins(op_name, names_h, top, bottom, target_height, height, sign)
    columns = _margins(op_name, names_w, left, right, target_width, width, sign)
    for name, value in ((names_h[2], rows[2]), (names_w[2], columns[2])):
        if value is not None and value <= 0 and sign < 0:
            raise ValueError(f"{op_name}: the cropping leaves no pixels along `{name}` ({value}).")
    return spec, last, (rows, columns)


def _crop_rule(
    images: Any,
    top_cropping: Any = None,
    left_cropping: Any = None,
    bottom_cropping: Any = None,
    right_cropping: Any = None,
    target_height: Any = None,
    target_width: Any = None,
    data_format: Any = None,
) -> Spec:
    margins = (top_cropping, left_cropping, bottom_cropping, right_cropping, target_height, target_width)
    spec, last, (rows, columns) = _crop_pad_geometry("crop_images", images, margins, data_format, -1)
    return Spec(with_image_shape(spec.shape, rows[2], columns[2], last), spec_dtype(spec))


@op(_crop_rule)
def crop_images(
    images: ArrayLike,
    top_cropping: int | None = None,
    left_cropping: int | None = None,
    bottom_cropping: int | None = None,
    right_cropping: int | None = None,
    target_height: int | None = None,
    target_width: int | None = None,
    data_format: str | None = None,
) -> Tensor:
    """Crop images to a box given by two of (top, bottom, height) and two of (left, right, width).

    Args:
        images: An image (rank 3) or a batch of images (rank 4).
        top_cropping: Rows removed at the top.
        left_cropping: Columns removed at the left.
        bottom_cropping: Rows removed at the bottom.
        right_cropping: Columns removed at the right.
        target_height: The height of the result.
        target_width: The width of the result.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The cropped images, of the input's dtype.

    Raises:
        ValueError: If not exactly two of each triple are given, one is negative, or the
            box does not fit in the images.

    Example:

    >>> x = np.arange(16, dtype="float32").reshape((4, 4, 1))
    >>> keras.ops.image.crop_images(x, 1, 1, target_height=2, target_width=2)[..., 0]
    array([[ 5.,  6.],
           [ 9., 10.]], dtype=float32)
    """
    (x,) = promote(images)
    margins = (top_cropping, left_cropping, bottom_cropping, right_cropping, target_height, target_width)
    _, last, (rows, columns) = _crop_pad_geometry("crop_images", x, margins, data_format, -1)
    h_axis, w_axis = hw_axes(x.ndim, last)
    index: list[slice] = [slice(None)] * x.ndim
    index[h_axis] = slice(rows[0], rows[0] + rows[2])  # type: ignore[operator]
    index[w_axis] = slice(columns[0], columns[0] + columns[2])  # type: ignore[operator]
    return x[tuple(index)]


def _pad_rule(
    images: Any,
    top_padding: Any = None,
    left_padding: Any = None,
    bottom_padding: Any = None,
    right_padding: Any = None,
    target_height: Any = None,
    target_width: Any = None,
    data_format: Any = None,
) -> Spec:
    margins = (top_padding, left_padding, bottom_padding, right_padding, target_height, target_width)
    spec, last, (rows, columns) = _crop_pad_geometry("pad_images", images, margins, data_format, 1)
    return Spec(with_image_shape(spec.shape, rows[2], columns[2], last), spec_dtype(spec))


@op(_pad_rule)
def pad_images(
    images: ArrayLike,
    top_padding: int | None = None,
    left_padding: int | None = None,
    bottom_padding: int | None = None,
    right_padding: int | None = None,
    target_height: int | None = None,
    target_width: int | None = None,
    data_format: str | None = None,
) -> Tensor:
    """Pad images with zeros, given two of (top, bottom, height) and two of (left, right, width).

    Args:
        images: An image (rank 3) or a batch of images (rank 4).
        top_padding: Rows of zeros added at the top.
        left_padding: Columns of zeros added at the left.
        bottom_padding: Rows of zeros added at the bottom.
        right_padding: Columns of zeros added at the right.
        target_height: The height of the result.
        target_width: The width of the result.
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The padded images, of the input's dtype.

    Raises:
        ValueError: If not exactly two of each triple are given, or a padding is negative.

    Example:

    >>> x = np.ones((1, 2, 1), dtype="float32")
    >>> keras.ops.image.pad_images(x, 1, 0, target_height=3, target_width=3)[..., 0]
    array([[0., 0., 0.],
           [1., 1., 0.],
           [0., 0., 0.]], dtype=float32)
    """
    (x,) = promote(images)
    margins = (top_padding, left_padding, bottom_padding, right_padding, target_height, target_width)
    _, last, (rows, columns) = _crop_pad_geometry("pad_images", x, margins, data_format, 1)
    h_axis, w_axis = hw_axes(x.ndim, last)
    widths = [(0, 0)] * x.ndim
    widths[h_axis] = (int(rows[0] or 0), int(rows[1] or 0))
    widths[w_axis] = (int(columns[0] or 0), int(columns[1] or 0))
    zero = convert(np.zeros((), dtype="float32"), K.core.dtype_of(x))
    return K.shape.pad(x, tuple(widths), "constant", zero)


# --- patches --------------------------------------------------------------------------------


def _ints(op_name: str, name: str, value: Any, ndim: int) -> tuple[int, ...]:
    values = (value,) * ndim if isinstance(value, int) and not isinstance(value, bool) else value
    if (
        isinstance(values, Sequence)
        and len(values) == ndim
        and all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in values)
    ):
        return tuple(values)
    raise ValueError(
        f"{op_name}: `{name}` must be an int or {ndim} ints, each >= 1. Received: {name}={value!r}"
    )


def _patch_geometry(
    op_name: str,
    images: Any,
    size: Any,
    strides: Any,
    dilation_rate: Any,
    padding: Any,
    data_format: Any,
    ndim: int,
) -> tuple[Spec, bool, tuple[int, ...], tuple[int, ...], tuple[int, ...], str]:
    last = channels_last(op_name, data_format)
    spec = check_rank(op_name, "images" if ndim == 2 else "volumes", images, (ndim + 1, ndim + 2))
    window = _ints(op_name, "size", size, ndim)
    steps = window if not strides else _ints(op_name, "strides", strides, ndim)
    dilation = _ints(op_name, "dilation_rate", dilation_rate, ndim)
    if padding not in ("valid", "same"):
        raise ValueError(f"{op_name}: `padding` must be 'valid' or 'same'. Received: padding={padding!r}")
    return spec, last, window, steps, dilation, padding


def _patch_shape(spec: Spec, last: bool, geometry: tuple[tuple[int, ...], ...], padding: str) -> Shape:
    window, steps, dilation = geometry
    nd = len(window)
    spatial = spec.shape[-nd - 1 : -1] if last else spec.shape[-nd:]
    channels = spec.shape[-1] if last else spec.shape[-nd - 1]
    out: list[int | None] = []
    for n, k, s, d in zip(spatial, window, steps, dilation, strict=True):
        extent = (k - 1) * d + 1
        if n is None:
            out.append(None)
        elif padding == "same":
            out.append(-(-n // s))
        else:
            out.append(max((n - extent) // s + 1, 0))
    depth = None if channels is None else channels * int(np.prod(window))
    lead = spec.shape[: spec.ndim - nd - 1]
    return (*lead, *out, depth) if last else (*lead, depth, *out)


def _extract(
    images: Any, size: Any, strides: Any, dilation_rate: Any, padding: Any, data_format: Any, nd: int
) -> Tensor:
    op_name = "extract_patches" if nd == 2 else "extract_patches_3d"
    (x,) = promote(images)
    _, last, window, steps, dilation, pad_mode = _patch_geometry(
        op_name, x, size, strides, dilation_rate, padding, data_format, nd
    )
    dtype = K.core.dtype_of(x)
    unbatched = x.ndim == nd + 1
    if unbatched:
        x = K.shape.reshape(x, (1, *(int(d) for d in x.shape)))
    if not last:
        x = K.shape.transpose(x, (0, *range(2, nd + 2), 1))
    (work,) = promote(x, dtype=compute_dtype(dtype))
    channels = int(work.shape[-1])
    depth = channels * int(np.prod(window))
    kernel = convert(
        np.eye(depth, dtype="float32").reshape((*window, channels, depth)), K.core.dtype_of(work)
    )
    spatial = [int(d) for d in work.shape[1:-1]]
    pads = tuple(
        same_pads(n, (k - 1) * d + 1, s) if pad_mode == "same" else (0, 0)
        for n, k, s, d in zip(spatial, window, steps, dilation, strict=True)
    )
    patches = K.conv.conv(work, kernel, steps, pads, dilation, 1)
    if not last:
        patches = K.shape.transpose(patches, (0, nd + 1, *range(1, nd + 1)))
    if unbatched:
        patches = K.shape.reshape(patches, tuple(int(d) for d in patches.shape[1:]))
    return restore_dtype(patches, dtype)


def _patches_rule(
    images: Any,
    size: Any,
    strides: Any = None,
    dilation_rate: Any = 1,
    padding: Any = "valid",
    data_format: Any = None,
) -> Spec:
    nd = 3 if isinstance(size, Sequence) and len(size) == 3 else 2
    spec, last, window, steps, dilation, pad_mode = _patch_geometry(
        "extract_patches", images, size, strides, dilation_rate, padding, data_format, nd
    )
    return Spec(_patch_shape(spec, last, (window, steps, dilation), pad_mode), spec_dtype(spec))


@op(_patches_rule)
def extract_patches(
    images: ArrayLike,
    size: int | tuple[int, int] | tuple[int, int, int],
    strides: int | tuple[int, ...] | None = None,
    dilation_rate: int | tuple[int, ...] = 1,
    padding: str = "valid",
    data_format: str | None = None,
) -> Tensor:
    """Extract patches from images, flattening each into the channels axis.

    Each output position holds its `size` window, flattened in (row, column, channel)
    order. A `size` of three ints extracts 3-D patches (see `extract_patches_3d`).

    Args:
        images: An image (rank 3) or a batch of images (rank 4).
        size: The patch size: an int or `(height, width)`.
        strides: The step between patches; `None` uses `size` (no overlap).
        dilation_rate: The spacing of the pixels a patch takes.
        padding: `"valid"` (patches inside the image) or `"same"` (zero padding).
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The patches: `(..., rows, columns, size_h * size_w * channels)` channels last.

    Raises:
        ValueError: If an argument is malformed.

    Example:

    >>> x = np.arange(16, dtype="float32").reshape((4, 4, 1))
    >>> keras.ops.image.extract_patches(x, 2)[0, 0]
    array([0., 1., 4., 5.], dtype=float32)
    """
    nd = 3 if isinstance(size, Sequence) and len(size) == 3 else 2
    return _extract(images, size, strides, dilation_rate, padding, data_format, nd)


def _patches_3d_rule(
    volumes: Any,
    size: Any,
    strides: Any = None,
    dilation_rate: Any = 1,
    padding: Any = "valid",
    data_format: Any = None,
) -> Spec:
    spec, last, window, steps, dilation, pad_mode = _patch_geometry(
        "extract_patches_3d", volumes, size, strides, dilation_rate, padding, data_format, 3
    )
    return Spec(_patch_shape(spec, last, (window, steps, dilation), pad_mode), spec_dtype(spec))


@op(_patches_3d_rule)
def extract_patches_3d(
    volumes: ArrayLike,
    size: int | tuple[int, int, int],
    strides: int | tuple[int, int, int] | None = None,
    dilation_rate: int | tuple[int, int, int] = 1,
    padding: str = "valid",
    data_format: str | None = None,
) -> Tensor:
    """Extract 3-D patches from volumes, flattening each into the channels axis.

    Args:
        volumes: A volume (rank 4) or a batch of volumes (rank 5).
        size: The patch size: an int or `(depth, height, width)`.
        strides: The step between patches; `None` uses `size`.
        dilation_rate: The spacing of the voxels a patch takes.
        padding: `"valid"` or `"same"` (zero padding).
        data_format: `"channels_last"`, `"channels_first"` or `None`
            (`keras.config.image_data_format()`).

    Returns:
        The patches, each flattened in (depth, row, column, channel) order.

    Raises:
        ValueError: If an argument is malformed.

    Example:

    >>> x = np.arange(8, dtype="float32").reshape((2, 2, 2, 1))
    >>> keras.ops.image.extract_patches_3d(x, 2)[0, 0, 0]
    array([0., 1., 2., 3., 4., 5., 6., 7.], dtype=float32)
    """
    return _extract(volumes, size, strides, dilation_rate, padding, data_format, 3)
