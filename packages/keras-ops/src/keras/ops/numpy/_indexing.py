"""Indexing ops: gathers, numpy-style item access, masks, searches and bin counts."""

from __future__ import annotations

import builtins
import operator
from collections.abc import Sequence
from typing import Any

from keras.backend._active import K
from keras.backend._config import backend
from keras.backend._dtypes import float_result, is_int_dtype
from keras.ops._convert import convert, promote
from keras.ops._op import op
from keras.ops._rules import broadcast_shapes, canonical_axis, is_int
from keras.ops._spec import Spec, as_spec, spec_result_type
from keras.ops._typing import ArrayLike, Shape, Tensor

__all__ = [
    "bincount",
    "diff",
    "digitize",
    "get_item",
    "histogram",
    "isin",
    "nonzero",
    "searchsorted",
    "select",
    "take",
    "take_along_axis",
    "unravel_index",
    "where",
]

_INT32_MAX = 2**31 - 1


def _dtype(t: Tensor) -> str:
    return K.core.dtype_of(t)


def _index_tensor(indices: Any, op_name: str, name: str = "indices") -> Tensor:
    """Convert integer indices to an int32 or int64 tensor, or raise naming `op_name`."""
    t = convert(indices)
    dtype = _dtype(t)
    if dtype in ("int32", "int64"):
        return t
    if dtype == "bool" or not is_int_dtype(dtype):
        raise ValueError(f"{op_name}: `{name}` must be a tensor of integers. Received: {name}.dtype={dtype}")
    return convert(t, "int64" if dtype in ("uint32", "uint64") else "int32")


def _check_index_spec(spec: Spec, op_name: str, name: str = "indices") -> None:
    if spec.dtype == "bool" or not is_int_dtype(spec.dtype):
        raise ValueError(
            f"{op_name}: `{name}` must be a tensor of integers. Received: {name}.dtype={spec.dtype}"
        )


def _static_size(shape: Shape) -> int | None:
    size = 1
    for d in shape:
        if d is None:
            return None
        size *= d
    return size


# --- take, take_along_axis ---------------------------------------------------------------


def _take_rule(x: Any, indices: Any, axis: int | None = None) -> Spec:
    xs, ids = as_spec(x), as_spec(indices)
    _check_index_spec(ids, "take")
    if axis is None:
        return Spec(ids.shape, xs.dtype)
    a = canonical_axis(axis, xs.ndim, "take")
    return Spec(xs.shape[:a] + ids.shape + xs.shape[a + 1 :], xs.dtype)


@op(_take_rule)
def take(x: ArrayLike, indices: ArrayLike, axis: int | None = None) -> Tensor:
    """Gather the entries of `x` at `indices` along `axis`.

    Args:
        x: Input tensor.
        indices: Integer indices; negative indices count from the end.
        axis: The axis to gather along. `None` gathers from the flattened `x`.

    Returns:
        A tensor of `x`'s dtype whose shape is `x.shape[:axis] + indices.shape +
        x.shape[axis + 1:]` (`indices.shape` when `axis` is `None`).

    Raises:
        ValueError: If `indices` are not integers or `axis` is out of bounds.

    Example:

    >>> keras.ops.take(np.array([[1, 2], [3, 4]], dtype="int32"), [1, -1], axis=1)
    array([[2, 2],
           [4, 4]], dtype=int32)
    """
    t = convert(x)
    index = _index_tensor(indices, "take")
    return K.indexing.take(t, index, None if axis is None else canonical_axis(axis, t.ndim, "take"))


def _take_along_shapes(x_shape: Shape, indices_shape: Shape, axis: int | None) -> tuple[Shape, Shape, int]:
    """Return the broadcast shapes of `x` and `indices` (the output's) and the axis."""
    if axis is None:
        x_shape = (_static_size(x_shape),)
        axis = 0
    if len(x_shape) != len(indices_shape):
        raise ValueError(
            "take_along_axis: `x` and `indices` must have the same rank. "
            f"Received: x.shape={x_shape}, indices.shape={indices_shape}"
        )
    axis = canonical_axis(axis, len(x_shape), "take_along_axis")
    others = broadcast_shapes(
        (*x_shape[:axis], 1, *x_shape[axis + 1 :]), (*indices_shape[:axis], 1, *indices_shape[axis + 1 :])
    )
    x_target = (*others[:axis], x_shape[axis], *others[axis + 1 :])
    indices_target = (*others[:axis], indices_shape[axis], *others[axis + 1 :])
    return x_target, indices_target, axis


