"""GroupQueryAttention: numpy references with shared key/value heads, masks, shapes, config, errors."""

from __future__ import annotations

from typing import Any

import attention_reference as ref
import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._attention.grouped_query_attention import GroupQueryAttention
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

RNG = np.random.default_rng(11)
B, T, S, D, HEAD = 2, 4, 5, 6, 3
QUERY = RNG.standard_normal((B, T, D)).astype("float32")
VALUE = RNG.standard_normal((B, S, D)).astype("float32")
VALUE_MASK = np.array([[1, 1, 0, 0, 0], [1, 1, 1, 1, 0]], dtype=bool)
FLOAT32_POLICY = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


def np_(x: Any) -> Any:
    return ops.convert_to_numpy(x)


def built_layer(query_heads: int, kv_heads: int, **kwargs: Any) -> tuple[GroupQueryAttention, list[Any]]:
    layer = GroupQueryAttention(HEAD, query_heads, kv_heads, **kwargs)
    layer.build(query_shape=(None, T, D), value_shape=(None, S, D))
    weights = ref.random_weights(RNG, [tuple(w.shape) for w in layer.weights])
    layer.set_weights(weights)
    return layer, weights


def gqa_reference(weights: list[Any], repeats: int, mask: Any = None) -> tuple[Any, Any]:
    """Query head `n` reads key/value head `n // repeats`."""
    wq, bq, wk, bk, wv, bv, wo, bo = weights
    q = ref.project(QUERY, wq, bq)
    k = np.repeat(ref.project(VALUE, wk, bk), repeats, axis=2)
    v = np.repeat(ref.project(VALUE, wv, bv), repeats, axis=2)
    out, scores = ref.heads_attention(q, k, v, mask)
    return np.tensordot(out, wo, axes=([2, 3], [0, 1])) + bo, scores


MASKS = {
    "none": ({}, None),
    "value-mask": ({"value_mask": VALUE_MASK}, VALUE_MASK[:, None, None, :]),
    "causal": ({"use_causal_mask": True}, ref.causal(T, S)),
    "causal-and-value-mask": (
        {"use_causal_mask": True, "value_mask": VALUE_MASK},
        ref.causal(T, S) & VALUE_MASK[:, None, None, :],
    ),
}


