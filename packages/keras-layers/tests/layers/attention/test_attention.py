"""Attention and AdditiveAttention: numpy references, masks, scores, dropout, shapes, config, errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import attention_reference as ref
import numpy as np
import pytest

from keras import ops
from keras.backend._masking import get_keras_mask, set_keras_mask
from keras.layers import Input
from keras.layers._attention.additive_attention import AdditiveAttention
from keras.layers._attention.attention import Attention
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

RNG = np.random.default_rng(5)
B, TQ, TV, D = 2, 3, 4, 5
QUERY = RNG.standard_normal((B, TQ, D)).astype("float32")
VALUE = RNG.standard_normal((B, TV, 6)).astype("float32")  # the value may have its own feature size
KEY = RNG.standard_normal((B, TV, D)).astype("float32")
SELF_VALUE = RNG.standard_normal((B, TV, D)).astype("float32")
QUERY_MASK = np.array([[1, 0, 1], [1, 1, 1]], dtype=bool)
VALUE_MASK = np.array([[1, 1, 0, 0], [1, 1, 1, 0]], dtype=bool)
FLOAT32_POLICY = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


def np_(x: Any) -> Any:
    return ops.convert_to_numpy(x)


def dot_scores(query: Any, key: Any, scale: float = 1.0) -> Any:
    return scale * np.einsum("bqd,bvd->bqv", query, key)


def concat_scores(query: Any, key: Any, scale: float = 1.0, weight: float = 1.0) -> Any:
    return weight * np.tanh(scale * (query[:, :, None, :] + key[:, None, :, :])).sum(-1)


def additive_scores(query: Any, key: Any, scale: Any = 1.0) -> Any:
    return (scale * np.tanh(query[:, :, None, :] + key[:, None, :, :])).sum(-1)


def reference(scores: Any, value: Any, score_mask: Any = None, query_mask: Any = None) -> tuple[Any, Any]:
    """Masked scores get -1e9; masked query rows of the output are 0."""
    if score_mask is not None:
        scores = np.where(score_mask, scores, scores - 1e9)
    weights = ref.softmax(scores)
    output = weights @ value
    if query_mask is not None:
        output = np.where(query_mask[..., None], output, 0.0)
    return output, weights


@dataclass(frozen=True)
class Case:
    id: str
    layer: Any
    weights: list[Any]
    scores: Any  # numpy scores of (QUERY, KEY)
    value: Any = field(default_factory=lambda: VALUE)


SCALE_VECTOR = RNG.standard_normal(D).astype("float32")
CASES = [
    Case("dot", lambda: Attention(), [], dot_scores(QUERY, KEY)),
    Case("dot-scaled", lambda: Attention(use_scale=True), [np.float32(0.5)], dot_scores(QUERY, KEY, 0.5)),
    Case(
        "concat",
        lambda: Attention(score_mode="concat"),
        [np.float32(1.5)],
        concat_scores(QUERY, KEY, weight=1.5),
    ),
    Case(
        "concat-scaled",
        lambda: Attention(use_scale=True, score_mode="concat"),
        [np.float32(0.7), np.float32(1.5)],
        concat_scores(QUERY, KEY, 0.7, 1.5),
    ),
    Case("additive", lambda: AdditiveAttention(), [SCALE_VECTOR], additive_scores(QUERY, KEY, SCALE_VECTOR)),
    Case("additive-unscaled", lambda: AdditiveAttention(use_scale=False), [], additive_scores(QUERY, KEY)),
]

MASKINGS = {
    "none": ({}, None, None),
    "value-mask": ({"mask": [None, VALUE_MASK]}, VALUE_MASK[:, None, :], None),
    "query-and-value-mask": ({"mask": [QUERY_MASK, VALUE_MASK]}, VALUE_MASK[:, None, :], QUERY_MASK),
    "causal": ({"use_causal_mask": True}, ref.causal(TQ, TV), None),
    "causal-and-value-mask": (
        {"use_causal_mask": True, "mask": [QUERY_MASK, VALUE_MASK]},
        ref.causal(TQ, TV) & VALUE_MASK[:, None, :],
        QUERY_MASK,
    ),
}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
@pytest.mark.parametrize("masking", sorted(MASKINGS))
def test_matches_numpy(case: Case, masking: str) -> None:
    layer = case.layer()
    layer.build([QUERY.shape, VALUE.shape, KEY.shape])
    layer.set_weights(case.weights)
    call, score_mask, query_mask = MASKINGS[masking]
    expected, expected_weights = reference(case.scores, case.value, score_mask, query_mask)
    output, weights = layer([QUERY, VALUE, KEY], return_attention_scores=True, **call)
    np.testing.assert_allclose(np_(weights), expected_weights, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_(output), expected, rtol=1e-5, atol=1e-5)
    plain = layer([QUERY, VALUE, KEY], **call)
    np.testing.assert_allclose(np_(plain), expected, rtol=1e-5, atol=1e-5)


def test_value_is_the_key_by_default() -> None:
    output, weights = Attention()([QUERY, SELF_VALUE], return_attention_scores=True)
    expected, expected_weights = reference(dot_scores(QUERY, SELF_VALUE), SELF_VALUE)
    np.testing.assert_allclose(np_(weights), expected_weights, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np_(output), expected, rtol=1e-5, atol=1e-5)


def test_keras_masks_of_the_inputs_are_used_and_the_query_mask_passes_on() -> None:
    query = ops.convert_to_tensor(QUERY.copy())  # numpy backend: the same array, so copy it
    value = ops.convert_to_tensor(SELF_VALUE.copy())
    set_keras_mask(query, ops.convert_to_tensor(QUERY_MASK))
    set_keras_mask(value, ops.convert_to_tensor(VALUE_MASK))
    output = Attention()([query, value])
    expected, _ = reference(dot_scores(QUERY, SELF_VALUE), SELF_VALUE, VALUE_MASK[:, None, :], QUERY_MASK)
    np.testing.assert_allclose(np_(output), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(np_(get_keras_mask(output)), QUERY_MASK)


def test_dropout_applies_only_in_training() -> None:
    # With the identity as value, the output is the attention weights themselves.
    value = np.broadcast_to(np.eye(TV, dtype="float32"), (B, TV, TV)).copy()
    key = RNG.standard_normal((B, TV, D)).astype("float32")
    layer = Attention(dropout=0.5, seed=2)
    _, expected = reference(dot_scores(QUERY, key), value)
    for training in (None, False):
        np.testing.assert_allclose(np_(layer([QUERY, value, key], training=training)), expected, rtol=1e-5)
    dropped = np_(layer([QUERY, value, key], training=True))
    kept = dropped != 0
    assert kept.any() and not kept.all()
    np.testing.assert_allclose(dropped[kept], 2.0 * expected[kept], rtol=1e-5)
    assert len(layer.non_trainable_variables) == 1  # the seed state


@pytest.mark.parametrize("layer_class", [Attention, AdditiveAttention])
def test_symbolic_shapes(layer_class: type[Attention]) -> None:
    layer = layer_class()
    output, weights = layer([Input((TQ, D)), Input((TV, 6)), Input((TV, D))], return_attention_scores=True)
    assert tuple(output.shape) == (None, TQ, 6)
    assert tuple(weights.shape) == (None, TQ, TV)
    assert tuple(layer([Input((TQ, D)), Input((TV, D))]).shape) == (None, TQ, D)
    assert layer.compute_output_shape([(None, TQ, D), (None, TV, 6)]) == (None, TQ, 6)
    assert tuple(layer([QUERY, VALUE, KEY]).shape) == (B, TQ, 6)


def test_weights_are_named_as_in_keras() -> None:
    attention = Attention(use_scale=True, score_mode="concat", name="attention_w")
    attention.build([(None, TQ, D), (None, TV, D)])
    assert [(w.path, tuple(w.shape)) for w in attention.weights] == [
        ("attention_w/scale", ()),
        ("attention_w/concat_score_weight", ()),
    ]
    additive = AdditiveAttention(name="additive_w")
    additive.build([(None, TQ, D), (None, TV, D)])
    assert [(w.path, tuple(w.shape)) for w in additive.weights] == [("additive_w/scale", (D,))]
    assert Attention().weights == []


def test_get_config_equals_keras() -> None:
    # Copied from Keras 3.15.1.
    assert Attention(use_scale=True, score_mode="concat", dropout=0.3, seed=5, name="att").get_config() == {
        "name": "att",
        "trainable": True,
        "dtype": FLOAT32_POLICY,
        "use_scale": True,
        "score_mode": "concat",
        "dropout": 0.3,
        "seed": 5,
    }
    assert AdditiveAttention(use_scale=False, dropout=0.1, seed=3, name="add").get_config() == {
        "name": "add",
        "trainable": True,
        "dtype": FLOAT32_POLICY,
        "use_scale": False,
        "dropout": 0.1,
        "seed": 3,
    }
    assert Attention().get_config()["score_mode"] == "dot"
    assert AdditiveAttention().get_config()["use_scale"] is True


@pytest.mark.parametrize("case", [CASES[3], CASES[4]], ids=lambda c: c.id)
def test_config_round_trip_gives_the_same_outputs(case: Case) -> None:
    layer = case.layer()
    layer.build([QUERY.shape, VALUE.shape, KEY.shape])
    layer.set_weights(case.weights)
    expected = np_(layer([QUERY, VALUE, KEY]))
    cls = type(layer)
    restored = deserialize_keras_object(serialize_keras_object(layer), custom_objects={cls.__name__: cls})
    assert type(restored) is cls
    assert restored.get_config() == layer.get_config()
    assert restored.built  # from the build config in the serialized form
    restored.set_weights(layer.get_weights())
    np.testing.assert_allclose(np_(restored([QUERY, VALUE, KEY])), expected, rtol=1e-6)


def test_bad_score_mode_raises() -> None:
    with pytest.raises(
        ValueError,
        match=r"Invalid value for argument score_mode. Expected one of \{'dot', 'concat'\}. Received: score_mode=x",
    ):
        Attention(score_mode="x")


@pytest.mark.parametrize(
    ("inputs", "kwargs", "message"),
    [
        (QUERY, {}, r"Attention layer must be called on a list of inputs, namely \[query, value\]"),
        ([QUERY], {}, r"Attention layer accepts inputs list of length 2 or 3, .* Received length: 1."),
        (
            [QUERY, KEY],
            {"mask": QUERY_MASK},
            r"Attention layer mask must be a list, namely \[query_mask, value_mask\]",
        ),
        ([QUERY, KEY], {"mask": [QUERY_MASK]}, r"Attention layer accepts mask list of length 2 or 3."),
        (
            [QUERY, VALUE],
            {},
            r"Attention layer 'attention_bad': `query` and `key` must have the same last dimension. "
            r"Received: query_shape=\(2, 3, 5\), key_shape=\(2, 4, 6\)",
        ),
    ],
)
def test_bad_inputs_raise(inputs: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Attention(name="attention_bad")(inputs, **kwargs)


def test_additive_mismatched_query_and_key_raise() -> None:
    with pytest.raises(
        ValueError, match=r"AdditiveAttention layer 'additive_bad': `query` and `key` must have"
    ):
        AdditiveAttention(name="additive_bad")([Input((TQ, D)), Input((TV, 6))])
