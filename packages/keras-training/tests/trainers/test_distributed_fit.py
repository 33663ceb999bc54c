"""`fit` under `keras.distribution` on two (simulated) CPU devices, jax backend.

jax fixes its device count when it starts, so the checks run in a fresh process with
`--xla_force_host_platform_device_count=2`. DataParallel must give the single-device
result (to 1e-5): variables replicated on both devices, batches split between them.
ModelParallel must place each kernel as its LayoutMap says and also give that result.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from keras.backend import backend

pytestmark = pytest.mark.skipif(backend() != "jax", reason="multi-device placement is implemented on jax")

SCRIPT = textwrap.dedent(
    """
    import numpy as np
    import jax
    import keras
    from keras import distribution as dist

    assert len(jax.devices()) == 2, jax.devices()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 8)).astype("float32")
    y = rng.normal(size=(64, 4)).astype("float32")

    def train(strategy):
        dist.set_distribution(strategy)
        try:
            model = keras.Sequential([
                keras.Input((8,)),
                keras.layers.Dense(16, activation="relu", name="hidden"),
                keras.layers.Dense(4, name="out"),
            ])
            model.set_weights(initial)
            model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
            model.fit(x, y, batch_size=16, epochs=3, shuffle=False, verbose=0)
            return model
        finally:
            dist.set_distribution(None)

    reference = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(4)])
    initial = reference.get_weights()
    single = train(None)
    expected = single.get_weights()
    assert len(single.layers[0].kernel.value.sharding.device_set) == 1

    data_parallel = train(dist.DataParallel(devices=dist.list_devices()))
    kernel = data_parallel.layers[0].kernel.value
    assert len(kernel.sharding.device_set) == 2 and kernel.sharding.is_fully_replicated, kernel.sharding
    for got, want in zip(data_parallel.get_weights(), expected):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    prediction = data_parallel.predict(x[:16], batch_size=16, verbose=0)
    np.testing.assert_allclose(prediction, single.predict(x[:16], verbose=0), rtol=1e-5, atol=1e-5)

    mesh = dist.DeviceMesh((1, 2), ["batch", "model"], dist.list_devices())
    layout_map = dist.LayoutMap(mesh)
    layout_map[".*hidden/kernel"] = (None, "model")
    model_parallel = train(dist.ModelParallel(layout_map=layout_map))
    kernel = model_parallel.layers[0].kernel.value
    assert tuple(kernel.sharding.spec) == (None, "model"), kernel.sharding
    assert kernel.addressable_shards[0].data.shape == (8, 8)
    for got, want in zip(model_parallel.get_weights(), expected):
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    print("ok")
    """
)


def test_fit_under_data_and_model_parallel_matches_one_device() -> None:
    env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=2", KERAS_BACKEND="jax")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
