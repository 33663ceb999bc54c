"""Hashing and HashedCrossing: bins equal to real Keras 3.15 (TensorFlow) on every backend."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._preprocessing._farmhash import fingerprint64, siphash64
from keras.layers._preprocessing.hashing import HashedCrossing, Hashing

DTYPE_INT64 = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "int64"},
    "registered_name": None,
}


def test_fingerprint64_known_values() -> None:
    # Spot values checked against TensorFlow's to_hash_bucket_fast(x, 2**63 - 1).
    assert fingerprint64(b"") == 0x9AE16A3B2F90404F
    assert fingerprint64(b"a") == 0xB3454265B6DF75E3
    assert fingerprint64(b"A") % 3 == 1
    assert fingerprint64(b"B") % 3 == 0
    assert siphash64(b"a", 133, 133) % 5 == 2


# (kwargs, inputs, expected bins from real Keras 3.15)
CASES = [
    ({"num_bins": 3}, np.array([["A"], ["B"], ["C"], ["D"], ["E"]]), [[1], [0], [1], [1], [2]]),
    ({"num_bins": 3}, np.array([[1], [2], [-3], [123456789012]]), [[0], [1], [0], [0]]),
    ({"num_bins": 5, "salt": 133}, np.array(["a", "bb", "ccc"]), [2, 4, 0]),
    ({"num_bins": 4, "mask_value": ""}, np.array(["", "a", "b"]), [0, 1, 2]),
    ({"num_bins": 3}, np.array([b"A", b"B"], dtype=object), [1, 0]),
    ({"num_bins": 3}, ["A", "B"], [1, 0]),
]


@pytest.mark.parametrize(("kwargs", "x", "expected"), CASES)
def test_bins_match_keras(kwargs: dict[str, Any], x: Any, expected: list[Any]) -> None:
    out = Hashing(**kwargs)(x)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), expected)


def test_salt_pair_equals_two_equal_ints_and_one_hot_output() -> None:
    x = np.array(["x", "yy", "zzz"])
    a = ops.convert_to_numpy(Hashing(7, salt=11)(x))
    b = ops.convert_to_numpy(Hashing(7, salt=(11, 11))(x))
    np.testing.assert_array_equal(a, b)
    hot = ops.convert_to_numpy(Hashing(7, salt=11, output_mode="one_hot")(x))
    np.testing.assert_array_equal(hot, np.eye(7, dtype="float32")[a])
    counts = Hashing(3, output_mode="count")(np.array([["A", "A", "B"]]))
    np.testing.assert_array_equal(ops.convert_to_numpy(counts), [[1.0, 2.0, 0.0]])


def test_tensorflow_string_tensors() -> None:
    tf = pytest.importorskip("tensorflow")
    out = Hashing(3)(tf.constant([["A"], ["B"]]))
    np.testing.assert_array_equal(ops.convert_to_numpy(out), [[1], [0]])


def test_hashing_shapes_and_config() -> None:
    assert Hashing(3)(Input(shape=(2,), dtype="string")).shape == (None, 2)
    assert Hashing(3)(Input(shape=(2,), dtype="string")).dtype == "int64"
    assert Hashing(3, output_mode="multi_hot")(Input(shape=(2,), dtype="string")).shape == (None, 3)
    layer = Hashing(num_bins=3, name="hashing")
    assert layer.get_config() == {
        "name": "hashing",
        "trainable": True,
        "dtype": DTYPE_INT64,
        "num_bins": 3,
        "salt": None,
        "mask_value": None,
        "output_mode": "int",
        "sparse": False,
    }
    clone = Hashing.from_config(Hashing(5, salt=3, mask_value="").get_config())
    assert (clone.num_bins, clone.salt, clone.mask_value) == (5, [3, 3], "")


ERRORS = [
    ({"num_bins": 0}, "The `num_bins` for `Hashing` cannot be `None` or non-positive values"),
    (
        {"num_bins": 2, "salt": "x"},
        "The `salt` argument for `Hashing` can only be a tuple of size 2 integers",
    ),
    ({"num_bins": 2, "output_mode": "tf_idf"}, "output_mode='tf_idf'"),
    ({"num_bins": 2, "dtype": "float32"}, "`dtype` should be an integer type"),
]


@pytest.mark.parametrize(("kwargs", "match"), ERRORS)
def test_hashing_errors(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Hashing(**kwargs)


CROSSES = [
    ((np.array([1, 2, -7]), np.array(["a", "b", "c"])), 5, [0, 4, 0]),
    ((np.array(["x", "y"]), np.array(["a", "b"])), 7, [1, 3]),
]


@pytest.mark.parametrize(("inputs", "num_bins", "expected"), CROSSES)
def test_hashed_crossing_matches_keras(inputs: tuple[Any, ...], num_bins: int, expected: list[int]) -> None:
    out = HashedCrossing(num_bins)(inputs)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), expected)


def test_hashed_crossing_one_hot_shapes_config_errors() -> None:
    out = HashedCrossing(7, output_mode="one_hot")((np.array([["x"], ["y"]]), np.array([["a"], ["b"]])))
    np.testing.assert_array_equal(ops.convert_to_numpy(out), np.eye(7, dtype="float32")[[1, 3]])
    symbolic = HashedCrossing(4)((Input(shape=(), dtype="string"), Input(shape=(), dtype="int64")))
    assert symbolic.shape == (None,)
    assert HashedCrossing(3, name="hashed_crossing").get_config() == {
        "num_bins": 3,
        "output_mode": "int",
        "sparse": False,
        "name": "hashed_crossing",
        "dtype": "int64",
    }
    with pytest.raises(ValueError, match="at least two inputs"):
        HashedCrossing(3)((np.array([1]),))
    with pytest.raises(ValueError, match="should have equal shape"):
        HashedCrossing(3)((np.array([1]), np.array([1, 2])))
