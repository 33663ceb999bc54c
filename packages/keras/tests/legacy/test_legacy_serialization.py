"""keras.legacy.saving / keras.utils.legacy: the Keras 2 object format, its outputs equal to
Keras 3.15's, round trips with nested objects, name lookup, and errors."""

from __future__ import annotations

import doctest
from typing import Any

import numpy as np
import pytest

import keras
import keras.legacy.saving as legacy_saving
import keras.utils.legacy as utils_legacy
from keras.backend import backend
from keras.legacy.saving import deserialize_keras_object, serialize_keras_object


class Scaled:
    """A custom object with a nested object in its config."""

    def __init__(self, factor: float, regularizer: Any = None, fn: Any = None) -> None:
        self.factor = factor
        self.regularizer = regularizer
        self.fn = fn

    def get_config(self) -> dict[str, Any]:
        return {"factor": self.factor, "regularizer": self.regularizer, "fn": self.fn}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Scaled:
        return cls(**config)


class Plain:
    """A class without from_config: the constructor gets the config."""

    def __init__(self, a: int = 1) -> None:
        self.a = a

    def get_config(self) -> dict[str, Any]:
        return {"a": self.a}


def double(x: Any) -> Any:
    return 2 * x


def test_namespaces() -> None:
    assert sorted(legacy_saving.__all__) == ["deserialize_keras_object", "serialize_keras_object"]
    assert utils_legacy.__all__ == legacy_saving.__all__
    assert utils_legacy.serialize_keras_object is serialize_keras_object
    assert utils_legacy.deserialize_keras_object is deserialize_keras_object


def test_serialize_equals_keras() -> None:
    # Keras 3.15 prints exactly this for the schedule, the function and None
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)
    assert serialize_keras_object(schedule) == {
        "class_name": "ExponentialDecay",
        "config": {
            "initial_learning_rate": 0.1,
            "decay_steps": 10,
            "decay_rate": 0.5,
            "staircase": False,
            "name": "ExponentialDecay",
        },
    }
    assert serialize_keras_object(keras.activations.relu) == "relu"
    assert serialize_keras_object(None) is None
    assert serialize_keras_object(keras.regularizers.L1L2(0.5, 0.25)) == {
        "class_name": "L1L2",
        "config": {"l1": 0.5, "l2": 0.25},
    }


def test_layer_config_keeps_dict_entries_as_they_are() -> None:
    config = serialize_keras_object(keras.layers.Dense(3, activation="relu", kernel_regularizer="l2"))
    assert config["class_name"] == "Dense" and set(config) == {"class_name", "config"}
    inner = config["config"]
    assert inner["activation"] == "relu" and inner["units"] == 3
    assert "__passive_serialization__" not in inner["kernel_regularizer"]  # it was a dict already
    layer = deserialize_keras_object(config, module_objects={"Dense": keras.layers.Dense})
    assert (
        isinstance(layer, keras.layers.Dense)
        and layer.get_config() == keras.layers.Dense.from_config(inner).get_config()
    )


def test_nested_objects_round_trip() -> None:
    obj = Scaled(2.0, keras.regularizers.L2(0.5), double)
    config = serialize_keras_object(obj)
    assert config == {
        "class_name": "Scaled",
        "config": {
            "factor": 2.0,
            "regularizer": {"class_name": "L2", "config": {"l2": 0.5}, "__passive_serialization__": True},
            "fn": "double",
        },
    }
    module_objects = {"Scaled": Scaled, "L2": keras.regularizers.L2, "double": double}
    rebuilt = deserialize_keras_object(config, module_objects=module_objects)
    assert isinstance(rebuilt, Scaled) and rebuilt.factor == 2.0 and rebuilt.fn is double
    assert isinstance(rebuilt.regularizer, keras.regularizers.L2)
    np.testing.assert_allclose(float(rebuilt.regularizer(np.ones(2, "float32"))), 1.0)


def test_custom_objects_and_constructor_fallback() -> None:
    plain = deserialize_keras_object(
        {"class_name": "Plain", "config": {"a": 4}}, custom_objects={"Plain": Plain}
    )
    assert isinstance(plain, Plain) and plain.a == 4
    assert (
        deserialize_keras_object("Plain", custom_objects={"Plain": Plain}).a == 1
    )  # classes are instantiated
    assert deserialize_keras_object("double", module_objects={"double": double}) is double
    assert deserialize_keras_object(double) is double
    assert deserialize_keras_object(None) is None


def test_registered_class_uses_its_registered_name() -> None:
    @keras.saving.register_keras_serializable(package="legacy_test")
    class Registered(Plain):
        pass

    config = serialize_keras_object(Registered(7))
    assert config == {"class_name": "legacy_test>Registered", "config": {"a": 7}}
    rebuilt = deserialize_keras_object(config)
    assert type(rebuilt) is Registered and rebuilt.a == 7


ERRORS = [
    ({"identifier": {"class_name": "Foo"}}, r"Improper config format for \{'class_name': 'Foo'\}"),
    ({"identifier": {"class_name": "Foo", "config": {}}, "module_objects": {}}, "Unknown object: 'Foo'"),
    ({"identifier": "foo", "module_objects": {}, "printable_module_name": "loss"}, "Unknown loss: 'foo'"),
    ({"identifier": 3, "printable_module_name": "loss"}, "Could not interpret serialized loss: 3"),
]


@pytest.mark.parametrize(("kwargs", "match"), ERRORS)
def test_deserialize_errors(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        deserialize_keras_object(**kwargs)


def test_serialize_error() -> None:
    with pytest.raises(ValueError, match="because it doesn't implement `get_config\\(\\)`"):
        serialize_keras_object(object())


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize("function", [serialize_keras_object, deserialize_keras_object])
def test_docstring_examples(function: Any) -> None:
    runner = doctest.DocTestRunner()
    tests = doctest.DocTestFinder().find(function, function.__name__, globs={"keras": keras, "np": np})
    assert sum(len(t.examples) for t in tests) > 0
    for test in tests:
        assert runner.run(test).failed == 0
