"""Pooling ops: `max_pool`, `average_pool`, `adaptive_max_pool`, `adaptive_average_pool`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from keras.backend._active import K
from keras.backend._dtypes import float_result, is_float_dtype
from keras.ops._convert import convert
from keras.ops._op import op
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Shape, Tensor
from keras.ops.nn._conv import (
    Window,
    check_padding,
    from_channels_last,
    is_channels_last,
    join_layout,
    known_ints,
    per_axis,
    spatial_ndim,
    split_layout,
    to_channels_last,
)

__all__ = ["adaptive_average_pool", "adaptive_max_pool", "average_pool", "max_pool"]

IntOrInts = int | Sequence[int]


def _pool_plan(
    op_name: str, shape: Shape, pool_size: Any, strides: Any, padding: Any, data_format: Any
) -> tuple[bool, Window, Shape, Shape]:
    """Return `(channels_last, window, spatial shape, output shape)` of a pooling."""
    ndim = spatial_ndim(op_name, shape)
    channels_last = is_channels_last(op_name, data_format)
    size = per_axis(op_name, "pool_size", pool_size, ndim)
    steps = size if strides is None else per_axis(op_name, "strides", strides, ndim)
    window = Window(size, steps, (1,) * ndim, check_padding(op_name, padding))
    batch, spatial, channels = split_layout(shape, channels_last)
    out = join_layout(batch, window.output_shape(op_name, spatial), channels, channels_last)
    return channels_last, window, spatial, out


def _lowest(dtype: str) -> float:
    """The value max pooling pads with: below every value of `dtype`."""
    if is_float_dtype(dtype):
        return -math.inf
    if dtype == "bool":
        return 0
    return int(np.iinfo(dtype).min)


def _max_pool_rule(
    inputs: Any, pool_size: Any, strides: Any = None, padding: Any = "valid", data_format: Any = None
) -> Spec:
    spec = as_spec(inputs)
    return Spec(_pool_plan("max_pool", spec.shape, pool_size, strides, padding, data_format)[3], spec.dtype)


@op(_max_pool_rule)
def max_pool(
    inputs: ArrayLike,
    pool_size: IntOrInts,
    strides: IntOrInts | None = None,
    padding: str = "valid",
    data_format: str | None = None,
) -> Tensor:
    """Take the maximum over each window sliding along the spatial axes.

    Args:
        inputs: Tensor of rank 3, 4 or 5: `(batch, *spatial, channels)` for
            "channels_last", `(batch, channels, *spatial)` for "channels_first".
        pool_size: Int or one int per spatial axis: the window size.
        strides: Int or one int per spatial axis; None means `pool_size`.
        padding: "valid" (windows inside the input) or "same" (`ceil(size / stride)`
            windows; padded positions never win), in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.

    Returns:
        A tensor of the input's dtype and data format.

    Raises:
        ValueError: For a wrong rank, an unknown `padding` or `data_format`, or a
            "valid" window larger than the input.

    Example:

    >>> x = np.array([1.0, 3.0, 2.0, 5.0, 4.0], dtype="float32").reshape(1, 5, 1)
    >>> keras.ops.nn.max_pool(x, 2, padding="same")[0, :, 0]
    array([3., 5., 4.], dtype=float32)
    """
    x = convert(inputs)
    channels_last, window, spatial, _ = _pool_plan(
        "max_pool", K.core.shape_of(x), pool_size, strides, padding, data_format
    )
    y = K.conv.max_pool(
        to_channels_last(x, channels_last),
        known_ints(window.size),
        window.strides,
        window.pads(known_ints(spatial)),
        _lowest(K.core.dtype_of(x)),
    )
    return from_channels_last(y, channels_last)


def _average_pool_rule(
    inputs: Any, pool_size: Any, strides: Any = None, padding: Any = "valid", data_format: Any = None
) -> Spec:
    spec = as_spec(inputs)
    plan = _pool_plan("average_pool", spec.shape, pool_size, strides, padding, data_format)
    return Spec(plan[3], float_result(spec.dtype))


@op(_average_pool_rule)
def average_pool(
    inputs: ArrayLike,
    pool_size: IntOrInts,
    strides: IntOrInts | None = None,
    padding: str = "valid",
    data_format: str | None = None,
) -> Tensor:
    """Take the mean over each window sliding along the spatial axes.

    With "same" padding, a window that overlaps the padding averages only the input
    positions it covers.

    Args:
        inputs: Tensor of rank 3, 4 or 5, in `data_format`.
        pool_size: Int or one int per spatial axis: the window size.
        strides: Int or one int per spatial axis; None means `pool_size`.
        padding: "valid" or "same", in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.

    Returns:
        A float tensor in the input's data format; integer inputs give `floatx()`.

    Raises:
        ValueError: For a wrong rank, an unknown `padding` or `data_format`, or a
            "valid" window larger than the input.

    Example:

    >>> x = np.array([1.0, 3.0, 2.0, 5.0, 4.0], dtype="float32").reshape(1, 5, 1)
    >>> keras.ops.nn.average_pool(x, 2, padding="same")[0, :, 0]
    array([2. , 3.5, 4. ], dtype=float32)
    """
    x = convert(inputs)
    x = convert(x, float_result(K.core.dtype_of(x)))
    channels_last, window, spatial, _ = _pool_plan(
        "average_pool", K.core.shape_of(x), pool_size, strides, padding, data_format
    )
    y = K.conv.average_pool(
        to_channels_last(x, channels_last),
        known_ints(window.size),
        window.strides,
        window.pads(known_ints(spatial)),
    )
    return from_channels_last(y, channels_last)


# --- adaptive pooling -------------------------------------------------------------------------


def _adaptive_plan(
    op_name: str, shape: Shape, output_size: Any, data_format: Any
) -> tuple[bool, Shape, Shape, Shape]:
    """Return `(channels_last, spatial shape, output spatial shape, output shape)`."""
    ndim = spatial_ndim(op_name, shape)
    channels_last = is_channels_last(op_name, data_format)
    sizes = per_axis(op_name, "output_size", output_size, ndim)
    batch, spatial, channels = split_layout(shape, channels_last)
    return channels_last, spatial, sizes, join_layout(batch, sizes, channels, channels_last)


def _adaptive_windows(spatial: tuple[int, ...], sizes: Shape) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Window `i` of `n` over `length` positions spans `[floor(i*length/n), ceil((i+1)*length/n))`."""
    return tuple(
        tuple(((i * length) // n, -(-((i + 1) * length) // n)) for i in range(n))
        for length, n in zip(spatial, known_ints(sizes), strict=True)
    )


def _adaptive_max_rule(inputs: Any, output_size: Any, data_format: Any = None) -> Spec:
    spec = as_spec(inputs)
    return Spec(_adaptive_plan("adaptive_max_pool", spec.shape, output_size, data_format)[3], spec.dtype)


@op(_adaptive_max_rule)
def adaptive_max_pool(inputs: ArrayLike, output_size: IntOrInts, data_format: str | None = None) -> Tensor:
    """Max-pool each spatial axis into exactly `output_size` windows.

    Window `i` of `n` over an axis of length `L` spans positions
    `floor(i * L / n)` to `ceil((i + 1) * L / n) - 1`, so windows may overlap.

    Args:
        inputs: Tensor of rank 3, 4 or 5, in `data_format`.
        output_size: Int or one int per spatial axis: the output's spatial shape.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.

    Returns:
        A tensor of the input's dtype with spatial shape `output_size`.

    Raises:
        ValueError: For a wrong rank, a non-positive `output_size`, or an unknown
            `data_format`.

    Example:

    >>> x = np.arange(7, dtype="float32").reshape(1, 7, 1)
    >>> keras.ops.nn.adaptive_max_pool(x, 3, data_format="channels_last")[0, :, 0]
    array([2., 4., 6.], dtype=float32)
    """
    x = convert(inputs)
    channels_last, spatial, sizes, _ = _adaptive_plan(
        "adaptive_max_pool", K.core.shape_of(x), output_size, data_format
    )
    windows = _adaptive_windows(known_ints(spatial), sizes)
    return from_channels_last(
        K.conv.adaptive_max_pool(to_channels_last(x, channels_last), windows), channels_last
    )


def _adaptive_average_rule(inputs: Any, output_size: Any, data_format: Any = None) -> Spec:
    spec = as_spec(inputs)
    plan = _adaptive_plan("adaptive_average_pool", spec.shape, output_size, data_format)
    return Spec(plan[3], float_result(spec.dtype))


@op(_adaptive_average_rule)
def adaptive_average_pool(
    inputs: ArrayLike, output_size: IntOrInts, data_format: str | None = None
) -> Tensor:
    """Average-pool each spatial axis into exactly `output_size` windows.

    Window `i` of `n` over an axis of length `L` spans positions
    `floor(i * L / n)` to `ceil((i + 1) * L / n) - 1`, so windows may overlap.

    Args:
        inputs: Tensor of rank 3, 4 or 5, in `data_format`.
        output_size: Int or one int per spatial axis: the output's spatial shape.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.

    Returns:
        A float tensor with spatial shape `output_size`; integer inputs give `floatx()`.

    Raises:
        ValueError: For a wrong rank, a non-positive `output_size`, or an unknown
            `data_format`.

    Example:

    >>> x = np.arange(7, dtype="float32").reshape(1, 7, 1)
    >>> keras.ops.nn.adaptive_average_pool(x, 3, data_format="channels_last")[0, :, 0]
    array([1., 3., 5.], dtype=float32)
    """
    x = convert(inputs)
    x = convert(x, float_result(K.core.dtype_of(x)))
    channels_last, spatial, sizes, _ = _adaptive_plan(
        "adaptive_average_pool", K.core.shape_of(x), output_size, data_format
    )
    windows = _adaptive_windows(known_ints(spatial), sizes)
    return from_channels_last(
        K.conv.adaptive_average_pool(to_channels_last(x, channels_last), windows), channels_last
    )
