"""Reductions: sums, extrema, means and statistics over axes.

Each op's output dtype comes from a small *dtype function* of the input's dtype name,
which both the eager body and the symbolic rule call, so the two paths cannot disagree.
Float statistics of float16 and bfloat16 inputs are computed in float32 and cast back.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from keras.backend._active import K
from keras.backend._dtypes import float_result, is_float_dtype, result_type, standardize_dtype
from keras.ops._convert import convert, infer_dtype
from keras.ops._op import op
from keras.ops._rules import accumulation_dtype, canonical_axes, canonical_axis, reduced_shape
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Axis, DTypeLike, Shape, Tensor

__all__ = [
    "all",
    "amax",
    "amin",
    "any",
    "argmax",
    "argmin",
    "average",
    "count_nonzero",
    "cumprod",
    "cumsum",
    "max",
    "mean",
    "median",
    "min",
    "nanargmax",
    "nanargmin",
    "nancumprod",
    "nancumsum",
    "nanmax",
    "nanmean",
    "nanmedian",
    "nanmin",
    "nanpercentile",
    "nanprod",
    "nanquantile",
    "nanstd",
    "nansum",
    "nanvar",
    "percentile",
    "prod",
    "ptp",
    "quantile",
    "std",
    "sum",
    "var",
]

DtypeFn = Callable[[str], str]
_HALF = ("float16", "bfloat16")
QUANTILE_METHODS = ("linear", "lower", "higher", "midpoint", "nearest")

# --- dtype functions: the input's dtype in, the output's dtype out --------------------------


def _same(dtype: str) -> str:
    return dtype


def _to_bool(dtype: str) -> str:
    return "bool"


def _to_index(dtype: str) -> str:
    return "int32"


def _prod_dtype(dtype: str) -> str:
    """Keras 3 narrows 64-bit products to 32 bits and widens small ints to 32 bits."""
    return accumulation_dtype(result_type(dtype))


def _cumulative_dtype(dtype: str) -> str:
    """`cumsum`/`cumprod` keep small ints (no widening) but count bools as int32."""
    result = result_type(dtype)
    return "int32" if result == "bool" else result


def _compute_dtype(dtype: str) -> str:
    """The dtype a float statistic is computed in: float32 for the half-precision floats."""
    return "float32" if dtype in _HALF else dtype


# --- shared checks and rules --------------------------------------------------------------


def _reduced_extent(shape: Shape, axes: tuple[int, ...] | None) -> int | None:
    dims = [d for i, d in enumerate(shape) if axes is None or i in axes]
    return None if None in dims else math.prod(d for d in dims if d is not None)


def _check_nonempty(shape: Shape, axis: Axis, name: str, axes: tuple[int, ...] | None = None) -> None:
    """Raise when reducing over a zero-size axis an op has no identity for (max, argmax...).

    `axes` is `axis` canonicalized, when the caller has it already.
    """
    if axes is None and axis is not None:
        axes = canonical_axes(axis, len(shape), name)
    if _reduced_extent(shape, axes) == 0:
        raise ValueError(
            f"{name}: cannot reduce over an empty axis: the reduction has no identity. "
            f"Received: x.shape={tuple(shape)}, axis={axis!r}"
        )


def _check_single_axis(axis: Any, name: str) -> None:
    if axis is not None and (not isinstance(axis, (int, np.integer)) or isinstance(axis, bool)):
        raise ValueError(f"{name}: `axis` must be an int or None. Received: axis={axis!r}")


def _check_not_bool(dtype: str, name: str) -> None:
    if dtype == "bool":
        raise TypeError(
            f"{name}: boolean tensors are not supported; cast to an int first. Received: dtype=bool"
        )


def _reduction_rule(name: str, dtype_fn: DtypeFn, nonempty: bool = False) -> Callable[..., Spec]:
    """Return the rule of a reduction with `axis` and `keepdims` and output dtype `dtype_fn`."""

    def rule(x: Any, axis: Any = None, keepdims: bool = False) -> Spec:
        spec = as_spec(x)
        if nonempty:
            _check_nonempty(spec.shape, axis, name)
        return Spec(reduced_shape(spec.shape, axis, keepdims, name), dtype_fn(spec.dtype))

    return rule


def _index_rule(name: str) -> Callable[..., Spec]:
    def rule(x: Any, axis: Any = None, keepdims: bool = False) -> Spec:
        _check_single_axis(axis, name)
        spec = as_spec(x)
        _check_nonempty(spec.shape, axis, name)
        return Spec(reduced_shape(spec.shape, axis, keepdims, name), "int32")

    return rule


def _float_statistic(x: ArrayLike) -> tuple[Tensor, str]:
    """Return `x` converted to its statistic's compute dtype, and the output dtype."""
    dtype = float_result(infer_dtype(x))
    return convert(x, _compute_dtype(dtype)), dtype


