"""RandomPerspective and RandomElasticTransform: identities (inference, factor 0,
scale 0), per-image application, value ranges, seeded determinism, data formats,
shapes, configs equal to Keras 3.15's and argument errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import backend, ops
from keras.layers import Input
from keras.layers._preprocessing.perspective_elastic import RandomElasticTransform, RandomPerspective

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
IMAGES = np.random.default_rng(0).uniform(0, 255, size=(4, 12, 10, 3)).astype("float32")
LAYERS = [(RandomPerspective, {"scale": 0.6}), (RandomElasticTransform, {"scale": 1.0})]
IDS = ["perspective", "elastic"]


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_identities(cls: Any, kwargs: dict[str, Any]) -> None:
    np.testing.assert_array_equal(as_np(cls(seed=1, **kwargs)(IMAGES, training=False)), IMAGES)
    np.testing.assert_allclose(as_np(cls(factor=0.0, seed=1, **kwargs)(IMAGES)), IMAGES, atol=1e-6)
    np.testing.assert_allclose(as_np(cls(**{**kwargs, "scale": 0.0}, seed=1)(IMAGES)), IMAGES, atol=1e-4)


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_seeded_per_image_in_range_and_shapes(cls: Any, kwargs: dict[str, Any]) -> None:
    first = as_np(cls(factor=(1.0, 1.0), seed=7, **kwargs)(IMAGES))
    second = as_np(cls(factor=(1.0, 1.0), seed=7, **kwargs)(IMAGES))
    np.testing.assert_array_equal(first, second)
    assert first.shape == IMAGES.shape and first.dtype == np.float32
    assert first.min() >= -1e-3 and first.max() <= 255.0 + 1e-3
    for got, image in zip(first, IMAGES, strict=True):
        assert not np.allclose(got, image, atol=1e-3)  # factor 1: every image is warped
    # The same image repeated over the batch gets a different warp per sample.
    same = as_np(cls(factor=(1.0, 1.0), seed=3, **kwargs)(np.repeat(IMAGES[:1], 4, axis=0)))
    assert not np.allclose(same[0], same[1], atol=1e-3)
    assert as_np(cls(seed=7, **kwargs)(IMAGES[0])).shape == IMAGES.shape[1:]
    assert cls(seed=1, **kwargs)(Input((12, 10, 3))).shape == (None, 12, 10, 3)


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_channels_first_is_the_same_warp(cls: Any, kwargs: dict[str, Any]) -> None:
    last = as_np(cls(seed=11, **kwargs)(IMAGES))
    first = as_np(cls(seed=11, data_format="channels_first", **kwargs)(np.transpose(IMAGES, (0, 3, 1, 2))))
    np.testing.assert_allclose(np.transpose(first, (0, 2, 3, 1)), last, rtol=1e-5, atol=1e-3)


def test_perspective_fills_outside_and_keeps_a_constant_image() -> None:
    ones = np.ones((4, 12, 10, 1), dtype="float32")
    out = as_np(RandomPerspective(factor=(1.0, 1.0), scale=1.0, fill_value=0.5, seed=2)(ones))
    assert np.any(np.isclose(out, 0.5))  # corners moved inward read the fill value
    assert np.any(np.isclose(out, 1.0))  # the inside of the image stays the image
    assert out.min() >= 0.5 - 1e-5 and out.max() <= 1.0 + 1e-5


@pytest.mark.parametrize("fill_mode", ["reflect", "mirror", "nearest", "wrap"])
def test_elastic_keeps_a_constant_image_and_clips(fill_mode: str) -> None:
    constant = np.full((2, 12, 10, 2), 7.0, dtype="float32")
    layer = RandomElasticTransform(fill_mode=fill_mode, seed=4)
    np.testing.assert_allclose(as_np(layer(constant)), constant, atol=1e-4)
    clipped = as_np(RandomElasticTransform(value_range=(0, 100), seed=4)(IMAGES))
    assert clipped.min() >= 0.0 and clipped.max() <= 100.0


@pytest.mark.skipif(backend.backend() != "jax", reason="jax.jit check")
def test_elastic_and_perspective_trace_under_jax_jit() -> None:
    import jax

    from keras.backend._scopes import StatelessScope

    for layer in (RandomElasticTransform(seed=1), RandomPerspective(seed=1)):
        layer.build(IMAGES.shape)
        state = (
            [(v, v.value) for v in layer.generator.variables] if hasattr(layer.generator, "variables") else []
        )

        def run(x: Any, layer: Any = layer, state: Any = state) -> Any:
            with StatelessScope(state_mapping=state):
                return layer(x)

        out = np.asarray(jax.jit(run)(IMAGES))
        assert out.shape == IMAGES.shape and not np.allclose(out, IMAGES)


@pytest.mark.parametrize(
    ("layer", "expected"),
    [
        (
            RandomPerspective(name="random_perspective"),
            {"factor": (0, 1.0), "scale": 1.0, "interpolation": "bilinear", "fill_value": 0.0, "seed": None},
        ),
        (
            RandomElasticTransform(name="random_elastic_transform"),
            {
                "factor": (0, 1.0),
                "scale": (0, 1.0),
                "interpolation": "bilinear",
                "fill_mode": "reflect",
                "fill_value": 0.0,
                "value_range": (0, 255),
                "seed": None,
            },
        ),
        (
            RandomElasticTransform((0.2, 0.4), 0.5, "nearest", "constant", 3.0, (0, 1), 5, name="e"),
            {
                "factor": (0.2, 0.4),
                "scale": (0, 0.5),
                "interpolation": "nearest",
                "fill_mode": "constant",
                "fill_value": 3.0,
                "value_range": (0, 1),
                "seed": 5,
            },
        ),
    ],
)
def test_configs_match_keras_and_round_trip(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {
        "name": layer.name,
        "trainable": True,
        "dtype": DTYPE,
        "data_format": "channels_last",
        **expected,
    }
    assert type(layer).from_config(config).get_config() == config


@pytest.mark.parametrize(
    ("cls", "kwargs", "message"),
    [
        (
            RandomPerspective,
            {"scale": 2.0},
            r"The `scale` argument should be a number in the range \[0,1\]. Received: scale=2.0",
        ),
        (RandomPerspective, {"factor": 1.5}, r"in the range \[0, 1\]. Received: factor=1.5"),
        (RandomPerspective, {"interpolation": "cubic"}, "Unknown `interpolation` cubic"),
        (RandomElasticTransform, {"scale": 2.0}, r"The `scale` argument .* Received: scale=2.0"),
        (RandomElasticTransform, {"factor": -0.5}, "Received: factor=-0.5"),
        (RandomElasticTransform, {"fill_mode": "x"}, "Unknown `fill_mode` x"),
    ],
)
def test_bad_arguments(cls: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        cls(**kwargs)
