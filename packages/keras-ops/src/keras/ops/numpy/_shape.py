"""Shape ops: reshape, permute, join, split, flip, roll, tile, repeat, pad and bit views.

Each op's output shape comes from one small *shape function* of input shapes (`None`
for unknown dimensions) that both the eager body and the symbolic rule call, so the
two paths agree and every shape check is written once. Ops that only move data
(`moveaxis`, `squeeze`, `hstack`, `rot90`, `meshgrid`...) are built from a few kernels.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from keras.backend._active import K
from keras.backend._dtypes import standardize_dtype
from keras.ops._convert import convert, dtype_for_promotion, promote, to_numpy
from keras.ops._op import op
from keras.ops._rules import canonical_axes, canonical_axis, is_int, shape_size
from keras.ops._spec import Spec, as_spec, spec_result_type
from keras.ops._typing import ArrayLike, Axis, DTypeLike, Shape, ShapeLike, Tensor

__all__ = [
    "append",
    "array_split",
    "broadcast_to",
    "concatenate",
    "dsplit",
    "dstack",
    "expand_dims",
    "flip",
    "fliplr",
    "flipud",
    "hsplit",
    "hstack",
    "meshgrid",
    "moveaxis",
    "ndim",
    "pad",
    "ravel",
    "repeat",
    "reshape",
    "roll",
    "rot90",
    "size",
    "split",
    "squeeze",
    "stack",
    "swapaxes",
    "tile",
    "transpose",
    "view",
    "vsplit",
    "vstack",
]

# --- helpers shared by shape functions ------------------------------------------------------


def _shape(t: Tensor) -> Any:
    # Inside a traced function (tf.function) the batch dimension may be unknown: None.
    return tuple(None if d is None else int(d) for d in t.shape)


def _known(shape: Shape) -> tuple[int, ...]:
    """Return a target shape for a kernel: one unknown dimension (a traced batch) becomes -1."""
    unknown = sum(d is None for d in shape)
    if unknown > 1:
        raise ValueError(f"Cannot reshape to {shape}: more than one dimension is unknown while tracing.")
    return tuple(-1 if d is None else int(d) for d in shape)


def _int_tuple(value: Any, op_name: str, arg: str, allow_none: bool = False) -> tuple[Any, ...]:
    """Return an int or a sequence of ints as a tuple of Python ints, or raise naming `arg`."""
    items = (value,) if is_int(value) or value is None else value
    try:
        items = tuple(items)
    except TypeError:
        raise TypeError(
            f"{op_name}: `{arg}` must be an int or a sequence of ints. Received: {arg}={value!r}"
        ) from None
    if not all(is_int(d) or (allow_none and d is None) for d in items):
        raise TypeError(f"{op_name}: `{arg}` must be an int or a sequence of ints. Received: {arg}={value!r}")
    return tuple(d if d is None else int(d) for d in items)


def _same_dim(d1: int | None, d2: int | None) -> bool:
    return d1 is None or d2 is None or d1 == d2


def _permuted(shape: Shape, perm: Sequence[int]) -> Shape:
    return tuple(shape[p] for p in perm)


def _with_dim(shape: Shape, axis: int, dim: int | None) -> Shape:
    return (*shape[:axis], dim, *shape[axis + 1 :])


# --- reshape family -------------------------------------------------------------------------


def _reshaped(shape: Shape, newshape: Any) -> Shape:
    """Return the shape `reshape` gives; `-1` (or `None`) is inferred from the size."""
    dims = tuple(-1 if d is None else d for d in _int_tuple(newshape, "reshape", "newshape", allow_none=True))
    if any(d < -1 for d in dims) or dims.count(-1) > 1:
        raise ValueError(
            "reshape: each dimension of `newshape` must be a non-negative int, with at most "
            f"one -1 (or None) for a dimension to infer. Received: newshape={newshape!r}"
        )
    size = shape_size(shape)
    if size is None:
        return tuple(None if d == -1 else d for d in dims)
    known = math.prod(d for d in dims if d != -1)
    if (-1 not in dims and known != size) or (-1 in dims and (known == 0 or size % known)):
        raise ValueError(
            f"reshape: cannot reshape a tensor of shape {tuple(shape)} (size {size}) into "
            f"shape {dims}. Received: newshape={newshape!r}"
        )
    return tuple(size // known if d == -1 else d for d in dims)


def _reshape_rule(x: Any, newshape: Any) -> Spec:
    spec = as_spec(x)
    return Spec(_reshaped(spec.shape, newshape), spec.dtype)


@op(_reshape_rule)
def reshape(x: ArrayLike, newshape: ShapeLike) -> Tensor:
    """Give `x` a new shape with the same entries in the same (row-major) order.

    Args:
        x: Input tensor.
        newshape: The new shape: an int or a sequence of ints. One dimension may
            be `-1` (or `None`), inferred from the size of `x`.

    Returns:
        A tensor of shape `newshape` and `x`'s dtype.

    Raises:
        ValueError: If `newshape` has a negative dimension other than one `-1`, or
            does not hold as many entries as `x`.

    Example:

    >>> keras.ops.reshape(np.arange(6, dtype="int8"), (2, -1))
    array([[0, 1, 2],
           [3, 4, 5]], dtype=int8)
    """
    t = convert(x)
    if isinstance(newshape, (list, tuple)) and any(K.core.is_tensor(d) for d in newshape):
        # Dynamic dimensions from `ops.shape` inside a traced function (tf.function):
        # the backend resolves them when the step runs.
        return K.shape.reshape(t, tuple(newshape))
    return K.shape.reshape(t, _known(_reshaped(_shape(t), newshape)))


def _raveled(shape: Shape) -> Shape:
    return (shape_size(shape),)


@op(lambda x: Spec(_raveled(as_spec(x).shape), as_spec(x).dtype))
def ravel(x: ArrayLike) -> Tensor:
    """Flatten `x` to one dimension, in row-major order.

    Args:
        x: Input tensor.

    Returns:
        A 1-D tensor with all of `x`'s entries and `x`'s dtype.

    Example:

    >>> keras.ops.ravel(np.array([[1, 2], [3, 4]], dtype="int32"))
    array([1, 2, 3, 4], dtype=int32)
    """
    t = convert(x)
    return K.shape.reshape(t, (-1,))


def _expanded(shape: Shape, axis: Any) -> Shape:
    axes = _int_tuple(axis, "expand_dims", "axis")
    ndim = len(shape) + len(axes)
    new_axes = canonical_axes(axes, ndim, "expand_dims") or ()
    dims = iter(shape)
    return tuple(1 if i in new_axes else next(dims) for i in range(ndim))


@op(lambda x, axis: Spec(_expanded(as_spec(x).shape, axis), as_spec(x).dtype))
def expand_dims(x: ArrayLike, axis: int | Sequence[int]) -> Tensor:
    """Insert axes of size 1 into `x`'s shape.

    Args:
        x: Input tensor.
        axis: Position (or positions) of the new axes in the output shape;
            negative positions count from the end of the output.

    Returns:
        A tensor with one more dimension per entry of `axis`.

    Raises:
        ValueError: If an axis is out of bounds for the output, or repeated.

    Example:

    >>> keras.ops.expand_dims(np.array([1, 2], dtype="int32"), 0).shape
    (1, 2)
    """
    t = convert(x)
    return K.shape.reshape(t, _known(_expanded(_shape(t), axis)))


def _squeezed(shape: Shape, axis: Axis) -> Shape:
    if axis is None:
        return tuple(d for d in shape if d != 1)
    axes = canonical_axes(_int_tuple(axis, "squeeze", "axis"), len(shape), "squeeze") or ()
    for a in axes:
        if shape[a] not in (1, None):
            raise ValueError(
                f"squeeze: cannot squeeze axis {a} of size {shape[a]} (only axes of size 1 can be "
                f"removed). Received: axis={axis!r} for a tensor of shape {tuple(shape)}"
            )
    return tuple(d for i, d in enumerate(shape) if i not in axes)


@op(lambda x, axis=None: Spec(_squeezed(as_spec(x).shape, axis), as_spec(x).dtype))
def squeeze(x: ArrayLike, axis: Axis = None) -> Tensor:
    """Remove axes of size 1 from `x`'s shape.

    Args:
        x: Input tensor.
        axis: The axis or axes to remove, each of size 1. `None` removes every
            axis of size 1.

    Returns:
        A tensor with the same entries and fewer dimensions.

    Raises:
        ValueError: If an axis is out of bounds or its size is not 1.

    Example:

    >>> keras.ops.squeeze(np.zeros((1, 3, 1), dtype="float32")).shape
    (3,)
    """
    t = convert(x)
    return K.shape.reshape(t, _known(_squeezed(_shape(t), axis)))


def _broadcast_target(shape: Shape, target: Any) -> Shape:
    dims = _int_tuple(target, "broadcast_to", "shape")
    offset = len(dims) - len(shape)
    if (
        offset < 0
        or any(d < 0 for d in dims)
        or not all(d in (1, None, dims[offset + i]) for i, d in enumerate(shape))
    ):
        raise ValueError(
            f"broadcast_to: cannot broadcast a tensor of shape {tuple(shape)} to shape {dims}. "
            f"Received: shape={target!r}"
        )
    return dims


@op(lambda x, shape: Spec(_broadcast_target(as_spec(x).shape, shape), as_spec(x).dtype))
def broadcast_to(x: ArrayLike, shape: ShapeLike) -> Tensor:
    """Broadcast `x` to `shape`, as numpy's broadcasting rules allow.

    Args:
        x: Input tensor.
        shape: The target shape; each of `x`'s trailing dimensions must be 1 or
            equal the target's.

    Returns:
        A tensor of shape `shape` and `x`'s dtype.

    Raises:
        ValueError: If `x` cannot be broadcast to `shape`.

    Example:

    >>> keras.ops.broadcast_to(np.array([1, 2], dtype="int32"), (2, 2))
    array([[1, 2],
           [1, 2]], dtype=int32)
    """
    t = convert(x)
    return K.shape.broadcast_to(t, _known(_broadcast_target(_shape(t), shape)))


# --- axis permutations ------------------------------------------------------------------------


def _transpose_perm(ndim: int, axes: Any) -> tuple[int, ...]:
    if axes is None:
        return tuple(range(ndim - 1, -1, -1))
    items = _int_tuple(axes, "transpose", "axes")
    if (
        len(items) != ndim
        or not all(-ndim <= a < ndim for a in items)
        or len({a % ndim for a in items}) != ndim
    ):
        raise ValueError(
            f"transpose: `axes` must be a permutation of the {ndim} axes of the tensor. Received: axes={axes!r}"
        )
    return tuple(a % ndim for a in items)


@op(
    lambda x, axes=None: Spec(
        _permuted(as_spec(x).shape, _transpose_perm(as_spec(x).ndim, axes)), as_spec(x).dtype
    )
)
def transpose(x: ArrayLike, axes: Sequence[int] | None = None) -> Tensor:
    """Permute the axes of `x`.

    Args:
        x: Input tensor.
        axes: A permutation of `range(ndim)`: axis `i` of the output is axis
            `axes[i]` of `x`. `None` reverses the axes.

    Returns:
        The transposed tensor, with `x`'s dtype.

    Raises:
        ValueError: If `axes` is not a permutation of `x`'s axes.

    Example:

    >>> keras.ops.transpose(np.zeros((2, 3, 4)), (1, 0, 2)).shape
    (3, 2, 4)
    """
    t = convert(x)
    return K.shape.transpose(t, _transpose_perm(len(t.shape), axes))


def _moveaxis_perm(ndim: int, source: Any, destination: Any) -> tuple[int, ...]:
    src = _int_tuple(source, "moveaxis", "source")
    dst = _int_tuple(destination, "moveaxis", "destination")
    if len(src) != len(dst):
        raise ValueError(
            "moveaxis: `source` and `destination` must have the same number of axes. "
            f"Received: source={source!r}, destination={destination!r}"
        )
    src_axes = [canonical_axis(a, ndim, "moveaxis") for a in src]
    dst_axes = [canonical_axis(a, ndim, "moveaxis") for a in dst]
    if len(set(src_axes)) != len(src_axes) or len(set(dst_axes)) != len(dst_axes):
        raise ValueError(f"moveaxis: repeated axis. Received: source={source!r}, destination={destination!r}")
    order = [a for a in range(ndim) if a not in src_axes]
    for d, s in sorted(zip(dst_axes, src_axes, strict=True)):
        order.insert(d, s)
    return tuple(order)


def _moveaxis_rule(x: Any, source: Any, destination: Any) -> Spec:
    spec = as_spec(x)
    return Spec(_permuted(spec.shape, _moveaxis_perm(spec.ndim, source, destination)), spec.dtype)


@op(_moveaxis_rule)
def moveaxis(x: ArrayLike, source: int | Sequence[int], destination: int | Sequence[int]) -> Tensor:
    """Move axes of `x` to new positions; the other axes keep their order.

    Args:
        x: Input tensor.
        source: The axis (or axes) to move.
        destination: The new position of each moved axis.

    Returns:
        The tensor with its axes moved, and `x`'s dtype.

    Raises:
        ValueError: If an axis is out of bounds or repeated, or `source` and
            `destination` differ in length.

    Example:

    >>> keras.ops.moveaxis(np.zeros((2, 3, 4)), 0, -1).shape
    (3, 4, 2)
    """
    t = convert(x)
    return K.shape.transpose(t, _moveaxis_perm(len(t.shape), source, destination))


def _swap_perm(ndim: int, axis1: int, axis2: int) -> tuple[int, ...]:
    a, b = canonical_axis(axis1, ndim, "swapaxes"), canonical_axis(axis2, ndim, "swapaxes")
    perm = list(range(ndim))
    perm[a], perm[b] = b, a
    return tuple(perm)


def _swapaxes_rule(x: Any, axis1: int, axis2: int) -> Spec:
    spec = as_spec(x)
    return Spec(_permuted(spec.shape, _swap_perm(spec.ndim, axis1, axis2)), spec.dtype)


@op(_swapaxes_rule)
def swapaxes(x: ArrayLike, axis1: int, axis2: int) -> Tensor:
    """Swap two axes of `x`.

    Args:
        x: Input tensor.
        axis1: First axis.
        axis2: Second axis.

    Returns:
        The tensor with `axis1` and `axis2` exchanged, and `x`'s dtype.

    Raises:
        ValueError: If an axis is out of bounds.

    Example:

    >>> keras.ops.swapaxes(np.zeros((2, 3, 4)), 0, 2).shape
    (4, 3, 2)
    """
    t = convert(x)
    return K.shape.transpose(t, _swap_perm(len(t.shape), axis1, axis2))


# --- joining ----------------------------------------------------------------------------------


def _tensor_list(xs: Any, op_name: str, arg: str) -> list[Any]:
    if not isinstance(xs, (list, tuple)) or not xs:
        raise ValueError(f"{op_name}: `{arg}` must be a non-empty list of tensors. Received: {arg}={xs!r}")
    return list(xs)


def _concatenated(shapes: Sequence[Shape], axis: int | None, op_name: str = "concatenate") -> Shape:
    """Return the shape of `shapes` joined along `axis` (`None`: flattened, then joined)."""
    if axis is None:
        sizes = [shape_size(s) for s in shapes]
        return (None if None in sizes else sum(d for d in sizes if d is not None),)
    first = shapes[0]
    if not first:
        raise ValueError(f"{op_name}: zero-dimensional tensors cannot be concatenated.")
    a = canonical_axis(axis, len(first), op_name)
    out = list(first)
    for shape in shapes[1:]:
        if len(shape) != len(first) or not all(
            _same_dim(d, e) for i, (d, e) in enumerate(zip(shape, first, strict=True)) if i != a
        ):
            raise ValueError(
                f"{op_name}: all tensors must have the same shape except along axis {a}. "
                f"Received shapes: {[tuple(s) for s in shapes]}"
            )
        out = [
            (e if d is None else d) if i != a else None
            for i, (d, e) in enumerate(zip(shape, out, strict=True))
        ]
    along = [s[a] for s in shapes]
    out[a] = None if None in along else sum(d for d in along if d is not None)
    return tuple(out)


def _join_dtype(specs: Sequence[Spec]) -> str:
    """The dtype tensors are joined in: their common dtype, else Keras's promotion of them."""
    first = specs[0]
    if all(not s.weak and s.dtype == first.dtype for s in specs):
        return first.dtype
    return spec_result_type(*specs)


