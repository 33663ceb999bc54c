"""KerasFileEditor (reduced): inspect, compare, edit and save weights."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import keras.saving

from .conftest import DATA, layer_class, mlp


def test_lists_a_keras3_file() -> None:
    editor = keras.saving.KerasFileEditor(DATA / "mlp.keras")
    assert editor.metadata is not None and editor.metadata["keras_version"] == "3.15.1"
    assert editor.config is not None and editor.config["class_name"] == "Sequential"
    assert sorted(editor.weights_dict) == [
        "",
        "layers/dense",
        "layers/dense_1",
        "layers/dropout",
        "optimizer",
    ]
    assert editor.weights_dict["layers/dense"]["0"].shape == (20, 32)
    assert editor.object_names["layers/dense_1"] == "dense_1"
    assert "layers/dense [dense]: 0: (20, 32) float32, 1: (32,) float32" in editor.weights_summary()


def test_compare_reports_matches_and_mismatches(tmp_path: Path) -> None:
    keras.saving.save_weights(mlp(), tmp_path / "w.weights.h5")
    editor = keras.saving.KerasFileEditor(tmp_path / "w.weights.h5")
    assert editor.compare(mlp(seed=3)) == {"status": "success", "error_count": 0, "match_count": 4}
    from keras.trainers import Sequential

    other = Sequential([keras.layers.Input((4,)), layer_class("Dense")(8), layer_class("Dense")(5)])
    assert editor.compare(other) == {"status": "error", "error_count": 2, "match_count": 2}


def test_edit_and_save_then_load(tmp_path: Path) -> None:
    keras.saving.save_weights(mlp(), tmp_path / "w.weights.h5")
    editor = keras.saving.KerasFileEditor(tmp_path / "w.weights.h5")
    editor.delete_weight("layers/dense_1", "1")
    editor.add_weights("layers/dense_1", {"1": np.full((3,), 7.0, "float32")})
    editor.save(tmp_path / "edited.weights.h5")
    model = mlp(seed=2)
    keras.saving.load_weights(model, tmp_path / "edited.weights.h5")
    np.testing.assert_array_equal(model.get_weights()[3], np.full((3,), 7.0, "float32"))


def test_rename_and_delete_objects(tmp_path: Path) -> None:
    keras.saving.save_weights(mlp(), tmp_path / "w.weights.h5")
    editor = keras.saving.KerasFileEditor(tmp_path / "w.weights.h5")
    editor.rename_object("layers/dense_1", "head")
    assert "layers/head" in editor.weights_dict and "layers/dense_1" not in editor.weights_dict
    editor.delete_object("layers/head")
    editor.add_object("layers/extra", {"0": np.zeros((2,), "float32")})
    assert sorted(editor.weights_dict) == ["", "layers/dense", "layers/extra"]
    with pytest.raises(ValueError, match=r"Object 'missing' not found in the file"):
        editor.delete_object("missing")
    with pytest.raises(ValueError, match=r"Weight 9 not found in object layers/dense"):
        editor.delete_weight("layers/dense", "9")
    with pytest.raises(ValueError, match=r"Argument `weights` should be a dict"):
        editor.add_weights("layers/dense", [1, 2])  # type: ignore[arg-type]
