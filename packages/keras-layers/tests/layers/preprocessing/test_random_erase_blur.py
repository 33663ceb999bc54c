"""`RandomErasing` and `RandomGaussianBlur`: erased rectangles and fill values, the
Gaussian window against a numpy convolution, random properties, data formats,
symbolic calls, jit, configs equal to Keras 3.15's."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.backend._scopes import StatelessScope
from keras.layers import Input
from keras.layers._preprocessing.random_erase_blur import RandomErasing, RandomGaussianBlur

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
BASE = {"trainable": True, "dtype": DTYPE, "data_format": "channels_last"}
IMAGES = np.random.default_rng(2).uniform(10, 200, size=(6, 8, 9, 3)).astype("float32")


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def gaussian(size: int, sigma: float) -> np.ndarray:
    offsets = np.arange(size) - (size - 1) / 2.0
    weights = np.exp(-(offsets**2) / (2.0 * sigma**2))
    return weights / weights.sum()


def blur(images: np.ndarray, size_x: int, size_y: int, sigma: float) -> np.ndarray:
    """Zero-padded 2-D Gaussian filter of each channel (window `size_y x size_x`)."""
    window = np.outer(gaussian(size_y, sigma), gaussian(size_x, sigma))
    py, px = size_y // 2, size_x // 2
    padded = np.pad(images, ((0, 0), (py, py), (px, px), (0, 0)))
    out = np.zeros_like(images, dtype="float64")
    height, width = images.shape[1:3]
    for dy in range(size_y):
        for dx in range(size_x):
            out += window[dy, dx] * padded[:, dy : dy + height, dx : dx + width, :]
    return out


LAYERS = [
    (RandomErasing, {"factor": (0.5, 0.5)}),
    (RandomGaussianBlur, {"factor": (0.5, 0.5), "sigma": (0.3, 1.0)}),
]
IDS = [cls.__name__ for cls, _ in LAYERS]


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_random_properties(cls: Any, kwargs: dict[str, Any]) -> None:
    np.testing.assert_array_equal(as_np(cls(seed=1, **kwargs)(IMAGES, training=False)), IMAGES)
    first = as_np(cls(seed=7, **kwargs)(IMAGES))
    np.testing.assert_array_equal(first, as_np(cls(seed=7, **kwargs)(IMAGES)))
    assert first.shape == IMAGES.shape and first.dtype == np.float32
    assert first.min() >= -1e-3 and first.max() <= 255.0 + 1e-3
    touched = [not np.array_equal(a, b) for a, b in zip(first, IMAGES, strict=True)]
    assert any(touched) and not all(touched)  # a per-image draw decides which images change
    assert as_np(cls(seed=7, **kwargs)(IMAGES[0])).shape == IMAGES.shape[1:]
    symbolic = cls(seed=1, **kwargs)(Input(shape=(8, 9, 3)))
    assert symbolic.shape == (None, 8, 9, 3) and symbolic.dtype == "float32"


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_channels_first_matches_channels_last(cls: Any, kwargs: dict[str, Any]) -> None:
    kwargs = {**kwargs, "fill_value": 3.0} if cls is RandomErasing else kwargs
    last = as_np(cls(seed=3, **kwargs)(IMAGES))
    first = as_np(cls(seed=3, data_format="channels_first", **kwargs)(IMAGES.transpose(0, 3, 1, 2)))
    np.testing.assert_allclose(first.transpose(0, 2, 3, 1), last, rtol=1e-5, atol=1e-3)


@pytest.mark.skipif(backend() != "jax", reason="jax.jit check")
@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_runs_inside_jax_jit(cls: Any, kwargs: dict[str, Any]) -> None:
    import jax

    layer, eager_layer = cls(seed=5, **kwargs), cls(seed=5, **kwargs)
    layer(IMAGES)
    eager_layer(IMAGES)
    state = [v.value for v in layer.non_trainable_variables]

    def step(state: Any, images: Any) -> Any:
        with StatelessScope(state_mapping=list(zip(layer.non_trainable_variables, state, strict=True))):
            return layer(images)

    np.testing.assert_allclose(as_np(jax.jit(step)(state, IMAGES)), as_np(eager_layer(IMAGES)), atol=1e-3)


@pytest.mark.parametrize("scale", [0.1, 0.3, 1.0])
def test_erasing_fills_one_rectangle_of_the_drawn_size(scale: float) -> None:
    out = as_np(RandomErasing(factor=(1.0, 1.0), scale=(scale, scale), fill_value=255.0, seed=4)(IMAGES))
    side = math.sqrt(scale)
    for got, image in zip(out, IMAGES, strict=True):
        erased = np.all(got == 255.0, axis=-1)
        np.testing.assert_array_equal(got[~erased], image[~erased])
        rows, cols = np.nonzero(erased.any(axis=1))[0], np.nonzero(erased.any(axis=0))[0]
        assert erased[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1].all()  # a rectangle
        assert math.floor(side * 8) <= len(rows) <= math.ceil(side * 8)
        assert math.floor(side * 9) <= len(cols) <= math.ceil(side * 9)


def test_erasing_fill_values() -> None:
    out = as_np(RandomErasing(factor=(1.0, 1.0), scale=(1.0, 1.0), fill_value=(1, 2, 300))(IMAGES))
    np.testing.assert_array_equal(out, np.broadcast_to(np.array([1, 2, 255], "float32"), IMAGES.shape))
    noise = as_np(RandomErasing(factor=(1.0, 1.0), scale=(1.0, 1.0), seed=1)(IMAGES))
    assert noise.min() >= 0.0 and noise.max() <= 255.0 and len(np.unique(noise)) > 10
    never = RandomErasing(factor=(0.0, 0.0), scale=(1.0, 1.0), fill_value=0.0)
    np.testing.assert_array_equal(as_np(never(IMAGES)), IMAGES)


@pytest.mark.parametrize(("kernel_size", "sigma"), [(3, 1.0), (5, 0.6), ((3, 5), 0.8), ((5, 1), 0.4)])
def test_gaussian_blur_matches_numpy(kernel_size: Any, sigma: float) -> None:
    layer = RandomGaussianBlur(factor=(1.0, 1.0), kernel_size=kernel_size, sigma=(sigma, sigma))
    sizes = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    expected = np.clip(blur(IMAGES, sizes[0], sizes[1], sigma + 1e-6), 0, 255)
    np.testing.assert_allclose(as_np(layer(IMAGES)), expected, rtol=1e-5, atol=1e-3)


CONFIGS = [
    (
        RandomErasing(name="random_erasing"),
        {
            "factor": (0, 1.0),
            "scale": (0.02, 0.33),
            "fill_value": None,
            "value_range": (0, 255),
            "seed": None,
        },
    ),
    (
        RandomErasing(0.4, 0.5, (1, 2, 3), (0, 1), seed=3, name="random_erasing"),
        {"factor": (0, 0.4), "scale": (0, 0.5), "fill_value": (1, 2, 3), "value_range": (0, 1), "seed": 3},
    ),
    (
        RandomGaussianBlur(name="random_gaussian_blur"),
        {
            "factor": (0, 1.0),
            "kernel_size": (3, 3),
            "sigma": (0, 1.0),
            "value_range": (0, 255),
            "seed": None,
        },
    ),
    (
        RandomGaussianBlur(0.5, (3, 5), (0.2, 0.4), name="random_gaussian_blur"),
        {
            "factor": (0, 0.5),
            "kernel_size": (3, 5),
            "sigma": (0.2, 0.4),
            "value_range": (0, 255),
            "seed": None,
        },
    ),
]


@pytest.mark.parametrize(("layer", "expected"), CONFIGS)
def test_config_matches_keras_and_round_trips(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {"name": layer.name, **BASE, **expected}
    assert type(layer).from_config(config).get_config() == config


ERRORS = [
    (RandomErasing, {"factor": 2.0}, r"in the range \[0, 1\]. Received: factor=2.0"),
    (RandomErasing, {"scale": (0.1, 0.2, 0.3)}, r"`scale` argument .* Received: scale=\(0.1, 0.2, 0.3\)"),
    (RandomErasing, {"fill_value": (1, 2)}, r"list of three numbers\). Received: fill_value=\(1, 2\)"),
    (RandomGaussianBlur, {"kernel_size": 4}, r"kernel_size must be an odd number. Received: kernel_size=4"),
    (RandomGaussianBlur, {"kernel_size": (3, 3, 3)}, r"Received: kernel_size=\(3, 3, 3\)"),
    (RandomGaussianBlur, {"sigma": 2.0}, r"`sigma` argument .* \[0, 1\]. Received: sigma=2.0"),
]


@pytest.mark.parametrize(("cls", "kwargs", "match"), ERRORS)
def test_bad_arguments(cls: Any, kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        cls(**kwargs)
