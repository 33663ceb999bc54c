"""Pixel transforms: posterization bit masks, inversion, solarization thresholds, auto
contrast, histogram equalization and the sharpness filter against numpy references;
random properties, data formats, symbolic calls, jit, configs equal to Keras 3.15's."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.backend._scopes import StatelessScope
from keras.layers import Input
from keras.layers._preprocessing.pixel_transforms import (
    AutoContrast,
    Equalization,
    RandomInvert,
    RandomPosterization,
    RandomSharpness,
    Solarization,
)

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
BASE = {"trainable": True, "dtype": DTYPE, "data_format": "channels_last"}
IMAGES = np.random.default_rng(1).uniform(0, 255, size=(4, 6, 7, 3)).astype("float32")
UNIT = IMAGES / 255.0


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def posterize(images: np.ndarray, bits: int) -> np.ndarray:
    shift = 8 - bits
    return ((np.floor(images).astype("uint8") >> shift) << shift).astype("float32")


def equalize(channel: np.ndarray, bins: int) -> np.ndarray:
    """Equalize one channel (values in [0, 255]) as Keras does, in float64."""
    index = np.clip((channel * (bins - 1) / 255.0).astype("int64"), 0, bins - 1)
    hist = np.bincount(index.ravel(), minlength=bins)
    if np.count_nonzero(hist) <= 1:
        return channel
    cdf = np.cumsum(hist)
    cdf_min = cdf[np.nonzero(cdf)[0][0]]
    denominator = (cdf[-1] - cdf_min) or 1
    table = np.clip(np.round((cdf - cdf_min) * 255.0 / denominator), 0, 255)
    lookup = np.clip(channel / 255.0 * (bins - 1), 0, bins - 1).astype("int64")
    return table[lookup]


def smooth(images: np.ndarray) -> np.ndarray:
    """The 3x3 smoothing filter `[[1, 1, 1], [1, 5, 1], [1, 1, 1]] / 13`, zero-padded."""
    padded = np.pad(images, ((0, 0), (1, 1), (1, 1), (0, 0)))
    out = np.zeros_like(images)
    height, width = images.shape[1:3]
    for dy in range(3):
        for dx in range(3):
            weight = (5.0 if (dy, dx) == (1, 1) else 1.0) / 13.0
            out += weight * padded[:, dy : dy + height, dx : dx + width, :]
    return out


RANDOM_LAYERS = [
    (RandomPosterization, {"factor": (1, 7)}),
    (RandomInvert, {"factor": (0.5, 0.5)}),
    (Solarization, {"addition_factor": 0.3, "threshold_factor": 0.6}),
    (RandomSharpness, {"factor": 0.9}),
]
ALL_LAYERS = [*RANDOM_LAYERS, (AutoContrast, {}), (Equalization, {})]


def ids(rows: list[Any]) -> list[str]:
    return [cls.__name__ for cls, _ in rows]


def make(cls: Any, seed: int, **kwargs: Any) -> Any:
    """Build a layer; the deterministic maps take no seed."""
    return cls(**kwargs) if cls in (AutoContrast, Equalization) else cls(seed=seed, **kwargs)


@pytest.mark.parametrize(("cls", "kwargs"), RANDOM_LAYERS, ids=ids(RANDOM_LAYERS))
def test_random_properties(cls: Any, kwargs: dict[str, Any]) -> None:
    np.testing.assert_array_equal(as_np(cls(seed=1, **kwargs)(IMAGES, training=False)), IMAGES)
    first = as_np(cls(seed=7, **kwargs)(IMAGES))
    np.testing.assert_array_equal(first, as_np(cls(seed=7, **kwargs)(IMAGES)))
    assert first.min() >= -1e-3 and first.max() <= 255.0 + 1e-3
    assert not np.array_equal(first, IMAGES)
    changes = [np.abs(first[i] - IMAGES[i]).mean() for i in range(4)]
    assert len({round(float(c), 3) for c in changes}) > 1  # each image draws its own transform


@pytest.mark.parametrize(("cls", "kwargs"), ALL_LAYERS, ids=ids(ALL_LAYERS))
def test_shapes_formats_and_symbolic_calls(cls: Any, kwargs: dict[str, Any]) -> None:
    last = as_np(make(cls, 3, **kwargs)(IMAGES))
    assert last.shape == IMAGES.shape and last.dtype == np.float32
    first = as_np(make(cls, 3, data_format="channels_first", **kwargs)(IMAGES.transpose(0, 3, 1, 2)))
    np.testing.assert_allclose(first.transpose(0, 2, 3, 1), last, rtol=1e-5, atol=1e-3)
    single = as_np(make(cls, 3, **kwargs)(IMAGES[1]))
    assert single.shape == IMAGES.shape[1:]
    symbolic = make(cls, 1, **kwargs)(Input(shape=(6, 7, 3)))
    assert symbolic.shape == (None, 6, 7, 3) and symbolic.dtype == "float32"


@pytest.mark.skipif(backend() != "jax", reason="jax.jit check")
@pytest.mark.parametrize(("cls", "kwargs"), ALL_LAYERS, ids=ids(ALL_LAYERS))
def test_runs_inside_jax_jit(cls: Any, kwargs: dict[str, Any]) -> None:
    import jax

    layer, eager_layer = make(cls, 5, **kwargs), make(cls, 5, **kwargs)
    layer(IMAGES)
    eager_layer(IMAGES)
    state = [v.value for v in layer.non_trainable_variables]

    def step(state: Any, images: Any) -> Any:
        with StatelessScope(state_mapping=list(zip(layer.non_trainable_variables, state, strict=True))):
            return layer(images)

    np.testing.assert_allclose(as_np(jax.jit(step)(state, IMAGES)), as_np(eager_layer(IMAGES)), atol=1e-3)


@pytest.mark.parametrize("bits", [1, 3, 8])
def test_posterization_masks_low_bits(bits: int) -> None:
    out = as_np(RandomPosterization(factor=(bits, bits))(IMAGES))
    np.testing.assert_array_equal(out, posterize(IMAGES, bits))
    unit = as_np(RandomPosterization(factor=(bits, bits), value_range=(0, 1))(UNIT))
    np.testing.assert_allclose(unit, posterize(UNIT * 255.0, bits) / 255.0, atol=1e-6)


def test_posterization_draws_bits_below_the_upper_bound() -> None:
    out = as_np(RandomPosterization(factor=4, seed=2)(IMAGES))  # bits in [1, 4)
    for image, got in zip(IMAGES, out, strict=True):
        assert any(np.array_equal(got, posterize(image, b)) for b in (1, 2, 3))


def test_invert() -> None:
    np.testing.assert_array_equal(as_np(RandomInvert(factor=(1.0, 1.0))(IMAGES)), 255.0 - IMAGES)
    np.testing.assert_array_equal(as_np(RandomInvert(factor=(0.0, 0.0))(IMAGES)), IMAGES)
    out = as_np(RandomInvert(value_range=(0, 1), seed=4)(UNIT))
    for image, got in zip(UNIT, out, strict=True):
        assert np.array_equal(got, image) or np.allclose(got, 1.0 - image)


@pytest.mark.parametrize(("addition", "threshold"), [(0.0, 0.0), (0.0, 0.5), (0.2, 0.7), (1.0, 1.0)])
def test_solarization_threshold(addition: float, threshold: float) -> None:
    shifted = np.clip(IMAGES + addition * 255.0, 0, 255)
    expected = np.where(shifted < threshold * 255.0, shifted, 255.0 - shifted)
    layer = Solarization(addition_factor=(addition, addition), threshold_factor=(threshold, threshold))
    np.testing.assert_allclose(as_np(layer(IMAGES)), expected, rtol=1e-5, atol=1e-3)
    unit = Solarization((addition, addition), (threshold, threshold), value_range=(0, 1))
    np.testing.assert_allclose(as_np(unit(UNIT)), expected / 255.0, atol=1e-5)


def test_auto_contrast_stretches_each_channel_always() -> None:
    images = IMAGES * 0.5 + 40.0
    images[2, :, :, 1] = 17.0  # a constant channel stays as it is
    low = images.min(axis=(1, 2), keepdims=True)
    high = images.max(axis=(1, 2), keepdims=True)
    expected = np.where(high > low, (images - low) * 255.0 / np.where(high > low, high - low, 1), images)
    for training in (True, False):
        out = as_np(AutoContrast()(images, training=training))
        np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-3)
    unit = as_np(AutoContrast(value_range=(0, 1))(images / 255.0))
    np.testing.assert_allclose(unit, expected / 255.0, atol=1e-5)


@pytest.mark.parametrize("bins", [256, 64, 7])
def test_equalization_matches_numpy_per_image_and_channel(bins: int) -> None:
    images = np.round(IMAGES * np.array([1.0, 0.3, 0.05], dtype="float32"))
    images[3, :, :, 2] = 9.0  # a single occupied bin leaves the channel unchanged
    expected = np.stack(
        [np.stack([equalize(img[..., c], bins) for c in range(3)], axis=-1) for img in images]
    )
    out = as_np(Equalization(bins=bins)(images))
    np.testing.assert_allclose(out, expected, atol=1e-4)
    np.testing.assert_array_equal(as_np(Equalization()(images, training=False)), images)
    unit = as_np(Equalization(value_range=(0, 1), bins=bins)(images / 255.0))
    np.testing.assert_allclose(unit, expected / 255.0, atol=1e-5)


@pytest.mark.parametrize("factor", [0.0, 0.2, 0.5, 0.9])
def test_sharpness_blends_with_the_smoothing_filter(factor: float) -> None:
    expected = np.clip(IMAGES + (1.0 - 2.0 * factor) * (smooth(IMAGES) - IMAGES), 0, 255)
    out = as_np(RandomSharpness(factor=(factor, factor))(IMAGES))
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-3)


CONFIGS = [
    (
        RandomPosterization(4, name="random_posterization"),
        {"factor": (1, 4), "value_range": [0, 255], "seed": None},
    ),
    (RandomInvert(name="random_invert"), {"factor": (0, 1.0), "value_range": (0, 255), "seed": None}),
    (
        Solarization(0.3, (0.5, 0.1), seed=2, name="solarization"),
        {"value_range": [0, 255], "addition_factor": (0, 0.3), "threshold_factor": (0.1, 0.5), "seed": 2},
    ),
    (AutoContrast(name="auto_contrast"), {"value_range": [0, 255]}),
    (Equalization(name="equalization"), {"bins": 256, "value_range": [0, 255]}),
    (
        RandomSharpness(0.3, value_range=(1, 0), name="random_sharpness"),
        {"factor": (0, 0.3), "value_range": [0, 1], "seed": None},
    ),
]


@pytest.mark.parametrize(("layer", "expected"), CONFIGS, ids=[type(c[0]).__name__ for c in CONFIGS])
def test_config_matches_keras_and_round_trips(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {"name": layer.name, **BASE, **expected}
    assert type(layer).from_config(config).get_config() == config


ERRORS = [
    (RandomPosterization, {"factor": 9}, r"in the range \[1, 8\]. Received: factor=9"),
    (RandomPosterization, {"factor": 0}, r"in the range \[1, 8\]. Received: factor=0"),
    (RandomInvert, {"factor": 1.5}, r"in the range \[0, 1\]. Received: factor=1.5"),
    (Solarization, {"addition_factor": 1.2}, r"in the range \[0, 1\]. Received: addition_factor=1.2"),
    (Solarization, {"threshold_factor": (0.1, -1)}, r"Received: threshold_factor=\(0.1, -1\)"),
    (AutoContrast, {"value_range": "x"}, r"list of two numbers. Received: value_range=x"),
    (Equalization, {"bins": 0}, r"`bins` should be a positive integer. Received: bins=0"),
    (RandomSharpness, {"factor": -0.1}, r"in the range \[0, 1\]. Received: factor=-0.1"),
]


@pytest.mark.parametrize(("cls", "kwargs", "match"), ERRORS)
def test_bad_arguments(cls: Any, kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        cls(**kwargs)
