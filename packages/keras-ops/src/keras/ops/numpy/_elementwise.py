"""Element-wise ops: arithmetic and math functions, broadcasting like numpy."""

from __future__ import annotations

from keras.backend._active import K
from keras.backend._dtypes import float_result
from keras.ops import _rules as rules
from keras.ops._convert import convert, infer_dtype, promote
from keras.ops._op import op
from keras.ops._typing import ArrayLike, Tensor


@op(rules.broadcast)
def add(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Add two tensors element-wise, broadcasting their shapes.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the broadcast shape and the promoted dtype; a Python scalar
        does not widen the other operand's dtype.

    Example:

    >>> keras.ops.add(np.array([1, 2], dtype="int8"), 3)
    array([4, 5], dtype=int8)
    """
    a, b = promote(x1, x2)
    return K.elementwise.add(a, b)


@op(rules.broadcast)
def subtract(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Subtract `x2` from `x1` element-wise, broadcasting their shapes.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the broadcast shape and the promoted dtype.

    Example:

    >>> keras.ops.subtract(np.array([3.0, 5.0], dtype="float32"), 1)
    array([2., 4.], dtype=float32)
    """
    a, b = promote(x1, x2)
    return K.elementwise.subtract(a, b)


@op(rules.broadcast)
def multiply(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Multiply two tensors element-wise, broadcasting their shapes.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the broadcast shape and the promoted dtype.

    Example:

    >>> keras.ops.multiply(np.array([1.5, 2.0], dtype="float32"), 2)
    array([3., 4.], dtype=float32)
    """
    a, b = promote(x1, x2)
    return K.elementwise.multiply(a, b)


@op(rules.to_float)
def sin(x: ArrayLike) -> Tensor:
    """Return the sine of `x` element-wise, in radians.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of the same shape; integer input gives `floatx()`.

    Example:

    >>> keras.ops.sin(np.array([0.0], dtype="float32"))
    array([0.], dtype=float32)
    """
    return K.elementwise.sin(convert(x, float_result(infer_dtype(x))))
