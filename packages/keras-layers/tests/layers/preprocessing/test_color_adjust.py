"""Color augmentation layers: closed forms at fixed factors against numpy references
(luma weights, HSV hue rotation and saturation scaling via `colorsys`, gray blending),
random properties, data formats, symbolic calls, jit, configs equal to Keras 3.15's."""

from __future__ import annotations

import colorsys
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.backend._scopes import StatelessScope
from keras.layers import Input
from keras.layers._preprocessing.color_adjust import (
    RandomColorDegeneration,
    RandomColorJitter,
    RandomGrayscale,
    RandomHue,
    RandomSaturation,
)

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
BASE = {"trainable": True, "dtype": DTYPE, "data_format": "channels_last"}
IMAGES = np.random.default_rng(0).uniform(0, 255, size=(4, 6, 7, 3)).astype("float32")
UNIT = IMAGES / 255.0
LUMA = np.array([0.2989, 0.5870, 0.1140], dtype="float32")


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def hsv_map(images: np.ndarray, edit: Any) -> np.ndarray:
    """Apply `edit(h, s, v) -> (h, s, v)` to every pixel of [0, 1] RGB images."""
    flat = images.reshape(-1, 3).astype("float64")
    out = [colorsys.hsv_to_rgb(*edit(*colorsys.rgb_to_hsv(*p))) for p in flat]
    return np.asarray(out).reshape(images.shape)


LAYERS = [
    (RandomGrayscale, {"factor": 0.5}),
    (RandomHue, {"factor": 0.6}),
    (RandomSaturation, {"factor": 0.7}),
    (RandomColorDegeneration, {"factor": 0.8}),
    (
        RandomColorJitter,
        {"brightness_factor": 0.2, "contrast_factor": 0.3, "saturation_factor": 0.5, "hue_factor": 0.4},
    ),
]
IDS = [cls.__name__ for cls, _ in LAYERS]


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_random_properties(cls: Any, kwargs: dict[str, Any]) -> None:
    np.testing.assert_array_equal(as_np(cls(seed=1, **kwargs)(IMAGES, training=False)), IMAGES)
    first = as_np(cls(seed=7, **kwargs)(IMAGES))
    np.testing.assert_array_equal(first, as_np(cls(seed=7, **kwargs)(IMAGES)))
    assert first.shape == IMAGES.shape and first.dtype == np.float32
    assert first.min() >= -1e-3 and first.max() <= 255.0 + 1e-3
    assert not np.array_equal(first, IMAGES)
    changes = [np.abs(first[i] - IMAGES[i]).mean() for i in range(4)]
    assert len({round(float(c), 3) for c in changes}) > 1  # each image draws its own transform
    assert as_np(cls(seed=7, **kwargs)(IMAGES[0])).shape == IMAGES.shape[1:]
    symbolic = cls(seed=1, **kwargs)(Input(shape=(6, 7, 3)))
    assert symbolic.shape == (None, 6, 7, 3) and symbolic.dtype == "float32"


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_channels_first_matches_channels_last(cls: Any, kwargs: dict[str, Any]) -> None:
    last = as_np(cls(seed=3, **kwargs)(IMAGES))
    first = as_np(cls(seed=3, data_format="channels_first", **kwargs)(IMAGES.transpose(0, 3, 1, 2)))
    np.testing.assert_allclose(first.transpose(0, 2, 3, 1), last, rtol=1e-5, atol=1e-3)


@pytest.mark.skipif(backend() != "jax", reason="jax.jit check")
@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_runs_inside_jax_jit(cls: Any, kwargs: dict[str, Any]) -> None:
    import jax

    layer = cls(seed=5, **kwargs)
    layer(IMAGES)  # build; draws advance the state
    state = [v.value for v in layer.non_trainable_variables]

    def step(state: Any, images: Any) -> Any:
        with StatelessScope(state_mapping=list(zip(layer.non_trainable_variables, state, strict=True))):
            return layer(images)

    eager_layer = cls(seed=5, **kwargs)
    eager_layer(IMAGES)
    np.testing.assert_allclose(as_np(jax.jit(step)(state, IMAGES)), as_np(eager_layer(IMAGES)), atol=1e-3)


def test_grayscale_uses_luma_weights_and_keeps_channels() -> None:
    out = as_np(RandomGrayscale(factor=1.0)(IMAGES))
    gray = IMAGES @ LUMA
    np.testing.assert_allclose(out, np.repeat(gray[..., None], 3, axis=-1), rtol=1e-5)
    np.testing.assert_array_equal(as_np(RandomGrayscale(factor=0.0)(IMAGES)), IMAGES)
    out = as_np(RandomGrayscale(factor=0.5, seed=2)(IMAGES))
    for got, image in zip(out, IMAGES, strict=True):
        converted = np.allclose(got, np.repeat((image @ LUMA)[..., None], 3, axis=-1), rtol=1e-5)
        assert converted or np.array_equal(got, image)


