"""`keras.metrics.AUC`: area under the ROC, PR or PR-gain curve from thresholded counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.backend import epsilon
from keras.backend._variable import Variable
from keras.metrics._confusion import check_thresholds, update_confusion_matrix
from keras.metrics._metric import Metric, is_int, read
from keras.ops._typing import Tensor

CURVES = {"roc": "ROC", "pr": "PR", "prgain": "PRGAIN"}
SUMMATION_METHODS = {"interpolation": "interpolation", "majoring": "majoring", "minoring": "minoring"}


def _curve(curve: Any) -> str:
    value = getattr(curve, "value", curve)
    if isinstance(value, str) and value in ("ROC", "roc", "PR", "pr", "PRGAIN", "prgain"):
        return CURVES[value.lower()]
    raise ValueError(f'Invalid AUC curve value: "{curve}". Expected values are ["PR", "ROC", "PRGAIN"]')


def _summation_method(method: Any) -> str:
    value = getattr(method, "value", method)
    if isinstance(value, str) and value.lower() in SUMMATION_METHODS and value[1:].islower():
        return SUMMATION_METHODS[value.lower()]
    raise ValueError(
        f'Invalid AUC summation method value: "{method}". '
        'Expected values are ["interpolation", "majoring", "minoring"]'
    )


class AUC(Metric):
    """Approximate the area under the ROC or precision-recall curve.

    The metric accumulates true/false positive/negative counts at `num_thresholds`
    thresholds and sums the curve they trace with a Riemann sum: `"interpolation"`
    (trapezoids; for PR, the interpolation of Davis & Goadrich 2006), `"minoring"`
    (the lower of each interval's end values) or `"majoring"` (the higher).

    Args:
        num_thresholds: The number of thresholds, evenly spaced in [0, 1]; must be > 1.
        curve: `"ROC"`, `"PR"` (precision-recall) or `"PRGAIN"` (precision-recall gain).
        summation_method: `"interpolation"`, `"minoring"` or `"majoring"`.
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        thresholds: Explicit thresholds in [0, 1] (overrides `num_thresholds`); the
            end points just below 0 and just above 1 are always added.
        multi_label: Whether rank-2 inputs hold independent labels (one curve per
            label, averaged) rather than being flattened into one curve.
        num_labels: The number of labels with `multi_label=True`, to create the state
            before the first batch; inferred from it otherwise.
        label_weights: Per-label weights: of the labels' areas with `multi_label`,
            of the counts otherwise.
        from_logits: Whether predictions are logits (a sigmoid is applied).

    Raises:
        ValueError: For an unknown `curve` or `summation_method`, `num_thresholds <= 1`,
            thresholds outside [0, 1], or `num_labels` without `multi_label`.

    Example:

    >>> metric = keras.metrics.AUC(num_thresholds=3)
    >>> metric.update_state(np.array([0, 0, 1, 1]), np.array([0.0, 0.5, 0.3, 0.9]))
    >>> float(metric.result())
    0.75
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    true_positives: Variable
    false_positives: Variable
    true_negatives: Variable
    false_negatives: Variable

    def __init__(
        self,
        num_thresholds: int = 200,
        curve: str = "ROC",
        summation_method: str = "interpolation",
        name: str | None = None,
        dtype: Any = None,
        thresholds: Sequence[float] | None = None,
        multi_label: bool = False,
        num_labels: int | None = None,
        label_weights: Any = None,
        from_logits: bool = False,
    ) -> None:
        curve_name = _curve(curve)
        method = _summation_method(summation_method)
        self._init_from_thresholds = thresholds is not None
        if thresholds is not None:
            inner = sorted(check_thresholds(thresholds))
            num_thresholds = len(inner) + 2
        else:
            if not is_int(num_thresholds, 2):
                raise ValueError(
                    f"Argument `num_thresholds` must be an integer > 1. Received: num_thresholds={num_thresholds}"
                )
            inner = [(i + 1) * 1.0 / (num_thresholds - 1) for i in range(num_thresholds - 2)]
        if num_labels and not multi_label:
            raise ValueError("`num_labels` is needed only when `multi_label` is True.")
        super().__init__(name=name, dtype=dtype)
        self.num_thresholds = num_thresholds
        self._thresholds = [0.0 - epsilon(), *inner, 1.0 + epsilon()]
        self.curve = curve_name
        self.summation_method = method
        self.multi_label = multi_label
        self.num_labels = num_labels
        self._label_weights_config = None if label_weights is None else [float(w) for w in label_weights]
        self.label_weights = (
            None if label_weights is None else ops.convert_to_tensor(label_weights, self.dtype)
        )
        self._from_logits = from_logits
        self._built = False
        if not multi_label:
            self._build(None)
        elif num_labels:
            self._build((None, num_labels))

    @property
    def thresholds(self) -> list[float]:
        """The thresholds, including the two end points."""
        return list(self._thresholds)

    def _build(self, shape: Sequence[int | None] | None) -> None:
        if self.multi_label:
            assert shape is not None
            if len(shape) != 2:
                raise ValueError(
                    f"`y_pred` must have rank 2 when `multi_label=True`. Found rank {len(shape)}. "
                    f"Full shape received for `y_pred`: {tuple(shape)}"
                )
            self._num_labels = int(shape[1])  # type: ignore[arg-type]
            variable_shape: tuple[int, ...] = (self.num_thresholds, self._num_labels)
        else:
            variable_shape = (self.num_thresholds,)
        self._build_input_shape = shape
        for variable_name in ("true_positives", "false_positives", "true_negatives", "false_negatives"):
            setattr(self, variable_name, self.add_variable(variable_shape, "zeros", name=variable_name))
        self._built = True

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        """Add this batch's weighted confusion counts at each threshold.

        Args:
            y_true: Binary labels, the shape of `y_pred`.
            y_pred: Predicted probabilities in [0, 1] (logits with `from_logits=True`).
            sample_weight: Weights broadcastable to `y_true`.
        """
        y_pred = ops.convert_to_tensor(y_pred)
        if not self._built:
            self._build(tuple(y_pred.shape))
        if self._from_logits:
            y_pred = ops.sigmoid(y_pred)
        update_confusion_matrix(
            {
                "tp": self.true_positives,
                "tn": self.true_negatives,
                "fp": self.false_positives,
                "fn": self.false_negatives,
            },
            y_true,
            y_pred,
            self._thresholds,
            sample_weight=sample_weight,
            multi_label=self.multi_label,
            label_weights=None if self.multi_label else self.label_weights,
        )

    def _counts(self) -> tuple[Tensor, Tensor, Tensor, Tensor]:
        return (
            read(self.true_positives),
            read(self.false_positives),
            read(self.true_negatives),
            read(self.false_negatives),
        )

    def _aggregate(self, increments: Tensor) -> Tensor:
        if not self.multi_label:
            return ops.sum(increments)
        by_label = ops.sum(increments, axis=0)
        if self.label_weights is None:
            return ops.mean(by_label)
        return ops.divide_no_nan(
            ops.sum(ops.multiply(by_label, self.label_weights)), ops.sum(self.label_weights)
        )

    def _interpolate_pr_auc(self) -> Tensor:
        # Between consecutive thresholds A and B, TP and P = TP + FP vary linearly, so
        # precision = TP / P integrates in closed form: slope * (dTP + intercept * log(P_A / P_B)).
        tp, fp, _, fn = self._counts()
        positives = ops.add(tp, fp)
        dtp = ops.subtract(tp[:-1], tp[1:])
        dp = ops.subtract(positives[:-1], positives[1:])
        slope = ops.divide_no_nan(dtp, ops.maximum(dp, 0.0))
        intercept = ops.subtract(tp[1:], ops.multiply(slope, positives[1:]))
        both_positive = ops.logical_and(ops.greater(positives[:-1], 0.0), ops.greater(positives[1:], 0.0))
        ratio = ops.where(
            both_positive,
            ops.divide_no_nan(positives[:-1], ops.maximum(positives[1:], 0.0)),
            ops.ones_like(positives[1:]),
        )
        area = ops.multiply(slope, ops.add(dtp, ops.multiply(intercept, ops.log(ratio))))
        increments = ops.divide_no_nan(area, ops.maximum(ops.add(tp[1:], fn[1:]), 0.0))
        return self._aggregate(increments)

    def _curve_points(self) -> tuple[Tensor, Tensor]:
        tp, fp, tn, fn = self._counts()
        recall = ops.divide_no_nan(tp, ops.add(tp, fn))
        if self.curve == "ROC":
            return ops.divide_no_nan(fp, ops.add(fp, tn)), recall
        if self.curve == "PR":
            return recall, ops.divide_no_nan(tp, ops.add(tp, fp))
        scale = ops.divide_no_nan(ops.add(tp, fn), ops.add(tn, fp))
        no_tp = ops.equal(tp, 0.0)
        recall_gain = ops.subtract(1.0, ops.multiply(scale, ops.divide_no_nan(fn, tp)))
        precision_gain = ops.subtract(1.0, ops.multiply(scale, ops.divide_no_nan(fp, tp)))
        recall_gain = ops.maximum(ops.where(no_tp, 0.0, recall_gain), 0.0)
        precision_gain = ops.where(no_tp, 1.0, precision_gain)
        return recall_gain, precision_gain

    def result(self) -> Tensor:
        if self.curve == "PR" and self.summation_method == "interpolation":
            return self._interpolate_pr_auc()
        x, y = self._curve_points()
        if self.summation_method == "interpolation":
            heights = ops.divide(ops.add(y[:-1], y[1:]), 2.0)
        elif self.summation_method == "minoring":
            heights = ops.minimum(y[:-1], y[1:])
        else:
            heights = ops.maximum(y[:-1], y[1:])
        return self._aggregate(ops.multiply(ops.subtract(x[:-1], x[1:]), heights))

    def reset_state(self) -> None:
        if self._built:
            super().reset_state()

    def get_config(self) -> dict[str, Any]:
        config = {
            **super().get_config(),
            "num_thresholds": self.num_thresholds,
            "curve": self.curve,
            "summation_method": self.summation_method,
            "multi_label": self.multi_label,
            "num_labels": self.num_labels,
            "label_weights": self._label_weights_config,
            "from_logits": self._from_logits,
        }
        if self._init_from_thresholds:
            config["thresholds"] = self.thresholds[1:-1]
        return config
