"""Creation ops: filled tensors, ranges, spaced samples, triangles, diagonals and windows."""

from __future__ import annotations

import math
import operator
from typing import Any

import numpy as np

from keras.backend._active import K
from keras.backend._config import floatx
from keras.backend._dtypes import float_result, is_float_dtype, result_type, standardize_dtype
from keras.ops._convert import convert, dtype_for_promotion, promotion_type, to_numpy
from keras.ops._keras_tensor import standardize_shape
from keras.ops._op import op
from keras.ops._rules import broadcast_shapes, canonical_axis
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, DTypeLike, Shape, ShapeLike, Tensor

__all__ = [
    "arange",
    "array",
    "bartlett",
    "blackman",
    "diag",
    "diagflat",
    "diagonal",
    "empty",
    "empty_like",
    "eye",
    "full",
    "full_like",
    "geomspace",
    "hamming",
    "hanning",
    "identity",
    "kaiser",
    "linspace",
    "logspace",
    "ones",
    "ones_like",
    "tri",
    "tril",
    "triu",
    "vander",
    "zeros",
    "zeros_like",
]


# --- argument helpers ---------------------------------------------------------------------


def _dtype_or(dtype: DTypeLike, default: str) -> str:
    return default if dtype is None else standardize_dtype(dtype)


def _count(value: Any, name: str, op_name: str) -> int:
    """Return `value` as a non-negative Python int, or raise naming the argument."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        try:
            array = to_numpy(value)
        except (TypeError, ValueError):
            array = None
        if array is None or array.ndim != 0 or array.dtype.kind not in "iu":
            raise TypeError(f"{op_name}: `{name}` must be an integer. Received: {name}={value!r}")
        value = array.item()
    count = operator.index(value)
    if count < 0:
        raise ValueError(f"{op_name}: `{name}` must be non-negative. Received: {name}={count}")
    return count


def _int(value: Any, name: str, op_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{op_name}: `{name}` must be an integer. Received: {name}={value!r}")
    return operator.index(value)


def _scalar(value: Any) -> Any:
    """Return a Python number for a number, a numpy scalar or a 0-d tensor."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    return to_numpy(value).item()


def _native(dtype: str) -> Any:
    return K.core.native_dtype(dtype)


def _require_ndim(shape: Shape, ndims: tuple[int, ...] | int, name: str, op_name: str) -> None:
    """Raise unless `shape` has a rank in `ndims` (a tuple), or at least `ndims` (an int)."""
    ok = len(shape) in ndims if isinstance(ndims, tuple) else len(shape) >= ndims
    if not ok:
        expected = " or ".join(map(str, ndims)) if isinstance(ndims, tuple) else f"at least {ndims}"
        raise ValueError(
            f"{op_name}: `{name}` must have rank {expected}. Received: {name}.shape={tuple(shape)}"
        )


# --- filled tensors -----------------------------------------------------------------------


def _arange_rule(start: Any, stop: Any = None, step: Any = None, dtype: DTypeLike = None) -> Spec:
    values = [start, stop, step]
    if any(isinstance(v, Spec) for v in values):
        return Spec((None,), _arange_dtype(start, stop, step, dtype))
    return Spec((_arange_length(start, stop, step),), _arange_dtype(start, stop, step, dtype))


def _arange_dtype(start: Any, stop: Any, step: Any, dtype: DTypeLike) -> str:
    if dtype is not None:
        return standardize_dtype(dtype)
    given = [v for v in (start, stop, step) if v is not None]
    return result_type(
        *(v.python_type_or_dtype() if isinstance(v, Spec) else dtype_for_promotion(v) for v in given)
    )


def _arange_bounds(start: Any, stop: Any, step: Any) -> tuple[Any, Any, Any]:
    if stop is None:
        start, stop = 0, start
    step = 1 if step is None else _scalar(step)
    if step == 0:
        raise ValueError("arange: `step` must be non-zero. Received: step=0")
    return _scalar(start), _scalar(stop), step


def _arange_length(start: Any, stop: Any, step: Any) -> int:
    low, high, delta = _arange_bounds(start, stop, step)
    count: int = math.ceil((high - low) / delta)
    return max(0, count)


