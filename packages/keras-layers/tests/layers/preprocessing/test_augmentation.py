"""Random augmentation layers: identity at inference, seeded determinism, closed-form
transforms at fixed factors, value ranges, shapes and configs equal to Keras 3.15's."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._preprocessing.random_color import RandomBrightness, RandomContrast
from keras.layers._preprocessing.random_geometry import (
    RandomCrop,
    RandomFlip,
    RandomRotation,
    RandomTranslation,
    RandomZoom,
)

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
IMAGES = np.random.default_rng(0).uniform(0, 255, size=(4, 6, 8, 3)).astype("float32")

LAYERS = [
    (RandomFlip, {}),
    (RandomFlip, {"mode": "vertical"}),
    (RandomRotation, {"factor": 0.2}),
    (RandomZoom, {"height_factor": 0.3, "width_factor": (-0.2, 0.4)}),
    (RandomTranslation, {"height_factor": 0.2, "width_factor": 0.3}),
    (RandomContrast, {"factor": 0.5}),
    (RandomBrightness, {"factor": 0.3}),
]
IDS = [f"{cls.__name__}-{kwargs}" for cls, kwargs in LAYERS]


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_identity_at_inference(cls: Any, kwargs: dict[str, Any]) -> None:
    layer = cls(seed=1, **kwargs)
    np.testing.assert_array_equal(as_np(layer(IMAGES, training=False)), IMAGES)


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_same_seed_same_output_and_shape_and_range(cls: Any, kwargs: dict[str, Any]) -> None:
    first = as_np(cls(seed=7, **kwargs)(IMAGES, training=True))
    second = as_np(cls(seed=7, **kwargs)(IMAGES, training=True))
    np.testing.assert_array_equal(first, second)
    assert first.shape == IMAGES.shape
    assert first.min() >= -1e-3 and first.max() <= 255.0 + 1e-3
    assert not np.array_equal(first, IMAGES)  # it does augment in training (default call too)
    unbatched = as_np(cls(seed=7, **kwargs)(IMAGES[0]))
    assert unbatched.shape == IMAGES.shape[1:]
    assert cls(seed=1, **kwargs)(Input(shape=(6, 8, 3))).shape == (None, 6, 8, 3)


def test_flip_is_a_flip_of_each_image() -> None:
    out = as_np(RandomFlip("horizontal", seed=3)(IMAGES))
    for got, image in zip(out, IMAGES, strict=True):
        assert np.array_equal(got, image) or np.array_equal(got, image[:, ::-1])


# Fixed factors give closed forms (values from real Keras 3.15 for the geometric cases).
X2 = np.array([[1.0, 2.0], [3.0, 4.0]], dtype="float32").reshape(1, 2, 2, 1)
X4 = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
FIXED = [
    (RandomRotation, {"factor": (0.25, 0.25), "fill_mode": "constant"}, X2, [[2.0, 4.0], [1.0, 3.0]]),
    (
        RandomZoom,
        {"height_factor": (0.5, 0.5), "fill_mode": "constant", "interpolation": "nearest"},
        X4,
        [[0, 0, 0, 0], [0, 5, 6, 0], [0, 9, 10, 0], [0, 0, 0, 0]],
    ),
    (
        RandomZoom,
        {"height_factor": (-0.5, -0.5), "width_factor": (0.5, 0.5)},
        X4,
        [[3.0, 3.75, 5.25, 6.0], [5.0, 5.75, 7.25, 8.0], [7.0, 7.75, 9.25, 10.0], [9.0, 9.75, 11.25, 12.0]],
    ),
    (
        RandomTranslation,
        {
            "height_factor": (0.5, 0.5),
            "width_factor": (-0.25, -0.25),
            "fill_mode": "constant",
            "interpolation": "nearest",
        },
        X4,
        [[0, 0, 0, 0], [0, 0, 0, 0], [1, 2, 3, 0], [5, 6, 7, 0]],
    ),
]


@pytest.mark.parametrize(("cls", "kwargs", "x", "expected"), FIXED)
def test_fixed_geometric_transforms_match_keras(
    cls: Any, kwargs: dict[str, Any], x: np.ndarray, expected: Any
) -> None:
    out = as_np(cls(**kwargs)(x))[0, :, :, 0]
    np.testing.assert_allclose(out, np.asarray(expected, dtype="float32"), rtol=1e-5, atol=1e-4)


def test_rotation_angle_matches_keras_at_one_eighth_turn() -> None:
    x = np.arange(25, dtype="float32").reshape(1, 5, 5, 1)
    out = as_np(RandomRotation(factor=(0.125, 0.125), fill_mode="constant")(x))[0, :, :, 0]
    np.testing.assert_allclose(out[2], [3.5147, 7.7574, 12.0, 16.2426, 20.4853], atol=1e-3)


def test_brightness_and_contrast_closed_forms() -> None:
    bright = RandomBrightness(factor=(0.5, 0.5), value_range=(0, 1))
    np.testing.assert_allclose(
        as_np(bright(np.array([[[[0.1], [0.8]]]], dtype="float32"))), [[[[0.6], [1.0]]]], rtol=1e-6
    )
    x = np.array([[[[10.0], [20.0]], [[30.0], [40.0]]]], dtype="float32")
    out = as_np(RandomContrast(factor=(0.5, 0.5), seed=2)(x))[0, :, :, 0]
    # (x - mean) * c + mean with one c per image: the deviations scale uniformly.
    ratio = (out - 25.0) / (x[0, :, :, 0] - 25.0)
    np.testing.assert_allclose(ratio, np.full((2, 2), ratio[0, 0]), rtol=1e-5)
    assert 0.5 - 1e-6 <= ratio[0, 0] <= 1.5 + 1e-6


def test_random_crop_training_inference_and_small_inputs() -> None:
    layer = RandomCrop(3, 4, seed=5)
    out = as_np(layer(IMAGES))
    assert out.shape == (4, 3, 4, 3)
    windows = [IMAGES[:, t : t + 3, s : s + 4, :] for t in range(4) for s in range(5)]
    assert any(np.array_equal(out, w) for w in windows)
    np.testing.assert_array_equal(as_np(layer(IMAGES, training=False)), IMAGES)  # as Keras
    assert tuple(RandomCrop(10, 10, seed=1)(IMAGES).shape) == (4, 10, 10, 3)
    assert layer(Input(shape=(6, 8, 3))).shape == (None, 3, 4, 3)


CONFIGS = [
    (
        RandomFlip(seed=None, name="random_flip"),
        {"data_format": "channels_last", "seed": None, "mode": "horizontal_and_vertical"},
    ),
    (
        RandomRotation(0.1, name="random_rotation"),
        {
            "data_format": "channels_last",
            "factor": (-0.1, 0.1),
            "fill_mode": "reflect",
            "fill_value": 0.0,
            "interpolation": "bilinear",
            "seed": None,
        },
    ),
    (
        RandomZoom(0.1, name="random_zoom"),
        {
            "data_format": "channels_last",
            "height_factor": 0.1,
            "width_factor": None,
            "fill_mode": "reflect",
            "interpolation": "bilinear",
            "seed": None,
            "fill_value": 0.0,
        },
    ),
    (
        RandomTranslation(0.1, 0.1, name="random_translation"),
        {
            "data_format": "channels_last",
            "height_factor": 0.1,
            "width_factor": 0.1,
            "fill_mode": "reflect",
            "interpolation": "bilinear",
            "seed": None,
            "fill_value": 0.0,
        },
    ),
    (
        RandomCrop(2, 2, seed=3, name="random_crop"),
        {"data_format": "channels_last", "height": 2, "width": 2, "seed": 3},
    ),
    (
        RandomContrast(0.2, name="random_contrast"),
        {"data_format": "channels_last", "factor": (0, 0.2), "value_range": (0, 255), "seed": None},
    ),
    (
        RandomBrightness(0.2, name="random_brightness"),
        {"data_format": "channels_last", "factor": (-0.2, 0.2), "value_range": [0, 255], "seed": None},
    ),
]


@pytest.mark.parametrize(("layer", "expected"), CONFIGS, ids=[type(layer).__name__ for layer, _ in CONFIGS])
def test_configs_match_keras_and_round_trip(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {"name": layer.name, "trainable": True, "dtype": DTYPE, **expected}
    clone = type(layer).from_config(config)
    assert clone.get_config() == config


def test_random_crop_records_a_seed_when_none_given() -> None:
    assert isinstance(RandomCrop(2, 2).get_config()["seed"], int)


ERRORS = [
    (RandomFlip, {"mode": "diagonal"}, "received an unknown mode argument diagonal"),
    (RandomRotation, {"factor": 1.5}, r"The `factor` argument should be a number .* in the range \[-1, 1\]"),
    (RandomRotation, {"factor": 0.1, "fill_mode": "mirror"}, "Unknown `fill_mode` mirror"),
    (RandomRotation, {"factor": 0.1, "interpolation": "cubic"}, "Unknown `interpolation` cubic"),
    (RandomZoom, {"height_factor": (0.5, -0.5)}, "cannot have a lower bound larger than its upper bound"),
    (RandomZoom, {"height_factor": 1.5}, r"must have values between \[-1, 1\]"),
    (RandomContrast, {"factor": 1.5}, r"in the range \[0, 1\]"),
    (
        RandomBrightness,
        {"factor": 0.1, "value_range": (0,)},
        "The `value_range` argument should be a list of two numbers",
    ),
]


@pytest.mark.parametrize(("cls", "kwargs", "match"), ERRORS)
def test_errors(cls: Any, kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        cls(**kwargs)


def test_rank_error() -> None:
    with pytest.raises(
        ValueError, match=r"RandomFlip expects images of rank 3 .* Received: inputs with rank 2"
    ):
        RandomFlip()(np.ones((4, 4), "float32"))