@pytest.mark.parametrize(("query_heads", "kv_heads"), [(4, 2), (4, 1), (2, 2)], ids=["grouped", "mqa", "mha"])
@pytest.mark.parametrize("mask_id", sorted(MASKS))
@pytest.mark.parametrize("with_scores", [False, True], ids=["fused", "scores"])
def test_matches_numpy_grouped_attention(
    query_heads: int, kv_heads: int, mask_id: str, with_scores: bool
) -> None:
    layer, weights = built_layer(query_heads, kv_heads)
    call, mask = MASKS[mask_id]
    expected, expected_scores = gqa_reference(weights, query_heads // kv_heads, mask)
    got = layer(QUERY, VALUE, return_attention_scores=with_scores, **call)
    if with_scores:
        got, scores = got
        assert tuple(scores.shape) == (B, query_heads, T, S)
        np.testing.assert_allclose(np_(scores), expected_scores, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_(got), expected, rtol=1e-5, atol=1e-5)


def test_sliding_window_and_dropout_in_training_only() -> None:
    layer, weights = built_layer(4, 2, sliding_window=2, dropout=0.5, seed=1)
    band = np.abs(np.arange(T)[:, None] - np.arange(S)[None, :]) < 2
    expected, expected_scores = gqa_reference(weights, 2, band)
    output, scores = layer(QUERY, VALUE, return_attention_scores=True)
    np.testing.assert_allclose(np_(scores), expected_scores, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_(output), expected, rtol=1e-5, atol=1e-5)
    trained = layer(QUERY, VALUE, training=True)
    assert not np.allclose(np_(trained), expected, atol=1e-3)


def test_weights_are_laid_out_as_in_keras() -> None:
    layer = GroupQueryAttention(4, 4, 2, use_gate=True)
    assert layer.name.startswith("grouped_query_attention")
    layer(np.zeros((1, 3, 5), "float32"), np.zeros((1, 4, 5), "float32"))
    assert [(w.path.split("/", 1)[1], tuple(w.shape)) for w in layer.weights] == [
        ("query/kernel", (5, 4, 4)),
        ("query/bias", (4, 4)),
        ("key/kernel", (5, 2, 4)),
        ("key/bias", (2, 4)),
        ("gate/kernel", (5, 4, 4)),
        ("gate/bias", (4, 4)),
        ("value/kernel", (5, 2, 4)),
        ("value/bias", (2, 4)),
        ("attention_output/kernel", (4, 4, 5)),
        ("attention_output/bias", (5,)),
    ]
    assert layer._query_dense.equation == "bqm,muh->bquh"
    assert layer._output_dense.equation == "bquh,uhm->bqm"


def test_symbolic_shapes() -> None:
    layer = GroupQueryAttention(4, 4, 2)
    output, scores = layer(Input((T, D)), Input((S, D)), return_attention_scores=True)
    assert tuple(output.shape) == (None, T, D)
    assert tuple(scores.shape) == (None, 4, T, S)
    assert layer.compute_output_shape((None, T, D), (None, S, D)) == (None, T, D)
    eager = layer(QUERY, VALUE)
    assert tuple(eager.shape) == (B, T, D)


def test_get_config_equals_keras() -> None:
    layer = GroupQueryAttention(
        8, 4, 1, dropout=0.2, use_bias=False, sliding_window=2, use_gate=True, seed=1, name="gqa"
    )
    # Copied from Keras 3.15.1.
    assert layer.get_config() == {
        "name": "gqa",
        "trainable": True,
        "dtype": FLOAT32_POLICY,
        "head_dim": 8,
        "num_query_heads": 4,
        "num_key_value_heads": 1,
        "use_bias": False,
        "use_gate": True,
        "sliding_window": 2,
        "dropout": 0.2,
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
        "seed": 1,
    }
    serialized = serialize_keras_object(layer)
    assert (serialized["module"], serialized["class_name"]) == ("keras.layers", "GroupQueryAttention")


def test_config_round_trip_gives_the_same_outputs() -> None:
    layer, _ = built_layer(4, 2, sliding_window=3)
    expected = np_(layer(QUERY, VALUE, use_causal_mask=True))
    restored = deserialize_keras_object(
        serialize_keras_object(layer), custom_objects={"GroupQueryAttention": GroupQueryAttention}
    )
    assert isinstance(restored, GroupQueryAttention)
    assert restored.get_config() == layer.get_config()
    assert restored.built  # from the build config in the serialized form
    restored.set_weights(layer.get_weights())
    np.testing.assert_allclose(np_(restored(QUERY, VALUE, use_causal_mask=True)), expected, rtol=1e-6)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (
            (4, 3, 2),
            {},
            r"`num_query_heads` must be divisible by `num_key_value_heads`. "
            r"Received: num_query_heads=3, num_key_value_heads=2",
        ),
        (
            (4, 0, 2),
            {},
            r"argument `num_query_heads`, expected a positive integer. Received: num_query_heads=0",
        ),
        ((4, 4, 2), {"sliding_window": -1}, r"`sliding_window` must be `None` or a positive integer"),
        (
            (4, 4, 2),
            {"dropout": 0.5, "flash_attention": True},
            r"Dropout is not supported when flash attention",
        ),
    ],
)
def test_bad_arguments_raise(args: tuple[int, ...], kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        GroupQueryAttention(*args, **kwargs)


def test_mismatched_query_and_value_features_raise_on_symbolic_inputs() -> None:
    with pytest.raises(
        ValueError,
        match=r"The last dimension of `query_shape` and `value_shape` must be equal, but are 6, 7. "
        r"Received: query_shape=\(None, 4, 6\), value_shape=\(None, 5, 7\)",
    ):
        GroupQueryAttention(4, 4, 2)(Input((T, 6)), Input((S, 7)))
