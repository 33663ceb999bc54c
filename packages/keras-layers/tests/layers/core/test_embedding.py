"""Embedding: lookups against numpy, masks, dtypes, config (as Keras 3.15 writes it), errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend._masking import get_keras_mask
from keras.layers import Input
from keras.layers._core.embedding import Embedding
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

TABLE = np.arange(12, dtype="float32").reshape(6, 2) / 10.0
FLOAT32_POLICY = {
    "module": "keras",
    "class_name": "DTypePolicy",
    "config": {"name": "float32"},
    "registered_name": None,
}


@pytest.mark.parametrize(
    "indices",
    [
        np.array([[0, 5, 2]], dtype="int32"),
        np.array([[1, 1], [4, 3]], dtype="int64"),
        np.array([3, 0], dtype="int32"),
        np.array([[[1], [2]]], dtype="int32"),
        np.array([[2.0, 4.0]], dtype="float32"),  # float indices are cast to int32
    ],
    ids=["int32", "int64", "rank1", "rank3", "float"],
)
def test_lookup_matches_numpy(indices: np.ndarray[Any, Any]) -> None:
    layer = Embedding(6, 2, weights=TABLE)
    out = layer(indices)
    np.testing.assert_allclose(ops.convert_to_numpy(out), TABLE[indices.astype("int64")], rtol=1e-6)
    assert ops.convert_to_numpy(out).dtype == np.float32
    assert tuple(out.shape) == layer.compute_output_shape(indices.shape)


def test_weights_argument_accepts_a_list_and_builds() -> None:
    layer = Embedding(6, 2, weights=[TABLE], name="emb")
    assert layer.built and layer.get_build_config() == {"shapes_dict": {}}
    assert [w.path for w in layer.weights] == ["emb/embeddings"]
    np.testing.assert_array_equal(layer.get_weights()[0], TABLE)


def test_default_initializer_is_uniform_in_five_hundredths() -> None:
    layer = Embedding(50, 8)
    layer.build()
    table = ops.convert_to_numpy(layer.embeddings)
    assert table.shape == (50, 8)
    assert np.abs(table).max() <= 0.05 and np.abs(table).max() > 0.04


def test_mask_zero_masks_index_zero() -> None:
    layer = Embedding(6, 2, mask_zero=True)
    indices = np.array([[0, 3, 0, 1]])
    out = layer(indices)
    expected = [[False, True, False, True]]
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(out)), expected)
    np.testing.assert_array_equal(ops.convert_to_numpy(layer.compute_mask(indices)), expected)
    assert layer.supports_masking
    assert Embedding(6, 2).compute_mask(indices) is None
    assert get_keras_mask(Embedding(6, 2)(indices)) is None


def test_symbolic_call_gives_shape_dtype_and_mask() -> None:
    out = Embedding(6, 3, mask_zero=True)(Input(shape=(4,), dtype="int32"))
    assert tuple(out.shape) == (None, 4, 3)
    assert out.dtype == "float32"
    mask = get_keras_mask(out)
    assert mask is not None and tuple(mask.shape) == (None, 4) and mask.dtype == "bool"


def test_mixed_precision_outputs_the_compute_dtype() -> None:
    layer = Embedding(6, 2, dtype="mixed_float16")
    out = layer(np.array([[1, 2]]))
    assert ops.convert_to_numpy(out).dtype == np.float16
    assert layer.embeddings.dtype == "float32"
    assert layer.autocast is False


def test_get_config_equals_keras() -> None:
    assert Embedding(10, 3, mask_zero=True, name="embedding").get_config() == {
        "name": "embedding",
        "trainable": True,
        "dtype": FLOAT32_POLICY,
        "input_dim": 10,
        "output_dim": 3,
        "embeddings_initializer": {
            "module": "keras.initializers",
            "class_name": "RandomUniform",
            "config": {"seed": None, "minval": -0.05, "maxval": 0.05},
            "registered_name": None,
        },
        "embeddings_regularizer": None,
        "activity_regularizer": None,
        "embeddings_constraint": None,
        "mask_zero": True,
        "quantization_config": None,
    }


def test_config_round_trip_gives_the_same_outputs() -> None:
    layer = Embedding(6, 2, mask_zero=True, embeddings_regularizer="l2", embeddings_constraint="non_neg")
    indices = np.array([[0, 1, 5]])
    expected = ops.convert_to_numpy(layer(indices))
    restored = deserialize_keras_object(
        serialize_keras_object(layer), custom_objects={"Embedding": Embedding}
    )
    assert isinstance(restored, Embedding)
    assert restored.get_config() == layer.get_config()
    restored.set_weights(layer.get_weights())
    np.testing.assert_allclose(ops.convert_to_numpy(restored(indices)), expected, rtol=1e-6)


@pytest.mark.parametrize(
    ("input_dim", "output_dim", "message"),
    [
        (0, 2, r"`input_dim` must be a positive integer. Received: input_dim=0 \(of type int\)."),
        (2.5, 2, r"`input_dim` must be a positive integer. Received: input_dim=2.5 \(of type float\)."),
        (4, True, r"`output_dim` must be a positive integer. Received: output_dim=True \(of type bool\)."),
        (4, -1, r"`output_dim` must be a positive integer. Received: output_dim=-1 \(of type int\)."),
    ],
)
def test_rejects_bad_dims(input_dim: Any, output_dim: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Embedding(input_dim, output_dim)


def test_input_length_is_deprecated_and_ignored() -> None:
    with pytest.warns(UserWarning, match="Argument `input_length` is deprecated"):
        layer = Embedding(4, 2, input_length=3)
    assert "input_length" not in layer.get_config()


def test_quantization_arguments_default_to_none() -> None:
    # LoRA and quantization themselves are tested in test_lora.py and test_quantize.py.
    layer = Embedding(4, 2)
    assert layer.get_config()["quantization_config"] is None
    assert (layer.lora_rank, layer.lora_alpha, layer.quantization_mode) == (None, None, None)
