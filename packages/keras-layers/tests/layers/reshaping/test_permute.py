"""Permute: values against np.transpose, shapes, dtype, config and errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._reshaping.permute import Permute

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}

CASES = [
    ((1,), (2, 3)),
    ((2, 1), (2, 3, 4)),
    ((1, 2), (2, 3, 4)),
    ((3, 1, 2), (2, 3, 4, 5)),
    ((2, 3, 1), (1, 2, 3, 4)),
]


@pytest.mark.parametrize(("dims", "shape"), CASES)
def test_values_match_np_transpose(dims: tuple[int, ...], shape: tuple[int, ...]) -> None:
    x = np.random.default_rng(5).normal(size=shape).astype("float32")
    out = Permute(dims)(x)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), np.transpose(x, (0, *dims)))


@pytest.mark.parametrize(("dims", "shape"), CASES)
def test_symbolic_and_computed_shapes(dims: tuple[int, ...], shape: tuple[int, ...]) -> None:
    expected = tuple(shape[i] for i in (0, *dims))
    layer = Permute(dims)
    assert layer(Input(shape=shape[1:])).shape == (None, *expected[1:])
    assert layer.compute_output_shape(shape) == expected
    assert Permute((2, 1)).compute_output_shape((None, None, 4)) == (None, 4, None)


def test_keeps_the_input_dtype() -> None:
    assert Permute((2, 1))(Input(shape=(3, 4), dtype="int32")).dtype == "int32"


@pytest.mark.parametrize("dims", [(2, 1), [2, 1], (1, 3, 2)])
def test_config_equals_keras_and_round_trips(dims: Any) -> None:
    layer = Permute(dims, name="p")
    config = layer.get_config()
    assert config == {"name": "p", "trainable": True, "dtype": DTYPE, "dims": tuple(dims)}
    assert Permute.from_config(json.loads(json.dumps(config))).get_config() == config


@pytest.mark.parametrize("dims", [(1, 3), (0, 1), (2, 2), (2,)])
def test_bad_dims(dims: tuple[int, ...]) -> None:
    with pytest.raises(
        ValueError,
        match=r"Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be "
        rf"consecutive and start from 1. Received dims=\({dims[0]},",
    ):
        Permute(dims)


def test_bad_input_rank() -> None:
    with pytest.raises(ValueError, match=r"expected ndim=3, found ndim=2"):
        Permute((2, 1))(np.zeros((2, 3), "float32"))