def _take_along_axis_rule(x: Any, indices: Any, axis: int | None = None) -> Spec:
    xs, ids = as_spec(x), as_spec(indices)
    _check_index_spec(ids, "take_along_axis")
    return Spec(_take_along_shapes(xs.shape, ids.shape, axis)[1], xs.dtype)


@op(_take_along_axis_rule)
def take_along_axis(x: ArrayLike, indices: ArrayLike, axis: int | None = None) -> Tensor:
    """Gather from `x` at `indices` along `axis`, matching the other axes pairwise.

    Args:
        x: Input tensor.
        indices: Integer indices of the same rank as `x` (1-D when `axis` is
            `None`); the axes other than `axis` broadcast against `x`'s.
        axis: The axis to gather along. `None` gathers from the flattened `x`.

    Returns:
        A tensor of `x`'s dtype, shaped like the broadcast `indices`.

    Raises:
        ValueError: If the ranks differ, the shapes do not broadcast or the
            indices are not integers.

    Example:

    >>> x = np.array([[10, 30, 20], [60, 40, 50]], dtype="int32")
    >>> keras.ops.take_along_axis(x, np.array([[0], [1]]), axis=1)
    array([[10],
           [40]], dtype=int32)
    """
    t = convert(x)
    index = _index_tensor(indices, "take_along_axis")
    if axis is None:
        t = K.indexing.flatten(t)
    x_target, indices_target, a = _take_along_shapes(tuple(t.shape), tuple(index.shape), axis)
    return K.indexing.take_along_axis(t, index, a, x_target, indices_target)


# --- get_item ----------------------------------------------------------------------------


def _key_items(key: Any) -> tuple[Any, ...]:
    return key if isinstance(key, tuple) else (key,)


def _is_basic(item: Any) -> bool:
    return item is None or item is Ellipsis or isinstance(item, slice)


def _get_item_shape(shape: Shape, items: tuple[Any, ...]) -> Shape:
    """Return numpy's result shape for `x[items]`: items are basic, ints or `Spec`s."""
    if builtins.sum(1 for item in items if item is Ellipsis) > 1:
        raise ValueError(f"get_item: an index can only have a single ellipsis. Received: key={items}")
    arrays = any(isinstance(item, Spec) for item in items)
    consumed = builtins.sum(
        (item.ndim if item.dtype == "bool" else 1)
        if isinstance(item, Spec)
        else int(not _is_basic(item) or isinstance(item, slice))
        for item in items
    )
    if consumed > len(shape):
        raise ValueError(f"get_item: too many indices for a tensor of shape {shape}. Received: key={items}")
    if Ellipsis not in items:
        items = (*items, Ellipsis)
    out: list[int | None] = []
    advanced: list[Shape] = []
    advanced_at: list[int] = []  # positions in `items` of the advanced indices
    insert_at = 0
    dim = 0
    for position, item in enumerate(items):
        if item is Ellipsis:
            count = len(shape) - consumed
            out.extend(shape[dim : dim + count])
            dim += count
        elif item is None:
            out.append(1)
        elif isinstance(item, slice):
            length = shape[dim]
            out.append(None if length is None else len(range(*item.indices(length))))
            dim += 1
        elif isinstance(item, Spec):
            if not advanced:
                insert_at = len(out)
            advanced_at.append(position)
            if item.dtype == "bool":
                advanced.append((None,))
                dim += item.ndim
            else:
                advanced.append(item.shape)
                dim += 1
        else:
            length = shape[dim]
            if length is not None and not -length <= item < length:
                raise ValueError(
                    f"get_item: index {item} is out of bounds for axis {dim} of size {length}. Received: key={items}"
                )
            if arrays:
                if not advanced:
                    insert_at = len(out)
                advanced_at.append(position)
                advanced.append(())
            dim += 1
    if not advanced:
        return tuple(out)
    indexed: Shape = ()
    for s in advanced:
        indexed = broadcast_shapes(indexed, s)
    if advanced_at[-1] - advanced_at[0] + 1 != len(advanced_at):
        insert_at = 0  # numpy moves separated advanced indices to the front
    return (*out[:insert_at], *indexed, *out[insert_at:])


