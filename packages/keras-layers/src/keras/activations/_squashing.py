"""Squashing activations: the sigmoid family, `tanh` and its hard form, `softsign`, `glu`.

Each one is a thin composition of `keras.ops`, so it runs eagerly on every backend and on
`KerasTensor`s alike.
"""

from __future__ import annotations

from keras import ops
from keras.activations._logits import remember_logits
from keras.ops._typing import ArrayLike, Tensor


def sigmoid(x: ArrayLike) -> Tensor:
    """Apply the logistic sigmoid, `1 / (1 + exp(-x))`.

    Results lie in `[0, 1]`: large negative inputs give values near 0, large positive
    ones values near 1. Where the tensor type allows it, the output remembers `x` so that
    losses can work from the logits.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.sigmoid(np.array([-20.0, 0.0, 2.0], dtype="float32"))
    array([2.0611537e-09, 5.0000000e-01, 8.8079703e-01], dtype=float32)
    """
    return remember_logits(ops.sigmoid(x), x)


def hard_sigmoid(x: ArrayLike) -> Tensor:
    """Apply the hard sigmoid, a piecewise-linear sigmoid: `relu6(x + 3) / 6`.

    It is `0` for `x <= -3`, `1` for `x >= 3` and `x / 6 + 0.5` in between.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.hard_sigmoid(np.array([-4.0, 0.0, 1.5, 4.0], dtype="float32"))
    array([0.  , 0.5 , 0.75, 1.  ], dtype=float32)
    """
    return ops.hard_sigmoid(x)


def log_sigmoid(x: ArrayLike) -> Tensor:
    """Apply the logarithm of the sigmoid, `-softplus(-x)`, without overflow.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> np.round(keras.activations.log_sigmoid(np.array([-1.0, 0.0, 1.0], dtype="float32")), 4)
    array([-1.3133, -0.6931, -0.3133], dtype=float32)
    """
    return ops.log_sigmoid(x)


def sparse_sigmoid(x: ArrayLike) -> Tensor:
    """Apply the sparse sigmoid: `0` for `x <= -1`, `1` for `x >= 1`, `(x + 1) / 2` in between.

    See [Blondel et al., 2019](https://arxiv.org/abs/1901.02324).

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.sparse_sigmoid(np.array([-2.0, 0.0, 0.5, 2.0], dtype="float32"))
    array([0.  , 0.5 , 0.75, 1.  ], dtype=float32)
    """
    return ops.sparse_sigmoid(x)


def tanh(x: ArrayLike) -> Tensor:
    """Apply the hyperbolic tangent, `(exp(x) - exp(-x)) / (exp(x) + exp(-x))`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.tanh(np.array([-1.0, 0.0, 1.0], dtype="float32"))
    array([-0.7615942,  0.       ,  0.7615942], dtype=float32)
    """
    return ops.tanh(x)


def hard_tanh(x: ArrayLike) -> Tensor:
    """Apply the hard tanh: `x` clipped to `[-1, 1]`.

    Args:
        x: Input tensor.

    Returns:
        A tensor shaped like `x`; integer inputs keep their dtype.

    Example:

    >>> keras.activations.hard_tanh(np.array([-2.0, 0.5, 3.0], dtype="float32"))
    array([-1. ,  0.5,  1. ], dtype=float32)
    """
    return ops.hard_tanh(x)


def softsign(x: ArrayLike) -> Tensor:
    """Apply softsign, `x / (abs(x) + 1)`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.softsign(np.array([-1.0, 0.0, 3.0], dtype="float32"))
    array([-0.5 ,  0.  ,  0.75], dtype=float32)
    """
    return ops.softsign(x)


def glu(x: ArrayLike, axis: int = -1) -> Tensor:
    """Apply the gated linear unit: split `x` into halves `a, b` along `axis`, return `a * sigmoid(b)`.

    See [Dauphin et al., 2017](https://arxiv.org/abs/1612.08083).

    Args:
        x: Input tensor; its size along `axis` must be even.
        axis: The axis to split.

    Returns:
        A float tensor with half the size of `x` along `axis`.

    Raises:
        ValueError: If the size of `x` along `axis` is odd.

    Example:

    >>> keras.activations.glu(np.array([1.0, 2.0, 0.0, 100.0], dtype="float32"))
    array([0.5, 2. ], dtype=float32)
    """
    return ops.glu(x, axis=axis)
