"""IoU metrics against a numpy confusion matrix accumulated over three weighted batches."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pytest
from metric_testing import BINARY, ONE_HOT, PROBS, SPARSE, accumulate

from keras import metrics

Array = np.ndarray[Any, Any]
PRED_IDS = np.random.default_rng(7).integers(0, 4, SPARSE.shape)
INT_WEIGHTS = np.random.default_rng(8).integers(0, 3, SPARSE.shape).astype("int32")


def matrix(
    y_true: Array, y_pred: Array, weights: Array | None, num_classes: int, ignore: int | None = None
) -> Array:
    cm = np.zeros((num_classes, num_classes))
    w = np.ones(y_true.size) if weights is None else np.broadcast_to(weights, y_true.shape).reshape(-1)
    for t, p, wi in zip(y_true.reshape(-1), y_pred.reshape(-1), w, strict=True):
        if 0 <= t < num_classes and 0 <= p < num_classes and t != ignore:
            cm[t, p] += wi
    return cm


def mean_iou(cm: Array, ids: list[int]) -> float:
    tp = np.diag(cm)
    denominator = cm.sum(0) + cm.sum(1) - tp
    valid = denominator[ids] > 0
    iou = np.where(valid, tp[ids] / np.where(valid, denominator[ids], 1), 0.0)
    return float(iou.sum() / valid.sum())


@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
def test_iou_and_mean_iou(weighted: bool) -> None:
    weights = INT_WEIGHTS if weighted else None
    data = [(SPARSE[i], PRED_IDS[i], None if weights is None else weights[i]) for i in range(3)]
    cm = matrix(SPARSE, PRED_IDS, weights, 4)
    np.testing.assert_allclose(accumulate(metrics.IoU(4, [0, 2]), data), mean_iou(cm, [0, 2]), rtol=1e-5)
    np.testing.assert_allclose(accumulate(metrics.MeanIoU(4), data), mean_iou(cm, [0, 1, 2, 3]), rtol=1e-5)
    ignored = matrix(SPARSE, PRED_IDS, weights, 4, ignore=1)
    np.testing.assert_allclose(
        accumulate(metrics.MeanIoU(4, ignore_class=1), data), mean_iou(ignored, [0, 1, 2, 3]), rtol=1e-5
    )


def test_one_hot_and_dense_inputs() -> None:
    data = [(ONE_HOT[i], PROBS[i], None) for i in range(3)]
    cm = matrix(SPARSE, PROBS.argmax(-1), None, 4)
    np.testing.assert_allclose(
        accumulate(metrics.OneHotIoU(4, [1, 3]), data), mean_iou(cm, [1, 3]), rtol=1e-5
    )
    np.testing.assert_allclose(
        accumulate(metrics.OneHotMeanIoU(4), data), mean_iou(cm, [0, 1, 2, 3]), rtol=1e-5
    )
    dense = metrics.IoU(4, [0], sparse_y_true=False, sparse_y_pred=False)
    np.testing.assert_allclose(accumulate(dense, data), mean_iou(cm, [0]), rtol=1e-5)


def test_binary_iou_thresholds_predictions() -> None:
    data = [(BINARY[i], PROBS[i], None) for i in range(3)]
    cm = matrix(BINARY.astype("int64"), (PROBS >= 0.3).astype("int64"), None, 2)
    np.testing.assert_allclose(
        accumulate(metrics.BinaryIoU(threshold=0.3), data), mean_iou(cm, [0, 1]), rtol=1e-5
    )
    np.testing.assert_allclose(
        accumulate(metrics.BinaryIoU([1], threshold=0.3), data), mean_iou(cm, [1]), rtol=1e-5
    )


def test_out_of_range_ids_are_ignored_and_state_resets() -> None:
    metric = metrics.MeanIoU(3)
    metric.update_state(np.array([0, 1, 5, -1]), np.array([0, 1, 1, 2]))
    np.testing.assert_array_equal(metric.total_cm.numpy(), [[1, 0, 0], [0, 1, 0], [0, 0, 0]])
    assert metric.total_cm.dtype == "int32"
    metric.reset_state()
    np.testing.assert_array_equal(metric.total_cm.numpy(), np.zeros((3, 3)))


def test_float_weights_with_an_integer_matrix_warn() -> None:
    metric = metrics.MeanIoU(2)
    with pytest.warns(UserWarning, match="You are passing weight as `float`, but dtype is `int`"):
        metric.update_state(
            np.array([0, 1]), np.array([0, 1]), sample_weight=np.array([0.5, 1.0], dtype="float32")
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        metrics.MeanIoU(2, dtype="float32").update_state(
            np.array([0, 1]), np.array([0, 1]), sample_weight=np.array([0.5, 1.0])
        )


@pytest.mark.parametrize(
    ("build", "match"),
    [
        (lambda: metrics.IoU(3, [3]), r"Target class id 3 is out of range, which is \[0, 3\)\."),
        (lambda: metrics.IoU(3, []), r"Argument `target_class_ids` must not be empty"),
        (
            lambda: metrics.MeanIoU(0),
            r"Argument `num_classes` must be a positive integer\. Received: num_classes=0",
        ),
        (
            lambda: metrics.MeanIoU(3).update_state(np.array([0, 1]), np.array([0, 1, 2])),
            r"same number of class ids",
        ),
    ],
    ids=["target_out_of_range", "no_targets", "no_classes", "mismatched"],
)
def test_bad_arguments_raise(build: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        build()
