"""ZeroPadding1D/2D/3D: values against np.pad, shapes, configs and errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import standardize_dtype
from keras.layers import Input
from keras.layers._reshaping.zero_padding import ZeroPadding1D, ZeroPadding2D, ZeroPadding3D
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
CLASSES = {"ZeroPadding1D": ZeroPadding1D, "ZeroPadding2D": ZeroPadding2D, "ZeroPadding3D": ZeroPadding3D}

# (class, kwargs, input shape, np.pad widths)
CASES = [
    (ZeroPadding1D, {}, (2, 4, 3), ((0, 0), (1, 1), (0, 0))),
    (ZeroPadding1D, {"padding": (0, 2)}, (2, 4, 3), ((0, 0), (0, 2), (0, 0))),
    (ZeroPadding1D, {"padding": 3, "data_format": "channels_first"}, (2, 3, 4), ((0, 0), (0, 0), (3, 3))),
    (ZeroPadding2D, {}, (2, 3, 4, 2), ((0, 0), (1, 1), (1, 1), (0, 0))),
    (ZeroPadding2D, {"padding": 2}, (2, 3, 4, 2), ((0, 0), (2, 2), (2, 2), (0, 0))),
    (ZeroPadding2D, {"padding": (0, 2)}, (2, 3, 4, 2), ((0, 0), (0, 0), (2, 2), (0, 0))),
    (ZeroPadding2D, {"padding": ((1, 0), (2, 3))}, (2, 3, 4, 2), ((0, 0), (1, 0), (2, 3), (0, 0))),
    (
        ZeroPadding2D,
        {"padding": ((0, 1), (3, 0)), "data_format": "channels_first"},
        (2, 2, 3, 4),
        ((0, 0), (0, 0), (0, 1), (3, 0)),
    ),
    (ZeroPadding3D, {}, (1, 2, 3, 4, 2), ((0, 0), (1, 1), (1, 1), (1, 1), (0, 0))),
    (ZeroPadding3D, {"padding": (1, 0, (2, 1))}, (1, 2, 3, 4, 2), ((0, 0), (1, 1), (0, 0), (2, 1), (0, 0))),
    (
        ZeroPadding3D,
        {"padding": ((1, 0), (0, 2), (1, 1)), "data_format": "channels_first"},
        (1, 2, 2, 3, 4),
        ((0, 0), (0, 0), (1, 0), (0, 2), (1, 1)),
    ),
]
IDS = [f"{c[0].__name__}-{c[1]}" for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_values_match_np_pad(case: tuple[Any, ...]) -> None:
    cls, kwargs, shape, widths = case
    x = np.random.default_rng(1).normal(size=shape).astype("float32")
    out = cls(**kwargs)(x)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), np.pad(x, widths))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_symbolic_and_computed_shapes(case: tuple[Any, ...]) -> None:
    cls, kwargs, shape, widths = case
    expected = np.pad(np.zeros(shape), widths).shape
    layer = cls(**kwargs)
    assert layer(Input(shape=shape[1:])).shape == (None, *expected[1:])
    assert layer.compute_output_shape(shape) == expected
    spatial = [i for i, w in enumerate(widths) if w != (0, 0)]
    unknown = list(shape)
    unknown[spatial[0]] = None
    out = layer.compute_output_shape(tuple(unknown))
    assert out[spatial[0]] is None
    assert [d for i, d in enumerate(out) if i != spatial[0]] == [
        d for i, d in enumerate(expected) if i != spatial[0]
    ]


def test_int_inputs_keep_their_dtype() -> None:
    out = ZeroPadding1D(1)(np.ones((1, 2, 1), dtype="int32"))
    assert standardize_dtype(out.dtype) == "int32"
    np.testing.assert_array_equal(ops.convert_to_numpy(out)[0, :, 0], [0, 1, 1, 0])


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        (ZeroPadding1D(name="p"), {"padding": (1, 1), "data_format": "channels_last"}),
        (ZeroPadding1D([1, 2], name="p"), {"padding": (1, 2), "data_format": "channels_last"}),
        (ZeroPadding2D(name="p"), {"padding": ((1, 1), (1, 1)), "data_format": "channels_last"}),
        (ZeroPadding2D(2, name="p"), {"padding": ((2, 2), (2, 2)), "data_format": "channels_last"}),
        (
            ZeroPadding2D([[1, 2], [3, 4]], data_format="channels_first", name="p"),
            {"padding": ((1, 2), (3, 4)), "data_format": "channels_first"},
        ),
        (ZeroPadding3D(name="p"), {"padding": ((1, 1), (1, 1), (1, 1)), "data_format": "channels_last"}),
        (ZeroPadding3D(1, name="p"), {"padding": ((1, 1), (1, 1), (1, 1)), "data_format": "channels_last"}),
    ],
)
def test_config_equals_keras_and_round_trips(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {"name": "p", "trainable": True, "dtype": DTYPE, **expected}
    restored = type(layer).from_config(json.loads(json.dumps(config)))
    assert restored.get_config() == config
    again = deserialize_keras_object(serialize_keras_object(layer), module_objects=CLASSES)
    assert type(again) is type(layer) and again.get_config() == config


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (
            lambda: ZeroPadding1D(-1),
            r"The `padding` argument must be a tuple of 2 integers. Received padding=-1",
        ),
        (lambda: ZeroPadding1D((1, 2, 3)), r"Received padding=\(1, 2, 3\)"),
        (lambda: ZeroPadding2D(-1), r"`padding` cannot be negative. Received: padding=-1."),
        (
            lambda: ZeroPadding2D((1, 2, 3)),
            r"`padding` should have 2 elements. Received: padding=\(1, 2, 3\).",
        ),
        (lambda: ZeroPadding2D(1.5), r"`padding` should be either an int"),
        (lambda: ZeroPadding3D((1, 2)), r"`padding` should have 3 elements. Received: padding=\(1, 2\)."),
        (lambda: ZeroPadding3D(-2), r"`padding` cannot be negative. Received: padding=-2."),
        (lambda: ZeroPadding1D(data_format="ncw"), r"The `data_format` argument must be one of"),
    ],
)
def test_bad_arguments(make: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        make()


@pytest.mark.parametrize(
    ("layer", "shape", "ndim"),
    [(ZeroPadding1D(), (2, 5), 3), (ZeroPadding2D(), (2, 5, 5), 4), (ZeroPadding3D(), (2, 5, 5, 5, 1, 1), 5)],
)
def test_bad_input_rank(layer: Any, shape: tuple[int, ...], ndim: int) -> None:
    with pytest.raises(ValueError, match=rf"expected ndim={ndim}, found ndim={len(shape)}"):
        layer(np.zeros(shape, "float32"))
