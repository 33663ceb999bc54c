"""F-beta / F1 and R^2 against numpy over three weighted batches."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from metric_testing import BINARY, PROBS, REAL_PRED, REAL_TRUE, WEIGHTS, accumulate, stack

from keras import metrics
from keras.backend import epsilon

Array = np.ndarray[Any, Any]


def fbeta(
    y_true: Array, y_pred: Array, w: Array, beta: float, threshold: float | None, average: str | None
) -> Array:
    if threshold is None:
        positive = (y_pred >= y_pred.max(-1, keepdims=True)) & (np.abs(y_pred) > 1e-9)
    else:
        positive = y_pred > threshold
    p, t, w = positive.astype("float64"), y_true.astype("float64"), w[:, None]
    axis = None if average == "micro" else 0
    tp, fp = (w * p * t).sum(axis), (w * p * (1 - t)).sum(axis)
    fn, support = (w * (1 - p) * t).sum(axis), (w * t).sum(axis)
    eps = epsilon()
    precision, recall = tp / (tp + fp + eps), tp / (tp + fn + eps)
    score = (1 + beta**2) * precision * recall / (beta**2 * precision + recall + eps)
    if average == "weighted":
        return np.asarray((score * support / (support.sum() + eps)).sum())
    return np.asarray(score.mean()) if average is not None else score


@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
@pytest.mark.parametrize("average", [None, "micro", "macro", "weighted"], ids=str)
@pytest.mark.parametrize(
    ("beta", "threshold"), [(1.0, None), (2.0, 0.5), (0.5, 0.3)], ids=["f1_top", "f2", "f_half"]
)
def test_fbeta_matches_numpy(
    beta: float, threshold: float | None, average: str | None, weighted: bool
) -> None:
    make = metrics.F1Score if beta == 1.0 else metrics.FBetaScore
    kwargs: dict[str, Any] = {"average": average, "threshold": threshold}
    if beta != 1.0:
        kwargs["beta"] = beta
    got = accumulate(
        make(**kwargs), [(BINARY[i], PROBS[i], WEIGHTS[i] if weighted else None) for i in range(3)]
    )
    w = stack(WEIGHTS) if weighted else np.ones(18)
    np.testing.assert_allclose(
        got, fbeta(stack(BINARY), stack(PROBS), w, beta, threshold, average), rtol=1e-5
    )


def r2(y_true: Array, y_pred: Array, w: Array, aggregation: str | None, regressors: int) -> Array:
    w = np.broadcast_to(w[:, None], y_true.shape)
    mean = (w * y_true).sum(0) / w.sum(0)
    total = (w * y_true**2).sum(0) - (w * y_true).sum(0) * mean
    raw = 1 - (w * (y_true - y_pred) ** 2).sum(0) / total
    if aggregation == "uniform_average":
        score = raw.mean()
    elif aggregation == "variance_weighted_average":
        score = (total * raw).sum() / total.sum()
    else:
        score = raw
    n = y_true.size
    if regressors and n - regressors - 1 > 0:
        score = 1 - (1 - score) * (n - 1) / (n - regressors - 1)
    return np.asarray(score)


@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
@pytest.mark.parametrize("aggregation", ["uniform_average", "variance_weighted_average", None], ids=str)
@pytest.mark.parametrize("regressors", [0, 3, 100], ids=["plain", "adjusted", "too_many_regressors"])
def test_r2_matches_numpy(aggregation: str | None, regressors: int, weighted: bool) -> None:
    metric = metrics.R2Score(class_aggregation=aggregation, num_regressors=regressors)
    got = accumulate(
        metric, [(REAL_TRUE[i], REAL_PRED[i], WEIGHTS[i] if weighted else None) for i in range(3)]
    )
    w = stack(WEIGHTS) if weighted else np.ones(18)
    np.testing.assert_allclose(
        got, r2(stack(REAL_TRUE), stack(REAL_PRED), w, aggregation, regressors), rtol=1e-4
    )
    assert [v.name for v in metric.variables] == ["num_samples", "squared_sum", "sum", "residual", "count"]


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (
            lambda: metrics.FBetaScore(average="mean"),
            r"Invalid `average` argument value\. .* Received: average=mean",
        ),
        (
            lambda: metrics.FBetaScore(beta=2),
            r"Invalid `beta` argument value\. It should be a Python float\. Received: beta=2",
        ),
        (lambda: metrics.FBetaScore(beta=-1.0), r"It should be > 0\. Received: beta=-1\.0"),
        (
            lambda: metrics.F1Score(threshold=1.5),
            r"It should verify 0 < threshold <= 1\. Received: threshold=1\.5",
        ),
        (lambda: metrics.F1Score(threshold=1), r"It should be a Python float\. Received: threshold=1"),
        (
            lambda: metrics.F1Score().update_state(np.ones(3), np.ones(3)),
            r"FBetaScore expects 2D inputs .* y_pred\.shape=\(3,\)",
        ),
        (
            lambda: metrics.R2Score(class_aggregation="sum"),
            r"Invalid value for argument `class_aggregation`\..* Received: class_aggregation=sum",
        ),
        (lambda: metrics.R2Score(num_regressors=-1), r"Expected a value >= 0\. Received: num_regressors=-1"),
        (
            lambda: metrics.R2Score().update_state(np.ones((2, 2, 2)), np.ones((2, 2, 2))),
            r"R2Score expects 2D inputs",
        ),
        (
            lambda: metrics.R2Score().update_state(np.ones((4, 3)), np.ones((4, 2))),
            r"Shapes of `y_true` and `y_pred` are incompatible",
        ),
    ],
    ids=[
        "average",
        "beta_type",
        "beta_sign",
        "threshold_range",
        "threshold_type",
        "fbeta_rank",
        "aggregation",
        "regressors",
        "r2_rank",
        "r2_shapes",
    ],
)
def test_bad_arguments_raise(build: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        build()
