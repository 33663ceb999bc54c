"""Reshape: values against np.reshape, `-1` resolution, shapes, dtype, config and errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import standardize_dtype
from keras.layers import Input
from keras.layers._reshaping.reshape import Reshape, reshaped

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}

# (target shape, input shape, expected output shape)
CASES = [
    ((6,), (2, 2, 3), (2, 6)),
    ((3, 2), (2, 6), (2, 3, 2)),
    ((-1, 2), (2, 6), (2, 3, 2)),
    ((2, -1, 1), (4, 3, 2), (4, 2, 3, 1)),
    ((-1,), (3, 2, 2, 2), (3, 8)),
    ((1, 1, 6), (1, 6), (1, 1, 1, 6)),
]


@pytest.mark.parametrize(("target", "shape", "expected"), CASES)
def test_values_match_np_reshape(
    target: tuple[int, ...], shape: tuple[int, ...], expected: tuple[int, ...]
) -> None:
    x = np.arange(int(np.prod(shape)), dtype="float32").reshape(shape)
    out = ops.convert_to_numpy(Reshape(target)(x))
    assert out.shape == expected
    np.testing.assert_array_equal(out, x.reshape(expected))


@pytest.mark.parametrize(("target", "shape", "expected"), CASES)
def test_symbolic_shape(target: tuple[int, ...], shape: tuple[int, ...], expected: tuple[int, ...]) -> None:
    layer = Reshape(target)
    assert layer(Input(shape=shape[1:])).shape == (None, *expected[1:])
    assert layer.compute_output_shape(shape) == expected


@pytest.mark.parametrize(
    ("target", "sample", "expected"),
    [
        ((3, -1), (None,), (3, None)),
        ((3, -1), (2, None), (3, None)),
        ((3, 4), (None, 6), (3, 4)),
        ((None, 4), (8,), (2, 4)),
        ((0, 3), (0, 5), (0, 3)),
    ],
)
def test_unknown_sizes(target: tuple[Any, ...], sample: tuple[Any, ...], expected: tuple[Any, ...]) -> None:
    assert reshaped(sample, target) == expected
    assert Reshape(target).compute_output_shape((None, *sample)) == (None, *expected)


def test_unknown_input_size_is_resolved_at_call() -> None:
    layer = Reshape((3, -1))
    assert layer(Input(shape=(None,))).shape == (None, 3, None)
    out = layer(np.zeros((2, 12), "float32"))
    assert tuple(out.shape) == (2, 3, 4)


def test_keeps_the_input_dtype() -> None:
    assert Reshape((2, 2))(Input(shape=(4,), dtype="int32")).dtype == "int32"
    out = Reshape((2, 2))(np.arange(8, dtype="int32").reshape(2, 4))
    assert standardize_dtype(out.dtype) == "int32"


def test_is_built_at_construction() -> None:
    layer = Reshape((2, 3))
    assert layer.built
    layer(np.zeros((1, 6), "float32"))
    assert layer.get_build_config() is None


@pytest.mark.parametrize(
    ("target", "expected"), [((2, -1), (2, -1)), ([3, 4], (3, 4)), ((np.int64(5),), (5,))]
)
def test_config_equals_keras_and_round_trips(target: Any, expected: tuple[int, ...]) -> None:
    layer = Reshape(target, name="r")
    config = layer.get_config()
    assert config == {"name": "r", "trainable": True, "dtype": DTYPE, "target_shape": expected}
    assert Reshape.from_config(json.loads(json.dumps(config))).get_config() == config


@pytest.mark.parametrize(
    ("target", "error", "match"),
    [
        (
            (-1, -1),
            ValueError,
            r"There must be at most one unknown dimension \(-1\) in `target_shape`. Received: target_shape=\(-1, -1\).",
        ),
        (
            (-2, 2),
            ValueError,
            r"Each dimension in `target_shape` must be a non-negative integer, or `-1` for a single unknown dimension. Received: target_shape=\(-2, 2\).",
        ),
        (("a",), ValueError, r"Each dimension in `target_shape` must be a non-negative integer"),
        ((1.5,), ValueError, r"Each dimension in `target_shape` must be a non-negative integer"),
        (5, TypeError, r"Argument `target_shape` must be a tuple or list of ints. Received: target_shape=5"),
    ],
)
def test_bad_target_shape(target: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        Reshape(target)


@pytest.mark.parametrize(
    ("target", "match"),
    [
        (
            (5,),
            r"The total size of the tensor must be unchanged. Received: input_shape=\(6,\), target_shape=\(5,\)",
        ),
        (
            (4, -1),
            r"The total size of the tensor must be unchanged, however, the input size cannot be divided by the specified dimensions in target_shape. Received: input_shape=\(6,\), target_shape=\(4, -1\)",
        ),
        ((0, -1), r"cannot be divided"),
    ],
)
def test_incompatible_total_size(target: tuple[int, ...], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Reshape(target)(np.zeros((2, 6), "float32"))
    with pytest.raises(ValueError, match=match):
        Reshape(target)(Input(shape=(6,)))
