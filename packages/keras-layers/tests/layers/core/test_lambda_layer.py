"""Lambda: calls, shapes, masks, and configs (lambdas only load with safe mode off)."""

from __future__ import annotations

import base64
import codecs
import marshal
from typing import Any

import numpy as np
import pytest

from keras import activations, ops
from keras.backend._masking import get_keras_mask
from keras.layers import Input
from keras.layers._core.lambda_layer import Lambda
from keras.layers._core.masking import Masking
from keras.layers._serialization import (
    deserialize_keras_object,
    register_keras_serializable,
    serialize_keras_object,
)
from keras.ops._keras_tensor import KerasTensor

X = np.array([[-1.0, 2.0, 3.0]], dtype="float32")
CUSTOM = {"Lambda": Lambda}
UNSAFE = r"Requested the deserialization of a `Lambda` layer whose `function` is a Python lambda"


@register_keras_serializable(package="test_lambda")
def triple(x: Any) -> Any:
    return x * 3.0


def value(x: Any) -> np.ndarray[Any, Any]:
    return ops.convert_to_numpy(x)


@pytest.mark.parametrize(
    ("function", "arguments", "expected"),
    [
        (lambda x: x * 2.0, None, X * 2.0),
        (lambda x, shift: x + shift, {"shift": 1.5}, X + 1.5),
        (activations.relu, {"max_value": 2.0}, np.clip(X, 0.0, 2.0)),
        (triple, None, X * 3.0),
    ],
    ids=["lambda", "arguments", "builtin-with-arguments", "registered"],
)
def test_calls_the_function(function: Any, arguments: Any, expected: np.ndarray[Any, Any]) -> None:
    np.testing.assert_allclose(value(Lambda(function, arguments=arguments)(X)), expected, rtol=1e-6)


def test_passes_training_and_mask_when_the_function_takes_them() -> None:
    def scale(x: Any, training: Any = None) -> Any:
        return x * (10.0 if training else 1.0)

    layer = Lambda(scale)
    np.testing.assert_allclose(value(layer(X, training=True)), X * 10.0)
    np.testing.assert_allclose(value(layer(X)), X)

    def fill(x: Any, mask: Any = None) -> Any:
        return x if mask is None else ops.where(mask[..., None], x, -5.0)

    masked = Masking(mask_value=0.0)(np.array([[[1.0], [0.0]]], dtype="float32"))
    out = Lambda(fill)(masked)
    np.testing.assert_allclose(value(out), [[[1.0], [-5.0]]])
    assert get_keras_mask(out) is None  # no `mask` argument: the mask stops here, as in Keras


def test_output_shape_by_tracing_keeps_the_dtype() -> None:
    layer = Lambda(lambda x: ops.greater(x[:, :2], 0.0))
    out = layer(Input(shape=(3,)))
    assert tuple(out.shape) == (None, 2) and out.dtype == "bool"
    assert layer.compute_output_shape((None, 5)) == (None, 2)


@pytest.mark.parametrize(
    ("output_shape", "expected"),
    [
        ((4,), (None, 4)),
        ([4, 2], (None, 4, 2)),
        (lambda shape: (shape[0], 7), (None, 7)),
    ],
    ids=["tuple", "list", "callable"],
)
def test_declared_output_shape(output_shape: Any, expected: tuple[int | None, ...]) -> None:
    layer = Lambda(lambda x: x, output_shape=output_shape)
    assert tuple(layer.compute_output_shape((None, 3))) == expected
    assert tuple(layer(Input(shape=(3,))).shape) == expected


def test_output_shape_that_cannot_be_traced_asks_for_output_shape() -> None:
    def eager_only(x: Any) -> Any:
        if isinstance(x, KerasTensor):
            raise RuntimeError("needs values")
        return x

    with pytest.raises(NotImplementedError, match="Please specify the `output_shape` argument"):
        Lambda(eager_only).compute_output_shape((None, 3))


