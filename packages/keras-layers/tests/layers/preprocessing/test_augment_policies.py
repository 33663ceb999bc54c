"""`RandAugment` and `AugMix`: degenerate settings as identities, operations and
sublayer generators as in Keras 3.15, random properties, data formats, symbolic calls,
jit, configs equal to Keras 3.15's."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.backend._scopes import StatelessScope
from keras.layers import Input
from keras.layers._preprocessing.augment_policies import AugMix, RandAugment

DTYPE = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
BASE = {"trainable": True, "dtype": DTYPE, "data_format": "channels_last"}
IMAGES = np.random.default_rng(4).uniform(0, 255, size=(3, 8, 9, 3)).astype("float32")

LAYERS = [
    (RandAugment, {}),
    (RandAugment, {"num_ops": 3, "factor": (0.2, 0.8), "interpolation": "nearest"}),
    (AugMix, {}),
    (AugMix, {"num_chains": 2, "chain_depth": 2, "all_ops": False, "alpha": 0.5}),
]
IDS = [f"{cls.__name__}-{kwargs}" for cls, kwargs in LAYERS]


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_random_properties(cls: Any, kwargs: dict[str, Any]) -> None:
    np.testing.assert_array_equal(as_np(cls(seed=1, **kwargs)(IMAGES, training=False)), IMAGES)
    outputs = [as_np(cls(seed=s, **kwargs)(IMAGES)) for s in (7, 7, 8, 9)]
    np.testing.assert_array_equal(outputs[0], outputs[1])
    for out in outputs:
        assert out.shape == IMAGES.shape and out.dtype == np.float32
        assert out.min() >= -1e-3 and out.max() <= 255.0 + 1e-3
    assert any(not np.allclose(out, IMAGES) for out in outputs)
    assert as_np(cls(seed=7, **kwargs)(IMAGES[0])).shape == IMAGES.shape[1:]
    symbolic = cls(seed=1, **kwargs)(Input(shape=(8, 9, 3)))
    assert symbolic.shape == (None, 8, 9, 3) and symbolic.dtype == "float32"


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_channels_first_matches_channels_last(cls: Any, kwargs: dict[str, Any]) -> None:
    last = as_np(cls(seed=3, **kwargs)(IMAGES))
    first = as_np(cls(seed=3, data_format="channels_first", **kwargs)(IMAGES.transpose(0, 3, 1, 2)))
    np.testing.assert_allclose(first.transpose(0, 2, 3, 1), last, rtol=1e-4, atol=1e-2)


@pytest.mark.skipif(backend() != "jax", reason="jax.jit check")
@pytest.mark.parametrize(("cls", "kwargs"), LAYERS[1::2], ids=IDS[1::2])  # the smaller policies: compile time
def test_runs_inside_jax_jit(cls: Any, kwargs: dict[str, Any]) -> None:
    import jax

    layer, eager_layer = cls(seed=5, **kwargs), cls(seed=5, **kwargs)
    layer(IMAGES)
    eager_layer(IMAGES)
    state = [v.value for v in layer.non_trainable_variables]

    def step(state: Any, images: Any) -> Any:
        with StatelessScope(state_mapping=list(zip(layer.non_trainable_variables, state, strict=True))):
            return layer(images)

    np.testing.assert_allclose(as_np(jax.jit(step)(state, IMAGES)), as_np(eager_layer(IMAGES)), atol=1e-2)


def test_degenerate_settings_are_identities() -> None:
    np.testing.assert_array_equal(as_np(RandAugment(num_ops=0, seed=1)(IMAGES)), IMAGES)
    # Without chain steps every chain is the input, and the mix weights sum to 1.
    out = as_np(AugMix(chain_depth=0, num_chains=4, seed=2)(IMAGES))
    np.testing.assert_allclose(out, IMAGES, rtol=1e-5, atol=1e-3)


def test_rand_augment_applies_one_listed_operation() -> None:
    """With `num_ops=1` and a zero magnitude, the output is one of the operations' outputs."""
    layer = RandAugment(num_ops=1, factor=(0.0, 0.0), interpolation="nearest", seed=6)
    names = [type(op).__name__ for op in layer.operations]
    assert names == [
        "RandomShear",
        "RandomTranslation",
        "RandomRotation",
        "RandomBrightness",
        "RandomColorDegeneration",
        "RandomContrast",
        "RandomSharpness",
        "RandomPosterization",
        "Solarization",
        "AutoContrast",
        "Equalization",
    ]
    candidates = [as_np(op._augment(ops.convert_to_tensor(IMAGES))) for op in layer.operations]
    for _ in range(4):
        out = as_np(layer(IMAGES))
        assert any(np.allclose(out, c, atol=1e-3) for c in candidates)


def test_sublayer_generators_match_keras() -> None:
    assert len(RandAugment().non_trainable_variables) == 10
    assert len(AugMix().non_trainable_variables) == 10
    assert len(AugMix(all_ops=False).non_trainable_variables) == 6


CONFIGS = [
    (
        RandAugment(name="rand_augment"),
        {
            "value_range": (0, 255),
            "num_ops": 2,
            "factor": (0, 0.5),
            "interpolation": "bilinear",
            "seed": None,
        },
    ),
    (
        AugMix(name="aug_mix"),
        {
            "value_range": (0, 255),
            "num_chains": 3,
            "chain_depth": 3,
            "factor": (0, 0.3),
            "alpha": 1.0,
            "all_ops": True,
            "interpolation": "bilinear",
            "seed": None,
        },
    ),
]


@pytest.mark.parametrize(("layer", "expected"), CONFIGS, ids=["RandAugment", "AugMix"])
def test_config_matches_keras_and_round_trips(layer: Any, expected: dict[str, Any]) -> None:
    config = layer.get_config()
    assert config == {"name": layer.name, **BASE, **expected}
    assert type(layer).from_config(config).get_config() == config


@pytest.mark.parametrize(
    ("cls", "kwargs", "match"),
    [
        (RandAugment, {"factor": 1.5}, r"in the range \[0, 1\]. Received: factor=1.5"),
        (AugMix, {"value_range": 5}, r"list of two numbers. Received: value_range=5"),
        (AugMix, {"interpolation": "cubic"}, r"Unknown `interpolation` cubic"),
    ],
)
def test_bad_arguments(cls: Any, kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        cls(**kwargs)
