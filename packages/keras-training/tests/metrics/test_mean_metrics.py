"""Every mean-of-a-function metric against a numpy closed form over three weighted batches.

Covers the accuracy, regression, hinge, probabilistic and correlation metrics and their
function forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from metric_testing import (
    BINARY,
    ONE_HOT,
    POSITIVE_PRED,
    POSITIVE_TRUE,
    PROBS,
    REAL_PRED,
    REAL_TRUE,
    SOFTMAX,
    SPARSE,
    WEIGHTS,
    accumulate,
    to_numpy,
)

from keras import metrics

EPS = 1e-7
Array = np.ndarray[Any, Any]


def _l2n(x: Array) -> Array:
    return x / np.sqrt(np.maximum((x * x).sum(-1, keepdims=True), 1e-12))


def _signed(y: Array) -> Array:
    return np.where(y == 0, -1.0, y)


def _bce(t: Array, p: Array, smoothing: float = 0.0, logits: bool = False) -> Array:
    t = t * (1 - smoothing) + 0.5 * smoothing
    if logits:
        return (np.maximum(p, 0) - p * t + np.log1p(np.exp(-np.abs(p)))).mean(-1)
    p = np.clip(p, EPS, 1 - EPS)
    return -(t * np.log(p) + (1 - t) * np.log(1 - p)).mean(-1)


def _top_k_hit(labels: Array, scores: Array, k: int) -> Array:
    target = np.take_along_axis(scores, labels[..., None], -1)
    return ((scores > target).sum(-1) < k).astype("float32")


def _pearson(t: Array, p: Array) -> Array:
    tc, pc = t - t.mean(-1, keepdims=True), p - p.mean(-1, keepdims=True)
    return (tc * pc).mean(-1) / (t.std(-1) * p.std(-1))


def _concordance(t: Array, p: Array) -> Array:
    cov = ((t - t.mean(-1, keepdims=True)) * (p - p.mean(-1, keepdims=True))).mean(-1)
    return 2 * cov / (t.var(-1) + p.var(-1) + (t.mean(-1) - p.mean(-1)) ** 2 + EPS)


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[], Any]
    function: Callable[..., Any] | None
    ref: Callable[[Array, Array], Array]  # per-sample values of one batch
    y_true: Array
    y_pred: Array
    rtol: float = 1e-5


CASES = [
    Case(
        "accuracy",
        metrics.Accuracy,
        None,
        lambda t, p: (t == p).mean(-1),
        BINARY,
        (PROBS > 0.5).astype("float32"),
    ),
    Case(
        "binary_accuracy",
        lambda: metrics.BinaryAccuracy(threshold=0.3),
        lambda t, p: metrics.binary_accuracy(t, p, threshold=0.3),
        lambda t, p: (t == (p > 0.3)).mean(-1),
        BINARY,
        PROBS,
    ),
    Case(
        "categorical_accuracy",
        metrics.CategoricalAccuracy,
        metrics.categorical_accuracy,
        lambda t, p: (t.argmax(-1) == p.argmax(-1)).astype("float32"),
        ONE_HOT,
        PROBS,
    ),
    Case(
        "sparse_categorical_accuracy",
        metrics.SparseCategoricalAccuracy,
        metrics.sparse_categorical_accuracy,
        lambda t, p: (t == p.argmax(-1)).astype("float32"),
        SPARSE,
        PROBS,
    ),
    Case(
        "top_k_categorical_accuracy",
        lambda: metrics.TopKCategoricalAccuracy(k=2),
        lambda t, p: metrics.top_k_categorical_accuracy(t, p, k=2),
        lambda t, p: _top_k_hit(t.argmax(-1), p, 2),
        ONE_HOT,
        PROBS,
    ),
    Case(
        "sparse_top_k_categorical_accuracy",
        lambda: metrics.SparseTopKCategoricalAccuracy(k=2),
        lambda t, p: metrics.sparse_top_k_categorical_accuracy(t, p, k=2),
        lambda t, p: _top_k_hit(t, p, 2),
        SPARSE,
        PROBS,
    ),
    Case(
        "sparse_top_k_from_sorted_ids",
        lambda: metrics.SparseTopKCategoricalAccuracy(k=2, from_sorted_ids=True),
        lambda t, p: metrics.sparse_top_k_categorical_accuracy(t, p, k=2, from_sorted_ids=True),
        lambda t, p: (p[:, :2] == t[:, None]).any(-1).astype("float32"),
        SPARSE,
        np.argsort(-PROBS, axis=-1),
    ),
    Case(
        "mse",
        metrics.MeanSquaredError,
        metrics.mean_squared_error,
        lambda t, p: ((t - p) ** 2).mean(-1),
        REAL_TRUE,
        REAL_PRED,
    ),
    Case(
        "mae",
        metrics.MeanAbsoluteError,
        metrics.mean_absolute_error,
        lambda t, p: np.abs(t - p).mean(-1),
        REAL_TRUE,
        REAL_PRED,
    ),
    Case(
        "mape",
        metrics.MeanAbsolutePercentageError,
        metrics.mean_absolute_percentage_error,
        lambda t, p: 100 * (np.abs(t - p) / np.maximum(np.abs(t), EPS)).mean(-1),
        REAL_TRUE,
        REAL_PRED,
    ),
    Case(
        "msle",
        metrics.MeanSquaredLogarithmicError,
        metrics.mean_squared_logarithmic_error,
        lambda t, p: ((np.log1p(t) - np.log1p(p)) ** 2).mean(-1),
        POSITIVE_TRUE,
        POSITIVE_PRED,
    ),
    Case(
        "logcosh",
        metrics.LogCoshError,
        metrics.log_cosh,
        lambda t, p: np.log(np.cosh(p - t)).mean(-1),
        REAL_TRUE,
        REAL_PRED,
    ),
    Case(
        "cosine_similarity",
        metrics.CosineSimilarity,
        None,
        lambda t, p: (_l2n(t) * _l2n(p)).sum(-1),
        REAL_TRUE,
        REAL_PRED,
    ),
    Case(
        "hinge",
        metrics.Hinge,
        metrics.hinge,
        lambda t, p: np.maximum(1 - _signed(t) * p, 0).mean(-1),
        BINARY,
        REAL_PRED,
    ),
    Case(
        "squared_hinge",
        metrics.SquaredHinge,
        metrics.squared_hinge,
        lambda t, p: (np.maximum(1 - _signed(t) * p, 0) ** 2).mean(-1),
        BINARY,
        REAL_PRED,
    ),
    Case(
        "categorical_hinge",
        metrics.CategoricalHinge,
        metrics.categorical_hinge,
        lambda t, p: np.maximum(((1 - t) * p).max(-1) - (t * p).sum(-1) + 1, 0),
        ONE_HOT,
        PROBS,
    ),
    Case(
        "kl_divergence",
        metrics.KLDivergence,
        metrics.kl_divergence,
        lambda t, p: (np.clip(t, EPS, 1) * np.log(np.clip(t, EPS, 1) / np.clip(p, EPS, 1))).sum(-1),
        PROBS,
        SOFTMAX,
    ),
    Case(
        "poisson",
        metrics.Poisson,
        metrics.poisson,
        lambda t, p: (p - t * np.log(p + EPS)).mean(-1),
        POSITIVE_TRUE,
        POSITIVE_PRED,
    ),
    Case(
        "binary_crossentropy",
        lambda: metrics.BinaryCrossentropy(label_smoothing=0.1),
        lambda t, p: metrics.binary_crossentropy(t, p, label_smoothing=0.1),
        lambda t, p: _bce(t, p, 0.1),
        BINARY,
        PROBS,
        rtol=1e-4,
    ),
    Case(
        "binary_crossentropy_logits",
        lambda: metrics.BinaryCrossentropy(from_logits=True),
        lambda t, p: metrics.binary_crossentropy(t, p, from_logits=True),
        lambda t, p: _bce(t, p, logits=True),
        BINARY,
        REAL_PRED,
        rtol=1e-4,
    ),
    Case(
        "categorical_crossentropy",
        metrics.CategoricalCrossentropy,
        metrics.categorical_crossentropy,
        lambda t, p: -(t * np.log(np.clip(p, EPS, 1 - EPS))).sum(-1),
        ONE_HOT,
        SOFTMAX,
        rtol=1e-4,
    ),
    Case(
        "sparse_categorical_crossentropy_logits",
        lambda: metrics.SparseCategoricalCrossentropy(from_logits=True),
        lambda t, p: metrics.sparse_categorical_crossentropy(t, p, from_logits=True),
        lambda t, p: (
            -np.take_along_axis(p - np.log(np.exp(p).sum(-1, keepdims=True)), t[..., None], -1)[..., 0]
        ),
        SPARSE,
        REAL_PRED,
        rtol=1e-4,
    ),
    Case(
        "pearson",
        metrics.PearsonCorrelation,
        metrics.pearson_correlation,
        _pearson,
        REAL_TRUE,
        REAL_PRED,
        rtol=1e-4,
    ),
    Case(
        "concordance",
        metrics.ConcordanceCorrelation,
        metrics.concordance_correlation,
        _concordance,
        REAL_TRUE,
        REAL_PRED,
        rtol=1e-4,
    ),
]


@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_metric_matches_numpy_over_batches(case: Case, weighted: bool) -> None:
    metric = case.make()
    weights = WEIGHTS if weighted else None
    got = accumulate(
        metric, [(case.y_true[i], case.y_pred[i], None if weights is None else weights[i]) for i in range(3)]
    )
    values = np.stack([case.ref(case.y_true[i], case.y_pred[i]) for i in range(3)])
    w = np.ones_like(values) if weights is None else weights
    np.testing.assert_allclose(got, (values * w).sum() / w.sum(), rtol=case.rtol, atol=1e-6)
    metric.reset_state()
    np.testing.assert_allclose(to_numpy(metric.result()), 0.0)
    again = accumulate(metric, [(case.y_true[0], case.y_pred[0], None)])
    np.testing.assert_allclose(
        again, case.ref(case.y_true[0], case.y_pred[0]).mean(), rtol=case.rtol, atol=1e-6
    )


FUNCTION_CASES = [c for c in CASES if c.function is not None]


@pytest.mark.parametrize("case", FUNCTION_CASES, ids=[c.id for c in FUNCTION_CASES])
def test_function_form_matches_numpy_per_sample(case: Case) -> None:
    assert case.function is not None
    got = to_numpy(case.function(case.y_true[0], case.y_pred[0]))
    if case.id == "binary_accuracy":  # elementwise, like Keras: the metric averages it
        got = got.mean(-1)
    np.testing.assert_allclose(got, case.ref(case.y_true[0], case.y_pred[0]), rtol=case.rtol, atol=1e-6)


def test_root_mean_squared_error_is_the_root_of_the_weighted_mse() -> None:
    metric = metrics.RootMeanSquaredError()
    got = accumulate(metric, [(REAL_TRUE[i], REAL_PRED[i], WEIGHTS[i]) for i in range(3)])
    squared = ((REAL_TRUE - REAL_PRED) ** 2).mean(-1)
    np.testing.assert_allclose(got, np.sqrt((squared * WEIGHTS).sum() / WEIGHTS.sum()), rtol=1e-5)


def test_accuracy_squeezes_a_trailing_axis_of_one() -> None:
    got = to_numpy(metrics.binary_accuracy(np.array([[1.0], [0.0]]), np.array([0.9, 0.8])))
    np.testing.assert_array_equal(got, [[1.0], [0.0]])
    got = to_numpy(
        metrics.sparse_categorical_accuracy(np.array([[1], [0]]), np.array([[0.1, 0.9], [0.2, 0.8]]))
    )
    np.testing.assert_array_equal(got, [1.0, 0.0])


def test_huber_and_focal_functions_are_reexported_from_losses() -> None:
    from keras import losses

    assert metrics.huber is losses.huber
    assert metrics.binary_focal_crossentropy is losses.binary_focal_crossentropy
    assert metrics.categorical_focal_crossentropy is losses.categorical_focal_crossentropy
    np.testing.assert_allclose(
        to_numpy(metrics.huber(np.array([[0.0, 3.0]]), np.array([[0.5, 0.0]]))), [(0.125 + 2.5) / 2]
    )


@pytest.mark.parametrize(
    ("function", "y_true", "y_pred"),
    [
        (metrics.binary_accuracy, np.zeros((4, 3)), np.zeros((4, 2))),
        (metrics.categorical_accuracy, np.zeros((4, 3)), np.zeros((4, 2))),
        (metrics.top_k_categorical_accuracy, np.zeros((4, 3)), np.zeros((4, 2))),
    ],
    ids=["binary", "categorical", "top_k"],
)
def test_mismatched_shapes_raise(function: Callable[..., Any], y_true: Array, y_pred: Array) -> None:
    with pytest.raises(
        ValueError, match=r"Shapes of `y_true` and `y_pred` are incompatible: y_true.shape=\(4, 3\)"
    ):
        function(y_true, y_pred)


def test_sparse_accuracy_rejects_labels_of_the_wrong_rank() -> None:
    with pytest.raises(ValueError, match=r"Received: y_true.shape=\(4, 3\), y_pred.shape=\(4, 3\)"):
        metrics.sparse_categorical_accuracy(np.zeros((4, 3)), np.zeros((4, 3)))