def _promote_join(*xs: Any) -> tuple[Tensor, ...]:
    """Convert `xs` to one dtype: kept when they share it (int64 stays), else promoted."""
    kinds = [dtype_for_promotion(x) for x in xs]
    if all(isinstance(k, str) and k == kinds[0] for k in kinds):
        return tuple(convert(x, kinds[0]) for x in xs)
    return promote(*xs)


def _concatenate_rule(xs: Any, axis: int | None = 0) -> Spec:
    specs = [as_spec(v) for v in _tensor_list(xs, "concatenate", "xs")]
    return Spec(_concatenated([s.shape for s in specs], axis), _join_dtype(specs))


def _join(tensors: Sequence[Tensor], axis: int | None, op_name: str) -> Tensor:
    """Concatenate native tensors along `axis` (flattened when `None`), checking shapes first."""
    shape = _concatenated([_shape(t) for t in tensors], axis, op_name)
    if axis is None:
        return K.shape.concatenate([K.shape.reshape(t, (-1,)) for t in tensors], 0)
    if len(tensors) == 1:
        return tensors[0]
    return K.shape.concatenate(list(tensors), canonical_axis(axis, len(shape), op_name))


@op(_concatenate_rule)
def concatenate(xs: Sequence[ArrayLike], axis: int | None = 0) -> Tensor:
    """Join a sequence of tensors along an existing axis.

    Args:
        xs: The tensors to join, of the same rank and the same shape except
            along `axis`. Their dtypes are promoted together.
        axis: The axis to join along. `None` flattens every tensor first.

    Returns:
        The joined tensor, with the promoted dtype of `xs`.

    Raises:
        ValueError: If `xs` is empty, holds scalars, or the shapes do not match.

    Example:

    >>> keras.ops.concatenate([np.array([1, 2], dtype="int8"), np.array([3.5], dtype="float16")])
    array([1. , 2. , 3.5], dtype=float16)
    """
    return _join(_promote_join(*_tensor_list(xs, "concatenate", "xs")), axis, "concatenate")


