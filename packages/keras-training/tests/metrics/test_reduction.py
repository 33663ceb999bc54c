"""Sum, Mean and MeanMetricWrapper: weighted accumulation over batches, reset, masks."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from metric_testing import REAL_TRUE, WEIGHTS, to_numpy

from keras import metrics, ops
from keras.backend._masking import set_keras_mask

VALUES = REAL_TRUE  # (3 batches, 6 samples, 4 values)


@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
def test_mean_accumulates_samplewise_means(weighted: bool) -> None:
    metric = metrics.Mean()
    for i in range(3):
        metric.update_state(VALUES[i], sample_weight=WEIGHTS[i] if weighted else None)
    per_sample = VALUES.mean(-1).reshape(-1)
    weights = WEIGHTS.reshape(-1) if weighted else np.ones_like(per_sample)
    expected = (per_sample * weights).sum() / weights.sum()
    np.testing.assert_allclose(to_numpy(metric.result()), expected, rtol=1e-5)
    np.testing.assert_allclose(to_numpy(metric.count.value), weights.sum(), rtol=1e-5)


@pytest.mark.parametrize("weighted", [False, True], ids=["unweighted", "weighted"])
def test_sum_accumulates(weighted: bool) -> None:
    metric = metrics.Sum()
    for i in range(3):
        metric.update_state(VALUES[i], sample_weight=WEIGHTS[i] if weighted else None)
    weights = WEIGHTS[..., None] if weighted else 1.0
    np.testing.assert_allclose(to_numpy(metric.result()), (VALUES * weights).sum(), rtol=1e-5)


def test_mean_with_elementwise_weights_and_scalars() -> None:
    metric = metrics.Mean()
    weights = np.array([[1.0, 0.0], [0.5, 0.5]], dtype="float32")
    values = np.array([[1.0, 5.0], [2.0, 4.0]], dtype="float32")
    metric.update_state(values, sample_weight=weights)
    # per sample: (values * weights).mean(-1) / weights.mean(-1) summed over samples
    np.testing.assert_allclose(to_numpy(metric.result()), (0.5 + 1.5) / (0.5 + 0.5), rtol=1e-6)
    metric.update_state(10.0)
    np.testing.assert_allclose(to_numpy(metric.result()), (2.0 + 10.0) / 2.0, rtol=1e-6)


def test_reset_state_zeroes_every_variable() -> None:
    metric = metrics.Mean()
    metric.update_state(np.array([1.0, 2.0]))
    metric.reset_state()
    assert [float(v.numpy()) for v in metric.variables] == [0.0, 0.0]
    assert float(to_numpy(metric.result())) == 0.0
    metric.update_state(np.array([4.0]))
    assert float(to_numpy(metric.result())) == 4.0


def test_call_updates_then_returns_the_result() -> None:
    metric = metrics.Mean()
    assert float(to_numpy(metric(np.array([1.0, 3.0])))) == 2.0
    assert float(to_numpy(metric(np.array([5.0])))) == 3.0


def absolute_error(y_true: Any, y_pred: Any, scale: float = 1.0) -> Any:
    return ops.multiply(ops.mean(ops.abs(ops.subtract(y_true, y_pred)), axis=-1), scale)


def test_mean_metric_wrapper_passes_kwargs_and_weights() -> None:
    metric = metrics.MeanMetricWrapper(absolute_error, name="mae2", scale=2.0)
    for i in range(3):
        metric.update_state(REAL_TRUE[i], VALUES[::-1][i], sample_weight=WEIGHTS[i])
    per_sample = 2.0 * np.abs(REAL_TRUE - VALUES[::-1]).mean(-1)
    expected = (per_sample * WEIGHTS).sum() / WEIGHTS.sum()
    np.testing.assert_allclose(to_numpy(metric.result()), expected, rtol=1e-5)
    assert metric.name == "mae2"


def test_mean_metric_wrapper_folds_the_prediction_mask_into_weights() -> None:
    y_true = np.zeros((4, 1), dtype="float32")
    y_pred = ops.convert_to_tensor(np.array([[1.0], [2.0], [3.0], [4.0]], dtype="float32"))
    set_keras_mask(y_pred, ops.convert_to_tensor(np.array([True, True, False, False])))
    metric = metrics.MeanMetricWrapper(absolute_error)
    metric.update_state(y_true, y_pred)
    np.testing.assert_allclose(to_numpy(metric.result()), 1.5, rtol=1e-6)


def test_wrapper_rejects_a_non_callable() -> None:
    with pytest.raises(TypeError, match=r"Argument `fn` must be a callable\. Received: fn=3"):
        metrics.MeanMetricWrapper(3)  # type: ignore[arg-type]


def test_mismatched_weights_raise() -> None:
    metric = metrics.Mean()
    with pytest.raises(Exception, match=r"(?i)broadcast|shape|incompatible"):
        metric.update_state(np.ones((4, 3)), sample_weight=np.ones((5,)))
