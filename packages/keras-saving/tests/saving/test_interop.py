"""Files this suite wrote (tests/data/ours) load here on every backend, and in Keras 3."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

import keras.saving
from keras.backend import backend

from .conftest import DATA, fallback_objects

OURS = DATA / "ours"
OBJECTS = fallback_objects("Dense", "Conv2D", "MaxPooling2D", "Flatten")
KERAS3_PYTHON = Path("/tmp/allenv/bin/python")


@pytest.mark.parametrize("name", ["ours_cnn", "ours_mlp"])
@pytest.mark.parametrize("suffix", [".keras", ".weights.h5", ".safetensors"])
def test_our_files_reproduce_our_predictions(name: str, suffix: str) -> None:
    io = np.load(OURS / f"{name}.io.npz")
    model = keras.saving.load_model(OURS / f"{name}.keras", custom_objects=OBJECTS, compile=False)
    if suffix != ".keras":
        for variable in model.weights:
            variable.assign(np.zeros(variable.shape, variable.dtype))
        keras.saving.load_weights(model, OURS / f"{name}{suffix}")
    np.testing.assert_allclose(model.predict(io["x"], verbose=0), io["y"], rtol=1e-5, atol=1e-5)


@pytest.mark.skipif(
    not KERAS3_PYTHON.exists() or backend() != "jax",
    reason="needs the reference Keras 3 environment /tmp/allenv (checked once, in the jax run)",
)
def test_keras3_loads_our_files() -> None:
    script = Path(__file__).resolve().parents[1] / "interop" / "check_with_keras3.py"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KERAS_HOME")}
    result = subprocess.run(
        [str(KERAS3_PYTHON), str(script)], capture_output=True, text=True, env=env, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "2 files checked, 0 failures" in result.stdout
