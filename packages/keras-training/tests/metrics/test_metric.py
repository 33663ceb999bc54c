"""The Metric protocol for every metric: state, stateless path, compiled steps, configs, lookup."""

from __future__ import annotations

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
    Stream,
    accumulate,
    to_numpy,
)

from keras import metrics, ops
from keras.backend import backend

M = metrics
PRED_IDS = np.random.default_rng(7).integers(0, 4, SPARSE.shape)

STREAMS = [
    Stream(lambda: M.Accuracy(), BINARY, (PROBS > 0.5).astype("float32"), WEIGHTS, id="Accuracy"),
    Stream(lambda: M.BinaryAccuracy(threshold=0.3), BINARY, PROBS, WEIGHTS, id="BinaryAccuracy"),
    Stream(lambda: M.CategoricalAccuracy(), ONE_HOT, PROBS, WEIGHTS, id="CategoricalAccuracy"),
    Stream(lambda: M.SparseCategoricalAccuracy(), SPARSE, PROBS, WEIGHTS, id="SparseCategoricalAccuracy"),
    Stream(lambda: M.TopKCategoricalAccuracy(k=2), ONE_HOT, PROBS, WEIGHTS, id="TopKCategoricalAccuracy"),
    Stream(
        lambda: M.SparseTopKCategoricalAccuracy(k=2),
        SPARSE,
        PROBS,
        WEIGHTS,
        id="SparseTopKCategoricalAccuracy",
    ),
    Stream(lambda: M.AUC(num_thresholds=11), BINARY, PROBS, WEIGHTS, id="AUC"),
    Stream(lambda: M.AUC(num_thresholds=11, curve="PR"), BINARY, PROBS, WEIGHTS, id="AUC_PR"),
    Stream(
        lambda: M.AUC(num_thresholds=11, multi_label=True, num_labels=4),
        BINARY,
        PROBS,
        WEIGHTS,
        id="AUC_multi",
    ),
    Stream(lambda: M.Precision(thresholds=[0.3, 0.6]), BINARY, PROBS, WEIGHTS, id="Precision"),
    Stream(lambda: M.Recall(top_k=2), BINARY, PROBS, WEIGHTS, id="Recall"),
    Stream(lambda: M.TruePositives(), BINARY, PROBS, WEIGHTS, id="TruePositives"),
    Stream(lambda: M.FalsePositives(), BINARY, PROBS, WEIGHTS, id="FalsePositives"),
    Stream(lambda: M.TrueNegatives(), BINARY, PROBS, WEIGHTS, id="TrueNegatives"),
    Stream(lambda: M.FalseNegatives(), BINARY, PROBS, WEIGHTS, id="FalseNegatives"),
    Stream(
        lambda: M.PrecisionAtRecall(0.5, num_thresholds=11), BINARY, PROBS, WEIGHTS, id="PrecisionAtRecall"
    ),
    Stream(
        lambda: M.RecallAtPrecision(0.5, num_thresholds=11), BINARY, PROBS, WEIGHTS, id="RecallAtPrecision"
    ),
    Stream(
        lambda: M.SensitivityAtSpecificity(0.5, num_thresholds=11),
        BINARY,
        PROBS,
        WEIGHTS,
        id="SensitivityAtSpecificity",
    ),
    Stream(
        lambda: M.SpecificityAtSensitivity(0.5, num_thresholds=11),
        BINARY,
        PROBS,
        WEIGHTS,
        id="SpecificityAtSensitivity",
    ),
    Stream(lambda: M.IoU(4, [0, 2]), SPARSE, PRED_IDS, None, id="IoU"),
    Stream(lambda: M.MeanIoU(4), SPARSE, PRED_IDS, None, id="MeanIoU"),
    Stream(lambda: M.BinaryIoU(), BINARY, PROBS, None, id="BinaryIoU"),
    Stream(lambda: M.OneHotIoU(4, [1]), ONE_HOT, PROBS, None, id="OneHotIoU"),
    Stream(lambda: M.OneHotMeanIoU(4), ONE_HOT, PROBS, None, id="OneHotMeanIoU"),
    Stream(lambda: M.F1Score(average="macro"), BINARY, PROBS, WEIGHTS, id="F1Score"),
    Stream(lambda: M.FBetaScore(beta=2.0, threshold=0.5), BINARY, PROBS, WEIGHTS, id="FBetaScore"),
    Stream(lambda: M.R2Score(), REAL_TRUE, REAL_PRED, WEIGHTS, id="R2Score"),
    Stream(lambda: M.MeanSquaredError(), REAL_TRUE, REAL_PRED, WEIGHTS, id="MeanSquaredError"),
    Stream(lambda: M.RootMeanSquaredError(), REAL_TRUE, REAL_PRED, WEIGHTS, id="RootMeanSquaredError"),
    Stream(lambda: M.MeanAbsoluteError(), REAL_TRUE, REAL_PRED, WEIGHTS, id="MeanAbsoluteError"),
    Stream(
        lambda: M.MeanAbsolutePercentageError(),
        REAL_TRUE,
        REAL_PRED,
        WEIGHTS,
        id="MeanAbsolutePercentageError",
    ),
    Stream(
        lambda: M.MeanSquaredLogarithmicError(),
        POSITIVE_TRUE,
        POSITIVE_PRED,
        WEIGHTS,
        id="MeanSquaredLogarithmicError",
    ),
    Stream(lambda: M.CosineSimilarity(), REAL_TRUE, REAL_PRED, WEIGHTS, id="CosineSimilarity"),
    Stream(lambda: M.LogCoshError(), REAL_TRUE, REAL_PRED, WEIGHTS, id="LogCoshError"),
    Stream(lambda: M.Hinge(), BINARY, REAL_PRED, WEIGHTS, id="Hinge"),
    Stream(lambda: M.SquaredHinge(), BINARY, REAL_PRED, WEIGHTS, id="SquaredHinge"),
    Stream(lambda: M.CategoricalHinge(), ONE_HOT, PROBS, WEIGHTS, id="CategoricalHinge"),
    Stream(lambda: M.KLDivergence(), PROBS, SOFTMAX, WEIGHTS, id="KLDivergence"),
    Stream(lambda: M.Poisson(), POSITIVE_TRUE, POSITIVE_PRED, WEIGHTS, id="Poisson"),
    Stream(lambda: M.BinaryCrossentropy(), BINARY, PROBS, WEIGHTS, id="BinaryCrossentropy"),
    Stream(lambda: M.CategoricalCrossentropy(), ONE_HOT, SOFTMAX, WEIGHTS, id="CategoricalCrossentropy"),
    Stream(
        lambda: M.SparseCategoricalCrossentropy(),
        SPARSE,
        SOFTMAX,
        WEIGHTS,
        id="SparseCategoricalCrossentropy",
    ),
    Stream(lambda: M.PearsonCorrelation(), REAL_TRUE, REAL_PRED, WEIGHTS, id="PearsonCorrelation"),
    Stream(lambda: M.ConcordanceCorrelation(), REAL_TRUE, REAL_PRED, WEIGHTS, id="ConcordanceCorrelation"),
    Stream(
        lambda: M.MeanMetricWrapper(M.mean_squared_error, name="wrapped"),
        REAL_TRUE,
        REAL_PRED,
        WEIGHTS,
        id="MeanMetricWrapper",
    ),
]
IDS = [s.id for s in STREAMS]
# Metrics whose state is created by the first batch (as in Keras): prime them before going stateless.
LAZY = {"F1Score", "FBetaScore", "R2Score"}