def _stacked(shapes: Sequence[Shape], axis: int) -> Shape:
    out = list(shapes[0])
    for shape in shapes[1:]:
        if len(shape) != len(out) or not all(_same_dim(d, e) for d, e in zip(shape, out, strict=True)):
            raise ValueError(
                f"stack: all tensors must have the same shape. Received shapes: {[tuple(s) for s in shapes]}"
            )
        out = [e if d is None else d for d, e in zip(shape, out, strict=True)]
    a = canonical_axis(axis, len(out) + 1, "stack")
    return (*out[:a], len(shapes), *out[a:])


def _stack_rule(x: Any, axis: int = 0) -> Spec:
    specs = [as_spec(v) for v in _tensor_list(x, "stack", "x")]
    return Spec(_stacked([s.shape for s in specs], axis), _join_dtype(specs))


@op(_stack_rule)
def stack(x: Sequence[ArrayLike], axis: int = 0) -> Tensor:
    """Join a sequence of same-shaped tensors along a new axis.

    Args:
        x: The tensors to stack, all of one shape. Their dtypes are promoted
            together; Python scalars are weak.
        axis: The position of the new axis in the output.

    Returns:
        A tensor with one more dimension, of size `len(x)` at `axis`.

    Raises:
        ValueError: If `x` is empty, the shapes differ, or `axis` is out of bounds.

    Example:

    >>> keras.ops.stack([np.array([1, 2], dtype="int8"), np.array([3, 4], dtype="int8")], axis=1)
    array([[1, 3],
           [2, 4]], dtype=int8)
    """
    tensors = _promote_join(*_tensor_list(x, "stack", "x"))
    shape = _stacked([_shape(t) for t in tensors], axis)
    return K.shape.stack(list(tensors), canonical_axis(axis, len(shape), "stack"))