def _get_item_rule(x: Any, key: Any) -> Spec:
    spec = as_spec(x)
    items = tuple(
        as_spec(item) if not _is_basic(item) and not is_int(item) else item for item in _key_items(key)
    )
    for item in items:
        if isinstance(item, Spec) and item.dtype != "bool":
            _check_index_spec(item, "get_item", "key")
    return Spec(_get_item_shape(spec.shape, items), spec.dtype)


def _key_tensor(item: Any) -> Tensor:
    t = convert(item)
    if _dtype(t) == "bool":
        return t
    return _index_tensor(t, "get_item", "key")


@op(_get_item_rule)
def get_item(x: ArrayLike, key: Any) -> Tensor:
    """Return `x[key]`, with numpy's indexing rules.

    `KerasTensor.__getitem__` calls it, so `x[1:, None]` works on symbolic tensors.

    Args:
        x: Input tensor.
        key: An int, slice, `None`, `Ellipsis`, integer or boolean tensor, or a
            tuple of these. Integer tensors index (and broadcast) like numpy's
            advanced indices; a boolean tensor selects the entries where it is
            `True`.

    Returns:
        The selected entries, with `x`'s dtype. A boolean mask gives a dimension
        that is `None` in the symbolic shape.

    Raises:
        ValueError: If the key has more indices than `x` has axes, more than one
            ellipsis, a Python int out of bounds or non-integer index tensors.

    Example:

    >>> x = np.arange(6, dtype="int32").reshape(2, 3)
    >>> keras.ops.get_item(x, (slice(None), np.array([2, 0])))
    array([[2, 0],
           [5, 3]], dtype=int32)
    """
    t = convert(x)
    items = []
    shape_items = []
    for item in _key_items(key):
        if _is_basic(item):
            items.append(item)
            shape_items.append(item)
        elif is_int(item):
            items.append(operator.index(item))
            shape_items.append(items[-1])
        else:
            index = _key_tensor(item)
            items.append(index)
            shape_items.append(Spec(tuple(index.shape), _dtype(index)))
    _get_item_shape(tuple(t.shape), tuple(shape_items))
    if any(isinstance(s, Spec) and s.ndim for s in shape_items):
        # numpy counts ints beside index arrays as advanced indices; torch and tf do not.
        items = [convert([item], "int32") if is_int(item) else item for item in items]
    return K.indexing.get_item(t, tuple(items))


# --- where, select -----------------------------------------------------------------------


def _check_where_arguments(x1: Any, x2: Any) -> None:
    if (x1 is None) != (x2 is None):
        raise ValueError(
            "where: `x1` and `x2` must be both given or both `None`. "
            f"Received: x1 is {'None' if x1 is None else 'given'}, x2 is {'None' if x2 is None else 'given'}"
        )


def _nonzero_rule(x: Any) -> tuple[Spec, ...]:
    spec = as_spec(x)
    if spec.ndim == 0:
        raise ValueError("nonzero: the input must have at least one dimension. Received: a scalar (shape ())")
    return tuple(Spec((None,), "int32") for _ in range(spec.ndim))


def _where_rule(condition: Any, x1: Any = None, x2: Any = None) -> Any:
    _check_where_arguments(x1, x2)
    if x1 is None:
        return _nonzero_rule(condition)
    c, s1, s2 = as_spec(condition), as_spec(x1), as_spec(x2)
    return Spec(broadcast_shapes(broadcast_shapes(c.shape, s1.shape), s2.shape), spec_result_type(s1, s2))


@op(_where_rule)
def where(condition: ArrayLike, x1: ArrayLike | None = None, x2: ArrayLike | None = None) -> Any:
    """Pick from `x1` where `condition` holds and from `x2` elsewhere.

    With only `condition`, return the indices of its non-zero entries, as
    `nonzero` does.

    Args:
        condition: A tensor; non-zero entries count as `True`.
        x1: Values taken where `condition` is `True`.
        x2: Values taken where `condition` is `False`.

    Returns:
        A tensor of the broadcast shape of the three arguments and the promoted
        dtype of `x1` and `x2` (Python scalars do not widen it); or, with
        `condition` alone, a tuple of int32 index tensors, one per axis.

    Raises:
        ValueError: If only one of `x1` and `x2` is given.

    Example:

    >>> keras.ops.where(np.array([True, False]), np.array([1, 2], dtype="int8"), 0)
    array([1, 0], dtype=int8)
    """
    _check_where_arguments(x1, x2)
    if x1 is None:
        return nonzero(condition)
    a, b = promote(x1, x2)
    return K.indexing.where(convert(condition, "bool"), a, b)


