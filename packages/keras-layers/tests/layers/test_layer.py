"""Layer: building, tracking, training/mask propagation, symbolic calls, losses, state."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.backend._masking import get_keras_mask
from keras.layers import Input, InputLayer, InputSpec, Layer
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._keras_tensor import KerasTensor

needs_training = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")


class Scale(Layer):
    """y = x * w + b, with w of the input's last dimension."""

    def __init__(self, offset: float = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.offset = offset

    def build(self, input_shape: Any) -> None:
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="w")
        self.count = self.add_weight(shape=(), initializer="zeros", trainable=False, name="count")

    def call(self, x: Any) -> Any:
        return x * self.w + self.offset

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "offset": self.offset}


class Block(Layer):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.inner = [Scale(1.0), Scale(2.0)]
        self.named = {"last": Scale(0.5)}

    def call(self, x: Any) -> Any:
        for layer in self.inner:
            x = layer(x)
        return self.named["last"](x)


class TrainingFlag(Layer):
    def call(self, x: Any, training: bool | None = None) -> Any:
        return x * (2.0 if training else 1.0)


class Outer(Layer):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.flag = TrainingFlag()

    def call(self, x: Any) -> Any:
        return self.flag(x)


x23 = np.arange(6, dtype="float32").reshape(2, 3)


def test_build_runs_on_first_call_with_the_input_shape() -> None:
    layer = Scale(offset=1.0)
    assert not layer.built and layer.weights == []
    out = layer(x23)
    assert layer.built
    assert [tuple(w.shape) for w in layer.weights] == [(3,), ()]
    np.testing.assert_allclose(ops.convert_to_numpy(out), x23 + 1.0)
    assert [w.name for w in layer.trainable_weights] == ["w"]
    assert [w.name for w in layer.non_trainable_weights] == ["count"]
    assert layer.get_build_config() == {"input_shape": [2, 3]}


def test_sublayers_in_lists_and_dicts_are_tracked_in_order() -> None:
    block = Block()
    out = block(x23)
    np.testing.assert_allclose(ops.convert_to_numpy(out), x23 + 3.5)
    assert [type(layer).__name__ for layer in block._layers] == ["Scale", "Scale", "Scale"]
    assert len(block.weights) == 6
    assert len(block.trainable_weights) == 3
    assert block.count_params() == 3 * 4


def test_trainable_false_is_recursive() -> None:
    block = Block()
    block(x23)
    block.trainable = False
    assert block.trainable_weights == []
    assert len(block.non_trainable_weights) == 6
    assert all(not layer.trainable for layer in block._layers)
    block.inner[0].trainable = True
    assert len(block.trainable_weights) == 0  # the outer layer is still frozen


def test_training_propagates_from_the_outer_call() -> None:
    outer = Outer()
    np.testing.assert_allclose(ops.convert_to_numpy(outer(x23, training=True)), 2 * x23)
    np.testing.assert_allclose(ops.convert_to_numpy(outer(x23, training=False)), x23)
    np.testing.assert_allclose(ops.convert_to_numpy(outer(x23)), x23)
    # an explicit value on the inner call wins
    np.testing.assert_allclose(ops.convert_to_numpy(outer.flag(x23, training=True)), 2 * x23)


class MakeMask(Layer):
    def call(self, x: Any) -> Any:
        return x

    def compute_mask(self, inputs: Any, previous_mask: Any) -> Any:
        return ops.not_equal(inputs, 0)


class ReadMask(Layer):
    supports_masking = True

    def call(self, x: Any, mask: Any = None) -> Any:
        return x if mask is None else ops.where(mask, x, -1.0)


def test_masks_flow_from_compute_mask_to_the_next_layer() -> None:
    x = np.array([[0.0, 1.0, 2.0]], dtype="float32")
    masked = MakeMask()(x)
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(masked)), [[False, True, True]])
    out = ReadMask()(masked)
    np.testing.assert_allclose(ops.convert_to_numpy(out), [[-1.0, 1.0, 2.0]])
    # ReadMask supports masking: its output keeps the mask
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(out)), [[False, True, True]])


def test_symbolic_call_records_a_node_and_infers_the_shape() -> None:
    inputs = Input(shape=(3,))
    layer = Scale()
    outputs = layer(inputs)
    assert isinstance(outputs, KerasTensor)
    assert outputs.shape == (None, 3) and outputs.dtype == "float32"
    assert outputs._keras_history.operation is layer
    assert layer._inbound_nodes[0].input_tensors == [inputs]
    assert layer.get_build_config() == {"input_shape": [None, 3]}


