"""Thresholded confusion-matrix metrics: the four counts, precision, recall, and X-at-Y.

`update_confusion_matrix` is the one routine that accumulates weighted true/false
positive/negative counts at a list of thresholds. It bins each prediction by how many
thresholds lie strictly below it (`searchsorted`), sums weights per bin
(`segment_sum`), and reads the counts off cumulative sums: memory grows with the
batch plus the number of thresholds, not with their product.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from keras import ops
from keras.backend._variable import Variable
from keras.metrics._metric import Metric, is_int, read
from keras.metrics._shapes import match_ranks
from keras.ops._typing import Tensor

NEG_INF = -1e10
KEYS = ("tp", "fp", "tn", "fn")


def check_thresholds(thresholds: Any) -> list[float]:
    """Return `thresholds` as a list, checking every value lies in [0, 1]."""
    values = list(thresholds) if isinstance(thresholds, (list, tuple, np.ndarray)) else [thresholds]
    invalid = [t for t in values if t is None or not 0 <= t <= 1]
    if invalid:
        raise ValueError(f"Threshold values must be in [0, 1]. Received: {invalid}")
    return [float(t) for t in values]


def parse_thresholds(thresholds: Any, default: float = 0.5) -> list[float]:
    """Return the user's thresholds (checked) or `[default]` when they are `None`."""
    return [float(default)] if thresholds is None else check_thresholds(thresholds)


def even_thresholds(num_thresholds: int) -> list[float]:
    """Return `num_thresholds` thresholds evenly spaced from 0 to 1 (inclusive)."""
    inner = [(i + 1) * 1.0 / (num_thresholds - 1) for i in range(num_thresholds - 2)]
    return [0.0, *inner, 1.0]


def filter_top_k(x: Tensor, k: int) -> Tensor:
    """Keep the `k` largest values along the last axis and set the others to `NEG_INF`."""
    _, indices = ops.top_k(x, k)
    keep = ops.sum(ops.one_hot(indices, x.shape[-1], axis=-1, dtype=x.dtype), axis=-2)
    return ops.add(ops.multiply(x, keep), ops.multiply(NEG_INF, ops.subtract(1.0, keep)))


def _above_and_below(hist: Tensor, num_thresholds: int) -> tuple[Tensor, Tensor]:
    """From per-bin sums (bin = number of thresholds below), the sums above and not above each."""
    below = ops.cumsum(hist, axis=0)[:num_thresholds]
    above = ops.flip(ops.cumsum(ops.flip(hist, axis=0), axis=0), axis=0)[1:]
    return above, below


