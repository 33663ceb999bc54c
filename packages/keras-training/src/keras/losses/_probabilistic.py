"""Distribution losses: Kullback-Leibler divergence and Poisson negative log-likelihood."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend import epsilon
from keras.losses._loss import BuiltinLoss
from keras.ops._typing import ArrayLike, Tensor


def kl_divergence(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `sum(y_true * log(y_true / y_pred), axis=-1)` per sample.

    Both inputs are clipped to `[epsilon(), 1]` first.

    Args:
        y_true: Target distributions, shape `(batch, ..., num_classes)`.
        y_pred: Predicted distributions, same shape.

    Returns:
        The losses, the inputs' shape without the last axis.

    Example:

    >>> keras.losses.kl_divergence(np.array([[0.5, 0.5]]), np.array([[0.25, 0.75]]))
    array([0.14384106], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true = ops.clip(y_true, epsilon(), 1)
    y_pred = ops.clip(y_pred, epsilon(), 1)
    return ops.sum(ops.multiply(y_true, ops.log(ops.divide(y_true, y_pred))), axis=-1)


def poisson(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `mean(y_pred - y_true * log(y_pred + epsilon()), axis=-1)` per sample.

    Args:
        y_true: Observed counts, shape `(batch, d0, ..., dN)`.
        y_pred: Predicted rates, same shape.

    Returns:
        The losses, shape `(batch, d0, ..., dN-1)`.

    Example:

    >>> keras.losses.poisson(np.array([[1.0, 0.0]]), np.array([[1.0, 2.0]]))
    array([1.5], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    floor = ops.convert_to_tensor(epsilon(), dtype=y_pred.dtype)
    return ops.mean(ops.subtract(y_pred, ops.multiply(y_true, ops.log(ops.add(y_pred, floor)))), axis=-1)


class KLDivergence(BuiltinLoss):
    """Kullback-Leibler divergence `sum(y_true * log(y_true / y_pred))`.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.KLDivergence()(np.array([[0.5, 0.5]]), np.array([[0.25, 0.75]]))
    array(0.14384106, dtype=float32)
    """

    def __init__(
        self, reduction: str | None = "sum_over_batch_size", name: str = "kl_divergence", dtype: Any = None
    ) -> None:
        super().__init__(kl_divergence, reduction, name, dtype)


class Poisson(BuiltinLoss):
    """Poisson loss `mean(y_pred - y_true * log(y_pred))`.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.Poisson()(np.array([[1.0, 0.0]]), np.array([[1.0, 2.0]]))
    array(1.5, dtype=float32)
    """

    def __init__(
        self, reduction: str | None = "sum_over_batch_size", name: str = "poisson", dtype: Any = None
    ) -> None:
        super().__init__(poisson, reduction, name, dtype)
