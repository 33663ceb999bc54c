"""UpSampling1D/2D/3D: values against np.repeat (and resize for 2D), shapes, configs, errors."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._reshaping.up_sampling import UpSampling1D, UpSampling2D, UpSampling3D
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
CLASSES = {"UpSampling1D": UpSampling1D, "UpSampling2D": UpSampling2D, "UpSampling3D": UpSampling3D}


def repeat_reference(x: np.ndarray, factors: dict[int, int]) -> np.ndarray:
    for axis, factor in factors.items():
        x = np.repeat(x, factor, axis=axis)
    return x


# (class, kwargs, input shape, {axis: factor})
CASES = [
    (UpSampling1D, {}, (2, 3, 4), {1: 2}),
    (UpSampling1D, {"size": 3}, (2, 3, 4), {1: 3}),
    (UpSampling2D, {}, (2, 3, 4, 2), {1: 2, 2: 2}),
    (UpSampling2D, {"size": (1, 3)}, (2, 3, 4, 2), {1: 1, 2: 3}),
    (UpSampling2D, {"size": 3, "data_format": "channels_first"}, (2, 2, 3, 4), {2: 3, 3: 3}),
    (UpSampling3D, {}, (1, 2, 3, 2, 2), {1: 2, 2: 2, 3: 2}),
    (UpSampling3D, {"size": (2, 1, 3)}, (1, 2, 3, 2, 2), {1: 2, 2: 1, 3: 3}),
    (UpSampling3D, {"size": (1, 2, 3), "data_format": "channels_first"}, (1, 2, 2, 3, 2), {2: 1, 3: 2, 4: 3}),
]
IDS = [f"{c[0].__name__}-{c[1]}" for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_nearest_values_match_np_repeat(case: tuple[Any, ...]) -> None:
    cls, kwargs, shape, factors = case
    x = np.random.default_rng(2).normal(size=shape).astype("float32")
    out = cls(**kwargs)(x)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), repeat_reference(x, factors))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_symbolic_and_computed_shapes(case: tuple[Any, ...]) -> None:
    cls, kwargs, shape, factors = case
    expected = repeat_reference(np.zeros(shape), factors).shape
    layer = cls(**kwargs)
    assert layer(Input(shape=shape[1:])).shape == (None, *expected[1:])
    assert layer.compute_output_shape(shape) == expected
    first = min(factors)
    unknown = list(shape)
    unknown[first] = None
    assert layer.compute_output_shape(tuple(unknown)) == tuple(
        None if i == first else d for i, d in enumerate(expected)
    )


# Real Keras 3.15's UpSampling2D((2, 2), interpolation="bilinear") on this image (same on
# the jax, tensorflow and torch backends).
IMAGE = np.array([[0.0, 1.0, 4.0], [2.0, 3.0, 8.0]], dtype="float32")
BILINEAR = np.array(
    [
        [0.0, 0.25, 0.75, 1.75, 3.25, 4.0],
        [0.5, 0.75, 1.25, 2.375, 4.125, 5.0],
        [1.5, 1.75, 2.25, 3.625, 5.875, 7.0],
        [2.0, 2.25, 2.75, 4.25, 6.75, 8.0],
    ],
    dtype="float32",
)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_bilinear_matches_keras(data_format: str) -> None:
    x = IMAGE[None, :, :, None] if data_format == "channels_last" else IMAGE[None, None]
    layer = UpSampling2D((2, 2), data_format=data_format, interpolation="BiLinear")
    assert layer.interpolation == "bilinear"
    out = ops.convert_to_numpy(layer(x))
    image = out[0, :, :, 0] if data_format == "channels_last" else out[0, 0]
    np.testing.assert_allclose(image, BILINEAR, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("interpolation", ["bicubic", "lanczos3", "lanczos5", "bilinear"])
def test_other_interpolations_resize(interpolation: str) -> None:
    x = np.random.default_rng(3).normal(size=(2, 3, 4, 2)).astype("float32")
    out = UpSampling2D((2, 3), interpolation=interpolation)(x)
    expected = ops.image.resize(x, (6, 12), interpolation=interpolation)
    np.testing.assert_allclose(
        ops.convert_to_numpy(out), ops.convert_to_numpy(expected), rtol=1e-6, atol=1e-6
    )
    layer = UpSampling2D((2, 3), interpolation=interpolation)
    assert layer(Input(shape=(3, 4, 2))).shape == (None, 6, 12, 2)


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        (UpSampling1D(name="u"), {"size": 2}),
        (
            UpSampling2D(name="u"),
            {"size": (2, 2), "data_format": "channels_last", "interpolation": "nearest"},
        ),
        (
            UpSampling2D([2, 3], interpolation="BILINEAR", data_format="channels_first", name="u"),
            {"size": (2, 3), "data_format": "channels_first", "interpolation": "bilinear"},
        ),
        (UpSampling3D(name="u"), {"size": (2, 2, 2), "data_format": "channels_last"}),
        (UpSampling3D(3, name="u"), {"size": (3, 3, 3), "data_format": "channels_last"}),
    ],
)
def test_config_equals_keras_and_round_trips(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {"name": "u", "trainable": True, "dtype": DTYPE, **expected}
    restored = type(layer).from_config(json.loads(json.dumps(config)))
    assert restored.get_config() == config
    again = deserialize_keras_object(serialize_keras_object(layer), module_objects=CLASSES)
    assert type(again) is type(layer) and again.get_config() == config


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (
            lambda: UpSampling1D(0),
            ValueError,
            r"Argument `size` should be a positive integer. Received: size=0",
        ),
        (
            lambda: UpSampling1D(2.0),  # type: ignore[arg-type]
            TypeError,
            r"Expected an integer value for `size`, got <class 'float'>.",
        ),
        (lambda: UpSampling1D(True), TypeError, r"Expected an integer value for `size`, got <class 'bool'>."),
        (
            lambda: UpSampling2D(0),
            ValueError,
            r"The `size` argument must be a tuple of 2 integers. Received size=0",
        ),
        (lambda: UpSampling2D((1, 2, 3)), ValueError, r"Received size=\(1, 2, 3\)"),
        (lambda: UpSampling3D((1, 0, 1)), ValueError, r"The `size` argument must be a tuple of 3 integers"),
        (
            lambda: UpSampling2D(interpolation="area"),
            ValueError,
            r"Invalid value for argument `interpolation`. Expected one of \('bilinear', 'nearest', 'lanczos3', "
            r"'lanczos5', 'bicubic'\). Received: interpolation=area",
        ),
        (lambda: UpSampling3D(data_format="ndhwc"), ValueError, r"The `data_format` argument must be one of"),
    ],
)
def test_bad_arguments(make: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        make()


@pytest.mark.parametrize(
    ("layer", "shape", "ndim"),
    [(UpSampling1D(), (2, 5), 3), (UpSampling2D(), (2, 5, 5), 4), (UpSampling3D(), (2, 5, 5, 5), 5)],
)
def test_bad_input_rank(layer: Any, shape: tuple[int, ...], ndim: int) -> None:
    with pytest.raises(ValueError, match=rf"expected ndim={ndim}, found ndim={len(shape)}"):
        layer(np.zeros(shape, "float32"))
