"""JaxLayer (jax), TorchModuleWrapper (torch) and TFSMLayer (tensorflow): values, weights, training, config."""

from __future__ import annotations

import importlib.util
import inspect
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import keras
from keras import ops
from keras.backend import backend
from keras.layers._preprocessing.backend_bridges import JaxLayer, TFSMLayer, TorchModuleWrapper

REFERENCE = Path(__file__).resolve().parents[6] / "shared" / "reference" / "keras-3.15-api.jsonl"
on_jax = pytest.mark.skipif(backend() != "jax", reason="JaxLayer runs on the jax backend")
on_torch = pytest.mark.skipif(backend() != "torch", reason="TorchModuleWrapper runs on the torch backend")
on_tf = pytest.mark.skipif(backend() != "tensorflow", reason="TFSMLayer runs on the tensorflow backend")
# Model-level checks (fit, weight files, export) need keras-training and keras-saving:
# they run in the whole suite's environment and skip in keras-layers' own.
needs_suite = pytest.mark.skipif(
    importlib.util.find_spec("keras.trainers") is None or importlib.util.find_spec("keras.saving") is None,
    reason="needs keras-training and keras-saving installed",
)
X = np.arange(12, dtype="float32").reshape(3, 4) / 10.0


def np_(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


@pytest.mark.parametrize("cls", [JaxLayer, TorchModuleWrapper, TFSMLayer], ids=lambda c: c.__name__)
def test_signature_matches_reference(cls: Any) -> None:
    if not REFERENCE.exists():
        pytest.skip("the reference API file is not available")
    entries = [json.loads(line) for line in REFERENCE.read_text().splitlines()]
    (entry,) = [e for e in entries if e["name"] == f"keras.layers.{cls.__name__}"]
    got = [
        (p.name, p.kind.name, None if p.default is inspect.Parameter.empty else repr(p.default))
        for p in inspect.signature(cls).parameters.values()
    ]
    assert got == [tuple(p) for p in entry["params"]]


@pytest.mark.parametrize(
    ("make", "name", "label"),
    [
        (lambda: JaxLayer(lambda inputs: inputs), "JaxLayer", "JAX"),
        (lambda: TorchModuleWrapper(None), "TorchModuleWrapper", "torch"),
        (lambda: TFSMLayer("missing"), "TFSMLayer", "TensorFlow"),
    ],
)
def test_other_backends_are_refused(make: Any, name: str, label: str) -> None:
    expected = {"JaxLayer": "jax", "TorchModuleWrapper": "torch", "TFSMLayer": "tensorflow"}[name]
    if backend() == expected:
        pytest.skip(f"{name} runs on this backend")
    with pytest.raises(
        ValueError, match=rf"{name} is only supported with the {label} backend\. Current backend: {backend()}"
    ):
        make()


# --- JaxLayer -------------------------------------------------------------------------------


def init_fn(rng: Any, inputs: Any) -> Any:
    import jax

    return (
        {"w": jax.random.normal(rng, (inputs.shape[-1], 2)), "b": jax.numpy.zeros((2,))},
        {"count": jax.numpy.zeros((), "int32")},
    )


def call_fn(params: Any, state: Any, inputs: Any, training: Any) -> Any:
    outputs = inputs @ params["w"] + params["b"]
    return outputs, ({"count": state["count"] + 1} if training else state)


@on_jax
def test_jax_layer_weights_values_and_state() -> None:
    layer = JaxLayer(call_fn, init_fn=init_fn, seed=1)
    y = layer(X)
    # jax flattens dicts by sorted key: b then w; params are trainable, state is not.
    assert [(tuple(w.shape), w.trainable, w.dtype) for w in layer.weights] == [
        ((2,), True, "float32"),
        ((4, 2), True, "float32"),
        ((), False, "int32"),
    ]
    w, b = np_(layer.params["w"]), np_(layer.params["b"])
    np.testing.assert_allclose(np_(y), X @ w + b, rtol=1e-5, atol=1e-6)
    assert int(np_(layer.state["count"])) == 0
    layer(X, training=True)
    layer(X, training=True)
    assert int(np_(layer.state["count"])) == 2


@on_jax
def test_jax_layer_given_params_and_signature_subsets() -> None:
    params = {"a": np.array([1.0, 2.0], "float32"), "z": [np.zeros((1,), "float32"), 3.0]}
    layer = JaxLayer(lambda params, inputs: inputs * params["z"][1] + params["a"].sum(), params=params)
    assert [tuple(w.shape) for w in layer.trainable_weights] == [(2,), (1,), ()]
    np.testing.assert_allclose(np_(layer(X)), X * 3.0 + 3.0, rtol=1e-6)
    plain = JaxLayer(lambda inputs: inputs * 2.0)
    assert plain.weights == []
    np.testing.assert_allclose(np_(plain(X)), X * 2.0, rtol=1e-6)


@on_jax
def test_jax_layer_rng_only_in_training() -> None:
    import jax

    def noisy(rng: Any, inputs: Any, training: Any) -> Any:
        return inputs + (jax.random.uniform(rng, inputs.shape) if training else 0.0)

    layer = JaxLayer(noisy, seed=3)
    np.testing.assert_array_equal(np_(layer(X, training=False)), X)
    first, second = np_(layer(X, training=True)), np_(layer(X, training=True))
    assert np.all((first - X >= 0) & (first - X < 1)) and not np.allclose(first, second)


@needs_suite
@on_jax
def test_jax_layer_trains_in_fit() -> None:
    model = keras.Sequential([keras.Input((4,)), JaxLayer(call_fn, init_fn=init_fn, seed=1)])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    layer = model.layers[0]
    w0, b0 = np_(layer.params["w"]).copy(), np_(layer.params["b"]).copy()
    target = np.ones((3, 2), "float32")
    model.fit(X, target, batch_size=3, epochs=1, verbose=0)
    # one SGD step on the mean squared error over the batch and both outputs.
    y = X @ w0 + b0
    grad_y = 2.0 * (y - target) / y.size
    np.testing.assert_allclose(np_(layer.params["w"]), w0 - 0.1 * X.T @ grad_y, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(np_(layer.params["b"]), b0 - 0.1 * grad_y.sum(0), rtol=1e-4, atol=1e-5)
    assert int(np_(layer.state["count"])) == 1


@on_jax
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: JaxLayer(lambda x: x), r"Missing required argument in `call_fn`: `inputs`"),
        (
            lambda: JaxLayer(lambda inputs, foo: inputs),
            r"Unsupported argument in `call_fn`: `foo`, supported arguments",
        ),
        (
            lambda: JaxLayer(lambda params, inputs: inputs),
            r"`init_fn`, `params` and `state` cannot all be `None` when `call_fn` takes a `params` or a `state`",
        ),
        (
            lambda: JaxLayer(lambda inputs: inputs, init_fn=lambda rng: 1),
            r"Missing required argument in `init_fn`: `inputs`",
        ),
    ],
)
def test_jax_layer_errors(make: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


@on_jax
def test_jax_layer_config() -> None:
    layer = JaxLayer(call_fn, init_fn=init_fn, name="bridge")
    config = layer.get_config()
    assert config == {
        "name": "bridge",
        "trainable": True,
        "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {"name": "float32"},
            "registered_name": None,
        },
        "call_fn": {
            "module": "builtins",
            "class_name": "function",
            "config": "call_fn",
            "registered_name": "function",
        },
        "init_fn": {
            "module": "builtins",
            "class_name": "function",
            "config": "init_fn",
            "registered_name": "function",
        },
        "native_serialization_platforms": None,
    }
    from keras.layers._serialization import CustomObjectScope

    with CustomObjectScope({"call_fn": call_fn, "init_fn": init_fn}):
        rebuilt = JaxLayer.from_config(config)
    assert rebuilt.call_fn is call_fn and rebuilt.init_fn is init_fn
    layer(X)
    rebuilt(X)
    rebuilt.set_weights(layer.get_weights())
    np.testing.assert_allclose(np_(rebuilt(X)), np_(layer(X)), rtol=1e-6)


