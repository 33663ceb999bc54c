"""Linear-algebra-like ops: matrix and tensor products, contractions, traces, integrals."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import Any, Literal

from keras.backend._active import K
from keras.backend._dtypes import FLOAT_TYPES, INT_TYPES, float_result, result_type
from keras.ops._convert import convert, dtype_for_promotion, promotion_type
from keras.ops._op import op
from keras.ops._rules import broadcast_shapes, canonical_axis, dims_compatible
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Shape, Tensor

__all__ = [
    "correlate",
    "cross",
    "dot",
    "einsum",
    "inner",
    "kron",
    "matmul",
    "outer",
    "slogdet",
    "tensordot",
    "trace",
    "trapezoid",
    "vdot",
]

# Keras 3 sums small integers in 32 bits, as `sum` does.
_TRACE_DTYPES = {"bool": "int32", "int8": "int32", "int16": "int32", "uint8": "uint32", "uint16": "uint32"}


# --- dtypes -------------------------------------------------------------------------------


def _product_dtype(x1: Any, x2: Any) -> str:
    return result_type(promotion_type(x1), promotion_type(x2))


def _compute_dtype(dtype: str) -> str:
    """Products of bools are computed in int32 (not every backend multiplies bools)."""
    return "int32" if dtype == "bool" else dtype


def _finish(result: Tensor, dtype: str) -> Tensor:
    return convert(result, "bool") if dtype == "bool" else result


def _shapes(x1: Any, x2: Any) -> tuple[Shape, Shape]:
    return tuple(x1.shape), tuple(x2.shape)


# --- matmul and friends -------------------------------------------------------------------


def _matmul_shape(shape1: Shape, shape2: Shape) -> Shape:
    if not shape1 or not shape2:
        raise ValueError(
            f"matmul: inputs must have rank 1 or more. Received: x1.shape={shape1}, x2.shape={shape2}"
        )
    inner2 = shape2[-2] if len(shape2) > 1 else shape2[0]
    if not dims_compatible(shape1[-1], inner2):
        raise ValueError(
            f"matmul: the last axis of `x1` ({shape1[-1]}) must match the contracted axis of `x2` "
            f"({inner2}). Received: x1.shape={shape1}, x2.shape={shape2}"
        )
    try:
        batch = broadcast_shapes(shape1[:-2], shape2[:-2])
    except ValueError:
        raise ValueError(
            f"matmul: the batch axes of `x1` and `x2` do not broadcast. "
            f"Received: x1.shape={shape1}, x2.shape={shape2}"
        ) from None
    rows = shape1[-2:-1] if len(shape1) > 1 else ()
    cols = shape2[-1:] if len(shape2) > 1 else ()
    return (*batch, *rows, *cols)


def _matmul_dtype(x1: Any, x2: Any) -> str:
    d1, d2 = promotion_type(x1), promotion_type(x2)
    if d1 == "int8" and d2 == "int8":
        return "int32"
    return result_type(d1, d2)


@functools.cache
def _native_int8_and_bool() -> tuple[Any, ...]:
    """The active backend's int8 and bool dtypes: matmul changes the dtype of these two."""
    return K.core.native_dtype("int8"), K.core.native_dtype("bool")


def _matmul_rule(x1: Any, x2: Any) -> Spec:
    s1, s2 = as_spec(x1), as_spec(x2)
    return Spec(_matmul_shape(s1.shape, s2.shape), _matmul_dtype(x1, x2))


