"""Hinge losses for maximum-margin classifiers: hinge, squared hinge and categorical hinge.

`hinge` and `squared_hinge` take labels in {-1, 1}; labels that are all 0 or 1 are mapped
to -1 and 1 first (decided on the whole batch, without a Python branch on its values).
"""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.losses._loss import BuiltinLoss
from keras.ops._typing import ArrayLike, Tensor


def _signed_labels(y_true: Tensor) -> Tensor:
    """Map labels to {-1, 1} when every label is 0 or 1; leave them unchanged otherwise."""
    is_binary = ops.all(ops.logical_or(ops.equal(y_true, 0), ops.equal(y_true, 1)))
    return ops.where(is_binary, ops.subtract(ops.multiply(2.0, y_true), 1.0), y_true)


def _margins(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """`max(1 - y_true * y_pred, 0)` with the labels made signed."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = _signed_labels(ops.cast(y_true, y_pred.dtype))
    return ops.maximum(ops.subtract(1.0, ops.multiply(y_true, y_pred)), 0.0)


def hinge(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `mean(maximum(1 - y_true * y_pred, 0), axis=-1)` per sample.

    Args:
        y_true: Labels in {-1, 1}, or in {0, 1} (then mapped to {-1, 1}).
        y_pred: Predicted scores, same shape.

    Returns:
        The losses, the inputs' shape without the last axis.

    Example:

    >>> keras.losses.hinge(np.array([[0.0, 1.0]]), np.array([[0.5, 0.25]]))
    array([1.125], dtype=float32)
    """
    return ops.mean(_margins(y_true, y_pred), axis=-1)


def squared_hinge(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `mean(square(maximum(1 - y_true * y_pred, 0)), axis=-1)` per sample.

    Args:
        y_true: Labels in {-1, 1}, or in {0, 1} (then mapped to {-1, 1}).
        y_pred: Predicted scores, same shape.

    Returns:
        The losses, the inputs' shape without the last axis.

    Example:

    >>> keras.losses.squared_hinge(np.array([[0.0, 1.0]]), np.array([[0.5, 0.25]]))
    array([1.40625], dtype=float32)
    """
    return ops.mean(ops.square(_margins(y_true, y_pred)), axis=-1)


def categorical_hinge(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `maximum(neg - pos + 1, 0)` per sample for one-hot labels.

    `pos = sum(y_true * y_pred)` is the score of the true class and
    `neg = max((1 - y_true) * y_pred)` the best score of the others.

    Args:
        y_true: One-hot labels, shape `(batch, ..., num_classes)`.
        y_pred: Predicted scores, same shape.

    Returns:
        The losses, the inputs' shape without the last axis.

    Example:

    >>> keras.losses.categorical_hinge(np.array([[0.0, 1.0, 0.0]]), np.array([[0.5, 0.75, 0.5]]))
    array([0.75], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(y_true, y_pred.dtype)
    positive = ops.sum(ops.multiply(y_true, y_pred), axis=-1)
    negative = ops.max(ops.multiply(ops.subtract(1.0, y_true), y_pred), axis=-1)
    return ops.maximum(ops.add(ops.subtract(negative, positive), 1.0), ops.zeros((), dtype=y_pred.dtype))


class Hinge(BuiltinLoss):
    """Hinge loss: `mean(maximum(1 - y_true * y_pred, 0))`, labels in {-1, 1} or {0, 1}.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.Hinge()(np.array([[0.0, 1.0]]), np.array([[0.5, 0.25]]))
    array(1.125, dtype=float32)
    """

    def __init__(
        self, reduction: str | None = "sum_over_batch_size", name: str = "hinge", dtype: Any = None
    ) -> None:
        super().__init__(hinge, reduction, name, dtype)


class SquaredHinge(BuiltinLoss):
    """Squared hinge loss: `mean(square(maximum(1 - y_true * y_pred, 0)))`.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.SquaredHinge()(np.array([[0.0, 1.0]]), np.array([[0.5, 0.25]]))
    array(1.40625, dtype=float32)
    """

    def __init__(
        self, reduction: str | None = "sum_over_batch_size", name: str = "squared_hinge", dtype: Any = None
    ) -> None:
        super().__init__(squared_hinge, reduction, name, dtype)


class CategoricalHinge(BuiltinLoss):
    """Categorical hinge loss: `maximum(neg - pos + 1, 0)` for one-hot labels.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.CategoricalHinge()(np.array([[0.0, 1.0, 0.0]]), np.array([[0.5, 0.75, 0.5]]))
    array(0.75, dtype=float32)
    """

    def __init__(
        self,
        reduction: str | None = "sum_over_batch_size",
        name: str = "categorical_hinge",
        dtype: Any = None,
    ) -> None:
        super().__init__(categorical_hinge, reduction, name, dtype)
