"""Normalization and regularization layers trace under jax.jit: stateless training calls equal eager ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.layers._core.dense import Dense
from keras.layers._layer import Layer
from keras.layers._normalization.batch_normalization import BatchNormalization
from keras.layers._normalization.group_normalization import GroupNormalization
from keras.layers._normalization.layer_normalization import LayerNormalization
from keras.layers._normalization.rms_normalization import RMSNormalization
from keras.layers._normalization.spectral_normalization import SpectralNormalization
from keras.layers._regularization.alpha_dropout import AlphaDropout
from keras.layers._regularization.dropout import Dropout
from keras.layers._regularization.gaussian import GaussianDropout, GaussianNoise
from keras.layers._regularization.spatial_dropout import SpatialDropout1D

LAYERS: dict[str, Callable[[], Layer]] = {
    "batch-norm": lambda: BatchNormalization(momentum=0.5),
    "batch-renorm": lambda: BatchNormalization(renorm=True, renorm_clipping={"rmax": 2.0}),
    "group-norm": lambda: GroupNormalization(groups=2),
    "layer-norm": lambda: LayerNormalization(axis=[1, 2]),
    "rms-norm": lambda: RMSNormalization(),
    "spectral-norm": lambda: SpectralNormalization(Dense(3), power_iterations=2),
    "dropout": lambda: Dropout(0.5, noise_shape=(None, 1, None), seed=1),
    "spatial-dropout": lambda: SpatialDropout1D(0.5, seed=1),
    "gaussian-dropout": lambda: GaussianDropout(0.3, seed=1),
    "gaussian-noise": lambda: GaussianNoise(0.3, seed=1),
    "alpha-dropout": lambda: AlphaDropout(0.3, seed=1),
}


@pytest.mark.skipif(backend() != "jax", reason="jax.jit is the jax backend's compiler")
@pytest.mark.parametrize("name", sorted(LAYERS))
def test_a_jitted_stateless_training_call_equals_the_eager_one(name: str) -> None:
    import jax

    layer = LAYERS[name]()
    x = np.random.default_rng(0).standard_normal((4, 5, 6)).astype("float32")
    layer(x)
    trainable = [v.value for v in layer.trainable_variables]
    non_trainable = [v.value for v in layer.non_trainable_variables]

    def step(t: list[Any], n: list[Any], inputs: Any) -> Any:
        return layer.stateless_call(t, n, inputs, training=True)

    jitted_out, jitted_state = jax.jit(step)(trainable, non_trainable, x)
    eager_out, eager_state = step(trainable, non_trainable, x)
    np.testing.assert_allclose(ops.convert_to_numpy(jitted_out), ops.convert_to_numpy(eager_out), atol=1e-5)
    for jitted, eager in zip(jitted_state, eager_state, strict=True):
        np.testing.assert_allclose(ops.convert_to_numpy(jitted), ops.convert_to_numpy(eager), atol=1e-6)
    # the state (statistics or seeds), if any, moved on; the layer's own variables did not
    pairs = list(zip(jitted_state, non_trainable, strict=True))
    assert not pairs or any(not np.array_equal(np.asarray(a), np.asarray(b)) for a, b in pairs)
    for variable, before in zip(layer.non_trainable_variables, non_trainable, strict=True):
        np.testing.assert_array_equal(np.asarray(variable.value), np.asarray(before))
