"""MultiHeadAttention: numpy references with set weights, masks, axes, dropout, shapes, config, errors.

`data/transformer.weights.h5` is the fixture file Keras 3.15.1 saved for a small transformer;
`data/mha_keras_outputs.npz` holds what Keras 3.15.1 (jax backend) computed with its
MultiHeadAttention weights on fixed inputs (see `data/README.md`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import attention_reference as ref
import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.backend._masking import get_keras_mask, set_keras_mask
from keras.layers import Input
from keras.layers._attention.multi_head_attention import MultiHeadAttention
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

DATA = Path(__file__).parent / "data"
RNG = np.random.default_rng(7)
B, T, S, D, N, H = 2, 4, 5, 6, 3, 2
FLOAT32_POLICY = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


def np_(x: Any) -> Any:
    return ops.convert_to_numpy(x)


def built_layer(**kwargs: Any) -> tuple[MultiHeadAttention, list[Any]]:
    """A (N=3, H=2) layer built for query (B, T, 6), value (B, S, 6), with random weights set."""
    layer = MultiHeadAttention(num_heads=N, key_dim=H, **kwargs)
    layer.build(query_shape=(None, T, D), value_shape=(None, S, D))
    weights = ref.random_weights(RNG, [tuple(w.shape) for w in layer.weights])
    layer.set_weights(weights)
    return layer, weights


QUERY = RNG.standard_normal((B, T, D)).astype("float32")
VALUE = RNG.standard_normal((B, S, D)).astype("float32")
VALUE_MASK = np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 0]], dtype=bool)
ATTENTION_MASK = RNG.random((B, T, S)) > 0.4
ATTENTION_MASK[:, :, 0] = True  # every query sees at least one key


@dataclass(frozen=True)
class MaskCase:
    id: str
    call: dict[str, Any]
    mask: Any  # broadcastable to (B, N, T, S), or None


MASK_CASES = [
    MaskCase("no-mask", {}, None),
    MaskCase("value-mask", {"value_mask": VALUE_MASK}, VALUE_MASK[:, None, None, :]),
    MaskCase("key-mask", {"key": VALUE, "key_mask": VALUE_MASK}, VALUE_MASK[:, None, None, :]),
    MaskCase("attention-mask", {"attention_mask": ATTENTION_MASK}, ATTENTION_MASK[:, None]),
    MaskCase("causal", {"use_causal_mask": True}, ref.causal(T, S)),
    MaskCase(
        "causal-and-value-mask",
        {"use_causal_mask": True, "value_mask": VALUE_MASK},
        ref.causal(T, S) & VALUE_MASK[:, None, None, :],
    ),
    MaskCase(
        "causal-and-attention-mask",
        {"use_causal_mask": True, "attention_mask": ATTENTION_MASK},
        ref.causal(T, S) & ATTENTION_MASK[:, None],
    ),
]


@pytest.mark.parametrize("case", MASK_CASES, ids=lambda c: c.id)
@pytest.mark.parametrize("with_scores", [False, True], ids=["fused", "scores"])
def test_matches_numpy_attention(case: MaskCase, with_scores: bool) -> None:
    layer, weights = built_layer()
    expected, expected_scores = ref.mha(QUERY, VALUE, weights, case.mask)
    got = layer(QUERY, VALUE, return_attention_scores=with_scores, **case.call)
    if with_scores:
        got, scores = got
        assert tuple(scores.shape) == (B, N, T, S)
        np.testing.assert_allclose(np_(scores), expected_scores, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_(got), expected, rtol=1e-5, atol=1e-5)


def test_sliding_window_is_a_symmetric_band() -> None:
    layer, weights = built_layer(sliding_window=2)
    band = np.abs(np.arange(T)[:, None] - np.arange(S)[None, :]) < 2
    expected, expected_scores = ref.mha(QUERY, VALUE, weights, band)
    output, scores = layer(QUERY, VALUE, return_attention_scores=True)
    np.testing.assert_allclose(np_(scores), expected_scores, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_(output), expected, rtol=1e-5, atol=1e-5)
    causal_band = band & ref.causal(T, S)
    expected, _ = ref.mha(QUERY, VALUE, weights, causal_band)
    np.testing.assert_allclose(np_(layer(QUERY, VALUE, use_causal_mask=True)), expected, rtol=1e-5, atol=1e-5)


def test_masked_query_rows_get_zero_weights() -> None:
    layer, weights = built_layer()
    query_mask = np.array([[1, 1, 0, 0], [1, 1, 1, 1]], dtype=bool)
    expected, expected_scores = ref.mha(QUERY, VALUE, weights, query_mask[:, None, :, None])
    output, scores = layer(QUERY, VALUE, query_mask=query_mask, return_attention_scores=True)
    np.testing.assert_allclose(np_(scores)[0, :, 2:], 0.0)
    np.testing.assert_allclose(np_(scores), expected_scores, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_(output), expected, rtol=1e-5, atol=1e-5)
    # The output carries the query mask, as in Keras.
    np.testing.assert_array_equal(np_(get_keras_mask(output)), query_mask)


def test_keras_masks_of_the_inputs_are_used() -> None:
    layer, _ = built_layer()
    value = ops.convert_to_tensor(VALUE.copy())  # numpy backend: the same array, so copy it
    set_keras_mask(value, ops.convert_to_tensor(VALUE_MASK))
    explicit = layer(QUERY, VALUE, value_mask=VALUE_MASK, return_attention_scores=True)
    implicit = layer(QUERY, value, return_attention_scores=True)
    for got, want in zip(implicit, explicit, strict=True):
        np.testing.assert_allclose(np_(got), np_(want), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(np_(implicit[1])[:, :, :, 3:][0], 0.0)


def test_value_may_have_its_own_feature_size_and_value_dim() -> None:
    layer = MultiHeadAttention(num_heads=2, key_dim=3, value_dim=4, output_shape=5)
    query = RNG.standard_normal((B, T, 6)).astype("float32")
    value = RNG.standard_normal((B, S, 7)).astype("float32")
    key = RNG.standard_normal((B, S, 8)).astype("float32")
    layer.build(query.shape, value.shape, key.shape)
    shapes = [tuple(w.shape) for w in layer.weights]
    assert shapes == [(6, 2, 3), (2, 3), (8, 2, 3), (2, 3), (7, 2, 4), (2, 4), (2, 4, 5), (5,)]
    weights = ref.random_weights(RNG, shapes)
    layer.set_weights(weights)
    expected, _ = ref.mha(query, value, weights, key=key)
    out = layer(query, value, key=key)
    np.testing.assert_allclose(np_(out), expected, rtol=1e-5, atol=1e-5)


def test_attention_over_two_axes() -> None:
    # query (B, 2, 3, 4): attention runs jointly over the 2 x 3 grid.
    layer = MultiHeadAttention(num_heads=2, key_dim=3, attention_axes=(1, 2))
    x = RNG.standard_normal((2, 2, 3, 4)).astype("float32")
    y = RNG.standard_normal((2, 2, 3, 4)).astype("float32")
    layer.build(x.shape, y.shape)
    weights = ref.random_weights(RNG, [tuple(w.shape) for w in layer.weights])
    layer.set_weights(weights)
    wq, bq, wk, bk, wv, bv, wo, bo = weights
    q, k, v = ref.project(x, wq, bq), ref.project(y, wk, bk), ref.project(y, wv, bv)
    logits = np.einsum("bxynh,buvnh->bnxyuv", q, k) / np.sqrt(3)
    probs = ref.softmax(logits, axis=(4, 5))
    expected = np.tensordot(np.einsum("bnxyuv,buvnh->bxynh", probs, v), wo, axes=([3, 4], [0, 1])) + bo
    output, scores = layer(x, y, return_attention_scores=True)
    assert layer.get_config()["attention_axes"] == (1, 2)
    np.testing.assert_allclose(np_(scores), probs, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_(output), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(np_(layer(x, y)), expected, rtol=1e-5, atol=1e-5)
    symbolic, symbolic_scores = MultiHeadAttention(2, 3, attention_axes=(1, 2))(
        Input((2, 3, 4)), Input((2, 3, 4)), return_attention_scores=True
    )
    assert tuple(symbolic.shape) == (None, 2, 3, 4)
    assert tuple(symbolic_scores.shape) == (None, 2, 2, 3, 2, 3)


def test_single_negative_attention_axis_is_resolved_against_the_query() -> None:
    # attention_axes=-2 on a (B, X, Y, D) query means Y; X acts as a batch axis.
    layer = MultiHeadAttention(num_heads=1, key_dim=2, attention_axes=-2)
    x = RNG.standard_normal((2, 3, 4, 5)).astype("float32")
    _, scores = layer(x, x, return_attention_scores=True)
    assert layer.get_config()["attention_axes"] == (2,)
    assert tuple(scores.shape) == (2, 3, 1, 4, 4)
    np.testing.assert_allclose(np_(scores).sum(-1), 1.0, rtol=1e-5)


def test_dropout_applies_only_in_training() -> None:
    layer, weights = built_layer(dropout=0.5, seed=3)
    expected, expected_scores = ref.mha(QUERY, VALUE, weights)
    for training in (None, False):
        output, scores = layer(QUERY, VALUE, return_attention_scores=True, training=training)
        np.testing.assert_allclose(np_(output), expected, rtol=1e-5, atol=1e-5)
    output, scores = layer(QUERY, VALUE, return_attention_scores=True, training=True)
    # The returned weights are those before dropout; the output used the dropped ones.
    np.testing.assert_allclose(np_(scores), expected_scores, rtol=1e-5, atol=1e-6)
    assert not np.allclose(np_(output), expected, atol=1e-3)
    assert len(layer.non_trainable_variables) == 1  # the dropout's seed state


@pytest.mark.parametrize("use_gate", [False, True])
def test_symbolic_shapes_match_eager(use_gate: bool) -> None:
    layer = MultiHeadAttention(num_heads=2, key_dim=4, use_gate=use_gate)
    output, scores = layer(Input((T, D)), Input((S, 7)), return_attention_scores=True)
    assert tuple(output.shape) == (None, T, D)
    assert tuple(scores.shape) == (None, 2, T, S)
    eager, eager_scores = layer(
        QUERY, RNG.standard_normal((B, S, 7)).astype("float32"), return_attention_scores=True
    )
    assert tuple(eager.shape) == (B, T, D) and tuple(eager_scores.shape) == (B, 2, T, S)
    assert layer.compute_output_shape((None, T, D), (None, S, 7)) == (None, T, D)
    assert MultiHeadAttention(2, 4, output_shape=(3, 5)).compute_output_shape((None, T, D), (None, S, 7)) == (
        None,
        T,
        3,
        5,
    )
    assert tuple(layer(Input((T, D)), Input((S, 7))).shape) == (None, T, D)


def test_gate_multiplies_by_a_sigmoid_projection_of_the_query() -> None:
    layer = MultiHeadAttention(num_heads=N, key_dim=H, use_gate=True)
    layer.build(query_shape=(None, T, D), value_shape=(None, S, D))
    paths = [w.path for w in layer.weights]
    assert [p.split("/", 1)[1] for p in paths] == [
        "query/kernel",
        "query/bias",
        "key/kernel",
        "key/bias",
        "gate/kernel",
        "gate/bias",
        "value/kernel",
        "value/bias",
        "attention_output/kernel",
        "attention_output/bias",
    ]
    weights = ref.random_weights(RNG, [tuple(w.shape) for w in layer.weights])
    layer.set_weights(weights)
    wq, bq, wk, bk, wg, bg, wv, bv, wo, bo = weights
    heads, _ = ref.heads_attention(
        ref.project(QUERY, wq, bq), ref.project(VALUE, wk, bk), ref.project(VALUE, wv, bv)
    )
    gate = 1.0 / (1.0 + np.exp(-ref.project(QUERY, wg, bg)))
    expected = np.tensordot(heads * gate, wo, axes=([2, 3], [0, 1])) + bo
    np.testing.assert_allclose(np_(layer(QUERY, VALUE)), expected, rtol=1e-5, atol=1e-5)


def test_weights_and_sublayers_are_laid_out_as_in_keras() -> None:
    layer = MultiHeadAttention(num_heads=2, key_dim=8, name="multi_head_attention_layout")
    layer(np.zeros((1, 12, 16), "float32"), np.zeros((1, 12, 16), "float32"))
    assert [(w.path, tuple(w.shape)) for w in layer.weights] == [
        ("multi_head_attention_layout/query/kernel", (16, 2, 8)),
        ("multi_head_attention_layout/query/bias", (2, 8)),
        ("multi_head_attention_layout/key/kernel", (16, 2, 8)),
        ("multi_head_attention_layout/key/bias", (2, 8)),
        ("multi_head_attention_layout/value/kernel", (16, 2, 8)),
        ("multi_head_attention_layout/value/bias", (2, 8)),
        ("multi_head_attention_layout/attention_output/kernel", (2, 8, 16)),
        ("multi_head_attention_layout/attention_output/bias", (16,)),
    ]
    assert (layer.query_dense.equation, layer.output_dense.equation) == ("abc,cde->abde", "abcd,cde->abe")
    assert (layer._dot_product_equation, layer._combine_equation) == ("aecd,abcd->acbe", "acbe,aecd->abcd")
    assert layer.get_build_config() == {
        "shapes_dict": {"query_shape": [1, 12, 16], "value_shape": [1, 12, 16]}
    }
    no_bias = MultiHeadAttention(num_heads=2, key_dim=8, use_bias=False)
    no_bias.build((None, 12, 16), (None, 12, 16))
    assert [tuple(w.shape) for w in no_bias.weights] == [(16, 2, 8), (16, 2, 8), (16, 2, 8), (2, 8, 16)]


# The MultiHeadAttention entry of the fixture's config.json (Keras 3.15.1), and its build config.
FIXTURE_CONFIG = {
    "name": "multi_head_attention",
    "trainable": True,
    "dtype": FLOAT32_POLICY,
    "num_heads": 2,
    "key_dim": 8,
    "value_dim": 8,
    "dropout": 0.0,
    "use_bias": True,
    "use_gate": False,
    "output_shape": None,
    "attention_axes": [1],
    "sliding_window": None,
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
    "activity_regularizer": None,
    "kernel_constraint": None,
    "bias_constraint": None,
    "seed": None,
}
FIXTURE_BUILD = {"shapes_dict": {"query_shape": [None, 12, 16], "value_shape": [None, 12, 16]}}


def test_loads_the_keras_fixture_weights_and_reproduces_keras() -> None:
    h5py = pytest.importorskip("h5py")
    layer = MultiHeadAttention.from_config(FIXTURE_CONFIG)
    layer.build_from_config(FIXTURE_BUILD)
    with h5py.File(DATA / "transformer.weights.h5", "r") as file:
        for name in ("query_dense", "key_dense", "value_dense", "output_dense"):
            getattr(layer, name).load_own_variables(file[f"layers/multi_head_attention/{name}/vars"])
    data = np.load(DATA / "mha_keras_outputs.npz")
    x, y = data["x"], data["y"]
    output, scores = layer(x, x, return_attention_scores=True)
    np.testing.assert_allclose(np_(output), data["self_output"], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(np_(scores), data["self_scores"], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_(layer(x, x)), data["self_output"], rtol=1e-5, atol=1e-5)
    causal = layer(x, x, use_causal_mask=True)
    np.testing.assert_allclose(np_(causal), data["causal_output"], rtol=1e-5, atol=1e-5)
    masked, masked_scores = layer(x, y, value_mask=data["value_mask"], return_attention_scores=True)
    np.testing.assert_allclose(np_(masked), data["masked_output"], rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(np_(masked_scores), data["masked_scores"], rtol=1e-5, atol=1e-6)
    fused = layer(x, y, value_mask=data["value_mask"])
    np.testing.assert_allclose(np_(fused), data["masked_fused_output"], rtol=1e-5, atol=1e-5)
    config = layer.get_config()
    assert config == {**FIXTURE_CONFIG, "attention_axes": (1,)}


def test_get_config_equals_keras() -> None:
    layer = MultiHeadAttention(2, 4, name="multi_head_attention")
    assert layer.get_config() == {**FIXTURE_CONFIG, "key_dim": 4, "value_dim": 4, "attention_axes": None}
    layer.build((None, 3, 5), (None, 4, 6))
    assert layer.get_config()["attention_axes"] == (1,)
    full = MultiHeadAttention(
        3,
        4,
        value_dim=5,
        dropout=0.1,
        use_bias=False,
        output_shape=7,
        attention_axes=-2,
        sliding_window=3,
        kernel_initializer="he_normal",
        bias_regularizer="l2",
        use_gate=True,
        seed=4,
        name="mha",
    )
    # Copied from Keras 3.15.1.
    assert full.get_config() == {
        "name": "mha",
        "trainable": True,
        "dtype": FLOAT32_POLICY,
        "num_heads": 3,
        "key_dim": 4,
        "value_dim": 5,
        "dropout": 0.1,
        "use_bias": False,
        "use_gate": True,
        "output_shape": (7,),
        "attention_axes": (-2,),
        "sliding_window": 3,
        "kernel_initializer": {
            "module": "keras.initializers",
            "class_name": "HeNormal",
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
        "bias_regularizer": {
            "module": "keras.regularizers",
            "class_name": "L2",
            "config": {"l2": 0.01},
            "registered_name": None,
        },
        "activity_regularizer": None,
        "kernel_constraint": None,
        "bias_constraint": None,
        "seed": 4,
    }


def test_config_round_trip_gives_the_same_outputs() -> None:
    layer, _ = built_layer(output_shape=(2, 3), sliding_window=3)
    expected = np_(layer(QUERY, VALUE, value_mask=VALUE_MASK))
    restored = deserialize_keras_object(
        serialize_keras_object(layer), custom_objects={"MultiHeadAttention": MultiHeadAttention}
    )
    assert isinstance(restored, MultiHeadAttention)
    assert restored.get_config() == layer.get_config()
    assert restored.built  # from the build config in the serialized form
    restored.set_weights(layer.get_weights())
    np.testing.assert_allclose(np_(restored(QUERY, VALUE, value_mask=VALUE_MASK)), expected, rtol=1e-6)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"num_heads": 0}, r"argument `num_heads`, expected a positive integer. Received: num_heads=0"),
        ({"num_heads": 2.0}, r"argument `num_heads`, expected a positive integer. Received: num_heads=2.0"),
        ({"num_heads": None}, r"argument `num_heads`, expected a positive integer. Received: num_heads=None"),
        ({"key_dim": -1}, r"argument `key_dim`, expected a positive integer. Received: key_dim=-1"),
        ({"value_dim": 0}, r"`value_dim`, expected a positive integer or `None`. Received: value_dim=0"),
        (
            {"attention_axes": "x"},
            r"`attention_axes` must be an int, list, or tuple. Received: attention_axes=x",
        ),
        (
            {"sliding_window": 0},
            r"`sliding_window` must be `None` or a positive integer. Received: sliding_window=0",
        ),
        ({"output_shape": object}, r"Invalid `output_shape`"),
        (
            {"dropout": 0.1, "flash_attention": True},
            r"Dropout is not supported when flash attention is enabled",
        ),
    ],
)
def test_bad_arguments_raise(kwargs: dict[str, Any], message: str) -> None:
    arguments = {"num_heads": 2, "key_dim": 4, **kwargs}
    with pytest.raises(ValueError, match=message):
        MultiHeadAttention(**arguments)


def test_mismatched_inputs_raise() -> None:
    layer = MultiHeadAttention(2, 4, name="mha_bad")
    with pytest.raises(
        ValueError,
        match=r"All dimensions of `value` and `key`, except the last one, must be equal. "
        r"Received: value_shape=\(2, 4, 5\) and key_shape=\(2, 6, 5\)",
    ):
        layer(np.ones((2, 3, 5), "float32"), np.ones((2, 4, 5), "float32"), key=np.ones((2, 6, 5), "float32"))
    with pytest.raises(
        ValueError,
        match=r"MultiHeadAttention 'mha_bad': `query` and `value` must have the same rank. "
        r"Received: query_shape=\(2, 3, 5\), value_shape=\(2, 4, 2, 5\)",
    ):
        layer(np.ones((2, 3, 5), "float32"), np.ones((2, 4, 2, 5), "float32"))
    with pytest.raises(ValueError, match=r"All dimensions of `value` and `key`, except the last one"):
        MultiHeadAttention(2, 4)(Input((3, 5)), Input((4, 5)), key=Input((6, 5)))


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
def test_weights_get_gradients() -> None:
    layer, _ = built_layer()
    trainable = [v.value for v in layer.trainable_variables]

    def loss(values: list[Any]) -> Any:
        out, _ = layer.stateless_call(values, [], QUERY, VALUE)
        return ops.sum(ops.square(out))

    if backend() == "jax":
        import jax

        grads = jax.grad(loss)(trainable)
    elif backend() == "torch":
        import torch

        leaves = [torch.tensor(np_(v), requires_grad=True) for v in trainable]
        loss(leaves).backward()
        grads = [leaf.grad for leaf in leaves]
    else:
        import tensorflow as tf

        leaves = [tf.Variable(np_(v)) for v in trainable]
        with tf.GradientTape() as tape:
            value = loss(leaves)
        grads = tape.gradient(value, leaves)
    assert len(grads) == 8
    assert all(float(np.abs(np_(g)).sum()) > 0 for g in grads)
