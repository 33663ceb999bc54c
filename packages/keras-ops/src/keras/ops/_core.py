"""Core ops: slices, scatters, saturating casts, unstacking, views and `rearrange`.

These are the state-like updates of `keras.ops` (`slice_update`, `scatter_update`), which
return new tensors instead of writing in place, and a few shape/dtype utilities.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import ml_dtypes
import numpy as np

from keras.backend._active import K
from keras.backend._dtypes import is_complex_dtype, is_float_dtype, is_int_dtype, standardize_dtype
from keras.ops._convert import convert, promote
from keras.ops._op import op
from keras.ops._rules import canonical_axis, shape_size
from keras.ops._spec import Spec, as_spec, spec_result_type
from keras.ops._typing import ArrayLike, DTypeLike, Shape, Tensor

__all__ = [
    "rearrange",
    "saturate_cast",
    "scatter",
    "scatter_update",
    "slice",
    "slice_update",
    "unstack",
    "view_as_complex",
    "view_as_real",
]

_REDUCTIONS = ("add", "max", "min", "mul")


def _dtype(t: Tensor) -> str:
    return K.core.dtype_of(t)


def _concrete(shape: Shape) -> tuple[int, ...]:
    """Return an eager shape as ints; a dimension unknown while tracing becomes -1 ("the rest")."""
    return tuple(-1 if d is None else d for d in shape)


def _compatible(a: Shape, b: Shape) -> bool:
    return len(a) == len(b) and all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


# --- slice, slice_update --------------------------------------------------------------------


def _static_starts(start_indices: Any) -> tuple[int, ...] | None:
    """Return the start indices as Python ints when they are known without running anything."""
    if isinstance(start_indices, np.ndarray):
        return tuple(int(v) for v in start_indices.reshape(-1))
    if isinstance(start_indices, (list, tuple)) and all(
        isinstance(s, (int, np.integer)) and not isinstance(s, bool) for s in start_indices
    ):
        return tuple(int(s) for s in start_indices)
    return None


def _start_count(start_indices: Any) -> int | None:
    if isinstance(start_indices, (list, tuple)):
        return len(start_indices)
    shape = as_spec(start_indices).shape
    return shape[0] if len(shape) == 1 else -1


def _window(
    op_name: str, input_shape: Shape, start_indices: Any, sizes: Sequence[int | None], name: str
) -> Shape:
    """Check that the window `sizes` at `start_indices` fits in `input_shape`; return its shape.

    A size of -1 (for `slice`) means "to the end of the axis" and needs static starts.
    """
    ndim = len(input_shape)
    count = _start_count(start_indices)
    if count is not None and count != ndim:
        raise ValueError(
            f"{op_name}: `start_indices` must have one entry per dimension of `inputs` ({ndim}). "
            f"Received: start_indices={start_indices!r}"
        )
    if len(sizes) != ndim:
        raise ValueError(
            f"{op_name}: `{name}` must have one entry per dimension of `inputs` ({ndim}). "
            f"Received: {name}={tuple(sizes)!r}, inputs.shape={input_shape}"
        )
    starts = _static_starts(start_indices)
    result: list[int | None] = []
    for axis, dim in enumerate(input_shape):
        size: Any = sizes[axis]
        if size is not None and (not isinstance(size, (int, np.integer)) or size < -1):
            raise ValueError(
                f"{op_name}: `{name}` must hold non-negative integers. Received: {name}={tuple(sizes)!r}"
            )
        start = None if starts is None else starts[axis]
        if size == -1:
            if start is None:
                raise ValueError(f"{op_name}: a size of -1 in `{name}` needs static `start_indices`.")
            size = None if dim is None else dim - start
        if start is not None and (start < 0 or (dim is not None and size is not None and start + size > dim)):
            raise ValueError(
                f"{op_name}: a window of shape {tuple(sizes)} starting at {starts} does not fit in "
                f"`inputs` of shape {input_shape}. Received: start_indices={start_indices!r}"
            )
        result.append(None if size is None else int(size))
    return tuple(result)


def _starts_for_kernel(op_name: str, start_indices: Any) -> Any:
    static = _static_starts(start_indices)
    if static is not None:
        return static
    if isinstance(start_indices, (list, tuple)):
        return tuple(start_indices)
    t = convert(start_indices)
    if not is_int_dtype(_dtype(t)):
        raise ValueError(
            f"{op_name}: `start_indices` must be integers. Received: start_indices.dtype={_dtype(t)}"
        )
    return t


def _slice_rule(inputs: Any, start_indices: Any, shape: Any) -> Spec:
    spec = as_spec(inputs)
    return Spec(_window("slice", spec.shape, start_indices, tuple(shape), "shape"), spec_result_type(spec))


@op(_slice_rule)
def slice(inputs: ArrayLike, start_indices: Any, shape: Sequence[int]) -> Tensor:
    """Return the window of `inputs` of size `shape` that starts at `start_indices`.

    Args:
        inputs: Input tensor.
        start_indices: The first index of the window along each axis: a list of ints, or
            an integer tensor (which may be traced, e.g. inside `fori_loop`).
        shape: The size of the window along each axis; -1 takes the rest of the axis
            (with static `start_indices` only).

    Returns:
        A tensor of `inputs`' dtype and shape `shape`.

    Raises:
        ValueError: If `start_indices` or `shape` do not have one entry per axis, or if
            (static) start indices put the window outside `inputs`.

    Example:

    >>> x = np.arange(12, dtype="int32").reshape(3, 4)
    >>> keras.ops.slice(x, (1, 1), (2, 2))
    array([[ 5,  6],
           [ 9, 10]], dtype=int32)
    """
    (x,) = promote(inputs)
    sizes = _window("slice", K.core.shape_of(x), start_indices, tuple(shape), "shape")
    return K.control_flow.slice(x, _starts_for_kernel("slice", start_indices), _concrete(sizes))


def _slice_update_rule(inputs: Any, start_indices: Any, updates: Any) -> Spec:
    spec, update = as_spec(inputs), as_spec(updates)
    _window("slice_update", spec.shape, start_indices, update.shape, "updates.shape")
    return Spec(spec.shape, spec_result_type(spec))


@op(_slice_update_rule)
def slice_update(inputs: ArrayLike, start_indices: Any, updates: ArrayLike) -> Tensor:
    """Return a copy of `inputs` with the window at `start_indices` replaced by `updates`.

    Args:
        inputs: Input tensor.
        start_indices: The first index of the window along each axis: a list of ints, or
            an integer tensor.
        updates: The new values; its rank is `inputs`' and its shape is the window's. It
            is cast to `inputs`' dtype.

    Returns:
        A tensor of `inputs`' shape and dtype.

    Raises:
        ValueError: If the ranks differ, or if (static) start indices put the window
            outside `inputs`.

    Example:

    >>> keras.ops.slice_update(np.zeros((2, 3), dtype="int32"), (0, 1), np.ones((2, 2), dtype="int32"))
    array([[0, 1, 1],
           [0, 1, 1]], dtype=int32)
    """
    (x,) = promote(inputs)
    update = convert(updates, _dtype(x))
    _window("slice_update", K.core.shape_of(x), start_indices, K.core.shape_of(update), "updates.shape")
    return K.control_flow.slice_update(x, _starts_for_kernel("slice_update", start_indices), update)


# --- scatter, scatter_update ----------------------------------------------------------------


def _index_tensor(op_name: str, indices: Any) -> Tensor:
    t = convert(indices)
    dtype = _dtype(t)
    if dtype in ("int32", "int64"):
        return t
    if not is_int_dtype(dtype):
        raise ValueError(f"{op_name}: `indices` must be integers. Received: indices.dtype={dtype}")
    return convert(t, "int64" if dtype in ("uint32", "uint64") else "int32")


def _check_scatter(op_name: str, indices: Spec, target: Shape, updates: Spec, name: str) -> None:
    """Check that `updates` has the shape `indices.shape[:-1] + target[k:]`, k = indices.shape[-1]."""
    if indices.ndim == 0 or indices.shape[-1] is None or indices.shape[-1] > len(target):
        raise ValueError(
            f"{op_name}: `indices` must have shape (..., k) with k <= {len(target)}, the rank of the "
            f"output. Received: indices.shape={indices.shape}"
        )
    expected = indices.shape[:-1] + target[indices.shape[-1] :]
    if not _compatible(updates.shape, expected):
        raise ValueError(
            f"{op_name}: `{name}` must have shape indices.shape[:-1] + shape[k:] = {expected} "
            f"(k = indices.shape[-1] = {indices.shape[-1]}). Received: {name}.shape={updates.shape}"
        )


def _check_shape(op_name: str, shape: Any) -> tuple[int, ...]:
    if not isinstance(shape, Sequence) or not all(
        isinstance(d, (int, np.integer)) and not isinstance(d, bool) and d >= 0 for d in shape
    ):
        raise ValueError(
            f"{op_name}: `shape` must be a tuple of non-negative ints. Received: shape={shape!r}"
        )
    return tuple(int(d) for d in shape)


def _no_bool(op_name: str, dtype: str, what: str) -> None:
    if dtype == "bool":
        raise TypeError(f"{op_name}: {what} cannot be bool: booleans cannot be summed. Use an integer dtype.")


def _scatter_rule(indices: Any, values: Any, shape: Any) -> Spec:
    target = _check_shape("scatter", shape)
    spec = as_spec(values)
    dtype = spec_result_type(spec)
    _no_bool("scatter", dtype, "`values`")
    _check_scatter("scatter", as_spec(indices), target, spec, "values")
    return Spec(target, dtype)


@op(_scatter_rule)
def scatter(indices: ArrayLike, values: ArrayLike, shape: Sequence[int]) -> Tensor:
    """Return a zero tensor of `shape` with `values` added at `indices`.

    Args:
        indices: Integer tensor of shape `(..., k)`: each row is the index of a slice of
            the output (its first `k` coordinates). Negative indices count from the end.
        values: Tensor of shape `indices.shape[:-1] + shape[k:]`. Values at repeated
            indices are summed.
        shape: The shape of the output (a tuple of ints).

    Returns:
        A tensor of `shape` with `values`' dtype.

    Raises:
        ValueError: If `indices` is not integer or its last dimension exceeds the rank of
            `shape`, or if `values` has the wrong shape.
        TypeError: If `values` is boolean.

    Example:

    >>> keras.ops.scatter(np.array([[0], [2], [0]]), np.array([1.0, 2.0, 3.0], dtype="float32"), (4,))
    array([4., 0., 2., 0.], dtype=float32)
    """
    target = _check_shape("scatter", shape)
    index = _index_tensor("scatter", indices)
    (value,) = promote(values)
    _no_bool("scatter", _dtype(value), "`values`")
    _check_scatter("scatter", as_spec(index), target, as_spec(value), "values")
    return K.control_flow.scatter(index, value, target)


def _check_reduction(reduction: Any) -> str | None:
    if reduction is None:
        return None
    name = reduction.lower() if isinstance(reduction, str) else reduction
    if name not in _REDUCTIONS:
        raise ValueError(
            "scatter_update: `reduction` must be None, 'add', 'max', 'min' or 'mul'. "
            f"Received: reduction={reduction!r}"
        )
    result: str = name
    return result


def _scatter_update_rule(inputs: Any, indices: Any, updates: Any, reduction: Any = None) -> Spec:
    spec = as_spec(inputs)
    dtype = spec_result_type(spec)
    if _check_reduction(reduction) is not None:
        _no_bool("scatter_update", dtype, "`inputs` with a `reduction`")
    _check_scatter("scatter_update", as_spec(indices), spec.shape, as_spec(updates), "updates")
    return Spec(spec.shape, dtype)


@op(_scatter_update_rule)
def scatter_update(
    inputs: ArrayLike, indices: ArrayLike, updates: ArrayLike, reduction: str | None = None
) -> Tensor:
    """Return a copy of `inputs` with `updates` written (or reduced) at `indices`.

    Args:
        inputs: Input tensor.
        indices: Integer tensor of shape `(..., k)`: each row indexes a slice of `inputs`
            (its first `k` coordinates). Negative indices count from the end.
        updates: Tensor of shape `indices.shape[:-1] + inputs.shape[k:]`, cast to
            `inputs`' dtype.
        reduction: `None` to overwrite (with repeated indices, which write wins is
            unspecified), or `"add"`, `"max"`, `"min"`, `"mul"` to combine the current
            value with every update at that index (case-insensitive).

    Returns:
        A tensor of `inputs`' shape and dtype.

    Raises:
        ValueError: For an unknown `reduction`, non-integer `indices` or mis-shaped
            `updates`.
        TypeError: For a `reduction` on boolean `inputs`.

    Example:

    >>> x = np.ones(4, dtype="float32")
    >>> keras.ops.scatter_update(x, [[1], [1]], np.array([2.0, 3.0], dtype="float32"), reduction="add")
    array([1., 6., 1., 1.], dtype=float32)
    """
    name = _check_reduction(reduction)
    (x,) = promote(inputs)
    if name is not None:
        _no_bool("scatter_update", _dtype(x), "`inputs` with a `reduction`")
    index = _index_tensor("scatter_update", indices)
    update = convert(updates, _dtype(x))
    _check_scatter("scatter_update", as_spec(index), K.core.shape_of(x), as_spec(update), "updates")
    return K.control_flow.scatter_update(x, index, update, name)


# --- saturate_cast --------------------------------------------------------------------------


def _range(dtype: str) -> tuple[int | float, int | float]:
    if dtype == "bool":
        return 0, 1
    if is_int_dtype(dtype):
        info = np.iinfo(dtype)
        return int(info.min), int(info.max)
    finfo = ml_dtypes.finfo(getattr(ml_dtypes, dtype, None) or np.dtype(dtype))  # type: ignore[no-untyped-call]
    return float(finfo.min), float(finfo.max)


def _representable(value: int | float, dtype: str, toward: int) -> float:
    """Return the `dtype` value nearest to `value` on the side of `toward` (+1 up, -1 down)."""
    native = np.dtype(getattr(ml_dtypes, dtype, None) or dtype).type
    candidate = native(value)
    limit = native(math.inf if toward > 0 else -math.inf)
    while (float(candidate) < value) if toward > 0 else (float(candidate) > value):
        candidate = np.nextafter(candidate, limit)
    return float(candidate)


def _saturation(in_dtype: str, out_dtype: str) -> tuple[int | float | None, int | float | None, bool]:
    """Return the clip limits (exact in `in_dtype`, or None for no clip) and the NaN rule."""
    if in_dtype == "bool":
        return None, None, False
    in_low, in_high = _range(in_dtype)
    out_low, out_high = _range(out_dtype)
    low, high = max(in_low, out_low), min(in_high, out_high)
    if low == in_low and high == in_high:
        return None, None, False
    if is_float_dtype(in_dtype):
        low, high = _representable(low, in_dtype, +1), _representable(high, in_dtype, -1)
        return low, high, not is_float_dtype(out_dtype)
    return int(low), int(high), False


def _saturate_cast_rule(x: Any, dtype: Any) -> Spec:
    spec = as_spec(x)
    return Spec(spec.shape, standardize_dtype(dtype))


@op(_saturate_cast_rule)
def saturate_cast(x: ArrayLike, dtype: DTypeLike) -> Tensor:
    """Cast `x` to `dtype`, clipping values to the range `dtype` can hold.

    Plain casts wrap around or overflow (300 cast to uint8 is 44); this one saturates
    (300 becomes 255). Floats cast to integers are truncated after clipping, and NaN
    becomes 0.

    Args:
        x: Input tensor (real: complex inputs are not supported).
        dtype: The target dtype.

    Returns:
        A tensor of `dtype` with the shape of `x`.

    Raises:
        ValueError: For complex inputs or targets.

    Example:

    >>> keras.ops.saturate_cast(np.array([-5.0, 3.7, 300.0], dtype="float32"), "uint8")
    array([  0,   3, 255], dtype=uint8)
    """
    (t,) = promote(x)
    target = standardize_dtype(dtype)
    source = _dtype(t)
    if is_complex_dtype(source) or is_complex_dtype(target):
        raise ValueError(
            f"saturate_cast: complex dtypes are not supported. Received: x.dtype={source}, dtype={target}"
        )
    low, high, nan_to_zero = _saturation(source, target)
    return K.control_flow.saturate_cast(t, low, high, target, nan_to_zero)


# --- unstack --------------------------------------------------------------------------------


def _unstack_count(shape: Shape, num: Any, axis: int) -> tuple[int, int]:
    axis = canonical_axis(axis, len(shape), "unstack")
    dim = shape[axis]
    if num is not None and (not isinstance(num, int) or num < 0 or (dim is not None and num != dim)):
        raise ValueError(f"unstack: `num` must equal x.shape[{axis}] = {dim}. Received: num={num!r}")
    count = dim if dim is not None else num
    if count is None:
        raise ValueError(
            f"unstack: cannot infer the number of outputs from x.shape={shape} along axis {axis}: pass `num`."
        )
    return count, axis


def _unstack_rule(x: Any, num: Any = None, axis: Any = 0) -> list[Spec]:
    spec = as_spec(x)
    count, axis = _unstack_count(spec.shape, num, axis)
    return [Spec(spec.shape[:axis] + spec.shape[axis + 1 :], spec_result_type(spec)) for _ in range(count)]


@op(_unstack_rule)
def unstack(x: ArrayLike, num: int | None = None, axis: int = 0) -> list[Tensor]:
    """Split `x` along `axis` into a list of tensors of one rank lower.

    Args:
        x: Input tensor.
        num: The number of outputs; needed only when `x.shape[axis]` is unknown.
        axis: The axis to split along.

    Returns:
        A list of `x.shape[axis]` tensors of `x`'s dtype.

    Raises:
        ValueError: If `axis` is out of bounds, or `num` disagrees with `x.shape[axis]`.

    Example:

    >>> keras.ops.unstack(np.array([[1, 2], [3, 4]], dtype="int32"), axis=1)
    [array([1, 3], dtype=int32), array([2, 4], dtype=int32)]
    """
    (t,) = promote(x)
    count, axis = _unstack_count(K.core.shape_of(t), num, axis)
    return K.control_flow.unstack(t, count, axis)


# --- view_as_complex, view_as_real ----------------------------------------------------------


def _view_as_complex_rule(x: Any) -> Spec:
    spec = as_spec(x)
    _check_pairs(spec.shape)
    return Spec(spec.shape[:-1], "complex64")


def _check_pairs(shape: Shape) -> None:
    if not shape or shape[-1] not in (2, None):
        raise ValueError(
            f"view_as_complex: the last dimension of `x` must be 2 (real and imaginary parts). "
            f"Received: x.shape={shape}"
        )


@op(_view_as_complex_rule)
def view_as_complex(x: ArrayLike) -> Tensor:
    """Return the complex64 tensor with real parts `x[..., 0]` and imaginary parts `x[..., 1]`.

    Args:
        x: A real tensor whose last dimension is 2; it is cast to float32.

    Returns:
        A complex64 tensor of shape `x.shape[:-1]`.

    Raises:
        ValueError: If the last dimension of `x` is not 2.

    Example:

    >>> keras.ops.view_as_complex(np.array([[1.0, 2.0], [3.0, -1.0]], dtype="float32"))
    array([1.+2.j, 3.-1.j], dtype=complex64)
    """
    (t,) = promote(x)
    _check_pairs(K.core.shape_of(t))
    return K.control_flow.view_as_complex(convert(t, "float32"))


def _real_dtype(dtype: str) -> str:
    return {"complex64": "float32", "complex128": "float64"}.get(dtype, dtype)


def _view_as_real_rule(x: Any) -> Spec:
    spec = as_spec(x)
    return Spec((*spec.shape, 2), _real_dtype(spec_result_type(spec)))


@op(_view_as_real_rule)
def view_as_real(x: ArrayLike) -> Tensor:
    """Return the real and imaginary parts of `x` stacked along a new last axis.

    Args:
        x: Input tensor. Complex64 gives float32 parts; a real `x` gives itself and zeros.

    Returns:
        A tensor of shape `x.shape + (2,)`.

    Example:

    >>> keras.ops.view_as_real(np.array([1 + 2j, 3 - 1j], dtype="complex64"))
    array([[ 1.,  2.],
           [ 3., -1.]], dtype=float32)
    """
    (t,) = promote(x)
    return K.control_flow.view_as_real(t)


# --- rearrange ------------------------------------------------------------------------------

_TOKEN = re.compile(r"\.\.\.|\(|\)|[A-Za-z_][A-Za-z0-9_]*|\d+|\S")
_ELLIPSIS = "..."
Group = list[str]


def _parse_side(pattern: str, side: str) -> list[Group]:
    """Parse one side of a pattern into groups of axis names (`[]` is a unit axis)."""
    groups: list[Group] = []
    current: Group | None = None
    for token in _TOKEN.findall(side):
        if token == "(" and current is None:
            current = []
        elif token == ")" and current is not None:
            groups.append(current)
            current = None
        elif token == "1":
            if current is None:
                groups.append([])
        elif token == _ELLIPSIS and current is None:
            groups.append([token])
        elif token[0].isalpha() or token[0] == "_":
            if current is None:
                groups.append([token])
            else:
                current.append(token)
        else:
            raise ValueError(f"rearrange: unexpected {token!r} in `pattern`. Received: pattern={pattern!r}")
    if current is not None:
        raise ValueError(f"rearrange: unbalanced parentheses in `pattern`. Received: pattern={pattern!r}")
    names = [n for g in groups for n in g]
    if len(names) != len(set(names)):
        raise ValueError(
            f"rearrange: an axis appears twice on one side of `pattern`. Received: pattern={pattern!r}"
        )
    return groups


def _rearrange_plan(
    pattern: Any, shape: Shape, axes_lengths: dict[str, Any]
) -> tuple[Shape, tuple[int, ...], Shape]:
    """Return the decomposed shape, the permutation and the output shape of a rearrangement."""
    if not isinstance(pattern, str) or pattern.count("->") != 1:
        raise ValueError(f"rearrange: `pattern` must look like 'a b -> b a'. Received: pattern={pattern!r}")
    left_text, right_text = pattern.split("->")
    left, right = _parse_side(pattern, left_text), _parse_side(pattern, right_text)
    left_names = [n for g in left for n in g]
    right_names = [n for g in right for n in g]
    if set(left_names) != set(right_names):
        raise ValueError(
            "rearrange: both sides of `pattern` must name the same axes. Only on the left: "
            f"{sorted(set(left_names) - set(right_names))}, only on the right: "
            f"{sorted(set(right_names) - set(left_names))}. Received: pattern={pattern!r}"
        )
    unknown = sorted(set(axes_lengths) - set(left_names))
    if unknown:
        raise ValueError(f"rearrange: `axes_lengths` names axes not in the pattern: {unknown}.")
    has_ellipsis = [_ELLIPSIS] in left
    if len(left) - has_ellipsis > len(shape) or (not has_ellipsis and len(left) != len(shape)):
        raise ValueError(
            f"rearrange: the left side of `pattern` has {len(left)} axes but the input has rank "
            f"{len(shape)}. Received: pattern={pattern!r}, shape={shape}"
        )
    # Expand '...' into one name per dimension it covers.
    extra = [f"...{i}" for i in range(len(shape) - len(left) + 1)] if has_ellipsis else []
    left = [g2 for g in left for g2 in ([[e] for e in extra] if g == [_ELLIPSIS] else [g])]
    right = [g2 for g in right for g2 in ([[e] for e in extra] if g == [_ELLIPSIS] else [g])]
    sizes: dict[str, int | None] = {}
    for group, dim in zip(left, shape, strict=True):
        sizes.update(_group_sizes(pattern, group, dim, axes_lengths))
    elementary = [n for g in left for n in g]
    decomposed = tuple(sizes[n] for n in elementary)
    order = [n for g in right for n in g]
    permutation = tuple(elementary.index(n) for n in order)
    output = tuple(shape_size([sizes[n] for n in g]) for g in right)
    return decomposed, permutation, output


def _group_sizes(
    pattern: str, group: Group, dim: int | None, axes_lengths: dict[str, Any]
) -> dict[str, int | None]:
    known = {n: int(axes_lengths[n]) for n in group if n in axes_lengths}
    missing = [n for n in group if n not in known]
    if len(missing) > 1:
        raise ValueError(
            f"rearrange: cannot infer the lengths of {missing} in ({' '.join(group)}): pass all but one "
            f"in `axes_lengths`. Received: pattern={pattern!r}"
        )
    product = math.prod(known.values())
    sizes: dict[str, int | None] = dict(known)
    if missing:
        if dim is not None and (product == 0 or dim % product):
            raise ValueError(
                f"rearrange: the dimension {dim} cannot be split into ({' '.join(group)}) with "
                f"{known}. Received: pattern={pattern!r}"
            )
        sizes[missing[0]] = None if dim is None else dim // product
    elif dim is not None and product != dim:
        raise ValueError(
            f"rearrange: the dimension {dim} does not equal the product of ({' '.join(group)}) = "
            f"{product}. Received: pattern={pattern!r}"
        )
    return sizes


def _rearrange_rule(tensor: Any, pattern: Any, axes_lengths: dict[str, Any]) -> Spec:
    spec = as_spec(tensor)
    _, _, output = _rearrange_plan(pattern, spec.shape, axes_lengths)
    return Spec(output, spec_result_type(spec))


@op(_rearrange_rule)
def rearrange(tensor: ArrayLike, pattern: str, **axes_lengths: int) -> Tensor:
    """Reorder, merge and split the axes of `tensor` as an einops-style `pattern` says.

    The pattern names the input axes on the left of `->` and the output axes on the
    right. Parentheses group axes: on the right they merge into one axis, on the left
    they split one axis (give all but one of the lengths in `axes_lengths`). `...` stands
    for the axes not named, and `1` or `()` for an axis of length 1.

    Args:
        tensor: Input tensor.
        pattern: A string such as `"b h w c -> b (h w) c"` or `"(b1 b2) h -> b1 b2 h"`.
        **axes_lengths: The lengths of split axes, e.g. `b1=2`.

    Returns:
        A tensor of `tensor`'s dtype, rearranged.

    Raises:
        ValueError: If the pattern is malformed, names different axes on its two sides,
            does not match the rank of `tensor`, or splits an axis unevenly.

    Example:

    >>> x = np.arange(6, dtype="int32").reshape(2, 3)
    >>> keras.ops.rearrange(x, "a b -> b a")
    array([[0, 3],
           [1, 4],
           [2, 5]], dtype=int32)
    >>> keras.ops.rearrange(x, "a (b c) -> (a b) c", c=1).shape
    (6, 1)
    """
    (t,) = promote(tensor)
    decomposed, permutation, output = _rearrange_plan(pattern, K.core.shape_of(t), axes_lengths)
    return K.control_flow.rearrange(t, _concrete(decomposed), permutation, _concrete(output))
