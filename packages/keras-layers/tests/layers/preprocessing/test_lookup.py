"""StringLookup and IntegerLookup: values equal to real Keras 3.15, adapt, modes and configs."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.layers import Input
from keras.layers._preprocessing.lookup import IntegerLookup, StringLookup

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


def as_np(x: Any) -> np.ndarray:
    if hasattr(x, "numpy") and type(x).__module__.startswith("tensorflow"):
        return np.asarray(x.numpy())
    if isinstance(x, np.ndarray):
        return x
    return np.asarray(ops.convert_to_numpy(x))


# (class, kwargs, inputs, expected output from real Keras 3.15)
CASES = [
    (StringLookup, {"vocabulary": ["a", "b", "c"]}, np.array([["a", "c"], ["d", "b"]]), [[1, 3], [0, 2]]),
    (
        StringLookup,
        {"vocabulary": ["a", "b", "c"], "num_oov_indices": 3},
        np.array([["a", "zz"], ["d", "q"]]),
        [[3, 1], [2, 2]],
    ),
    (
        StringLookup,
        {"vocabulary": ["a", "b", "c"], "mask_token": ""},
        np.array([["a", ""], ["d", "b"]]),
        [[2, 0], [1, 3]],
    ),
    (
        StringLookup,
        {"vocabulary": ["a", "b", "c"], "output_mode": "multi_hot"},
        np.array([["a", "c"], ["d", "b"]]),
        [[0, 1, 0, 1], [1, 0, 1, 0]],
    ),
    (
        StringLookup,
        {"vocabulary": ["a", "b", "c"], "output_mode": "count", "mask_token": ""},
        np.array([["a", "a", ""], ["d", "b", "b"]]),
        [[0, 2, 0, 0], [1, 0, 2, 0]],
    ),
    (StringLookup, {"vocabulary": ["a", "b"]}, np.array([b"a", b"b", b"x"], dtype=object), [1, 2, 0]),
    (StringLookup, {"vocabulary": ["a", "b"]}, ["b", "a"], [2, 1]),
    (
        StringLookup,
        {
            "vocabulary": ["a", "b"],
            "output_mode": "tf_idf",
            "idf_weights": [0.5, 0.25],
            "pad_to_max_tokens": True,
            "max_tokens": 5,
        },
        np.array([["a", "b", "b", "q"]]),
        [[0.375, 0.5, 0.5, 0.0, 0.0]],
    ),
    (
        IntegerLookup,
        {"vocabulary": [12, 36, 1138, 42]},
        np.array([[12, 1138, 42], [42, 1000, 36]]),
        [[1, 3, 4], [4, 0, 2]],
    ),
    (IntegerLookup, {"vocabulary": [12, 36], "num_oov_indices": 3}, np.array([[12, 5, -7]]), [[3, 2, 2]]),
    (
        IntegerLookup,
        {"vocabulary": [12, 36], "num_oov_indices": 3, "oov_method": "farmhash"},
        np.array([[12, 5, -7]]),
        [[3, 1, 2]],
    ),
    (
        IntegerLookup,
        {"vocabulary": [12, 36], "mask_token": 0, "output_mode": "one_hot"},
        np.array([[12], [0], [99]]),
        [[0, 1, 0], [0, 0, 0], [1, 0, 0]],
    ),
    (IntegerLookup, {"vocabulary": [12, 36], "invert": True}, np.array([[1, 2, 0, 7]]), [[12, 36, -1, -1]]),
]


@pytest.mark.parametrize(("cls", "kwargs", "x", "expected"), CASES)
def test_lookup_matches_keras(cls: Any, kwargs: dict[str, Any], x: Any, expected: list[Any]) -> None:
    out = as_np(cls(**kwargs)(x))
    np.testing.assert_allclose(out, np.asarray(expected), rtol=1e-6)


def test_string_invert_returns_strings() -> None:
    out = StringLookup(vocabulary=["a", "b", "c"], invert=True)(np.array([[1, 0, 3]]))
    values = [v.decode() if isinstance(v, bytes) else v for v in as_np(out).reshape(-1).tolist()]
    assert values == ["a", "[UNK]", "c"]
    if backend() == "tensorflow":
        assert out.dtype.name == "string"


def test_tensorflow_string_tensor_inputs() -> None:
    tf = pytest.importorskip("tensorflow")
    out = StringLookup(vocabulary=["a", "b"])(tf.constant([["b"], ["z"]]))
    np.testing.assert_array_equal(as_np(out), [[2], [0]])


def test_adapt_orders_by_count_then_token() -> None:
    layer = StringLookup(max_tokens=4)
    layer.adapt(["x", "y", "y", "z", "z", "w"])
    assert layer.get_vocabulary() == ["[UNK]", "z", "y", "x"]
    assert layer.vocabulary_size() == 4
    assert layer.get_vocabulary(include_special_tokens=False) == ["z", "y", "x"]
    ints = IntegerLookup()
    ints.adapt(np.array([3, 3, 5, 7, 7, 7, 1]))
    assert ints.get_vocabulary() == [-1, 7, 3, 5, 1]
    masked = StringLookup(mask_token="")
    masked.adapt(np.array([["a", "", "a"], ["b", "", ""]]))
    assert masked.get_vocabulary() == ["", "[UNK]", "a", "b"]


def test_adapt_tf_idf_matches_keras() -> None:
    layer = StringLookup(output_mode="tf_idf")
    layer.adapt(np.array([["a", "b", "c"], ["a", "a", "d"], ["e", "b", "a"]]))
    assert layer.get_vocabulary() == ["[UNK]", "a", "b", "e", "d", "c"]
    out = as_np(layer(np.array([["a", "d", "z"]])))
    np.testing.assert_allclose(
        out, [[0.8003271222114563, 0.5596157908439636, 0.0, 0.0, 0.9162907600402832, 0.0]], rtol=1e-6
    )


def test_adapt_on_dataset_of_batches() -> None:
    tf = pytest.importorskip("tensorflow")
    layer = StringLookup()
    layer.adapt(tf.data.Dataset.from_tensor_slices(np.array([["a", "b"], ["b", "b"]])).batch(1))
    assert layer.get_vocabulary() == ["[UNK]", "b", "a"]


def test_vocabulary_with_special_tokens_and_file(tmp_path: Any) -> None:
    layer = StringLookup(vocabulary=["", "[UNK]", "a"], mask_token="")
    assert layer.get_vocabulary() == ["", "[UNK]", "a"]
    path = tmp_path / "vocab.txt"
    path.write_text("x\ny\n")
    from_file = StringLookup(vocabulary=str(path))
    np.testing.assert_array_equal(as_np(from_file(np.array(["y", "x", "q"]))), [2, 1, 0])


def test_symbolic_shapes_and_dtypes() -> None:
    layer = StringLookup(vocabulary=["a", "b"])
    out = layer(Input(shape=(3,), dtype="string"))
    assert (out.shape, out.dtype) == ((None, 3), "int64")
    hot = StringLookup(vocabulary=["a", "b"], output_mode="multi_hot")(Input(shape=(3,), dtype="string"))
    assert hot.shape == (None, 3)
    one = IntegerLookup(vocabulary=[1, 2], output_mode="one_hot")(Input(shape=(1,), dtype="int64"))
    assert one.shape == (None, 3)
    padded = StringLookup(max_tokens=6, pad_to_max_tokens=True, output_mode="count")
    assert padded.compute_output_shape((None, 4)) == (None, 6)


def test_configs_match_keras() -> None:
    assert StringLookup(vocabulary=["a", "b"], name="string_lookup").get_config() == {
        "name": "string_lookup",
        "trainable": True,
        "dtype": DTYPE,
        "invert": False,
        "max_tokens": None,
        "num_oov_indices": 1,
        "oov_token": "[UNK]",
        "mask_token": None,
        "output_mode": "int",
        "sparse": False,
        "pad_to_max_tokens": False,
        "idf_weights": None,
        "vocabulary": ["a", "b"],
        "vocabulary_size": 3,
        "oov_method": "floormod",
        "salt": None,
        "encoding": "utf-8",
    }
    assert IntegerLookup(name="integer_lookup").get_config() == {
        "name": "integer_lookup",
        "trainable": True,
        "dtype": DTYPE,
        "invert": False,
        "max_tokens": None,
        "num_oov_indices": 1,
        "oov_token": -1,
        "mask_token": None,
        "output_mode": "int",
        "sparse": False,
        "pad_to_max_tokens": False,
        "vocabulary_dtype": "int64",
        "idf_weights": None,
        "vocabulary": None,
        "vocabulary_size": None,
        "oov_method": "floormod",
        "salt": None,
    }


def test_config_round_trip_and_assets(tmp_path: Any) -> None:
    layer = StringLookup(vocabulary=["a", "b"], mask_token="", num_oov_indices=2)
    clone = StringLookup.from_config(layer.get_config())
    x = np.array(["a", "", "q", "b"])
    np.testing.assert_array_equal(as_np(clone(x)), as_np(layer(x)))
    adapted = IntegerLookup()
    adapted.adapt(np.array([4, 4, 9]))
    adapted.save_assets(str(tmp_path))
    restored = IntegerLookup.from_config(adapted.get_config())
    restored.load_assets(str(tmp_path))
    assert restored.get_vocabulary() == [-1, 4, 9]


ERRORS = [
    (StringLookup, {"max_tokens": 1}, "If set, `max_tokens` must be greater than 1"),
    (StringLookup, {"pad_to_max_tokens": True}, "If pad_to_max_tokens is True, must set `max_tokens`"),
    (StringLookup, {"num_oov_indices": -1}, "`num_oov_indices` must be greater than or equal to 0"),
    (StringLookup, {"output_mode": "foo"}, "Unknown arg for output_mode"),
    (
        StringLookup,
        {"invert": True, "output_mode": "count"},
        "`output_mode` must be `'int'` when `invert` is true",
    ),
    (StringLookup, {"idf_weights": [1.0]}, "`idf_weights` should only be set if `output_mode` is `'tf_idf'`"),
    (StringLookup, {"vocabulary": ["a", "a"]}, "The passed vocabulary has at least one repeated term"),
    (
        StringLookup,
        {"vocabulary": ["a", ""], "mask_token": ""},
        "Found reserved token at unexpected location",
    ),
    (
        StringLookup,
        {"vocabulary": ["a", "b", "c"], "max_tokens": 3},
        "Attempted to set a vocabulary larger than the maximum",
    ),
    (StringLookup, {"vocabulary": []}, "Cannot set an empty vocabulary"),
    (
        IntegerLookup,
        {"max_tokens": 1},
        "If `max_tokens` is set for `IntegerLookup`, it must be greater than 1",
    ),
    (IntegerLookup, {"vocabulary_dtype": "int32"}, "Only `vocabulary_dtype='int64'` is supported"),
    (IntegerLookup, {"salt": 3}, "`salt` can only be used when `oov_method='farmhash'`"),
]


@pytest.mark.parametrize(("cls", "kwargs", "match"), ERRORS)
def test_errors(cls: Any, kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        cls(**kwargs)


def test_call_errors() -> None:
    with pytest.raises(ValueError, match="When `num_oov_indices=0` all inputs should be in vocabulary"):
        StringLookup(vocabulary=["a"], num_oov_indices=0)(np.array(["b"]))
    with pytest.raises(RuntimeError, match="you must set the layer's vocabulary before calling it"):
        StringLookup(output_mode="multi_hot")(np.array(["b"]))
    layer = StringLookup(vocabulary=["a"])
    with pytest.raises(ValueError, match="Cannot adapt layer"):
        layer.adapt(["a"])