def _at_least(shape: Shape, ndim: int) -> Shape:
    """numpy's `atleast_{1,2,3}d` on a shape: `(n,)` becomes `(1, n)` or `(1, n, 1)`."""
    if len(shape) >= ndim:
        return shape
    if not shape:
        return (1,) * ndim
    if len(shape) == 1:
        return (1, shape[0]) if ndim == 2 else (1, shape[0], 1)
    return (*shape, 1)


def _stack_axis(op_name: str, shapes: Sequence[Shape]) -> tuple[int, int]:
    """Return the rank each input is raised to and the axis `hstack`/`vstack`/`dstack` join along."""
    if op_name == "hstack":
        return 1, 0 if len(_at_least(shapes[0], 1)) == 1 else 1
    return (2, 0) if op_name == "vstack" else (3, 2)


def _sequence_stack_rule(op_name: str) -> Any:
    def rule(xs: Any) -> Spec:
        specs = [as_spec(v) for v in _tensor_list(xs, op_name, "xs")]
        ndim, axis = _stack_axis(op_name, [s.shape for s in specs])
        return Spec(
            _concatenated([_at_least(s.shape, ndim) for s in specs], axis, op_name), _join_dtype(specs)
        )

    return rule


def _sequence_stack(xs: Sequence[ArrayLike], op_name: str) -> Tensor:
    tensors = _promote_join(*_tensor_list(xs, op_name, "xs"))
    ndim, axis = _stack_axis(op_name, [_shape(t) for t in tensors])
    raised = [
        t if len(t.shape) >= ndim else K.shape.reshape(t, _known(_at_least(_shape(t), ndim))) for t in tensors
    ]
    return _join(raised, axis, op_name)


@op(_sequence_stack_rule("hstack"))
def hstack(xs: Sequence[ArrayLike]) -> Tensor:
    """Join tensors horizontally: along axis 1, or axis 0 for 1-D tensors.

    Args:
        xs: The tensors to join; their dtypes are promoted together.

    Returns:
        The joined tensor.

    Raises:
        ValueError: If `xs` is empty or the shapes do not match.

    Example:

    >>> keras.ops.hstack([np.array([1, 2], dtype="int32"), np.array([3], dtype="int32")])
    array([1, 2, 3], dtype=int32)
    """
    return _sequence_stack(xs, "hstack")


@op(_sequence_stack_rule("vstack"))
def vstack(xs: Sequence[ArrayLike]) -> Tensor:
    """Join tensors vertically, along axis 0; 1-D tensors of length `n` count as `(1, n)`.

    Args:
        xs: The tensors to join; their dtypes are promoted together.

    Returns:
        The joined tensor, at least 2-D.

    Raises:
        ValueError: If `xs` is empty or the shapes do not match.

    Example:

    >>> keras.ops.vstack([np.array([1, 2], dtype="int32"), np.array([3, 4], dtype="int32")])
    array([[1, 2],
           [3, 4]], dtype=int32)
    """
    return _sequence_stack(xs, "vstack")


@op(_sequence_stack_rule("dstack"))
def dstack(xs: Sequence[ArrayLike]) -> Tensor:
    """Join tensors depth-wise, along axis 2; `(n,)` counts as `(1, n, 1)`, `(m, n)` as `(m, n, 1)`.

    Args:
        xs: The tensors to join; their dtypes are promoted together.

    Returns:
        The joined tensor, at least 3-D.

    Raises:
        ValueError: If `xs` is empty or the shapes do not match.

    Example:

    >>> keras.ops.dstack([np.array([1, 2], dtype="int32"), np.array([3, 4], dtype="int32")]).shape
    (1, 2, 2)
    """
    return _sequence_stack(xs, "dstack")


def _append_rule(x1: Any, x2: Any, axis: int | None = None) -> Spec:
    s1, s2 = as_spec(x1), as_spec(x2)
    return Spec(_concatenated([s1.shape, s2.shape], axis, "append"), _join_dtype([s1, s2]))


@op(_append_rule)
def append(x1: ArrayLike, x2: ArrayLike, axis: int | None = None) -> Tensor:
    """Append `x2` to the end of `x1`.

    Args:
        x1: The first tensor.
        x2: The values to append; their dtype is promoted with `x1`'s (a
            Python scalar is weak).
        axis: The axis to append along, where `x1` and `x2` must have the same
            rank. `None` flattens both first.

    Returns:
        The joined tensor (1-D when `axis` is `None`).

    Raises:
        ValueError: If the shapes do not match along the other axes.

    Example:

    >>> keras.ops.append(np.array([1, 2], dtype="int8"), 3)
    array([1, 2, 3], dtype=int8)
    """
    return _join(_promote_join(x1, x2), axis, "append")


# --- splitting --------------------------------------------------------------------------------


def _split_bounds(
    length: int | None, sections: Any, equal: bool, op_name: str
) -> list[tuple[int, int] | None]:
    """Return each piece's `(start, stop)` along the split axis; `None` where `length` is unknown."""
    if is_int(sections):
        count = int(sections)
        if count <= 0:
            raise ValueError(f"{op_name}: the number of sections must be positive. Received: {sections!r}")
        if length is None:
            return [None] * count
        if equal and length % count:
            raise ValueError(
                f"{op_name}: an axis of size {length} cannot be split into {count} equal sections. "
                f"Received: indices_or_sections={sections!r}"
            )
        size, extra = divmod(length, count)
        stops = np.cumsum([size + 1] * extra + [size] * (count - extra)).tolist()
        return list(zip([0, *stops[:-1]], stops, strict=True))
    indices = _int_tuple(sections, op_name, "indices_or_sections")
    if length is None:
        return [None] * (len(indices) + 1)
    bounds: list[tuple[int, int] | None] = []
    for start, stop in zip((0, *indices), (*indices, length), strict=True):
        first, last, _ = slice(start, stop).indices(length)
        bounds.append((first, max(first, last)))
    return bounds


def _split_shapes(shape: Shape, sections: Any, axis: int, equal: bool, op_name: str) -> list[Shape]:
    if not shape:
        raise ValueError(f"{op_name}: a scalar cannot be split.")
    a = canonical_axis(axis, len(shape), op_name)
    bounds = _split_bounds(shape[a], sections, equal, op_name)
    return [_with_dim(shape, a, None if b is None else b[1] - b[0]) for b in bounds]