def update_confusion_matrix(
    variables: Mapping[str, Variable],
    y_true: Any,
    y_pred: Any,
    thresholds: Sequence[float],
    top_k: int | None = None,
    class_id: int | None = None,
    sample_weight: Any = None,
    multi_label: bool = False,
    label_weights: Any = None,
) -> None:
    """Add weighted confusion counts at each threshold to the given variables.

    A prediction is positive at threshold `t` when `y_pred > t`; a label is positive
    when non-zero.

    Args:
        variables: Variables keyed by `"tp"`, `"fp"`, `"tn"`, `"fn"`, of shape
            `(num_thresholds,)`, or `(num_thresholds, num_labels)` when `multi_label`.
        y_true: Labels, the shape of `y_pred`.
        y_pred: Predictions in [0, 1].
        thresholds: The thresholds, in any order.
        top_k: Only the `k` largest predictions of the last axis count as positive.
        class_id: Only this class (last-axis index) is considered.
        sample_weight: Weights broadcastable to `y_true`.
        multi_label: Count each label (last axis of rank-2 inputs) separately.
        label_weights: Per-label weights (only when not `multi_label`).

    Raises:
        ValueError: If a key is invalid, shapes are incompatible, or `class_id` is
            given with rank-1 predictions.
    """
    invalid = [key for key in variables if key not in KEYS]
    if invalid or not variables:
        raise ValueError(f"Invalid confusion matrix keys: {invalid}. Valid keys are {list(KEYS)}.")
    dtype = next(iter(variables.values())).dtype
    y_true = ops.cast(ops.convert_to_tensor(y_true), dtype)
    y_pred = ops.cast(ops.convert_to_tensor(y_pred), dtype)
    y_pred, y_true = match_ranks(y_pred, y_true)
    if _static_mismatch(y_true.shape, y_pred.shape):
        raise ValueError(
            "`y_true` and `y_pred` must have the same shape. Received: "
            f"y_true.shape={tuple(y_true.shape)}, y_pred.shape={tuple(y_pred.shape)}"
        )
    weights = None
    if sample_weight is not None:
        weights = ops.expand_dims(ops.cast(ops.convert_to_tensor(sample_weight), dtype), -1)
        _, weights = match_ranks(y_true, weights, expand_rank_1=False)
    if top_k is not None:
        y_pred = filter_top_k(y_pred, top_k)
    if class_id is not None:
        if len(y_pred.shape) == 1:
            raise ValueError(
                "When class_id is provided, y_pred must be a 2D array with shape "
                f"(num_samples, num_classes), found shape: {tuple(y_pred.shape)}"
            )
        y_true = y_true[..., class_id : class_id + 1]
        y_pred = y_pred[..., class_id : class_id + 1]
        if (
            weights is not None
            and len(weights.shape) == len(y_pred.shape)
            and weights.shape[-1] not in (1, None)
        ):
            weights = weights[..., class_id : class_id + 1]
    weights = ops.ones_like(y_pred) if weights is None else ops.broadcast_to(weights, ops.shape(y_pred))
    if label_weights is not None and not multi_label:
        weights = ops.multiply(weights, ops.broadcast_to(ops.cast(label_weights, dtype), ops.shape(y_pred)))

    order = np.argsort(np.asarray(thresholds, dtype="float64"), kind="stable")
    sorted_thresholds = ops.convert_to_tensor(np.asarray(thresholds, dtype="float64")[order], dtype=dtype)
    num_thresholds = len(order)
    num_labels = 1
    if multi_label:
        num_labels = int(y_pred.shape[-1])
        bins = ops.searchsorted(sorted_thresholds, ops.reshape(y_pred, (-1,)))
        bins = ops.reshape(ops.cast(bins, "int32"), (-1, num_labels))
        bins = ops.reshape(
            ops.add(ops.multiply(bins, num_labels), ops.arange(num_labels, dtype="int32")), (-1,)
        )
    else:
        bins = ops.cast(ops.searchsorted(sorted_thresholds, ops.reshape(y_pred, (-1,))), "int32")
    is_positive = ops.reshape(ops.not_equal(y_true, 0), (-1,))
    flat_weights = ops.reshape(weights, (-1,))
    zero = ops.zeros_like(flat_weights)

    def counts(weight_values: Tensor) -> tuple[Tensor, Tensor]:
        hist = ops.segment_sum(weight_values, bins, num_segments=(num_thresholds + 1) * num_labels)
        if multi_label:
            hist = ops.reshape(hist, (num_thresholds + 1, num_labels))
        return _above_and_below(hist, num_thresholds)

    results: dict[str, Tensor] = {}
    if "tp" in variables or "fn" in variables:
        results["tp"], results["fn"] = counts(ops.where(is_positive, flat_weights, zero))
    if "fp" in variables or "tn" in variables:
        results["fp"], results["tn"] = counts(ops.where(is_positive, zero, flat_weights))
    restore = np.argsort(order, kind="stable")
    identity = bool(np.all(restore == np.arange(num_thresholds)))
    for key, variable in variables.items():
        value = results[key] if identity else ops.take(results[key], restore, axis=0)
        variable.assign(ops.add(read(variable), value))


def _static_mismatch(shape1: Sequence[int | None], shape2: Sequence[int | None]) -> bool:
    if len(shape1) != len(shape2):
        return True
    return any(a is not None and b is not None and a != b for a, b in zip(shape1, shape2, strict=True))


def _single_or_all(value: Tensor, num_thresholds: int) -> Tensor:
    return value[0] if num_thresholds == 1 else value


class _ConfusionCount(Metric):
    """One weighted confusion count (`_key`) per threshold."""

    _key = "tp"

    def __init__(self, thresholds: Any = None, name: str | None = None, dtype: Any = None) -> None:
        super().__init__(name=name, dtype=dtype)
        self.init_thresholds = thresholds
        self.thresholds = parse_thresholds(thresholds)
        self.accumulator = self.add_variable(
            shape=(len(self.thresholds),), initializer="zeros", name="accumulator"
        )

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        """Add this batch's weighted count at each threshold."""
        update_confusion_matrix(
            {self._key: self.accumulator}, y_true, y_pred, self.thresholds, sample_weight=sample_weight
        )

    def result(self) -> Tensor:
        return _single_or_all(read(self.accumulator), len(self.thresholds))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "thresholds": self.init_thresholds}


