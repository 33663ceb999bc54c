"""Quantizer classes, quantization configs and name lookup: configs equal to Keras 3.15's,
round trips through get_config/from_config and serialize/deserialize, and errors."""

from __future__ import annotations

import doctest
from typing import Any

import numpy as np
import pytest

import keras.quantizers as quantizers
from keras import ops
from keras.backend import backend

ABS_MAX = {"value_range": (-127, 127), "epsilon": 1e-07, "output_dtype": "int8"}
ABS_MAX_SERIALIZED = {
    "module": "keras.quantizers",
    "class_name": "AbsMaxQuantizer",
    "config": ABS_MAX,
    "registered_name": None,
}

# (object, its get_config() as Keras 3.15 prints it)
KERAS_CONFIGS: list[tuple[Any, dict[str, Any]]] = [
    (quantizers.AbsMaxQuantizer(), ABS_MAX),
    (quantizers.AbsMaxQuantizer(axis=-1), {**ABS_MAX, "axis": (-1,)}),
    (
        quantizers.Int8QuantizationConfig(),
        {"weight_quantizer": None, "activation_quantizer": ABS_MAX_SERIALIZED},
    ),
    (
        quantizers.Int4QuantizationConfig(),
        {"weight_quantizer": None, "activation_quantizer": None, "block_size": 128},
    ),
    (quantizers.Float8QuantizationConfig(), {}),
    (
        quantizers.GPTQConfig(None, None),
        {
            "dataset": None,
            "tokenizer": None,
            "weight_bits": 4,
            "num_samples": 128,
            "per_channel": True,
            "sequence_length": 512,
            "hessian_damping": 0.01,
            "group_size": 128,
            "symmetric": False,
            "activation_order": False,
            "quantization_layer_structure": None,
        },
    ),
    (
        quantizers.AWQConfig(None, None),
        {
            "dataset": None,
            "tokenizer": None,
            "weight_bits": 4,
            "num_samples": 128,
            "sequence_length": 512,
            "group_size": 128,
            "num_grid_points": 20,
            "quantization_layer_structure": None,
        },
    ),
]


@pytest.mark.parametrize(("obj", "expected"), KERAS_CONFIGS, ids=lambda v: type(v).__name__)
def test_config_equals_keras(obj: Any, expected: dict[str, Any]) -> None:
    assert obj.get_config() == expected
    rebuilt = type(obj).from_config(obj.get_config())
    assert type(rebuilt) is type(obj) and rebuilt.get_config() == expected


@pytest.mark.parametrize(("obj", "expected"), KERAS_CONFIGS, ids=lambda v: type(v).__name__)
def test_serialize_round_trip(obj: Any, expected: dict[str, Any]) -> None:
    config = quantizers.serialize(obj)
    assert config == {
        "module": "keras.quantizers",
        "class_name": type(obj).__name__,
        "config": expected,
        "registered_name": None,
    }
    if isinstance(obj, quantizers.GPTQConfig):
        return  # Keras's deserialize does not know GPTQConfig either
    rebuilt = quantizers.deserialize(config)
    assert type(rebuilt) is type(obj) and rebuilt.get_config() == expected


def test_modes_and_policy_strings() -> None:
    assert quantizers.Int8QuantizationConfig().mode == "int8"
    assert quantizers.Int4QuantizationConfig().mode == "int4"
    assert quantizers.Float8QuantizationConfig().mode == "float8"
    assert (
        quantizers.GPTQConfig(None, None, weight_bits=3, group_size=64).dtype_policy_string() == "gptq/3/64"
    )
    assert quantizers.AWQConfig(None, None, group_size=-1).dtype_policy_string() == "awq/4/-1"
    with pytest.raises(NotImplementedError, match="Do not instantiate QuantizationConfig directly"):
        _ = quantizers.QuantizationConfig().mode
    with pytest.raises(NotImplementedError, match="GPTQ algorithm is not implemented"):
        quantizers.GPTQConfig(None, None).run(None)


def test_quantizer_base() -> None:
    base = quantizers.Quantizer()
    x = np.ones(3, "float32")
    assert base(x) is x and base.output_dtype == "int8"
    with pytest.raises(NotImplementedError, match="does not implement get_config"):
        base.get_config()
    assert quantizers.Quantizer.from_config({"output_dtype": "int4"}).output_dtype == "int4"


