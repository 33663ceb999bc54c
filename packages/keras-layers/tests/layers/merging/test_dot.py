"""Dot and `dot`: values against numpy, axes forms, normalize, shapes, config and errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend._masking import get_keras_mask
from keras.layers import Input
from keras.layers._merging.dot import Dot, dot

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


def batch_dot_reference(x: np.ndarray, y: np.ndarray, a0: int, a1: int) -> np.ndarray:
    out = np.stack([np.tensordot(x[i], y[i], axes=(a0 - 1, a1 - 1)) for i in range(x.shape[0])])
    return out.reshape(-1, 1) if out.ndim == 1 else out


# (axes, shape1, shape2, resolved axes, output shape)
CASES = [
    (1, (2, 3), (2, 3), (1, 1), (2, 1)),
    (-1, (2, 3), (2, 3), (1, 1), (2, 1)),
    ((1, 2), (2, 3, 5), (2, 4, 3), (1, 2), (2, 5, 4)),
    ([2, 1], (2, 3, 5), (2, 5, 4), (2, 1), (2, 3, 4)),
    (-1, (2, 3, 5), (2, 4, 5), (2, 2), (2, 3, 4)),
    ((-1, 1), (2, 4), (2, 4, 3), (1, 1), (2, 3)),
    (1, (2, 4, 3), (2, 4), (1, 1), (2, 3)),
    ((2, 1), (2, 3, 5, 6), (2, 5, 4, 2), (2, 1), (2, 3, 6, 4, 2)),
]


@pytest.mark.parametrize(("axes", "shape1", "shape2", "resolved", "expected"), CASES)
def test_values_match_numpy(axes: Any, shape1: Any, shape2: Any, resolved: Any, expected: Any) -> None:
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=shape1).astype("float32"), rng.normal(size=shape2).astype("float32")
    out = ops.convert_to_numpy(Dot(axes=axes)([x, y]))
    assert out.shape == expected
    np.testing.assert_allclose(out, batch_dot_reference(x, y, *resolved), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize(("axes", "shape1", "shape2", "resolved", "expected"), CASES)
def test_symbolic_and_computed_shapes(
    axes: Any, shape1: Any, shape2: Any, resolved: Any, expected: Any
) -> None:
    out = Dot(axes=axes)([Input(shape=shape1[1:]), Input(shape=shape2[1:])])
    assert out.shape == (None, *expected[1:]) and out.dtype == "float32"
    assert Dot(axes=axes).compute_output_shape([shape1, shape2]) == expected


@pytest.mark.parametrize("axes", [1, (1, 1)])
def test_normalize_gives_the_cosine_similarity(axes: Any) -> None:
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=(4, 5)).astype("float32"), rng.normal(size=(4, 5)).astype("float32")
    cosine = np.sum(x * y, axis=1) / (np.linalg.norm(x, axis=1) * np.linalg.norm(y, axis=1))
    out = Dot(axes=axes, normalize=True)([x, y])
    np.testing.assert_allclose(ops.convert_to_numpy(out), cosine[:, None], rtol=1e-5, atol=1e-6)


def test_normalize_along_the_contracted_axes() -> None:
    rng = np.random.default_rng(2)
    x, y = rng.normal(size=(2, 3, 5)).astype("float32"), rng.normal(size=(2, 4, 3)).astype("float32")
    xn = x / np.linalg.norm(x, axis=1, keepdims=True)
    yn = y / np.linalg.norm(y, axis=2, keepdims=True)
    out = Dot(axes=(1, 2), normalize=True)([x, y])
    np.testing.assert_allclose(
        ops.convert_to_numpy(out), batch_dot_reference(xn, yn, 1, 2), rtol=1e-5, atol=1e-6
    )


def test_functional_form() -> None:
    x, y = np.array([[1.0, 0.0]], "float32"), np.array([[3.0, 4.0]], "float32")
    np.testing.assert_allclose(ops.convert_to_numpy(dot([x, y], axes=1)), [[3.0]])
    np.testing.assert_allclose(ops.convert_to_numpy(dot([x, y], normalize=True)), [[0.6]], rtol=1e-6)
    out = dot([Input(shape=(2,)), Input(shape=(2,))], axes=1, name="d")
    assert type(out._keras_history.operation) is Dot and out._keras_history.operation.name == "d"


def test_no_output_mask() -> None:
    x = np.ones((1, 3, 2), "float32")
    out = Dot(axes=-1)([x, x], mask=[np.array([[True, False, True]])] * 2)
    assert get_keras_mask(out) is None


@pytest.mark.parametrize(("axes", "normalize"), [(1, False), ((1, 2), True), ([1, 2], False), (-1, False)])
def test_config_equals_keras_and_round_trips(axes: Any, normalize: bool) -> None:
    layer = Dot(axes=axes, normalize=normalize, name="d")
    config = layer.get_config()
    assert config == {"name": "d", "trainable": True, "dtype": DTYPE, "axes": axes, "normalize": normalize}
    restored = Dot.from_config(json.loads(json.dumps(config)))
    assert restored.get_config() == {**config, "axes": list(axes) if isinstance(axes, tuple) else axes}


@pytest.mark.parametrize(
    ("axes", "error", "match"),
    [
        (
            "a",
            TypeError,
            r"Invalid type for argument `axes`: it should be a list or an int. Received: axes=a",
        ),
        (
            (1, 2, 3),
            ValueError,
            r"Invalid format for argument `axes`: it should contain two elements. Received: axes=\(1, 2, 3\)",
        ),
        (
            (1.0, 2),
            ValueError,
            r"Invalid format for argument `axes`: list elements should be integers. Received: axes=\(1.0, 2\)",
        ),
    ],
)
def test_bad_axes(axes: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        Dot(axes=axes)


@pytest.mark.parametrize(
    ("axes", "inputs", "match"),
    [
        (
            1,
            [np.ones((2, 3)), np.ones((2, 4))],
            r"Incompatible input shapes: axis values 3 \(at axis 1\) != 4 \(at axis 1\). Full input shapes: \(2, 3\), \(2, 4\)",
        ),
        (
            1,
            [np.ones((2, 3))] * 3,
            r"A `Dot` layer should be called on a list of 2 inputs. Received: input_shape=\[\(2, 3\), \(2, 3\), \(2, 3\)\]",
        ),
        (0, [np.ones((2, 3))] * 2, r"Cannot perform batch_dot over axis 0. If your inputs are not batched"),
        ((1, -2), [np.ones((2, 3))] * 2, r"Cannot perform batch_dot over axis 0"),
        (
            1,
            [np.ones((2,)), np.ones((2, 3))],
            r"Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes \(2,\) and \(2, 3\).",
        ),
        (1, [np.ones((2, 3)), np.ones((3, 3))], r"Cannot merge tensors with different batch sizes"),
        (1, np.ones((2, 3)), r"A merge layer should be called on a list of inputs"),
    ],
)
def test_call_errors(axes: Any, inputs: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Dot(axes=axes)(inputs)


def test_symbolic_errors_and_unknown_sizes() -> None:
    with pytest.raises(ValueError, match=r"Incompatible input shapes: axis values 3 \(at axis 1\) != 4"):
        Dot(axes=1)([Input(shape=(3,)), Input(shape=(4,))])
    assert Dot(axes=1)([Input(shape=(None,)), Input(shape=(3,))]).shape == (None, 1)
