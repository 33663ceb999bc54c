"""Flatten: values against numpy, both data formats, shapes, dtype, config and errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import standardize_dtype
from keras.layers import Input
from keras.layers._reshaping.flatten import Flatten

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}

SHAPES = [(2,), (2, 3), (2, 3, 4), (2, 3, 4, 5), (1, 2, 3, 4, 2)]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_values_match_numpy(shape: tuple[int, ...], data_format: str) -> None:
    x = np.random.default_rng(4).normal(size=shape).astype("float32")
    out = ops.convert_to_numpy(Flatten(data_format=data_format)(x))
    if data_format == "channels_first" and x.ndim > 2:
        x = np.moveaxis(x, 1, -1)
    np.testing.assert_array_equal(out, x.reshape(shape[0], -1))


@pytest.mark.parametrize("shape", SHAPES)
def test_symbolic_and_computed_shapes(shape: tuple[int, ...]) -> None:
    expected = (shape[0], int(np.prod(shape[1:])))
    layer = Flatten()
    assert layer(Input(shape=shape[1:])).shape == (None, expected[1])
    assert layer.compute_output_shape(shape) == expected


def test_unknown_sizes() -> None:
    layer = Flatten()
    assert layer(Input(shape=(None, 4))).shape == (None, None)
    assert layer.compute_output_shape((3, None, 4)) == (3, None)
    out = layer(np.zeros((2, 5, 4), "float32"))
    assert tuple(out.shape) == (2, 20)


def test_keeps_the_input_dtype() -> None:
    assert Flatten()(Input(shape=(3, 4), dtype="int32")).dtype == "int32"
    out = Flatten()(np.ones((2, 3, 4), "int32"))
    assert standardize_dtype(out.dtype) == "int32"


def test_channels_first_example_order() -> None:
    x = np.arange(8, dtype="float32").reshape(1, 2, 2, 2)
    out = Flatten(data_format="channels_first")(x)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), [[0, 4, 1, 5, 2, 6, 3, 7]])


@pytest.mark.parametrize("data_format", [None, "channels_first", "Channels_Last"])
def test_config_equals_keras_and_round_trips(data_format: Any) -> None:
    layer = Flatten(data_format=data_format, name="f")
    config = layer.get_config()
    expected = "channels_first" if data_format == "channels_first" else "channels_last"
    assert config == {"name": "f", "trainable": True, "dtype": DTYPE, "data_format": expected}
    assert Flatten.from_config(json.loads(json.dumps(config))).get_config() == config


def test_errors() -> None:
    with pytest.raises(
        ValueError, match=r"The `data_format` argument must be one of .* Received: data_format='?foo"
    ):
        Flatten(data_format="foo")
    with pytest.raises(ValueError, match=r"expected min_ndim=1, found ndim=0"):
        Flatten()(np.zeros((), "float32"))
