"""Assets in `.keras` files: what `save_assets` writes is stored under `assets/<path>/` and handed back.

A lookup layer's adapted vocabulary lives only there, so without assets a saved and
reloaded model would lose it. The archive is never extracted: asset members are read in
memory and their names checked before any is written to a temporary folder.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import layers
from keras.saving import load_model, save_model
from keras.trainers import Model

DATA = Path(__file__).resolve().parents[1] / "data"
WORDS = np.array([["a"], ["c"], ["z"]])


def lookup_model() -> Model:
    inputs = layers.Input((1,), dtype="string")
    lookup = layers.StringLookup(name="string_lookup")
    lookup.adapt(np.array(["a", "b", "c", "a"]))
    return Model(inputs, lookup(inputs))


def indices(model: Any) -> list[int]:
    return np.asarray(model.layers[1](WORDS)).ravel().tolist()


@pytest.mark.parametrize("zipped", [True, False])
def test_adapted_vocabulary_survives_save_and_load(tmp_path: Path, zipped: bool) -> None:
    model = lookup_model()
    path = tmp_path / "lookup.keras"
    save_model(model, path, zipped=zipped)
    if zipped:
        names = zipfile.ZipFile(path).namelist()
        assert names == [
            "metadata.json",
            "config.json",
            "model.weights.h5",
            "assets/layers/string_lookup/vocabulary.txt",
        ]
    else:
        assert (path / "assets" / "layers" / "string_lookup" / "vocabulary.txt").read_text().split("\n") == [
            "[UNK]",
            "a",
            "c",
            "b",
        ]
    loaded = load_model(path)
    assert loaded.layers[1].get_vocabulary() == ["[UNK]", "a", "c", "b"]
    assert indices(loaded) == indices(model) == [1, 2, 0]


def test_vocabulary_written_by_keras3_is_read() -> None:
    loaded = load_model(DATA / "string_lookup.keras")
    assert loaded.layers[1].get_vocabulary() == ["[UNK]", "a", "c", "b"]
    assert indices(loaded) == [1, 2, 0]


def _rewrite_with_member(source: Path, target: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            copy.writestr(info, original.read(info))
        copy.writestr(name, data)


@pytest.mark.parametrize(
    "name",
    ["assets/../../evil.txt", "assets/layers/../../evil.txt", "assets/layers\\evil.txt", "assets//evil.txt"],
)
def test_asset_names_that_leave_their_folder_are_refused(tmp_path: Path, name: str) -> None:
    target = tmp_path / "evil.keras"
    _rewrite_with_member(DATA / "string_lookup.keras", target, name, b"x")
    with pytest.raises(ValueError, match="is not a plain relative path under 'assets/'"):
        load_model(target)
    assert not (tmp_path.parent / "evil.txt").exists()


def test_a_file_without_assets_loads_and_keeps_the_layer_unadapted(tmp_path: Path) -> None:
    # A file written before assets were stored: the lookup layer is not handed an empty folder.
    source, target = DATA / "string_lookup.keras", tmp_path / "plain.keras"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            if not info.filename.startswith("assets/"):
                copy.writestr(info, original.read(info))
    loaded = load_model(target)
    assert loaded.layers[1].vocabulary_size() == 1
