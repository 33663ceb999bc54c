"""Regression metrics: mean errors, root mean squared error, cosine similarity, log-cosh, R^2."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.losses import (
    log_cosh,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    mean_squared_logarithmic_error,
)
from keras.metrics._metric import Metric, read
from keras.metrics._reduction import FunctionMetric, Mean
from keras.metrics._shapes import check_broadcastable, match_ranks
from keras.ops._typing import Tensor

CLASS_AGGREGATIONS = (None, "uniform_average", "variance_weighted_average")


def cosine_similarity(y_true: Any, y_pred: Any, axis: int = -1) -> Tensor:
    """Return the cosine of the angle between `y_true` and `y_pred` along `axis`."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = match_ranks(y_true, y_pred)
    check_broadcastable(y_true, y_pred)
    y_true = ops.normalize(y_true, axis=axis)
    y_pred = ops.normalize(y_pred, axis=axis)
    return ops.sum(ops.multiply(y_true, y_pred), axis=axis)


class MeanSquaredError(FunctionMetric):
    """Compute the mean squared error between labels and predictions.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.MeanSquaredError()
    >>> metric.update_state(np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[1.0, 1.0], [0.0, 0.0]]))
    >>> float(metric.result())
    0.25
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "mean_squared_error", dtype: Any = None) -> None:
        super().__init__(mean_squared_error, name=name, dtype=dtype)


class MeanAbsoluteError(FunctionMetric):
    """Compute the mean absolute error between labels and predictions.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.MeanAbsoluteError()
    >>> metric.update_state(np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[1.0, 1.0], [0.0, 0.0]]))
    >>> float(metric.result())
    0.25
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "mean_absolute_error", dtype: Any = None) -> None:
        super().__init__(mean_absolute_error, name=name, dtype=dtype)


class MeanAbsolutePercentageError(FunctionMetric):
    """Compute the mean absolute percentage error, `100 * |y_true - y_pred| / |y_true|`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.MeanAbsolutePercentageError()
    >>> metric.update_state(np.array([[2.0, 4.0]]), np.array([[1.0, 5.0]]))
    >>> float(metric.result())
    37.5
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "mean_absolute_percentage_error", dtype: Any = None) -> None:
        super().__init__(mean_absolute_percentage_error, name=name, dtype=dtype)


class MeanSquaredLogarithmicError(FunctionMetric):
    """Compute the mean squared error of `log(1 + y)` between labels and predictions.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.MeanSquaredLogarithmicError()
    >>> metric.update_state(np.array([[0.0, 0.0]]), np.array([[0.0, np.e - 1.0]]))
    >>> round(float(metric.result()), 4)
    0.5
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "mean_squared_logarithmic_error", dtype: Any = None) -> None:
        super().__init__(mean_squared_logarithmic_error, name=name, dtype=dtype)


class LogCoshError(FunctionMetric):
    """Compute the mean of `log(cosh(y_pred - y_true))`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.LogCoshError()
    >>> metric.update_state(np.array([[0.0, 1.0]]), np.array([[0.0, 1.0]]))
    >>> float(metric.result())
    0.0
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "logcosh", dtype: Any = None) -> None:
        super().__init__(log_cosh, name=name, dtype=dtype)


class CosineSimilarity(FunctionMetric):
    """Compute the mean cosine similarity between labels and predictions along `axis`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        axis: The axis along which the similarity is computed.

    Example:

    >>> metric = keras.metrics.CosineSimilarity(axis=1)
    >>> metric.update_state(np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([[1.0, 0.0], [1.0, 1.0]]))
    >>> round(float(metric.result()), 4)
    0.5
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "cosine_similarity", dtype: Any = None, axis: int = -1) -> None:
        super().__init__(cosine_similarity, name=name, dtype=dtype, axis=axis)
        self.axis = axis


class RootMeanSquaredError(Mean):
    """Compute the root of the mean squared error between labels and predictions.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.RootMeanSquaredError()
    >>> metric.update_state(np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[1.0, 1.0], [0.0, 0.0]]))
    >>> float(metric.result())
    0.5
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "root_mean_squared_error", dtype: Any = None) -> None:
        super().__init__(name=name, dtype=dtype)

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:  # type: ignore[override]
        """Add this batch's (weighted) squared errors."""
        y_true = ops.convert_to_tensor(y_true, self.dtype)
        y_pred = ops.convert_to_tensor(y_pred, self.dtype)
        y_true, y_pred = match_ranks(y_true, y_pred)
        check_broadcastable(y_true, y_pred)
        super().update_state(ops.square(ops.subtract(y_pred, y_true)), sample_weight=sample_weight)

    def result(self) -> Tensor:
        return ops.sqrt(super().result())


