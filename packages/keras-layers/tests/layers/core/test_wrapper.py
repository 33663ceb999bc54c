"""Wrapper: holds a layer, builds it, tracks its weights, nests its config."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers._core.dense import Dense
from keras.layers._core.wrapper import Wrapper
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object


class Twice(Wrapper):
    def call(self, x: Any) -> Any:
        return self.layer(self.layer(x))


def test_rejects_a_non_layer() -> None:
    with pytest.raises(ValueError, match="Layer 3 supplied to Wrapper isn't a supported layer type"):
        Wrapper(3)  # type: ignore[arg-type]


def test_builds_the_wrapped_layer_and_tracks_its_weights() -> None:
    wrapper = Twice(Dense(2, kernel_initializer="ones", bias_initializer="ones"))
    out = wrapper(np.ones((1, 2), dtype="float32"))
    # (1 + 1 + 1) = 3 per unit, then 3 + 3 + 1 = 7
    np.testing.assert_allclose(ops.convert_to_numpy(out), [[7.0, 7.0]])
    assert wrapper.layer.built
    assert [w.name for w in wrapper.weights] == ["kernel", "bias"]
    built = Wrapper(Dense(3))
    built.build((None, 4))
    assert built.layer.built and [tuple(w.shape) for w in built.weights] == [(4, 3), (3,)]


def test_config_nests_the_layer_and_round_trips() -> None:
    wrapper = Wrapper(Dense(2, name="inner"), name="wrapper")
    config = wrapper.get_config()
    assert set(config) == {"name", "trainable", "dtype", "layer"}
    assert config["layer"]["module"] == "keras.layers"
    assert config["layer"]["class_name"] == "Dense"
    assert config["layer"]["config"] == Dense(2, name="inner").get_config()
    restored = Wrapper.from_config(config, custom_objects={"Dense": Dense})
    assert isinstance(restored, Wrapper) and isinstance(restored.layer, Dense)
    assert restored.get_config() == config
    again = deserialize_keras_object(
        serialize_keras_object(wrapper), custom_objects={"Wrapper": Wrapper, "Dense": Dense}
    )
    assert again.get_config() == config