class TruePositives(_ConfusionCount):
    """Count (weighted) true positives: label non-zero and prediction above the threshold.

    Args:
        thresholds: A float or a list of floats in [0, 1]; the result has one count per
            threshold (a scalar for one). Defaults to 0.5.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.TruePositives()
    >>> metric.update_state(np.array([0, 1, 1, 1]), np.array([1, 0, 1, 1]))
    >>> float(metric.result())
    2.0
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    _key = "tp"


class FalsePositives(_ConfusionCount):
    """Count (weighted) false positives: label zero and prediction above the threshold.

    Args:
        thresholds: A float or a list of floats in [0, 1]; the result has one count per
            threshold (a scalar for one). Defaults to 0.5.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.FalsePositives()
    >>> metric.update_state(np.array([0, 1, 0, 0]), np.array([0, 0, 1, 1]))
    >>> float(metric.result())
    2.0
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    _key = "fp"


class TrueNegatives(_ConfusionCount):
    """Count (weighted) true negatives: label zero and prediction not above the threshold.

    Args:
        thresholds: A float or a list of floats in [0, 1]; the result has one count per
            threshold (a scalar for one). Defaults to 0.5.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.TrueNegatives()
    >>> metric.update_state(np.array([0, 1, 0, 0]), np.array([1, 1, 0, 0]))
    >>> float(metric.result())
    2.0
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    _key = "tn"


class FalseNegatives(_ConfusionCount):
    """Count (weighted) false negatives: label non-zero and prediction not above the threshold.

    Args:
        thresholds: A float or a list of floats in [0, 1]; the result has one count per
            threshold (a scalar for one). Defaults to 0.5.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.FalseNegatives()
    >>> metric.update_state(np.array([0, 1, 1, 1]), np.array([0, 1, 0, 0]))
    >>> float(metric.result())
    2.0
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    _key = "fn"


class _PrecisionRecall(Metric):
    """True positives and one other count per threshold; the result is their ratio."""

    _other = "fp"
    _other_name = "false_positives"

    def __init__(
        self,
        thresholds: Any = None,
        top_k: int | None = None,
        class_id: int | None = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(name=name, dtype=dtype)
        self.init_thresholds = thresholds
        self.top_k = top_k
        self.class_id = class_id
        self.thresholds = parse_thresholds(thresholds, default=0.5 if top_k is None else NEG_INF)
        shape = (len(self.thresholds),)
        self.true_positives = self.add_variable(shape=shape, initializer="zeros", name="true_positives")
        other = self.add_variable(shape=shape, initializer="zeros", name=self._other_name)
        setattr(self, self._other_name, other)
        self._other_variable = other

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        """Add this batch's weighted counts at each threshold."""
        update_confusion_matrix(
            {"tp": self.true_positives, self._other: self._other_variable},
            y_true,
            y_pred,
            self.thresholds,
            top_k=self.top_k,
            class_id=self.class_id,
            sample_weight=sample_weight,
        )

    def result(self) -> Tensor:
        tp = read(self.true_positives)
        ratio = ops.divide_no_nan(tp, ops.add(tp, read(self._other_variable)))
        return _single_or_all(ratio, len(self.thresholds))

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "thresholds": self.init_thresholds,
            "top_k": self.top_k,
            "class_id": self.class_id,
        }


class Precision(_PrecisionRecall):
    """Compute precision, `tp / (tp + fp)`, at one or more thresholds.

    Args:
        thresholds: A float or list of floats in [0, 1]: a prediction above it is
            positive. Defaults to 0.5 (or to "any value" with `top_k`).
        top_k: Only the `top_k` largest predictions of each sample count as positive.
        class_id: Only this class (last-axis index) is considered.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.Precision()
    >>> metric.update_state(np.array([0, 1, 1, 1]), np.array([1, 0, 1, 1]))
    >>> round(float(metric.result()), 4)
    0.6667
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    _other = "fp"
    _other_name = "false_positives"


class Recall(_PrecisionRecall):
    """Compute recall, `tp / (tp + fn)`, at one or more thresholds.

    Args:
        thresholds: A float or list of floats in [0, 1]: a prediction above it is
            positive. Defaults to 0.5 (or to "any value" with `top_k`).
        top_k: Only the `top_k` largest predictions of each sample count as positive.
        class_id: Only this class (last-axis index) is considered.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.Recall()
    >>> metric.update_state(np.array([0, 1, 1, 1]), np.array([1, 0, 1, 1]))
    >>> round(float(metric.result()), 4)
    0.6667
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    _other = "fn"
    _other_name = "false_negatives"


def _rates(metric: _AtMetric) -> dict[str, Tensor]:
    tp, fp = read(metric.true_positives), read(metric.false_positives)
    tn, fn = read(metric.true_negatives), read(metric.false_negatives)
    recall = ops.divide_no_nan(tp, ops.add(tp, fn))
    return {
        "recall": recall,
        "sensitivity": recall,
        "specificity": ops.divide_no_nan(tn, ops.add(tn, fp)),
        "precision": ops.divide_no_nan(tp, ops.add(tp, fp)),
    }


