"""RepeatVector: values against np.repeat, shapes, config and errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._reshaping.repeat_vector import RepeatVector

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


@pytest.mark.parametrize(("n", "shape"), [(1, (2, 3)), (3, (2, 3)), (4, (1, 1)), (2, (0, 5))])
def test_values_match_np_repeat(n: int, shape: tuple[int, int]) -> None:
    x = np.random.default_rng(6).normal(size=shape).astype("float32")
    out = ops.convert_to_numpy(RepeatVector(n)(x))
    np.testing.assert_array_equal(out, np.repeat(x[:, None, :], n, axis=1))


def test_shapes() -> None:
    layer = RepeatVector(3)
    out = layer(Input(shape=(4,)))
    assert out.shape == (None, 3, 4) and out.dtype == "float32"
    assert layer.compute_output_shape((2, None)) == (2, 3, None)


def test_config_equals_keras_and_round_trips() -> None:
    layer = RepeatVector(3, name="r")
    config = layer.get_config()
    assert config == {"name": "r", "trainable": True, "dtype": DTYPE, "n": 3}
    assert RepeatVector.from_config(json.loads(json.dumps(config))).get_config() == config


@pytest.mark.parametrize(
    ("n", "error", "match"),
    [
        ("a", TypeError, r"Expected an integer value for `n`, got <class 'str'>."),
        (2.0, TypeError, r"Expected an integer value for `n`, got <class 'float'>."),
        (0, ValueError, r"Argument `n` should be a positive integer. Received: n=0"),
        (-3, ValueError, r"Received: n=-3"),
    ],
)
def test_bad_n(n: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        RepeatVector(n)


def test_bad_input_rank() -> None:
    with pytest.raises(ValueError, match=r"expected ndim=2, found ndim=3"):
        RepeatVector(2)(np.zeros((2, 3, 4), "float32"))