def _check_select_lists(condlist: Any, choicelist: Any) -> None:
    if not isinstance(condlist, (list, tuple)) or not isinstance(choicelist, (list, tuple)):
        raise ValueError(
            "select: `condlist` and `choicelist` must be lists of tensors. "
            f"Received: type(condlist)={type(condlist).__name__}, type(choicelist)={type(choicelist).__name__}"
        )
    if len(condlist) != len(choicelist) or not condlist:
        raise ValueError(
            "select: `condlist` and `choicelist` must be non-empty and of the same length. "
            f"Received: len(condlist)={len(condlist)}, len(choicelist)={len(choicelist)}"
        )


def _select_rule(condlist: Any, choicelist: Any, default: Any = 0) -> Spec:
    _check_select_lists(condlist, choicelist)
    specs = [as_spec(c) for c in (*condlist, *choicelist, default)]
    shape: Shape = ()
    for s in specs:
        shape = broadcast_shapes(shape, s.shape)
    return Spec(shape, spec_result_type(*specs[len(condlist) :]))


@op(_select_rule)
def select(condlist: Sequence[ArrayLike], choicelist: Sequence[ArrayLike], default: ArrayLike = 0) -> Tensor:
    """Pick each entry from the first choice whose condition holds.

    Args:
        condlist: A list of boolean tensors.
        choicelist: A list of tensors, as long as `condlist`.
        default: The value where no condition holds.

    Returns:
        A tensor of the broadcast shape of all arguments, with the promoted dtype
        of the choices and `default` (a Python scalar `default` does not widen it).

    Raises:
        ValueError: If the arguments are not lists, or their lengths differ.

    Example:

    >>> x = np.arange(6, dtype="int32")
    >>> keras.ops.select([x < 2, x > 3], [x, -x], 9)
    array([ 0,  1,  9,  9, -4, -5], dtype=int32)
    """
    _check_select_lists(condlist, choicelist)
    *choices, fallback = promote(*choicelist, default)
    conditions = [convert(c, "bool") for c in condlist]
    return K.indexing.select(conditions, choices, fallback)


@op(_nonzero_rule)
def nonzero(x: ArrayLike) -> tuple[Tensor, ...]:
    """Return the indices of the non-zero entries of `x`, one tensor per axis.

    Args:
        x: Input tensor with at least one dimension.

    Returns:
        A tuple of `x.ndim` int32 tensors of equal length; their symbolic shape
        is `(None,)` since the count depends on the values.

    Raises:
        ValueError: If `x` is a scalar.

    Example:

    >>> keras.ops.nonzero(np.array([[0, 3], [4, 0]]))
    (array([0, 1], dtype=int32), array([1, 0], dtype=int32))
    """
    t = convert(x)
    if t.ndim == 0:
        _nonzero_rule(as_spec(t))
    return tuple(convert(i, "int32") for i in K.indexing.nonzero(t))


# --- unravel_index, isin, diff -----------------------------------------------------------


def _check_unravel_shape(shape: Any) -> tuple[int, ...]:
    dims = (shape,) if isinstance(shape, int) else tuple(shape)
    if not all(isinstance(d, int) and not isinstance(d, bool) and d > 0 for d in dims):
        raise ValueError(
            f"unravel_index: `shape` must be a sequence of positive ints. Received: shape={shape!r}"
        )
    return dims


def _unravel_index_rule(indices: Any, shape: Any) -> tuple[Spec, ...]:
    spec = as_spec(indices)
    if not is_int_dtype(spec.dtype) or spec.dtype == "bool":
        raise ValueError(f"unravel_index: `indices` must be integers. Received: indices.dtype={spec.dtype}")
    return tuple(Spec(spec.shape, spec.dtype) for _ in _check_unravel_shape(shape))


