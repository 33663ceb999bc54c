"""`Model.quantize`: walking the layers, filters, saving quantized models, QLoRA fine-tuning."""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import layers, ops, optimizers
from keras.backend import backend
from keras.trainers import Model, Sequential

# Saving checks need keras-saving, which keras-training does not depend on: they run in
# the whole suite's environment and skip in keras-training's own.
needs_saving = pytest.mark.skipif(
    importlib.util.find_spec("keras.saving") is None, reason="needs keras-saving installed"
)

RNG = np.random.default_rng(11)
X = RNG.standard_normal((6, 3)).astype("float32")
# A model quantized (and LoRA-tuned, then saved) by real Keras 3.15, with its input and output.
pytestmark = pytest.mark.filterwarnings("ignore:Layer .* does not have a `quantize` method")
KERAS_DATA = Path(__file__).resolve().parents[3] / "keras-layers" / "tests" / "data"


def to_numpy(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def small_model() -> Sequential:
    return Sequential(
        [layers.Input((3,)), layers.Dense(4, name="a"), layers.ReLU(name="r"), layers.Dense(2, name="b")]
    )


def test_quantize_walks_the_layers_and_warns_for_the_rest() -> None:
    model = small_model()
    reference = to_numpy(model(X))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.quantize("int8")
    # Real Keras 3.15 warns for the InputLayer and the ReLU, in this order.
    assert [str(w.message) for w in caught] == [
        "Layer InputLayer does not have a `quantize` method implemented.",
        "Layer ReLU does not have a `quantize` method implemented.",
    ]
    assert [layer.dtype_policy.name for layer in model.layers] == [
        "int8_from_float32",
        "float32",
        "int8_from_float32",
    ]
    outputs = to_numpy(model(X))
    assert np.max(np.abs(outputs - reference)) < 0.05 * np.max(np.abs(reference))
    np.testing.assert_allclose(to_numpy(model.predict(X, verbose=0)), outputs, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ("b", ["float32", "int8_from_float32"]),
        (["^a$", "zzz"], ["int8_from_float32", "float32"]),
        (lambda layer: layer.name == "b", ["float32", "int8_from_float32"]),
    ],
)
def test_quantize_filters(filters: Any, expected: list[str]) -> None:
    model = Sequential([layers.Input((3,)), layers.Dense(4, name="a"), layers.Dense(2, name="b")])
    model.quantize("int8", filters=filters)
    assert [layer.dtype_policy.name for layer in model.layers] == expected


def test_quantize_argument_errors() -> None:
    model = Sequential([layers.Input((3,)), layers.Dense(2, name="a")])
    with pytest.raises(
        ValueError, match=r"The `filters` argument must be a regex string.*Received: <class 'int'>"
    ):
        model.quantize("int8", filters=3)
    with pytest.raises(
        ValueError, match=r"Unrecognized keyword arguments passed to Sequential: \{'foo': 3\}"
    ):
        model.quantize("int8", foo=3)
    with pytest.raises(
        ValueError, match=r"Cannot quantize a layer that isn't yet built.*of type 'Sequential'"
    ):
        Sequential([layers.Dense(2)]).quantize("int8")
    with pytest.raises(ValueError, match="Invalid quantization mode"):
        model.quantize("int3")


def functional_model() -> Model:
    tokens = layers.Input((5,), dtype="int32")
    x = layers.Embedding(10, 4, name="emb")(tokens)
    x = layers.EinsumDense("abc,cd->abd", (5, 3), bias_axes="d", name="ein")(x)
    x = layers.Flatten()(x)
    return Model(tokens, layers.Dense(2, name="head")(x))


@needs_saving
def test_quantized_model_saves_and_loads_with_the_same_outputs(tmp_path: Path) -> None:
    from keras.saving import load_model

    model = functional_model()
    model.quantize("int8")
    tokens = RNG.integers(0, 10, size=(3, 5)).astype("int32")
    expected = to_numpy(model(tokens))
    model.save(tmp_path / "q.keras")
    loaded = load_model(tmp_path / "q.keras")
    assert [(w.path, str(w.dtype)) for w in loaded.weights] == [(w.path, str(w.dtype)) for w in model.weights]
    np.testing.assert_array_equal(to_numpy(loaded(tokens)), expected)
    model.save_weights(tmp_path / "q.weights.h5")
    target = functional_model()
    target.quantize("int8")
    target.load_weights(tmp_path / "q.weights.h5")
    np.testing.assert_array_equal(to_numpy(target(tokens)), expected)


