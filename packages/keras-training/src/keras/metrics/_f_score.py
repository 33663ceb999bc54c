"""F-scores: `FBetaScore` and `F1Score`, per class or averaged."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.backend import epsilon
from keras.backend._variable import Variable
from keras.metrics._metric import Metric, read
from keras.ops._typing import Tensor

AVERAGES = (None, "micro", "macro", "weighted")


class FBetaScore(Metric):
    """Compute the F-beta score: `(1 + beta^2) * p * r / (beta^2 * p + r)`.

    Precision `p` and recall `r` come from true/false positive and false negative
    counts accumulated per class (or over all classes with `average="micro"`).

    Args:
        average: `None` (one score per class), `"micro"` (counts pooled over classes),
            `"macro"` (unweighted mean of the class scores) or `"weighted"` (class
            scores weighted by the number of true instances).
        beta: The weight of recall relative to precision, a float > 0.
        threshold: Predictions above it are positive; `None` marks the highest
            prediction of each sample positive.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Raises:
        ValueError: For an unknown `average`, a `beta` that is not a positive float, or
            a `threshold` not a float in (0, 1]; on update, for inputs that are not 2D.

    Example:

    >>> metric = keras.metrics.FBetaScore(beta=2.0, threshold=0.5)
    >>> metric.update_state(np.array([[1, 0], [0, 1]]), np.array([[0.8, 0.6], [0.1, 0.9]]))
    >>> np.round(keras.ops.convert_to_numpy(metric.result()), 3)
    array([1.   , 0.833], dtype=float32)
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    true_positives: Variable
    false_positives: Variable
    false_negatives: Variable
    intermediate_weights: Variable

    def __init__(
        self,
        average: str | None = None,
        beta: float = 1.0,
        threshold: float | None = None,
        name: str = "fbeta_score",
        dtype: Any = None,
    ) -> None:
        if average not in AVERAGES:
            raise ValueError(
                "Invalid `average` argument value. Expected one of: "
                f"{{None, 'micro', 'macro', 'weighted'}}. Received: average={average}"
            )
        if not isinstance(beta, float):
            raise ValueError(
                "Invalid `beta` argument value. It should be a Python float. "
                f"Received: beta={beta} of type '{type(beta)}'"
            )
        if beta <= 0.0:
            raise ValueError(f"Invalid `beta` argument value. It should be > 0. Received: beta={beta}")
        if threshold is not None:
            if not isinstance(threshold, float):
                raise ValueError(
                    "Invalid `threshold` argument value. It should be a Python float. "
                    f"Received: threshold={threshold} of type '{type(threshold)}'"
                )
            if threshold > 1.0 or threshold <= 0.0:
                raise ValueError(
                    "Invalid `threshold` argument value. It should verify 0 < threshold <= 1. "
                    f"Received: threshold={threshold}"
                )
        super().__init__(name=name, dtype=dtype)
        self.average = average
        self.beta = beta
        self.threshold = threshold
        self.axis = None if average == "micro" else 0
        self._built = False

    def _build(self, y_true_shape: Sequence[int | None], y_pred_shape: Sequence[int | None]) -> None:
        name = "FBetaScore"
        if len(y_pred_shape) != 2 or len(y_true_shape) != 2:
            raise ValueError(
                f"{name} expects 2D inputs with shape (batch_size, output_dim). Received input "
                f"shapes: y_pred.shape={tuple(y_pred_shape)} and y_true.shape={tuple(y_true_shape)}."
            )
        if y_pred_shape[-1] is None or y_true_shape[-1] is None:
            raise ValueError(
                f"{name} expects 2D inputs with shape (batch_size, output_dim), with output_dim fully "
                f"defined (not None). Received input shapes: y_pred.shape={tuple(y_pred_shape)} and "
                f"y_true.shape={tuple(y_true_shape)}."
            )
        shape: tuple[int, ...] = () if self.average == "micro" else (int(y_pred_shape[-1]),)
        for variable_name in ("true_positives", "false_positives", "false_negatives", "intermediate_weights"):
            setattr(
                self, variable_name, self.add_variable(shape, "zeros", dtype=self.dtype, name=variable_name)
            )
        self._built = True

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        """Add this batch's (weighted) counts.

        Args:
            y_true: Binary labels, shape `(batch_size, num_classes)`.
            y_pred: Predictions, same shape.
            sample_weight: Per-sample weights, shape `(batch_size,)`.
        """
        y_true = ops.convert_to_tensor(y_true, dtype=self.dtype)
        y_pred = ops.convert_to_tensor(y_pred, dtype=self.dtype)
        if not self._built:
            self._build(tuple(y_true.shape), tuple(y_pred.shape))
        if self.threshold is None:
            top = ops.max(y_pred, axis=-1, keepdims=True)
            positive = ops.logical_and(ops.greater_equal(y_pred, top), ops.greater(ops.abs(y_pred), 1e-9))
        else:
            positive = ops.greater(y_pred, self.threshold)
        y_pred = ops.cast(positive, self.dtype)
        weights = None if sample_weight is None else ops.convert_to_tensor(sample_weight, dtype=self.dtype)

        def weighted_sum(values: Tensor) -> Tensor:
            if weights is not None:
                values = ops.multiply(values, ops.expand_dims(weights, 1))
            return ops.sum(values, axis=self.axis)

        updates = {
            "true_positives": ops.multiply(y_pred, y_true),
            "false_positives": ops.multiply(y_pred, ops.subtract(1.0, y_true)),
            "false_negatives": ops.multiply(ops.subtract(1.0, y_pred), y_true),
            "intermediate_weights": y_true,
        }
        for variable_name, values in updates.items():
            variable = getattr(self, variable_name)
            variable.assign(ops.add(read(variable), weighted_sum(values)))

    def result(self) -> Tensor:
        if not self._built:
            raise ValueError(f"{type(self).__name__} has no state yet: call `update_state` first.")
        tp, fp = read(self.true_positives), read(self.false_positives)
        fn, support = read(self.false_negatives), read(self.intermediate_weights)
        precision = ops.divide(tp, ops.add(ops.add(tp, fp), epsilon()))
        recall = ops.divide(tp, ops.add(ops.add(tp, fn), epsilon()))
        beta_squared = self.beta**2
        harmonic = ops.divide(
            ops.multiply(precision, recall),
            ops.add(ops.add(ops.multiply(beta_squared, precision), recall), epsilon()),
        )
        score = ops.multiply(harmonic, 1.0 + beta_squared)
        if self.average == "weighted":
            share = ops.divide(support, ops.add(ops.sum(support), epsilon()))
            return ops.sum(ops.multiply(score, share))
        if self.average is not None:
            return ops.mean(score)
        return score

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "average": self.average,
            "beta": self.beta,
            "threshold": self.threshold,
        }


class F1Score(FBetaScore):
    """Compute the F1 score, the harmonic mean of precision and recall.

    Args:
        average: `None`, `"micro"`, `"macro"` or `"weighted"` (see `FBetaScore`).
        threshold: Predictions above it are positive; `None` marks the highest
            prediction of each sample positive.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.F1Score(average="micro", threshold=0.5)
    >>> metric.update_state(np.array([[1, 0], [0, 1]]), np.array([[0.8, 0.6], [0.1, 0.9]]))
    >>> round(float(metric.result()), 4)
    0.8
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(
        self,
        average: str | None = None,
        threshold: float | None = None,
        name: str = "f1_score",
        dtype: Any = None,
    ) -> None:
        super().__init__(average=average, beta=1.0, threshold=threshold, name=name, dtype=dtype)

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        del config["beta"]
        return config
