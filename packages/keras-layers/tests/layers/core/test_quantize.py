"""int8 post-training quantization of Dense, EinsumDense and Embedding (and LoRA on top)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Flatten, Input, Layer
from keras.layers._core.dense import Dense
from keras.layers._core.einsum_dense import EinsumDense
from keras.layers._core.embedding import Embedding
from keras.layers._serialization import deserialize_keras_object
from keras.quantizers import AbsMaxQuantizer, Int4QuantizationConfig, Int8QuantizationConfig

RNG = np.random.default_rng(5)
DATA = Path(__file__).resolve().parents[2] / "data"
EPS = np.float32(1e-7)


def np_of(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def abs_max(x: np.ndarray, axis: Any) -> tuple[np.ndarray, np.ndarray]:
    """numpy closed form of abs-max int8 quantization: (q, scale) with x ≈ q / scale."""
    scale = (np.float32(127) / (np.max(np.abs(x), axis=axis, keepdims=True) + EPS)).astype("float32")
    return np.clip(np.round(x * scale), -127, 127).astype("int8"), scale


def quantized_dense(
    units: int = 4, input_dim: int = 3, **kwargs: Any
) -> tuple[Dense, np.ndarray, np.ndarray]:
    layer = Dense(units, name="q", **kwargs)
    layer.build((None, input_dim))
    kernel = RNG.standard_normal((input_dim, units)).astype("float32")
    bias = RNG.standard_normal((units,)).astype("float32")
    layer.set_weights([kernel, bias])
    layer.quantize("int8")
    return layer, kernel, bias


# --- Dense ---------------------------------------------------------------------------------


def test_dense_weights_dtypes_and_policy_match_keras() -> None:
    layer, _, _ = quantized_dense()
    # Real Keras 3.15 after `quantize("int8")`.
    assert [(w.path, str(w.dtype), tuple(w.shape), w.trainable) for w in layer.weights] == [
        ("q/bias", "float32", (4,), True),
        ("q/kernel", "int8", (3, 4), False),
        ("q/kernel_scale", "float32", (4,), False),
    ]
    assert layer.dtype_policy.name == "int8_from_float32"
    assert layer.quantization_mode == "int8"
    assert (layer.compute_dtype, layer.variable_dtype) == ("float32", "float32")
    config = layer.get_config()
    assert config["dtype"] == {
        "module": "keras.dtype_policies",
        "class_name": "QuantizedDTypePolicy",
        "config": {"mode": "int8", "source_name": "float32"},
        "registered_name": None,
    }
    assert config["quantization_config"] == {
        "module": "keras.quantizers",
        "class_name": "Int8QuantizationConfig",
        "config": {
            "weight_quantizer": None,
            "activation_quantizer": {
                "module": "keras.quantizers",
                "class_name": "AbsMaxQuantizer",
                "config": {"value_range": (-127, 127), "epsilon": 1e-07, "output_dtype": "int8"},
                "registered_name": None,
            },
        },
        "registered_name": None,
    }


def test_dense_kernel_closed_form_and_round_trip_bound() -> None:
    layer, kernel, _ = quantized_dense(units=6, input_dim=5)
    q, scale = abs_max(kernel, axis=0)
    np.testing.assert_array_equal(np_of(layer._kernel), q)
    np.testing.assert_allclose(np_of(layer.kernel_scale), scale[0], rtol=1e-6)
    # Rounding error of each entry is at most half a quantization step.
    error = np.abs(np_of(layer._kernel) / np_of(layer.kernel_scale) - kernel)
    assert np.all(error <= 0.5 / scale + 1e-6)


@pytest.mark.parametrize("shape", [(2, 3), (2, 5, 3)])
def test_dense_outputs_closed_form(shape: tuple[int, ...]) -> None:
    layer, kernel, bias = quantized_dense()
    x = RNG.standard_normal(shape).astype("float32")
    q, scale = abs_max(kernel, axis=0)
    xq, x_scale = abs_max(x, axis=-1)
    expected = (xq.astype("float32") @ q.astype("float32")) / (scale[0] * x_scale) + bias
    outputs = np_of(layer(x))
    np.testing.assert_allclose(outputs, expected, rtol=1e-5, atol=1e-5)
    # And close to the float layer: input and kernel errors are each under 1/254 relative.
    assert np.max(np.abs(outputs - (x @ kernel + bias))) < 0.05 * np.max(np.abs(x @ kernel)) + 1e-3
    symbolic = layer(Input(shape=shape[1:]))
    assert tuple(symbolic.shape) == (None, *outputs.shape[1:])


def test_weight_only_config_dequantizes_the_kernel() -> None:
    layer = Dense(4, name="w")
    layer.build((None, 3))
    kernel = RNG.standard_normal((3, 4)).astype("float32")
    layer.set_weights([kernel, np.zeros(4, "float32")])
    layer.quantize("int8", config=Int8QuantizationConfig(activation_quantizer=None))
    assert layer.inputs_quantizer is None
    x = RNG.standard_normal((3, 3)).astype("float32")
    q, scale = abs_max(kernel, axis=0)
    np.testing.assert_allclose(np_of(layer(x)), (x @ q.astype("float32")) / scale[0], rtol=1e-5, atol=1e-6)


def test_custom_weight_quantizer_from_the_config() -> None:
    layer = Dense(4)
    layer.build((None, 3))
    config = Int8QuantizationConfig(weight_quantizer=AbsMaxQuantizer(axis=0, value_range=(-64, 64)))
    layer.quantize(config=config)
    values = np_of(layer._kernel)
    assert values.dtype == np.int8 and np.max(np.abs(values)) == 64
    assert layer.quantization_config is config


def test_quantized_layer_config_and_weights_round_trip() -> None:
    layer, _, _ = quantized_dense()
    x = RNG.standard_normal((2, 3)).astype("float32")
    store: dict[str, Any] = {}
    layer.save_own_variables(store)
    # Keras's order for int8: kernel, bias, kernel_scale.
    assert [store[k].dtype for k in ("0", "1", "2")] == [np.int8, np.float32, np.float32]
    clone = Dense.from_config(layer.get_config())
    assert isinstance(clone.quantization_config, Int8QuantizationConfig)
    clone.build((None, 3))
    assert [(w.name, str(w.dtype)) for w in clone.weights] == [
        ("bias", "float32"),
        ("kernel", "int8"),
        ("kernel_scale", "float32"),
    ]
    clone.load_own_variables(store)
    np.testing.assert_array_equal(np_of(clone(x)), np_of(layer(x)))
    assert clone.get_config() == layer.get_config() | {"name": clone.name}


# --- EinsumDense -------------------------------------------------------------------------------

# (equation, output_shape, bias_axes, input_shape, kernel shape, kernel_scale shape): real Keras 3.15.
EINSUM_TABLE = [
    ("ab,bc->ac", 4, "c", (None, 3), (3, 4), (1, 4)),
    ("abc,cde->abde", (5, 2, 3), "de", (None, 5, 4), (4, 2, 3), (1, 1, 2, 3)),
    ("abcd,cde->abe", (5, 6), "e", (None, 5, 2, 3), (2, 3, 6), (1, 1, 6)),
    ("abc,cd->abd", (5, 4), None, (None, 5, 3), (3, 4), (1, 1, 4)),
    ("ab,bcd->acd", (2, 3), None, (None, 5), (5, 2, 3), (1, 2, 3)),
    ("abc,bcd->ad", 4, None, (None, 2, 3), (2, 3, 4), (1, 4)),
]


@pytest.mark.parametrize(
    ("equation", "output_shape", "bias_axes", "input_shape", "kernel", "scale"), EINSUM_TABLE
)
def test_einsum_dense_weight_shapes_match_keras(
    equation: str, output_shape: Any, bias_axes: Any, input_shape: Any, kernel: Any, scale: Any
) -> None:
    layer = EinsumDense(equation, output_shape, bias_axes=bias_axes, name="e")
    layer.build(input_shape)
    layer.quantize("int8")
    shapes = [(w.name, str(w.dtype), tuple(w.shape)) for w in layer.weights]
    expected = [("kernel", "int8", kernel), ("kernel_scale", "float32", scale)]
    assert shapes[-2:] == expected
    assert [s[0] for s in shapes[:-2]] == (["bias"] if bias_axes else [])


# (equation, output_shape, input shape, kernel reduced axes, input reduced axes, output einsum of the scales)
EINSUM_VALUES = [
    ("abc,cde->abde", (5, 2, 3), (2, 5, 4), (0,), (2,)),
    ("abcd,cde->abe", (5, 6), (2, 5, 2, 3), (0, 1), (2, 3)),
    ("ab,bcd->acd", (2, 3), (3, 5), (0,), (1,)),
]


@pytest.mark.parametrize(("equation", "output_shape", "input_shape", "k_axes", "x_axes"), EINSUM_VALUES)
def test_einsum_dense_outputs_closed_form(
    equation: str, output_shape: Any, input_shape: Any, k_axes: Any, x_axes: Any
) -> None:
    layer = EinsumDense(equation, output_shape)
    layer.build((None, *input_shape[1:]))
    kernel = RNG.standard_normal(tuple(layer.kernel.shape)).astype("float32")
    layer.set_weights([kernel])
    layer.quantize("int8")
    x = RNG.standard_normal(input_shape).astype("float32")
    q, k_scale = abs_max(kernel, axis=k_axes)
    xq, x_scale = abs_max(x, axis=x_axes)
    # Dequantizing before the contraction is exact up to float rounding.
    expected = np.einsum(equation, xq / x_scale, q / k_scale)
    outputs = np_of(layer(x))
    np.testing.assert_allclose(outputs, expected, rtol=1e-4, atol=1e-5)
    assert np.max(np.abs(outputs - np.einsum(equation, x, kernel))) < 0.05 * np.max(np.abs(outputs)) + 1e-3


# --- Embedding ---------------------------------------------------------------------------------


def test_embedding_quantization_closed_form_and_names() -> None:
    layer = Embedding(6, 4, name="m")
    layer.build()
    table = RNG.standard_normal((6, 4)).astype("float32")
    layer.set_weights([table])
    layer.quantize("int8")
    assert [(w.path, str(w.dtype), tuple(w.shape)) for w in layer.weights] == [
        ("m/embeddings", "int8", (6, 4)),
        ("m/embeddings_scale", "float32", (6,)),
    ]
    q, scale = abs_max(table, axis=-1)
    tokens = np.array([[0, 5, 2], [1, 1, 3]], dtype="int32")
    np.testing.assert_allclose(np_of(layer(tokens)), q[tokens] / scale[tokens], rtol=1e-6)
    assert layer.get_config()["dtype"]["config"] == {"mode": "int8", "source_name": "float32"}


# --- LoRA on a quantized layer -------------------------------------------------------------------


def test_lora_on_a_quantized_dense_layer() -> None:
    layer, kernel, bias = quantized_dense()
    layer.enable_lora(2, lora_alpha=4)
    assert [(w.name, w.trainable) for w in layer.weights] == [
        ("bias", True),
        ("lora_kernel_a", True),
        ("lora_kernel_b", True),
        ("kernel", False),
        ("kernel_scale", False),
    ]
    b = RNG.standard_normal((2, 4)).astype("float32")
    layer.lora_kernel_b.assign(b)
    a = np_of(layer.lora_kernel_a)
    x = RNG.standard_normal((3, 3)).astype("float32")
    q, scale = abs_max(kernel, axis=0)
    xq, x_scale = abs_max(x, axis=-1)
    base = (xq.astype("float32") @ q.astype("float32")) / (scale[0] * x_scale)
    np.testing.assert_allclose(np_of(layer(x)), base + 2.0 * (x @ a @ b) + bias, rtol=1e-5, atol=1e-5)
    # Saving dequantizes, merges the update and re-quantizes (Keras's int8 layout).
    store: dict[str, Any] = {}
    layer.save_own_variables(store)
    merged_q, merged_scale = abs_max(q / scale + 2.0 * a @ b, axis=0)
    assert np.max(np.abs(store["0"].astype("int32") - merged_q.astype("int32"))) <= 1
    np.testing.assert_allclose(store["2"], merged_scale[0], rtol=1e-5)
    np.testing.assert_array_equal(store["1"], bias)


# --- errors ---------------------------------------------------------------------------------------


class Scale(Layer):
    def build(self, input_shape: Any) -> None:
        self.w = self.add_weight(shape=(input_shape[-1],), initializer="ones")

    def call(self, x: Any) -> Any:
        return x * self.w


class MyDense(Dense):
    pass


def built(layer: Any, shape: tuple[Any, ...] = (None, 3)) -> Any:
    layer.build(shape)
    return layer


MODES = "('int8', 'float8', 'int4', 'gptq', 'awq')"
ERRORS: list[tuple[Callable[[], Any], type[Exception], str]] = [
    (
        lambda: Dense(3).quantize("int8"),
        ValueError,
        "Cannot quantize a layer that isn't yet built. Layer 'dense",
    ),
    (lambda: built(Dense(3)).quantize("foo"), ValueError, f"Expected one of {MODES}. Received: mode=foo"),
    (
        lambda: built(Dense(3)).quantize(),
        ValueError,
        "You must provide either `mode` or `config` to `quantize`.",
    ),
    (
        lambda: built(Dense(3)).quantize("int8", config=Int4QuantizationConfig()),
        ValueError,
        "Contradictory arguments: mode='int8' but config.mode='int4'",
    ),
    (
        lambda: built(Dense(3)).quantize("int8", config={"a": 1}),
        ValueError,
        "Argument `config` must be an instance of `QuantizationConfig`.",
    ),
    (lambda: built(Dense(3)).quantize("gptq"), ValueError, "For GPTQ, you must pass a `GPTQConfig` object"),
    (
        lambda: built(MyDense(3)).quantize("int8"),
        NotImplementedError,
        "Layer MyDense does not have a `quantize` method",
    ),
    (
        lambda: built(Scale()).quantize("int8"),
        NotImplementedError,
        "Layer Scale does not have a `quantize` method",
    ),
    (lambda: Scale().quantize("int8"), ValueError, "Cannot quantize a layer that isn't yet built."),
    (
        lambda: built(Dense(3, dtype="float16")).quantize("int8"),
        ValueError,
        "Quantization mode='int8' doesn't work well with compute_dtype='float16'",
    ),
]


@pytest.mark.parametrize(("make", "error", "message"), ERRORS)
def test_quantize_errors(make: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        make()


def test_quantizing_twice_raises_and_subclasses_pass_with_type_check_off() -> None:
    layer, _, _ = quantized_dense()
    with pytest.raises(
        ValueError, match="Layer 'q' is already quantized with dtype_policy='int8_from_float32'"
    ):
        layer.quantize("int8")
    sub = built(MyDense(3))
    sub.quantize("int8", type_check=False)
    assert sub.quantization_mode == "int8"


def test_unsupported_mode_raises_not_implemented() -> None:
    # float8 works on Dense and EinsumDense (see test_quantize_float8.py), not on Embedding.
    table = Embedding(4, 2)
    table.build()
    with pytest.raises(NotImplementedError, match=r"Expected one of \('int8', 'int4'\)"):
        table.quantize("float8")


# --- a model quantized by real Keras 3.15 --------------------------------------------------------


def test_keras_quantized_layers_load_and_match_keras_outputs() -> None:
    """Rebuild the layers of a .keras file from real Keras 3.15 and feed them its input."""
    h5py = pytest.importorskip("h5py", reason="reading the .keras file's weights needs h5py")

    with zipfile.ZipFile(DATA / "keras315_int8_model.keras") as archive:
        config = json.loads(archive.read("config.json"))
        weights = h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r")
        layers = {}
        for entry in config["config"]["layers"][1:]:
            layer = deserialize_keras_object({k: entry[k] for k in ("module", "class_name", "config")})
            layer.build_from_config(entry["build_config"])
            group = weights["layers"][
                {"Embedding": "embedding", "EinsumDense": "einsum_dense"}.get(
                    entry["class_name"], entry["class_name"].lower()
                )
            ]["vars"]
            layer.load_own_variables({key: np.asarray(group[key]) for key in group})
            layers[layer.name] = layer
        weights.close()
    assert [type(v).__name__ for v in layers.values()] == ["Embedding", "EinsumDense", "Flatten", "Dense"]
    assert layers["ein"].lora_enabled and layers["ein"].quantization_mode == "int8"
    assert isinstance(layers["flatten"], Flatten)
    x = np.load(DATA / "keras315_int8_model_input.npy")
    y = x
    for layer in layers.values():
        y = layer(y)
    np.testing.assert_allclose(
        np_of(y), np.load(DATA / "keras315_int8_model_output.npy"), rtol=1e-5, atol=1e-5
    )