@needs_saving
def test_model_quantized_by_keras_loads_with_keras_outputs() -> None:
    from keras.saving import load_model

    model = load_model(KERAS_DATA / "keras315_int8_model.keras")
    assert [layer.quantization_mode for layer in model.layers[1:]] == ["int8", "int8", None, "int8"]
    x = np.load(KERAS_DATA / "keras315_int8_model_input.npy")
    expected = np.load(KERAS_DATA / "keras315_int8_model_output.npy")
    np.testing.assert_allclose(to_numpy(model(x)), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
def test_qlora_fine_tune_trains_only_lora_weights_and_biases() -> None:
    model = Sequential(
        [
            layers.Input((4,)),
            layers.Dense(8, activation="tanh", name="a"),
            layers.EinsumDense("ab,bc->ac", 3, bias_axes="c", name="b"),
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.quantize("int8")
    for layer in model.layers:
        layer.enable_lora(2)
    x = RNG.standard_normal((32, 4)).astype("float32")
    y = RNG.standard_normal((32, 3)).astype("float32")
    before = {w.path: to_numpy(w).copy() for w in model.weights}
    model.compile(optimizer=optimizers.SGD(0.1), loss="mse")
    history = model.fit(x, y, epochs=3, batch_size=8, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    changed = {
        w.path.split("/")[-2:][0] + "/" + w.name
        for w in model.weights
        if np.any(to_numpy(w) != before[w.path])
    }
    assert changed == {f"{n}/{w}" for n in "ab" for w in ("bias", "lora_kernel_a", "lora_kernel_b")}
    assert all(str(w.dtype) == "int8" for w in model.weights if w.name == "kernel")


# --- int4 -----------------------------------------------------------------------------------------


@needs_saving
def test_int4_quantized_model_saves_and_loads_with_the_same_outputs(tmp_path: Path) -> None:
    from keras.quantizers import Int4QuantizationConfig
    from keras.saving import load_model

    model = functional_model()
    reference_model = to_numpy(model(RNG.integers(0, 10, size=(1, 5)).astype("int32")))
    assert reference_model.shape == (1, 2)
    model.quantize("int4", config=Int4QuantizationConfig(block_size=2))
    assert [layer.dtype_policy.name for layer in model.layers[1:]] == [
        "int4/2_from_float32",
        "int4/2_from_float32",
        "float32",
        "int4/2_from_float32",
    ]
    tokens = RNG.integers(0, 10, size=(3, 5)).astype("int32")
    expected = to_numpy(model(tokens))
    model.save(tmp_path / "q4.keras")
    loaded = load_model(tmp_path / "q4.keras")
    assert [(w.path, str(w.dtype), tuple(w.shape)) for w in loaded.weights] == [
        (w.path, str(w.dtype), tuple(w.shape)) for w in model.weights
    ]
    np.testing.assert_array_equal(to_numpy(loaded(tokens)), expected)


@needs_saving
def test_int4_model_quantized_by_keras_loads_with_keras_outputs() -> None:
    """keras315_int4_model.keras: written by real Keras 3.15 (see make_keras315_int4_model.py)."""
    from keras.saving import load_model

    model = load_model(KERAS_DATA / "keras315_int4_model.keras")
    assert [layer.dtype_policy.name for layer in model.layers[1:]] == [
        "int4/128_from_float32",
        "int4/4_from_float32",
        "float32",
        "int4/-1_from_float32",
    ]
    # Its EinsumDense was saved with LoRA (merged): it comes back with zeroed LoRA weights.
    assert model.get_layer("ein").lora_enabled
    x = np.load(KERAS_DATA / "keras315_int4_model_input.npy")
    expected = np.load(KERAS_DATA / "keras315_int4_model_output.npy")
    np.testing.assert_allclose(to_numpy(model(x)), expected, rtol=1e-5, atol=1e-6)


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize("block", [4, None])
def test_qlora_on_int4_trains_only_lora_weights_and_biases(block: int | None) -> None:
    from keras.quantizers import Int4QuantizationConfig

    model = Sequential(
        [
            layers.Input((8,)),
            layers.Dense(8, activation="tanh", name="a"),
            layers.EinsumDense("ab,bc->ac", 3, bias_axes="c", name="b"),
        ]
    )
    model.quantize("int4", config=Int4QuantizationConfig(block_size=block))
    for layer in model.layers:
        layer.enable_lora(2)
    x = RNG.standard_normal((32, 8)).astype("float32")
    y = RNG.standard_normal((32, 3)).astype("float32")
    before = {w.path: to_numpy(w).copy() for w in model.weights}
    model.compile(optimizer=optimizers.SGD(0.1), loss="mse")
    history = model.fit(x, y, epochs=3, batch_size=8, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    changed = {
        "/".join(w.path.split("/")[-2:]) for w in model.weights if np.any(to_numpy(w) != before[w.path])
    }
    assert changed == {f"{n}/{w}" for n in "ab" for w in ("bias", "lora_kernel_a", "lora_kernel_b")}
