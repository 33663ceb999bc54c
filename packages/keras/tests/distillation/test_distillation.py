"""keras.distillation: the losses' closed forms, the Distiller's loss, training, config and errors."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest

import keras
from keras import distillation, layers, losses
from keras.backend import backend, epsilon

needs_gradients = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")

TEACHER = np.array([[1.0, 2.0, 3.0], [0.0, 1.0, -1.0]], "float32")
STUDENT = np.array([[0.5, 2.0, 1.0], [1.0, 0.0, 0.0]], "float32")


def _softmax(x: Any) -> Any:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _kl(p: Any, q: Any) -> Any:
    p, q = np.clip(p, epsilon(), 1), np.clip(q, epsilon(), 1)
    return (p * np.log(p / q)).sum(axis=-1)


def _logits_kl(teacher: Any, student: Any, temperature: float) -> float:
    return float(
        np.mean(_kl(_softmax(teacher / temperature), _softmax(student / temperature))) * temperature**2
    )


def test_namespace_matches_reference() -> None:
    assert distillation.__all__ == [
        "DistillationLoss",
        "Distiller",
        "FeatureDistillation",
        "LogitsDistillation",
    ]


@pytest.mark.parametrize("temperature", [1.0, 2.0, 3.0, 5])
@pytest.mark.parametrize("loss", ["kl_divergence", "kld", losses.KLDivergence(), losses.kl_divergence])
def test_logits_distillation_kl_closed_form(temperature: float, loss: Any) -> None:
    value = distillation.LogitsDistillation(temperature, loss).compute_loss(TEACHER, STUDENT)
    np.testing.assert_allclose(float(value), _logits_kl(TEACHER, STUDENT, temperature), rtol=1e-5)


def test_logits_distillation_other_losses_see_scaled_logits() -> None:
    value = distillation.LogitsDistillation(2.0, "mse").compute_loss(TEACHER, STUDENT)
    np.testing.assert_allclose(float(value), np.mean((TEACHER / 2 - STUDENT / 2) ** 2), rtol=1e-6)


def test_logits_distillation_per_output_losses() -> None:
    distill = distillation.LogitsDistillation(3.0, ["kl_divergence", None])
    value = distill.compute_loss([TEACHER, TEACHER], [STUDENT, TEACHER * 7])
    np.testing.assert_allclose(float(value), _logits_kl(TEACHER, STUDENT, 3.0), rtol=1e-5)


def test_feature_distillation_closed_form() -> None:
    np.testing.assert_allclose(
        float(distillation.FeatureDistillation().compute_loss(TEACHER, STUDENT)),
        np.mean((TEACHER - STUDENT) ** 2),
        rtol=1e-6,
    )
    l1 = distillation.FeatureDistillation(loss={"a": "mae", "b": "mse"})
    value = l1.compute_loss({"a": TEACHER, "b": TEACHER}, {"a": STUDENT, "b": TEACHER + 1})
    np.testing.assert_allclose(float(value), np.mean(np.abs(TEACHER - STUDENT)) + 1.0, rtol=1e-6)


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (
            lambda: distillation.LogitsDistillation(loss=None),
            ValueError,
            "At least one loss must be non-`None`.",
        ),
        (
            lambda: distillation.LogitsDistillation(loss=[None, None]),
            ValueError,
            "At least one loss must be non-`None`.",
        ),
        (
            lambda: distillation.LogitsDistillation(temperature="3"),
            ValueError,
            "temperature must be a number, got <class 'str'>",
        ),
        (
            lambda: distillation.LogitsDistillation(temperature=0.0),
            ValueError,
            "temperature must be positive. Received: temperature=0.0",
        ),
        (
            lambda: distillation.FeatureDistillation(loss=None),
            ValueError,
            "The `loss` argument in `FeatureDistillation` must contain at least one non-`None` value.",
        ),
        (lambda: distillation.FeatureDistillation(loss="nope"), ValueError, "nope"),
        (lambda: distillation.DistillationLoss(1), TypeError, "DistillationLoss() takes no arguments"),
    ],
)
def test_loss_errors(make: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=re.escape(message)):
        make()


def test_base_loss_must_be_subclassed() -> None:
    with pytest.raises(NotImplementedError, match="DistillationLoss must implement compute_loss"):
        distillation.DistillationLoss().compute_loss(TEACHER, STUDENT)


def test_feature_distillation_structure_mismatch() -> None:
    distill = distillation.FeatureDistillation(loss=["mse", "mse"])
    with pytest.raises(ValueError, match="Loss structure mismatch"):
        distill.validate_outputs(TEACHER, STUDENT)


@pytest.mark.parametrize(
    "loss",
    [
        distillation.LogitsDistillation(4.0, "kl_divergence"),
        distillation.FeatureDistillation("mae", "a", "b"),
    ],
)
def test_loss_config_round_trip(loss: Any) -> None:
    config = loss.get_config()
    clone = type(loss).from_config(config)
    assert clone.get_config() == config
    np.testing.assert_allclose(
        float(clone.compute_loss(TEACHER, STUDENT)), float(loss.compute_loss(TEACHER, STUDENT)), rtol=1e-6
    )


def test_logits_config_matches_keras() -> None:
    assert distillation.LogitsDistillation().get_config() == {
        "temperature": 3.0,
        "loss": {
            "module": "builtins",
            "class_name": "function",
            "config": "kl_divergence",
            "registered_name": "function",
        },
    }
    assert distillation.FeatureDistillation().get_config() == {
        "loss": {
            "module": "builtins",
            "class_name": "function",
            "config": "mean_squared_error",
            "registered_name": "function",
        },
        "teacher_layer_name": None,
        "student_layer_name": None,
    }


def _model(width: int, seed: int, name: str) -> Any:
    inputs = keras.Input((4,))
    hidden = layers.Dense(
        width, activation="relu", name="hidden", kernel_initializer=keras.initializers.GlorotUniform(seed)
    )(inputs)
    hidden = layers.Dense(6, name="features", kernel_initializer=keras.initializers.GlorotUniform(seed + 1))(
        hidden
    )
    outputs = layers.Dense(3, name="logits", kernel_initializer=keras.initializers.GlorotUniform(seed + 2))(
        hidden
    )
    return keras.Model(inputs, outputs, name=name)


X = np.random.RandomState(0).randn(16, 4).astype("float32")
Y = np.random.RandomState(1).randint(0, 3, 16)


def _features(model: Any, name: str) -> Any:
    return keras.ops.convert_to_numpy(keras.Model(model.inputs, model.get_layer(name).output)(X))


def _sparse_ce(logits: Any, labels: Any) -> float:
    return float(np.mean(-np.log(_softmax(logits)[np.arange(len(labels)), labels])))


def _distiller(student_loss_weight: float = 0.3) -> tuple[Any, Any, Any]:
    teacher, student = _model(16, 1, "teacher"), _model(8, 10, "student")
    distiller = distillation.Distiller(
        teacher,
        student,
        [
            distillation.LogitsDistillation(2.0),
            distillation.FeatureDistillation("mse", "features", "features"),
        ],
        distillation_loss_weights=[1.0, 0.5],
        student_loss_weight=student_loss_weight,
    )
    distiller.compile(
        optimizer=keras.optimizers.SGD(0.1), loss=losses.SparseCategoricalCrossentropy(from_logits=True)
    )
    return distiller, teacher, student


@pytest.mark.parametrize("weight", [0.0, 0.3, 1.0])
def test_distiller_loss_is_the_closed_form(weight: float) -> None:
    distiller, teacher, student = _distiller(weight)
    t_logits = keras.ops.convert_to_numpy(teacher(X))
    s_logits = keras.ops.convert_to_numpy(student(X))
    student_loss = _sparse_ce(s_logits, Y)
    feature_loss = float(np.mean((_features(teacher, "features") - _features(student, "features")) ** 2))
    distill_loss = _logits_kl(t_logits, s_logits, 2.0) + 0.5 * feature_loss
    want = weight * student_loss + (1 - weight) * distill_loss
    got = keras.ops.convert_to_numpy(distiller.compute_loss(X, Y, distiller(X)))
    np.testing.assert_allclose(float(got), want, rtol=1e-4)
    np.testing.assert_allclose(keras.ops.convert_to_numpy(distiller(X)), s_logits, rtol=1e-6)
    logs = distiller.evaluate(X, Y, batch_size=16, verbose=0, return_dict=True)
    np.testing.assert_allclose(logs["loss"], want, rtol=1e-4)
    np.testing.assert_allclose(logs["total_loss"], want, rtol=1e-4)
    # A term whose weight is 0 is not computed, and is logged as 0.
    np.testing.assert_allclose(logs["student_loss"], student_loss if weight > 0 else 0.0, rtol=1e-4)
    np.testing.assert_allclose(logs["distillation_loss"], distill_loss if weight < 1 else 0.0, rtol=1e-4)


@needs_gradients
def test_distiller_trains_the_student_only() -> None:
    distiller, teacher, student = _distiller()
    teacher_before = [np.array(keras.ops.convert_to_numpy(v), copy=True) for v in teacher.weights]
    student_before = [np.array(keras.ops.convert_to_numpy(v), copy=True) for v in student.weights]
    assert len(distiller.trainable_variables) == len(student.trainable_variables) == 6
    history = distiller.fit(X, Y, epochs=8, batch_size=16, verbose=0).history
    assert history["loss"][-1] < 0.8 * history["loss"][0]
    assert all(np.diff(history["loss"]) < 0)
    for before, variable in zip(teacher_before, teacher.weights, strict=True):
        np.testing.assert_array_equal(keras.ops.convert_to_numpy(variable), before)
    assert any(
        not np.allclose(keras.ops.convert_to_numpy(v), b)
        for v, b in zip(student.weights, student_before, strict=True)
    )


def test_distiller_config_round_trip() -> None:
    distiller, _, _ = _distiller()
    config = distiller.get_config()
    assert config["student_loss_weight"] == 0.3 and config["distillation_loss_weights"] == [1.0, 0.5]
    clone = distillation.Distiller.from_config(config)
    assert clone.get_config() == config


def test_distiller_errors() -> None:
    teacher, student = _model(8, 1, "t"), _model(8, 2, "s")
    logits = distillation.LogitsDistillation()
    with pytest.raises(ValueError, match=re.escape("Teacher must be a keras.Model, got <class 'str'>")):
        distillation.Distiller("teacher", student, logits)
    with pytest.raises(
        ValueError, match=re.escape("student_loss_weight must be between 0.0 and 1.0, got 1.5")
    ):
        distillation.Distiller(teacher, student, logits, student_loss_weight=1.5)
    with pytest.raises(ValueError, match="'distillation_losses' cannot be `None`"):
        distillation.Distiller(teacher, student, None)
    with pytest.raises(
        ValueError,
        match=re.escape(
            "Number of distillation_loss_weights (1) must match number of distillation_losses (2)"
        ),
    ):
        distillation.Distiller(teacher, student, [logits, logits], distillation_loss_weights=[1.0])
    with pytest.raises(ValueError, match="In teacher model: No such layer: missing"):
        distillation.Distiller(
            teacher, student, distillation.FeatureDistillation(teacher_layer_name="missing")
        )
    wide = keras.Sequential([keras.Input((5,)), layers.Dense(3)])
    with pytest.raises(
        ValueError,
        match=re.escape(
            "Teacher and student input shapes are incompatible. Teacher: (None, 5), Student: (None, 4)"
        ),
    ):
        distillation.Distiller(wide, student, logits)
    distiller = distillation.Distiller(teacher, student, logits)
    with pytest.raises(ValueError, match=re.escape("'loss' cannot be `None`.")):
        distiller.compile(optimizer="sgd")
