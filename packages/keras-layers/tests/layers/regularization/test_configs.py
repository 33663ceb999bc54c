"""Regularization layers: get_config equal to Keras 3.15's (dicts copied from it), round trips."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers._layer import Layer
from keras.layers._regularization.activity_regularization import ActivityRegularization
from keras.layers._regularization.alpha_dropout import AlphaDropout
from keras.layers._regularization.dropout import Dropout
from keras.layers._regularization.gaussian import GaussianDropout, GaussianNoise
from keras.layers._regularization.spatial_dropout import SpatialDropout1D, SpatialDropout2D, SpatialDropout3D
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

CLASSES = {
    cls.__name__: cls
    for cls in (
        ActivityRegularization,
        AlphaDropout,
        Dropout,
        GaussianDropout,
        GaussianNoise,
        SpatialDropout1D,
        SpatialDropout2D,
        SpatialDropout3D,
    )
}
POLICY = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


@dataclass(frozen=True)
class Case:
    make: Callable[[], Layer]
    input_shape: tuple[int, ...]
    config: dict[str, Any]  # real Keras 3.15's get_config()
    id: str


CASES = [
    Case(
        lambda: Dropout(0.5, name="d"),
        (2, 3),
        {"name": "d", "trainable": True, "dtype": POLICY, "rate": 0.5, "seed": None, "noise_shape": None},
        id="dropout",
    ),
    Case(
        lambda: Dropout(0.2, noise_shape=[None, 1], seed=3, name="d2"),
        (2, 3),
        {"name": "d2", "trainable": True, "dtype": POLICY, "rate": 0.2, "seed": 3, "noise_shape": (None, 1)},
        id="dropout-noise-shape",
    ),
    # Keras writes no `trainable` for spatial dropout, and `dtype` as the variable dtype's name.
    Case(
        lambda: SpatialDropout1D(0.1, name="s1"),
        (2, 3, 4),
        {"rate": 0.1, "seed": None, "name": "s1", "dtype": "float32"},
        id="spatial-1d",
    ),
    Case(
        lambda: SpatialDropout2D(0.1, name="s2"),
        (2, 3, 4, 5),
        {"rate": 0.1, "seed": None, "name": "s2", "dtype": "float32", "data_format": "channels_last"},
        id="spatial-2d",
    ),
    Case(
        lambda: SpatialDropout3D(0.1, data_format="channels_first", seed=1, name="s3"),
        (2, 3, 4, 5, 6),
        {"rate": 0.1, "seed": 1, "name": "s3", "dtype": "float32", "data_format": "channels_first"},
        id="spatial-3d",
    ),
    Case(
        lambda: GaussianDropout(0.3, name="gd"),
        (2, 3),
        {"name": "gd", "trainable": True, "dtype": POLICY, "rate": 0.3, "seed": None},
        id="gaussian-dropout",
    ),
    Case(
        lambda: GaussianNoise(0.2, seed=2, name="gn"),
        (2, 3),
        {"name": "gn", "trainable": True, "dtype": POLICY, "stddev": 0.2, "seed": 2},
        id="gaussian-noise",
    ),
    Case(
        lambda: AlphaDropout(0.3, name="ad"),
        (2, 3),
        {"name": "ad", "trainable": True, "dtype": POLICY, "rate": 0.3, "seed": None, "noise_shape": None},
        id="alpha-dropout",
    ),
    Case(
        lambda: ActivityRegularization(l1=0.1, name="ar"),
        (2, 3),
        {"name": "ar", "trainable": True, "dtype": POLICY, "l1": 0.1, "l2": 0.0},
        id="activity-regularization",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_config_equals_keras_before_and_after_a_call(case: Case) -> None:
    layer = case.make()
    assert layer.get_config() == case.config
    layer(np.ones(case.input_shape, dtype="float32"), training=True)
    assert layer.get_config() == case.config
    assert layer.weights == [] and layer.get_build_config() is None


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_from_config_and_deserialize_rebuild_the_layer(case: Case) -> None:
    layer = case.make()
    restored = type(layer).from_config(layer.get_config())
    assert type(restored) is type(layer) and restored.get_config() == layer.get_config()
    serialized = serialize_keras_object(layer)
    assert serialized["module"] == "keras.layers" and serialized["class_name"] == type(layer).__name__
    again = deserialize_keras_object(serialized, custom_objects=CLASSES)
    assert type(again) is type(layer) and again.get_config() == layer.get_config()
    x = np.random.default_rng(0).standard_normal(case.input_shape).astype("float32")
    np.testing.assert_array_equal(ops.convert_to_numpy(again(x)), x)  # inference: identity


def test_a_seeded_layer_rebuilt_from_config_draws_the_same_noise() -> None:
    layer = Dropout(0.5, seed=11)
    restored = Dropout.from_config(layer.get_config())
    x = np.ones((4, 16), dtype="float32")
    np.testing.assert_array_equal(
        ops.convert_to_numpy(layer(x, training=True)), ops.convert_to_numpy(restored(x, training=True))
    )


def test_spatial_dropout_config_names_the_variable_dtype_under_mixed_precision() -> None:
    assert SpatialDropout1D(0.1, dtype="mixed_float16", name="s").get_config() == {
        "rate": 0.1, "seed": None, "name": "s", "dtype": "float32"
    }  # fmt: skip
