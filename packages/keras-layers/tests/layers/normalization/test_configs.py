"""Normalization layers: get_config equal to Keras 3.15's (dicts copied from it), round trips, saved weights."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers._core.dense import Dense
from keras.layers._layer import Layer
from keras.layers._normalization.batch_normalization import BatchNormalization
from keras.layers._normalization.group_normalization import GroupNormalization
from keras.layers._normalization.layer_normalization import LayerNormalization
from keras.layers._normalization.rms_normalization import RMSNormalization
from keras.layers._normalization.spectral_normalization import SpectralNormalization
from keras.layers._normalization.unit_normalization import UnitNormalization
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

RNG = np.random.default_rng(5)
CLASSES = {
    cls.__name__: cls
    for cls in (
        BatchNormalization,
        GroupNormalization,
        LayerNormalization,
        RMSNormalization,
        SpectralNormalization,
        UnitNormalization,
        Dense,
    )
}

POLICY = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}
ZEROS = {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "registered_name": None}
ONES = {"module": "keras.initializers", "class_name": "Ones", "config": {}, "registered_name": None}
NO_PENALTIES = {
    "beta_regularizer": None,
    "gamma_regularizer": None,
    "beta_constraint": None,
    "gamma_constraint": None,
}


@dataclass(frozen=True)
class Case:
    make: Callable[[], Layer]
    input_shape: tuple[int, ...]
    config: dict[str, Any]  # real Keras 3.15's get_config() after the first call
    paths: list[str]  # real Keras 3.15's [w.path for w in layer.weights]
    id: str


CASES = [
    Case(
        lambda: BatchNormalization(name="bn"),
        (2, 3),
        {
            "name": "bn", "trainable": True, "dtype": POLICY, "axis": -1, "momentum": 0.99, "epsilon": 0.001,
            "center": True, "scale": True, "beta_initializer": ZEROS, "gamma_initializer": ONES,
            "moving_mean_initializer": ZEROS, "moving_variance_initializer": ONES, **NO_PENALTIES,
            "synchronized": False, "renorm": False, "renorm_clipping": None, "renorm_momentum": 0.99,
        },
        ["bn/gamma", "bn/beta", "bn/moving_mean", "bn/moving_variance"],
        id="batch-norm-default",
    ),
    Case(
        lambda: BatchNormalization(
            axis=1, momentum=0.9, epsilon=1e-5, center=False, gamma_initializer="he_normal",
            gamma_regularizer="l2", gamma_constraint="non_neg", name="bn2",
        ),
        (2, 3, 4),
        {
            "name": "bn2", "trainable": True, "dtype": POLICY, "axis": 1, "momentum": 0.9, "epsilon": 1e-05,
            "center": False, "scale": True, "beta_initializer": ZEROS,
            "gamma_initializer": {
                "module": "keras.initializers", "class_name": "HeNormal",
                "config": {"seed": None, "input_axes": None, "output_axes": None}, "registered_name": None,
            },
            "moving_mean_initializer": ZEROS, "moving_variance_initializer": ONES, "beta_regularizer": None,
            "gamma_regularizer": {
                "module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.01}, "registered_name": None
            },
            "beta_constraint": None,
            "gamma_constraint": {
                "module": "keras.constraints", "class_name": "NonNeg", "config": {}, "registered_name": None
            },
            "synchronized": False, "renorm": False, "renorm_clipping": None, "renorm_momentum": 0.99,
        },
        ["bn2/gamma", "bn2/moving_mean", "bn2/moving_variance"],
        id="batch-norm-full",
    ),
    Case(
        lambda: BatchNormalization(
            renorm=True, renorm_clipping={"rmax": 3.0, "dmax": 1.0}, renorm_momentum=0.9, name="bn3"
        ),
        (2, 3),
        {
            "name": "bn3", "trainable": True, "dtype": POLICY, "axis": -1, "momentum": 0.99, "epsilon": 0.001,
            "center": True, "scale": True, "beta_initializer": ZEROS, "gamma_initializer": ONES,
            "moving_mean_initializer": ZEROS, "moving_variance_initializer": ONES, **NO_PENALTIES,
            "synchronized": False, "renorm": True, "renorm_clipping": {"rmax": 3.0, "dmax": 1.0},
            "renorm_momentum": 0.9,
        },
        [
            "bn3/gamma", "bn3/beta", "bn3/moving_mean", "bn3/moving_variance", "bn3/moving_stddev",
            "bn3/renorm_mean", "bn3/renorm_stddev",
        ],
        id="batch-norm-renorm",
    ),
    Case(
        lambda: LayerNormalization(name="ln"),
        (2, 3),
        {
            "name": "ln", "trainable": True, "dtype": POLICY, "axis": [-1], "epsilon": 0.001, "center": True,
            "scale": True, "rms_scaling": False, "beta_initializer": ZEROS, "gamma_initializer": ONES,
            **NO_PENALTIES,
        },
        ["ln/gamma", "ln/beta"],
        id="layer-norm-default",
    ),
    Case(
        lambda: LayerNormalization(axis=(2, 1), epsilon=1e-5, scale=False, beta_regularizer="l1", name="ln2"),
        (2, 3, 4),
        {
            "name": "ln2", "trainable": True, "dtype": POLICY, "axis": [1, 2], "epsilon": 1e-05, "center": True,
            "scale": False, "rms_scaling": False, "beta_initializer": ZEROS, "gamma_initializer": ONES,
            "beta_regularizer": {
                "module": "keras.regularizers", "class_name": "L1", "config": {"l1": 0.009999999776482582},
                "registered_name": None,
            },
            "gamma_regularizer": None, "beta_constraint": None, "gamma_constraint": None,
        },
        ["ln2/beta"],
        id="layer-norm-axes",
    ),
    Case(
        lambda: GroupNormalization(groups=2, axis=1, name="gn"),
        (2, 4, 3),
        {
            "name": "gn", "trainable": True, "dtype": POLICY, "groups": 2, "axis": 1, "epsilon": 0.001,
            "center": True, "scale": True, "beta_initializer": ZEROS, "gamma_initializer": ONES, **NO_PENALTIES,
        },
        ["gn/gamma", "gn/beta"],
        id="group-norm",
    ),
    Case(
        lambda: GroupNormalization(groups=-1, center=False, name="gn2"),
        (2, 3, 4),
        {
            "name": "gn2", "trainable": True, "dtype": POLICY, "groups": 4, "axis": -1, "epsilon": 0.001,
            "center": False, "scale": True, "beta_initializer": ZEROS, "gamma_initializer": ONES, **NO_PENALTIES,
        },
        ["gn2/gamma"],
        id="group-norm-instance",
    ),
    Case(
        lambda: UnitNormalization(axis=[1, 2], name="un"),
        (2, 3, 4),
        {"name": "un", "trainable": True, "dtype": POLICY, "axis": [1, 2]},
        [],
        id="unit-norm",
    ),
    Case(
        lambda: RMSNormalization(epsilon=1e-5, name="rms"),
        (2, 3, 4),
        {"name": "rms", "trainable": True, "dtype": POLICY, "axis": [-1], "epsilon": 1e-05},
        ["rms/scale"],
        id="rms-norm",
    ),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_config_and_weight_paths_equal_keras(case: Case) -> None:
    layer = case.make()
    layer(np.ones(case.input_shape, dtype="float32"))
    assert layer.get_config() == case.config
    assert [w.path for w in layer.weights] == case.paths


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_from_config_with_the_same_weights_gives_the_same_outputs(case: Case) -> None:
    layer = case.make()
    x = RNG.standard_normal(case.input_shape).astype("float32")
    layer.build(case.input_shape)
    weights = [RNG.uniform(0.5, 1.5, w.shape).astype("float32") for w in layer.weights]
    layer.set_weights(weights)
    restored = type(layer).from_config(layer.get_config())
    restored.build(case.input_shape)
    restored.set_weights(weights)
    for training in (False, True):
        np.testing.assert_allclose(
            ops.convert_to_numpy(restored(x, training=training)),
            ops.convert_to_numpy(layer(x, training=training)),
            rtol=1e-6,
            atol=1e-6,
        )
    assert restored.get_config() == layer.get_config()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_serialize_deserialize_round_trip(case: Case) -> None:
    layer = case.make()
    layer(np.ones(case.input_shape, dtype="float32"))
    serialized = serialize_keras_object(layer)
    assert serialized["module"] == "keras.layers" and serialized["class_name"] == type(layer).__name__
    restored = deserialize_keras_object(serialized, custom_objects=CLASSES)
    assert type(restored) is type(layer) and restored.get_config() == layer.get_config()
    assert [tuple(w.shape) for w in restored.weights] == [tuple(w.shape) for w in layer.weights]


def test_spectral_normalization_config_equals_keras() -> None:
    layer = SpectralNormalization(Dense(3, name="d"), power_iterations=2, name="sn")
    assert layer.get_config() == {
        "name": "sn", "trainable": True, "dtype": POLICY,
        "layer": {
            "module": "keras.layers", "class_name": "Dense",
            "config": {
                "name": "d", "trainable": True, "dtype": POLICY, "units": 3, "activation": "linear",
                "use_bias": True,
                "kernel_initializer": {
                    "module": "keras.initializers", "class_name": "GlorotUniform",
                    "config": {"seed": None, "input_axes": None, "output_axes": None}, "registered_name": None,
                },
                "bias_initializer": ZEROS, "kernel_regularizer": None, "bias_regularizer": None,
                "kernel_constraint": None, "bias_constraint": None, "quantization_config": None,
            },
            "registered_name": None,
        },
        "power_iterations": 2,
    }  # fmt: skip


def test_spectral_normalization_round_trip_keeps_the_wrapped_layer() -> None:
    layer = SpectralNormalization(Dense(3, name="d"), power_iterations=2, name="sn")
    x = RNG.standard_normal((2, 4)).astype("float32")
    layer.build((None, 4))
    restored = deserialize_keras_object(serialize_keras_object(layer), custom_objects=CLASSES)
    assert isinstance(restored, SpectralNormalization) and isinstance(restored.layer, Dense)
    assert restored.power_iterations == 2 and restored.built  # built from the saved build config
    restored.set_weights(layer.get_weights())
    np.testing.assert_allclose(
        ops.convert_to_numpy(restored(x, training=True)),
        ops.convert_to_numpy(layer(x, training=True)),
        rtol=1e-6,
    )
