"""Concatenate and `concatenate`: values against np.concatenate, shapes, masks, config, errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import standardize_dtype
from keras.backend._masking import get_keras_mask
from keras.layers import Input
from keras.layers._merging.concatenate import Concatenate, concatenate
from keras.ops._keras_tensor import KerasTensor

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}

# (axis, input shapes)
CASES = [
    (-1, [(2, 3), (2, 4)]),
    (1, [(2, 3), (2, 1), (2, 2)]),
    (1, [(2, 3, 4), (2, 5, 4)]),
    (-2, [(2, 3, 4), (2, 1, 4)]),
    (2, [(2, 3, 4), (2, 3, 2)]),
    (0, [(2, 3), (1, 3)]),
    (-1, [(2, 3)]),
]


@pytest.mark.parametrize(("axis", "shapes"), CASES)
def test_values_match_np_concatenate(axis: int, shapes: list[tuple[int, ...]]) -> None:
    xs = [np.random.default_rng(i).normal(size=s).astype("float32") for i, s in enumerate(shapes)]
    out = Concatenate(axis=axis)(xs)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), np.concatenate(xs, axis=axis))
    np.testing.assert_array_equal(
        ops.convert_to_numpy(concatenate(xs, axis=axis)), np.concatenate(xs, axis=axis)
    )


@pytest.mark.parametrize(("axis", "shapes"), [c for c in CASES if c[0] != 0])
def test_symbolic_and_computed_shapes(axis: int, shapes: list[tuple[int, ...]]) -> None:
    expected = np.concatenate([np.zeros(s) for s in shapes], axis=axis).shape
    out = Concatenate(axis=axis)([Input(shape=s[1:]) for s in shapes])
    assert out.shape == (None, *expected[1:]) and out.dtype == "float32"
    assert Concatenate(axis=axis).compute_output_shape(shapes) == expected


@pytest.mark.parametrize(
    ("axis", "shapes", "expected"),
    [
        (-1, [(None, 3), (None, None)], (None, None)),
        (1, [(None, None, 4), (None, 3, 4)], (None, None, 4)),
        # like Keras, the other axes take the first input's sizes
        (-1, [(None, None, 4), (None, 3, 5)], (None, None, 9)),
    ],
)
def test_unknown_sizes(axis: int, shapes: list[tuple[Any, ...]], expected: tuple[Any, ...]) -> None:
    assert Concatenate(axis=axis).compute_output_shape(shapes) == expected


def test_functional_form_passes_layer_arguments() -> None:
    out = concatenate([Input(shape=(3,)), Input(shape=(2,))], axis=1, name="joined")
    layer = out._keras_history.operation
    assert type(layer) is Concatenate and layer.name == "joined" and layer.axis == 1
    assert out.shape == (None, 5)


def test_int_inputs() -> None:
    out = Concatenate()([np.ones((1, 2), "int32"), np.zeros((1, 1), "int32")])
    assert standardize_dtype(out.dtype) == "int32"
    np.testing.assert_array_equal(ops.convert_to_numpy(out), [[1, 1, 0]])


A = np.array([[[1, 2], [3, 4], [5, 6]]], dtype="float32")
B = np.array([[[10, -2], [-3, 40], [0, 0]]], dtype="float32")
MASK_A = np.array([[True, False, True]])
MASK_B = np.array([[False, False, True]])


@pytest.mark.parametrize(
    ("axis", "masks", "expected"),
    [  # Keras 3.15's output masks
        (-1, [MASK_A, MASK_B], [[True, False, True]]),
        (-1, [MASK_A, None], [[True, True, True]]),
        (-1, [None, MASK_A], [[True, True, True]]),
        (1, [MASK_A, MASK_B], [[True, False, True, False, False, True]]),
        (1, [MASK_A, None], [[True, False, True, True, True, True]]),
        (1, [None, MASK_B], [[True, True, True, False, False, True]]),
    ],
)
def test_masks_match_keras(axis: int, masks: list[Any], expected: list[list[bool]]) -> None:
    out = Concatenate(axis=axis)([A, B], mask=masks)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), np.concatenate([A, B], axis=axis))
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(out)), expected)


def test_masks_of_the_inputs_rank_are_reduced_over_the_last_axis() -> None:
    # Keras 3.15: 2D inputs with 2D masks give a (batch,) mask
    d, e = np.array([[1.0, 2.0, 3.0]], "float32"), np.array([[4.0, 5.0]], "float32")
    out = Concatenate()([d, e], mask=[np.array([[True, False, True]]), np.array([[False, True]])])
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(out)), [True])


def test_no_masks_give_no_mask() -> None:
    assert get_keras_mask(Concatenate()([A, B])) is None
    assert Concatenate().compute_mask([A, B], [None, None]) is None


def test_symbolic_mask() -> None:
    x, y = Input(shape=(3, 2)), Input(shape=(4, 2))
    x._keras_mask = KerasTensor((None, 3), "bool")  # type: ignore[attr-defined]
    out = Concatenate(axis=1)([x, y])
    assert get_keras_mask(out).shape == (None, 7)


@pytest.mark.parametrize("axis", [-1, 1, 2])
def test_config_equals_keras_and_round_trips(axis: int) -> None:
    layer = Concatenate(axis=axis, name="c")
    config = layer.get_config()
    assert config == {"name": "c", "trainable": True, "dtype": DTYPE, "axis": axis}
    assert Concatenate.from_config(json.loads(json.dumps(config))).get_config() == config


MISMATCH = r"A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. "


@pytest.mark.parametrize(
    ("axis", "inputs", "match"),
    [
        (-1, [np.ones((2, 3)), np.ones((3, 3))], MISMATCH + r"Received: input_shape=\[\(2, 3\), \(3, 3\)\]"),
        (
            1,
            [np.ones((2, 3, 4)), np.ones((2, 3, 5))],
            MISMATCH + r"Received: input_shape=\[\(2, 3, 4\), \(2, 3, 5\)\]",
        ),
        (-1, [np.ones((2, 3)), np.ones((2, 3, 4))], MISMATCH),
        (
            -1,
            np.ones((2, 3)),
            r"A `Concatenate` layer should be called on a list of at least 1 input. Received: input_shape=\(2, 3\)",
        ),
        (
            -1,
            [],
            r"A `Concatenate` layer should be called on a list of at least 1 input. Received: input_shape=\[\]",
        ),
        (
            3,
            [np.ones((2, 3)), np.ones((2, 3))],
            r"Argument `axis` is out of range for inputs of rank 2. Received: axis=3",
        ),
    ],
)
def test_errors(axis: int, inputs: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Concatenate(axis=axis)(inputs)


def test_symbolic_mismatch() -> None:
    with pytest.raises(
        ValueError, match=MISMATCH + r"Received: input_shape=\[\(None, 3, 4\), \(None, 3, 5\)\]"
    ):
        Concatenate(axis=1)([Input(shape=(3, 4)), Input(shape=(3, 5))])
    # unknown sizes match anything
    assert Concatenate(axis=1)([Input(shape=(None, 4)), Input(shape=(3, 4))]).shape == (None, None, 4)
