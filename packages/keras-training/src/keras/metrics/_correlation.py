"""Correlation metrics: Pearson's and Lin's concordance correlation, along an axis."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend import epsilon
from keras.metrics._reduction import FunctionMetric
from keras.metrics._shapes import check_broadcastable, match_ranks
from keras.ops._typing import Tensor


def _pair(y_true: Any, y_pred: Any) -> tuple[Tensor, Tensor]:
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = match_ranks(y_true, y_pred)
    check_broadcastable(y_true, y_pred)
    return y_true, y_pred


def pearson_correlation(y_true: Any, y_pred: Any, axis: int = -1) -> Tensor:
    """Return Pearson's correlation coefficient of `y_true` and `y_pred` along `axis`.

    Args:
        y_true: Targets.
        y_pred: Predictions, the shape of `y_true`.
        axis: The axis along which the correlation is computed.

    Returns:
        The coefficients, shaped like the inputs without `axis`.

    Example:

    >>> y_true, y_pred = np.array([[1.0, 2.0, 3.0]]), np.array([[2.0, 4.0, 7.0]])
    >>> np.round(keras.ops.convert_to_numpy(keras.metrics.pearson_correlation(y_true, y_pred)), 4)
    array([0.9934], dtype=float32)
    """
    y_true, y_pred = _pair(y_true, y_pred)
    true_centered = ops.subtract(y_true, ops.mean(y_true, axis=axis, keepdims=True))
    pred_centered = ops.subtract(y_pred, ops.mean(y_pred, axis=axis, keepdims=True))
    true_scaled = ops.divide(true_centered, ops.std(true_centered, axis=axis, keepdims=True))
    pred_scaled = ops.divide(pred_centered, ops.std(pred_centered, axis=axis, keepdims=True))
    return ops.mean(ops.multiply(true_scaled, pred_scaled), axis=axis)


def concordance_correlation(y_true: Any, y_pred: Any, axis: int = -1) -> Tensor:
    """Return Lin's concordance correlation coefficient along `axis`.

    `2 * cov(t, p) / (var(t) + var(p) + (mean(t) - mean(p))^2)`, with population
    (co)variances.

    Args:
        y_true: Targets.
        y_pred: Predictions, the shape of `y_true`.
        axis: The axis along which the coefficient is computed.

    Returns:
        The coefficients, shaped like the inputs without `axis`.

    Example:

    >>> y_true, y_pred = np.array([[1.0, 2.0, 3.0]]), np.array([[1.0, 2.0, 4.0]])
    >>> np.round(keras.ops.convert_to_numpy(keras.metrics.concordance_correlation(y_true, y_pred)), 4)
    array([0.8571], dtype=float32)
    """
    y_true, y_pred = _pair(y_true, y_pred)
    true_mean = ops.mean(y_true, axis=axis, keepdims=True)
    pred_mean = ops.mean(y_pred, axis=axis, keepdims=True)
    true_var = ops.var(y_true, axis=axis, keepdims=True)
    pred_var = ops.var(y_pred, axis=axis, keepdims=True)
    covariance = ops.multiply(ops.subtract(y_true, true_mean), ops.subtract(y_pred, pred_mean))
    norm = ops.add(ops.add(true_var, pred_var), ops.square(ops.subtract(true_mean, pred_mean)))
    return ops.mean(ops.divide(ops.multiply(2.0, covariance), ops.add(norm, epsilon())), axis=axis)


class PearsonCorrelation(FunctionMetric):
    """Track the mean Pearson correlation of labels and predictions along `axis`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        axis: The axis along which each correlation is computed.

    Example:

    >>> metric = keras.metrics.PearsonCorrelation()
    >>> metric.update_state(np.array([[1.0, 2.0, 3.0]]), np.array([[3.0, 2.0, 1.0]]))
    >>> round(float(metric.result()), 4)
    -1.0
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    _config_keys = ("axis",)

    def __init__(self, name: str = "pearson_correlation", dtype: Any = None, axis: int = -1) -> None:
        super().__init__(pearson_correlation, name=name, dtype=dtype, axis=axis)
        self.axis = axis


class ConcordanceCorrelation(FunctionMetric):
    """Track the mean concordance correlation of labels and predictions along `axis`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        axis: The axis along which each coefficient is computed.

    Example:

    >>> metric = keras.metrics.ConcordanceCorrelation()
    >>> metric.update_state(np.array([[1.0, 2.0, 3.0]]), np.array([[1.0, 2.0, 3.0]]))
    >>> round(float(metric.result()), 4)
    1.0
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    _config_keys = ("axis",)

    def __init__(self, name: str = "concordance_correlation", dtype: Any = None, axis: int = -1) -> None:
        super().__init__(concordance_correlation, name=name, dtype=dtype, axis=axis)
        self.axis = axis