def _split(x: ArrayLike, sections: Any, axis: int, equal: bool, op_name: str) -> list[Tensor]:
    t = convert(x)
    shape = _shape(t)
    if not shape:
        raise ValueError(f"{op_name}: a scalar cannot be split.")
    a = canonical_axis(axis, len(shape), op_name)
    bounds = _split_bounds(shape[a], sections, equal, op_name)
    return K.shape.split(t, tuple(b for b in bounds if b is not None), a)


def _split_axis(op_name: str, ndim: int) -> int:
    """The axis `hsplit`, `vsplit` and `dsplit` split along, after checking the rank."""
    least = {"hsplit": 1, "vsplit": 2, "dsplit": 3}[op_name]
    if ndim < least:
        raise ValueError(
            f"{op_name}: expected a tensor of rank {least} or more. Received: a tensor of rank {ndim}"
        )
    return {"hsplit": 1 if ndim > 1 else 0, "vsplit": 0, "dsplit": 2}[op_name]


def _split_rule(op_name: str, equal: bool) -> Any:
    def rule(x: Any, indices_or_sections: Any, axis: int = 0) -> list[Spec]:
        spec = as_spec(x)
        if op_name not in ("split", "array_split"):
            axis = _split_axis(op_name, spec.ndim)
        return [
            Spec(s, spec.dtype) for s in _split_shapes(spec.shape, indices_or_sections, axis, equal, op_name)
        ]

    return rule


@op(_split_rule("split", equal=True))
def split(x: ArrayLike, indices_or_sections: int | Sequence[int], axis: int = 0) -> list[Tensor]:
    """Split `x` into pieces along `axis`.

    Args:
        x: Input tensor.
        indices_or_sections: An int `n`: `n` pieces of equal size. A sequence of
            ints: the positions along `axis` where each new piece starts.
        axis: The axis to split along.

    Returns:
        A list of tensors with `x`'s dtype.

    Raises:
        ValueError: If `x` is a scalar, `axis` is out of bounds, or `n` does not
            divide the axis.

    Example:

    >>> [t.tolist() for t in keras.ops.split(np.arange(6, dtype="int32"), [2, 5])]
    [[0, 1], [2, 3, 4], [5]]
    """
    return _split(x, indices_or_sections, axis, True, "split")


@op(_split_rule("array_split", equal=False))
def array_split(x: ArrayLike, indices_or_sections: int | Sequence[int], axis: int = 0) -> list[Tensor]:
    """Split `x` into pieces along `axis`, allowing pieces of unequal size.

    Args:
        x: Input tensor.
        indices_or_sections: An int `n`: `n` pieces whose sizes differ by at most
            one, the larger first. A sequence of ints: split positions, as in
            `split`.
        axis: The axis to split along.

    Returns:
        A list of tensors with `x`'s dtype.

    Raises:
        ValueError: If `x` is a scalar, `axis` is out of bounds, or `n` is not
            positive.

    Example:

    >>> [t.tolist() for t in keras.ops.array_split(np.arange(5, dtype="int32"), 2)]
    [[0, 1, 2], [3, 4]]
    """
    return _split(x, indices_or_sections, axis, False, "array_split")


def _directional_split(x: ArrayLike, indices_or_sections: Any, op_name: str) -> list[Tensor]:
    t = convert(x)
    return _split(t, indices_or_sections, _split_axis(op_name, len(t.shape)), True, op_name)


@op(_split_rule("hsplit", equal=True))
def hsplit(x: ArrayLike, indices_or_sections: int | Sequence[int]) -> list[Tensor]:
    """Split `x` horizontally: along axis 1, or axis 0 for a 1-D tensor.

    Args:
        x: Input tensor, at least 1-D.
        indices_or_sections: Equal sections or split positions, as in `split`.

    Returns:
        A list of tensors with `x`'s dtype.

    Raises:
        ValueError: If `x` is a scalar or the sections do not divide the axis.

    Example:

    >>> [t.shape for t in keras.ops.hsplit(np.zeros((2, 4)), 2)]
    [(2, 2), (2, 2)]
    """
    return _directional_split(x, indices_or_sections, "hsplit")


@op(_split_rule("vsplit", equal=True))
def vsplit(x: ArrayLike, indices_or_sections: int | Sequence[int]) -> list[Tensor]:
    """Split `x` vertically, along axis 0.

    Args:
        x: Input tensor, at least 2-D.
        indices_or_sections: Equal sections or split positions, as in `split`.

    Returns:
        A list of tensors with `x`'s dtype.

    Raises:
        ValueError: If `x` has rank below 2 or the sections do not divide the axis.

    Example:

    >>> [t.shape for t in keras.ops.vsplit(np.zeros((4, 2)), 2)]
    [(2, 2), (2, 2)]
    """
    return _directional_split(x, indices_or_sections, "vsplit")


@op(_split_rule("dsplit", equal=True))
def dsplit(x: ArrayLike, indices_or_sections: int | Sequence[int]) -> list[Tensor]:
    """Split `x` depth-wise, along axis 2.

    Args:
        x: Input tensor, at least 3-D.
        indices_or_sections: Equal sections or split positions, as in `split`.

    Returns:
        A list of tensors with `x`'s dtype.

    Raises:
        ValueError: If `x` has rank below 3 or the sections do not divide the axis.

    Example:

    >>> [t.shape for t in keras.ops.dsplit(np.zeros((1, 2, 4)), [1])]
    [(1, 2, 1), (1, 2, 3)]
    """
    return _directional_split(x, indices_or_sections, "dsplit")


# --- flips, rolls and rotations ------------------------------------------------------------------


def _flip_axes(ndim: int, axis: Axis) -> tuple[int, ...]:
    if axis is None:
        return tuple(range(ndim))
    return canonical_axes(_int_tuple(axis, "flip", "axis"), ndim, "flip") or ()


def _flip(t: Tensor, axes: tuple[int, ...]) -> Tensor:
    return K.shape.flip(t, axes) if axes else t


def _flip_rule(x: Any, axis: Axis = None) -> Spec:
    spec = as_spec(x)
    _flip_axes(spec.ndim, axis)
    return Spec(spec.shape, spec.dtype)


@op(_flip_rule)
def flip(x: ArrayLike, axis: Axis = None) -> Tensor:
    """Reverse the order of entries along the given axes.

    Args:
        x: Input tensor.
        axis: The axis or axes to reverse. `None` reverses every axis.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        ValueError: If an axis is out of bounds or repeated.

    Example:

    >>> keras.ops.flip(np.array([[1, 2], [3, 4]], dtype="int32"), axis=1)
    array([[2, 1],
           [4, 3]], dtype=int32)
    """
    t = convert(x)
    return _flip(t, _flip_axes(len(t.shape), axis))


def _min_rank(op_name: str, ndim: int, least: int) -> None:
    if ndim < least:
        raise ValueError(
            f"{op_name}: expected a tensor of rank {least} or more. Received: a tensor of rank {ndim}"
        )