class _AtMetric(Metric):
    """Best value of one rate among the thresholds where another rate reaches a target.

    Subclasses name the constrained rate (`_constrained`, also the constructor argument
    holding the target) and the rate to maximize (`_maximized`).
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    _constrained = "recall"
    _maximized = "precision"

    def __init__(
        self,
        value: float,
        num_thresholds: int = 200,
        class_id: int | None = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        if not 0 <= value <= 1:
            raise ValueError(
                f"Argument `{self._constrained}` must be in the range [0, 1]. "
                f"Received: {self._constrained}={value}"
            )
        if not is_int(num_thresholds, 1):
            raise ValueError(
                f"Argument `num_thresholds` must be an integer > 0. Received: num_thresholds={num_thresholds}"
            )
        super().__init__(name=name, dtype=dtype)
        self.value = value
        self.num_thresholds = num_thresholds
        self.class_id = class_id
        self.thresholds = [0.5] if num_thresholds == 1 else even_thresholds(num_thresholds)
        shape = (len(self.thresholds),)
        self.true_positives = self.add_variable(shape=shape, initializer="zeros", name="true_positives")
        self.false_positives = self.add_variable(shape=shape, initializer="zeros", name="false_positives")
        self.true_negatives = self.add_variable(shape=shape, initializer="zeros", name="true_negatives")
        self.false_negatives = self.add_variable(shape=shape, initializer="zeros", name="false_negatives")

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        """Add this batch's weighted confusion counts at each threshold."""
        update_confusion_matrix(
            {
                "tp": self.true_positives,
                "tn": self.true_negatives,
                "fp": self.false_positives,
                "fn": self.false_negatives,
            },
            y_true,
            y_pred,
            self.thresholds,
            class_id=self.class_id,
            sample_weight=sample_weight,
        )

    def result(self) -> Tensor:
        rates = _rates(self)
        feasible = ops.greater_equal(rates[self._constrained], self.value)
        best = ops.max(ops.where(feasible, rates[self._maximized], 0.0))
        return ops.maximum(best, 0.0)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "class_id": self.class_id,
            "num_thresholds": self.num_thresholds,
            self._constrained: self.value,
        }


_AT_DOC = """Compute the best {maximized} over thresholds where {constrained} is at least `{constrained}`.

    Thresholds are `num_thresholds` values evenly spaced in [0, 1] (0.5 alone for one).

    Args:
        {constrained}: The target {constrained}, in [0, 1].
        num_thresholds: The number of thresholds to evaluate.
        class_id: Only this class (last-axis index) is considered.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Raises:
        ValueError: If `{constrained}` is outside [0, 1] or `num_thresholds` is not positive.

    Example:

    >>> metric = keras.metrics.{cls}({example_value}, num_thresholds=5)
    >>> metric.update_state(np.array([0, 0, 1, 1]), np.array([0.1, 0.6, 0.4, 0.9]))
    >>> float(metric.result())
    {example_result}
    """


class PrecisionAtRecall(_AtMetric):
    _constrained = "recall"
    _maximized = "precision"

    def __init__(
        self,
        recall: float,
        num_thresholds: int = 200,
        class_id: int | None = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(recall, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype)
        self.recall = recall


class RecallAtPrecision(_AtMetric):
    _constrained = "precision"
    _maximized = "recall"

    def __init__(
        self,
        precision: float,
        num_thresholds: int = 200,
        class_id: int | None = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(precision, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype)
        self.precision = precision


class SensitivityAtSpecificity(_AtMetric):
    _constrained = "specificity"
    _maximized = "sensitivity"

    def __init__(
        self,
        specificity: float,
        num_thresholds: int = 200,
        class_id: int | None = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(
            specificity, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype
        )
        self.specificity = specificity


class SpecificityAtSensitivity(_AtMetric):
    _constrained = "sensitivity"
    _maximized = "specificity"

    def __init__(
        self,
        sensitivity: float,
        num_thresholds: int = 200,
        class_id: int | None = None,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(
            sensitivity, num_thresholds=num_thresholds, class_id=class_id, name=name, dtype=dtype
        )
        self.sensitivity = sensitivity


def _document(cls: type[_AtMetric], example_value: float, example_result: float) -> None:
    cls.__doc__ = _AT_DOC.format(
        maximized=cls._maximized,
        constrained=cls._constrained,
        cls=cls.__name__,
        example_value=example_value,
        example_result=example_result,
    )


_document(PrecisionAtRecall, 0.5, 1.0)
_document(RecallAtPrecision, 0.8, 0.5)
_document(SensitivityAtSpecificity, 0.5, 1.0)
_document(SpecificityAtSensitivity, 0.5, 1.0)
