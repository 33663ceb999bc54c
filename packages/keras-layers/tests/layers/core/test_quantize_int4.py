"""int4 post-training quantization of Dense, EinsumDense and Embedding (and LoRA on top).

Reference values are numpy closed forms of Keras 3.15's int4 layout: per channel,
`q = clip(round(w * s), -8, 7)` with `s = 7 / (max|w| + 1e-7)` and `w ≈ q / s`; in blocks,
`s = (max - min + 1e-7) / 15`, `z = clip(round(-min / s) - 8, -8, 7)`,
`q = clip(round(w / s) + z, -8, 7)` and `w ≈ (q - z) * s`; two values per byte along the
last axis.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import standardize_dtype
from keras.layers._core.dense import Dense
from keras.layers._core.einsum_dense import EinsumDense
from keras.layers._core.embedding import Embedding
from keras.layers._serialization import deserialize_keras_object
from keras.quantizers import AbsMaxQuantizer, Int4QuantizationConfig, unpack_int4

RNG = np.random.default_rng(7)
DATA = Path(__file__).resolve().parents[2] / "data"
EPS = np.float32(1e-7)


def np_of(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def per_channel(w: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(q, scale, dequantized) of symmetric int4 along `axis`."""
    scale = (np.float32(7) / (np.max(np.abs(w), axis=axis, keepdims=True) + EPS)).astype("float32")
    q = np.clip(np.round(w * scale), -8, 7)
    return q.astype("int8"), scale, (q / scale).astype("float32")