@op(_arange_rule)
def arange(start: Any, stop: Any = None, step: Any = None, dtype: DTypeLike = None) -> Tensor:
    """Return evenly spaced values in the half-open interval `[start, stop)`.

    With one argument, `arange(stop)` counts from 0.

    Args:
        start: First value; the end of the interval when `stop` is `None`.
        stop: End of the interval, excluded. Defaults to `None`.
        step: Spacing between values. Defaults to 1.
        dtype: Output dtype. By default it is inferred from the arguments: Python
            ints give int32, Python floats `floatx()`, numpy scalars their dtype.

    Returns:
        A 1-D tensor of `ceil((stop - start) / step)` values.

    Raises:
        ValueError: If `step` is zero.

    Example:

    >>> keras.ops.arange(3)
    array([0, 1, 2], dtype=int32)
    >>> keras.ops.arange(1, 2, 0.25)
    array([1.  , 1.25, 1.5 , 1.75], dtype=float32)
    """
    out_dtype = _arange_dtype(start, stop, step, dtype)
    low, high, delta = _arange_bounds(start, stop, step)
    return K.creation.arange(low, high, delta, _native(out_dtype))


def _array_rule(x: Any, dtype: DTypeLike = None) -> Spec:
    spec = as_spec(x)
    return Spec(spec.shape, _dtype_or(dtype, spec.dtype))


@op(_array_rule)
def array(x: ArrayLike, dtype: DTypeLike = None) -> Tensor:
    """Create a tensor from `x`.

    Args:
        x: A tensor, array, scalar or nested list.
        dtype: Output dtype. By default `x`'s own: Python ints give int32 and
            Python floats `floatx()`.

    Returns:
        A tensor with the values of `x`.

    Example:

    >>> keras.ops.array([1, 2, 3])
    array([1, 2, 3], dtype=int32)
    >>> keras.ops.array([1, 2.5])
    array([1. , 2.5], dtype=float32)
    """
    return convert(x, None if dtype is None else standardize_dtype(dtype))


def _shape_rule(shape: Any, dtype: DTypeLike = None) -> Spec:
    return Spec(standardize_shape(shape), _dtype_or(dtype, floatx()))


def _filled_shape(shape: ShapeLike, op_name: str) -> tuple[int, ...]:
    dims = standardize_shape(shape)
    if None in dims:
        raise ValueError(f"{op_name}: `shape` must be fully defined. Received: shape={shape!r}")
    return dims  # type: ignore[return-value]


