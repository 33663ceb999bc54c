"""Identity: inputs come back unchanged (values, dtype, structure, mask)."""

from __future__ import annotations

import numpy as np

from keras import ops
from keras.backend._masking import get_keras_mask, set_keras_mask
from keras.layers import Input
from keras.layers._core.identity import Identity


def test_returns_the_inputs() -> None:
    x = np.array([[1, 2, 3]], dtype="int32")
    out = Identity()(x)
    np.testing.assert_array_equal(ops.convert_to_numpy(out), x)
    assert ops.convert_to_numpy(out).dtype == np.int32
    pair = Identity()([np.ones((1, 2), dtype="float32"), np.zeros((3,), dtype="float32")])
    assert [tuple(t.shape) for t in pair] == [(1, 2), (3,)]


def test_symbolic_keeps_shape_and_dtype() -> None:
    out = Identity()(Input(shape=(3, 2), dtype="int32"))
    assert tuple(out.shape) == (None, 3, 2) and out.dtype == "int32"
    assert Identity().compute_output_shape((None, 5)) == (None, 5)


def test_mask_passes_through() -> None:
    x = ops.convert_to_tensor(np.ones((1, 3), dtype="float32"))
    set_keras_mask(x, ops.convert_to_tensor(np.array([[True, False, True]])))
    np.testing.assert_array_equal(ops.convert_to_numpy(get_keras_mask(Identity()(x))), [[True, False, True]])


def test_built_at_construction_and_config_equals_keras() -> None:
    layer = Identity(name="identity")
    assert layer.built and layer.weights == []
    assert layer.get_config() == {
        "name": "identity",
        "trainable": True,
        "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {"name": "float32"},
            "registered_name": None,
        },
    }
    assert Identity.from_config(layer.get_config()).get_config() == layer.get_config()