def grouped(w: np.ndarray, block: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(q, scale, zero, dequantized) of asymmetric int4 in blocks of rows of a 2D `w`."""
    rows, cols = w.shape
    n = math.ceil(rows / block)
    padded = np.concatenate([w, np.zeros((n * block - rows, cols), "float32")]).reshape(n, block, cols)
    low, high = padded.min(axis=1), padded.max(axis=1)
    scale = ((high - low + EPS) / np.float32(15)).astype("float32")
    zero = np.clip(np.round(-low / scale) - 8, -8, 7)
    index = np.arange(rows) // block
    q = np.clip(np.round(w / scale[index]) + zero[index], -8, 7)
    return q.astype("int8"), scale, zero.astype("int8"), ((q - zero[index]) * scale[index]).astype("float32")


def error_bound(w: np.ndarray, block: int | None) -> np.ndarray:
    """A bound on each entry's dequantization error, for a 2D `w` quantized down its rows.

    Per channel: half a step, `0.5 / scale`. In blocks whose range holds 0: rounding plus
    the zero point's rounding, one step `scale`. Otherwise (as in Keras) the zero point
    clips at -8 or 7 and the values saturate: the block's largest magnitude.
    """
    if block is None:
        return np.broadcast_to(0.5 / per_channel(w, axis=0)[1], w.shape)
    rows, cols = w.shape
    blocks = np.concatenate([w, np.zeros((-rows % block, cols), "float32")]).reshape(-1, block, cols)
    holds_zero = (blocks.min(axis=1) <= 0) & (blocks.max(axis=1) >= 0)
    bound = np.where(holds_zero, grouped(w, block)[1], np.abs(blocks).max(axis=1))
    return bound[np.arange(rows) // block]


def config(block: int | None) -> Int4QuantizationConfig:
    return Int4QuantizationConfig(block_size=block)


# --- weights, as real Keras 3.15 lays them out ------------------------------------------------

# (block_size, policy name, Dense(5) on 10 inputs, EinsumDense "abc,cde->abde" (3, 6) on 10, Embedding(7, 10)):
# (path, dtype, shape) of every weight after quantize("int4", config), from real Keras 3.15.
LAYOUTS = [
    (
        128,
        "int4/128_from_float32",
        [("d/bias", "float32", (5,)), ("d/kernel", "int8", (10, 3)), ("d/kernel_scale", "float32", (1, 5)),
         ("d/kernel_zero", "int8", (1, 5)), ("d/g_idx", "float32", (10,))],
        [("e/bias", "float32", (3, 6)), ("e/kernel", "int8", (10, 9)), ("e/kernel_scale", "float32", (1, 18)),
         ("e/kernel_zero", "int8", (1, 18)), ("e/g_idx", "float32", (10,))],
        [("m/embeddings", "int8", (7, 5)), ("m/embeddings_scale", "float32", (7, 1)),
         ("m/embeddings_zero", "int8", (7, 1)), ("m/g_idx", "float32", (10,))],
    ),
    (
        4,
        "int4/4_from_float32",
        [("d/bias", "float32", (5,)), ("d/kernel", "int8", (10, 3)), ("d/kernel_scale", "float32", (3, 5)),
         ("d/kernel_zero", "int8", (3, 5)), ("d/g_idx", "float32", (10,))],
        [("e/bias", "float32", (3, 6)), ("e/kernel", "int8", (10, 9)), ("e/kernel_scale", "float32", (3, 18)),
         ("e/kernel_zero", "int8", (3, 18)), ("e/g_idx", "float32", (10,))],
        [("m/embeddings", "int8", (7, 5)), ("m/embeddings_scale", "float32", (7, 3)),
         ("m/embeddings_zero", "int8", (7, 3)), ("m/g_idx", "float32", (10,))],
    ),
    (
        None,
        "int4/-1_from_float32",
        [("d/bias", "float32", (5,)), ("d/kernel", "int8", (10, 3)), ("d/kernel_scale", "float32", (5,))],
        [("e/bias", "float32", (3, 6)), ("e/kernel", "int8", (10, 9)), ("e/kernel_scale", "float32", (18,))],
        [("m/embeddings", "int8", (7, 5)), ("m/embeddings_scale", "float32", (7,))],
    ),
]  # fmt: skip


def described(layer: Any) -> list[tuple[str, str, tuple[int, ...]]]:
    return [(w.path, str(w.dtype), tuple(w.shape)) for w in layer.weights]


@pytest.mark.parametrize(("block", "policy", "dense", "einsum", "embedding"), LAYOUTS)
def test_weights_and_policy_match_keras(
    block: Any, policy: str, dense: Any, einsum: Any, embedding: Any
) -> None:
    layers = [
        Dense(5, name="d"),
        EinsumDense("abc,cde->abde", (None, 3, 6), bias_axes="de", name="e"),
        Embedding(7, 10, name="m"),
    ]
    for layer, shape in zip(layers, [(None, 10), (None, 4, 10), None], strict=True):
        layer.build(shape)
        layer.quantize("int4", config=config(block)) if block != 128 else layer.quantize("int4")
        assert layer.dtype_policy.name == policy
        assert layer.quantization_mode == "int4"
        assert all(not w.trainable for w in layer.weights if w.name != "bias")
    assert [described(layer) for layer in layers] == [dense, einsum, embedding]
    if block not in (None, -1):
        np.testing.assert_array_equal(np_of(layers[0].g_idx), np.arange(10) // block)
    # As in Keras, `kernel` is the int4 values unpacked (not dequantized), in the float shape.
    assert (standardize_dtype(layers[1].kernel.dtype), tuple(layers[1].kernel.shape)) == ("int8", (10, 3, 6))
    assert layers[0].get_config()["dtype"] == {
        "module": "keras.dtype_policies",
        "class_name": "Int4DTypePolicy",
        "config": {"mode": policy.split("_from_")[0], "source_name": "float32"},
        "registered_name": None,
    }
    assert layers[0].get_config()["quantization_config"] == {
        "module": "keras.quantizers",
        "class_name": "Int4QuantizationConfig",
        "config": {"weight_quantizer": None, "activation_quantizer": None, "block_size": block},
        "registered_name": None,
    }


# --- values ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("units", "input_dim", "block"), [(5, 10, 4), (4, 7, 128), (6, 9, None), (3, 5, 2)])
def test_dense_closed_form_and_error_bound(units: int, input_dim: int, block: int | None) -> None:
    layer = Dense(units, name="q")
    layer.build((None, input_dim))
    kernel = RNG.standard_normal((input_dim, units)).astype("float32")
    bias = RNG.standard_normal((units,)).astype("float32")
    layer.set_weights([kernel, bias])
    layer.quantize("int4", config=config(block))
    if block is None:
        q, scale, deq = per_channel(kernel, axis=0)
        np.testing.assert_allclose(np_of(layer.kernel_scale), scale[0], rtol=1e-6)
    else:
        q, scale, zero, deq = grouped(kernel, block)
        np.testing.assert_allclose(np_of(layer.kernel_scale), scale, rtol=1e-6)
        np.testing.assert_array_equal(np_of(layer.kernel_zero), zero)
    step = error_bound(kernel, block)
    np.testing.assert_array_equal(np_of(unpack_int4(layer._kernel, units, axis=-1)), q)
    assert np.all(np.abs(deq - kernel) <= step + 1e-6)
    x = RNG.standard_normal((4, input_dim)).astype("float32")
    outputs = np_of(layer(x))
    np.testing.assert_allclose(outputs, x @ deq + bias, rtol=1e-5, atol=1e-5)
    # Close to the float layer: each output is off by at most sum_i |x_i| * step_i.
    assert np.all(np.abs(outputs - (x @ kernel + bias)) <= np.abs(x) @ step + 1e-4)


@pytest.mark.parametrize(
    ("equation", "output_shape", "input_shape", "rows"),
    [
        ("abc,cde->abde", (5, 2, 3), (2, 5, 4), 4),
        ("abcd,cde->abe", (5, 6), (2, 5, 2, 3), 6),
        ("ab,bc->ac", 4, (3, 5), 5),
    ],
)
@pytest.mark.parametrize("block", [2, None])
def test_einsum_dense_closed_form(
    equation: str, output_shape: Any, input_shape: Any, rows: int, block: int | None
) -> None:
    layer = EinsumDense(equation, output_shape)
    layer.build((None, *input_shape[1:]))
    kernel = RNG.standard_normal(tuple(layer.kernel.shape)).astype("float32")
    layer.set_weights([kernel])
    layer.quantize("int4", config=config(block))
    # Keras reshapes the kernel to (contracted sizes, other sizes) without transposing.
    matrix = kernel.reshape(rows, -1)
    deq = per_channel(matrix, axis=0)[2] if block is None else grouped(matrix, block)[3]
    x = RNG.standard_normal(input_shape).astype("float32")
    outputs = np_of(layer(x))
    np.testing.assert_allclose(
        outputs, np.einsum(equation, x, deq.reshape(kernel.shape)), rtol=1e-5, atol=1e-5
    )
    # Close to the float layer: each output is off by at most the contraction of |x| with the bound.
    bound = np.einsum(equation, np.abs(x), error_bound(matrix, block).reshape(kernel.shape))
    assert np.all(np.abs(outputs - np.einsum(equation, x, kernel)) <= bound + 1e-4)


@pytest.mark.parametrize("block", [4, 128, None])
def test_embedding_closed_form(block: int | None) -> None:
    layer = Embedding(6, 10, name="m")
    layer.build()
    table = RNG.standard_normal((6, 10)).astype("float32")
    layer.set_weights([table])
    layer.quantize("int4", config=config(block))
    # Each token's vector is quantized on its own: blocks run along it.
    deq = per_channel(table, axis=-1)[2] if block is None else grouped(table.T, block)[3].T
    tokens = np.array([[0, 5, 2], [1, 1, 3]], dtype="int32")
    outputs = np_of(layer(tokens))
    np.testing.assert_allclose(outputs, deq[tokens], rtol=1e-6, atol=1e-6)
    assert np.all(np.abs(outputs - table[tokens]) <= error_bound(table.T, block).T[tokens] + 1e-6)


def test_per_channel_activation_quantizer_fake_quantizes_the_inputs() -> None:
    layer = Dense(3)
    layer.build((None, 4))
    kernel = RNG.standard_normal((4, 3)).astype("float32")
    layer.set_weights([kernel, np.zeros(3, "float32")])
    layer.quantize(config=Int4QuantizationConfig(block_size=None, activation_quantizer=AbsMaxQuantizer()))
    x = RNG.standard_normal((2, 4)).astype("float32")
    x_scale = np.float32(127) / (np.max(np.abs(x), axis=-1, keepdims=True) + EPS)
    xq = np.clip(np.round(x * x_scale), -127, 127)
    expected = (xq / x_scale) @ per_channel(kernel, axis=0)[2]
    np.testing.assert_allclose(np_of(layer(x)), expected, rtol=1e-5, atol=1e-5)


def test_block_size_comes_from_the_policy_without_a_config() -> None:
    layer = Dense(3, dtype="int4/2_from_float32")
    layer.build((None, 5))
    assert described(layer)[-3:] == [
        (f"{layer.name}/kernel_scale", "float32", (3, 3)),
        (f"{layer.name}/kernel_zero", "int8", (3, 3)),
        (f"{layer.name}/g_idx", "float32", (5,)),
    ]


# --- saving, config, LoRA --------------------------------------------------------------------------


@pytest.mark.parametrize("block", [4, None])
def test_weights_and_config_round_trip(block: int | None) -> None:
    layer = EinsumDense("abc,cd->abd", (5, 4), bias_axes="d", name="e")
    layer.build((None, 5, 6))
    layer.quantize("int4", config=config(block))
    x = RNG.standard_normal((2, 5, 6)).astype("float32")
    store: dict[str, Any] = {}
    layer.save_own_variables(store)
    # Keras's int4 order: kernel, bias, kernel_scale, then kernel_zero and g_idx in blocks.
    expected = ["int8", "float32", "float32"] + (["int8", "float32"] if block else [])
    assert [str(store[str(i)].dtype) for i in range(len(store))] == expected
    clone = EinsumDense.from_config(layer.get_config())
    assert isinstance(clone.quantization_config, Int4QuantizationConfig)
    clone.build((None, 5, 6))
    clone.load_own_variables(store)
    np.testing.assert_array_equal(np_of(clone(x)), np_of(layer(x)))
    assert clone.get_config() == layer.get_config() | {"name": clone.name}


@pytest.mark.parametrize("block", [4, None])
def test_lora_on_int4_adds_the_update_and_saving_merges_it(block: int | None) -> None:
    layer = Dense(5, name="q")
    layer.build((None, 8))
    layer.quantize("int4", config=config(block))
    layer.enable_lora(2, lora_alpha=4)
    assert [(w.name, tuple(w.shape), w.trainable) for w in layer.weights][:3] == [
        ("bias", (5,), True),
        ("lora_kernel_a", (8, 2), True),
        ("lora_kernel_b", (2, 5), True),
    ]
    x = RNG.standard_normal((3, 8)).astype("float32")
    base = np_of(layer(x))
    b = RNG.standard_normal((2, 5)).astype("float32")
    layer.lora_kernel_b.assign(b)
    delta = 2.0 * np_of(layer.lora_kernel_a) @ b
    np.testing.assert_allclose(np_of(layer(x)), base + x @ delta, rtol=1e-5, atol=1e-5)
    # Saving dequantizes, adds the update and re-quantizes in the same layout.
    store: dict[str, Any] = {}
    layer.save_own_variables(store)
    deq = np_of(layer._int4_weight())
    merged = deq + delta
    if block is None:
        q, scale, _ = per_channel(merged, axis=0)
        np.testing.assert_allclose(store["2"], scale[0], rtol=1e-5)
    else:
        q, scale, zero, _ = grouped(merged, block)
        np.testing.assert_allclose(store["2"], scale, rtol=1e-5)
        assert np.max(np.abs(store["3"].astype(int) - zero)) <= 1
    assert np.max(np.abs(np_of(unpack_int4(store["0"], 5, axis=-1)).astype(int) - q)) <= 1


# --- a model quantized to int4 by real Keras 3.15 ---------------------------------------------------


def test_keras_int4_layers_load_and_match_keras_outputs() -> None:
    """Rebuild the layers of keras315_int4_model.keras (see make_keras315_int4_model.py) and run them."""
    h5py = pytest.importorskip("h5py", reason="reading the .keras file's weights needs h5py")

    with zipfile.ZipFile(DATA / "keras315_int4_model.keras") as archive:
        model_config = json.loads(archive.read("config.json"))
        weights = h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r")
        layers = []
        for entry in model_config["config"]["layers"][1:]:
            layer = deserialize_keras_object({k: entry[k] for k in ("module", "class_name", "config")})
            layer.build_from_config(entry["build_config"])
            group = {"Embedding": "embedding", "EinsumDense": "einsum_dense"}.get(
                entry["class_name"], entry["class_name"].lower()
            )
            variables = weights["layers"][group]["vars"]
            layer.load_own_variables({key: np.asarray(variables[key]) for key in variables})
            layers.append(layer)
        weights.close()
    assert [getattr(layer, "quantization_mode", None) for layer in layers] == ["int4", "int4", None, "int4"]
    assert [layer.dtype_policy.name for layer in layers] == [
        "int4/128_from_float32",
        "int4/4_from_float32",
        "float32",
        "int4/-1_from_float32",
    ]
    y = np.load(DATA / "keras315_int4_model_input.npy")
    for layer in layers:
        y = layer(y)
    np.testing.assert_allclose(
        np_of(y), np.load(DATA / "keras315_int4_model_output.npy"), rtol=1e-5, atol=1e-6
    )
