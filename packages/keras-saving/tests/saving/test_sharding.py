"""Sharded weights: `save_weights(..., max_shard_size=GB)` writes Keras 3's index and shards.

Shards hold whole variables in walk order, a new one starting when the next variable
would pass the limit; the index maps each object's `vars` group to the shards that hold
its variables. Files written by Keras 3.15 load here (tests/data/sharded), and ours have
the same index for the same model.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from keras import layers
from keras.trainers import Sequential

DATA = Path(__file__).resolve().parents[1] / "data" / "sharded"


def model() -> Sequential:
    return Sequential([layers.Input((8,)), layers.Dense(16, name="a"), layers.Dense(4, name="b")])


def test_shards_and_index_are_keras3s(tmp_path: Path) -> None:
    source = model()
    source.save_weights(tmp_path / "small.weights.json", max_shard_size=0.0000006)
    assert sorted(os.listdir(tmp_path)) == [
        "small.weights.json",
        "small_00000.weights.h5",
        "small_00001.weights.h5",
    ]
    index = json.loads((tmp_path / "small.weights.json").read_text())
    assert index == json.loads((DATA / "small.weights.json").read_text())
    assert index["metadata"]["total_size"] == 4 * (8 * 16 + 16 + 16 * 4 + 4)
    target = model()
    target.load_weights(tmp_path / "small.weights.json")
    for got, want in zip(target.get_weights(), source.get_weights(), strict=True):
        np.testing.assert_array_equal(got, want)


def test_shards_written_by_keras3_load() -> None:
    target = model()
    target.load_weights(DATA / "small.weights.json")
    io = np.load(DATA / "small.io.npz")
    np.testing.assert_allclose(np.asarray(target.predict(io["x"], verbose=0)), io["y"], rtol=1e-6, atol=1e-6)


def test_a_weights_h5_path_becomes_the_json_index_with_a_warning(tmp_path: Path) -> None:
    with pytest.warns(UserWarning, match=r"requires `\*\.json` as the extension"):
        model().save_weights(tmp_path / "m.weights.h5", max_shard_size=1.0)
    assert sorted(os.listdir(tmp_path)) == ["m.weights.json", "m_00000.weights.h5"]


def test_a_variable_larger_than_a_shard_is_refused(tmp_path: Path) -> None:
    with pytest.raises(
        ValueError, match=r"The size of layers/dense/vars/0 is 0\.50 KB which exceeds the maximum"
    ):
        model().save_weights(tmp_path / "m.weights.json", max_shard_size=0.0000001)
    assert not (tmp_path / "m.weights.json").exists()


@pytest.mark.parametrize("shard", ["../small_00000.weights.h5", "/etc/passwd", "sub/x.weights.h5", "x.txt"])
def test_an_index_naming_a_file_outside_its_folder_is_refused(tmp_path: Path, shard: str) -> None:
    index = {"metadata": {"total_size": 1.0}, "weight_map": {"/layers/dense/vars": [shard]}}
    (tmp_path / "evil.weights.json").write_text(json.dumps(index))
    with pytest.raises(
        ValueError, match=r"which is not a `\.weights\.h5` file name in the index's own folder"
    ):
        model().load_weights(tmp_path / "evil.weights.json")


def test_a_mismatched_shard_loads_nothing(tmp_path: Path) -> None:
    Sequential([layers.Input((8,)), layers.Dense(16), layers.Dense(5)]).save_weights(
        tmp_path / "other.weights.json", max_shard_size=0.0000006
    )
    target = model()
    before = target.get_weights()
    with pytest.raises(ValueError, match="nothing was loaded"):
        target.load_weights(tmp_path / "other.weights.json")
    for got, want in zip(target.get_weights(), before, strict=True):
        np.testing.assert_array_equal(got, want)
