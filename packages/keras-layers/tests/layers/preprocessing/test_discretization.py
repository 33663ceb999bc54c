"""Discretization and CategoryEncoding: values against numpy, adapt, shapes and configs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._preprocessing.category_encoding import CategoryEncoding
from keras.layers._preprocessing.discretization import Discretization

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
X = np.array([[-1.5, 0.0, 0.5, 1.0, 2.0, 9.0]], dtype="float32")
BOUNDS = [0.0, 1.0, 2.0]


def test_bins_match_numpy_digitize() -> None:
    out = Discretization(bin_boundaries=BOUNDS)(X)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), np.digitize(X, BOUNDS))
    assert "int32" in str(out.dtype)


@pytest.mark.parametrize("mode", ["one_hot", "multi_hot", "count"])
def test_encoded_modes(mode: str) -> None:
    x = np.array([[-1.0, 0.5], [0.5, 0.7]], dtype="float32")
    out = ops.convert_to_numpy(Discretization(bin_boundaries=BOUNDS, output_mode=mode)(x))
    hot = np.eye(4, dtype="float32")[np.digitize(x, BOUNDS)]
    expected = {"one_hot": hot, "multi_hot": np.minimum(hot.sum(1), 1), "count": hot.sum(1)}[mode]
    np.testing.assert_array_equal(out, expected)


def test_adapt_matches_keras_quantiles() -> None:
    # Values from real Keras 3.15 for the same data.
    data = np.random.default_rng(0).normal(size=(1000,)).astype("float32")
    layer = Discretization(num_bins=4, epsilon=0.01)
    layer.adapt(data)
    np.testing.assert_allclose(
        layer.bin_boundaries, [-0.6909445524215698, -0.07557335495948792, 0.6131889224052429], rtol=1e-6
    )
    small = Discretization(num_bins=2)
    small.adapt([np.array([1.0, 2.0]), np.array([3.0, 4.0])])
    assert small.bin_boundaries == [2.0]


def test_shapes_and_config() -> None:
    layer = Discretization(bin_boundaries=BOUNDS, output_mode="one_hot", name="discretization")
    assert layer(Input(shape=(3,))).shape == (None, 3, 4)
    assert layer(Input(shape=(1,))).shape == (None, 4)
    assert Discretization(bin_boundaries=BOUNDS)(Input(shape=(3,))).dtype == "int32"
    assert Discretization(bin_boundaries=BOUNDS, name="discretization").get_config() == {
        "bin_boundaries": [0.0, 1.0, 2.0],
        "num_bins": None,
        "epsilon": 0.01,
        "output_mode": "int",
        "sparse": False,
        "name": "discretization",
        "dtype": "float32",
    }
    adapted = Discretization(num_bins=3)
    adapted.adapt(np.arange(30, dtype="float32"))
    clone = Discretization.from_config(adapted.get_config())
    assert clone.bin_boundaries == adapted.bin_boundaries and clone.num_bins == 3


ERRORS = [
    ({}, "You need to set either `num_bins` or `bin_boundaries`."),
    ({"num_bins": 2, "bin_boundaries": [0.0]}, "Both `num_bins` and `bin_boundaries` should not be set"),
    ({"num_bins": -1}, "`num_bins` must be greater than or equal to 0"),
    ({"num_bins": 2, "output_mode": "tf_idf"}, "output_mode='tf_idf'"),
]


@pytest.mark.parametrize(("kwargs", "match"), ERRORS)
def test_discretization_errors(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Discretization(**kwargs)


def test_unadapted_call_and_adapt_with_boundaries_fail() -> None:
    with pytest.raises(ValueError, match="You need to either pass the `bin_boundaries`"):
        Discretization(num_bins=3)(X)
    with pytest.raises(ValueError, match="Cannot adapt a Discretization layer"):
        Discretization(bin_boundaries=BOUNDS).adapt(X)


# CategoryEncoding ---------------------------------------------------------------------------

ENCODINGS = [
    ("one_hot", np.array([3, 1, 0])),
    ("one_hot", np.array([[3], [1]])),
    ("multi_hot", np.array([[0, 1, 1], [3, 3, 2]])),
    ("multi_hot", np.array([3, 1])),
    ("count", np.array([[0, 1, 1], [3, 3, 2]])),
]


def reference(mode: str, x: np.ndarray, depth: int) -> np.ndarray:
    if mode == "one_hot":
        x = x[..., 0] if x.ndim > 1 and x.shape[-1] == 1 else x
        return np.eye(depth, dtype="float32")[x]
    counts = np.eye(depth, dtype="float32")[x].sum(axis=-2)
    return np.minimum(counts, 1.0) if mode == "multi_hot" else counts


@pytest.mark.parametrize(("mode", "x"), ENCODINGS, ids=[f"{m}-{x.shape}" for m, x in ENCODINGS])
def test_category_encoding_values_and_shapes(mode: str, x: np.ndarray) -> None:
    layer = CategoryEncoding(num_tokens=4, output_mode=mode)
    out = layer(x)
    expected = reference(mode, x, 4)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), expected)
    assert layer.compute_output_shape(x.shape) == expected.shape


def test_count_weights_and_symbolic() -> None:
    layer = CategoryEncoding(num_tokens=3, output_mode="count")
    out = layer(np.array([[0, 1, 1]]), count_weights=np.array([[0.5, 1.0, 2.0]], dtype="float32"))
    np.testing.assert_allclose(ops.convert_to_numpy(out), [[0.5, 3.0, 0.0]])
    assert layer(Input(shape=(5,), dtype="int32")).shape == (None, 3)
    with pytest.raises(ValueError, match="`count_weights` is not used when `output_mode` is not `'count'`"):
        CategoryEncoding(3)(np.array([[0]]), count_weights=np.array([[1.0]]))


def test_category_encoding_config_and_errors() -> None:
    layer = CategoryEncoding(num_tokens=4, name="category_encoding")
    assert layer.get_config() == {
        "name": "category_encoding",
        "trainable": True,
        "dtype": DTYPE,
        "num_tokens": 4,
        "output_mode": "multi_hot",
    }
    assert CategoryEncoding.from_config(layer.get_config()).num_tokens == 4
    assert CategoryEncoding(2, output_mode="binary").output_mode == "multi_hot"
    with pytest.raises(ValueError, match="num_tokens must be set to use this layer"):
        CategoryEncoding()
    with pytest.raises(ValueError, match=r"`num_tokens` must be >= 1\. Received: num_tokens=0\."):
        CategoryEncoding(0)
    with pytest.raises(ValueError, match="Unknown arg for output_mode: foo"):
        CategoryEncoding(2, output_mode="foo")
