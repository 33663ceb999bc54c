"""Logic ops: comparisons, logical connectives and predicates; every result is boolean."""

from __future__ import annotations

from numbers import Real
from typing import Any

from keras.backend._active import K
from keras.ops import _rules as rules
from keras.ops._convert import convert, promote
from keras.ops._op import op
from keras.ops._rules import broadcast_shapes
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Tensor
from keras.ops.numpy._elementwise import call_broadcasting

# --- comparisons --------------------------------------------------------------------------


@op(rules.broadcast_to_bool, fast="logic.equal")
def equal(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `x1 == x2` element-wise, comparing in the promoted dtype.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A boolean tensor of the broadcast shape.

    Example:

    >>> keras.ops.equal(np.array([1, 2, 3], dtype="int32"), 2)
    array([False,  True, False])
    """
    a, b = promote(x1, x2)
    return call_broadcasting("equal", K.logic.equal, a, b)


@op(rules.broadcast_to_bool, fast="logic.not_equal")
def not_equal(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `x1 != x2` element-wise, comparing in the promoted dtype.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A boolean tensor of the broadcast shape; NaN differs from everything.

    Example:

    >>> keras.ops.not_equal(np.array([1.0, np.nan], dtype="float32"), 1.0)
    array([False,  True])
    """
    a, b = promote(x1, x2)
    return call_broadcasting("not_equal", K.logic.not_equal, a, b)


@op(rules.broadcast_to_bool, fast="logic.greater")
def greater(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `x1 > x2` element-wise, comparing in the promoted dtype.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A boolean tensor of the broadcast shape.

    Example:

    >>> keras.ops.greater(np.array([1, 2, 3], dtype="int32"), 2)
    array([False, False,  True])
    """
    a, b = promote(x1, x2)
    return call_broadcasting("greater", K.logic.greater, a, b)


@op(rules.broadcast_to_bool, fast="logic.greater_equal")
def greater_equal(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `x1 >= x2` element-wise, comparing in the promoted dtype.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A boolean tensor of the broadcast shape.

    Example:

    >>> keras.ops.greater_equal(np.array([1, 2, 3], dtype="int32"), 2)
    array([False,  True,  True])
    """
    a, b = promote(x1, x2)
    return call_broadcasting("greater_equal", K.logic.greater_equal, a, b)


@op(rules.broadcast_to_bool, fast="logic.less")
def less(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `x1 < x2` element-wise, comparing in the promoted dtype.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A boolean tensor of the broadcast shape.

    Example:

    >>> keras.ops.less(np.array([1, 2, 3], dtype="int32"), 2)
    array([ True, False, False])
    """
    a, b = promote(x1, x2)
    return call_broadcasting("less", K.logic.less, a, b)


@op(rules.broadcast_to_bool, fast="logic.less_equal")
def less_equal(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `x1 <= x2` element-wise, comparing in the promoted dtype.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A boolean tensor of the broadcast shape.

    Example:

    >>> keras.ops.less_equal(np.array([1, 2, 3], dtype="int32"), 2)
    array([ True,  True, False])
    """
    a, b = promote(x1, x2)
    return call_broadcasting("less_equal", K.logic.less_equal, a, b)


def _check_tolerances(name: str, rtol: Any, atol: Any, equal_nan: Any) -> None:
    for arg, value in (("rtol", rtol), ("atol", atol)):
        if isinstance(value, bool) or not isinstance(value, Real):
            raise TypeError(f"{name}: `{arg}` must be a real number. Received: {arg}={value!r}")
    if not isinstance(equal_nan, bool):
        raise TypeError(f"{name}: `equal_nan` must be a bool. Received: equal_nan={equal_nan!r}")


def _isclose_rule(x1: Any, x2: Any, rtol: Any = 1e-05, atol: Any = 1e-08, equal_nan: Any = False) -> Spec:
    _check_tolerances("isclose", rtol, atol, equal_nan)
    return rules.broadcast_to_bool(x1, x2)


@op(_isclose_rule)
def isclose(
    x1: ArrayLike, x2: ArrayLike, rtol: float = 1e-05, atol: float = 1e-08, equal_nan: bool = False
) -> Tensor:
    """Return whether `|x1 - x2| <= atol + rtol * |x2|` element-wise.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.
        rtol: Relative tolerance, scaled by `|x2|`.
        atol: Absolute tolerance.
        equal_nan: Whether two NaNs count as close.

    Returns:
        A boolean tensor of the broadcast shape. Infinities are close only to
        infinities of the same sign.

    Raises:
        TypeError: If `rtol` or `atol` is not a number, or `equal_nan` not a bool.

    Example:

    >>> keras.ops.isclose(np.array([1.0, 1.1, np.nan], dtype="float32"), 1.0, equal_nan=True)
    array([ True, False, False])
    """
    _check_tolerances("isclose", rtol, atol, equal_nan)
    a, b = promote(x1, x2)
    return call_broadcasting("isclose", K.logic.isclose, a, b, float(rtol), float(atol), equal_nan)


def _allclose_rule(x1: Any, x2: Any, rtol: Any = 1e-05, atol: Any = 1e-08, equal_nan: Any = False) -> Spec:
    _check_tolerances("allclose", rtol, atol, equal_nan)
    broadcast_shapes(as_spec(x1).shape, as_spec(x2).shape)
    return Spec((), "bool")


@op(_allclose_rule)
def allclose(
    x1: ArrayLike, x2: ArrayLike, rtol: float = 1e-05, atol: float = 1e-08, equal_nan: bool = False
) -> Tensor:
    """Return whether every element of `x1` is close to its counterpart in `x2`.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.
        rtol: Relative tolerance, scaled by `|x2|`.
        atol: Absolute tolerance.
        equal_nan: Whether two NaNs count as close.

    Returns:
        A boolean scalar tensor: `all(isclose(x1, x2, rtol, atol, equal_nan))`.

    Raises:
        TypeError: If `rtol` or `atol` is not a number, or `equal_nan` not a bool.

    Example:

    >>> bool(keras.ops.allclose(np.array([1.0, 2.0], dtype="float32"), np.array([1.0, 2.000001], dtype="float32")))
    True
    """
    _check_tolerances("allclose", rtol, atol, equal_nan)
    a, b = promote(x1, x2)
    return call_broadcasting("allclose", K.logic.allclose, a, b, float(rtol), float(atol), equal_nan)


# --- logical ------------------------------------------------------------------------------


@op(rules.broadcast_to_bool, fast="logic.logical_and")
def logical_and(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Compute the truth value of `x1 AND x2` element-wise (non-zero is true).

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A boolean tensor of the broadcast shape.

    Example:

    >>> keras.ops.logical_and(np.array([True, True, False]), np.array([1, 0, 1], dtype="int32"))
    array([ True, False, False])
    """
    return call_broadcasting("logical_and", K.logic.logical_and, convert(x1, "bool"), convert(x2, "bool"))


@op(rules.broadcast_to_bool, fast="logic.logical_or")
def logical_or(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Compute the truth value of `x1 OR x2` element-wise (non-zero is true).

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A boolean tensor of the broadcast shape.

    Example:

    >>> keras.ops.logical_or(np.array([True, False, False]), np.array([0, 0, 2], dtype="int32"))
    array([ True, False,  True])
    """
    return call_broadcasting("logical_or", K.logic.logical_or, convert(x1, "bool"), convert(x2, "bool"))


@op(rules.broadcast_to_bool)
def logical_xor(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Compute the truth value of `x1 XOR x2` element-wise (non-zero is true).

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A boolean tensor of the broadcast shape.

    Example:

    >>> keras.ops.logical_xor(np.array([True, True, False]), True)
    array([False, False,  True])
    """
    return call_broadcasting("logical_xor", K.logic.logical_xor, convert(x1, "bool"), convert(x2, "bool"))


@op(rules.to_bool, fast="logic.logical_not")
def logical_not(x: ArrayLike) -> Tensor:
    """Compute the truth value of `NOT x` element-wise (non-zero is true).

    Args:
        x: Input tensor.

    Returns:
        A boolean tensor of `x`'s shape.

    Example:

    >>> keras.ops.logical_not(np.array([0.0, 2.0], dtype="float32"))
    array([ True, False])
    """
    return K.logic.logical_not(convert(x, "bool"))


# --- predicates ---------------------------------------------------------------------------


@op(rules.to_bool, fast="logic.isfinite")
def isfinite(x: ArrayLike) -> Tensor:
    """Return whether each element of `x` is finite (neither infinite nor NaN).

    Args:
        x: Input tensor.

    Returns:
        A boolean tensor of `x`'s shape; always true for integers.

    Example:

    >>> keras.ops.isfinite(np.array([1.0, np.inf, np.nan], dtype="float32"))
    array([ True, False, False])
    """
    return K.logic.isfinite(convert(x))


@op(rules.to_bool, fast="logic.isinf")
def isinf(x: ArrayLike) -> Tensor:
    """Return whether each element of `x` is positive or negative infinity.

    Args:
        x: Input tensor.

    Returns:
        A boolean tensor of `x`'s shape; always false for integers.

    Example:

    >>> keras.ops.isinf(np.array([1.0, -np.inf, np.nan], dtype="float32"))
    array([False,  True, False])
    """
    return K.logic.isinf(convert(x))


@op(rules.to_bool, fast="logic.isnan")
def isnan(x: ArrayLike) -> Tensor:
    """Return whether each element of `x` is NaN.

    Args:
        x: Input tensor.

    Returns:
        A boolean tensor of `x`'s shape; always false for integers.

    Example:

    >>> keras.ops.isnan(np.array([1.0, np.inf, np.nan], dtype="float32"))
    array([False, False,  True])
    """
    return K.logic.isnan(convert(x))


@op(rules.to_bool)
def isneginf(x: ArrayLike) -> Tensor:
    """Return whether each element of `x` is negative infinity.

    Args:
        x: Input tensor.

    Returns:
        A boolean tensor of `x`'s shape.

    Example:

    >>> keras.ops.isneginf(np.array([-np.inf, np.inf, 0.0], dtype="float32"))
    array([ True, False, False])
    """
    return K.logic.isneginf(convert(x))


@op(rules.to_bool)
def isposinf(x: ArrayLike) -> Tensor:
    """Return whether each element of `x` is positive infinity.

    Args:
        x: Input tensor.

    Returns:
        A boolean tensor of `x`'s shape.

    Example:

    >>> keras.ops.isposinf(np.array([-np.inf, np.inf, 0.0], dtype="float32"))
    array([False,  True, False])
    """
    return K.logic.isposinf(convert(x))


@op(rules.to_bool)
def isreal(x: ArrayLike) -> Tensor:
    """Return whether each element of `x` has a zero imaginary part.

    Args:
        x: Input tensor.

    Returns:
        A boolean tensor of `x`'s shape; always true for real dtypes.

    Example:

    >>> keras.ops.isreal(np.array([1 + 0j, 1 + 1j], dtype="complex64"))
    array([ True, False])
    """
    return K.logic.isreal(convert(x))


@op(rules.to_bool)
def signbit(x: ArrayLike) -> Tensor:
    """Return whether the sign bit of each element of `x` is set (true for -0.0).

    Args:
        x: Input tensor.

    Returns:
        A boolean tensor of `x`'s shape.

    Example:

    >>> keras.ops.signbit(np.array([-1.0, -0.0, 0.0, 2.0], dtype="float32"))
    array([ True,  True, False, False])
    """
    return K.logic.signbit(convert(x))


__all__ = [
    "allclose",
    "equal",
    "greater",
    "greater_equal",
    "isclose",
    "isfinite",
    "isinf",
    "isnan",
    "isneginf",
    "isposinf",
    "isreal",
    "less",
    "less_equal",
    "logical_and",
    "logical_not",
    "logical_or",
    "logical_xor",
    "not_equal",
    "signbit",
]