def _prime(stream: Stream) -> Any:
    metric = stream.make()
    if stream.id in LAZY:
        y_true, y_pred, weights = stream.batches()[0]
        metric.update_state(y_true, y_pred, sample_weight=weights)
        metric.reset_state()
    return metric


def _args(batch: tuple[Any, ...]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    y_true, y_pred, weights = batch
    return (y_true, y_pred), ({} if weights is None else {"sample_weight": weights})


@pytest.mark.parametrize("stream", STREAMS, ids=IDS)
def test_stateless_path_equals_the_stateful_path(stream: Stream) -> None:
    expected = accumulate(stream.make(), stream.batches())
    metric = _prime(stream)
    before = [v.numpy().copy() for v in metric.variables]
    values = metric.stateless_reset_state()
    for batch in stream.batches():
        args, kwargs = _args(batch)
        values = metric.stateless_update_state(values, *args, **kwargs)
    np.testing.assert_allclose(to_numpy(metric.stateless_result(values)), expected, rtol=1e-5, atol=1e-6)
    for variable, value in zip(metric.variables, before, strict=True):
        np.testing.assert_array_equal(variable.numpy(), value)  # state untouched


@pytest.mark.parametrize("stream", STREAMS, ids=IDS)
def test_reset_state_restarts_accumulation(stream: Stream) -> None:
    metric = stream.make()
    first = accumulate(metric, stream.batches()[:1])
    accumulate(metric, stream.batches()[1:])
    metric.reset_state()
    assert all(not np.any(v.numpy()) for v in metric.variables)
    np.testing.assert_allclose(accumulate(metric, stream.batches()[:1]), first, rtol=1e-6)


@pytest.mark.skipif(backend() != "jax", reason="jax.jit applies to the jax backend")
@pytest.mark.parametrize("stream", STREAMS, ids=IDS)
def test_stateless_update_runs_inside_jax_jit(stream: Stream) -> None:
    import jax

    expected = accumulate(stream.make(), stream.batches())
    metric = _prime(stream)

    @jax.jit
    def step(values: list[Any], y_true: Any, y_pred: Any, weights: Any) -> tuple[list[Any], Any]:
        kwargs = {} if weights is None else {"sample_weight": weights}
        values = metric.stateless_update_state(values, y_true, y_pred, **kwargs)
        return values, metric.stateless_result(values)

    values = [v.value for v in metric.variables]
    result = None
    for batch in stream.batches():
        values, result = step(values, *batch)
    np.testing.assert_allclose(to_numpy(result), expected, rtol=1e-5, atol=1e-6)


@pytest.mark.skipif(backend() != "tensorflow", reason="tf.function applies to the tensorflow backend")
@pytest.mark.parametrize("stream", STREAMS, ids=IDS)
def test_update_state_runs_inside_tf_function(stream: Stream) -> None:
    import tensorflow as tf

    expected = accumulate(stream.make(), stream.batches())
    metric = _prime(stream)

    @tf.function
    def step(y_true: Any, y_pred: Any, weights: Any) -> Any:
        metric.update_state(y_true, y_pred, sample_weight=weights)
        return metric.result()

    result = None
    for y_true, y_pred, weights in stream.batches():
        result = step(y_true, y_pred, weights)
    np.testing.assert_allclose(to_numpy(result), expected, rtol=1e-5, atol=1e-6)


def test_stateless_calls_check_the_number_of_variables() -> None:
    metric = M.Mean()
    with pytest.raises(
        ValueError, match=r"to Mean\(\)\.variables\. Received list with length 1, but expected 2"
    ):
        metric.stateless_update_state([0.0], np.ones(3))
    with pytest.raises(ValueError, match=r"Received list with length 3, but expected 2 variables"):
        metric.stateless_result([0.0, 0.0, 0.0])


# --- configs ----------------------------------------------------------------------------


@pytest.mark.parametrize("stream", STREAMS, ids=IDS)
def test_config_round_trips(stream: Stream) -> None:
    metric = stream.make()
    config = metric.get_config()
    clone = type(metric).from_config(config)
    assert clone.get_config() == config
    restored = M.deserialize(M.serialize(metric))
    assert type(restored) is type(metric) and restored.get_config() == config
    if not isinstance(metric, M.CosineSimilarity):  # Keras leaves `axis` out of its config
        y_true, y_pred, weights = stream.batches()[0]
        np.testing.assert_allclose(
            accumulate(clone, [(y_true, y_pred, weights)]),
            accumulate(stream.make(), [(y_true, y_pred, weights)]),
            rtol=1e-6,
        )


# What Keras 3.15 returns from get_config for the same constructor calls.
KERAS_CONFIGS = [
    (lambda: M.Mean(), {"name": "mean", "dtype": "float32"}),
    (lambda: M.BinaryAccuracy(threshold=0.3), {"name": "binary_accuracy", "dtype": "float32", "threshold": 0.3}),
    (lambda: M.SparseTopKCategoricalAccuracy(k=2, from_sorted_ids=True),
     {"name": "sparse_top_k_categorical_accuracy", "dtype": "float32", "k": 2, "from_sorted_ids": True}),
    (lambda: M.SparseTopKCategoricalAccuracy(k=2), {"name": "sparse_top_k_categorical_accuracy", "dtype": "float32", "k": 2}),
    (lambda: M.AUC(num_thresholds=5, curve="PR", summation_method="minoring", name="a"),
     {"name": "a", "dtype": "float32", "num_thresholds": 5, "curve": "PR", "summation_method": "minoring",
      "multi_label": False, "num_labels": None, "label_weights": None, "from_logits": False}),
    (lambda: M.AUC(thresholds=[0.3, 0.1, 0.7], multi_label=True, num_labels=2, name="b"),
     {"name": "b", "dtype": "float32", "num_thresholds": 5, "curve": "ROC", "summation_method": "interpolation",
      "multi_label": True, "num_labels": 2, "label_weights": None, "from_logits": False, "thresholds": [0.1, 0.3, 0.7]}),
    (lambda: M.Recall(top_k=2, class_id=1, name="r"),
     {"name": "r", "dtype": "float32", "thresholds": None, "top_k": 2, "class_id": 1}),
    (lambda: M.FalsePositives(thresholds=0.3, name="fp"), {"name": "fp", "dtype": "float32", "thresholds": 0.3}),
    (lambda: M.RecallAtPrecision(0.7, name="rap", class_id=1),
     {"name": "rap", "dtype": "float32", "class_id": 1, "num_thresholds": 200, "precision": 0.7}),
    (lambda: M.IoU(3, [0, 2], name="iou"),
     {"name": "iou", "dtype": "int32", "num_classes": 3, "target_class_ids": [0, 2], "ignore_class": None,
      "sparse_y_true": True, "sparse_y_pred": True, "axis": -1}),
    (lambda: M.MeanIoU(3, name="miou", ignore_class=0),
     {"num_classes": 3, "name": "miou", "dtype": "int32", "ignore_class": 0, "sparse_y_true": True, "sparse_y_pred": True, "axis": -1}),
    (lambda: M.BinaryIoU(name="biou"), {"target_class_ids": [0, 1], "threshold": 0.5, "name": "biou", "dtype": "int32"}),
    (lambda: M.OneHotMeanIoU(3, name="o"),
     {"num_classes": 3, "name": "o", "dtype": "int32", "ignore_class": None, "sparse_y_pred": False, "axis": -1}),
    (lambda: M.F1Score(average="macro", threshold=0.5), {"name": "f1_score", "dtype": "float32", "average": "macro", "threshold": 0.5}),
    (lambda: M.FBetaScore(beta=2.0), {"name": "fbeta_score", "dtype": "float32", "average": None, "beta": 2.0, "threshold": None}),
    (lambda: M.R2Score(), {"name": "r2_score", "dtype": "float32", "class_aggregation": "uniform_average", "num_regressors": 0}),
    (lambda: M.CosineSimilarity(axis=1), {"name": "cosine_similarity", "dtype": "float32"}),
    (lambda: M.LogCoshError(), {"name": "logcosh", "dtype": "float32"}),
    (lambda: M.BinaryCrossentropy(from_logits=True, label_smoothing=0.1),
     {"name": "binary_crossentropy", "dtype": "float32", "from_logits": True, "label_smoothing": 0.1}),
    (lambda: M.SparseCategoricalCrossentropy(ignore_class=1),
     {"name": "sparse_categorical_crossentropy", "dtype": "float32", "from_logits": False, "ignore_class": 1, "axis": -1}),
    (lambda: M.ConcordanceCorrelation(axis=0), {"name": "concordance_correlation", "dtype": "float32", "axis": 0}),
    (lambda: M.Mean(dtype="mixed_float16"), {"name": "mean", "dtype": "float16"}),
    (lambda: M.MeanMetricWrapper(M.top_k_categorical_accuracy, name="w", k=3),
     {"name": "w", "dtype": "float32",
      "fn": {"module": "builtins", "class_name": "function", "config": "top_k_categorical_accuracy", "registered_name": "function"},
      "k": 3}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("build", "expected"), KERAS_CONFIGS, ids=[str(i) for i in range(len(KERAS_CONFIGS))]
)
def test_config_is_keras_config(build: Any, expected: dict[str, Any]) -> None:
    assert build().get_config() == expected


def test_auc_label_weights_config_is_a_list() -> None:
    config = M.AUC(multi_label=True, label_weights=np.array([1.0, 2.0])).get_config()
    assert config["label_weights"] == [1.0, 2.0]


def test_serialize_uses_the_keras_format() -> None:
    assert M.serialize(M.Mean()) == {
        "module": "keras.metrics",
        "class_name": "Mean",
        "config": {"name": "mean", "dtype": "float32"},
        "registered_name": None,
    }
    assert M.serialize(M.mean_squared_error) == {
        "module": "builtins",
        "class_name": "function",
        "config": "mean_squared_error",
        "registered_name": "function",
    }
    assert M.deserialize(M.serialize(M.mean_squared_error)) is M.mean_squared_error
    assert (
        type(M.deserialize("mean_squared_error")) is M.MeanSquaredError
    )  # as Keras: a name gives an instance


# --- base class ---------------------------------------------------------------------------


def test_variables_names_paths_and_flags() -> None:
    metric = M.Mean(name="loss")
    assert [v.name for v in metric.variables] == ["total", "count"]
    assert [v.path for v in metric.variables] == ["loss/total", "loss/count"]
    assert all(
        not v.trainable and v.aggregation == "sum" and v.synchronization == "on_read"
        for v in metric.variables
    )
    assert repr(metric) == str(metric) == "<Mean name=loss>"
    assert metric.dtype == "float32"


def test_default_names_are_snake_case_and_unique() -> None:
    first, second = M.AUC(), M.AUC()
    assert first.name.startswith("auc") and second.name.startswith("auc_") and first.name != second.name
    assert M.IoU(2, [0]).name.startswith("io_u")


class CountAbove(M.Metric):
    def __init__(self, threshold: float, name: str = "count_above", dtype: Any = None) -> None:
        super().__init__(dtype=dtype, name=name)
        self.threshold = threshold
        self.count = self.add_variable(shape=(), initializer="zeros", name="count")
        self.inner = M.Sum()

    def update_state(self, values: Any) -> None:
        above = ops.cast(ops.greater(values, self.threshold), self.dtype)
        self.count.assign(self.count + ops.sum(above))
        self.inner.update_state(values)

    def result(self) -> Any:
        return self.count.value / self.inner.result()


def test_subclass_tracks_its_variables_and_nested_metrics() -> None:
    metric = CountAbove(0.5, dtype="float64")
    assert [v.path for v in metric.variables] == ["count_above/count", "sum/total"]
    assert metric.variables[0].dtype == "float32" and metric.dtype == "float64"
    assert float(to_numpy(metric(np.array([1.0, 0.2, 2.0])))) == pytest.approx(2 / 3.2)
    values = metric.stateless_update_state([v.value for v in metric.variables], np.array([1.0]))
    np.testing.assert_allclose([float(to_numpy(v)) for v in values], [3.0, 4.2], rtol=1e-6)
    assert [float(to_numpy(v)) for v in metric.stateless_reset_state()] == [0.0, 0.0]
    assert float(to_numpy(metric.stateless_result(values))) == pytest.approx(3 / 4.2)


def test_forgetting_super_init_raises() -> None:
    class Broken(M.Metric):
        def __init__(self) -> None:
            pass

    with pytest.raises(RuntimeError, match=r"You forgot to call `super\(\).__init__\(\)`"):
        Broken().add_variable((), "zeros")


def test_base_update_and_result_are_abstract() -> None:
    with pytest.raises(NotImplementedError):
        M.Metric().update_state(1.0)
    with pytest.raises(NotImplementedError):
        M.Metric().result()


# --- lookup -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("identifier", "cls"),
    [
        ("mse", M.MeanSquaredError),
        ("MAE", M.MeanAbsoluteError),
        ("accuracy", M.Accuracy),
        ("AUC", M.AUC),
        ("auc", M.AUC),
        ("binary_crossentropy", M.BinaryCrossentropy),
        ("mean_io_u", M.MeanIoU),
        ({"class_name": "Precision", "config": {"thresholds": 0.3}}, M.Precision),
    ],
    ids=str,
)
def test_get_resolves_names_and_configs_to_instances(identifier: Any, cls: type) -> None:
    if cls is M.MeanIoU:
        with pytest.raises(TypeError):  # a class needing arguments cannot be built from its name alone
            M.get(identifier)
        return
    assert type(M.get(identifier)) is cls


def test_get_passes_callables_and_none_through_and_rejects_the_rest() -> None:
    metric = M.Mean()
    assert M.get(metric) is metric
    assert M.get(M.binary_accuracy) is M.binary_accuracy
    assert M.get(None) is None
    assert type(M.get(M.Sum)) is M.Sum
    with pytest.raises(ValueError, match="Could not interpret metric identifier: unknown_metric"):
        M.get("unknown_metric")
    with pytest.raises(ValueError, match="Could not interpret metric identifier: 3"):
        M.get(3)


def test_namespace_is_exactly_the_reference() -> None:
    import json
    from pathlib import Path

    reference = Path(__file__).resolve().parents[4] / "shared" / "reference" / "keras-3.15-api.jsonl"
    if not reference.is_file():
        reference = Path("/work/shared/reference/keras-3.15-api.jsonl")
    if not reference.is_file():
        pytest.skip("the reference API listing is not available")
    names = sorted(
        json.loads(line)["name"].removeprefix("keras.metrics.")
        for line in reference.read_text().splitlines()
        if json.loads(line)["name"].startswith("keras.metrics.")
    )
    assert sorted(M.__all__) == names
    assert all(hasattr(M, name) for name in names)
