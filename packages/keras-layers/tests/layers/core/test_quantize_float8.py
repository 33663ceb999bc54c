"""float8 quantization (delayed-scaling fake quantization) of Dense and EinsumDense.

A float8 layer keeps its float kernel and rounds the inputs and the kernel to
`float8_e4m3fn` (`q(a, s) = cast_e4m3(clip(a / s, -448, 448)) * s`), and the gradient of
its output to `float8_e5m2`. Training overwrites the six float32 statistics with the
values the custom gradients return: the amax history rolls and records `max|a|`, the
scale becomes `max(history) / dtype_max`. Reference training numbers were printed by
real Keras 3.15.1 (identical on jax, torch and tensorflow) for the fixed batch below.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import ml_dtypes
import numpy as np
import pytest

import keras
from keras import ops
from keras.backend import backend, standardize_dtype
from keras.dtype_policies import QuantizedFloat8DTypePolicy
from keras.layers._core.dense import Dense
from keras.layers._core.einsum_dense import EinsumDense
from keras.layers._core.embedding import Embedding
from keras.quantizers import Float8QuantizationConfig

NO_GRADIENTS = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")

# Model-level checks need the models (keras-training) and, for files, keras-saving: they
# run in the whole suite's environment and skip in keras-layers' own.
NEEDS_SUITE = pytest.mark.skipif(
    importlib.util.find_spec("keras.trainers") is None or importlib.util.find_spec("keras.saving") is None,
    reason="needs keras-training and keras-saving installed",
)
DATA = Path(__file__).resolve().parents[2] / "data"
STATISTICS = [
    "inputs_scale",
    "inputs_amax_history",
    "kernel_scale",
    "kernel_amax_history",
    "outputs_grad_scale",
    "outputs_grad_amax_history",
]

# The probe batch (numpy seed 0), in the order Keras's probe drew it.
_rng = np.random.default_rng(0)
X = _rng.standard_normal((4, 3)).astype("float32") * 3
Y = _rng.standard_normal((4, 2)).astype("float32")
KERNEL = _rng.standard_normal((3, 2)).astype("float32")
BIAS = np.array([0.1, -0.2], "float32")
RNG = np.random.default_rng(11)

# Real Keras 3.15.1, SGD(0.1), mse, two train_on_batch steps on (X, Y); histories: first 3 slots.
KERAS_STEPS: list[dict[str, list[float]]] = [
    {
        "kernel": [0.2972466051578522, 0.10044778138399124, -0.17144468426704407,
                   -0.36245477199554443, 0.4378451406955719, 0.37252792716026306],
        "bias": [-0.04453125223517418, -0.21054688096046448],
        "inputs_scale": [1.0],
        "inputs_amax_history": [3.9120001792907715, 0.0, 0.0],
        "kernel_scale": [1.0],
        "kernel_amax_history": [1.3664634227752686, 0.0, 0.0],
        "outputs_grad_scale": [1.0],
        "outputs_grad_amax_history": [1.757942795753479, 0.0, 0.0],
    },
    {
        "kernel": [0.09412160515785217, 0.12349465489387512, -0.1390228122472763,
                   -0.24770867824554443, 0.24018888175487518, 0.22955916821956635],
        "bias": [-0.15703125298023224, -0.21884766221046448],
        "inputs_scale": [0.008732142858207226],
        "inputs_amax_history": [3.9120001792907715, 0.0, 0.0],
        "kernel_scale": [0.003050141502171755],
        "kernel_amax_history": [0.4378451406955719, 0.0, 0.0],
        "outputs_grad_scale": [3.065609053010121e-05],
        "outputs_grad_amax_history": [0.821980357170105, 0.0, 0.0],
    },
]  # fmt: skip
KERAS_FIRST_LOSS = 16.924104690551758
KERAS_PREDICTION_AFTER = [
    [0.4067807197570801, 0.35143643617630005],
    [0.369279682636261, 0.4741671681404114],
    [-0.6856504678726196, -0.8835414052009583],
    [-0.24160394072532654, -0.2259945124387741],
]
FLOAT8_POLICY_CONFIG = {
    "module": "keras.dtype_policies",
    "class_name": "QuantizedFloat8DTypePolicy",
    "config": {"mode": "float8", "source_name": "float32", "amax_history_length": 1024},
    "registered_name": None,
}


def np_of(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def qdq(a: np.ndarray, scale: float = 1.0) -> np.ndarray:
    """numpy float8 e4m3 quantize-dequantize."""
    s = np.float32(scale)
    return np.clip(a / s, -448, 448).astype(ml_dtypes.float8_e4m3fn).astype("float32") * s


def bf16(a: np.ndarray) -> np.ndarray:
    return a.astype(ml_dtypes.bfloat16).astype("float32")


def make(kind: str, name: str = "d", **kwargs: Any) -> Dense | EinsumDense:
    if kind == "dense":
        return Dense(2, name=name, **kwargs)
    return EinsumDense("ab,bc->ac", (2,), bias_axes="c", name=name, **kwargs)


def quantized(kind: str) -> Dense | EinsumDense:
    layer = make(kind)
    layer.build((None, 3))
    layer.set_weights([KERNEL, BIAS])
    layer.quantize("float8")
    return layer


# --- weights, policy and config ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["dense", "einsum"])
def test_weights_policy_and_config_match_keras(kind: str) -> None:
    layer = quantized(kind)
    assert [
        (w.path, tuple(w.shape), str(w.dtype), w.trainable, w._autocast, w.overwrite_with_gradient)
        for w in layer.weights
    ] == [
        ("d/kernel", (3, 2), "float32", True, True, False),
        ("d/bias", (2,), "float32", True, True, False),
        ("d/inputs_scale", (), "float32", True, False, True),
        ("d/inputs_amax_history", (1024,), "float32", True, False, True),
        ("d/kernel_scale", (), "float32", True, False, True),
        ("d/kernel_amax_history", (1024,), "float32", True, False, True),
        ("d/outputs_grad_scale", (), "float32", True, False, True),
        ("d/outputs_grad_amax_history", (1024,), "float32", True, False, True),
    ]
    assert layer.quantization_mode == "float8"
    assert layer.dtype_policy.name == "float8_from_float32"
    # The kernel stays the float kernel; statistics start at scale 1 and an empty history.
    np.testing.assert_array_equal(np_of(layer.kernel), KERNEL)
    np.testing.assert_array_equal(np_of(layer.inputs_scale), 1.0)
    np.testing.assert_array_equal(np_of(layer.kernel_amax_history), np.zeros(1024, "float32"))
    config = layer.get_config()
    assert config["dtype"] == FLOAT8_POLICY_CONFIG
    assert config["quantization_config"] == {
        "module": "keras.quantizers",
        "class_name": "Float8QuantizationConfig",
        "config": {},
        "registered_name": None,
    }


@pytest.mark.parametrize("kind", ["dense", "einsum"])
def test_built_under_a_float8_policy_creates_statistics_first(kind: str) -> None:
    policy = QuantizedFloat8DTypePolicy("float8", "float32", amax_history_length=4)
    layer = make(kind, dtype=policy)
    layer.build((None, 3))
    # As in Keras: quantized_build runs before the kernel is created.
    assert [(w.name, tuple(w.shape)) for w in layer.weights] == [
        ("inputs_scale", ()),
        ("inputs_amax_history", (4,)),
        ("kernel_scale", ()),
        ("kernel_amax_history", (4,)),
        ("outputs_grad_scale", ()),
        ("outputs_grad_amax_history", (4,)),
        ("kernel", (3, 2)),
        ("bias", (2,)),
    ]
    # ... but saving writes Keras's float8 order: kernel, bias, then the statistics.
    store: dict[str, Any] = {}
    layer.save_own_variables(store)
    assert [store[str(i)].shape for i in range(8)] == [(3, 2), (2,), (), (4,), (), (4,), (), (4,)]


def test_embedding_refuses_float8_and_lora_refuses_float8_calls() -> None:
    table = Embedding(4, 2)
    table.build()
    with pytest.raises(
        NotImplementedError,
        match=r"Invalid quantization mode\. Expected one of \('int8', 'int4'\)\. Received: quantization_mode=float8",
    ):
        table.quantize("float8")
    layer = quantized("dense")
    layer.enable_lora(2)
    with pytest.raises(NotImplementedError, match="Currently, `_float8_call` doesn't support LoRA"):
        layer(X)


def test_quantizing_twice_raises() -> None:
    layer = quantized("dense")
    with pytest.raises(
        ValueError, match="Layer 'd' is already quantized with dtype_policy='float8_from_float32'"
    ):
        layer.quantize("float8")


# --- inference ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["dense", "einsum"])
def test_inference_is_the_fake_quantized_closed_form_and_close_to_float(kind: str) -> None:
    layer = quantized(kind)
    out = np_of(layer(X))
    # Keras 3.15 printed exactly these predictions for the probe.
    expected = qdq(X) @ qdq(KERNEL) + bf16(BIAS)
    np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(out[0], [1.97314453125, 0.3515625], rtol=1e-6)
    # Bound against the float layer: e4m3 rounds each operand within 2**-4 (relative), so a
    # product is off by at most (1 + 2**-4)**2 - 1 < 0.13 of |x||k|; bf16 bias within 2**-8.
    bound = 0.13 * np.abs(X) @ np.abs(KERNEL) + 2**-8 * np.abs(BIAS) + 1e-6
    assert np.all(np.abs(out - (X @ KERNEL + BIAS)) <= bound)
    # Inference leaves the statistics alone.
    assert float(np_of(layer.inputs_amax_history).max()) == 0.0


def test_einsum_dense_float8_with_scales_and_large_values() -> None:
    layer = EinsumDense("abc,cd->abd", (5, 4), bias_axes="d", name="e")
    layer.build((None, 5, 3))
    kernel = RNG.standard_normal((3, 4)).astype("float32")
    bias = RNG.standard_normal((4,)).astype("float32")
    layer.set_weights([kernel, bias])
    layer.quantize("float8")
    layer.inputs_scale.assign(np.float32(0.5))
    layer.kernel_scale.assign(np.float32(0.01))
    x = (RNG.standard_normal((2, 5, 3)) * 400).astype("float32")  # saturates at 448 * 0.5
    expected = np.einsum("abc,cd->abd", qdq(x, 0.5), qdq(kernel, 0.01)) + bf16(bias)
    np.testing.assert_allclose(np_of(layer(x)), expected, rtol=1e-5, atol=1e-4)
    symbolic = layer(keras.layers.Input((5, 3)))
    assert tuple(symbolic.shape) == (None, 5, 4)


def test_mixed_precision_policy_keeps_statistics_float32() -> None:
    layer = Dense(2, dtype="mixed_bfloat16")
    layer.build((None, 3))
    layer.quantize("float8")
    assert layer.dtype_policy.name == "float8_from_mixed_bfloat16"
    assert {str(getattr(layer, name).dtype) for name in STATISTICS} == {"float32"}
    assert standardize_dtype(layer(X).dtype) == "bfloat16"


# --- training ---------------------------------------------------------------------------------------------


@NEEDS_SUITE
@NO_GRADIENTS
@pytest.mark.parametrize("kind", ["dense", "einsum"])
def test_two_training_steps_match_keras(kind: str) -> None:
    layer = make(kind)
    inputs = keras.Input((3,))
    model = keras.Model(inputs, layer(inputs))
    layer.set_weights([KERNEL, BIAS])
    layer.quantize("float8")
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    before = float(((np_of(model(X)) - Y) ** 2).mean())
    first = float(model.train_on_batch(X, Y))
    np.testing.assert_allclose(first, KERAS_FIRST_LOSS, rtol=1e-5)
    for step, reference in enumerate(KERAS_STEPS):
        if step:
            model.train_on_batch(X, Y)
        for name, values in reference.items():
            value = np_of(layer._kernel if name == "kernel" else getattr(layer, name)).ravel()[: len(values)]
            np.testing.assert_allclose(value, values, rtol=1e-5, atol=1e-7, err_msg=f"step {step}: {name}")
    after = np_of(model(X))
    np.testing.assert_allclose(after, KERAS_PREDICTION_AFTER, rtol=1e-5, atol=1e-6)
    assert float(((after - Y) ** 2).mean()) < before


@NEEDS_SUITE
@NO_GRADIENTS
def test_training_longer_decreases_the_loss_and_keeps_finite_scales() -> None:
    layer = Dense(4, name="t")
    inputs = keras.Input((6,))
    model = keras.Model(inputs, layer(inputs))
    layer.quantize("float8")
    x = RNG.standard_normal((32, 6)).astype("float32")
    y = (x @ RNG.standard_normal((6, 4))).astype("float32")
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
    start = float(((np_of(model(x)) - y) ** 2).mean())
    for _ in range(20):
        model.train_on_batch(x, y)
    assert float(((np_of(model(x)) - y) ** 2).mean()) < 0.5 * start
    history = np_of(layer.inputs_amax_history)
    # As in Keras, each step rolls the history left and writes the newest maximum in slot 0,
    # so after 20 steps slot 0 and the last 19 slots hold the (constant) input maximum.
    recorded = np.concatenate([history[:1], history[-19:]])
    np.testing.assert_allclose(recorded, np.abs(x).max(), rtol=1e-6)
    assert np.all(history[1:-19] == 0)
    np.testing.assert_allclose(np_of(layer.inputs_scale), np.abs(x).max() / 448.0, rtol=1e-6)
    assert all(np.isfinite(np_of(getattr(layer, name))).all() for name in STATISTICS)


# --- saving ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["dense", "einsum"])
def test_save_own_variables_round_trip(kind: str) -> None:
    layer = quantized(kind)
    layer.inputs_scale.assign(np.float32(0.01))
    layer.kernel_scale.assign(np.float32(0.004))
    layer.kernel_amax_history.assign(np.arange(1024, dtype="float32"))
    store: dict[str, Any] = {}
    layer.save_own_variables(store)
    assert [str(store[str(i)].dtype) for i in range(len(store))] == ["float32"] * 8
    clone = type(layer).from_config(layer.get_config())
    assert isinstance(clone.quantization_config, Float8QuantizationConfig)
    assert clone.dtype_policy.name == "float8_from_float32"
    clone.build((None, 3))
    clone.load_own_variables(store)
    np.testing.assert_array_equal(np_of(clone(X)), np_of(layer(X)))
    for name in STATISTICS:
        np.testing.assert_array_equal(np_of(getattr(clone, name)), np_of(getattr(layer, name)))
    assert clone.get_config() == layer.get_config()


@NEEDS_SUITE
def test_model_save_and_load_round_trip(tmp_path: Path) -> None:
    inputs = keras.Input((3,))
    layer = make("dense")
    model = keras.Model(inputs, layer(inputs))
    layer.set_weights([KERNEL, BIAS])
    layer.quantize("float8")
    layer.outputs_grad_scale.assign(np.float32(0.25))
    model.save(tmp_path / "m.keras")
    loaded = keras.saving.load_model(tmp_path / "m.keras")
    assert loaded.layers[-1].dtype_policy.name == "float8_from_float32"
    np.testing.assert_array_equal(np_of(loaded(X)), np_of(model(X)))
    np.testing.assert_array_equal(np_of(loaded.layers[-1].outputs_grad_scale), 0.25)


@NEEDS_SUITE
def test_keras_float8_model_loads_with_its_outputs() -> None:
    """keras315_float8_model.keras was written by real Keras 3.15 (make_keras315_float8_model.py)."""
    model = keras.saving.load_model(DATA / "keras315_float8_model.keras")
    assert [layer.dtype_policy.name for layer in model.layers[1:]] == [
        "float8_from_float32",
        "float32",
        "float8_from_float32",
    ]
    ein = model.get_layer("ein")
    assert ein.dtype_policy.amax_history_length == 8
    assert [w.name for w in ein.weights][:2] == ["inputs_scale", "inputs_amax_history"]
    np.testing.assert_allclose(np_of(ein.inputs_scale), 0.005189800634980202, rtol=1e-6)
    np.testing.assert_allclose(
        np_of(model.get_layer("head").kernel_amax_history)[0], 0.4991181790828705, rtol=1e-6
    )
    x = np.load(DATA / "keras315_float8_model_input.npy")
    np.testing.assert_allclose(
        np_of(model(x)), np.load(DATA / "keras315_float8_model_output.npy"), rtol=1e-5, atol=1e-6
    )