class R2Score(Metric):
    """Compute the coefficient of determination R^2 per output, aggregated.

    `R^2 = 1 - sum((y_true - y_pred)^2) / sum((y_true - mean(y_true))^2)`, accumulated
    over batches (weighted); with `num_regressors = p > 0` the adjusted score
    `1 - (1 - R^2) * (n - 1) / (n - p - 1)` is returned when `n - p - 1 > 0`, where `n`
    counts the label entries seen.

    Args:
        class_aggregation: `"uniform_average"` (mean over outputs),
            `"variance_weighted_average"` (weighted by each output's variance) or `None`
            (one score per output).
        num_regressors: The number of independent regressors, for the adjusted score.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Raises:
        ValueError: For an unknown `class_aggregation` or a negative `num_regressors`;
            on update, for inputs that are not 2D.

    Example:

    >>> metric = keras.metrics.R2Score()
    >>> metric.update_state(np.array([[1.0], [4.0], [3.0]]), np.array([[2.0], [4.0], [4.0]]))
    >>> round(float(metric.result()), 4)
    0.5714
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(
        self,
        class_aggregation: str | None = "uniform_average",
        num_regressors: int = 0,
        name: str = "r2_score",
        dtype: Any = None,
    ) -> None:
        if class_aggregation not in CLASS_AGGREGATIONS:
            raise ValueError(
                "Invalid value for argument `class_aggregation`. Expected one of "
                f"{CLASS_AGGREGATIONS}. Received: class_aggregation={class_aggregation}"
            )
        if num_regressors < 0:
            raise ValueError(
                "Invalid value for argument `num_regressors`. Expected a value >= 0. "
                f"Received: num_regressors={num_regressors}"
            )
        super().__init__(name=name, dtype=dtype)
        self.class_aggregation = class_aggregation
        self.num_regressors = num_regressors
        self.num_samples = self.add_variable(shape=(), initializer="zeros", name="num_samples")
        self._built = False

    def _build(self, y_true_shape: Sequence[int | None], y_pred_shape: Sequence[int | None]) -> None:
        if len(y_pred_shape) != 2 or len(y_true_shape) != 2:
            raise ValueError(
                "R2Score expects 2D inputs with shape (batch_size, output_dim). Received input "
                f"shapes: y_pred.shape={tuple(y_pred_shape)} and y_true.shape={tuple(y_true_shape)}."
            )
        if y_pred_shape[-1] is None or y_true_shape[-1] is None:
            raise ValueError(
                "R2Score expects 2D inputs with shape (batch_size, output_dim), with output_dim fully "
                f"defined (not None). Received input shapes: y_pred.shape={tuple(y_pred_shape)} and "
                f"y_true.shape={tuple(y_true_shape)}."
            )
        shape = (int(y_pred_shape[-1]),)
        self.squared_sum = self.add_variable(shape, "zeros", name="squared_sum")
        self.sum = self.add_variable(shape, "zeros", name="sum")
        self.total_mse = self.add_variable(shape, "zeros", name="residual")
        self.count = self.add_variable(shape, "zeros", name="count")
        self._built = True

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        """Add this batch's weighted sums.

        Args:
            y_true: Targets, shape `(batch_size, num_outputs)`.
            y_pred: Predictions, same shape.
            sample_weight: Per-sample weights `(batch_size,)` or per-entry weights.
        """
        y_true = ops.convert_to_tensor(y_true, dtype=self.dtype)
        y_pred = ops.convert_to_tensor(y_pred, dtype=self.dtype)
        y_true, y_pred = match_ranks(y_true, y_pred)
        if not self._built:
            self._build(tuple(y_true.shape), tuple(y_pred.shape))
        check_broadcastable(y_true, y_pred)
        weights = ops.convert_to_tensor(1.0 if sample_weight is None else sample_weight, dtype=self.dtype)
        if len(weights.shape) == 1:
            weights = ops.expand_dims(weights, axis=1)
        weights = ops.broadcast_to(weights, ops.shape(y_true))
        weighted_true = ops.multiply(y_true, weights)
        residual = ops.multiply(ops.square(ops.subtract(y_true, y_pred)), weights)
        self.sum.assign(ops.add(read(self.sum), ops.sum(weighted_true, axis=0)))
        self.squared_sum.assign(
            ops.add(read(self.squared_sum), ops.sum(ops.multiply(y_true, weighted_true), axis=0))
        )
        self.total_mse.assign(ops.add(read(self.total_mse), ops.sum(residual, axis=0)))
        self.count.assign(ops.add(read(self.count), ops.sum(weights, axis=0)))
        self.num_samples.assign(ops.add(read(self.num_samples), ops.cast(ops.size(y_true), self.dtype)))

    def result(self) -> Tensor:
        if not self._built:
            raise ValueError("R2Score has no state yet: call `update_state` first.")
        mean = ops.divide(read(self.sum), read(self.count))
        total = ops.subtract(read(self.squared_sum), ops.multiply(read(self.sum), mean))
        raw_scores = ops.subtract(1.0, ops.divide(read(self.total_mse), total))
        raw_scores = ops.where(ops.isinf(raw_scores), 0.0, raw_scores)
        if self.class_aggregation == "uniform_average":
            score = ops.mean(raw_scores)
        elif self.class_aggregation == "variance_weighted_average":
            score = ops.divide(ops.sum(ops.multiply(total, raw_scores)), ops.sum(total))
        else:
            score = raw_scores
        if self.num_regressors == 0:
            return score
        n = ops.cast(read(self.num_samples), "float32")
        dof = ops.subtract(ops.subtract(n, float(self.num_regressors)), 1.0)
        adjusted = ops.subtract(
            1.0, ops.divide(ops.multiply(ops.subtract(1.0, score), ops.subtract(n, 1.0)), dof)
        )
        return ops.where(ops.greater(dof, 0.0), adjusted, score)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "class_aggregation": self.class_aggregation,
            "num_regressors": self.num_regressors,
        }
