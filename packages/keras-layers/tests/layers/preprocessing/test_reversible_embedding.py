"""ReversibleEmbedding: forward lookup, reverse projection (tied or not), dtypes, soft
cap, masks, shapes, weight names/order as Keras 3.15 and a weights round trip."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import backend, ops
from keras.backend._masking import get_keras_mask
from keras.layers import Input
from keras.layers._preprocessing.reversible_embedding import ReversibleEmbedding

TABLE = np.random.default_rng(0).normal(size=(6, 3)).astype("float32")
REVERSE = np.random.default_rng(1).normal(size=(3, 6)).astype("float32")
VECTORS = np.random.default_rng(2).normal(size=(2, 4, 3)).astype("float32")
UNIFORM = {
    "module": "keras.initializers",
    "class_name": "RandomUniform",
    "config": {"seed": None, "minval": -0.05, "maxval": 0.05},
    "registered_name": None,
}


def as_np(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


def built(**kwargs: Any) -> ReversibleEmbedding:
    layer = ReversibleEmbedding(6, 3, **kwargs)
    layer.build()
    layer.set_weights([TABLE] if kwargs.get("tie_weights", True) else [TABLE, REVERSE])
    return layer


def test_forward_is_a_lookup() -> None:
    ids = np.array([[0, 5, 2]])
    np.testing.assert_array_equal(as_np(built()(ids)), TABLE[ids])


@pytest.mark.parametrize(
    ("kwargs", "kernel", "cap"),
    [
        ({}, TABLE.T, None),
        ({"tie_weights": False}, REVERSE, None),
        ({"logit_soft_cap": 0.5}, TABLE.T, 0.5),
        ({"tie_weights": False, "logit_soft_cap": 2.0}, REVERSE, 2.0),
    ],
)
def test_reverse_projection(kwargs: dict[str, Any], kernel: np.ndarray, cap: float | None) -> None:
    expected = VECTORS @ kernel
    if cap is not None:
        expected = cap * np.tanh(expected / cap)
    out = built(**kwargs)(VECTORS, reverse=True)
    np.testing.assert_allclose(as_np(out), expected, rtol=1e-5, atol=1e-6)


def test_reverse_dtype_and_mixed_precision() -> None:
    out = built(reverse_dtype="float16")(VECTORS, reverse=True)
    assert backend.standardize_dtype(out.dtype) == "float16"
    np.testing.assert_allclose(as_np(out).astype("float32"), VECTORS @ TABLE.T, rtol=1e-2, atol=1e-2)
    mixed = ReversibleEmbedding(6, 3, dtype="mixed_float16")
    assert backend.standardize_dtype(mixed(np.array([1, 2])).dtype) == "float16"
    assert mixed(Input((3,)), reverse=True).dtype == "float16"


def test_shapes_symbolic_and_masks() -> None:
    layer = ReversibleEmbedding(6, 3, mask_zero=True)
    assert layer(Input((4,), dtype="int32")).shape == (None, 4, 3)
    assert layer(Input((4, 3)), reverse=True).shape == (None, 4, 6)
    assert tuple(layer.compute_output_shape((2, 4))) == (2, 4, 3)
    assert tuple(layer.compute_output_shape((2, 4, 3), reverse=True)) == (2, 4, 6)
    forward = layer(np.array([[1, 0, 2]]))
    np.testing.assert_array_equal(as_np(get_keras_mask(forward)), [[True, False, True]])
    assert get_keras_mask(layer(VECTORS, reverse=True)) is None
    assert layer.compute_mask(np.array([[1, 0]])) is None


def test_weight_names_order_and_round_trip() -> None:
    # Real Keras 3.15: ['reversible_embedding/embeddings', 'reversible_embedding/reverse_embeddings'].
    untied = ReversibleEmbedding(10, 4, tie_weights=False, name="reversible_embedding")
    untied.build((None,))
    assert [w.path for w in untied.weights] == [
        "reversible_embedding/embeddings",
        "reversible_embedding/reverse_embeddings",
    ]
    assert [tuple(w.shape) for w in untied.weights] == [(10, 4), (4, 10)]
    assert all(w.trainable for w in untied.weights)
    tied = ReversibleEmbedding(10, 4, name="tied")
    tied.build((None,))
    assert [w.path for w in tied.weights] == ["tied/embeddings"]
    # The .keras / .weights.h5 layout: own weights by index, in creation order.
    source = built(tie_weights=False)
    store: dict[str, Any] = {}
    source.save_own_variables(store)
    assert sorted(store) == ["0", "1"]
    np.testing.assert_array_equal(store["1"], REVERSE)
    target = ReversibleEmbedding.from_config(source.get_config())
    target.build((None,))
    target.load_own_variables(store)
    np.testing.assert_allclose(as_np(target(VECTORS, reverse=True)), VECTORS @ REVERSE, rtol=1e-5, atol=1e-6)


def test_config_matches_keras() -> None:
    layer = ReversibleEmbedding(10, 4, name="reversible_embedding")
    config = layer.get_config()
    assert config == {
        "name": "reversible_embedding",
        "trainable": True,
        "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {"name": "float32"},
            "registered_name": None,
        },
        "input_dim": 10,
        "output_dim": 4,
        "embeddings_initializer": UNIFORM,
        "embeddings_regularizer": None,
        "activity_regularizer": None,
        "embeddings_constraint": None,
        "mask_zero": False,
        "quantization_config": None,
        "tie_weights": True,
        "reverse_dtype": None,
        "logit_soft_cap": None,
    }
    clone = ReversibleEmbedding.from_config(
        {**config, "tie_weights": False, "reverse_dtype": "float16", "logit_soft_cap": 2.0}
    )
    assert isinstance(clone, ReversibleEmbedding)
    assert (clone.tie_weights, clone.reverse_dtype, clone.logit_soft_cap) == (False, "float16", 2.0)
    assert ReversibleEmbedding.from_config(config).get_config() == config


def test_bad_dims() -> None:
    with pytest.raises(ValueError, match="Received: input_dim=0"):
        ReversibleEmbedding(0, 3)