def test_config_with_custom_weight_quantizer_round_trips() -> None:
    weight = quantizers.AbsMaxQuantizer(axis=0, value_range=(-8, 7))
    config = quantizers.Int4QuantizationConfig(weight_quantizer=weight, block_size=None)
    rebuilt = quantizers.Int4QuantizationConfig.from_config(config.get_config())
    assert rebuilt.weight_quantizer is not None
    assert rebuilt.weight_quantizer.get_config() == weight.get_config()
    assert rebuilt.block_size is None
    assert quantizers.QuantizationConfig.weight_quantizer_or_default(rebuilt, "d") is rebuilt.weight_quantizer
    assert quantizers.QuantizationConfig.weight_quantizer_or_default(None, "d") == "d"
    assert quantizers.QuantizationConfig.activation_quantizer_or_default(rebuilt, "d") is None


ERRORS: list[tuple[Any, type[Exception], str]] = [
    (
        lambda: quantizers.AbsMaxQuantizer(value_range=(-129, 127)),
        ValueError,
        r"within the interval \[-128, 127\]",
    ),
    (
        lambda: quantizers.Int8QuantizationConfig(weight_quantizer=quantizers.Quantizer("int4")),
        ValueError,
        "output_dtype='int8'. Received: output_dtype=int4",
    ),
    (lambda: quantizers.Int4QuantizationConfig(block_size=0), ValueError, "Received: block_size=0"),
    (
        lambda: quantizers.Int4QuantizationConfig(
            weight_quantizer=quantizers.AbsMaxQuantizer(value_range=(-8, 7))
        ),
        ValueError,
        "does not support custom quantizers",
    ),
    (
        lambda: quantizers.Int4QuantizationConfig(
            weight_quantizer=quantizers.AbsMaxQuantizer(), block_size=-1
        ),
        ValueError,
        r"value_range=\(-8, 7\). Received: value_range=\(-127, 127\)",
    ),
    (lambda: quantizers.GPTQConfig(None, None, weight_bits=5), ValueError, "Unsupported weight_bits 5"),
    (
        lambda: quantizers.GPTQConfig(None, None, num_samples=0),
        ValueError,
        "num_samples must be a positive integer",
    ),
    (
        lambda: quantizers.GPTQConfig(None, None, hessian_damping=2.0),
        ValueError,
        "hessian_damping must be between 0 and 1",
    ),
    (lambda: quantizers.GPTQConfig(None, None, group_size=0), ValueError, "but got 0"),
    (lambda: quantizers.AWQConfig(None, None, weight_bits=8), ValueError, "AWQ only supports 4-bit"),
    (
        lambda: quantizers.AWQConfig(None, None, num_grid_points=0),
        ValueError,
        "num_grid_points must be a positive",
    ),
    (
        lambda: quantizers.AWQConfig(None, None, sequence_length=-1),
        ValueError,
        "sequence_length must be a positive",
    ),
    (lambda: quantizers.get("foo"), ValueError, "Could not interpret quantizer identifier: foo"),
    (lambda: quantizers.get(3), ValueError, "Could not interpret quantizer identifier: 3"),
]


@pytest.mark.parametrize(("make", "error", "match"), ERRORS)
def test_errors(make: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        make()


def test_get() -> None:
    assert quantizers.get(None) is None
    assert type(quantizers.get("AbsMaxQuantizer")) is quantizers.AbsMaxQuantizer
    assert quantizers.get("abs_max_quantizer", value_range=(-7, 7)).value_range == (-7, 7)
    assert quantizers.get("int4_quantization_config", block_size=32).block_size == 32
    assert quantizers.get(quantizers.AbsMaxQuantizer, axis=0).axis == (0,)
    instance = quantizers.AbsMaxQuantizer()
    assert quantizers.get(instance) is instance
    assert quantizers.get(ABS_MAX_SERIALIZED).get_config() == ABS_MAX


def test_abs_max_quantizer_from_json_config() -> None:
    # a config read back from JSON has lists where Keras wrote tuples
    quantizer = quantizers.AbsMaxQuantizer.from_config(
        {"value_range": [-7, 7], "epsilon": 1e-07, "output_dtype": "int8", "axis": [0]}
    )
    assert quantizer.axis == (0,)
    q, _ = quantizer(np.array([[1.0, -2.0], [0.5, 1.0]], "float32"))
    np.testing.assert_array_equal(
        ops.convert_to_numpy(q), [[7, -7], [3, 4]]
    )  # 0.5 * 7 / (1 + 1e-7) rounds down


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize("name", sorted(quantizers.__all__))
def test_docstring_example(name: str) -> None:
    import keras

    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = finder.find(getattr(quantizers, name), name, globs={"keras": keras, "np": np})
    assert sum(len(t.examples) for t in tests) > 0, f"{name} has no example"
    for test in tests:
        assert runner.run(test).failed == 0, name
