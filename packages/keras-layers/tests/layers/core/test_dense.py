"""Dense: outputs against numpy, shapes, weights, masks, config (as Keras 3.15 writes it), errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend._masking import get_keras_mask, set_keras_mask
from keras.layers import Input
from keras.layers._core.dense import Dense
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

RNG = np.random.default_rng(0)
FLOAT32_POLICY = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


def relu(x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    return np.maximum(x, 0.0)


def identity(x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    return x


@dataclass(frozen=True)
class Case:
    input_shape: tuple[int, ...]
    units: int
    kwargs: dict[str, Any] = field(default_factory=dict)
    activation: Any = identity
    id: str = ""


CASES = [
    Case((2, 3), 4, id="rank2"),
    Case((2, 5, 3), 2, id="rank3"),
    Case((2, 2, 2, 3), 1, id="rank4"),
    Case((3, 4), 2, {"activation": "relu"}, relu, id="relu"),
    Case((3, 4), 5, {"use_bias": False}, id="no-bias"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_matches_numpy(case: Case) -> None:
    layer = Dense(case.units, **case.kwargs)
    x = RNG.standard_normal(case.input_shape).astype("float32")
    layer.build(case.input_shape)
    kernel = RNG.standard_normal((case.input_shape[-1], case.units)).astype("float32")
    weights = [kernel]
    expected = x @ kernel
    if layer.use_bias:
        bias = RNG.standard_normal((case.units,)).astype("float32")
        weights.append(bias)
        expected = expected + bias
    layer.set_weights(weights)
    out = layer(x)
    np.testing.assert_allclose(ops.convert_to_numpy(out), case.activation(expected), rtol=1e-5, atol=1e-5)
    assert tuple(out.shape) == layer.compute_output_shape(case.input_shape)


def test_weights_are_named_and_ordered_as_keras() -> None:
    layer = Dense(3, name="d")
    layer(np.ones((2, 4), dtype="float32"))
    assert [w.path for w in layer.weights] == ["d/kernel", "d/bias"]
    assert [tuple(w.shape) for w in layer.weights] == [(4, 3), (3,)]
    no_bias = Dense(3, use_bias=False)
    no_bias(np.ones((2, 4), dtype="float32"))
    assert [w.name for w in no_bias.weights] == ["kernel"] and no_bias.bias is None


def test_symbolic_shape_matches_eager() -> None:
    layer = Dense(6)
    symbolic = layer(Input(shape=(5, 4)))
    assert tuple(symbolic.shape) == (None, 5, 6)
    assert symbolic.dtype == "float32"
    assert tuple(layer(np.ones((2, 5, 4), dtype="float32")).shape) == (2, 5, 6)
    assert layer.compute_output_shape((None, 7, 4)) == (None, 7, 6)


def test_mask_passes_through() -> None:
    x = ops.convert_to_tensor(np.ones((1, 3, 2), dtype="float32"))
    mask = ops.convert_to_tensor(np.array([[True, False, True]]))
    set_keras_mask(x, mask)
    out = Dense(4)(x)
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(out)), [[True, False, True]])


def test_kernel_regularizer_adds_a_loss() -> None:
    layer = Dense(2, kernel_regularizer="l2", bias_initializer="ones", bias_regularizer="l1")
    layer.build((None, 3))
    kernel = np.arange(6, dtype="float32").reshape(3, 2)
    layer.set_weights([kernel, np.ones(2, dtype="float32")])
    losses = [float(ops.convert_to_numpy(loss)) for loss in layer.losses]
    np.testing.assert_allclose(losses, [0.01 * np.sum(kernel**2), 0.01 * 2.0], rtol=1e-6)


def test_mixed_precision_computes_in_float16_with_float32_weights() -> None:
    layer = Dense(2, dtype="mixed_float16")
    out = layer(np.ones((1, 3), dtype="float32"))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert layer.kernel.dtype == "float32"


def test_get_config_equals_keras() -> None:
    layer = Dense(3, name="dense")
    assert layer.get_config() == {
        "name": "dense",
        "trainable": True,
        "dtype": FLOAT32_POLICY,
        "units": 3,
        "activation": "linear",
        "use_bias": True,
        "kernel_initializer": {
            "module": "keras.initializers",
            "class_name": "GlorotUniform",
            "config": {"seed": None, "input_axes": None, "output_axes": None},
            "registered_name": None,
        },
        "bias_initializer": {
            "module": "keras.initializers",
            "class_name": "Zeros",
            "config": {},
            "registered_name": None,
        },
        "kernel_regularizer": None,
        "bias_regularizer": None,
        "kernel_constraint": None,
        "bias_constraint": None,
        "quantization_config": None,
    }


def test_get_config_with_options_equals_keras() -> None:
    config = Dense(
        3, activation="relu", use_bias=False, kernel_regularizer="l2", activity_regularizer="l2"
    ).get_config()
    assert config["activation"] == "relu"
    assert config["use_bias"] is False
    l2 = {"module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.01}, "registered_name": None}
    assert config["kernel_regularizer"] == l2
    assert config["activity_regularizer"] == l2
    assert "lora_rank" not in config


def test_config_round_trip_gives_the_same_outputs() -> None:
    layer = Dense(3, activation="tanh", kernel_regularizer="l1")
    x = RNG.standard_normal((2, 4)).astype("float32")
    expected = ops.convert_to_numpy(layer(x))
    clone = Dense.from_config(layer.get_config())
    assert clone.get_config() == layer.get_config()
    clone.build((None, 4))
    clone.set_weights(layer.get_weights())
    np.testing.assert_allclose(ops.convert_to_numpy(clone(x)), expected, rtol=1e-6)
    restored = deserialize_keras_object(serialize_keras_object(layer), custom_objects={"Dense": Dense})
    assert isinstance(restored, Dense)
    assert restored.get_config() == layer.get_config()
    assert restored.built and [tuple(w.shape) for w in restored.weights] == [(4, 3), (3,)]


@pytest.mark.parametrize("units", [0, -2, 3.0, "3", None])
def test_rejects_bad_units(units: Any) -> None:
    with pytest.raises(ValueError, match=rf"expected a positive integer. Received: units={units}"):
        Dense(units)


def test_rejects_inputs_of_rank_1() -> None:
    with pytest.raises(
        ValueError,
        match=r'layer "dense_r1" is incompatible with the layer: expected min_ndim=2, found ndim=1',
    ):
        Dense(2, name="dense_r1")(np.ones((3,), dtype="float32"))


def test_rejects_a_changed_last_dimension() -> None:
    layer = Dense(2, name="dense_axis")
    layer(np.ones((1, 4), dtype="float32"))
    with pytest.raises(
        ValueError,
        match=r"expected axis -1 of input shape to have value 4, but received input with shape \(1, 5\)",
    ):
        layer(np.ones((1, 5), dtype="float32"))


def test_quantization_arguments_default_to_none() -> None:
    # LoRA and quantization themselves are tested in test_lora.py and test_quantize.py.
    assert (
        Dense(2, lora_rank=None, lora_alpha=None, quantization_config=None).get_config()[
            "quantization_config"
        ]
        is None
    )


def test_stateless_call_uses_the_given_weights() -> None:
    layer = Dense(2)
    x = np.array([[1.0, 2.0]], dtype="float32")
    layer.build((None, 2))
    before = layer.get_weights()
    kernel = np.array([[1.0, 0.0], [0.0, 1.0]], dtype="float32")
    bias = np.array([10.0, 20.0], dtype="float32")
    out, non_trainable = layer.stateless_call([kernel, bias], [], x)
    np.testing.assert_allclose(ops.convert_to_numpy(out), [[11.0, 22.0]])
    assert non_trainable == []
    for old, now in zip(before, layer.get_weights(), strict=True):
        np.testing.assert_array_equal(old, now)
