"""Masking: padded steps are zeroed and masked; config as Keras 3.15 writes it."""

from __future__ import annotations

import numpy as np
import pytest

from keras import ops
from keras.backend._masking import get_keras_mask
from keras.layers import Input
from keras.layers._core.masking import Masking


@pytest.mark.parametrize("mask_value", [0.0, -1.0, 9.0])
def test_masks_steps_whose_features_all_equal_the_value(mask_value: float) -> None:
    x = np.array(
        [
            [[1.0, 2.0], [mask_value, mask_value], [mask_value, 3.0]],
            [[mask_value] * 2, [4.0, 5.0], [mask_value] * 2],
        ],
        dtype="float32",
    )
    keep = np.any(x != mask_value, axis=-1)
    expected = np.where(keep[..., None], x, 0.0)
    layer = Masking(mask_value=mask_value)
    out = layer(x)
    np.testing.assert_allclose(ops.convert_to_numpy(out), expected)
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(out)), keep)
    np.testing.assert_array_equal(ops.convert_to_numpy(layer.compute_mask(x)), keep)


def test_symbolic_call_has_a_mask_without_the_feature_axis() -> None:
    out = Masking()(Input(shape=(5, 3)))
    assert tuple(out.shape) == (None, 5, 3)
    mask = get_keras_mask(out)
    assert mask is not None and tuple(mask.shape) == (None, 5)


def test_config_equals_keras_and_round_trips() -> None:
    layer = Masking(0.5, name="masking")
    assert layer.built
    config = layer.get_config()
    assert config == {
        "name": "masking",
        "trainable": True,
        "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {"name": "float32"},
            "registered_name": None,
        },
        "mask_value": 0.5,
    }
    assert Masking.from_config(config).mask_value == 0.5