def _same_spec_after(check: Any) -> Any:
    def rule(x: Any) -> Spec:
        spec = as_spec(x)
        check(spec.ndim)
        return Spec(spec.shape, spec.dtype)

    return rule


@op(_same_spec_after(lambda ndim: _min_rank("fliplr", ndim, 2)))
def fliplr(x: ArrayLike) -> Tensor:
    """Reverse the order of columns (axis 1).

    Args:
        x: Input tensor, at least 2-D.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        ValueError: If `x` has rank below 2.

    Example:

    >>> keras.ops.fliplr(np.array([[1, 2], [3, 4]], dtype="int32"))
    array([[2, 1],
           [4, 3]], dtype=int32)
    """
    t = convert(x)
    _min_rank("fliplr", len(t.shape), 2)
    return K.shape.flip(t, (1,))


@op(_same_spec_after(lambda ndim: _min_rank("flipud", ndim, 1)))
def flipud(x: ArrayLike) -> Tensor:
    """Reverse the order of rows (axis 0).

    Args:
        x: Input tensor, at least 1-D.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        ValueError: If `x` is a scalar.

    Example:

    >>> keras.ops.flipud(np.array([[1, 2], [3, 4]], dtype="int32"))
    array([[3, 4],
           [1, 2]], dtype=int32)
    """
    t = convert(x)
    _min_rank("flipud", len(t.shape), 1)
    return K.shape.flip(t, (0,))