def test_mask_argument() -> None:
    constant = ops.convert_to_tensor(np.array([[True, False, True]]))
    layer = Lambda(lambda x: x, mask=constant)
    assert layer.supports_masking
    np.testing.assert_array_equal(value(get_keras_mask(layer(X))), [[True, False, True]])
    flip = Lambda(lambda x: x, mask=lambda inputs, mask: ops.logical_not(mask))
    masked = Masking(mask_value=0.0)(np.array([[[1.0], [0.0]]], dtype="float32"))
    np.testing.assert_array_equal(value(get_keras_mask(flip(masked))), [[False, True]])
    assert not Lambda(lambda x: x).supports_masking


def test_config_of_a_lambda_is_keras_lambda_format() -> None:
    config = Lambda(lambda x: x * 2.0, name="lambda").get_config()
    assert set(config) == {"name", "trainable", "dtype", "function", "arguments"}
    assert config["arguments"] == {}
    assert config["function"]["class_name"] == "__lambda__"
    assert set(config["function"]["config"]) == {"code", "defaults", "closure"}


def test_config_of_named_functions_equals_keras() -> None:
    config = Lambda(activations.relu, output_shape=(3,), arguments={"a": 1}, name="lambda_1").get_config()
    assert config == {
        "name": "lambda_1",
        "trainable": True,
        "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {"name": "float32"},
            "registered_name": None,
        },
        "function": {
            "module": "builtins",
            "class_name": "function",
            "config": "relu",
            "registered_name": "function",
        },
        "output_shape": (3,),
        "arguments": {"a": 1},
    }
    assert Lambda(triple).get_config()["function"]["config"] == "test_lambda>triple"


def test_named_functions_load_in_safe_mode() -> None:
    layer = Lambda(triple, output_shape=(3,))
    restored = deserialize_keras_object(serialize_keras_object(layer), custom_objects=CUSTOM)
    assert restored.function is triple and restored.get_config() == layer.get_config()
    builtin = Lambda.from_config(Lambda(activations.relu, arguments={"max_value": 1.0}).get_config())
    np.testing.assert_allclose(value(builtin(X)), np.clip(X, 0.0, 1.0))
    listed = Lambda.from_config({**layer.get_config(), "output_shape": [3]})
    assert listed.compute_output_shape((None, 3)) == (None, 3)


def test_lambdas_are_refused_in_safe_mode() -> None:
    layer = Lambda(lambda x: x * 2.0)
    with pytest.raises(ValueError, match=UNSAFE):
        Lambda.from_config(layer.get_config())
    with pytest.raises(ValueError, match=UNSAFE):
        deserialize_keras_object(serialize_keras_object(layer), custom_objects=CUSTOM)
    shaped = Lambda(triple, output_shape=lambda shape: shape)
    with pytest.raises(ValueError, match=UNSAFE):
        Lambda.from_config(shaped.get_config())


def test_lambdas_load_with_safe_mode_off() -> None:
    offset = 0.5
    layer = Lambda(lambda x, k=2.0: x * k + offset, output_shape=lambda shape: shape, mask=lambda x, m: m)
    restored = deserialize_keras_object(serialize_keras_object(layer), custom_objects=CUSTOM, safe_mode=False)
    np.testing.assert_allclose(value(restored(X)), X * 2.0 + 0.5)
    assert restored.compute_output_shape((None, 3)) == (None, 3)
    direct = Lambda.from_config(layer.get_config(), safe_mode=False)
    np.testing.assert_allclose(value(direct(X)), X * 2.0 + 0.5)


def test_loads_keras_lambda_code_with_line_breaks() -> None:
    # Keras 3 writes the bytecode with `codecs.encode(..., "base64")` (lines of 76 chars).
    fn = lambda x: x - 1.0  # noqa: E731
    code = codecs.encode(marshal.dumps(fn.__code__), "base64").decode("ascii")
    assert "\n" in code or len(base64.b64decode(code)) < 57
    config = {
        "name": "lambda_keras",
        "trainable": True,
        "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {"name": "float32"},
            "registered_name": None,
        },
        "function": {"class_name": "__lambda__", "config": {"code": code, "defaults": None, "closure": None}},
        "arguments": {},
    }
    layer = Lambda.from_config(config, safe_mode=False)
    np.testing.assert_allclose(value(layer(X)), X - 1.0)
