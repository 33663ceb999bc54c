"""Shrinkage activations: `hard_shrink`, `soft_shrink`, `tanh_shrink` and `threshold`.

They zero (or replace) small inputs and pass or shift the rest; each one is a single
`keras.ops` call, so it runs eagerly on every backend and on `KerasTensor`s alike.
"""

from __future__ import annotations

from keras import ops
from keras.ops._typing import ArrayLike, Tensor


def hard_shrink(x: ArrayLike, threshold: float = 0.5) -> Tensor:
    """Apply hard shrinkage: `x` where `abs(x) > threshold`, else `0`.

    Args:
        x: Input tensor.
        threshold: Inputs with magnitude at or below this value become zero.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.hard_shrink(np.array([-1.0, 0.3, 2.0], dtype="float32"))
    array([-1.,  0.,  2.], dtype=float32)
    """
    return ops.hard_shrink(x, threshold=threshold)


def soft_shrink(x: ArrayLike, threshold: float = 0.5) -> Tensor:
    """Apply soft shrinkage: move `x` toward zero by `threshold`, zeroing what crosses it.

    The result is `x - threshold` above `threshold`, `x + threshold` below `-threshold`,
    and `0` in between.

    Args:
        x: Input tensor.
        threshold: The amount every input moves toward zero.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.soft_shrink(np.array([-1.0, 0.3, 2.0], dtype="float32"))
    array([-0.5,  0. ,  1.5], dtype=float32)
    """
    return ops.soft_shrink(x, threshold=threshold)


def tanh_shrink(x: ArrayLike) -> Tensor:
    """Apply tanh shrinkage: `x - tanh(x)`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.tanh_shrink(np.array([-1.0, 0.0, 2.0], dtype="float32"))
    array([-0.23840582,  0.        ,  1.0359724 ], dtype=float32)
    """
    return ops.tanh_shrink(x)


def threshold(x: ArrayLike, threshold: float, default_value: float) -> Tensor:
    """Keep `x` where `x > threshold`; put `default_value` everywhere else.

    Args:
        x: Input tensor.
        threshold: Inputs at or below this value are replaced.
        default_value: The value that replaces them.

    Returns:
        A tensor shaped like `x`, in the dtype `x` promotes to with the two scalars
        (Python scalars are weak: an integer `x` with float scalars gives `floatx()`).

    Example:

    >>> keras.activations.threshold(np.array([-1.0, 0.5, 2.0], dtype="float32"), 0.5, -9.0)
    array([-9., -9.,  2.], dtype=float32)
    """
    return ops.threshold(x, threshold, default_value)