def _roll_plan(ndim: int, shift: Any, axis: Axis) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return `(shifts, axes)` with one total shift per distinct axis (`axis=None`: axis 0 of the flat tensor)."""
    shifts = _int_tuple(shift, "roll", "shift")
    if axis is None:
        return (sum(shifts),), (0,)
    axes = _int_tuple(axis, "roll", "axis")
    if not shifts or not axes or (len(shifts) != len(axes) and 1 not in (len(shifts), len(axes))):
        raise ValueError(
            f"roll: `shift` and `axis` must have the same length (or one of them length 1). "
            f"Received: shift={shift!r}, axis={axis!r}"
        )
    count = max(len(shifts), len(axes))
    total: dict[int, int] = {}
    for s, a in zip(shifts * (count // len(shifts)), axes * (count // len(axes)), strict=True):
        key = canonical_axis(a, ndim, "roll")
        total[key] = total.get(key, 0) + s
    return tuple(total.values()), tuple(total)


def _roll_rule(x: Any, shift: Any, axis: Axis = None) -> Spec:
    spec = as_spec(x)
    _roll_plan(spec.ndim, shift, axis)
    return Spec(spec.shape, spec.dtype)


@op(_roll_rule)
def roll(x: ArrayLike, shift: int | Sequence[int], axis: Axis = None) -> Tensor:
    """Shift entries along axes, cyclically: those pushed off one end come back at the other.

    Args:
        x: Input tensor.
        shift: The number of places to shift by (an int, or one per axis).
        axis: The axis or axes to roll along. `None` rolls the flattened
            tensor and restores the shape.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        ValueError: If an axis is out of bounds, or `shift` and `axis` differ
            in length.

    Example:

    >>> keras.ops.roll(np.array([1, 2, 3, 4], dtype="int32"), 1)
    array([4, 1, 2, 3], dtype=int32)
    """
    t = convert(x)
    shifts, axes = _roll_plan(len(t.shape), shift, axis)
    if axis is None:
        return K.shape.reshape(K.shape.roll(K.shape.reshape(t, (-1,)), shifts, axes), _shape(t))
    return K.shape.roll(t, shifts, axes)


def _rot90_plan(ndim: int, k: Any, axes: Any) -> tuple[int, int, int]:
    """Return `(k % 4, axis0, axis1)` after checking the rank, `k` and `axes`."""
    _min_rank("rot90", ndim, 2)
    if not is_int(k):
        raise TypeError(f"rot90: `k` must be an int. Received: k={k!r}")
    pair = _int_tuple(axes, "rot90", "axes")
    if len(pair) != 2:
        raise ValueError(f"rot90: `axes` must hold exactly two axes. Received: axes={axes!r}")
    a0, a1 = (canonical_axis(a, ndim, "rot90") for a in pair)
    if a0 == a1:
        raise ValueError(f"rot90: `axes` must name two different axes. Received: axes={axes!r}")
    return int(k) % 4, a0, a1


def _rot90_rule(array: Any, k: int = 1, axes: tuple[int, int] = (0, 1)) -> Spec:
    spec = as_spec(array)
    turns, a0, a1 = _rot90_plan(spec.ndim, k, axes)
    shape = spec.shape if turns % 2 == 0 else _permuted(spec.shape, _swap_perm(spec.ndim, a0, a1))
    return Spec(shape, spec.dtype)


@op(_rot90_rule)
def rot90(array: ArrayLike, k: int = 1, axes: tuple[int, int] = (0, 1)) -> Tensor:
    """Rotate `array` by 90 degrees `k` times in the plane of `axes`, from the first axis towards the second.

    Args:
        array: Input tensor, at least 2-D.
        k: The number of quarter turns; negative turns the other way.
        axes: The two axes that span the plane of rotation.

    Returns:
        The rotated tensor, with `array`'s dtype.

    Raises:
        ValueError: If `array` has rank below 2 or `axes` does not name two
            different axes.
        TypeError: If `k` is not an int.

    Example:

    >>> keras.ops.rot90(np.array([[1, 2], [3, 4]], dtype="int32"))
    array([[2, 4],
           [1, 3]], dtype=int32)
    """
    t = convert(array)
    turns, a0, a1 = _rot90_plan(len(t.shape), k, axes)
    if turns == 0:
        return t
    if turns == 2:
        return K.shape.flip(t, (a0, a1))
    perm = _swap_perm(len(t.shape), a0, a1)
    if turns == 1:
        return K.shape.transpose(K.shape.flip(t, (a1,)), perm)
    return K.shape.flip(K.shape.transpose(t, perm), (a1,))


# --- repetition -------------------------------------------------------------------------------


def _tile_plan(ndim: int, repeats: Any) -> tuple[int, ...]:
    """Return `repeats` as one non-negative count per output axis (leading 1s added)."""
    reps = _int_tuple(repeats, "tile", "repeats")
    if any(r < 0 for r in reps):
        raise ValueError(f"tile: `repeats` must be non-negative. Received: repeats={repeats!r}")
    return (1,) * (ndim - len(reps)) + reps


def _tiled(shape: Shape, repeats: Any) -> Shape:
    reps = _tile_plan(len(shape), repeats)
    padded = (1,) * (len(reps) - len(shape)) + tuple(shape)
    return tuple(None if d is None else d * r for d, r in zip(padded, reps, strict=True))


@op(lambda x, repeats: Spec(_tiled(as_spec(x).shape, repeats), as_spec(x).dtype))
def tile(x: ArrayLike, repeats: int | Sequence[int]) -> Tensor:
    """Repeat the whole of `x` `repeats` times along each axis.

    Args:
        x: Input tensor.
        repeats: The number of copies along each axis (an int for the last
            axis, or one per axis; a longer sequence adds leading axes).

    Returns:
        The tiled tensor, with `x`'s dtype.

    Raises:
        ValueError: If a count is negative.

    Example:

    >>> keras.ops.tile(np.array([1, 2], dtype="int32"), 2)
    array([1, 2, 1, 2], dtype=int32)
    """
    t = convert(x)
    return K.shape.tile(t, _tile_plan(len(t.shape), repeats))


def _repeat_counts(repeats: Any) -> int | tuple[int, ...] | None:
    """Return `repeats` as an int or a tuple of ints; `None` for a symbolic tensor."""
    if isinstance(repeats, Spec):
        return None
    if is_int(repeats):
        counts: int | tuple[int, ...] = int(repeats)
    else:
        values = to_numpy(repeats) if not isinstance(repeats, (list, tuple)) else np.asarray(repeats)
        if values.dtype.kind not in "iu" and values.size:
            raise TypeError(f"repeat: `repeats` must hold integers. Received: repeats={repeats!r}")
        flat = tuple(int(v) for v in values.reshape(-1))
        counts = flat[0] if values.ndim == 0 else flat
    if min((counts,) if isinstance(counts, int) else counts, default=0) < 0:
        raise ValueError(f"repeat: `repeats` must be non-negative. Received: repeats={repeats!r}")
    return counts


def _repeated(shape: Shape, counts: int | tuple[int, ...] | None, axis: int | None) -> Shape:
    if axis is None:
        shape, a = _raveled(shape), 0
    else:
        a = canonical_axis(axis, len(shape), "repeat")
    length = shape[a]
    if isinstance(counts, tuple) and len(counts) == 1:
        counts = counts[0]
    if isinstance(counts, tuple):
        if length is not None and len(counts) != length:
            raise ValueError(
                f"repeat: `repeats` must hold one count, or one per entry along the axis ({length}). "
                f"Received: {len(counts)} counts"
            )
        return _with_dim(shape, a, sum(counts))
    return _with_dim(shape, a, None if counts is None or length is None else length * counts)


def _repeat_rule(x: Any, repeats: Any, axis: int | None = None) -> Spec:
    spec = as_spec(x)
    return Spec(_repeated(spec.shape, _repeat_counts(repeats), axis), spec.dtype)


@op(_repeat_rule)
def repeat(x: ArrayLike, repeats: int | Sequence[int] | ArrayLike, axis: int | None = None) -> Tensor:
    """Repeat each entry of `x` in place, `repeats` times.

    Args:
        x: Input tensor.
        repeats: The number of copies of each entry: an int, or one count per
            entry along `axis` (a sequence or an integer tensor).
        axis: The axis to repeat along. `None` flattens `x` first.

    Returns:
        A tensor with `x`'s dtype (1-D when `axis` is `None`).

    Raises:
        ValueError: If a count is negative, or there are neither one nor one
            per entry, or `axis` is out of bounds.

    Example:

    >>> keras.ops.repeat(np.array([[1, 2], [3, 4]], dtype="int32"), [1, 2], axis=0)
    array([[1, 2],
           [3, 4],
           [3, 4]], dtype=int32)
    """
    t = convert(x)
    counts = _repeat_counts(repeats)
    if axis is None:
        t = K.shape.reshape(t, (-1,))
    a = 0 if axis is None else axis
    _repeated(_shape(t), counts, a)
    if isinstance(counts, tuple) and len(counts) == 1:
        counts = counts[0]
    assert counts is not None  # only a symbolic `repeats` has no counts
    return K.shape.repeat(t, counts, canonical_axis(a, len(t.shape), "repeat"))


# --- padding ----------------------------------------------------------------------------------

_PAD_MODES = (
    "constant",
    "edge",
    "linear_ramp",
    "maximum",
    "mean",
    "median",
    "minimum",
    "reflect",
    "symmetric",
    "wrap",
    "empty",
    "circular",
)
# Modes that are another mode by a different name; "empty" leaves values unspecified: we write 0.
_PAD_ALIASES = {"circular": "wrap", "empty": "constant"}


def _pad_plan(
    shape: Shape, pad_width: Any, mode: str, constant_values: Any
) -> tuple[tuple[tuple[int, int], ...], str]:
    """Return one `(before, after)` pair per axis and the kernel's mode, after every check."""
    if mode not in _PAD_MODES:
        raise ValueError(f"pad: `mode` must be one of {', '.join(_PAD_MODES)}. Received: mode={mode!r}")
    if constant_values is not None and mode != "constant":
        raise ValueError(
            f"pad: `constant_values` can only be given when `mode` is 'constant'. Received: mode={mode!r}"
        )
    try:
        widths = np.broadcast_to(np.asarray(pad_width, dtype=object), (len(shape), 2))
        pairs = tuple((int(b), int(a)) for b, a in widths.tolist() if is_int(b) and is_int(a))
    except (ValueError, TypeError):
        pairs = ()
    if len(pairs) != len(shape) or any(w < 0 for pair in pairs for w in pair):
        raise ValueError(
            "pad: `pad_width` must be an int, a `(before, after)` pair, or one pair per axis "
            f"({len(shape)}), with non-negative widths. Received: pad_width={pad_width!r}"
        )
    kernel_mode = _PAD_ALIASES.get(mode, mode)
    if kernel_mode != "constant":
        for d, (before, after) in zip(shape, pairs, strict=True):
            if d == 0 and before + after:
                raise ValueError(
                    f"pad: an empty axis cannot be padded in mode {mode!r}; only 'constant' can."
                )
    return pairs, kernel_mode


def _pad_rule(x: Any, pad_width: Any, mode: str = "constant", constant_values: Any = None) -> Spec:
    spec = as_spec(x)
    pairs, _ = _pad_plan(spec.shape, pad_width, mode, constant_values)
    shape = tuple(None if d is None else d + b + a for d, (b, a) in zip(spec.shape, pairs, strict=True))
    return Spec(shape, spec.dtype)