@op(_unravel_index_rule)
def unravel_index(indices: ArrayLike, shape: Sequence[int]) -> tuple[Tensor, ...]:
    """Convert flat indices into coordinates in a tensor of `shape`.

    Args:
        indices: Integer flat indices; negative ones count from the end.
        shape: The shape to unravel into.

    Returns:
        A tuple of `len(shape)` tensors shaped and typed like `indices`.

    Raises:
        ValueError: If `indices` are not integers or `shape` has a non-positive size.

    Example:

    >>> keras.ops.unravel_index(np.array([5, 1], dtype="int32"), (2, 3))
    (array([1, 0], dtype=int32), array([2, 1], dtype=int32))
    """
    dims = _check_unravel_shape(shape)
    t = convert(indices)
    dtype = _dtype(t)
    if not is_int_dtype(dtype) or dtype == "bool":
        raise ValueError(f"unravel_index: `indices` must be integers. Received: indices.dtype={dtype}")
    return K.indexing.unravel_index(t, dims)


def _isin_rule(x1: Any, x2: Any) -> Spec:
    return Spec(as_spec(x1).shape, "bool")


@op(_isin_rule)
def isin(x1: ArrayLike, x2: ArrayLike, assume_unique: bool = False, invert: bool = False) -> Tensor:
    """Test whether each entry of `x1` occurs anywhere in `x2`.

    Args:
        x1: Tensor of values to look up.
        x2: Tensor of values to look in, of any shape.
        assume_unique: Whether both inputs may be assumed free of duplicates.
        invert: Whether to return `True` where the entry does *not* occur.

    Returns:
        A bool tensor shaped like `x1`.

    Example:

    >>> keras.ops.isin(np.array([1, 2, 3]), np.array([3, 1]))
    array([ True, False,  True])
    """
    a, b = promote(x1, x2)
    return K.indexing.isin(a, b, bool(assume_unique), bool(invert))


def _check_diff(n: Any, ndim: int) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise ValueError(f"diff: `n` must be a non-negative int. Received: n={n!r}")
    if ndim == 0:
        raise ValueError("diff: the input must have at least one dimension. Received: a scalar (shape ())")


def _diff_rule(a: Any, n: int = 1, axis: int = -1) -> Spec:
    spec = as_spec(a)
    _check_diff(n, spec.ndim)
    shape = list(spec.shape)
    ax = canonical_axis(axis, spec.ndim, "diff")
    if shape[ax] is not None:
        shape[ax] = builtins.max(shape[ax] - n, 0)  # type: ignore[operator]
    return Spec(tuple(shape), spec.dtype)


@op(_diff_rule)
def diff(a: ArrayLike, n: int = 1, axis: int = -1) -> Tensor:
    """Compute the `n`-th discrete difference of `a` along `axis`.

    Args:
        a: Input tensor with at least one dimension.
        n: How many times to take differences; `0` returns `a`.
        axis: The axis to difference along.

    Returns:
        A tensor of `a`'s dtype whose `axis` is `n` shorter (never below zero).
        For bool inputs the difference is "not equal".

    Raises:
        ValueError: If `n` is negative or `axis` is out of bounds.

    Example:

    >>> keras.ops.diff(np.array([1, 2, 4, 7], dtype="int32"), n=2)
    array([1, 1], dtype=int32)
    """
    t = convert(a)
    _check_diff(n, t.ndim)
    ax = canonical_axis(axis, t.ndim, "diff")
    return t if n == 0 else K.indexing.diff(t, n, ax)


# --- searches and counts -----------------------------------------------------------------


def _searchable(*xs: Any) -> tuple[Tensor, ...]:
    """Promote the arguments, viewing bool as uint8 (not every library searches bools)."""
    tensors = promote(*xs)
    if _dtype(tensors[0]) == "bool":
        return tuple(convert(t, "uint8") for t in tensors)
    return tensors


def _digitize_rule(x: Any, bins: Any) -> Spec:
    spec, bins_spec = as_spec(x), as_spec(bins)
    if bins_spec.ndim != 1:
        raise ValueError(f"digitize: `bins` must be 1-D. Received: bins.shape={bins_spec.shape}")
    return Spec(spec.shape, "int32")


