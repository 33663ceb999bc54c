"""Overlap losses for segmentation: Dice and Tversky (one minus a soft overlap score)."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend import epsilon
from keras.losses._loss import BuiltinLoss
from keras.ops._typing import ArrayLike, Axis, Tensor


def _prepare(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[Tensor, Tensor]:
    y_pred = ops.convert_to_tensor(y_pred)
    return ops.cast(y_true, y_pred.dtype), y_pred


def dice(y_true: ArrayLike, y_pred: ArrayLike, axis: Axis = None) -> Tensor:
    """Compute `1 - 2 * sum(y_true * y_pred) / (sum(y_true) + sum(y_pred))`.

    The sums run over `axis` (every axis when None); `epsilon()` is added to the
    denominator.

    Args:
        y_true: Target masks, values in [0, 1].
        y_pred: Predicted masks, same shape.
        axis: The axes to sum over; None sums everything (one loss for the batch), e.g.
            `(1, 2, 3)` gives one loss per image of a `(batch, H, W, C)` batch.

    Returns:
        The losses: a scalar for `axis=None`, else the shape without `axis`.

    Example:

    >>> keras.losses.dice(np.array([[1.0, 1.0, 0.0, 0.0]]), np.array([[1.0, 0.0, 1.0, 0.0]]))
    np.float32(0.5)
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    intersection = ops.sum(ops.multiply(y_true, y_pred), axis=axis)
    total = ops.add(ops.add(ops.sum(y_true, axis=axis), ops.sum(y_pred, axis=axis)), epsilon())
    return ops.subtract(1.0, ops.divide(ops.multiply(2.0, intersection), total))


def tversky(
    y_true: ArrayLike, y_pred: ArrayLike, alpha: float = 0.5, beta: float = 0.5, axis: Axis = None
) -> Tensor:
    """Compute `1 - TP / (TP + alpha * FP + beta * FN)` with soft counts.

    `TP = sum(y_true * y_pred)`, `FP = sum((1 - y_pred) * y_true)` and
    `FN = sum(y_pred * (1 - y_true))` (Keras 3's naming), summed over `axis`; `epsilon()`
    is added to the denominator. `alpha = beta = 0.5` gives the Dice loss.

    Args:
        y_true: Target masks, values in [0, 1].
        y_pred: Predicted masks, same shape.
        alpha: The weight of the `FP` term.
        beta: The weight of the `FN` term.
        axis: The axes to sum over; None sums everything.

    Returns:
        The losses: a scalar for `axis=None`, else the shape without `axis`.

    Example:

    >>> keras.losses.tversky(np.array([[1.0, 1.0, 0.0, 0.0]]), np.array([[1.0, 0.0, 1.0, 0.0]]), alpha=1.0, beta=0.0)
    np.float32(0.5)
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    true_pos = ops.sum(ops.multiply(y_true, y_pred), axis=axis)
    false_pos = ops.sum(ops.multiply(ops.subtract(1.0, y_pred), y_true), axis=axis)
    false_neg = ops.sum(ops.multiply(y_pred, ops.subtract(1.0, y_true)), axis=axis)
    denominator = ops.add(true_pos, ops.add(ops.multiply(false_pos, alpha), ops.multiply(false_neg, beta)))
    return ops.subtract(1.0, ops.divide(true_pos, ops.add(denominator, epsilon())))


class Dice(BuiltinLoss):
    """Dice loss `1 - 2 * |y_true * y_pred| / (|y_true| + |y_pred|)`.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        axis: The axes to sum over; None sums everything.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.Dice()(np.array([[1.0, 1.0, 0.0, 0.0]]), np.array([[1.0, 0.0, 1.0, 0.0]]))
    np.float32(0.5)
    """

    CONFIG_KEYS = ("axis",)
    axis: Axis

    def __init__(
        self,
        reduction: str | None = "sum_over_batch_size",
        name: str = "dice",
        axis: Axis = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(dice, reduction, name, dtype, axis=axis)


class Tversky(BuiltinLoss):
    """Tversky loss `1 - TP / (TP + alpha * FP + beta * FN)`, a Dice loss with weighted errors.

    Args:
        alpha: The weight of the `FP` term.
        beta: The weight of the `FN` term.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        axis: The axes to sum over; None sums everything.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.Tversky()(np.array([[1.0, 1.0, 0.0, 0.0]]), np.array([[1.0, 0.0, 1.0, 0.0]]))
    np.float32(0.5)
    """

    CONFIG_KEYS = ("alpha", "beta", "axis")
    alpha: float
    beta: float
    axis: Axis

    def __init__(
        self,
        alpha: float = 0.5,
        beta: float = 0.5,
        reduction: str | None = "sum_over_batch_size",
        name: str = "tversky",
        axis: Axis = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(tversky, reduction, name, dtype, alpha=alpha, beta=beta, axis=axis)
