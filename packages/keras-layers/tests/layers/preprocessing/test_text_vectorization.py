"""TextVectorization: outputs equal to real Keras 3.15 for standardize/split/ngrams/modes."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._preprocessing.text_vectorization import TextVectorization

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
DATA = np.array(["The Cat sat on the mat!", "the dog ate; the cat", "a b c d e f"])


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def test_given_vocabulary() -> None:
    layer = TextVectorization(vocabulary=["the", "cat", "sat"])
    np.testing.assert_array_equal(as_np(layer(np.array(["The cat sat.", "the dog"]))), [[2, 3, 4], [2, 1, 0]])


def test_adapt_int_mode_matches_keras() -> None:
    layer = TextVectorization(max_tokens=8)
    layer.adapt(DATA)
    assert layer.get_vocabulary() == ["", "[UNK]", "the", "cat", "sat", "on", "mat", "f"]
    assert layer.vocabulary_size() == 8
    expected = [[2, 3, 4, 5, 2, 6], [2, 1, 1, 2, 3, 0], [1, 1, 1, 1, 1, 7]]
    np.testing.assert_array_equal(as_np(layer(DATA)), expected)


def test_ngrams_and_sequence_length_match_keras() -> None:
    layer = TextVectorization(output_sequence_length=4, ngrams=2)
    layer.adapt(DATA)
    assert layer.get_vocabulary()[:8] == [
        "",
        "[UNK]",
        "the",
        "the cat",
        "cat",
        "the mat",
        "the dog",
        "sat on",
    ]
    np.testing.assert_array_equal(
        as_np(layer(np.array([["the cat sat"], ["x"]]))), [[2, 4, 8, 3], [1, 0, 0, 0]]
    )


def test_tf_idf_count_and_multi_hot_match_keras() -> None:
    tf_idf = TextVectorization(output_mode="tf_idf")
    tf_idf.adapt(DATA)
    out = as_np(tf_idf(np.array(["the cat cat", "zz"])))
    np.testing.assert_allclose(out[0, :3], [0.0, 0.6931471824645996, 1.3862943649291992], rtol=1e-6)
    np.testing.assert_allclose(out[1, 0], 0.881960928440094, rtol=1e-6)
    chars = TextVectorization(
        output_mode="multi_hot", split="character", standardize=None, max_tokens=6, pad_to_max_tokens=True
    )
    chars.adapt(["aab", "bc"])
    assert chars.get_vocabulary() == ["[UNK]", "b", "a", "c"]
    np.testing.assert_array_equal(as_np(chars(np.array(["abz"]))), [[1, 1, 1, 0, 0, 0]])
    bigrams = TextVectorization(output_mode="count", ngrams=(2,))
    bigrams.adapt(DATA)
    np.testing.assert_array_equal(as_np(bigrams(np.array(["the cat sat on"])))[0, :5], [0, 1, 0, 0, 1])


def test_callable_standardize_and_split() -> None:
    layer = TextVectorization(
        vocabulary=["A", "B"],
        standardize=lambda x: np.char.upper(x),
        split=lambda x: [s.split("-") for s in x],
    )
    np.testing.assert_array_equal(as_np(layer(np.array(["a-b-q"]))), [[2, 3, 1]])


def test_shapes() -> None:
    layer = TextVectorization(vocabulary=["a"], output_sequence_length=5)
    assert layer(Input(shape=(), dtype="string")).shape == (None, 5)
    hot = TextVectorization(vocabulary=["a", "b"], output_mode="multi_hot")
    assert hot(Input(shape=(1,), dtype="string")).shape == (None, 3)
    assert hot(Input(shape=(), dtype="string")).shape == (None, 3)
    assert as_np(hot(np.array([["a b"], ["q"]]))).shape == (2, 3)


def test_config_matches_keras_and_round_trips() -> None:
    assert TextVectorization(name="text_vectorization").get_config() == {
        "name": "text_vectorization",
        "trainable": True,
        "dtype": DTYPE,
        "max_tokens": None,
        "standardize": "lower_and_strip_punctuation",
        "split": "whitespace",
        "ngrams": None,
        "output_mode": "int",
        "output_sequence_length": None,
        "pad_to_max_tokens": False,
        "sparse": False,
        "ragged": False,
        "vocabulary": None,
        "idf_weights": None,
        "encoding": "utf-8",
        "vocabulary_size": 2,
    }
    layer = TextVectorization(vocabulary=["x", "y"], ngrams=(1, 2), output_sequence_length=3)
    config = layer.get_config()
    config["ngrams"] = list(config["ngrams"])
    clone = TextVectorization.from_config(config)
    x = np.array(["x y z"])
    np.testing.assert_array_equal(as_np(clone(x)), as_np(layer(x)))


ERRORS = [
    ({"standardize": "upper"}, "Unknown value for `standardize`"),
    ({"split": "comma"}, "Unknown value for `split`"),
    ({"ngrams": 1.5}, "`ngrams` must be None, an integer, or a tuple of integers"),
    ({"output_mode": "count", "output_sequence_length": 3}, "`output_sequence_length` must not be set"),
    ({"output_sequence_length": "3"}, "`output_sequence_length` must be either None or an integer"),
]


@pytest.mark.parametrize(("kwargs", "match"), ERRORS)
def test_errors(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        TextVectorization(**kwargs)


def test_rank_error() -> None:
    with pytest.raises(ValueError, match="the input rank must be 1 or the last shape dimension must be 1"):
        TextVectorization(vocabulary=["a"])(np.array([["a", "b"]]))
