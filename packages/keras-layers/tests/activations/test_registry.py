"""`keras.activations.get` / `serialize` / `deserialize`, the public names, and the docstrings."""

from __future__ import annotations

import doctest
import inspect
from typing import Any

import numpy as np
import pytest

import keras
from keras import activations
from keras.backend import backend
from keras.layers._serialization import register_keras_serializable, serialize_keras_object

# keras.activations' names in reference/keras-3.15-api.jsonl.
REFERENCE_NAMES = [
    "celu",
    "deserialize",
    "elu",
    "exponential",
    "gelu",
    "get",
    "glu",
    "hard_shrink",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "hard_tanh",
    "leaky_relu",
    "linear",
    "log_sigmoid",
    "log_softmax",
    "mish",
    "relu",
    "relu6",
    "selu",
    "serialize",
    "sigmoid",
    "silu",
    "soft_shrink",
    "softmax",
    "softplus",
    "softsign",
    "sparse_plus",
    "sparse_sigmoid",
    "sparsemax",
    "squareplus",
    "swish",
    "tanh",
    "tanh_shrink",
    "threshold",
]
BUILTIN_NAMES = sorted(set(activations.__all__) - {"get", "serialize", "deserialize", "swish", "hard_swish"})
ALIASES = {"swish": "silu", "hard_swish": "hard_silu"}


def test_public_names_are_the_reference_names() -> None:
    assert sorted(activations.__all__) == REFERENCE_NAMES


@pytest.mark.parametrize("name", BUILTIN_NAMES)
def test_builtin_serializes_to_its_name_and_back(name: str) -> None:
    fn = getattr(activations, name)
    assert activations.serialize(fn) == name
    assert activations.get(name) is fn
    assert activations.deserialize(name) is fn
    assert activations.deserialize(serialize_keras_object(fn)) is fn


@pytest.mark.parametrize(("alias", "canonical"), sorted(ALIASES.items()))
def test_aliases_resolve_and_serialize_under_the_canonical_name(alias: str, canonical: str) -> None:
    fn = getattr(activations, alias)
    assert fn is getattr(activations, canonical)
    assert activations.serialize(fn) == canonical
    assert activations.get(alias) is fn
    assert activations.deserialize(alias) is fn
    config = {"module": "builtins", "class_name": "function", "config": alias, "registered_name": "function"}
    assert activations.get(config) is fn


def test_keras_function_config_is_what_keras_writes() -> None:
    assert serialize_keras_object(activations.relu) == {
        "module": "builtins",
        "class_name": "function",
        "config": "relu",
        "registered_name": "function",
    }


def test_get_none_is_linear_and_callables_pass_through() -> None:
    assert activations.get(None) is activations.linear

    def custom(x: Any) -> Any:
        return x

    assert activations.get(custom) is custom


@pytest.mark.parametrize("identifier", ["foo", "Relu", 3, [1]], ids=repr)
def test_get_rejects_unknown_identifiers(identifier: Any) -> None:
    with pytest.raises(ValueError, match="Could not interpret activation function identifier: "):
        activations.get(identifier)


def test_deserialize_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="Unknown activation function: 'foo'"):
        activations.deserialize("foo")


def test_unregistered_custom_function_serializes_as_a_function_config() -> None:
    def scaled(x: Any) -> Any:
        return 2 * x

    assert activations.serialize(scaled) == {
        "module": "builtins",
        "class_name": "function",
        "config": "scaled",
        "registered_name": "function",
    }
    restored = activations.deserialize(activations.serialize(scaled), custom_objects={"scaled": scaled})
    assert restored is scaled


def test_registered_custom_function_round_trips() -> None:
    @register_keras_serializable(package="ActivationTests")
    def doubled(x: Any) -> Any:
        return 2 * x

    config = activations.serialize(doubled)
    assert config == {
        "module": "builtins",
        "class_name": "function",
        "config": "ActivationTests>doubled",
        "registered_name": "function",
    }
    assert activations.deserialize(config) is doubled
    assert activations.get(config) is doubled
    assert activations.deserialize("ActivationTests>doubled") is doubled


def test_serialize_rejects_non_activations() -> None:
    with pytest.raises(ValueError, match="Cannot serialize the activation 3"):
        activations.serialize(3)  # type: ignore[arg-type]


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize("name", sorted(activations.__all__))
def test_docstring_example(name: str) -> None:
    obj = getattr(activations, name)
    assert ">>>" in (inspect.getdoc(obj) or "")
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in doctest.DocTestFinder(recurse=False).find(obj, name, globs={"keras": keras, "np": np}):
        result = runner.run(test, out=lambda text: None)
        assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
