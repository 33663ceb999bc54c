"""Sorting ops: sorts, indirect sorts and partitions, and unique values."""

from __future__ import annotations

import math
from typing import Any

from keras.backend._active import K
from keras.ops._convert import convert
from keras.ops._op import op
from keras.ops._rules import canonical_axis
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Shape, Tensor

__all__ = ["argpartition", "argsort", "sort", "unique"]


def _flat_size(shape: Shape) -> int | None:
    return None if None in shape else math.prod(d for d in shape if d is not None)


def _sortable(x: ArrayLike) -> tuple[Tensor, bool]:
    """Convert `x`, viewing bool as uint8 (not every library sorts bools); say if it was bool."""
    t = convert(x)
    if K.core.dtype_of(t) == "bool":
        return convert(t, "uint8"), True
    return t, False


def _flatten_or_axis(t: Tensor, axis: int | None, op_name: str) -> tuple[Tensor, int]:
    """Return `t` flattened with axis 0 when `axis` is `None`, else `t` and the canonical axis."""
    if axis is None:
        return K.sorting.flatten(t), 0
    if t.ndim == 0:
        raise ValueError(f"{op_name}: axis {axis} is out of bounds for a tensor of rank 0.")
    return t, canonical_axis(axis, t.ndim, op_name)


def _sorted_shape(shape: Shape, axis: int | None, op_name: str) -> Shape:
    if axis is None:
        return (_flat_size(shape),)
    if not shape:
        raise ValueError(f"{op_name}: axis {axis} is out of bounds for a tensor of rank 0.")
    canonical_axis(axis, len(shape), op_name)
    return shape


def _sort_rule(x: Any, axis: int | None = -1) -> Spec:
    spec = as_spec(x)
    return Spec(_sorted_shape(spec.shape, axis, "sort"), spec.dtype)


@op(_sort_rule)
def sort(x: ArrayLike, axis: int | None = -1) -> Tensor:
    """Sort `x` in ascending order along `axis`.

    Args:
        x: Input tensor; NaNs sort last.
        axis: The axis to sort along. `None` sorts the flattened `x`.

    Returns:
        The sorted tensor, with `x`'s dtype.

    Raises:
        ValueError: If `axis` is out of bounds (a scalar has no axis to sort).

    Example:

    >>> keras.ops.sort(np.array([[3, 1, 2], [0, 5, 4]], dtype="int8"))
    array([[1, 2, 3],
           [0, 4, 5]], dtype=int8)
    """
    t, was_bool = _sortable(x)
    t, a = _flatten_or_axis(t, axis, "sort")
    result = K.sorting.sort(t, a)
    return convert(result, "bool") if was_bool else result


def _argsort_rule(x: Any, axis: int | None = -1) -> Spec:
    spec = as_spec(x)
    return Spec(_sorted_shape(spec.shape, None if spec.ndim == 0 else axis, "argsort"), "int32")


@op(_argsort_rule)
def argsort(x: ArrayLike, axis: int | None = -1) -> Tensor:
    """Return the indices that sort `x` along `axis`; ties keep their order.

    Args:
        x: Input tensor.
        axis: The axis to sort along. `None` (or a scalar `x`) sorts the
            flattened `x`.

    Returns:
        An int32 tensor of indices, shaped like `x` (1-D when flattened).

    Raises:
        ValueError: If `axis` is out of bounds.

    Example:

    >>> keras.ops.argsort(np.array([3.0, 1.0, 2.0, 1.0]))
    array([1, 3, 2, 0], dtype=int32)
    """
    t, _ = _sortable(x)
    t, a = _flatten_or_axis(t, None if t.ndim == 0 else axis, "argsort")
    return convert(K.sorting.argsort(t, a), "int32")


def _check_kth(kth: Any, length: int | None) -> int:
    if not isinstance(kth, int) or isinstance(kth, bool):
        raise ValueError(f"argpartition: `kth` must be an int. Received: kth={kth!r}")
    if length is not None and not -length <= kth < length:
        raise ValueError(f"argpartition: `kth` {kth} is out of bounds for an axis of size {length}.")
    return kth if length is None or kth >= 0 else kth + length


def _argpartition_rule(x: Any, kth: int, axis: int | None = -1) -> Spec:
    spec = as_spec(x)
    shape = _sorted_shape(spec.shape, axis, "argpartition")
    _check_kth(kth, shape[-1 if axis is None else canonical_axis(axis, len(shape), "argpartition")])
    return Spec(shape, "int32")


