"""`RandomShear`: integer shears against a numpy index map, random properties, data
formats, symbolic calls, jit, configs equal to Keras 3.15's."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.backend._scopes import StatelessScope
from keras.layers import Input
from keras.layers._preprocessing.random_shear import RandomShear

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
IMAGES = np.random.default_rng(3).uniform(0, 255, size=(4, 6, 7, 3)).astype("float32")


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def sheared(image: np.ndarray, shear_x: int, shear_y: int) -> np.ndarray:
    """Output `(y, x)` reads the input at `(y + shear_y * x, x + shear_x * y)`; zero outside."""
    height, width = image.shape[:2]
    out = np.zeros_like(image)
    for y in range(height):
        for x in range(width):
            src_y, src_x = y + shear_y * x, x + shear_x * y
            if 0 <= src_y < height and 0 <= src_x < width:
                out[y, x] = image[src_y, src_x]
    return out


def test_random_properties() -> None:
    kwargs = {"x_factor": 0.3, "y_factor": 0.2}
    np.testing.assert_array_equal(as_np(RandomShear(seed=1, **kwargs)(IMAGES, training=False)), IMAGES)
    first = as_np(RandomShear(seed=7, **kwargs)(IMAGES))
    np.testing.assert_array_equal(first, as_np(RandomShear(seed=7, **kwargs)(IMAGES)))
    assert first.shape == IMAGES.shape and first.min() >= -1e-3 and first.max() <= 255.0 + 1e-3
    changes = [np.abs(first[i] - IMAGES[i]).mean() for i in range(4)]
    assert min(changes) > 0 and len({round(float(c), 3) for c in changes}) == 4
    assert as_np(RandomShear(seed=7, **kwargs)(IMAGES[0])).shape == IMAGES.shape[1:]
    symbolic = RandomShear(seed=1, **kwargs)(Input(shape=(6, 7, 3)))
    assert symbolic.shape == (None, 6, 7, 3) and symbolic.dtype == "float32"
    np.testing.assert_allclose(as_np(RandomShear()(IMAGES)), IMAGES, atol=1e-4)  # zero shear


def test_channels_first_matches_channels_last() -> None:
    last = as_np(RandomShear(0.4, 0.3, seed=3)(IMAGES))
    first = as_np(RandomShear(0.4, 0.3, seed=3, data_format="channels_first")(IMAGES.transpose(0, 3, 1, 2)))
    np.testing.assert_allclose(first.transpose(0, 2, 3, 1), last, rtol=1e-5, atol=1e-3)


@pytest.mark.parametrize(("x_factor", "y_factor"), [((1.0, 1.0), 0.0), (0.0, (1.0, 1.0))])
def test_unit_shear_matches_numpy_up_to_its_random_sign(x_factor: Any, y_factor: Any) -> None:
    layer = RandomShear(x_factor, y_factor, interpolation="nearest", fill_mode="constant", seed=2)
    images = np.concatenate([IMAGES] * 3)
    out = as_np(layer(images))
    unit_x, unit_y = int(x_factor != 0.0), int(y_factor != 0.0)
    signs = set()
    for got, image in zip(out, images, strict=True):
        for sign in (1, -1):
            if np.allclose(got, sheared(image, sign * unit_x, sign * unit_y), atol=1e-4):
                signs.add(sign)
                break
        else:
            raise AssertionError("the output is no unit shear of its image")
    assert signs == {1, -1}  # the sign is drawn per image


@pytest.mark.skipif(backend() != "jax", reason="jax.jit check")
def test_runs_inside_jax_jit() -> None:
    import jax

    layer, eager_layer = RandomShear(0.3, 0.3, seed=5), RandomShear(0.3, 0.3, seed=5)
    layer(IMAGES)
    eager_layer(IMAGES)
    state = [v.value for v in layer.non_trainable_variables]

    def step(state: Any, images: Any) -> Any:
        with StatelessScope(state_mapping=list(zip(layer.non_trainable_variables, state, strict=True))):
            return layer(images)

    np.testing.assert_allclose(as_np(jax.jit(step)(state, IMAGES)), as_np(eager_layer(IMAGES)), atol=1e-3)


def test_config_matches_keras_and_round_trips() -> None:
    layer = RandomShear(0.2, (0.3, 0.1), fill_value=1.5, name="random_shear")
    config = layer.get_config()
    assert config == {
        "name": "random_shear",
        "trainable": True,
        "dtype": DTYPE,
        "data_format": "channels_last",
        "x_factor": (-0.2, 0.2),
        "y_factor": (0.1, 0.3),
        "fill_mode": "reflect",
        "interpolation": "bilinear",
        "seed": None,
        "fill_value": 1.5,
    }
    assert RandomShear.from_config(config).get_config() == config


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"x_factor": 1.5}, r"`x_factor` argument .* \[0, 1.0\]. Received: x_factor=1.5"),
        ({"y_factor": (-1.5, 0.2)}, r"Received: y_factor=\(-1.5, 0.2\)"),
        ({"x_factor": -0.5}, r"Received: x_factor=-0.5"),
        ({"y_factor": "a"}, r"Received: y_factor=a"),
        ({"fill_mode": "mirror"}, r"Unknown `fill_mode` mirror"),
        ({"interpolation": "cubic"}, r"Unknown `interpolation` cubic"),
    ],
)
def test_bad_arguments(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        RandomShear(**kwargs)
