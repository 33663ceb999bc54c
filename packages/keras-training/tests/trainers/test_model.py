"""Model in its three styles: structure, config round trips, calls, summary."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import layers, ops
from keras.trainers import Functional, Model, Sequential

rng = np.random.default_rng(7)
x3 = rng.normal(size=(5, 3)).astype("float32")
x2 = rng.normal(size=(5, 2)).astype("float32")


def to_numpy(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


def two_input_model() -> Model:
    a = layers.Input((3,), name="a")
    b = layers.Input((2,), name="b")
    hidden = layers.Dense(4, activation="relu", name="hidden")(a)
    merged = layers.Concatenate(name="merge")([hidden, b])
    out = layers.Dense(1, name="out")(merged)
    return Model([a, b], out, name="two_inputs")


def test_model_with_inputs_and_outputs_is_functional() -> None:
    model = two_input_model()
    assert isinstance(model, Functional) and isinstance(model, Model)
    assert [layer.name for layer in model.layers] == ["a", "hidden", "b", "merge", "out"]
    assert model.output_shape == (None, 1)
    assert model.get_layer("hidden") is model.layers[1]
    assert model.get_layer(index=4).name == "out"
    with pytest.raises(ValueError, match=r"No such layer: nope"):
        model.get_layer("nope")


def test_functional_call_matches_the_layers_applied_by_hand() -> None:
    model = two_input_model()
    got = to_numpy(model([x3, x2]))
    hidden = model.get_layer("hidden")
    out = model.get_layer("out")
    h = np.maximum(x3 @ to_numpy(hidden.kernel) + to_numpy(hidden.bias), 0)
    want = np.concatenate([h, x2], axis=-1) @ to_numpy(out.kernel) + to_numpy(out.bias)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    # a dict keyed by input names works too
    np.testing.assert_allclose(to_numpy(model({"a": x3, "b": x2})), want, rtol=1e-5, atol=1e-6)


def test_functional_config_round_trip_rebuilds_the_same_graph() -> None:
    model = two_input_model()
    config = model.get_config()
    assert config["input_layers"] == [["a", 0, 0], ["b", 0, 0]]
    assert config["output_layers"] == ["out", 0, 0]
    merge = next(entry for entry in config["layers"] if entry["name"] == "merge")
    args = merge["inbound_nodes"][0]["args"][0]
    assert [a["config"]["keras_history"] for a in args] == [["hidden", 0, 0], ["b", 0, 0]]
    clone = Model.from_config(config)
    assert isinstance(clone, Functional)
    clone.set_weights(model.get_weights())
    np.testing.assert_allclose(to_numpy(clone([x3, x2])), to_numpy(model([x3, x2])), rtol=1e-6)


def test_functional_input_count_error() -> None:
    with pytest.raises(ValueError, match=r"expects 2 input\(s\), but it received 1"):
        two_input_model()(x3)


def test_sequential_add_pop_and_deferred_build() -> None:
    model = Sequential(name="seq")
    model.add(layers.Dense(4, name="d1"))
    model.add(layers.Dense(2, name="d2"))
    assert not model.built
    out = model(x3)
    assert to_numpy(out).shape == (5, 2)
    assert [layer.name for layer in model.layers] == ["d1", "d2"]
    popped = model.pop()
    assert popped.name == "d2" and [layer.name for layer in model.layers] == ["d1"]
    with pytest.raises(ValueError, match=r"unique names"):
        model.add(layers.Dense(3, name="d1"))


def test_sequential_with_input_builds_at_once_and_round_trips() -> None:
    model = Sequential([layers.Input((3,)), layers.Dense(4, name="d1"), layers.Dense(2, name="d2")], name="s")
    assert model.built and model.output_shape == (None, 2)
    config = model.get_config()
    assert [entry["class_name"] for entry in config["layers"]] == ["InputLayer", "Dense", "Dense"]
    assert config["build_input_shape"] == [None, 3]
    clone = Sequential.from_config(config)
    clone.set_weights(model.get_weights())
    np.testing.assert_allclose(to_numpy(clone(x3)), to_numpy(model(x3)), rtol=1e-6)


class TwoDense(Model):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.first = layers.Dense(4)
        self.second = layers.Dense(1)

    def call(self, inputs: Any) -> Any:
        return self.second(self.first(inputs))


def test_subclassed_model_tracks_its_layers_and_builds_from_a_shape() -> None:
    model = TwoDense()
    model.build((None, 3))
    assert model.built
    assert [tuple(w.shape) for w in model.weights] == [(3, 4), (4,), (4, 1), (1,)]
    assert len(model.layers) == 2
    assert model.count_params() == 3 * 4 + 4 + 4 + 1


def test_summary_matches_keras_layout(capsys: pytest.CaptureFixture[str]) -> None:
    model = Sequential([layers.Input((3,)), layers.Dense(2, name="dense_a")], name="tiny")
    model.summary()
    text = capsys.readouterr().out
    assert text.splitlines()[:5] == [
        'Model: "tiny"',
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
        "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
        "│ dense_a (Dense)                 │ (None, 2)              │             8 │",
    ]
    assert " Total params: 8 (32.00 B)" in text
    assert " Non-trainable params: 0 (0.00 B)" in text


def test_summary_expand_nested_lists_inner_layers(capsys: pytest.CaptureFixture[str]) -> None:
    inner = Sequential([layers.Input((3,)), layers.Dense(2, name="inner_dense")], name="inner")
    outer = Sequential([layers.Input((3,)), inner, layers.Dense(1, name="head")], name="outer")
    outer.summary(expand_nested=True)
    text = capsys.readouterr().out
    assert "│ inner (Sequential)" in text
    assert "│   inner_dense (Dense)" in text
    outer.summary()
    assert "inner_dense" not in capsys.readouterr().out