# --- TorchModuleWrapper ---------------------------------------------------------------------


@needs_suite
@on_torch
def test_torch_module_wrapper_shares_parameters_and_trains() -> None:
    import torch

    torch.manual_seed(0)
    module = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.Tanh(), torch.nn.Linear(3, 2))
    layer = TorchModuleWrapper(module)
    assert [tuple(w.shape) for w in layer.weights] == [(3, 4), (3,), (2, 3), (2,)]
    assert all(w.trainable for w in layer.weights)
    expected = module(torch.as_tensor(X)).detach().numpy()
    np.testing.assert_allclose(np_(layer(X)), expected, rtol=1e-6)
    model = keras.Sequential([keras.Input((4,)), layer])
    assert tuple(model.output_shape) == (None, 2)
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    before = [w.numpy().copy() for w in layer.weights]
    model.fit(X, np.ones((3, 2), "float32"), batch_size=3, epochs=1, verbose=0)
    for old, variable, param in zip(before, layer.weights, module.parameters(), strict=True):
        assert not np.allclose(old, variable.numpy())
        np.testing.assert_array_equal(variable.numpy(), param.detach().numpy())


@needs_suite
@on_torch
def test_torch_module_wrapper_weights_round_trip(tmp_path: Path) -> None:
    import torch

    module = torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.BatchNorm1d(2))
    layer = TorchModuleWrapper(module, output_shape=(None, 2))
    model = keras.Sequential([keras.Input((4,)), layer])
    assert tuple(model.output_shape) == (None, 2)
    path = tmp_path / "bridge.weights.h5"
    model.save_weights(path)
    other_module = torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.BatchNorm1d(2))
    other = keras.Sequential([keras.Input((4,)), TorchModuleWrapper(other_module)])
    other.load_weights(path)
    for key, value in module.state_dict().items():
        np.testing.assert_array_equal(other_module.state_dict()[key].numpy(), value.numpy())
    np.testing.assert_allclose(
        np_(other.layers[0](X, training=False)), np_(layer(X, training=False)), rtol=1e-6
    )


