"""Cropping1D/2D/3D: values against numpy slicing, shapes, configs and errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._reshaping.cropping import Cropping1D, Cropping2D, Cropping3D
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
CLASSES = {"Cropping1D": Cropping1D, "Cropping2D": Cropping2D, "Cropping3D": Cropping3D}


def crop_reference(x: np.ndarray, pairs: tuple[tuple[int, int], ...], first_axis: int) -> np.ndarray:
    index = [slice(None)] * x.ndim
    for i, (before, after) in enumerate(pairs):
        index[first_axis + i] = slice(before, x.shape[first_axis + i] - after)
    return x[tuple(index)]


# (class, kwargs, input shape, pairs, first spatial axis)
CASES = [
    (Cropping1D, {}, (2, 5, 3), ((1, 1),), 1),
    (Cropping1D, {"cropping": 2}, (2, 5, 3), ((2, 2),), 1),
    (Cropping1D, {"cropping": (0, 3)}, (2, 5, 3), ((0, 3),), 1),
    (Cropping1D, {"cropping": (3, 0)}, (1, 4, 2), ((3, 0),), 1),
    (Cropping2D, {}, (2, 4, 5, 3), ((0, 0), (0, 0)), 1),
    (Cropping2D, {"cropping": 1}, (2, 4, 5, 3), ((1, 1), (1, 1)), 1),
    (Cropping2D, {"cropping": (1, 2)}, (2, 4, 5, 3), ((1, 1), (2, 2)), 1),
    (Cropping2D, {"cropping": ((1, 0), (0, 2))}, (2, 4, 5, 3), ((1, 0), (0, 2)), 1),
    (
        Cropping2D,
        {"cropping": ((0, 2), (3, 0)), "data_format": "channels_first"},
        (2, 3, 4, 5),
        ((0, 2), (3, 0)),
        2,
    ),
    (Cropping3D, {}, (2, 4, 5, 6, 2), ((1, 1), (1, 1), (1, 1)), 1),
    (Cropping3D, {"cropping": (1, (0, 2), 2)}, (1, 4, 5, 6, 2), ((1, 1), (0, 2), (2, 2)), 1),
    (Cropping3D, {"cropping": ((0, 1), (2, 0), (0, 0))}, (1, 4, 5, 6, 2), ((0, 1), (2, 0), (0, 0)), 1),
    (
        Cropping3D,
        {"cropping": ((1, 0), (0, 1), (2, 3)), "data_format": "channels_first"},
        (1, 2, 4, 5, 6),
        ((1, 0), (0, 1), (2, 3)),
        2,
    ),
]


def case_id(case: tuple[Any, ...]) -> str:
    return f"{case[0].__name__}-{case[1]}"


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_values_match_numpy_slicing(case: tuple[Any, ...]) -> None:
    cls, kwargs, shape, pairs, first_axis = case
    x = np.random.default_rng(0).normal(size=shape).astype("float32")
    out = cls(**kwargs)(x)
    expected = crop_reference(x, pairs, first_axis)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), expected)


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_symbolic_and_computed_shapes(case: tuple[Any, ...]) -> None:
    cls, kwargs, shape, pairs, first_axis = case
    expected = crop_reference(np.zeros(shape, "float32"), pairs, first_axis).shape
    layer = cls(**kwargs)
    assert layer(Input(shape=shape[1:])).shape == (None, *expected[1:])
    assert layer.compute_output_shape(shape) == expected
    # an unknown spatial size stays unknown; the others are still cropped
    unknown = list(shape)
    unknown[first_axis] = None
    out = layer.compute_output_shape(tuple(unknown))
    assert out[first_axis] is None and out[first_axis + 1 :] == expected[first_axis + 1 :]


def test_int_inputs_keep_their_dtype() -> None:
    out = Cropping2D(1)(np.arange(16, dtype="int32").reshape(1, 4, 4, 1))
    assert str(ops.convert_to_numpy(out).dtype) == "int32"
    np.testing.assert_array_equal(ops.convert_to_numpy(out)[0, :, :, 0], [[5, 6], [9, 10]])


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        (Cropping1D(name="c"), {"cropping": (1, 1)}),
        (Cropping1D(2, name="c"), {"cropping": (2, 2)}),
        (Cropping1D([1, 2], name="c"), {"cropping": (1, 2)}),
        (Cropping2D(name="c"), {"cropping": ((0, 0), (0, 0)), "data_format": "channels_last"}),
        (Cropping2D(1, name="c"), {"cropping": ((1, 1), (1, 1)), "data_format": "channels_last"}),
        (Cropping2D((1, 2), name="c"), {"cropping": ((1, 1), (2, 2)), "data_format": "channels_last"}),
        (
            Cropping2D([[1, 2], [3, 4]], data_format="channels_first", name="c"),
            {"cropping": ((1, 2), (3, 4)), "data_format": "channels_first"},
        ),
        (Cropping3D(name="c"), {"cropping": ((1, 1), (1, 1), (1, 1)), "data_format": "channels_last"}),
        (Cropping3D(2, name="c"), {"cropping": ((2, 2), (2, 2), (2, 2)), "data_format": "channels_last"}),
    ],
)
def test_config_equals_keras_and_round_trips(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {"name": "c", "trainable": True, "dtype": DTYPE, **expected}
    # a .keras file stores tuples as lists
    restored = type(layer).from_config(json.loads(json.dumps(config)))
    assert restored.get_config() == config
    serialized = serialize_keras_object(layer)
    assert serialized["module"] == "keras.layers" and serialized["class_name"] == type(layer).__name__
    again = deserialize_keras_object(serialized, module_objects=CLASSES)
    assert type(again) is type(layer) and again.get_config() == config


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (
            lambda: Cropping1D(-1),
            r"The `cropping` argument must be a tuple of 2 integers. Received cropping=-1",
        ),
        (lambda: Cropping1D((1, 2, 3)), r"Received cropping=\(1, 2, 3\)"),
        (lambda: Cropping2D(-1), r"`cropping` cannot be negative. Received: cropping=-1."),
        (
            lambda: Cropping2D((1, 2, 3)),
            r"`cropping` should have 2 elements. Received: cropping=\(1, 2, 3\).",
        ),
        (lambda: Cropping2D(1.5), r"`cropping` should be either an int"),
        (
            lambda: Cropping2D(((1, -2), 1)),
            r"The `1st entry of cropping` argument must be a tuple of 2 integers",
        ),
        (lambda: Cropping3D((1, 2)), r"`cropping` should have 3 elements. Received: cropping=\(1, 2\)."),
        (lambda: Cropping2D(data_format="nhwc"), r"The `data_format` argument must be one of"),
    ],
)
def test_bad_arguments(make: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        make()


CROP_TOO_MUCH = (
    r"Values in `cropping` argument should be smaller than the corresponding spatial dimension of the input"
)


@pytest.mark.parametrize(
    ("layer", "shape"),
    [
        (Cropping1D((3, 2)), (2, 5, 1)),
        (Cropping2D(2), (1, 4, 5, 1)),
        (Cropping2D(((0, 0), (3, 3)), data_format="channels_first"), (1, 2, 9, 6)),
        (Cropping3D(((0, 0), (3, 3), (0, 0))), (1, 4, 5, 6, 1)),
    ],
)
def test_cropping_a_whole_axis_is_an_error(layer: Any, shape: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match=CROP_TOO_MUCH + rf".*Received: input_shape=\({shape[0]}, "):
        layer(np.zeros(shape, "float32"))
    with pytest.raises(ValueError, match=CROP_TOO_MUCH + r".*Received: input_shape=\(None, "):
        layer(Input(shape=shape[1:]))


@pytest.mark.parametrize(
    ("layer", "shape", "ndim"),
    [(Cropping1D(), (2, 5), 3), (Cropping2D(), (2, 5, 5), 4), (Cropping3D(), (2, 5, 5, 5), 5)],
)
def test_bad_input_rank(layer: Any, shape: tuple[int, ...], ndim: int) -> None:
    with pytest.raises(ValueError, match=rf"expected ndim={ndim}, found ndim={len(shape)}"):
        layer(np.zeros(shape, "float32"))
