"""Reductions: sums, extrema, means and statistics over axes."""

from __future__ import annotations

from typing import Any

from keras.backend._active import K
from keras.backend._dtypes import standardize_dtype
from keras.ops._convert import convert, infer_dtype
from keras.ops._op import op
from keras.ops._rules import canonical_axes, reduced_shape
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Axis, Tensor

# Keras 3 accumulates small integers in 32 bits.
_SUM_DTYPES = {"bool": "int32", "int8": "int32", "int16": "int32", "uint8": "uint32", "uint16": "uint32"}


def _sum_dtype(dtype: str) -> str:
    return _SUM_DTYPES.get(dtype, dtype)


def _sum_rule(x: Any, axis: Any = None, keepdims: bool = False) -> Spec:
    spec = as_spec(x)
    return Spec(reduced_shape(spec.shape, axis, keepdims, "sum"), _sum_dtype(spec.dtype))


@op(_sum_rule)
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
    t = convert(x, _sum_dtype(standardize_dtype(infer_dtype(x))))
    return K.reductions.sum(t, canonical_axes(axis, t.ndim, "sum"), keepdims)