@op(_digitize_rule)
def digitize(x: ArrayLike, bins: ArrayLike) -> Tensor:
    """Return the index of the bin each entry of `x` falls into.

    With increasing `bins`, index `i` means `bins[i - 1] <= x < bins[i]`; with
    decreasing `bins`, `bins[i - 1] > x >= bins[i]`.

    Args:
        x: Input tensor.
        bins: A 1-D monotonic tensor of bin edges.

    Returns:
        An int32 tensor shaped like `x`.

    Raises:
        ValueError: If `bins` is not 1-D.

    Example:

    >>> keras.ops.digitize(np.array([0.5, 1.0, 3.5]), np.array([0.0, 1.0, 2.0]))
    array([1, 2, 3], dtype=int32)
    """
    t, b = _searchable(x, bins)
    _digitize_rule(as_spec(t), as_spec(b))
    return convert(K.indexing.digitize(t, b), "int32")


def _searchsorted_rule(sorted_sequence: Any, values: Any, side: str = "left") -> Spec:
    seq, vals = as_spec(sorted_sequence), as_spec(values)
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: `side` must be 'left' or 'right'. Received: side={side!r}")
    if seq.ndim != 1:
        raise ValueError(
            "searchsorted: `sorted_sequence` must be 1-D (map it with `keras.ops.vectorized_map` for more). "
            f"Received: sorted_sequence.shape={seq.shape}"
        )
    length = seq.shape[0]
    return Spec(vals.shape, "int32" if length is not None and length <= _INT32_MAX else "int64")


@op(_searchsorted_rule)
def searchsorted(sorted_sequence: ArrayLike, values: ArrayLike, side: str = "left") -> Tensor:
    """Find where to insert `values` into `sorted_sequence` to keep it sorted.

    Args:
        sorted_sequence: A 1-D ascending tensor.
        values: Values to place, of any shape.
        side: `"left"` gives the first suitable position, `"right"` the last.

    Returns:
        An int32 tensor of insertion indices shaped like `values` (int64 for
        sequences longer than the int32 range).

    Raises:
        ValueError: If `side` is not "left" or "right", or `sorted_sequence` is not 1-D.

    Example:

    >>> keras.ops.searchsorted(np.array([1.0, 2.0, 3.0]), np.array([2.0, 2.5]), side="right")
    array([2, 2], dtype=int32)
    """
    seq, vals = _searchable(sorted_sequence, values)
    spec = _searchsorted_rule(as_spec(seq), as_spec(vals), side)
    return convert(K.indexing.searchsorted(seq, vals, side), spec.dtype)


def _bincount_dtype(x_dtype: str, weights_dtype: str | None) -> str:
    if not is_int_dtype(x_dtype) or x_dtype == "bool":
        raise ValueError(
            f"bincount: `x` must be a tensor of non-negative integers. Received: x.dtype={x_dtype}"
        )
    if weights_dtype is None or weights_dtype == "bool":
        return "int32"
    return weights_dtype


def _check_bincount(x_shape: Shape, weights_shape: Shape | None, minlength: Any) -> None:
    if len(x_shape) not in (1, 2):
        raise ValueError(f"bincount: `x` must be 1-D or 2-D. Received: x.shape={x_shape}")
    if weights_shape is not None and weights_shape != x_shape:
        raise ValueError(
            f"bincount: `weights` must have the shape of `x`. Received: x.shape={x_shape}, weights.shape={weights_shape}"
        )
    if not isinstance(minlength, int) or isinstance(minlength, bool) or minlength < 0:
        raise ValueError(
            f"bincount: `minlength` must be a non-negative int. Received: minlength={minlength!r}"
        )


def _bincount_rule(x: Any, weights: Any = None, minlength: int = 0, sparse: bool = False) -> Spec:
    spec = as_spec(x)
    weights_spec = None if weights is None else as_spec(weights)
    _check_bincount(spec.shape, None if weights_spec is None else weights_spec.shape, minlength)
    dtype = _bincount_dtype(spec.dtype, None if weights_spec is None else weights_spec.dtype)
    return Spec((*spec.shape[:-1], None), dtype)


