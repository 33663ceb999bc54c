"""Add, Subtract, Multiply, Average, Maximum, Minimum and their functional forms."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import standardize_dtype
from keras.backend._masking import get_keras_mask
from keras.layers import Input
from keras.layers._merging.elementwise import (
    Add,
    Average,
    Maximum,
    Minimum,
    Multiply,
    Subtract,
    add,
    average,
    maximum,
    minimum,
    multiply,
    subtract,
)
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._keras_tensor import KerasTensor

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
CLASSES: dict[str, Any] = {
    "Add": Add,
    "Subtract": Subtract,
    "Multiply": Multiply,
    "Average": Average,
    "Maximum": Maximum,
    "Minimum": Minimum,
}
FUNCTIONS: dict[str, Callable[..., Any]] = {
    "Add": add,
    "Subtract": subtract,
    "Multiply": multiply,
    "Average": average,
    "Maximum": maximum,
    "Minimum": minimum,
}


def reference(name: str, xs: list[np.ndarray]) -> np.ndarray:
    if name == "Subtract":
        return np.asarray(xs[0] - xs[1])
    if name == "Average":
        return np.asarray(sum(xs)) / len(xs)
    fold = {"Add": np.add, "Multiply": np.multiply, "Maximum": np.maximum, "Minimum": np.minimum}[name]
    out = xs[0]
    for x in xs[1:]:
        out = fold(out, x)
    return out


def rand(*shape: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).normal(size=shape).astype("float32")


# (input shapes, numpy-broadcastable versions of them for the reference)
SHAPE_CASES = [
    ([(2, 3), (2, 3)], None),
    ([(2, 3, 4), (2, 3, 4)], None),
    ([(2, 1, 4), (2, 3, 4)], None),
    ([(2, 3, 4), (2, 3, 1)], None),
    ([(2, 4), (2, 3, 4)], [(2, 1, 4), (2, 3, 4)]),  # a lower rank gets axes after the batch axis
    ([(2, 3, 4), (2, 4)], [(2, 3, 4), (2, 1, 4)]),
]


@pytest.mark.parametrize("name", sorted(CLASSES))
@pytest.mark.parametrize(("shapes", "aligned"), SHAPE_CASES)
def test_values_match_numpy(name: str, shapes: list[tuple[int, ...]], aligned: Any) -> None:
    xs = [rand(*s, seed=i) for i, s in enumerate(shapes)]
    out = CLASSES[name]()(xs)
    views = [x.reshape(a) for x, a in zip(xs, aligned, strict=True)] if aligned else xs
    np.testing.assert_allclose(ops.convert_to_numpy(out), reference(name, views), rtol=1e-6)


@pytest.mark.parametrize("name", ["Add", "Multiply", "Average", "Maximum", "Minimum"])
def test_three_inputs(name: str) -> None:
    xs = [rand(2, 5, seed=i) for i in range(3)]
    out = CLASSES[name]()(xs)
    np.testing.assert_allclose(ops.convert_to_numpy(out), reference(name, xs), rtol=1e-6)


@pytest.mark.parametrize("name", ["Add", "Multiply", "Average", "Maximum", "Minimum"])
def test_one_input_is_returned_as_is(name: str) -> None:
    x = rand(2, 3)
    np.testing.assert_allclose(ops.convert_to_numpy(CLASSES[name]()([x])), x)


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_functional_form_equals_the_layer(name: str) -> None:
    xs = [rand(2, 3, seed=1), rand(2, 3, seed=2)]
    np.testing.assert_allclose(
        ops.convert_to_numpy(FUNCTIONS[name](xs)), ops.convert_to_numpy(CLASSES[name]()(xs)), rtol=1e-6
    )
    out = FUNCTIONS[name]([Input(shape=(3,)), Input(shape=(3,))], name=f"merged_{name.lower()}")
    assert out._keras_history.operation.name == f"merged_{name.lower()}"
    assert type(out._keras_history.operation) is CLASSES[name]


@pytest.mark.parametrize("name", sorted(CLASSES))
@pytest.mark.parametrize(
    ("shapes", "expected"),
    [
        ([(3,), (3,)], (None, 3)),
        ([(3,), (4, 3)], (None, 4, 3)),
        ([(1,), (4, 3)], (None, 4, 3)),
        ([(None,), (4, 3)], (None, 4, None)),
        ([(4, 1), (1, 5)], (None, 4, 5)),
    ],
)
def test_symbolic_shapes(name: str, shapes: list[tuple[Any, ...]], expected: tuple[Any, ...]) -> None:
    out = CLASSES[name]()([Input(shape=s) for s in shapes])
    assert out.shape == expected
    assert out.dtype == "float32"


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_compute_output_shape_keeps_a_known_batch_size(name: str) -> None:
    assert CLASSES[name]().compute_output_shape([(None, 3), (4, 3)]) == (4, 3)


def test_dtypes() -> None:
    ints = [np.ones((2, 3), "int32"), np.ones((2, 3), "int32")]
    assert standardize_dtype(Add()(ints).dtype) == "int32"
    assert standardize_dtype(Average()(ints).dtype) == "float32"
    np.testing.assert_allclose(ops.convert_to_numpy(Average()(ints)), np.ones((2, 3)))
    # symbolic outputs take the compute dtype, as in Keras
    assert Add()([Input(shape=(3,), dtype="int32"), Input(shape=(3,), dtype="int32")]).dtype == "float32"


# Inputs and masks whose Keras 3.15 outputs are below.
A = np.array([[[1, 2], [3, 4], [5, 6]]], dtype="float32")
B = np.array([[[10, -2], [-3, 40], [0, 0]]], dtype="float32")
C = np.full((1, 3, 2), 7.0, dtype="float32")
MASK_A = np.array([[True, False, True]])
MASK_B = np.array([[False, False, True]])

# name -> outputs of [A, B] (both masked), [A, C] and [C, A] (only A masked)
MASKED: dict[str, tuple[Any, Any, Any]] = {
    "Add": ([[11, 0], [0, 44], [5, 6]], [[8, 9], [10, 11], [12, 13]], [[8, 9], [10, 11], [12, 13]]),
    "Subtract": ([[-9, 4], [6, -36], [5, 6]], [[-6, -5], [-4, -3], [-2, -1]], [[6, 5], [4, 3], [2, 1]]),
    "Multiply": ([[1, 2], [0, 0], [0, 0]], [[7, 14], [7, 7], [35, 42]], [[7, 14], [7, 7], [35, 42]]),
    "Average": (
        [[5.5, 0], [0, 22], [2.5, 3]],
        [[4, 4.5], [5, 5.5], [6, 6.5]],
        [[4, 4.5], [5, 5.5], [6, 6.5]],
    ),
    "Maximum": ([[1, 2], [3, 4], [5, 6]], [[7, 7]] * 3, [[7, 7]] * 3),
    "Minimum": ([[1, 2], [3, 4], [0, 0]], [[1, 2], [7, 7], [5, 6]], [[1, 2], [7, 7], [5, 6]]),
}


@pytest.mark.parametrize("name", sorted(MASKED))
def test_masks_match_keras(name: str) -> None:
    both, a_c, c_a = MASKED[name]
    out = CLASSES[name]()([A, B], mask=[MASK_A, MASK_B])
    np.testing.assert_allclose(ops.convert_to_numpy(out), [both])
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(out)), [[True, False, True]])
    out = CLASSES[name]()([A, C], mask=[MASK_A, None])
    np.testing.assert_allclose(ops.convert_to_numpy(out), [a_c])
    assert get_keras_mask(out) is None
    out = CLASSES[name]()([C, A], mask=[None, MASK_A])
    np.testing.assert_allclose(ops.convert_to_numpy(out), [c_a])
    assert get_keras_mask(out) is None


def test_masks_attached_to_the_inputs_are_used() -> None:
    from keras.backend._masking import set_keras_mask

    a, b = ops.convert_to_tensor(A), ops.convert_to_tensor(B)
    set_keras_mask(a, ops.convert_to_tensor(MASK_A))
    set_keras_mask(b, ops.convert_to_tensor(MASK_B))
    out = Multiply()([a, b])
    np.testing.assert_allclose(ops.convert_to_numpy(out), [MASKED["Multiply"][0]])
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(out)), [[True, False, True]])


def test_symbolic_mask_is_the_or_of_the_masks() -> None:
    x, y = Input(shape=(3, 2)), Input(shape=(3, 2))
    x._keras_mask = KerasTensor((None, 3), "bool")  # type: ignore[attr-defined]
    y._keras_mask = KerasTensor((None, 3), "bool")  # type: ignore[attr-defined]
    out = Maximum()([x, y])
    assert get_keras_mask(out).shape == (None, 3)


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_config_equals_keras_and_round_trips(name: str) -> None:
    layer = CLASSES[name](name="m")
    config = layer.get_config()
    assert config == {"name": "m", "trainable": True, "dtype": DTYPE}
    assert type(layer).from_config(json.loads(json.dumps(config))).get_config() == config
    serialized = serialize_keras_object(layer)
    assert serialized["module"] == "keras.layers" and serialized["class_name"] == name
    assert deserialize_keras_object(serialized, module_objects=CLASSES).get_config() == config


@pytest.mark.parametrize(
    ("name", "inputs", "match"),
    [
        (
            "Add",
            np.ones((2, 3)),
            r"A merge layer should be called on a list of inputs. Received: input_shape=\(2, 3\) \(not a list of shapes\)",
        ),
        ("Add", [], r"A merge layer should be called on a list of at least 1 input. Received 0 inputs."),
        (
            "Add",
            [np.ones((2, 3)), np.ones((2, 4))],
            r"Inputs have incompatible shapes. Received shapes \(3,\) and \(4,\)",
        ),
        (
            "Maximum",
            [np.ones((2, 5, 3)), np.ones((2, 4))],
            r"Inputs have incompatible shapes. Received shapes \(5, 3\) and \(4,\)",
        ),
        (
            "Average",
            [np.ones((2, 3)), np.ones((3, 3))],
            r"Cannot merge tensors with different batch sizes. Received tensors with shapes \[\(2, 3\), \(3, 3\)\]",
        ),
        (
            "Subtract",
            [np.ones((2, 3))] * 3,
            r"A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape=\[\(2, 3\), \(2, 3\), \(2, 3\)\]",
        ),
        ("Subtract", [np.ones((2, 3))], r"A `Subtract` layer should be called on exactly 2 inputs."),
    ],
)
def test_errors(name: str, inputs: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        CLASSES[name]()(inputs)


def test_symbolic_errors() -> None:
    with pytest.raises(
        ValueError, match=r"Inputs have incompatible shapes. Received shapes \(3,\) and \(4,\)"
    ):
        Add()([Input(shape=(3,)), Input(shape=(4,))])
    with pytest.raises(ValueError, match=r"A `Subtract` layer should be called on exactly 2 inputs"):
        Subtract()([Input(shape=(3,))] * 3)


def test_mask_list_must_match_the_inputs() -> None:
    with pytest.raises(ValueError, match=r"The lists `inputs` and `mask` should have the same length."):
        Add().compute_mask([A, B], [MASK_A])
    with pytest.raises(ValueError, match=r"`mask` should be a list. Received: mask="):
        Add().compute_mask([A, B], MASK_A)
    assert Add().compute_mask([A, B], None) is None