@op(_argpartition_rule)
def argpartition(x: ArrayLike, kth: int, axis: int | None = -1) -> Tensor:
    """Return indices that partition `x` around its `kth` smallest entry along `axis`.

    The entry at position `kth` of the result is the index of the value a full
    sort would put there; indices before it point to values no greater, indices
    after it to values no smaller. The order within each side is unspecified.

    Args:
        x: Input tensor.
        kth: The position to partition around; negative counts from the end.
        axis: The axis to partition along. `None` uses the flattened `x`.

    Returns:
        An int32 tensor of indices, shaped like `x` (1-D when flattened).

    Raises:
        ValueError: If `kth` is not an int or is out of bounds, or `axis` is out
            of bounds.

    Example:

    >>> x = np.array([3, 4, 2, 1], dtype="int32")
    >>> int(x[keras.ops.argpartition(x, 2)[2]])
    3
    """
    t, _ = _sortable(x)
    t, a = _flatten_or_axis(t, axis, "argpartition")
    k = _check_kth(kth, int(t.shape[a]))
    return convert(K.sorting.argpartition(t, k, a), "int32")


def _unique_rule(
    x: Any,
    sorted: bool = True,
    return_index: bool = False,
    return_inverse: bool = False,
    return_counts: bool = False,
    axis: int | None = None,
    size: int | None = None,
    fill_value: Any = None,
) -> Any:
    spec = as_spec(x)
    _check_size(size)
    if axis is None:
        values_shape: Shape = (size,)
        inverse_shape = spec.shape
    else:
        a = canonical_axis(axis, spec.ndim, "unique")
        values_shape = (*spec.shape[:a], size, *spec.shape[a + 1 :])
        inverse_shape = (spec.shape[a],)
    outputs = [Spec(values_shape, spec.dtype)]
    if return_index:
        outputs.append(Spec((size,), "int32"))
    if return_inverse:
        outputs.append(Spec(inverse_shape, "int32"))
    if return_counts:
        outputs.append(Spec((size,), "int32"))
    return outputs[0] if len(outputs) == 1 else tuple(outputs)


def _check_size(size: Any) -> None:
    if size is not None and (not isinstance(size, int) or isinstance(size, bool) or size < 0):
        raise ValueError(f"unique: `size` must be a non-negative int or None. Received: size={size!r}")


@op(_unique_rule)
def unique(
    x: ArrayLike,
    sorted: bool = True,
    return_index: bool = False,
    return_inverse: bool = False,
    return_counts: bool = False,
    axis: int | None = None,
    size: int | None = None,
    fill_value: Any = None,
) -> Any:
    """Find the unique entries of `x` (or its unique slices along `axis`).

    Args:
        x: Input tensor.
        sorted: Accepted for compatibility; the unique values always come back
            in ascending (lexicographic, for slices) order, as on JAX.
        return_index: Whether to also return where each unique value first occurs.
        return_inverse: Whether to also return, for each entry (or slice) of `x`,
            the position of its value among the unique values.
        return_counts: Whether to also return how often each unique value occurs.
        axis: The axis whose slices are compared. `None` flattens `x`.
        size: A fixed number of unique values to return: fewer are padded
            (values with `fill_value`, first-occurrence indices with the first
            one, counts with 0), more are truncated. Makes the shapes static.
        fill_value: The padding value; defaults to 0.

    Returns:
        The unique values with `x`'s dtype or, when any `return_*` is set, a
        tuple `(values, index, inverse, counts)` of those asked for. The extra
        outputs are int32; `inverse` is shaped like `x` when `axis` is `None`.
        Without `size`, the symbolic count of unique values is `None`.

    Raises:
        ValueError: If `axis` is out of bounds or `size` is negative.

    Example:

    >>> values, counts = keras.ops.unique(np.array([3, 1, 3, 2], dtype="int32"), return_counts=True)
    >>> values
    array([1, 2, 3], dtype=int32)
    >>> counts
    array([1, 1, 2], dtype=int32)
    """
    _check_size(size)
    t, was_bool = _sortable(x)
    a = None if axis is None else canonical_axis(axis, t.ndim, "unique")
    fill = 0 if fill_value is None else fill_value
    result = K.sorting.unique(t, a, size, fill)
    values = convert(result.values, "bool") if was_bool else result.values
    outputs = [values]
    if return_index:
        outputs.append(convert(result.index, "int32"))
    if return_inverse:
        outputs.append(convert(result.inverse, "int32"))
    if return_counts:
        outputs.append(convert(result.counts, "int32"))
    return outputs[0] if len(outputs) == 1 else tuple(outputs)
