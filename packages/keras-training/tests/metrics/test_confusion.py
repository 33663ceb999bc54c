"""Thresholded metrics against numpy: the four counts, precision, recall, X-at-Y, and AUC."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from metric_testing import BINARY, PROBS, REAL_PRED, WEIGHTS, accumulate

from keras import metrics
from keras.backend import epsilon

Array = np.ndarray[Any, Any]
THRESHOLDS = [0.7, 0.2, 0.5]  # deliberately unsorted


def counts(y_true: Array, y_pred: Array, weights: Array | None, thresholds: list[float]) -> dict[str, Array]:
    """Weighted tp/fp/tn/fn per threshold over all entries: positive when `y_pred > t`."""
    t = (y_true.reshape(-1) != 0)[None, :]
    if weights is None:
        w = np.ones_like(y_pred)
    else:
        w = np.broadcast_to(weights if weights.ndim == y_pred.ndim else weights[..., None], y_pred.shape)
    w = w.reshape(-1)[None, :]
    p = y_pred.reshape(-1)[None, :] > np.asarray(thresholds, dtype="float32")[:, None]
    return {
        "tp": (w * (t & p)).sum(1),
        "fp": (w * (~t & p)).sum(1),
        "tn": (w * (~t & ~p)).sum(1),
        "fn": (w * (t & ~p)).sum(1),
    }


def batches(weighted: bool, y_pred: Array = PROBS) -> list[tuple[Any, ...]]:
    return [(BINARY[i], y_pred[i], WEIGHTS[i] if weighted else None) for i in range(3)]


COUNT_CLASSES = [
    (metrics.TruePositives, "tp"),
    (metrics.FalsePositives, "fp"),
    (metrics.TrueNegatives, "tn"),
    (metrics.FalseNegatives, "fn"),
]


@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
@pytest.mark.parametrize("thresholds", [None, 0.3, THRESHOLDS], ids=["default", "one", "three"])
@pytest.mark.parametrize(("cls", "key"), COUNT_CLASSES, ids=[key for _, key in COUNT_CLASSES])
def test_counts_match_numpy(cls: Any, key: str, thresholds: Any, weighted: bool) -> None:
    got = accumulate(cls(thresholds=thresholds), batches(weighted))
    listed = [0.5] if thresholds is None else thresholds if isinstance(thresholds, list) else [thresholds]
    expected = counts(BINARY, PROBS, WEIGHTS if weighted else None, listed)[key]
    np.testing.assert_allclose(got, expected if len(listed) > 1 else expected[0], rtol=1e-5)


def _ratio(a: Array, b: Array) -> Array:
    return np.where(a + b > 0, a / np.where(a + b > 0, a + b, 1), 0.0)


@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
@pytest.mark.parametrize(
    ("cls", "other"), [(metrics.Precision, "fp"), (metrics.Recall, "fn")], ids=["precision", "recall"]
)
def test_precision_and_recall_at_thresholds(cls: Any, other: str, weighted: bool) -> None:
    got = accumulate(cls(thresholds=THRESHOLDS), batches(weighted))
    c = counts(BINARY, PROBS, WEIGHTS if weighted else None, THRESHOLDS)
    np.testing.assert_allclose(got, _ratio(c["tp"], c[other]), rtol=1e-5)


@pytest.mark.parametrize(
    ("cls", "other"), [(metrics.Precision, "fp"), (metrics.Recall, "fn")], ids=["precision", "recall"]
)
def test_precision_and_recall_with_class_id_and_top_k(cls: Any, other: str) -> None:
    got = accumulate(cls(class_id=2), batches(True))
    c = counts(BINARY[..., 2], PROBS[..., 2], WEIGHTS, [0.5])
    np.testing.assert_allclose(got, _ratio(c["tp"], c[other])[0], rtol=1e-5)
    # top_k=2: only the two largest predictions of each sample are positive (at any threshold)
    top = np.argsort(-PROBS, axis=-1)[..., :2]
    kept = np.zeros_like(PROBS)
    np.put_along_axis(kept, top, 1.0, axis=-1)
    got = accumulate(cls(top_k=2), batches(True))
    c = counts(BINARY, kept, WEIGHTS, [0.5])
    np.testing.assert_allclose(got, _ratio(c["tp"], c[other])[0], rtol=1e-5)


def even(num_thresholds: int) -> list[float]:
    return [0.0] + [(i + 1) / (num_thresholds - 1) for i in range(num_thresholds - 2)] + [1.0]


AT_CASES: list[tuple[Any, str, str, float]] = [
    (metrics.PrecisionAtRecall, "recall", "precision", 0.6),
    (metrics.RecallAtPrecision, "precision", "recall", 0.5),
    (metrics.SensitivityAtSpecificity, "specificity", "recall", 0.5),
    (metrics.SpecificityAtSensitivity, "recall", "specificity", 0.7),
]


def rates(c: dict[str, Array]) -> dict[str, Array]:
    return {
        "recall": _ratio(c["tp"], c["fn"]),
        "precision": _ratio(c["tp"], c["fp"]),
        "specificity": _ratio(c["tn"], c["fp"]),
    }


@pytest.mark.parametrize("num_thresholds", [1, 21], ids=["one", "twenty_one"])
@pytest.mark.parametrize(
    ("cls", "constrained", "maximized", "target"), AT_CASES, ids=[c[0].__name__ for c in AT_CASES]
)
def test_at_metrics_match_numpy(
    cls: Any, constrained: str, maximized: str, target: float, num_thresholds: int
) -> None:
    got = accumulate(cls(target, num_thresholds=num_thresholds), batches(True))
    thresholds = [0.5] if num_thresholds == 1 else even(num_thresholds)
    r = rates(counts(BINARY, PROBS, WEIGHTS, thresholds))
    expected = max(0.0, np.where(r[constrained] >= target, r[maximized], 0.0).max())
    np.testing.assert_allclose(got, expected, rtol=1e-5)


def test_at_metric_with_class_id() -> None:
    got = accumulate(metrics.SensitivityAtSpecificity(0.5, num_thresholds=11, class_id=1), batches(False))
    r = rates(counts(BINARY[..., 1], PROBS[..., 1], None, even(11)))
    np.testing.assert_allclose(got, np.where(r["specificity"] >= 0.5, r["recall"], 0.0).max(), rtol=1e-5)


# --- AUC ------------------------------------------------------------------------------


def auc_thresholds(num_thresholds: int) -> list[float]:
    inner = [(i + 1) / (num_thresholds - 1) for i in range(num_thresholds - 2)]
    return [-epsilon(), *inner, 1.0 + epsilon()]


def riemann(x: Array, y: Array, method: str) -> float:
    if method == "interpolation":
        heights = (y[:-1] + y[1:]) / 2
    elif method == "minoring":
        heights = np.minimum(y[:-1], y[1:])
    else:
        heights = np.maximum(y[:-1], y[1:])
    return float(((x[:-1] - x[1:]) * heights).sum())


def roc_points(c: dict[str, Array]) -> tuple[Array, Array]:
    return _ratio(c["fp"], c["tn"]), _ratio(c["tp"], c["fn"])


def pr_points(c: dict[str, Array]) -> tuple[Array, Array]:
    return _ratio(c["tp"], c["fn"]), _ratio(c["tp"], c["fp"])


def pr_interpolated(c: dict[str, Array]) -> float:
    """Davis & Goadrich: TP and P = TP + FP linear in each interval, precision integrated exactly."""
    tp, p, fn = c["tp"], c["tp"] + c["fp"], c["fn"]
    total = 0.0
    for a in range(len(tp) - 1):
        dtp, dp = tp[a] - tp[a + 1], p[a] - p[a + 1]
        if dp <= 0 or dtp == 0:
            continue
        slope = dtp / dp
        intercept = tp[a + 1] - slope * p[a + 1]
        log_ratio = np.log(p[a] / p[a + 1]) if p[a] > 0 and p[a + 1] > 0 else 0.0
        total += (
            slope * (dtp + intercept * log_ratio) / (tp[a + 1] + fn[a + 1])
            if tp[a + 1] + fn[a + 1] > 0
            else 0
        )
    return float(total)


@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
@pytest.mark.parametrize("method", ["interpolation", "minoring", "majoring"])
@pytest.mark.parametrize("curve", ["ROC", "PR"])
def test_auc_matches_numpy_riemann_sums(curve: str, method: str, weighted: bool) -> None:
    got = accumulate(metrics.AUC(num_thresholds=13, curve=curve, summation_method=method), batches(weighted))
    c = counts(BINARY, PROBS, WEIGHTS if weighted else None, auc_thresholds(13))
    if curve == "PR" and method == "interpolation":
        expected = pr_interpolated(c)
    else:
        expected = riemann(*(roc_points(c) if curve == "ROC" else pr_points(c)), method)
    np.testing.assert_allclose(got, expected, rtol=1e-5)


def test_roc_auc_with_many_thresholds_approaches_the_rank_statistic() -> None:
    y_true, y_pred = BINARY.reshape(-1), PROBS.reshape(-1)
    positives, negatives = y_pred[y_true == 1], y_pred[y_true == 0]
    exact = (positives[:, None] > negatives[None, :]).mean()
    got = accumulate(metrics.AUC(num_thresholds=2000), batches(False))
    np.testing.assert_allclose(got, exact, atol=2e-3)


def test_auc_with_explicit_thresholds_and_logits() -> None:
    got = accumulate(
        metrics.AUC(thresholds=THRESHOLDS, curve="PR", summation_method="majoring"), batches(True)
    )
    thresholds = [-epsilon(), *sorted(THRESHOLDS), 1 + epsilon()]
    expected = riemann(*pr_points(counts(BINARY, PROBS, WEIGHTS, thresholds)), "majoring")
    np.testing.assert_allclose(got, expected, rtol=1e-5)
    got = accumulate(metrics.AUC(num_thresholds=9, from_logits=True), batches(False, REAL_PRED))
    probabilities = 1 / (1 + np.exp(-REAL_PRED))
    np.testing.assert_allclose(
        got,
        riemann(*roc_points(counts(BINARY, probabilities, None, auc_thresholds(9))), "interpolation"),
        rtol=1e-5,
    )


def test_auc_multi_label_averages_label_areas_with_weights() -> None:
    label_weights = np.array([1.0, 2.0, 0.5, 1.0])
    metric = metrics.AUC(num_thresholds=9, multi_label=True, label_weights=label_weights)
    got = accumulate(metric, batches(True))
    areas = np.array(
        [
            riemann(
                *roc_points(counts(BINARY[..., k], PROBS[..., k], WEIGHTS, auc_thresholds(9))),
                "interpolation",
            )
            for k in range(4)
        ]
    )
    np.testing.assert_allclose(got, (areas * label_weights).sum() / label_weights.sum(), rtol=1e-5)
    assert tuple(metric.true_positives.shape) == (9, 4)
    unweighted = accumulate(metrics.AUC(num_thresholds=9, multi_label=True, num_labels=4), batches(True))
    np.testing.assert_allclose(unweighted, areas.mean(), rtol=1e-5)


def test_auc_label_weights_without_multi_label_weight_the_counts() -> None:
    label_weights = np.array([1.0, 2.0, 0.5, 1.0], dtype="float32")
    got = accumulate(metrics.AUC(num_thresholds=9, label_weights=label_weights), batches(False))
    y_true = BINARY.reshape(-1)
    w = np.broadcast_to(label_weights, BINARY.shape).reshape(-1)
    p = PROBS.reshape(-1)[None, :] > np.asarray(auc_thresholds(9), dtype="float32")[:, None]
    t = (y_true != 0)[None, :]
    c = {
        "tp": (w * (t & p)).sum(1),
        "fp": (w * (~t & p)).sum(1),
        "tn": (w * (~t & ~p)).sum(1),
        "fn": (w * (t & ~p)).sum(1),
    }
    np.testing.assert_allclose(got, riemann(*roc_points(c), "interpolation"), rtol=1e-5)


def test_auc_pr_gain_matches_numpy() -> None:
    got = accumulate(metrics.AUC(num_thresholds=11, curve="PRGAIN"), batches(False))
    c = counts(BINARY, PROBS, None, auc_thresholds(11))
    scale = (c["tp"] + c["fn"]) / (c["tn"] + c["fp"])
    safe_tp = np.where(c["tp"] > 0, c["tp"], 1)
    recall_gain = np.where(c["tp"] > 0, 1 - scale * c["fn"] / safe_tp, 0.0).clip(min=0)
    precision_gain = np.where(c["tp"] > 0, 1 - scale * c["fp"] / safe_tp, 1.0)
    np.testing.assert_allclose(got, riemann(recall_gain, precision_gain, "interpolation"), rtol=1e-5)


# --- errors ---------------------------------------------------------------------------

ERRORS: list[tuple[Callable[[], Any], str]] = [
    (
        lambda: metrics.Precision(thresholds=[0.5, 1.5]),
        r"Threshold values must be in \[0, 1\]\. Received: \[1\.5\]",
    ),
    (
        lambda: metrics.TruePositives(thresholds=-0.1),
        r"Threshold values must be in \[0, 1\]\. Received: \[-0\.1\]",
    ),
    (
        lambda: metrics.AUC(num_thresholds=1),
        r"Argument `num_thresholds` must be an integer > 1\. Received: num_thresholds=1",
    ),
    (
        lambda: metrics.AUC(curve="XY"),
        r'Invalid AUC curve value: "XY"\. Expected values are \["PR", "ROC", "PRGAIN"\]',
    ),
    (lambda: metrics.AUC(summation_method="mid"), r'Invalid AUC summation method value: "mid"'),
    (lambda: metrics.AUC(num_labels=3), r"`num_labels` is needed only when `multi_label` is True\."),
    (
        lambda: metrics.AUC(multi_label=True, num_labels=None).update_state(np.ones(4), np.ones(4)),
        r"`y_pred` must have rank 2 when `multi_label=True`\. Found rank 1",
    ),
    (
        lambda: metrics.PrecisionAtRecall(1.5),
        r"Argument `recall` must be in the range \[0, 1\]\. Received: recall=1\.5",
    ),
    (
        lambda: metrics.RecallAtPrecision(-1),
        r"Argument `precision` must be in the range \[0, 1\]\. Received: precision=-1",
    ),
    (lambda: metrics.SensitivityAtSpecificity(2), r"Argument `specificity` must be in the range \[0, 1\]"),
    (
        lambda: metrics.SpecificityAtSensitivity(0.5, num_thresholds=0),
        r"Argument `num_thresholds` must be an integer > 0\. Received: num_thresholds=0",
    ),
    (
        lambda: metrics.Precision().update_state(np.ones((4, 3)), np.ones((4, 2))),
        r"`y_true` and `y_pred` must have the same shape\. Received: y_true.shape=\(4, 3\), y_pred.shape=\(4, 2\)",
    ),
    (
        lambda: metrics.Recall(class_id=1).update_state(np.ones(4), np.ones(4)),
        r"When class_id is provided, y_pred must be a 2D array",
    ),
]


@pytest.mark.parametrize(("build", "match"), ERRORS, ids=[str(i) for i in range(len(ERRORS))])
def test_bad_arguments_raise(build: Callable[[], Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        build()
