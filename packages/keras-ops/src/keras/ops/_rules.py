"""Shape and dtype rules shared by ops: specs in, spec out, no backend.

A rule takes an op's arguments by name (tensors as `Spec`s, Python scalars as they
are) and returns the output `Spec`. One rule serves every op with the same shape
behaviour; an op with an odd shape keeps a small rule beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from keras.ops._spec import Spec, as_spec
from keras.ops._typing import Shape


def broadcast_shapes(shape1: Shape, shape2: Shape) -> Shape:
    """Return the numpy broadcast of two shapes; `None` dims broadcast as unknown."""
    ndim = max(len(shape1), len(shape2))
    padded1 = (1,) * (ndim - len(shape1)) + tuple(shape1)
    padded2 = (1,) * (ndim - len(shape2)) + tuple(shape2)
    out: list[int | None] = []
    for d1, d2 in zip(padded1, padded2, strict=True):
        if d1 == 1:
            out.append(d2)
        elif d2 == 1 or d1 == d2:
            out.append(d1)
        elif d1 is None:
            out.append(d2)
        elif d2 is None:
            out.append(d1)
        else:
            raise ValueError(
                f"Cannot broadcast shape {tuple(shape1)} with shape {tuple(shape2)}: "
                f"dimension {d1} does not match {d2}."
            )
    return tuple(out)


def shape_size(shape: Sequence[int | None]) -> int | None:
    """Return the number of elements of `shape`, or `None` if a dimension is unknown."""
    size = 1
    for dim in shape:
        if dim is None:
            return None
        size *= dim
    return size


def dims_compatible(d1: int | None, d2: int | None) -> bool:
    """Whether two dimensions can be equal: either is unknown, or they are the same."""
    return d1 is None or d2 is None or d1 == d2


def is_int(value: Any) -> bool:
    """Whether `value` is a Python or numpy integer (bools excluded)."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def canonical_axis(axis: int, ndim: int, op_name: str = "op") -> int:
    """Return `axis` in `[0, ndim)`, or raise naming the op, the axis and the rank."""
    if not -ndim <= axis < max(ndim, 1) or (ndim == 0 and axis not in (0, -1)):
        raise ValueError(f"{op_name}: axis {axis} is out of bounds for a tensor of rank {ndim}.")
    return axis % ndim if ndim else 0


def canonical_axes(
    axis: int | Sequence[int] | None, ndim: int, op_name: str = "op"
) -> tuple[int, ...] | None:
    """Return `axis` as a sorted tuple of non-negative axes (`None` stays `None`)."""
    if axis is None:
        return None
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    result = tuple(sorted(canonical_axis(int(a), ndim, op_name) for a in axes))
    if len(set(result)) != len(result):
        raise ValueError(f"{op_name}: repeated axis in {axis!r}.")
    return result


# --- element-wise -------------------------------------------------------------------------


def to_bool(x: Any) -> Spec:
    """Unary predicate (`isnan`, `logical_not`...)."""
    return Spec(as_spec(x).shape, "bool")


def broadcast_to_bool(x1: Any, x2: Any) -> Spec:
    """Binary comparison (`equal`, `less`, `logical_and`...)."""
    s1, s2 = as_spec(x1), as_spec(x2)
    return Spec(broadcast_shapes(s1.shape, s2.shape), "bool")


# --- reductions -------------------------------------------------------------------------


def reduced_shape(shape: Shape, axis: Any, keepdims: bool, op_name: str = "op") -> Shape:
    """Return `shape` with `axis` removed (or kept as 1 when `keepdims`)."""
    axes = canonical_axes(axis, len(shape), op_name)
    if axes is None:
        return (1,) * len(shape) if keepdims else ()
    if keepdims:
        return tuple(1 if i in axes else d for i, d in enumerate(shape))
    return tuple(d for i, d in enumerate(shape) if i not in axes)


# Keras 3 accumulates small integers in 32 bits (sum, trace, cumsum...).
_ACCUMULATION_DTYPES = {
    "bool": "int32",
    "int8": "int32",
    "int16": "int32",
    "uint8": "uint32",
    "uint16": "uint32",
}


def accumulation_dtype(dtype: str) -> str:
    """Return the dtype a sum-like op accumulates `dtype` in: small ints widen to 32 bits."""
    return _ACCUMULATION_DTYPES.get(dtype, dtype)