@op(_bincount_rule)
def bincount(
    x: ArrayLike, weights: ArrayLike | None = None, minlength: int = 0, sparse: bool = False
) -> Tensor:
    """Count how often each non-negative integer occurs in `x`.

    Args:
        x: A 1-D tensor of non-negative integers, or a 2-D one counted row by row.
        weights: Optional tensor shaped like `x`; each occurrence adds its
            weight instead of one.
        minlength: The least number of bins in the output.
        sparse: Whether to return the backend's sparse tensor (jax and
            tensorflow only).

    Returns:
        A tensor of `max(max(x) + 1, minlength)` bins (per row for 2-D `x`):
        int32 counts, or sums in the dtype of `weights` (int32 for bool weights).

    Raises:
        ValueError: If `x` is not an integer tensor of rank 1 or 2, `weights`
            has another shape, `minlength` is negative, or `sparse=True` on a
            backend without sparse tensors.

    Example:

    >>> keras.ops.bincount(np.array([1, 2, 2, 4]), minlength=6)
    array([0, 1, 2, 0, 1, 0], dtype=int32)
    """
    t = convert(x)
    w = None if weights is None else convert(weights)
    _check_bincount(tuple(t.shape), None if w is None else tuple(w.shape), minlength)
    dtype = _bincount_dtype(_dtype(t), None if w is None else _dtype(w))
    if w is not None and _dtype(w) == "bool":
        w = convert(w, "int32")
    if _dtype(t) not in ("int32", "int64"):
        t = convert(t, "int64" if _dtype(t) in ("uint32", "uint64") else "int32")
    counts = convert(K.indexing.bincount(t, w, minlength), dtype)
    if not sparse:
        return counts
    try:
        return K.indexing.to_sparse(counts)
    except NotImplementedError:
        raise ValueError(f"bincount: sparse=True is not supported on the {backend()} backend.") from None


def _check_histogram(bins: Any, range: Any) -> tuple[float, float] | None:
    if not isinstance(bins, int) or isinstance(bins, bool):
        raise TypeError(f"histogram: `bins` must be an int. Received: bins={bins!r}")
    if bins < 1:
        raise ValueError(f"histogram: `bins` must be positive. Received: bins={bins}")
    if range is None:
        return None
    if not isinstance(range, (tuple, list)) or len(range) != 2:
        raise ValueError(f"histogram: `range` must be a tuple of two numbers. Received: range={range!r}")
    low, high = float(range[0]), float(range[1])
    if high < low:
        raise ValueError(f"histogram: `range[1]` must not be less than `range[0]`. Received: range={range!r}")
    return low, high


def _histogram_rule(x: Any, bins: int = 10, range: Any = None) -> tuple[Spec, Spec]:
    spec = as_spec(x)
    _check_histogram(bins, range)
    if spec.ndim != 1:
        raise ValueError(f"histogram: `x` must be 1-D. Received: x.shape={spec.shape}")
    dtype = float_result(spec.dtype)
    return Spec((bins,), dtype), Spec((bins + 1,), dtype)


@op(_histogram_rule)
def histogram(
    x: ArrayLike, bins: int = 10, range: tuple[float, float] | None = None
) -> tuple[Tensor, Tensor]:
    """Count the entries of `x` falling into `bins` equal-width bins.

    Args:
        x: A 1-D tensor.
        bins: The number of bins.
        range: `(low, high)` bounds of the bins; entries outside are ignored.
            Defaults to `(min(x), max(x))`.

    Returns:
        A tuple `(counts, edges)` with `bins` and `bins + 1` entries. Both are
        floats, as in JAX: the dtype of a float `x`, `floatx()` for integers.

    Raises:
        TypeError: If `bins` is not an int.
        ValueError: If `bins` is not positive, `range` is not a pair with
            `range[0] <= range[1]`, or `x` is not 1-D.

    Example:

    >>> counts, edges = keras.ops.histogram(np.array([0.0, 1.0, 1.0, 4.0]), bins=2)
    >>> counts
    array([3., 1.], dtype=float32)
    >>> edges
    array([0., 2., 4.], dtype=float32)
    """
    value_range = _check_histogram(bins, range)
    t = convert(x)
    counts_spec, _ = _histogram_rule(as_spec(t), bins, range)
    t = convert(t, counts_spec.dtype)
    counts, edges = K.indexing.histogram(t, bins, value_range)
    return convert(counts, counts_spec.dtype), edges