class Identity(Layer):
    def call(self, x: Any) -> Any:
        return x


def test_symbolic_identity_does_not_rewrite_the_input_history() -> None:
    inputs = Input(shape=(2,))
    out = Identity()(inputs)
    assert out is not inputs
    assert isinstance(inputs._keras_history.operation, InputLayer)


def test_compute_output_shape_by_tracing_call() -> None:
    assert Scale().compute_output_shape((None, 4)) == (None, 4)


class WithLoss(Layer):
    def call(self, x: Any) -> Any:
        self.add_loss(ops.sum(x))
        return x


def test_losses_are_reset_on_each_outer_call() -> None:
    layer = WithLoss()
    layer(x23)
    layer(x23)
    assert len(layer.losses) == 1
    np.testing.assert_allclose(ops.convert_to_numpy(layer.losses[0]), 15.0)


def test_weight_regularizer_and_activity_regularizer_losses() -> None:
    class Reg(Layer):
        def build(self, input_shape: Any) -> None:
            self.w = self.add_weight(shape=(2,), initializer="ones", regularizer="l2")

        def call(self, x: Any) -> Any:
            return x * self.w

    layer = Reg(activity_regularizer="l1")
    layer(np.array([[1.0, -2.0], [3.0, 4.0]], dtype="float32"))
    values = sorted(float(ops.convert_to_numpy(v)) for v in layer.losses)
    # l2(w) = 0.01 * 2; l1(outputs) / batch = 0.01 * 10 / 2
    np.testing.assert_allclose(values, [0.02, 0.05], rtol=1e-6)


def test_config_round_trip_and_serialized_format() -> None:
    layer = Scale(offset=2.5, name="scale_layer", trainable=False)
    config = layer.get_config()
    assert config["offset"] == 2.5 and config["name"] == "scale_layer" and config["trainable"] is False
    clone = Scale.from_config(config)
    assert clone.offset == 2.5 and clone.name == "scale_layer" and not clone.trainable