@op(_pad_rule)
def pad(x: ArrayLike, pad_width: Any, mode: str = "constant", constant_values: Any = None) -> Tensor:
    """Pad `x` along each axis, like `numpy.pad`, on every backend.

    Args:
        x: Input tensor.
        pad_width: The number of entries added before and after each axis: an
            int (the same everywhere), a `(before, after)` pair for every axis,
            or one pair per axis.
        mode: One of `"constant"`, `"edge"`, `"linear_ramp"` (towards 0),
            `"maximum"`, `"mean"`, `"median"`, `"minimum"` (statistics of the
            whole axis; rounded for integers), `"reflect"`, `"symmetric"`,
            `"wrap"` (alias `"circular"`), or `"empty"` (unspecified values;
            here zeros).
        constant_values: The fill value for `"constant"` (default 0), cast to
            `x`'s dtype.

    Returns:
        The padded tensor, with `x`'s dtype.

    Raises:
        ValueError: If `mode` is unknown, `constant_values` is given with another
            mode, `pad_width` does not fit `x`'s rank or is negative, or an empty
            axis is padded in a mode that reads its entries.

    Example:

    >>> keras.ops.pad(np.array([1, 2, 3], dtype="int32"), (1, 2), mode="reflect")
    array([2, 1, 2, 3, 2, 1], dtype=int32)
    """
    t = convert(x)
    pairs, kernel_mode = _pad_plan(_shape(t), pad_width, mode, constant_values)
    if kernel_mode != "constant":
        return K.shape.pad(t, pairs, kernel_mode, None)
    constant = convert(0 if constant_values is None else constant_values, K.core.dtype_of(t))
    if len(constant.shape) != 0:
        raise ValueError(
            f"pad: `constant_values` must be a scalar. Received: constant_values={constant_values!r}"
        )
    return K.shape.pad(t, pairs, "constant", constant)


# --- queries, grids and bit views -----------------------------------------------------------------


@op(lambda x: Spec((), "int32"))
def ndim(x: ArrayLike) -> int:
    """Return the number of dimensions (the rank) of `x`.

    Args:
        x: Input tensor.

    Returns:
        A Python int (a scalar int32 `KerasTensor` for a symbolic input).

    Example:

    >>> keras.ops.ndim(np.zeros((2, 3)))
    2
    """
    return len(convert(x).shape)


@op(lambda x: Spec((), "int32"))
def size(x: ArrayLike) -> int:
    """Return the number of entries in `x`.

    Args:
        x: Input tensor.

    Returns:
        A Python int (a scalar int32 `KerasTensor` for a symbolic input).

    Example:

    >>> keras.ops.size(np.zeros((2, 3)))
    6
    """
    dims: tuple[Any, ...] = K.core.shape_of(convert(x))  # dynamic dimensions while tracing
    return math.prod(dims)


def _grid_shape(shapes: Sequence[Shape], indexing: str) -> Shape:
    if indexing not in ("xy", "ij"):
        raise ValueError(f"meshgrid: `indexing` must be 'xy' or 'ij'. Received: indexing={indexing!r}")
    if any(len(s) != 1 for s in shapes):
        raise ValueError(f"meshgrid: every input must be 1-D. Received shapes: {[tuple(s) for s in shapes]}")
    lengths = [s[0] for s in shapes]
    if indexing == "xy" and len(lengths) > 1:
        lengths[0], lengths[1] = lengths[1], lengths[0]
    return tuple(lengths)


def _meshgrid_rule(x: Any, indexing: str = "xy") -> list[Spec]:
    specs = [as_spec(v) for v in x]
    shape = _grid_shape([s.shape for s in specs], indexing)
    return [Spec(shape, s.dtype) for s in specs]


@op(_meshgrid_rule)
def meshgrid(*x: ArrayLike, indexing: str = "xy") -> list[Tensor]:
    """Return coordinate grids from 1-D coordinate vectors.

    Args:
        *x: 1-D tensors of coordinates, one per grid axis. Each keeps its dtype.
        indexing: `"xy"` (Cartesian: the first two output axes are swapped) or
            `"ij"` (matrix indexing: output axis `i` follows `x[i]`).

    Returns:
        A list of tensors, one per input, all of the grid's shape.

    Raises:
        ValueError: If `indexing` is unknown or an input is not 1-D.

    Example:

    >>> gx, gy = keras.ops.meshgrid(np.array([1, 2, 3]), np.array([4, 5]))
    >>> gx.tolist(), gy.tolist()
    ([[1, 2, 3], [1, 2, 3]], [[4, 4, 4], [5, 5, 5]])
    """
    tensors = [convert(v) for v in x]
    shape = _grid_shape([_shape(t) for t in tensors], indexing)
    outputs = []
    for i, t in enumerate(tensors):
        position = (1 - i if i < 2 else i) if indexing == "xy" and len(tensors) > 1 else i
        column = K.shape.reshape(t, tuple(-1 if j == position else 1 for j in range(len(shape))))
        outputs.append(K.shape.broadcast_to(column, tuple(int(d) for d in shape if d is not None)))
    return outputs


def _itemsize(dtype: str) -> int:
    if dtype == "bool":
        return 1
    match = re.search(r"\d+", dtype)
    assert match is not None, dtype
    return int(match.group()) // 8


def _viewed(shape: Shape, old: str, new: str) -> Shape:
    old_size, new_size = _itemsize(old), _itemsize(new)
    if old_size == new_size:
        return shape
    if not shape:
        raise ValueError(
            f"view: a scalar cannot be viewed as a dtype of another item size. Received: {old} as {new}"
        )
    last = shape[-1]
    if last is not None and (last * old_size) % new_size:
        raise ValueError(
            f"view: a tensor of shape {tuple(shape)} and dtype {old} cannot be viewed as {new}: "
            f"the last axis ({last * old_size} bytes) is not a multiple of {new_size} bytes."
        )
    return (*shape[:-1], None if last is None else last * old_size // new_size)


def _view_rule(x: Any, dtype: DTypeLike = None) -> Spec:
    spec = as_spec(x)
    new = spec.dtype if dtype is None else standardize_dtype(dtype)
    return Spec(_viewed(spec.shape, spec.dtype, new), new)


@op(_view_rule)
def view(x: ArrayLike, dtype: DTypeLike = None) -> Tensor:
    """Reinterpret the bytes of `x` as another dtype, without converting values.

    Args:
        x: Input tensor.
        dtype: The dtype to read the bytes as. When its item size differs from
            `x`'s, the last axis grows or shrinks to hold the same bytes.
            `None` keeps `x`'s dtype.

    Returns:
        A tensor of dtype `dtype` holding `x`'s bytes.

    Raises:
        ValueError: If the item sizes differ and `x` is a scalar or its last
            axis does not hold a whole number of new items.

    Example:

    >>> keras.ops.view(np.array([1.0], dtype="float32"), "int32")
    array([1065353216], dtype=int32)
    """
    t = convert(x)
    if dtype is None:
        return t
    old, new = K.core.dtype_of(t), standardize_dtype(dtype)
    _viewed(_shape(t), old, new)
    return K.shape.view(t, K.core.native_dtype(new))
