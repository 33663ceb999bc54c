"""End to end on the active backend: build, compile, fit, evaluate, save, reload, predict."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import keras

needs_training = pytest.mark.skipif(
    keras.backend.backend() == "numpy", reason="the numpy backend cannot train"
)

rng = np.random.default_rng(11)
X = rng.normal(size=(192, 6, 6, 1)).astype("float32")
LABELS = (X.mean(axis=(1, 2, 3)) > 0).astype("int32")  # a separable rule


def small_convnet() -> keras.Model:
    inputs = keras.Input((6, 6, 1), name="image")
    x = keras.layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
    x = keras.layers.MaxPooling2D(2)(x)
    x = keras.layers.Flatten()(x)
    x = keras.layers.Dropout(0.1, seed=1)(x)
    outputs = keras.layers.Dense(2, activation="softmax", name="probabilities")(x)
    return keras.Model(inputs, outputs, name="small_convnet")


@needs_training
def test_fit_evaluate_save_reload_predict(tmp_path: Path) -> None:
    keras.utils.set_random_seed(0)
    model = small_convnet()
    model.compile(
        optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"]
    )
    history = model.fit(X, LABELS, epochs=15, batch_size=32, validation_split=0.25, verbose=0)
    assert sorted(history.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert history.history["loss"][-1] < history.history["loss"][0]
    loss, accuracy = model.evaluate(X, LABELS, verbose=0)
    assert accuracy > 0.8

    path = tmp_path / "model.keras"
    model.save(path)
    reloaded = keras.models.load_model(path)
    np.testing.assert_allclose(
        reloaded.predict(X, verbose=0), model.predict(X, verbose=0), rtol=1e-6, atol=1e-6
    )
    assert reloaded.evaluate(X, LABELS, verbose=0) == pytest.approx([loss, accuracy], rel=1e-5)
    # the optimizer state came back (steps and slots), so training resumes where it stopped
    assert len(reloaded.optimizer.variables) == len(model.optimizer.variables)
    for a, b in zip(model.optimizer.variables, reloaded.optimizer.variables, strict=True):
        np.testing.assert_allclose(keras.ops.convert_to_numpy(a), keras.ops.convert_to_numpy(b), rtol=1e-6)


def test_weights_round_trip_on_every_backend(tmp_path: Path) -> None:
    model = small_convnet()
    path = tmp_path / "model.weights.h5"
    model.save_weights(path)
    other = small_convnet()
    other.load_weights(path)
    np.testing.assert_allclose(other.predict(X, verbose=0), model.predict(X, verbose=0), rtol=1e-6)


FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "keras3"


@pytest.mark.skipif(not FIXTURES.exists(), reason="the shared Keras 3 fixtures are not present")
@pytest.mark.parametrize("name", ["mlp", "cnn", "transformer"])
def test_keras3_fixture_reproduces_its_outputs(name: str) -> None:
    model = keras.models.load_model(FIXTURES / f"{name}.keras")
    x = np.load(FIXTURES / f"{name}.inputs.npz")["x"]
    expected = np.load(FIXTURES / f"{name}.outputs.npz")["y"]
    np.testing.assert_allclose(model.predict(x, verbose=0), expected, rtol=1e-5, atol=1e-5)