def test_auto_config_from_constructor_arguments() -> None:
    class Auto(Layer):
        def __init__(self, units: int, flag: bool = True, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.units = units

        def call(self, x: Any) -> Any:
            return x

    config = Auto(4, flag=False, name="auto").get_config()
    assert config["units"] == 4 and config["flag"] is False and config["name"] == "auto"
    assert Auto.from_config(config).units == 4


def test_set_weights_checks_everything_before_changing_anything() -> None:
    layer = Scale()
    layer(x23)
    before = layer.get_weights()
    with pytest.raises(ValueError, match=r"weight list of length 1, but the layer was expecting 2 weights"):
        layer.set_weights([np.zeros(3)])
    with pytest.raises(
        ValueError, match=r"weight shape \(\) is not compatible with provided weight shape \(2,\)"
    ):
        layer.set_weights([np.full(3, 7.0), np.zeros(2)])
    for got, want in zip(layer.get_weights(), before, strict=True):
        np.testing.assert_array_equal(got, want)
    layer.set_weights([np.full(3, 7.0), np.array(1.0)])
    np.testing.assert_array_equal(layer.get_weights()[0], np.full(3, 7.0))


def test_count_params_needs_a_built_layer() -> None:
    with pytest.raises(ValueError, match="isn't built"):
        Scale().count_params()


def test_input_spec_errors_name_the_layer_and_the_expectation() -> None:
    class Rank2(Layer):
        def __init__(self) -> None:
            super().__init__(name="rank2")
            self.input_spec = InputSpec(ndim=2, axes={-1: 3})

        def call(self, x: Any) -> Any:
            return x

    with pytest.raises(
        ValueError, match=r'layer "rank2" is incompatible with the layer: expected ndim=2, found ndim=1'
    ):
        Rank2()(np.zeros(3, dtype="float32"))
    with pytest.raises(ValueError, match=r"expected axis -1 of input shape to have value 3"):
        Rank2()(np.zeros((2, 4), dtype="float32"))


def test_unknown_constructor_argument_is_refused() -> None:
    with pytest.raises(ValueError, match=r"Unrecognized keyword arguments passed to Scale: \{'unitz': 3\}"):
        Scale(unitz=3)


class Counter(Layer):
    def build(self, input_shape: Any) -> None:
        self.w = self.add_weight(shape=(), initializer="ones")
        self.calls = self.add_weight(shape=(), initializer="zeros", trainable=False)

    def call(self, x: Any) -> Any:
        self.calls.assign_add(1.0)
        return x * self.w


def test_stateless_call_uses_given_values_and_returns_new_state() -> None:
    layer = Counter()
    layer(x23)
    outputs, non_trainable = layer.stateless_call(
        [np.array(3.0, "float32")], [np.array(10.0, "float32")], x23
    )
    np.testing.assert_allclose(ops.convert_to_numpy(outputs), 3 * x23)
    np.testing.assert_allclose(ops.convert_to_numpy(non_trainable[0]), 11.0)
    assert float(layer.calls.numpy()) == 1.0  # the real variable is untouched
    assert float(layer.w.numpy()) == 1.0
    with pytest.raises(ValueError, match="corresponding 1:1"):
        layer.stateless_call([], [np.array(0.0)], x23)


def test_stateless_call_returns_losses() -> None:
    layer = WithLoss()
    _, _, losses = layer.stateless_call([], [], x23, return_losses=True)
    np.testing.assert_allclose([float(ops.convert_to_numpy(v)) for v in losses], [15.0])
    assert layer.losses == []


def test_mixed_precision_policy_keeps_float32_variables_and_float16_compute() -> None:
    layer = Scale(dtype="mixed_float16")
    out = layer(x23)
    assert layer.dtype == "float32" and layer.compute_dtype == "float16"
    assert layer.w.dtype == "float32"
    assert ops.dtype(out) == "float16"


def test_input_and_input_layer() -> None:
    x = Input(shape=(4,), batch_size=2, dtype="int32", name="ids")
    assert x.shape == (2, 4) and x.dtype == "int32"
    layer = x._keras_history.operation
    assert isinstance(layer, InputLayer)
    assert layer.get_config() == {
        "batch_shape": [2, 4],
        "dtype": "int32",
        "sparse": False,
        "ragged": False,
        "name": "ids",
        "optional": False,
    }
    with pytest.raises(ValueError, match="You must pass a `shape` argument"):
        Input()


def test_serialized_layer_matches_keras_format_and_round_trips() -> None:
    from keras.layers._serialization import register_keras_serializable

    registered = register_keras_serializable(package="tests")(Scale)
    layer = registered(offset=1.5, name="s")
    layer(x23)
    config = serialize_keras_object(layer)
    assert config["module"] is None and config["registered_name"] == "tests>Scale"
    assert config["class_name"] == "Scale"
    assert config["config"]["dtype"] == {
        "module": "keras",
        "class_name": "DTypePolicy",
        "config": {"name": "float32"},
        "registered_name": None,
    }
    assert config["build_config"] == {"input_shape": [2, 3]}
    clone = deserialize_keras_object(config)
    assert isinstance(clone, Scale) and clone.built and clone.offset == 1.5
    assert [tuple(w.shape) for w in clone.weights] == [(3,), ()]


def test_safe_mode_refuses_an_unregistered_module() -> None:
    config = {"module": "os", "class_name": "system", "config": {}, "registered_name": None}
    with pytest.raises(TypeError, match="safe mode does not import the module 'os'"):
        deserialize_keras_object(config)


def gradient_of_sum(layer: Layer, x: Any) -> Any:
    """d sum(layer(x)) / d (first trainable weight), with the backend's own autodiff."""
    name = backend()
    if name == "jax":
        import jax

        non_trainable = [v.value for v in layer.non_trainable_variables]
        return np.asarray(
            jax.grad(lambda w: layer.stateless_call([w], non_trainable, x)[0].sum())(
                layer.trainable_variables[0].value
            )
        )
    if name == "torch":
        out = layer(x).sum()
        out.backward()
        return layer.trainable_variables[0].value.grad.numpy()
    import tensorflow as tf

    with tf.GradientTape() as tape:
        out = tf.reduce_sum(layer(x))
    return tape.gradient(out, layer.trainable_variables[0].value).numpy()


@needs_training
def test_gradients_flow_through_a_layer() -> None:
    layer = Scale()
    layer(x23)
    grad = gradient_of_sum(layer, x23)
    np.testing.assert_allclose(grad, x23.sum(axis=0), rtol=1e-6)