@pytest.mark.parametrize("shift", [0.15, 0.45])
def test_hue_rotation_matches_colorsys(shift: float) -> None:
    out = as_np(RandomHue(factor=(shift * 2, shift * 2), value_range=(0, 255), seed=4)(IMAGES))
    plus = hsv_map(UNIT, lambda h, s, v: ((h + shift) % 1.0, s, v)) * 255.0
    minus = hsv_map(UNIT, lambda h, s, v: ((h - shift) % 1.0, s, v)) * 255.0
    for i in range(4):  # the direction of the rotation is drawn per image
        if not np.allclose(out[i], plus[i], atol=1e-2):
            np.testing.assert_allclose(out[i], minus[i], atol=1e-2)
    np.testing.assert_allclose(as_np(RandomHue(factor=0.0)(IMAGES)), IMAGES, atol=1e-3)


@pytest.mark.parametrize("factor", [0.0, 0.3, 0.5, 0.8])
def test_saturation_scale_matches_colorsys(factor: float) -> None:
    scale = factor / (1.0 - factor + 1e-7)
    expected = hsv_map(UNIT, lambda h, s, v: (h, min(s * scale, 1.0), v))
    out = as_np(RandomSaturation(factor=(factor, factor), value_range=(0, 1))(UNIT))
    np.testing.assert_allclose(out, expected, atol=1e-5)


def test_saturation_stays_in_range_at_extreme_factors() -> None:
    out = as_np(RandomSaturation(factor=(1.0, 1.0))(IMAGES))
    assert out.min() >= -1e-3 and out.max() <= 255.0 + 1e-3


@pytest.mark.parametrize("factor", [-0.6, 0.0, 0.3, 1.0])
def test_color_degeneration_blends_with_gray(factor: float) -> None:
    gray = (IMAGES @ LUMA)[..., None]
    expected = np.clip(IMAGES + factor * (gray - IMAGES), 0, 255)
    out = as_np(RandomColorDegeneration(factor=(factor, factor))(IMAGES))
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-3)


def test_color_jitter_steps() -> None:
    out = as_np(RandomColorJitter(value_range=(0, 1), brightness_factor=(0.1, 0.1))(UNIT))
    np.testing.assert_allclose(out, np.clip(UNIT + 0.1, 0, 1), rtol=1e-5)
    out = as_np(RandomColorJitter(value_range=(0, 1), saturation_factor=(0.0, 0.0))(UNIT))
    np.testing.assert_allclose(out, hsv_map(UNIT, lambda h, s, v: (h, 0.0, v)), atol=1e-5)
    np.testing.assert_array_equal(as_np(RandomColorJitter()(IMAGES)), IMAGES)  # no step
    assert len(RandomColorJitter(brightness_factor=0.1, hue_factor=0.1).non_trainable_variables) == 3


CONFIGS = [
    (RandomGrayscale(name="random_grayscale"), {"factor": 0.5}),
    (
        RandomHue(0.2, name="random_hue"),
        {"factor": (0, 0.2), "value_range": (0, 255), "seed": None},
    ),
    (
        RandomSaturation(0.3, name="random_saturation"),
        {"factor": (-0.3, 0.3), "value_range": [0, 255], "seed": None},
    ),
    (
        RandomColorDegeneration(0.4, seed=3, name="random_color_degeneration"),
        {"factor": (-0.4, 0.4), "value_range": [0, 255], "seed": 3},
    ),
    (
        RandomColorJitter(brightness_factor=0.2, hue_factor=(0.1, 0.3), name="random_color_jitter"),
        {
            "value_range": (0, 255),
            "brightness_factor": 0.2,
            "contrast_factor": None,
            "saturation_factor": None,
            "hue_factor": (0.1, 0.3),
            "seed": None,
        },
    ),
]


@pytest.mark.parametrize(("layer", "expected"), CONFIGS, ids=[type(c[0]).__name__ for c in CONFIGS])
def test_config_matches_keras_and_round_trips(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {"name": layer.name, **BASE, **expected}
    assert type(layer).from_config(config).get_config() == config


ERRORS = [
    (RandomGrayscale, {"factor": 1.5}, r"`factor` should be between 0 and 1. Received: factor=1.5"),
    (RandomHue, {"factor": 2}, r"`factor` argument .* range \[0, 1\]. Received: factor=2"),
    (RandomHue, {"factor": 0.1, "value_range": 3}, r"list of two numbers. Received: value_range=3"),
    (RandomSaturation, {"factor": "x"}, r"range \[-1, 1\]. Received: factor=x"),
    (RandomSaturation, {"factor": 0.1, "value_range": (0, 1, 2)}, r"Received: value_range=\(0, 1, 2\)"),
    (RandomColorDegeneration, {"factor": (0.1, 0.2, 0.3)}, r"Received: factor=\(0.1, 0.2, 0.3\)"),
    (RandomColorJitter, {"hue_factor": 3.0}, r"Received: factor=3.0"),
]


@pytest.mark.parametrize(("cls", "kwargs", "match"), ERRORS)
def test_bad_arguments(cls: Any, kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        cls(**kwargs)


def test_bad_rank() -> None:
    with pytest.raises(ValueError, match=r"expects images of rank 3 .* Received: inputs with rank 2"):
        RandomHue(0.1)(np.zeros((4, 3), dtype="float32"))
