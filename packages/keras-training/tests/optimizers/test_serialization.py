"""Configs identical to Keras 3's, round trips, `get`/`serialize`/`deserialize`, and the
public namespaces (including `keras.optimizers.legacy`)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from keras_configs import KERAS_CONFIGS, KERAS_LOSS_SCALE, KERAS_MULTI, KERAS_SCHEDULED_SGD

from keras import optimizers
from keras.optimizers import legacy, schedules


@pytest.mark.parametrize("name", sorted(KERAS_CONFIGS))
def test_get_config_matches_keras(name: str) -> None:
    kwargs, keras_config = KERAS_CONFIGS[name]
    optimizer = getattr(optimizers, name)(name=keras_config["name"], **kwargs)
    config = optimizer.get_config()
    assert config == keras_config
    assert list(config) == list(keras_config)  # same key order, as Keras writes JSON


@pytest.mark.parametrize("name", sorted(KERAS_CONFIGS))
def test_round_trips(name: str) -> None:
    kwargs, keras_config = KERAS_CONFIGS[name]
    optimizer = getattr(optimizers, name)(name=keras_config["name"], **kwargs)
    rebuilt = type(optimizer).from_config(optimizer.get_config())
    assert type(rebuilt) is type(optimizer)
    assert rebuilt.get_config() == keras_config
    serialized = optimizers.serialize(optimizer)
    assert serialized == {
        "module": "keras.optimizers",
        "class_name": name,
        "config": keras_config,
        "registered_name": None,
    }
    assert optimizers.deserialize(json.loads(json.dumps(serialized))).get_config() == keras_config


def test_scheduled_optimizer_matches_keras() -> None:
    sgd = optimizers.SGD(learning_rate=schedules.ExponentialDecay(0.1, 10, 0.9), name="sched_sgd")
    assert optimizers.serialize(sgd) == KERAS_SCHEDULED_SGD
    rebuilt = optimizers.deserialize(KERAS_SCHEDULED_SGD)
    assert isinstance(rebuilt._learning_rate, schedules.ExponentialDecay)
    assert optimizers.serialize(rebuilt) == KERAS_SCHEDULED_SGD


def test_loss_scale_optimizer_matches_keras() -> None:
    lso = optimizers.LossScaleOptimizer(
        optimizers.Adam(name="inner_adam"), initial_scale=1024.0, dynamic_growth_steps=10, name="my_lso"
    )
    assert optimizers.serialize(lso) == KERAS_LOSS_SCALE
    rebuilt = optimizers.deserialize(KERAS_LOSS_SCALE)
    assert isinstance(rebuilt, optimizers.LossScaleOptimizer)
    assert isinstance(rebuilt.inner_optimizer, optimizers.Adam)
    assert optimizers.serialize(rebuilt) == KERAS_LOSS_SCALE


def test_multi_optimizer_matches_keras() -> None:
    mapping = optimizers.OptimizerMap(
        optimizers.SGD(name="default_sgd"), {".*bias": optimizers.Adam(name="bias_adam")}
    )
    multi = optimizers.MultiOptimizer(mapping, name="my_multi")
    assert optimizers.serialize(multi) == KERAS_MULTI
    rebuilt = optimizers.deserialize(KERAS_MULTI)
    assert [type(o).__name__ for o in rebuilt.optimizers] == ["Adam", "SGD"]
    assert optimizers.serialize(rebuilt) == KERAS_MULTI


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("adam", optimizers.Adam),
        ("Adam", optimizers.Adam),
        ("rmsprop", optimizers.RMSprop),
        ("RMSprop", optimizers.RMSprop),
        ("sgd", optimizers.SGD),
        ("adamw", optimizers.AdamW),
        ("nadam", optimizers.Nadam),
        ("ftrl", optimizers.Ftrl),
        ("lion", optimizers.Lion),
        ("lamb", optimizers.Lamb),
        ("muon", optimizers.Muon),
        ("adafactor", optimizers.Adafactor),
        ("schedulefreeadamw", optimizers.ScheduleFreeAdamW),
        ({"class_name": "SGD", "config": {"learning_rate": 0.5}}, optimizers.SGD),
        ({"class_name": "adamax", "config": {}}, optimizers.Adamax),
    ],
    ids=lambda x: x if isinstance(x, str) else None,
)
def test_get_resolves_names_and_dicts(identifier: Any, expected: type) -> None:
    assert type(optimizers.get(identifier)) is expected


def test_get_passes_instances_and_none() -> None:
    optimizer = optimizers.SGD()
    assert optimizers.get(optimizer) is optimizer
    assert optimizers.get(None) is None


@pytest.mark.parametrize(
    "identifier", ["foo", 3, schedules.ExponentialDecay(0.1, 10, 0.5)], ids=["name", "int", "object"]
)
def test_get_rejects_other_identifiers(identifier: Any) -> None:
    with pytest.raises(ValueError, match=f"Could not interpret optimizer identifier: {identifier}"):
        optimizers.get(identifier)


@pytest.mark.parametrize("name", ["Adagrad", "Adam", "Ftrl", "Optimizer", "RMSprop", "SGD"])
def test_legacy_optimizers_raise_on_construction(name: str) -> None:
    with pytest.raises(ImportError, match=r"`keras.optimizers.legacy` is not supported in Keras 3"):
        getattr(legacy, name)(learning_rate=0.1)


def test_namespaces_export_exactly_the_reference_names() -> None:
    assert sorted(optimizers.__all__) == sorted(
        [
            "Adadelta", "Adafactor", "Adagrad", "Adam", "AdamW", "Adamax", "Ftrl", "Lamb", "Lion",
            "LossScaleOptimizer", "MultiOptimizer", "Muon", "Nadam", "Optimizer", "OptimizerMap", "RMSprop",
            "SGD", "ScheduleFreeAdamW", "deserialize", "get", "serialize",
        ]
    )  # fmt: skip
    assert sorted(schedules.__all__) == sorted(
        [
            "CosineDecay", "CosineDecayRestarts", "ExponentialDecay", "InverseTimeDecay", "LearningRateSchedule",
            "PiecewiseConstantDecay", "PolynomialDecay", "deserialize", "serialize",
        ]
    )  # fmt: skip
    assert sorted(legacy.__all__) == ["Adagrad", "Adam", "Ftrl", "Optimizer", "RMSprop", "SGD"]
