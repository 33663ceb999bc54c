"""keras.export.ExportArchive: a SavedModel that reloads without Keras and gives the model's outputs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import keras
from keras import export, layers
from keras.backend import backend

on_tensorflow = pytest.mark.skipif(backend() != "tensorflow", reason="SavedModels are written on tensorflow")


def _model() -> Any:
    keras.utils.set_random_seed(3)
    return keras.Sequential([keras.Input((4,)), layers.Dense(5, activation="relu"), layers.Dense(2)])


X = np.random.RandomState(0).randn(3, 4).astype("float32")


def test_namespace() -> None:
    assert export.__all__ == ["ExportArchive"]


@pytest.mark.skipif(backend() == "tensorflow", reason="the tensorflow backend exports")
def test_other_backends_name_tensorflow() -> None:
    with pytest.raises(
        NotImplementedError,
        match=re.escape(
            f"needs the tensorflow backend (set KERAS_BACKEND=tensorflow). Received: backend={backend()!r}"
        ),
    ):
        export.ExportArchive()


@on_tensorflow
def test_saved_model_reloads_with_the_models_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import tensorflow as tf

    model = _model()
    archive = export.ExportArchive()
    archive.track(model)
    archive.add_endpoint(
        "serve",
        lambda x: model(x, training=False),
        input_signature=[keras.InputSpec(shape=(None, 4), dtype="float32")],
    )
    archive.track_and_add_endpoint("call", model, input_signature=[tf.TensorSpec((None, 4), tf.float32)])
    archive.add_variable_collection("weights", model.weights)
    archive.write_out(tmp_path / "saved")
    assert "Endpoint 'serve'" in capsys.readouterr().out
    loaded = tf.saved_model.load(str(tmp_path / "saved"))
    want = keras.ops.convert_to_numpy(model(X))
    np.testing.assert_allclose(loaded.serve(X).numpy(), want, rtol=1e-6)
    np.testing.assert_allclose(loaded.call(X).numpy(), want, rtol=1e-6)
    signature_out = loaded.signatures["serve"](tf.constant(X))
    np.testing.assert_allclose(next(iter(signature_out.values())).numpy(), want, rtol=1e-6)
    assert len(loaded.weights) == 4
    np.testing.assert_allclose(loaded.weights[0].numpy(), keras.ops.convert_to_numpy(model.weights[0]))


@on_tensorflow
def test_archive_errors(tmp_path: Path) -> None:
    archive = export.ExportArchive()
    with pytest.raises(ValueError, match=re.escape("No endpoints have been set yet. Call add_endpoint().")):
        archive.write_out(tmp_path / "x")
    unbuilt = keras.Sequential([layers.Dense(2)])
    with pytest.raises(ValueError, match="has not yet been built"):
        archive.track(unbuilt)
    with pytest.raises(ValueError, match="you must provide an `input_signature`"):
        archive.add_endpoint("serve", lambda x: x)
    archive.add_endpoint(
        "serve", lambda x: x, input_signature=[keras.InputSpec(shape=(None,), dtype="float32")]
    )
    with pytest.raises(ValueError, match=re.escape("Endpoint name 'serve' is already taken.")):
        archive.add_endpoint(
            "serve", lambda x: x, input_signature=[keras.InputSpec(shape=(None,), dtype="float32")]
        )
    with pytest.raises(TypeError, match="takes no arguments"):
        export.ExportArchive(1)