@op(_shape_rule)
def zeros(shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
    """Return a tensor of `shape` filled with zeros.

    Args:
        shape: An int or a sequence of ints.
        dtype: Output dtype. Defaults to `floatx()`.

    Returns:
        A tensor of zeros.

    Example:

    >>> keras.ops.zeros((2, 2), dtype="int8")
    array([[0, 0],
           [0, 0]], dtype=int8)
    """
    return K.creation.zeros(_filled_shape(shape, "zeros"), _native(_dtype_or(dtype, floatx())))


@op(_shape_rule)
def ones(shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
    """Return a tensor of `shape` filled with ones.

    Args:
        shape: An int or a sequence of ints.
        dtype: Output dtype. Defaults to `floatx()`.

    Returns:
        A tensor of ones.

    Example:

    >>> keras.ops.ones(3)
    array([1., 1., 1.], dtype=float32)
    """
    return K.creation.ones(_filled_shape(shape, "ones"), _native(_dtype_or(dtype, floatx())))


@op(_shape_rule)
def empty(shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
    """Return a tensor of `shape` whose values are not initialized.

    Args:
        shape: An int or a sequence of ints.
        dtype: Output dtype. Defaults to `floatx()`.

    Returns:
        A tensor of `shape` and `dtype`; do not rely on its values.

    Example:

    >>> keras.ops.empty((2, 3)).shape
    (2, 3)
    """
    return K.creation.empty(_filled_shape(shape, "empty"), _native(_dtype_or(dtype, floatx())))


def _like_rule(x: Any, dtype: DTypeLike = None) -> Spec:
    spec = as_spec(x)
    return Spec(spec.shape, _dtype_or(dtype, spec.dtype))


def _like(x: ArrayLike, dtype: DTypeLike) -> tuple[tuple[int, ...], str]:
    """Return the shape of `x` and the output dtype (`x`'s, unless given)."""
    t = convert(x)
    dims: tuple[Any, ...] = K.core.shape_of(t)  # dynamic dimensions while tracing
    return dims, K.core.dtype_of(t) if dtype is None else standardize_dtype(dtype)


@op(_like_rule)
def zeros_like(x: ArrayLike, dtype: DTypeLike = None) -> Tensor:
    """Return a tensor of zeros with the shape of `x`.

    Args:
        x: Input tensor.
        dtype: Output dtype. Defaults to `x`'s dtype.

    Returns:
        A tensor of zeros.

    Example:

    >>> keras.ops.zeros_like(np.array([1, 2], dtype="int8"))
    array([0, 0], dtype=int8)
    """
    shape, out_dtype = _like(x, dtype)
    return K.creation.zeros(shape, _native(out_dtype))


@op(_like_rule)
def ones_like(x: ArrayLike, dtype: DTypeLike = None) -> Tensor:
    """Return a tensor of ones with the shape of `x`.

    Args:
        x: Input tensor.
        dtype: Output dtype. Defaults to `x`'s dtype.

    Returns:
        A tensor of ones.

    Example:

    >>> keras.ops.ones_like(np.array([True, False]))
    array([ True,  True])
    """
    shape, out_dtype = _like(x, dtype)
    return K.creation.ones(shape, _native(out_dtype))


@op(_like_rule)
def empty_like(x: ArrayLike, dtype: DTypeLike = None) -> Tensor:
    """Return an uninitialized tensor with the shape of `x`.

    Args:
        x: Input tensor.
        dtype: Output dtype. Defaults to `x`'s dtype.

    Returns:
        A tensor of `x`'s shape; do not rely on its values.

    Example:

    >>> keras.ops.empty_like(np.ones((2, 3), dtype="float16")).dtype
    dtype('float16')
    """
    shape, out_dtype = _like(x, dtype)
    return K.creation.empty(shape, _native(out_dtype))


def _full_rule(shape: Any, fill_value: Any, dtype: DTypeLike = None) -> Spec:
    return Spec(standardize_shape(shape), _dtype_or(dtype, floatx()))


@op(_full_rule)
def full(shape: ShapeLike, fill_value: ArrayLike, dtype: DTypeLike = None) -> Tensor:
    """Return a tensor of `shape` filled with `fill_value`.

    Args:
        shape: An int or a sequence of ints.
        fill_value: A scalar, or a tensor broadcastable to `shape`.
        dtype: Output dtype. Defaults to `floatx()`, whatever `fill_value`'s type.

    Returns:
        A tensor of `shape`.

    Example:

    >>> keras.ops.full((2,), 7)
    array([7., 7.], dtype=float32)
    """
    # Converting first, then casting, lets a float fill value truncate into an int dtype.
    fill = convert(convert(fill_value), _dtype_or(dtype, floatx()))
    return K.creation.full(_filled_shape(shape, "full"), fill)


def _full_like_rule(x: Any, fill_value: Any, dtype: DTypeLike = None) -> Spec:
    spec = as_spec(x)
    return Spec(spec.shape, _dtype_or(dtype, spec.dtype))


@op(_full_like_rule)
def full_like(x: ArrayLike, fill_value: ArrayLike, dtype: DTypeLike = None) -> Tensor:
    """Return a tensor with the shape of `x`, filled with `fill_value`.

    Args:
        x: Input tensor.
        fill_value: A scalar, or a tensor broadcastable to `x`'s shape.
        dtype: Output dtype. Defaults to `x`'s dtype: a float fill value is cast
            (truncated) to an integer `x`'s dtype.

    Returns:
        A tensor of `x`'s shape.

    Example:

    >>> keras.ops.full_like(np.zeros(2, dtype="int8"), 3)
    array([3, 3], dtype=int8)
    """
    shape, out_dtype = _like(x, dtype)
    return K.creation.full(shape, convert(convert(fill_value), out_dtype))


# --- diagonals and triangles --------------------------------------------------------------


def _eye_rule(N: Any, M: Any = None, k: int = 0, dtype: DTypeLike = None) -> Spec:  # noqa: N803
    return Spec((N, N if M is None else M), _dtype_or(dtype, floatx()))


@op(_eye_rule)
def eye(N: int, M: int | None = None, k: int = 0, dtype: DTypeLike = None) -> Tensor:  # noqa: N803
    """Return a 2-D tensor with ones on the `k`-th diagonal and zeros elsewhere.

    Args:
        N: Number of rows.
        M: Number of columns. Defaults to `N`.
        k: The diagonal: 0 the main one, positive above it, negative below.
        dtype: Output dtype. Defaults to `floatx()`.

    Returns:
        A tensor of shape `(N, M)`.

    Raises:
        TypeError: If `N`, `M` or `k` is not an integer.
        ValueError: If `N` or `M` is negative.

    Example:

    >>> keras.ops.eye(2, 3, k=1)
    array([[0., 1., 0.],
           [0., 0., 1.]], dtype=float32)
    """
    rows = _count(N, "N", "eye")
    cols = rows if M is None else _count(M, "M", "eye")
    return K.creation.eye(rows, cols, _int(k, "k", "eye"), _native(_dtype_or(dtype, floatx())))


def _identity_rule(n: Any, dtype: DTypeLike = None) -> Spec:
    return Spec((n, n), _dtype_or(dtype, floatx()))


@op(_identity_rule)
def identity(n: int, dtype: DTypeLike = None) -> Tensor:
    """Return the `n` by `n` identity matrix.

    Args:
        n: Number of rows and columns.
        dtype: Output dtype. Defaults to `floatx()`.

    Returns:
        A tensor of shape `(n, n)`.

    Example:

    >>> keras.ops.identity(2)
    array([[1., 0.],
           [0., 1.]], dtype=float32)
    """
    size = _count(n, "n", "identity")
    return K.creation.eye(size, size, 0, _native(_dtype_or(dtype, floatx())))


@op(_eye_rule)
def tri(N: int, M: int | None = None, k: int = 0, dtype: DTypeLike = None) -> Tensor:  # noqa: N803
    """Return a 2-D tensor with ones at and below the `k`-th diagonal, zeros above.

    Args:
        N: Number of rows.
        M: Number of columns. Defaults to `N`.
        k: The diagonal: 0 the main one, positive above it, negative below.
        dtype: Output dtype. Defaults to `floatx()`.

    Returns:
        A tensor of shape `(N, M)`.

    Example:

    >>> keras.ops.tri(2, 3, dtype="int32")
    array([[1, 0, 0],
           [1, 1, 0]], dtype=int32)
    """
    rows = _count(N, "N", "tri")
    cols = rows if M is None else _count(M, "M", "tri")
    return K.creation.tri(rows, cols, _int(k, "k", "tri"), _native(_dtype_or(dtype, floatx())))


def _triangle_rule(x: Any, k: int = 0) -> Spec:
    spec = as_spec(x)
    _require_ndim(spec.shape, 2, "x", "tril/triu")
    return spec


@op(_triangle_rule)
def tril(x: ArrayLike, k: int = 0) -> Tensor:
    """Zero the elements above the `k`-th diagonal of the last two axes of `x`.

    Args:
        x: Input tensor, of rank 2 or more.
        k: The diagonal: 0 the main one, positive above it, negative below.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        ValueError: If `x` has rank below 2.

    Example:

    >>> keras.ops.tril(np.ones((2, 2), dtype="int8"))
    array([[1, 0],
           [1, 1]], dtype=int8)
    """
    t = convert(x)
    _require_ndim(t.shape, 2, "x", "tril")
    return K.creation.tril(t, _int(k, "k", "tril"))


@op(_triangle_rule)
def triu(x: ArrayLike, k: int = 0) -> Tensor:
    """Zero the elements below the `k`-th diagonal of the last two axes of `x`.

    Args:
        x: Input tensor, of rank 2 or more.
        k: The diagonal: 0 the main one, positive above it, negative below.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        ValueError: If `x` has rank below 2.

    Example:

    >>> keras.ops.triu(np.ones((2, 2), dtype="int8"))
    array([[1, 1],
           [0, 1]], dtype=int8)
    """
    t = convert(x)
    _require_ndim(t.shape, 2, "x", "triu")
    return K.creation.triu(t, _int(k, "k", "triu"))


def _diagonal_length(rows: int | None, cols: int | None, offset: int) -> int | None:
    if rows is None or cols is None:
        return None
    return max(0, min(rows, cols - offset) if offset >= 0 else min(rows + offset, cols))


def _diag_rule(x: Any, k: int = 0) -> Spec:
    spec = as_spec(x)
    _require_ndim(spec.shape, (1, 2), "x", "diag")
    if spec.ndim == 1:
        size = None if spec.shape[0] is None else spec.shape[0] + abs(k)
        return Spec((size, size), spec.dtype)
    return Spec((_diagonal_length(spec.shape[0], spec.shape[1], k),), spec.dtype)


@op(_diag_rule)
def diag(x: ArrayLike, k: int = 0) -> Tensor:
    """Extract a diagonal of a matrix, or build a matrix with a vector on a diagonal.

    Args:
        x: A 1-D tensor (placed on the diagonal) or a 2-D tensor (read from it).
        k: The diagonal: 0 the main one, positive above it, negative below.

    Returns:
        A 2-D tensor for 1-D `x`; the 1-D diagonal for 2-D `x`.

    Raises:
        ValueError: If `x` is not 1-D or 2-D.

    Example:

    >>> keras.ops.diag(np.array([1, 2], dtype="int32"))
    array([[1, 0],
           [0, 2]], dtype=int32)
    """
    t = convert(x)
    _require_ndim(t.shape, (1, 2), "x", "diag")
    return K.creation.diag(t, _int(k, "k", "diag"))


def _diagflat_rule(x: Any, k: int = 0) -> Spec:
    spec = as_spec(x)
    size = math.prod(spec.shape) if None not in spec.shape else None  # type: ignore[arg-type]
    side = None if size is None else size + abs(k)
    return Spec((side, side), spec.dtype)


@op(_diagflat_rule)
def diagflat(x: ArrayLike, k: int = 0) -> Tensor:
    """Return a 2-D tensor with the flattened `x` on the `k`-th diagonal.

    Args:
        x: Input tensor, flattened first.
        k: The diagonal: 0 the main one, positive above it, negative below.

    Returns:
        A square tensor of side `x.size + abs(k)`.

    Example:

    >>> keras.ops.diagflat(np.array([[1, 2]], dtype="int32"), k=1)
    array([[0, 1, 0],
           [0, 0, 2],
           [0, 0, 0]], dtype=int32)
    """
    return K.creation.diagflat(convert(x), _int(k, "k", "diagflat"))


def _diagonal_axes(shape: Shape, axis1: int, axis2: int) -> tuple[int, int]:
    _require_ndim(shape, 2, "x", "diagonal")
    first = canonical_axis(axis1, len(shape), "diagonal")
    second = canonical_axis(axis2, len(shape), "diagonal")
    if first == second:
        raise ValueError(f"diagonal: `axis1` and `axis2` must differ. Received: axis1={axis1}, axis2={axis2}")
    return first, second


def diagonal_spec(spec: Spec, offset: int, axis1: int, axis2: int) -> Spec:
    """Spec of `x`'s diagonal: the two axes removed, the diagonal appended last."""
    first, second = _diagonal_axes(spec.shape, axis1, axis2)
    rest = tuple(d for i, d in enumerate(spec.shape) if i not in (first, second))
    return Spec((*rest, _diagonal_length(spec.shape[first], spec.shape[second], offset)), spec.dtype)


def _diagonal_rule(x: Any, offset: int = 0, axis1: int = 0, axis2: int = 1) -> Spec:
    return diagonal_spec(as_spec(x), offset, axis1, axis2)


@op(_diagonal_rule)
def diagonal(x: ArrayLike, offset: int = 0, axis1: int = 0, axis2: int = 1) -> Tensor:
    """Return the diagonal at `offset` of the planes spanned by `axis1` and `axis2`.

    Args:
        x: Input tensor, of rank 2 or more.
        offset: The diagonal: 0 the main one, positive above it, negative below.
        axis1: First axis of the planes.
        axis2: Second axis of the planes.

    Returns:
        A tensor with `axis1` and `axis2` removed and the diagonal as its last axis.

    Raises:
        ValueError: If `x` has rank below 2, or the axes are equal or out of range.

    Example:

    >>> keras.ops.diagonal(np.arange(9, dtype="int32").reshape(3, 3), offset=1)
    array([1, 5], dtype=int32)
    """
    t = convert(x)
    first, second = _diagonal_axes(tuple(t.shape), axis1, axis2)
    return K.creation.diagonal(t, _int(offset, "offset", "diagonal"), first, second)


# --- spaced samples -----------------------------------------------------------------------


def _space_dtype(start: Any, stop: Any, dtype: DTypeLike) -> str:
    if dtype is not None:
        return standardize_dtype(dtype)
    return float_result(result_type(promotion_type(start), promotion_type(stop)))


def _compute_dtype(out_dtype: str) -> str:
    """The float dtype samples are computed in: float64 for 64-bit and int outputs."""
    if out_dtype == "float64" or not is_float_dtype(out_dtype):
        return "float64"
    return "float32"


def _space_spec(start: Any, stop: Any, num: int, axis: int, dtype: str, op_name: str) -> Spec:
    shape = broadcast_shapes(as_spec(start).shape, as_spec(stop).shape)
    position = canonical_axis(axis, len(shape) + 1, op_name)
    return Spec((*shape[:position], num, *shape[position:]), dtype)


def _linspace_rule(
    start: Any,
    stop: Any,
    num: int = 50,
    endpoint: bool = True,
    retstep: bool = False,
    dtype: DTypeLike = None,
    axis: int = 0,
) -> Any:
    out_dtype = _space_dtype(start, stop, dtype)
    samples = _space_spec(start, stop, num, axis, out_dtype, "linspace")
    if not retstep:
        return samples
    step_shape = tuple(d for i, d in enumerate(samples.shape) if i != canonical_axis(axis, samples.ndim))
    return samples, Spec(step_shape, out_dtype if is_float_dtype(out_dtype) else floatx())


def _space_bounds(
    start: Any, stop: Any, num: int, axis: int, compute: str, op_name: str
) -> tuple[Any, Any, int]:
    _count(num, "num", op_name)
    low, high = convert(start, compute), convert(stop, compute)
    position = canonical_axis(axis, max(low.ndim, high.ndim) + 1, op_name)
    return low, high, position


@op(_linspace_rule)
def linspace(
    start: ArrayLike,
    stop: ArrayLike,
    num: int = 50,
    endpoint: bool = True,
    retstep: bool = False,
    dtype: DTypeLike = None,
    axis: int = 0,
) -> Any:
    """Return `num` evenly spaced samples from `start` to `stop`.

    Args:
        start: First value (a scalar or a tensor).
        stop: Last value (a scalar or a tensor broadcastable with `start`).
        num: Number of samples, non-negative. Defaults to 50.
        endpoint: Whether `stop` is the last sample. Defaults to `True`.
        retstep: Whether to return the spacing too. Defaults to `False`.
        dtype: Output dtype. By default the float type of `start` and `stop`:
            integers give `floatx()`. An integer dtype rounds samples down.
        axis: Where the samples axis goes, for tensor `start` or `stop`.

    Returns:
        The samples; with `retstep`, a tuple `(samples, step)` whose step has the
        output's float dtype (`floatx()` for integer outputs).

    Raises:
        ValueError: If `num` is negative.

    Example:

    >>> keras.ops.linspace(0, 1, 5)
    array([0.  , 0.25, 0.5 , 0.75, 1.  ], dtype=float32)
    """
    out_dtype = _space_dtype(start, stop, dtype)
    compute = _compute_dtype(out_dtype)
    low, high, position = _space_bounds(start, stop, num, axis, compute, "linspace")
    integral = not is_float_dtype(out_dtype)
    samples, step = K.creation.linspace(low, high, num, endpoint, position, integral)
    samples = convert(samples, out_dtype)
    if retstep:
        return samples, convert(step, floatx() if integral else out_dtype)
    return samples


def _logspace_rule(
    start: Any,
    stop: Any,
    num: int = 50,
    endpoint: bool = True,
    base: Any = 10,
    dtype: DTypeLike = None,
    axis: int = 0,
) -> Spec:
    return _space_spec(start, stop, num, axis, _space_dtype(start, stop, dtype), "logspace")


@op(_logspace_rule)
def logspace(
    start: ArrayLike,
    stop: ArrayLike,
    num: int = 50,
    endpoint: bool = True,
    base: ArrayLike = 10,
    dtype: DTypeLike = None,
    axis: int = 0,
) -> Tensor:
    """Return `num` samples `base ** t`, for `t` evenly spaced from `start` to `stop`.

    Args:
        start: First exponent (a scalar or a tensor).
        stop: Last exponent (a scalar or a tensor broadcastable with `start`).
        num: Number of samples, non-negative. Defaults to 50.
        endpoint: Whether `stop` is the last exponent. Defaults to `True`.
        base: Base of the powers. Defaults to 10.
        dtype: Output dtype. By default the float type of `start` and `stop`:
            integers give `floatx()`.
        axis: Where the samples axis goes, for tensor `start` or `stop`.

    Returns:
        The samples.

    Raises:
        ValueError: If `num` is negative.

    Example:

    >>> keras.ops.logspace(0, 2, 3)
    array([  1.,  10., 100.], dtype=float32)
    """
    out_dtype = _space_dtype(start, stop, dtype)
    compute = _compute_dtype(out_dtype)
    low, high, position = _space_bounds(start, stop, num, axis, compute, "logspace")
    samples = K.creation.logspace(low, high, num, endpoint, convert(base, compute), position)
    return convert(samples, out_dtype)


def _geomspace_rule(
    start: Any, stop: Any, num: int = 50, endpoint: bool = True, dtype: DTypeLike = None, axis: int = 0
) -> Spec:
    return _space_spec(start, stop, num, axis, _space_dtype(start, stop, dtype), "geomspace")


@op(_geomspace_rule)
def geomspace(
    start: ArrayLike,
    stop: ArrayLike,
    num: int = 50,
    endpoint: bool = True,
    dtype: DTypeLike = None,
    axis: int = 0,
) -> Tensor:
    """Return `num` samples from `start` to `stop`, evenly spaced on a log scale.

    Args:
        start: First sample, non-zero (a scalar or a tensor).
        stop: Last sample, non-zero and of `start`'s sign.
        num: Number of samples, non-negative. Defaults to 50.
        endpoint: Whether `stop` is the last sample. Defaults to `True`.
        dtype: Output dtype. By default the float type of `start` and `stop`:
            integers give `floatx()`.
        axis: Where the samples axis goes, for tensor `start` or `stop`.

    Returns:
        The samples, a geometric progression.

    Raises:
        ValueError: If `num` is negative.

    Example:

    >>> keras.ops.geomspace(1, 8, 4)
    array([1., 2., 4., 8.], dtype=float32)
    """
    out_dtype = _space_dtype(start, stop, dtype)
    compute = _compute_dtype(out_dtype)
    low, high, position = _space_bounds(start, stop, num, axis, compute, "geomspace")
    return convert(K.creation.geomspace(low, high, num, endpoint, position), out_dtype)


def _check_vander(shape: Shape, dtype: str) -> None:
    _require_ndim(shape, (1,), "x", "vander")
    if dtype == "bool":
        raise TypeError("vander: `x` must be numeric. Received: x.dtype=bool")


def _vander_rule(x: Any, N: Any = None, increasing: bool = False) -> Spec:  # noqa: N803
    spec = as_spec(x)
    _check_vander(spec.shape, spec.dtype)
    return Spec((spec.shape[0], spec.shape[0] if N is None else N), spec.dtype)


@op(_vander_rule)
def vander(x: ArrayLike, N: int | None = None, increasing: bool = False) -> Tensor:  # noqa: N803
    """Return the Vandermonde matrix of `x`: its columns are powers of `x`.

    Args:
        x: A 1-D numeric tensor.
        N: Number of columns. Defaults to `len(x)`.
        increasing: Whether powers increase from left to right. Defaults to
            `False` (the first column is `x ** (N - 1)`).

    Returns:
        A tensor of shape `(len(x), N)` and `x`'s dtype.

    Raises:
        ValueError: If `x` is not 1-D or `N` is negative.
        TypeError: If `x` is bool.

    Example:

    >>> keras.ops.vander(np.array([1, 2, 3], dtype="int32"))
    array([[1, 1, 1],
           [4, 2, 1],
           [9, 3, 1]], dtype=int32)
    """
    t = convert(x)
    _check_vander(tuple(t.shape), K.core.dtype_of(t))
    columns = t.shape[0] if N is None else _count(N, "N", "vander")
    return K.creation.vander(t, columns, bool(increasing))


# --- windows ------------------------------------------------------------------------------


def _window_rule(x: Any, beta: Any = None) -> Spec:
    return Spec((None if isinstance(x, Spec) else _count(x, "x", "window"),), floatx())


# Windows are short: computing them in float64 keeps floatx results correctly rounded.
_WINDOW_DTYPE = "float64"


@op(_window_rule)
def bartlett(x: ArrayLike) -> Tensor:
    """Return the Bartlett (triangular) window of length `x`.

    Args:
        x: The number of points, a non-negative integer.

    Returns:
        A 1-D tensor of `floatx()`, peaking at 1 in the middle.

    Example:

    >>> keras.ops.bartlett(5)
    array([0. , 0.5, 1. , 0.5, 0. ], dtype=float32)
    """
    length = _count(x, "x", "bartlett")
    return convert(K.creation.bartlett(length, _native(_WINDOW_DTYPE)), floatx())


@op(_window_rule)
def blackman(x: ArrayLike) -> Tensor:
    """Return the Blackman window of length `x`.

    Args:
        x: The number of points, a non-negative integer.

    Returns:
        A 1-D tensor of `floatx()`.

    Example:

    >>> np.round(keras.ops.blackman(3), 4)
    array([-0.,  1., -0.], dtype=float32)
    """
    length = _count(x, "x", "blackman")
    return convert(K.creation.blackman(length, _native(_WINDOW_DTYPE)), floatx())


@op(_window_rule)
def hamming(x: ArrayLike) -> Tensor:
    """Return the Hamming window of length `x`.

    Args:
        x: The number of points, a non-negative integer.

    Returns:
        A 1-D tensor of `floatx()`.

    Example:

    >>> keras.ops.hamming(3)
    array([0.08, 1.  , 0.08], dtype=float32)
    """
    length = _count(x, "x", "hamming")
    return convert(K.creation.hamming(length, _native(_WINDOW_DTYPE)), floatx())


@op(_window_rule)
def hanning(x: ArrayLike) -> Tensor:
    """Return the Hann window of length `x`.

    Args:
        x: The number of points, a non-negative integer.

    Returns:
        A 1-D tensor of `floatx()`.

    Example:

    >>> keras.ops.hanning(3)
    array([0., 1., 0.], dtype=float32)
    """
    length = _count(x, "x", "hanning")
    return convert(K.creation.hanning(length, _native(_WINDOW_DTYPE)), floatx())


@op(_window_rule)
def kaiser(x: ArrayLike, beta: ArrayLike) -> Tensor:
    """Return the Kaiser window of length `x` and shape parameter `beta`.

    Args:
        x: The number of points, a non-negative integer.
        beta: The shape parameter: 0 gives a rectangle, larger values narrow it.

    Returns:
        A 1-D tensor of `floatx()`.

    Example:

    >>> keras.ops.kaiser(3, 0.0)
    array([1., 1., 1.], dtype=float32)
    """
    length = _count(x, "x", "kaiser")
    return convert(K.creation.kaiser(length, convert(beta, _WINDOW_DTYPE)), floatx())
