"""Normalizing activations: `softmax`, `log_softmax` and `sparsemax`.

They map a vector of scores along an axis to a probability distribution (or its log);
each one is a single `keras.ops` call, so it runs eagerly on every backend and on
`KerasTensor`s alike. Rank-1 inputs are fine: the axis is the only one.
"""

from __future__ import annotations

from keras import ops
from keras.activations._logits import remember_logits
from keras.ops._typing import ArrayLike, Tensor


def softmax(x: ArrayLike, axis: int = -1) -> Tensor:
    """Turn scores into probabilities along `axis`: `exp(x) / sum(exp(x), axis)`.

    The result is non-negative and sums to 1 along `axis`; it is computed without
    overflow. Where the tensor type allows it, the output remembers `x` so that losses
    can work from the logits.

    Args:
        x: Input tensor.
        axis: The axis to normalize along.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> np.round(keras.activations.softmax(np.array([1.0, 2.0, 3.0], dtype="float32")), 4)
    array([0.09  , 0.2447, 0.6652], dtype=float32)
    """
    return remember_logits(ops.softmax(x, axis=axis), x)


def log_softmax(x: ArrayLike, axis: int = -1) -> Tensor:
    """Return the logarithm of `softmax(x, axis)`, computed without overflow.

    Args:
        x: Input tensor.
        axis: The axis to normalize along.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> np.round(keras.activations.log_softmax(np.array([1.0, 2.0, 3.0], dtype="float32")), 4)
    array([-2.4076, -1.4076, -0.4076], dtype=float32)
    """
    return ops.log_softmax(x, axis=axis)


def sparsemax(x: ArrayLike, axis: int = -1) -> Tensor:
    """Project `x` onto the probability simplex along `axis` (a sparse softmax).

    Like `softmax`, the result is non-negative and sums to 1 along `axis`, but small
    scores get exactly zero ([Martins et al., 2016](https://arxiv.org/abs/1602.02068)).

    Args:
        x: Input tensor.
        axis: The axis to normalize along.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.sparsemax(np.array([1.0, 2.0, 3.5], dtype="float32"))
    array([0., 0., 1.], dtype=float32)
    """
    return ops.sparsemax(x, axis=axis)