# bool matmul computes in int32 and casts back, so only numbers take the shortcut.
@op(_matmul_rule, fast="linear.matmul", fast_dtypes=frozenset(FLOAT_TYPES + INT_TYPES))
def matmul(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the matrix product of `x1` and `x2`, broadcasting batch axes.

    1-D inputs act as a row (for `x1`) or a column (for `x2`) vector, and that axis
    is dropped from the result.

    Args:
        x1: First input tensor, of rank 1 or more.
        x2: Second input tensor, of rank 1 or more.

    Returns:
        The product, of the promoted dtype; two int8 inputs give int32.

    Raises:
        ValueError: If an input is a scalar or the contracted axes differ.

    Example:

    >>> keras.ops.matmul(np.ones((2, 3), dtype="int8"), np.ones((3,), dtype="int8"))
    array([3, 3], dtype=int32)
    """
    tensor_types: Any = K.core.tensor_types
    if (
        isinstance(x1, tensor_types)
        and isinstance(x2, tensor_types)
        and x1.dtype == x2.dtype
        and x1.dtype not in _native_int8_and_bool()
    ):  # the hot path: native tensors of one dtype need no promotion
        a, b, dtype = x1, x2, ""
    else:
        dtype = _matmul_dtype(x1, x2)
        compute = "int32" if dtype == "bool" else dtype
        a, b = convert(x1, compute), convert(x2, compute)
    try:
        result = K.linear.matmul(a, b)
    except Exception:
        _matmul_shape(*_shapes(a, b))  # raises a clear ValueError when the shapes are the cause
        raise
    return convert(result, "bool") if dtype == "bool" else result


def _dot_shape(shape1: Shape, shape2: Shape) -> Shape:
    if not shape1 or not shape2:
        return broadcast_shapes(shape1, shape2)
    contracted = -2 if len(shape2) > 1 else 0
    if not dims_compatible(shape1[-1], shape2[contracted]):
        raise ValueError(
            f"dot: the last axis of `x1` ({shape1[-1]}) must match axis {contracted} of `x2` "
            f"({shape2[contracted]}). Received: x1.shape={shape1}, x2.shape={shape2}"
        )
    return (*shape1[:-1], *shape2[:-2], *shape2[-1:]) if len(shape2) > 1 else shape1[:-1]


def _vdot_shape(shape1: Shape, shape2: Shape) -> Shape:
    size1, size2 = _size(shape1), _size(shape2)
    if not dims_compatible(size1, size2):
        raise ValueError(
            f"vdot: `x1` and `x2` must have the same number of elements. "
            f"Received: x1.shape={shape1}, x2.shape={shape2}"
        )
    return ()


def _inner_shape(shape1: Shape, shape2: Shape) -> Shape:
    if not shape1 or not shape2:
        return broadcast_shapes(shape1, shape2)
    if not dims_compatible(shape1[-1], shape2[-1]):
        raise ValueError(
            f"inner: the last axes of `x1` and `x2` must match. Received: x1.shape={shape1}, x2.shape={shape2}"
        )
    return (*shape1[:-1], *shape2[:-1])


def _size(shape: Shape) -> int | None:
    return None if None in shape else math.prod(shape)  # type: ignore[arg-type]


def _outer_shape(shape1: Shape, shape2: Shape) -> Shape:
    return (_size(shape1), _size(shape2))


def _kron_shape(shape1: Shape, shape2: Shape) -> Shape:
    ndim = max(len(shape1), len(shape2))
    padded1 = (1,) * (ndim - len(shape1)) + shape1
    padded2 = (1,) * (ndim - len(shape2)) + shape2
    return tuple(None if a is None or b is None else a * b for a, b in zip(padded1, padded2, strict=True))


def _binary_rule(shape_of: Callable[[Shape, Shape], Shape]) -> Callable[..., Spec]:
    def rule(x1: Any, x2: Any) -> Spec:
        return Spec(shape_of(as_spec(x1).shape, as_spec(x2).shape), _product_dtype(x1, x2))

    return rule


def _binary_product(
    name: str, x1: ArrayLike, x2: ArrayLike, shape_of: Callable[[Shape, Shape], Shape]
) -> Tensor:
    """Promote, check shapes, call kernel `name`; bools go through int32."""
    dtype = _product_dtype(x1, x2)
    compute = _compute_dtype(dtype)
    a, b = convert(x1, compute), convert(x2, compute)
    shape_of(*_shapes(a, b))
    return _finish(getattr(K.linear, name)(a, b), dtype)


@op(_binary_rule(_dot_shape))
def dot(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the dot product of `x1` and `x2`, as numpy's `dot` defines it.

    Scalars multiply; a 1-D `x2` contracts with `x1`'s last axis; otherwise `x1`'s
    last axis contracts with `x2`'s second-to-last.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        The product, of the promoted dtype (int8 inputs stay int8).

    Raises:
        ValueError: If the contracted axes differ in size.

    Example:

    >>> keras.ops.dot(np.array([1.0, 2.0], dtype="float32"), np.array([3.0, 4.0], dtype="float32"))
    np.float32(11.0)
    """
    return _binary_product("dot", x1, x2, _dot_shape)


@op(_binary_rule(_vdot_shape))
def vdot(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the dot product of the flattened `x1` and `x2`.

    Args:
        x1: First input tensor.
        x2: Second input tensor, with as many elements as `x1`.

    Returns:
        A scalar tensor of the promoted dtype.

    Raises:
        ValueError: If the inputs differ in size.

    Example:

    >>> keras.ops.vdot(np.array([[1, 2]], dtype="int32"), np.array([3, 4], dtype="int32"))
    np.int32(11)
    """
    return _binary_product("vdot", x1, x2, _vdot_shape)


@op(_binary_rule(_inner_shape))
def inner(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the inner product of `x1` and `x2` over their last axes.

    Args:
        x1: First input tensor.
        x2: Second input tensor; a scalar operand multiplies instead.

    Returns:
        A tensor of shape `x1.shape[:-1] + x2.shape[:-1]`, of the promoted dtype.

    Raises:
        ValueError: If the last axes differ in size.

    Example:

    >>> keras.ops.inner(np.array([1, 2], dtype="int32"), np.array([3, 4], dtype="int32"))
    np.int32(11)
    """
    return _binary_product("inner", x1, x2, _inner_shape)


@op(_binary_rule(_outer_shape))
def outer(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the outer product of the flattened `x1` and `x2`.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        A tensor of shape `(x1.size, x2.size)`, of the promoted dtype.

    Example:

    >>> keras.ops.outer(np.array([1, 2], dtype="int32"), np.array([1, 10], dtype="int32"))
    array([[ 1, 10],
           [ 2, 20]], dtype=int32)
    """
    dtype = _product_dtype(x1, x2)
    return K.linear.outer(convert(x1, dtype), convert(x2, dtype))


@op(_binary_rule(_kron_shape))
def kron(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the Kronecker product of `x1` and `x2`.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        A tensor whose blocks are `x1`'s elements times `x2`, of the promoted dtype.

    Example:

    >>> keras.ops.kron(np.array([1, 2], dtype="int32"), np.array([1, 10], dtype="int32"))
    array([ 1, 10,  2, 20], dtype=int32)
    """
    return _binary_product("kron", x1, x2, _kron_shape)


# --- tensordot and einsum -----------------------------------------------------------------

AxesLike = int | Sequence[int | Sequence[int]]


def _tensordot_axes(axes: Any, shape1: Shape, shape2: Shape) -> tuple[tuple[int, ...], tuple[int, ...]]:
    ndim1, ndim2 = len(shape1), len(shape2)
    if isinstance(axes, int) and not isinstance(axes, bool):
        if not 0 <= axes <= min(ndim1, ndim2):
            raise ValueError(
                f"tensordot: `axes` must be between 0 and the smaller rank ({min(ndim1, ndim2)}). "
                f"Received: axes={axes}, x1.shape={shape1}, x2.shape={shape2}"
            )
        first, second = tuple(range(ndim1 - axes, ndim1)), tuple(range(axes))
    else:
        if not isinstance(axes, Sequence) or len(axes) != 2:
            raise ValueError(
                f"tensordot: `axes` must be an int or a pair of axis lists. Received: axes={axes!r}"
            )
        lists = [(a,) if isinstance(a, int) else tuple(a) for a in axes]
        first = tuple(canonical_axis(a, ndim1, "tensordot") for a in lists[0])
        second = tuple(canonical_axis(a, ndim2, "tensordot") for a in lists[1])
        if len(first) != len(second):
            raise ValueError(f"tensordot: both lists in `axes` must have one length. Received: axes={axes!r}")
    for a, b in zip(first, second, strict=True):
        if not dims_compatible(shape1[a], shape2[b]):
            raise ValueError(
                f"tensordot: axis {a} of `x1` ({shape1[a]}) does not match axis {b} of `x2` ({shape2[b]}). "
                f"Received: x1.shape={shape1}, x2.shape={shape2}"
            )
    return first, second


def _tensordot_rule(x1: Any, x2: Any, axes: Any = 2) -> Spec:
    s1, s2 = as_spec(x1), as_spec(x2)
    first, second = _tensordot_axes(axes, s1.shape, s2.shape)
    free1 = tuple(d for i, d in enumerate(s1.shape) if i not in first)
    free2 = tuple(d for i, d in enumerate(s2.shape) if i not in second)
    return Spec((*free1, *free2), _product_dtype(x1, x2))


@op(_tensordot_rule)
def tensordot(x1: ArrayLike, x2: ArrayLike, axes: AxesLike = 2) -> Tensor:
    """Contract `x1` and `x2` over the given axes.

    Args:
        x1: First input tensor.
        x2: Second input tensor.
        axes: An int `n` (the last `n` axes of `x1` with the first `n` of `x2`), or
            a pair of axis lists `(axes_of_x1, axes_of_x2)` of one length.

    Returns:
        A tensor of `x1`'s free axes then `x2`'s, of the promoted dtype.

    Raises:
        ValueError: If the axes are invalid or contracted sizes differ.

    Example:

    >>> x = np.ones((2, 3), dtype="float32")
    >>> keras.ops.tensordot(x, x, axes=([1], [1]))
    array([[3., 3.],
           [3., 3.]], dtype=float32)
    """
    dtype = _product_dtype(x1, x2)
    compute = _compute_dtype(dtype)
    a, b = convert(x1, compute), convert(x2, compute)
    pairs = _tensordot_axes(axes, *_shapes(a, b))
    return _finish(K.linear.tensordot(a, b, pairs), dtype)


def _einsum_shape(subscripts: str, shapes: Sequence[Shape]) -> Shape:
    """Return the output shape of `einsum(subscripts, ...)`, or raise naming the problem."""
    if not isinstance(subscripts, str):
        raise TypeError(f"einsum: `subscripts` must be a string. Received: subscripts={subscripts!r}")
    spec = subscripts.replace(" ", "")
    inputs, arrow, output = spec.partition("->")
    terms = inputs.split(",")
    if len(terms) != len(shapes):
        raise ValueError(
            f"einsum: `subscripts` names {len(terms)} operand(s) but {len(shapes)} were given. "
            f"Received: subscripts={subscripts!r}"
        )
    sizes: dict[str, int | None] = {}
    counts: dict[str, int] = {}
    ellipsis_shapes: list[Shape] = []
    for index, (term, shape) in enumerate(zip(terms, shapes, strict=True)):
        before, dots, after = term.partition("...")
        if "..." in after or "." in before + after:
            raise ValueError(f"einsum: invalid term {term!r} in subscripts={subscripts!r}")
        letters = before + after
        if len(letters) > len(shape) or (not dots and len(letters) != len(shape)):
            raise ValueError(
                f"einsum: term {term!r} does not match the rank of operand {index} "
                f"(shape {shape}). Received: subscripts={subscripts!r}"
            )
        middle = len(shape) - len(after)
        if dots:
            ellipsis_shapes.append(shape[len(before) : middle])
        for letter, size in zip(letters, shape[: len(before)] + shape[middle:], strict=True):
            if not letter.isalpha():
                raise ValueError(f"einsum: invalid subscript {letter!r} in subscripts={subscripts!r}")
            counts[letter] = counts.get(letter, 0) + 1
            known = sizes.get(letter)
            if known is not None and size is not None and known != size:
                raise ValueError(
                    f"einsum: subscript {letter!r} has size {known} and {size} in different operands. "
                    f"Received: subscripts={subscripts!r}"
                )
            sizes[letter] = size if known is None else known
    batch: Shape = ()
    for shape in ellipsis_shapes:
        batch = broadcast_shapes(batch, shape)
    if not arrow:
        output = ("..." if ellipsis_shapes else "") + "".join(sorted(c for c, n in counts.items() if n == 1))
    head, _, tail = output.partition("...")
    result: list[int | None] = []
    for letter in head:
        result.append(_einsum_size(letter, sizes, subscripts))
    if "..." in output:
        result.extend(batch)
    for letter in tail:
        result.append(_einsum_size(letter, sizes, subscripts))
    return tuple(result)


def _einsum_size(letter: str, sizes: dict[str, int | None], subscripts: str) -> int | None:
    if letter not in sizes:
        raise ValueError(
            f"einsum: output subscript {letter!r} does not appear in the inputs. Received: subscripts={subscripts!r}"
        )
    return sizes[letter]


def _einsum_dtype(operands: Sequence[Any]) -> str:
    types = [promotion_type(x) for x in operands]
    if types and all(t == "int8" for t in types):
        return "int32"
    return result_type(*types)


def _einsum_rule(subscripts: str, operands: tuple[Any, ...] = ()) -> Spec:
    specs = [as_spec(x) for x in operands]
    return Spec(_einsum_shape(subscripts, [s.shape for s in specs]), _einsum_dtype(operands))


@op(_einsum_rule)
def einsum(subscripts: str, *operands: ArrayLike, **kwargs: Any) -> Tensor:
    """Evaluate the Einstein summation `subscripts` over `operands`.

    Args:
        subscripts: Terms such as `"ij,jk->ik"`, with `...` for broadcast axes; with
            no `->`, the output holds the subscripts seen once, in alphabetical order.
        *operands: The input tensors, one per term.
        **kwargs: `optimize` is accepted and ignored (each backend picks its own
            contraction order).

    Returns:
        The result, of the promoted dtype; all-int8 operands give int32.

    Raises:
        ValueError: If the subscripts do not match the operands.
        TypeError: If an unknown keyword argument is given.

    Example:

    >>> keras.ops.einsum("ij->j", np.ones((2, 3), dtype="int8"))
    array([2, 2, 2], dtype=int32)
    """
    unknown = sorted(set(kwargs) - {"optimize"})
    if unknown:
        raise TypeError(f"einsum: unexpected keyword arguments {unknown}.")
    dtype = _einsum_dtype(operands)
    compute = _compute_dtype(dtype)
    tensors = [convert(x, compute) for x in operands]
    _einsum_shape(subscripts, [tuple(t.shape) for t in tensors])
    return _finish(K.linear.einsum(subscripts, *tensors), dtype)


# --- cross and trace ----------------------------------------------------------------------


def _cross_layout(
    shape1: Shape, shape2: Shape, axisa: int, axisb: int, axisc: int, axis: int | None
) -> tuple[int, int, int, Shape]:
    """Return the canonical vector axes of `x1`, `x2`, the result, and the result shape."""
    if axis is not None:
        axisa = axisb = axisc = axis
    if not shape1 or not shape2:
        raise ValueError(
            f"cross: inputs must have rank 1 or more. Received: x1.shape={shape1}, x2.shape={shape2}"
        )
    a = canonical_axis(axisa, len(shape1), "cross")
    b = canonical_axis(axisb, len(shape2), "cross")
    for name, shape, position in (("x1", shape1, a), ("x2", shape2, b)):
        if shape[position] not in (2, 3, None):
            raise ValueError(
                f"cross: the vector axis of `{name}` must have size 2 or 3. "
                f"Received: {name}.shape={shape}, vector axis {position}"
            )
    batch = broadcast_shapes(shape1[:a] + shape1[a + 1 :], shape2[:b] + shape2[b + 1 :])
    if shape1[a] == 2 and shape2[b] == 2:
        return a, b, 0, batch
    c = canonical_axis(axisc, len(batch) + 1, "cross")
    return a, b, c, (*batch[:c], 3, *batch[c:])


def _cross_rule(
    x1: Any, x2: Any, axisa: int = -1, axisb: int = -1, axisc: int = -1, axis: Any = None
) -> Spec:
    s1, s2 = as_spec(x1), as_spec(x2)
    dtype = _product_dtype(x1, x2)
    _check_not_bool(dtype, "cross")
    return Spec(_cross_layout(s1.shape, s2.shape, axisa, axisb, axisc, axis)[3], dtype)


def _check_not_bool(dtype: str, op_name: str) -> None:
    if dtype == "bool":
        raise TypeError(f"{op_name}: inputs must be numeric, not bool.")


@op(_cross_rule)
def cross(
    x1: ArrayLike, x2: ArrayLike, axisa: int = -1, axisb: int = -1, axisc: int = -1, axis: int | None = None
) -> Tensor:
    """Return the cross product of the 2- or 3-vectors in `x1` and `x2`.

    2-vectors have a zero third component; the product of two 2-vectors is the
    scalar z component.

    Args:
        x1: First input tensor; its vectors lie along `axisa`.
        x2: Second input tensor; its vectors lie along `axisb`.
        axisa: The vector axis of `x1`. Defaults to -1.
        axisb: The vector axis of `x2`. Defaults to -1.
        axisc: The vector axis of the result. Defaults to -1.
        axis: If given, overrides `axisa`, `axisb` and `axisc`.

    Returns:
        The cross products, the other axes broadcast, of the promoted dtype.

    Raises:
        ValueError: If a vector axis has a size other than 2 or 3.
        TypeError: If the inputs are bool.

    Example:

    >>> keras.ops.cross(np.array([1, 0, 0], dtype="int32"), np.array([0, 1, 0], dtype="int32"))
    array([0, 0, 1], dtype=int32)
    """
    dtype = _product_dtype(x1, x2)
    _check_not_bool(dtype, "cross")
    a, b = convert(x1, dtype), convert(x2, dtype)
    first, second, result_axis, _ = _cross_layout(*_shapes(a, b), axisa, axisb, axisc, axis)
    return K.linear.cross(a, b, first, second, result_axis)


def _trace_layout(shape: Shape, axis1: int, axis2: int) -> tuple[int, int, Shape]:
    if len(shape) < 2:
        raise ValueError(f"trace: `x` must have rank 2 or more. Received: x.shape={shape}")
    first = canonical_axis(axis1, len(shape), "trace")
    second = canonical_axis(axis2, len(shape), "trace")
    if first == second:
        raise ValueError(f"trace: `axis1` and `axis2` must differ. Received: axis1={axis1}, axis2={axis2}")
    return first, second, tuple(d for i, d in enumerate(shape) if i not in (first, second))


def _trace_rule(x: Any, offset: int = 0, axis1: int = 0, axis2: int = 1) -> Spec:
    spec = as_spec(x)
    return Spec(_trace_layout(spec.shape, axis1, axis2)[2], _TRACE_DTYPES.get(spec.dtype, spec.dtype))


@op(_trace_rule)
def trace(x: ArrayLike, offset: int = 0, axis1: int = 0, axis2: int = 1) -> Tensor:
    """Sum the diagonal at `offset` of the planes spanned by `axis1` and `axis2`.

    Args:
        x: Input tensor, of rank 2 or more.
        offset: The diagonal: 0 the main one, positive above it, negative below.
        axis1: First axis of the planes.
        axis2: Second axis of the planes.

    Returns:
        The sums, with `axis1` and `axis2` removed. bool, int8 and int16 sum to
        int32; uint8 and uint16 to uint32.

    Raises:
        ValueError: If `x` has rank below 2, or the axes are equal or out of range.

    Example:

    >>> keras.ops.trace(np.arange(9, dtype="int8").reshape(3, 3))
    np.int32(12)
    """
    dtype = dtype_for_promotion(x)
    t = convert(x, _TRACE_DTYPES.get(dtype, dtype))
    first, second, _ = _trace_layout(tuple(t.shape), axis1, axis2)
    return K.linear.trace(t, int(offset), first, second)


# --- correlate, slogdet, trapezoid --------------------------------------------------------

_MODES = ("valid", "same", "full")


def _correlate_length(n: int | None, m: int | None, mode: str) -> int | None:
    if n is None or m is None:
        return None
    return {"valid": abs(n - m) + 1, "same": max(n, m), "full": n + m - 1}[mode]


def _correlate_layout(shape1: Shape, shape2: Shape, mode: str) -> Shape:
    if mode not in _MODES:
        raise ValueError(f"correlate: `mode` must be one of {_MODES}. Received: mode={mode!r}")
    if len(shape1) != 1 or len(shape2) != 1:
        raise ValueError(f"correlate: inputs must be 1-D. Received: x1.shape={shape1}, x2.shape={shape2}")
    if 0 in (shape1[0], shape2[0]):
        raise ValueError(
            f"correlate: inputs must not be empty. Received: x1.shape={shape1}, x2.shape={shape2}"
        )
    return (_correlate_length(shape1[0], shape2[0], mode),)


def _correlate_rule(x1: Any, x2: Any, mode: str = "valid") -> Spec:
    s1, s2 = as_spec(x1), as_spec(x2)
    return Spec(_correlate_layout(s1.shape, s2.shape, mode), float_result(_product_dtype(x1, x2)))


@op(_correlate_rule)
def correlate(x1: ArrayLike, x2: ArrayLike, mode: Literal["valid", "same", "full"] = "valid") -> Tensor:
    """Return the cross-correlation of two 1-D tensors, as numpy's `correlate`.

    Args:
        x1: First 1-D input tensor.
        x2: Second 1-D input tensor.
        mode: `"valid"` (only full overlaps), `"same"` (length `max(len(x1),
            len(x2))`) or `"full"` (every overlap). Defaults to `"valid"`.

    Returns:
        A 1-D float tensor; integer inputs give `floatx()`.

    Raises:
        ValueError: If the inputs are not 1-D or empty, or `mode` is unknown.

    Example:

    >>> keras.ops.correlate(np.array([1, 2, 3], dtype="int32"), np.array([0, 1], dtype="int32"))
    array([2., 3.], dtype=float32)
    """
    dtype = float_result(_product_dtype(x1, x2))
    a, b = convert(x1, dtype), convert(x2, dtype)
    _correlate_layout(*_shapes(a, b), mode)
    return K.linear.correlate(a, b, mode)


def _slogdet_layout(shape: Shape) -> Shape:
    if len(shape) < 2 or not dims_compatible(shape[-1], shape[-2]):
        raise ValueError(f"slogdet: `x` must be a (batch of) square matrices. Received: x.shape={shape}")
    return shape[:-2]


def _slogdet_rule(x: Any) -> tuple[Spec, Spec]:
    spec = as_spec(x)
    batch = Spec(_slogdet_layout(spec.shape), float_result(spec.dtype))
    return batch, batch


@op(_slogdet_rule)
def slogdet(x: ArrayLike) -> tuple[Tensor, Tensor]:
    """Return the sign and the log of the absolute value of the determinant of `x`.

    Args:
        x: A square matrix, or a batch of them in the last two axes.

    Returns:
        A tuple `(sign, logabsdet)` with `det(x) = sign * exp(logabsdet)`, of `x`'s
        float dtype (integers give `floatx()`; 16-bit floats are computed in float32).

    Raises:
        ValueError: If the last two axes of `x` are not square.

    Example:

    >>> sign, logabsdet = keras.ops.slogdet(np.array([[2.0, 0.0], [0.0, -3.0]], dtype="float32"))
    >>> sign, np.exp(logabsdet)
    (np.float32(-1.0), np.float32(6.0))
    """
    dtype = float_result(dtype_for_promotion(x))
    compute = "float32" if dtype in ("float16", "bfloat16") else dtype
    t = convert(x, compute)
    _slogdet_layout(tuple(t.shape))
    sign, logabsdet = K.linear.slogdet(t)
    return convert(sign, dtype), convert(logabsdet, dtype)


def _trapezoid_layout(y_shape: Shape, x_shape: Shape | None, axis: int) -> tuple[int, Shape]:
    if not y_shape:
        raise ValueError(f"trapezoid: `y` must have rank 1 or more. Received: y.shape={y_shape}")
    position = canonical_axis(axis, len(y_shape), "trapezoid")
    rest = y_shape[:position] + y_shape[position + 1 :]
    if x_shape is None:
        return position, rest
    if len(x_shape) == 1:
        if not dims_compatible(x_shape[0], y_shape[position]):
            raise ValueError(
                f"trapezoid: a 1-D `x` must have one point per sample of `y` along axis {position}. "
                f"Received: x.shape={x_shape}, y.shape={y_shape}"
            )
        return position, rest
    if len(x_shape) != len(y_shape):
        raise ValueError(
            f"trapezoid: `x` must be 1-D or of `y`'s rank. Received: x.shape={x_shape}, y.shape={y_shape}"
        )
    return position, broadcast_shapes(rest, x_shape[:position] + x_shape[position + 1 :])


def _trapezoid_dtype(y: Any, x: Any, dx: Any) -> str:
    return float_result(result_type(promotion_type(y), promotion_type(dx if x is None else x)))


def _trapezoid_rule(y: Any, x: Any = None, dx: Any = 1.0, axis: int = -1) -> Spec:
    y_spec = as_spec(y)
    x_shape = None if x is None else as_spec(x).shape
    return Spec(_trapezoid_layout(y_spec.shape, x_shape, axis)[1], _trapezoid_dtype(y, x, dx))


@op(_trapezoid_rule)
def trapezoid(y: ArrayLike, x: ArrayLike | None = None, dx: ArrayLike = 1.0, axis: int = -1) -> Tensor:
    """Integrate `y` along `axis` with the trapezoidal rule.

    Args:
        y: The sampled values.
        x: The sample points: 1-D (one per sample along `axis`) or of `y`'s rank.
            Defaults to `None`, for evenly spaced samples `dx` apart.
        dx: The spacing when `x` is `None`. Defaults to 1.0.
        axis: The axis to integrate along. Defaults to -1.

    Returns:
        The integrals, `y`'s shape without `axis`, of the float type of `y` and `x`
        (or `dx`); integers give `floatx()`.

    Raises:
        ValueError: If `x`'s shape does not fit `y`'s, or `axis` is out of range.

    Example:

    >>> keras.ops.trapezoid(np.array([1, 2, 3], dtype="int32"))
    np.float32(4.0)
    """
    dtype = _trapezoid_dtype(y, x, dx)
    y_t = convert(y, dtype)
    x_t = None if x is None else convert(x, dtype)
    position, _ = _trapezoid_layout(tuple(y_t.shape), None if x_t is None else tuple(x_t.shape), axis)
    return K.linear.trapezoid(y_t, x_t, convert(dx, dtype), position)
