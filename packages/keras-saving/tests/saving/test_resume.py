"""`load_model(compile=True)` restores the optimizer, so training resumes exactly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import keras.saving

from .conftest import fallback_objects, mlp, no_training


def _data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    return rng.normal(size=(32, 4)).astype("float32"), rng.normal(size=(32, 3)).astype("float32")


def _compiled(optimizer: str) -> object:
    model = mlp(seed=0)
    model.compile(optimizer=optimizer, loss="mean_squared_error")
    return model


@no_training
@pytest.mark.parametrize("optimizer", ["adam", "sgd", "rmsprop"])
def test_fit_save_load_fit_equals_fitting_straight(tmp_path: Path, optimizer: str) -> None:
    x, y = _data()
    straight = _compiled(optimizer)
    straight.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)

    first = _compiled(optimizer)
    first.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)
    first.save(tmp_path / "m.keras")
    resumed = keras.saving.load_model(tmp_path / "m.keras", custom_objects=fallback_objects("Dense"))
    assert int(resumed.optimizer.iterations.numpy()) == 4
    resumed.fit(x, y, epochs=1, batch_size=8, shuffle=False, verbose=0)

    for a, b in zip(resumed.get_weights(), straight.get_weights(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)
    for a, b in zip(resumed.optimizer.variables, straight.optimizer.variables, strict=True):
        np.testing.assert_allclose(np.asarray(a.numpy()), np.asarray(b.numpy()), rtol=1e-6, atol=1e-6)


@no_training
def test_compile_false_leaves_the_model_uncompiled(tmp_path: Path) -> None:
    x, y = _data()
    model = _compiled("adam")
    model.fit(x, y, epochs=1, batch_size=8, verbose=0)
    model.save(tmp_path / "m.keras")
    loaded = keras.saving.load_model(
        tmp_path / "m.keras", custom_objects=fallback_objects("Dense"), compile=False
    )
    assert loaded.optimizer is None
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)


def test_compiled_model_round_trips_on_every_backend(tmp_path: Path) -> None:
    # numpy included: compile config and optimizer variables survive without training.
    model = _compiled("adam")
    model.optimizer.build(model.trainable_variables)
    model.optimizer.iterations.assign(5)
    model.save(tmp_path / "m.keras")
    loaded = keras.saving.load_model(tmp_path / "m.keras", custom_objects=fallback_objects("Dense"))
    assert type(loaded.optimizer).__name__ == "Adam"
    assert int(loaded.optimizer.iterations.numpy()) == 5
    assert len(loaded.optimizer.variables) == len(model.optimizer.variables)