# --- sums and products ----------------------------------------------------------------------


@op(_reduction_rule("sum", accumulation_dtype))
def sum(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Sum the elements of `x` over `axis`.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to sum over; `None` sums over all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The sums. bool, int8 and int16 sum to int32; uint8 and uint16 to uint32.

    Example:

    >>> keras.ops.sum(np.array([[1, 2], [3, 4]], dtype="int8"), axis=0)
    array([4, 6], dtype=int32)
    """
    t = convert(x, accumulation_dtype(infer_dtype(x)))
    return K.reductions.sum(t, canonical_axes(axis, t.ndim, "sum"), keepdims)


def _prod_rule(x: Any, axis: Any = None, keepdims: bool = False, dtype: DTypeLike = None) -> Spec:
    spec = as_spec(x)
    out = _prod_dtype(spec.dtype) if dtype is None else standardize_dtype(dtype)
    return Spec(reduced_shape(spec.shape, axis, keepdims, "prod"), out)


@op(_prod_rule)
def prod(x: ArrayLike, axis: Axis = None, keepdims: bool = False, dtype: DTypeLike = None) -> Tensor:
    """Multiply the elements of `x` over `axis`.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to multiply over; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.
        dtype: The dtype to multiply in and return. By default bool, int8 and
            int16 give int32, uint8 and uint16 give uint32, others keep theirs.

    Returns:
        The products.

    Example:

    >>> keras.ops.prod(np.array([[1, 2], [3, 4]], dtype="int8"), axis=1)
    array([ 2, 12], dtype=int32)
    """
    out = _prod_dtype(infer_dtype(x)) if dtype is None else standardize_dtype(dtype)
    t = convert(x, out)
    return K.reductions.prod(t, canonical_axes(axis, t.ndim, "prod"), keepdims)


@op(_reduction_rule("nansum", accumulation_dtype))
def nansum(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Sum the elements of `x` over `axis`, counting NaNs as zero.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to sum over; `None` sums over all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The sums, with `sum`'s dtypes.

    Example:

    >>> keras.ops.nansum(np.array([[1.0, np.nan], [2.0, 4.0]], dtype="float32"), axis=1)
    array([1., 6.], dtype=float32)
    """
    t = convert(x, accumulation_dtype(infer_dtype(x)))
    axes = canonical_axes(axis, t.ndim, "nansum")
    if not is_float_dtype(K.core.dtype_of(t)):
        return K.reductions.sum(t, axes, keepdims)
    return K.reductions.nansum(t, axes, keepdims)


@op(_reduction_rule("nanprod", _prod_dtype))
def nanprod(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Multiply the elements of `x` over `axis`, counting NaNs as one.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to multiply over; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The products, with `prod`'s default dtypes.

    Example:

    >>> keras.ops.nanprod(np.array([[2.0, np.nan, 3.0]], dtype="float32"), axis=1)
    array([6.], dtype=float32)
    """
    t = convert(x, _prod_dtype(infer_dtype(x)))
    axes = canonical_axes(axis, t.ndim, "nanprod")
    if not is_float_dtype(K.core.dtype_of(t)):
        return K.reductions.prod(t, axes, keepdims)
    return K.reductions.nanprod(t, axes, keepdims)


def _cumulative_rule(name: str) -> Callable[..., Spec]:
    def rule(x: Any, axis: int | None = None, dtype: DTypeLike = None) -> Spec:
        _check_single_axis(axis, name)
        spec = as_spec(x)
        out = _cumulative_dtype(spec.dtype if dtype is None else standardize_dtype(dtype))
        if axis is None:
            return Spec((_reduced_extent(spec.shape, None),), out)
        canonical_axis(axis, spec.ndim, name)
        return Spec(spec.shape, out)

    return rule


def _cumulative(x: ArrayLike, axis: int | None, dtype: DTypeLike, name: str) -> tuple[Tensor, int | None]:
    _check_single_axis(axis, name)
    out = _cumulative_dtype(infer_dtype(x) if dtype is None else standardize_dtype(dtype))
    t = convert(x, out)
    return t, None if axis is None else canonical_axis(axis, t.ndim, name)


@op(_cumulative_rule("cumsum"))
def cumsum(x: ArrayLike, axis: int | None = None, dtype: DTypeLike = None) -> Tensor:
    """Return the running sums of `x` along `axis`.

    Args:
        x: Input tensor.
        axis: The axis to sum along; `None` sums along the flattened `x`.
        dtype: The dtype to sum in and return. By default `x`'s dtype (bool
            sums as int32; small ints are not widened and may overflow).

    Returns:
        The running sums, shaped like `x` (1-D when `axis` is `None`).

    Example:

    >>> keras.ops.cumsum(np.array([[1, 2], [3, 4]], dtype="int32"))
    array([ 1,  3,  6, 10], dtype=int32)
    """
    t, a = _cumulative(x, axis, dtype, "cumsum")
    return K.reductions.cumsum(t, a)


@op(_cumulative_rule("cumprod"))
def cumprod(x: ArrayLike, axis: int | None = None, dtype: DTypeLike = None) -> Tensor:
    """Return the running products of `x` along `axis`.

    Args:
        x: Input tensor.
        axis: The axis to multiply along; `None` uses the flattened `x`.
        dtype: The dtype to multiply in and return; by default `x`'s dtype
            (bool as int32).

    Returns:
        The running products, shaped like `x` (1-D when `axis` is `None`).

    Example:

    >>> keras.ops.cumprod(np.array([1.0, 2.0, 3.0], dtype="float32"))
    array([1., 2., 6.], dtype=float32)
    """
    t, a = _cumulative(x, axis, dtype, "cumprod")
    return K.reductions.cumprod(t, a)


@op(_cumulative_rule("nancumsum"))
def nancumsum(x: ArrayLike, axis: int | None = None, dtype: DTypeLike = None) -> Tensor:
    """Return the running sums of `x` along `axis`, counting NaNs as zero.

    Args:
        x: Input tensor.
        axis: The axis to sum along; `None` sums along the flattened `x`.
        dtype: The dtype to sum in and return, as in `cumsum`.

    Returns:
        The running sums, shaped like `x` (1-D when `axis` is `None`).

    Example:

    >>> keras.ops.nancumsum(np.array([1.0, np.nan, 2.0], dtype="float32"))
    array([1., 1., 3.], dtype=float32)
    """
    t, a = _cumulative(x, axis, dtype, "nancumsum")
    if not is_float_dtype(K.core.dtype_of(t)):
        return K.reductions.cumsum(t, a)
    return K.reductions.nancumsum(t, a)


@op(_cumulative_rule("nancumprod"))
def nancumprod(x: ArrayLike, axis: int | None = None, dtype: DTypeLike = None) -> Tensor:
    """Return the running products of `x` along `axis`, counting NaNs as one.

    Args:
        x: Input tensor.
        axis: The axis to multiply along; `None` uses the flattened `x`.
        dtype: The dtype to multiply in and return, as in `cumprod`.

    Returns:
        The running products, shaped like `x` (1-D when `axis` is `None`).

    Example:

    >>> keras.ops.nancumprod(np.array([2.0, np.nan, 3.0], dtype="float32"))
    array([2., 2., 6.], dtype=float32)
    """
    t, a = _cumulative(x, axis, dtype, "nancumprod")
    if not is_float_dtype(K.core.dtype_of(t)):
        return K.reductions.cumprod(t, a)
    return K.reductions.nancumprod(t, a)


# --- means and moments -----------------------------------------------------------------------


def _moment(x: ArrayLike, axis: Axis, keepdims: bool, kernel: Callable[..., Tensor], name: str) -> Tensor:
    t, out = _float_statistic(x)
    return convert(kernel(t, canonical_axes(axis, t.ndim, name), keepdims), out)


@op(_reduction_rule("mean", float_result))
def mean(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the arithmetic mean of `x` over `axis`.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to average over; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The means, as floats: ints and bool give `floatx()`.

    Example:

    >>> keras.ops.mean(np.array([[1, 2], [3, 5]], dtype="int32"), axis=0)
    array([2. , 3.5], dtype=float32)
    """
    return _moment(x, axis, keepdims, K.reductions.mean, "mean")


@op(_reduction_rule("var", float_result))
def var(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the variance of `x` over `axis` (the mean squared deviation).

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The population variances (divided by the count), as floats.

    Example:

    >>> keras.ops.var(np.array([[1.0, 2.0, 3.0, 4.0]], dtype="float32"), axis=1)
    array([1.25], dtype=float32)
    """
    return _moment(x, axis, keepdims, K.reductions.var, "var")


@op(_reduction_rule("std", float_result))
def std(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the standard deviation of `x` over `axis`.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The square roots of the population variances, as floats.

    Example:

    >>> keras.ops.std(np.array([[1, 3], [2, 2]], dtype="int8"), axis=1)
    array([1., 0.], dtype=float32)
    """
    return _moment(x, axis, keepdims, K.reductions.std, "std")


@op(_reduction_rule("nanmean", float_result))
def nanmean(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the mean of `x` over `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to average over; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The means of the non-NaN entries (NaN where there are none), as floats.

    Example:

    >>> keras.ops.nanmean(np.array([[1.0, np.nan, 2.0]], dtype="float32"), axis=1)
    array([1.5], dtype=float32)
    """
    return _moment(x, axis, keepdims, K.reductions.nanmean, "nanmean")


@op(_reduction_rule("nanvar", float_result))
def nanvar(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the variance of `x` over `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The population variances of the non-NaN entries, as floats.

    Example:

    >>> keras.ops.nanvar(np.array([[1.0, np.nan, 3.0]], dtype="float32"), axis=1)
    array([1.], dtype=float32)
    """
    return _moment(x, axis, keepdims, K.reductions.nanvar, "nanvar")


@op(_reduction_rule("nanstd", float_result))
def nanstd(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the standard deviation of `x` over `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The population standard deviations of the non-NaN entries, as floats.

    Example:

    >>> keras.ops.nanstd(np.array([[1.0, np.nan, 3.0]], dtype="float32"), axis=1)
    array([1.], dtype=float32)
    """
    return _moment(x, axis, keepdims, K.reductions.nanstd, "nanstd")


def _average_dtype(x_dtype: str, weights_dtype: str | None) -> str:
    if weights_dtype is None:
        return result_type(x_dtype, float)
    return result_type(x_dtype, weights_dtype, float)


def _check_average(x_shape: Shape, weights_shape: Shape | None, axis: Any) -> int | None:
    _check_single_axis(axis, "average")
    a = None if axis is None else canonical_axis(axis, len(x_shape), "average")
    if weights_shape is None or len(weights_shape) == len(x_shape):
        if weights_shape is not None:
            for dw, dx in zip(weights_shape, x_shape, strict=True):
                if dw is not None and dx is not None and dw != dx:
                    raise ValueError(
                        f"average: `weights` must have the shape of `x`, or be 1-D along `axis`. "
                        f"Received: x.shape={tuple(x_shape)}, weights.shape={tuple(weights_shape)}"
                    )
        return a
    length = None if a is None else x_shape[a]
    mismatch = None not in (length, weights_shape[0]) and length != weights_shape[0]
    if a is None or len(weights_shape) != 1 or mismatch:
        raise ValueError(
            "average: `weights` must have the shape of `x`, or be 1-D with the length of `x` along "
            f"`axis`. Received: x.shape={tuple(x_shape)}, weights.shape={tuple(weights_shape)}, axis={axis!r}"
        )
    return a


def _average_rule(x: Any, axis: Any = None, weights: Any = None) -> Spec:
    spec = as_spec(x)
    w = None if weights is None else as_spec(weights)
    _check_average(spec.shape, None if w is None else w.shape, axis)
    return Spec(
        reduced_shape(spec.shape, axis, False, "average"),
        _average_dtype(spec.dtype, None if w is None else w.dtype),
    )


@op(_average_rule)
def average(x: ArrayLike, axis: int | None = None, weights: ArrayLike | None = None) -> Tensor:
    """Return the weighted mean of `x` along `axis`.

    Args:
        x: Input tensor.
        axis: The axis to average along; `None` averages over all of `x`.
        weights: Optional weights: a tensor shaped like `x`, or a 1-D tensor
            with one weight per entry along `axis`. `None` weighs all equally.

    Returns:
        `sum(x * weights) / sum(weights)` along `axis`, as floats (the dtype
        of `x`, the weights and a float promoted together).

    Raises:
        ValueError: If `axis` is not an int or out of bounds, or the weights
            fit neither shape.

    Example:

    >>> x = np.array([[1.0, 2.0, 4.0], [0.0, 3.0, 3.0]])
    >>> keras.ops.average(x, axis=1, weights=np.array([2.0, 1.0, 1.0]))
    array([2. , 1.5], dtype=float32)
    """
    x_dtype = infer_dtype(x)
    if weights is None:
        out = _average_dtype(x_dtype, None)
        t = convert(x, _compute_dtype(out))
        a = _check_average(tuple(t.shape), None, axis)
        return convert(K.reductions.average(t, a, None), out)
    out = _average_dtype(x_dtype, infer_dtype(weights))
    t, w = convert(x, _compute_dtype(out)), convert(weights, _compute_dtype(out))
    a = _check_average(tuple(t.shape), tuple(w.shape), axis)
    return convert(K.reductions.average(t, a, w), out)


# --- extrema ----------------------------------------------------------------------------------


def _extremum_rule(name: str) -> Callable[..., Spec]:
    def rule(x: Any, axis: Any = None, keepdims: bool = False, initial: Any = None) -> Spec:
        spec = as_spec(x)
        if initial is None:
            _check_nonempty(spec.shape, axis, name)
        return Spec(reduced_shape(spec.shape, axis, keepdims, name), spec.dtype)

    return rule


def _extremum(
    x: ArrayLike, axis: Axis, keepdims: bool, initial: Any, kernel: Callable[..., Tensor], name: str
) -> Tensor:
    t = convert(x)
    axes = canonical_axes(axis, t.ndim, name)
    if initial is None:
        _check_nonempty(tuple(t.shape), axis, name, axes)
        return kernel(t, axes, keepdims, None)
    if np.ndim(initial) != 0:
        raise ValueError(f"{name}: `initial` must be a scalar. Received: initial={initial!r}")
    return kernel(t, axes, keepdims, convert(initial, K.core.dtype_of(t)))


@op(_extremum_rule("max"))
def max(x: ArrayLike, axis: Axis = None, keepdims: bool = False, initial: Any = None) -> Tensor:
    """Return the maximum of `x` over `axis`.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.
        initial: Optional scalar that joins every reduction (cast to `x`'s
            dtype), so empty reductions give it.

    Returns:
        The maxima, with `x`'s dtype. NaNs propagate.

    Raises:
        ValueError: If a reduction is empty and there is no `initial`.

    Example:

    >>> keras.ops.max(np.array([[1, 5], [3, 2]], dtype="int8"), axis=1, initial=4)
    array([5, 4], dtype=int8)
    """
    return _extremum(x, axis, keepdims, initial, K.reductions.max, "max")


@op(_extremum_rule("min"))
def min(x: ArrayLike, axis: Axis = None, keepdims: bool = False, initial: Any = None) -> Tensor:
    """Return the minimum of `x` over `axis`.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.
        initial: Optional scalar that joins every reduction (cast to `x`'s
            dtype), so empty reductions give it.

    Returns:
        The minima, with `x`'s dtype. NaNs propagate.

    Raises:
        ValueError: If a reduction is empty and there is no `initial`.

    Example:

    >>> keras.ops.min(np.array([[1, 5], [3, 2]], dtype="int8"), axis=0)
    array([1, 2], dtype=int8)
    """
    return _extremum(x, axis, keepdims, initial, K.reductions.min, "min")


@op(_reduction_rule("amax", _same, nonempty=True))
def amax(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the maximum of `x` over `axis` (`max` without `initial`).

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The maxima, with `x`'s dtype.

    Raises:
        ValueError: If a reduction is empty.

    Example:

    >>> keras.ops.amax(np.array([[1.0, 5.0], [3.0, 2.0]], dtype="float32"), axis=0)
    array([3., 5.], dtype=float32)
    """
    return _extremum(x, axis, keepdims, None, K.reductions.max, "amax")


@op(_reduction_rule("amin", _same, nonempty=True))
def amin(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the minimum of `x` over `axis` (`min` without `initial`).

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The minima, with `x`'s dtype.

    Raises:
        ValueError: If a reduction is empty.

    Example:

    >>> keras.ops.amin(np.array([[1.0, 5.0], [3.0, 2.0]], dtype="float32"), axis=1)
    array([1., 2.], dtype=float32)
    """
    return _extremum(x, axis, keepdims, None, K.reductions.min, "amin")


def _ptp_dtype(dtype: str) -> str:
    _check_not_bool(dtype, "ptp")
    return dtype


@op(_reduction_rule("ptp", _ptp_dtype, nonempty=True))
def ptp(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the range (maximum minus minimum) of `x` over `axis`.

    Args:
        x: Input tensor; not bool.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The ranges, with `x`'s dtype.

    Raises:
        TypeError: If `x` is bool.
        ValueError: If a reduction is empty.

    Example:

    >>> keras.ops.ptp(np.array([[1, 5], [3, 2]], dtype="int32"), axis=1)
    array([4, 1], dtype=int32)
    """
    t = convert(x)
    _check_not_bool(K.core.dtype_of(t), "ptp")
    axes = canonical_axes(axis, t.ndim, "ptp")
    _check_nonempty(tuple(t.shape), axis, "ptp", axes)
    return K.reductions.ptp(t, axes, keepdims)


def _nan_extremum(x: ArrayLike, axis: Axis, keepdims: bool, name: str) -> Tensor:
    t = convert(x)
    axes = canonical_axes(axis, t.ndim, name)
    _check_nonempty(tuple(t.shape), axis, name, axes)
    if not is_float_dtype(K.core.dtype_of(t)):
        return (K.reductions.max if name == "nanmax" else K.reductions.min)(t, axes, keepdims, None)
    return (K.reductions.nanmax if name == "nanmax" else K.reductions.nanmin)(t, axes, keepdims)


@op(_reduction_rule("nanmax", _same, nonempty=True))
def nanmax(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the maximum of `x` over `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The maxima of the non-NaN entries (NaN where there are none).

    Raises:
        ValueError: If a reduction is empty.

    Example:

    >>> keras.ops.nanmax(np.array([1.0, np.nan, 2.0], dtype="float32"))
    array(2., dtype=float32)
    """
    return _nan_extremum(x, axis, keepdims, "nanmax")


@op(_reduction_rule("nanmin", _same, nonempty=True))
def nanmin(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the minimum of `x` over `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The minima of the non-NaN entries (NaN where there are none).

    Raises:
        ValueError: If a reduction is empty.

    Example:

    >>> keras.ops.nanmin(np.array([1.0, np.nan, 2.0], dtype="float32"))
    array(1., dtype=float32)
    """
    return _nan_extremum(x, axis, keepdims, "nanmin")


# --- truth, positions and counts ----------------------------------------------------------


@op(_reduction_rule("all", _to_bool))
def all(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return whether every element of `x` over `axis` is true (non-zero).

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        A bool tensor; empty reductions are `True`.

    Example:

    >>> keras.ops.all(np.array([[1, 0], [2, 3]]), axis=1)
    array([False,  True])
    """
    t = convert(x, "bool")
    return K.reductions.all(t, canonical_axes(axis, t.ndim, "all"), keepdims)


@op(_reduction_rule("any", _to_bool))
def any(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return whether some element of `x` over `axis` is true (non-zero).

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        A bool tensor; empty reductions are `False`.

    Example:

    >>> keras.ops.any(np.array([[1, 0], [0, 0]]), axis=1)
    array([ True, False])
    """
    t = convert(x, "bool")
    return K.reductions.any(t, canonical_axes(axis, t.ndim, "any"), keepdims)


def _positions(x: ArrayLike, axis: Any, keepdims: bool, name: str) -> Tensor:
    _check_single_axis(axis, name)
    t = convert(x)
    dtype = K.core.dtype_of(t)
    a = None if axis is None else canonical_axis(axis, t.ndim, name)
    _check_nonempty(tuple(t.shape), axis, name, None if a is None else (a,))
    if dtype == "bool":  # not every library finds the extrema of bools
        t = convert(t, "uint8")
    if name.startswith("nan") and is_float_dtype(dtype):
        kernel = K.reductions.nanargmax if name == "nanargmax" else K.reductions.nanargmin
    else:
        kernel = K.reductions.argmax if name.endswith("max") else K.reductions.argmin
    return convert(kernel(t, a, keepdims), "int32")


@op(_index_rule("argmax"))
def argmax(x: ArrayLike, axis: int | None = None, keepdims: bool = False) -> Tensor:
    """Return the position of the maximum of `x` along `axis` (the first, on ties).

    Args:
        x: Input tensor.
        axis: The axis to search along; `None` searches the flattened `x`.
        keepdims: Whether to keep the reduced axis (all axes, when `None`) with
            size 1.

    Returns:
        An int32 tensor of indices.

    Raises:
        ValueError: If `axis` is not an int or is out of bounds, or the search
            is over an empty axis.

    Example:

    >>> keras.ops.argmax(np.array([[1, 5, 5], [3, 2, 0]]), axis=1)
    array([1, 0], dtype=int32)
    """
    return _positions(x, axis, keepdims, "argmax")


@op(_index_rule("argmin"))
def argmin(x: ArrayLike, axis: int | None = None, keepdims: bool = False) -> Tensor:
    """Return the position of the minimum of `x` along `axis` (the first, on ties).

    Args:
        x: Input tensor.
        axis: The axis to search along; `None` searches the flattened `x`.
        keepdims: Whether to keep the reduced axis (all axes, when `None`) with
            size 1.

    Returns:
        An int32 tensor of indices.

    Raises:
        ValueError: If `axis` is not an int or is out of bounds, or the search
            is over an empty axis.

    Example:

    >>> keras.ops.argmin(np.array([[1, 5, 0], [3, 2, 2]]), axis=1)
    array([2, 1], dtype=int32)
    """
    return _positions(x, axis, keepdims, "argmin")


@op(_index_rule("nanargmax"))
def nanargmax(x: ArrayLike, axis: int | None = None, keepdims: bool = False) -> Tensor:
    """Return the position of the maximum of `x` along `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: The axis to search along; `None` searches the flattened `x`.
        keepdims: Whether to keep the reduced axis with size 1.

    Returns:
        An int32 tensor of indices; -1 where every entry is NaN.

    Raises:
        ValueError: If `axis` is not an int or is out of bounds.

    Example:

    >>> keras.ops.nanargmax(np.array([1.0, np.nan, 3.0, 2.0]))
    array(2, dtype=int32)
    """
    return _positions(x, axis, keepdims, "nanargmax")


@op(_index_rule("nanargmin"))
def nanargmin(x: ArrayLike, axis: int | None = None, keepdims: bool = False) -> Tensor:
    """Return the position of the minimum of `x` along `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: The axis to search along; `None` searches the flattened `x`.
        keepdims: Whether to keep the reduced axis with size 1.

    Returns:
        An int32 tensor of indices; -1 where every entry is NaN.

    Raises:
        ValueError: If `axis` is not an int or is out of bounds.

    Example:

    >>> keras.ops.nanargmin(np.array([np.nan, 1.0, 0.5]))
    array(2, dtype=int32)
    """
    return _positions(x, axis, keepdims, "nanargmin")


def _count_nonzero_rule(x: Any, axis: Any = None) -> Spec:
    spec = as_spec(x)
    return Spec(reduced_shape(spec.shape, axis, False, "count_nonzero"), "int32")


@op(_count_nonzero_rule)
def count_nonzero(x: ArrayLike, axis: Axis = None) -> Tensor:
    """Count the non-zero elements of `x` over `axis`.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to count over; `None` counts all.

    Returns:
        An int32 tensor of counts.

    Example:

    >>> keras.ops.count_nonzero(np.array([[0, 1, 2], [0, 0, 3]]), axis=1)
    array([2, 1], dtype=int32)
    """
    t = convert(x)
    return convert(K.reductions.count_nonzero(t, canonical_axes(axis, t.ndim, "count_nonzero")), "int32")


# --- order statistics ----------------------------------------------------------------------


def _check_method(method: Any, name: str) -> None:
    if method not in QUANTILE_METHODS:
        raise ValueError(f"{name}: `method` must be one of {QUANTILE_METHODS}. Received: method={method!r}")


def _check_q(q: Any, scale: float, name: str) -> None:
    """Check that `q` is 0-d or 1-D and, when its values are known here, in `[0, scale]`."""
    spec = as_spec(q)
    if spec.ndim > 1:
        raise ValueError(f"{name}: `q` must be a scalar or 1-D. Received: q with shape {spec.shape}")
    if isinstance(q, (int, float, list, tuple, np.ndarray, np.generic)):
        values = np.asarray(q, dtype="float64")
        if not ((values >= 0) & (values <= scale)).all():
            raise ValueError(f"{name}: `q` must lie in [0, {scale:g}]. Received: q={q!r}")


def _quantile_rule(name: str, scale: float) -> Callable[..., Spec]:
    def rule(x: Any, q: Any, axis: Any = None, method: str = "linear", keepdims: bool = False) -> Spec:
        _check_method(method, name)
        _check_q(q, scale, name)
        spec = as_spec(x)
        shape = as_spec(q).shape + reduced_shape(spec.shape, axis, keepdims, name)
        return Spec(shape, float_result(spec.dtype))

    return rule


def _quantile(
    x: ArrayLike, q: ArrayLike, axis: Axis, method: str, keepdims: bool, scale: float, name: str
) -> Tensor:
    _check_method(method, name)
    _check_q(q, scale, name)
    t, out = _float_statistic(x)
    qt = convert(q, K.core.dtype_of(t))
    if scale != 1:
        qt = qt / scale
    axes = canonical_axes(axis, t.ndim, name)
    result = K.reductions.quantile(t, qt, axes, method, keepdims, name.startswith("nan"))
    return convert(result, out)


@op(_quantile_rule("quantile", 1.0))
def quantile(
    x: ArrayLike, q: ArrayLike, axis: Axis = None, method: str = "linear", keepdims: bool = False
) -> Tensor:
    """Return the `q`-th quantiles of `x` over `axis`.

    Args:
        x: Input tensor.
        q: The quantile or 1-D quantiles to compute, in `[0, 1]`.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        method: How to read a quantile that falls between two sorted entries
            `a <= b`: `"linear"` interpolates, `"lower"` takes `a`, `"higher"`
            `b`, `"midpoint"` `(a + b) / 2`, `"nearest"` the closer one (`a` on
            ties).
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The quantiles as floats, with `q`'s axis first when `q` is 1-D. A
        reduction over a NaN gives NaN.

    Raises:
        ValueError: If `method` is unknown, or `q` is not 0-d or 1-D or lies
            outside `[0, 1]`.

    Example:

    >>> keras.ops.quantile(np.array([1.0, 2.0, 3.0, 4.0], dtype="float32"), [0.25, 0.5])
    array([1.75, 2.5 ], dtype=float32)
    """
    return _quantile(x, q, axis, method, keepdims, 1.0, "quantile")


@op(_quantile_rule("percentile", 100.0))
def percentile(
    x: ArrayLike, q: ArrayLike, axis: Axis = None, method: str = "linear", keepdims: bool = False
) -> Tensor:
    """Return the `q`-th percentiles of `x` over `axis`.

    Args:
        x: Input tensor.
        q: The percentile or 1-D percentiles to compute, in `[0, 100]`.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        method: How to read between sorted entries, as in `quantile`.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The percentiles as floats, with `q`'s axis first when `q` is 1-D.

    Raises:
        ValueError: If `method` is unknown, or `q` is not 0-d or 1-D or lies
            outside `[0, 100]`.

    Example:

    >>> keras.ops.percentile(np.array([1, 2, 3, 4], dtype="int32"), 50)
    array(2.5, dtype=float32)
    """
    return _quantile(x, q, axis, method, keepdims, 100.0, "percentile")


@op(_quantile_rule("nanquantile", 1.0))
def nanquantile(
    x: ArrayLike, q: ArrayLike, axis: Axis = None, method: str = "linear", keepdims: bool = False
) -> Tensor:
    """Return the `q`-th quantiles of `x` over `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        q: The quantile or 1-D quantiles to compute, in `[0, 1]`.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        method: How to read between sorted entries, as in `quantile`.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The quantiles of the non-NaN entries (NaN where there are none).

    Raises:
        ValueError: If `method` is unknown, or `q` is not 0-d or 1-D or lies
            outside `[0, 1]`.

    Example:

    >>> keras.ops.nanquantile(np.array([1.0, np.nan, 3.0], dtype="float32"), 0.5)
    array(2., dtype=float32)
    """
    return _quantile(x, q, axis, method, keepdims, 1.0, "nanquantile")


@op(_quantile_rule("nanpercentile", 100.0))
def nanpercentile(
    x: ArrayLike, q: ArrayLike, axis: Axis = None, method: str = "linear", keepdims: bool = False
) -> Tensor:
    """Return the `q`-th percentiles of `x` over `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        q: The percentile or 1-D percentiles to compute, in `[0, 100]`.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        method: How to read between sorted entries, as in `quantile`.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The percentiles of the non-NaN entries (NaN where there are none).

    Raises:
        ValueError: If `method` is unknown, or `q` is not 0-d or 1-D or lies
            outside `[0, 100]`.

    Example:

    >>> keras.ops.nanpercentile(np.array([1.0, np.nan, 3.0], dtype="float32"), 100)
    array(3., dtype=float32)
    """
    return _quantile(x, q, axis, method, keepdims, 100.0, "nanpercentile")


@op(_reduction_rule("median", float_result))
def median(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the median of `x` over `axis`.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The medians as floats (the mean of the middle two for even counts); a
        reduction over a NaN gives NaN.

    Example:

    >>> keras.ops.median(np.array([[1, 3, 2], [4, 6, 5]], dtype="int32"), axis=1)
    array([2., 5.], dtype=float32)
    """
    return _quantile(x, 0.5, axis, "linear", keepdims, 1.0, "median")


@op(_reduction_rule("nanmedian", float_result))
def nanmedian(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return the median of `x` over `axis`, ignoring NaNs.

    Args:
        x: Input tensor.
        axis: An axis or a sequence of axes to reduce; `None` uses all.
        keepdims: Whether to keep the reduced axes with size 1.

    Returns:
        The medians of the non-NaN entries as floats (NaN where there are none).

    Example:

    >>> keras.ops.nanmedian(np.array([1.0, np.nan, 3.0, 4.0], dtype="float32"))
    array(3., dtype=float32)
    """
    return _quantile(x, 0.5, axis, "linear", keepdims, 1.0, "nanmedian")
