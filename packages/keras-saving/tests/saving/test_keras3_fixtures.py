"""Files written by Keras 3.15.1 load and reproduce its predictions on every backend."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

import keras.saving
from keras.saving import _walk

from .conftest import DATA, fallback_objects, require_layers

CASES = {
    "mlp": ("Dense", "Dropout"),
    "cnn": ("Conv2D", "BatchNormalization", "MaxPooling2D", "Flatten", "Dense"),
    "transformer": (
        "Embedding",
        "MultiHeadAttention",
        "Add",
        "LayerNormalization",
        "GlobalAveragePooling1D",
        "Dense",
    ),
}


def _io(name: str) -> tuple[np.ndarray, np.ndarray]:
    return np.load(DATA / f"{name}.inputs.npz")["x"], np.load(DATA / f"{name}.outputs.npz")["y"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_keras_file_reproduces_keras_outputs(name: str) -> None:
    require_layers(*CASES[name])
    model = keras.saving.load_model(DATA / f"{name}.keras", custom_objects=fallback_objects(*CASES[name]))
    x, y = _io(name)
    np.testing.assert_allclose(model.predict(x, verbose=0), y, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", sorted(CASES))
def test_keras_file_restores_the_optimizer_state(name: str) -> None:
    require_layers(*CASES[name])
    model = keras.saving.load_model(DATA / f"{name}.keras", custom_objects=fallback_objects(*CASES[name]))
    editor = keras.saving.KerasFileEditor(DATA / f"{name}.weights.h5")
    stored = editor.weights_dict["optimizer"]
    assert len(model.optimizer.variables) == len(stored)
    for index, variable in enumerate(model.optimizer.variables):
        np.testing.assert_allclose(
            np.asarray(variable.numpy(), dtype="float64"), stored[str(index)], rtol=1e-7
        )


@pytest.mark.parametrize("name", sorted(CASES))
def test_weights_file_loads_into_the_rebuilt_model(name: str) -> None:
    require_layers(*CASES[name])
    with zipfile.ZipFile(DATA / f"{name}.keras") as archive:
        config = json.loads(archive.read("config.json"))
    config.pop("compile_config")
    model = keras.saving.deserialize_keras_object(config, custom_objects=fallback_objects(*CASES[name]))
    keras.saving.load_weights(model, DATA / f"{name}.weights.h5")
    x, y = _io(name)
    np.testing.assert_allclose(model.predict(x, verbose=0), y, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", sorted(CASES))
def test_walk_gives_the_paths_keras_wrote(name: str) -> None:
    # Every object the walk finds has its group in Keras's file, with the same
    # variable count and shapes: the layout is Keras 3's.
    require_layers(*CASES[name])
    model = keras.saving.load_model(DATA / f"{name}.keras", custom_objects=fallback_objects(*CASES[name]))
    editor = keras.saving.KerasFileEditor(DATA / f"{name}.weights.h5")
    from keras.saving._save import collect_weights

    ours = collect_weights(model)
    assert sorted(ours.groups) == sorted(_all_vars_groups(editor))
    assert {k: v.shape for k, v in ours.arrays.items()} == {
        f"{_vars(path)}/{index}": value.shape
        for path, weights in editor.weights_dict.items()
        for index, value in weights.items()
    }
    assert next(path for path, _ in _walk.walk(model)) == ""


def _vars(path: str) -> str:
    return f"{path}/vars" if path else "vars"


def _all_vars_groups(editor: keras.saving.KerasFileEditor) -> list[str]:
    return [_vars(path) for path in editor.weights_dict]