@on_torch
def test_torch_module_wrapper_config_and_safe_mode() -> None:
    import torch

    layer = TorchModuleWrapper(torch.nn.Linear(4, 2), name="wrapped")
    config = layer.get_config()
    assert set(config) == {"name", "trainable", "dtype", "module", "output_shape"}
    with pytest.raises(ValueError, match=r"Requested the deserialization of a `torch\.nn\.Module` object"):
        TorchModuleWrapper.from_config(config)
    from keras.layers._serialization import SafeModeScope

    with SafeModeScope(False):
        rebuilt = TorchModuleWrapper.from_config(config)
    np.testing.assert_allclose(np_(rebuilt(X)), np_(layer(X)), rtol=1e-6)


@on_torch
def test_torch_module_wrapper_refuses_uninitialized_lazy_modules() -> None:
    import torch

    with pytest.raises(ValueError, match="LazyModules are not supported unless they are already initialized"):
        TorchModuleWrapper(torch.nn.LazyLinear(2))


# --- TFSMLayer ------------------------------------------------------------------------------


def make_saved_model(path: Path) -> Any:
    import tensorflow as tf

    class Module(tf.Module):
        def __init__(self) -> None:
            super().__init__()
            self.w = tf.Variable(np.arange(8, dtype="float32").reshape(4, 2), name="w")
            self.c = tf.Variable(np.ones(2, "float32"), trainable=False, name="c")

        @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32)])
        def serve(self, x: Any) -> Any:
            return tf.matmul(x, self.w) + self.c

        @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32)])
        def train(self, x: Any) -> Any:
            return tf.matmul(x, self.w) * 2.0

    tf.saved_model.save(Module(), str(path))
    return np.arange(8, dtype="float32").reshape(4, 2)


@on_tf
def test_tfsm_layer_endpoints_and_variables(tmp_path: Path) -> None:
    w = make_saved_model(tmp_path / "sm")
    layer = TFSMLayer(str(tmp_path / "sm"), call_training_endpoint="train")
    assert [(w.name, w.trainable, tuple(w.shape)) for w in layer.weights] == [
        ("w:0", True, (4, 2)),
        ("c:0", False, (2,)),
    ]
    np.testing.assert_allclose(np_(layer(X)), X @ w + 1.0, rtol=1e-6)
    np.testing.assert_allclose(np_(layer(X, training=True)), X @ w * 2.0, rtol=1e-6)
    assert tuple(layer(keras.Input((4,))).shape) == (None, 2)
    assert layer.get_config() == {
        "name": layer.name,
        "trainable": True,
        "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {"name": "float32"},
            "registered_name": None,
        },
        "filepath": str(tmp_path / "sm"),
        "call_endpoint": "serve",
        "call_training_endpoint": "train",
    }


@needs_suite
@on_tf
def test_tfsm_layer_from_keras_export_archive(tmp_path: Path) -> None:
    from keras.export import ExportArchive

    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])
    archive = ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        "serve", model.call, input_signature=[keras.InputSpec(shape=(None, 4), dtype="float32")]
    )
    archive.write_out(str(tmp_path / "exported"))
    layer = TFSMLayer(str(tmp_path / "exported"))
    np.testing.assert_allclose(np_(layer(X)), np_(model(X)), rtol=1e-5, atol=1e-6)
    assert sorted(tuple(w.shape) for w in layer.weights) == [(3,), (4, 3)]


@on_tf
def test_tfsm_layer_errors(tmp_path: Path) -> None:
    make_saved_model(tmp_path / "sm")
    with pytest.raises(
        ValueError, match=r"The endpoint 'nope' is neither an attribute of the reloaded SavedModel"
    ):
        TFSMLayer(str(tmp_path / "sm"), call_endpoint="nope")
    layer = TFSMLayer(str(tmp_path / "sm"))
    with pytest.raises(ValueError, match=r"Requested the deserialization of a `TFSMLayer`"):
        TFSMLayer.from_config(layer.get_config())
