"""Round trips through .keras, .weights.h5 and .safetensors; the archive's content; options."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest

import keras.saving
from keras.saving import _walk

from .conftest import fallback_objects, inputs, layer_class, mlp

OBJECTS = fallback_objects("Dense")


def test_keras_archive_round_trip_reproduces_predictions(tmp_path: Path) -> None:
    model = mlp()
    expected = model.predict(inputs(), verbose=0)
    keras.saving.save_model(model, tmp_path / "m.keras")
    loaded = keras.saving.load_model(tmp_path / "m.keras", custom_objects=OBJECTS)
    np.testing.assert_allclose(loaded.predict(inputs(), verbose=0), expected, rtol=1e-6, atol=1e-6)
    assert loaded.name == "mlp"


def test_archive_members_are_those_keras_writes(tmp_path: Path) -> None:
    keras.saving.save_model(mlp(), tmp_path / "m.keras")
    with zipfile.ZipFile(tmp_path / "m.keras") as archive:
        assert archive.namelist() == ["metadata.json", "config.json", "model.weights.h5"]
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())
        metadata = json.loads(archive.read("metadata.json"))
        config = json.loads(archive.read("config.json"))
    assert set(metadata) == {"keras_version", "date_saved"}
    assert re.fullmatch(r"3\.\d+\.\d+.*", metadata["keras_version"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d", metadata["date_saved"])
    assert (config["module"], config["class_name"], config["registered_name"]) == (
        "keras",
        "Sequential",
        None,
    )
    assert config["build_config"] == {"input_shape": [None, 4]}
    assert [layer["class_name"] for layer in config["config"]["layers"]][-2:] == ["Dense", "Dense"]


@pytest.mark.parametrize("suffix", [".weights.h5", ".safetensors"])
def test_weights_round_trip(tmp_path: Path, suffix: str) -> None:
    source = mlp(seed=0)
    target = mlp(seed=5)
    keras.saving.save_weights(source, tmp_path / f"w{suffix}")
    keras.saving.load_weights(target, tmp_path / f"w{suffix}")
    for a, b in zip(source.get_weights(), target.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_safetensors_keys_are_the_walk_paths(tmp_path: Path) -> None:
    from safetensors.numpy import load_file

    keras.saving.save_weights(mlp(), tmp_path / "w.safetensors")
    assert sorted(load_file(str(tmp_path / "w.safetensors"))) == [
        "layers/dense/vars/0",
        "layers/dense/vars/1",
        "layers/dense_1/vars/0",
        "layers/dense_1/vars/1",
    ]


def test_h5_layout_is_keras3s(tmp_path: Path) -> None:
    import h5py

    model = mlp(name="top")
    first, second = (layer.name for layer in model.layers)
    keras.saving.save_weights(model, tmp_path / "w.weights.h5")
    found: dict[str, object] = {}
    with h5py.File(tmp_path / "w.weights.h5", "r") as h5:
        h5.visititems(lambda name, obj: found.update({name: getattr(obj, "shape", dict(obj.attrs))}))
    assert found == {
        "layers": {},
        "layers/dense": {},
        "layers/dense/vars": {"name": first},
        "layers/dense/vars/0": (4, 8),
        "layers/dense/vars/1": (8,),
        "layers/dense_1": {},
        "layers/dense_1/vars": {"name": second},
        "layers/dense_1/vars/0": (8, 3),
        "layers/dense_1/vars/1": (3,),
        "vars": {"name": "top"},
    }


def test_load_weights_from_a_keras_archive(tmp_path: Path) -> None:
    source = mlp(seed=0)
    keras.saving.save_model(source, tmp_path / "m.keras")
    target = mlp(seed=3)
    keras.saving.load_weights(target, tmp_path / "m.keras")
    np.testing.assert_array_equal(target.get_weights()[0], source.get_weights()[0])


def test_model_methods_route_to_keras_saving(tmp_path: Path) -> None:
    model = mlp()
    model.save(tmp_path / "m.keras")
    model.save_weights(tmp_path / "m.weights.h5")
    other = mlp(seed=9)
    other.load_weights(tmp_path / "m.weights.h5")
    np.testing.assert_array_equal(other.get_weights()[2], model.get_weights()[2])
    assert (tmp_path / "m.keras").is_file()


def test_unzipped_directory_round_trip(tmp_path: Path) -> None:
    model = mlp()
    keras.saving.save_model(model, tmp_path / "m.keras", zipped=False)
    assert sorted(p.name for p in (tmp_path / "m.keras").iterdir()) == [
        "config.json",
        "metadata.json",
        "model.weights.h5",
    ]
    loaded = keras.saving.load_model(tmp_path / "m.keras", custom_objects=OBJECTS)
    np.testing.assert_allclose(
        loaded.predict(inputs(), verbose=0), model.predict(inputs(), verbose=0), rtol=1e-6
    )


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda m, d: keras.saving.save_model(m, d / "m.h5"), r"Invalid filepath extension for saving"),
        (
            lambda m, d: keras.saving.save_weights(m, d / "m.h5"),
            r"must end in `\.weights\.h5` or `\.safetensors`",
        ),
        (
            lambda m, d: keras.saving.load_weights(m, d / "m.npz"),
            r"must end in `\.weights\.h5` or `\.safetensors`",
        ),
        (
            lambda m, d: keras.saving.save_weights(m, d / "m.safetensors", max_shard_size=1),
            r"Sharded weights are written as `\.weights\.json`.*Received: filepath=.*m\.safetensors",
        ),
        (
            lambda m, d: keras.saving.load_model(d / "missing.keras"),
            r"File not found: filepath=.*missing\.keras",
        ),
    ],
    ids=["save-h5", "save-weights-ext", "load-weights-ext", "shards", "missing"],
)
def test_argument_errors(tmp_path: Path, call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call(mlp(), tmp_path)  # type: ignore[operator]


def test_overwrite_false_refuses_an_existing_file(tmp_path: Path) -> None:
    keras.saving.save_weights(mlp(), tmp_path / "w.weights.h5")
    with pytest.raises(FileExistsError, match=r"already exists and `overwrite=False`"):
        keras.saving.save_weights(mlp(), tmp_path / "w.weights.h5", overwrite=False)


def test_skip_mismatch_loads_the_matching_layers(tmp_path: Path) -> None:
    from keras.trainers import Sequential

    dense = layer_class("Dense")
    source = mlp(seed=0)
    keras.saving.save_weights(source, tmp_path / "w.weights.h5")
    target = Sequential([keras.layers.Input((4,)), dense(8, activation="relu"), dense(5)])
    before = target.get_weights()
    with pytest.warns(UserWarning, match=r"Skipping loading weights of layer .*has shape \(8, 5\).*\(8, 3\)"):
        keras.saving.load_weights(target, tmp_path / "w.weights.h5", skip_mismatch=True)
    np.testing.assert_array_equal(target.get_weights()[0], source.get_weights()[0])
    np.testing.assert_array_equal(target.get_weights()[2], before[2])


def test_walk_names_containers_and_attributes_as_keras() -> None:
    # Keras 3.15.1 writes this subclassed model as: alpha/, layers/dense_1, layers/dense_2
    # (`layers` sorts before `zeta` and `_priv`; counters include the visited `alpha`).
    from keras.trainers import Model

    dense = layer_class("Dense")

    class Sub(Model):
        def __init__(self) -> None:
            super().__init__()
            self.alpha = dense(2)
            self.zeta = dense(2)
            self._priv = dense(2)

        def call(self, x: object) -> object:
            return self.zeta(self.alpha(x)) + self._priv(x)

    model = Sub()
    model(np.zeros((1, 2), "float32"))
    assert [path for path, _ in _walk.walk(model)] == ["", "alpha", "layers/dense_1", "layers/dense_2"]


def test_walk_of_lists_dicts_and_nested_layers() -> None:
    # Keras 3.15.1: block/denses/dense, block/denses/dense_1, block/norm, extra/dense, extra/dense_1, head.
    from keras.layers import Layer
    from keras.trainers import Model

    dense = layer_class("Dense")

    class Block(Layer):
        def __init__(self) -> None:
            super().__init__()
            self.denses = [dense(3), dense(3)]
            self.norm = dense(3)

    class Sub(Model):
        def __init__(self) -> None:
            super().__init__()
            self.block = Block()
            self.head = dense(2)
            self.extra = {"a": dense(2), "b": dense(2)}

    assert [path for path, _ in _walk.walk(Sub())] == [
        "",
        "block",
        "block/denses/dense",
        "block/denses/dense_1",
        "block/norm",
        "extra/dense",
        "extra/dense_1",
        "head",
    ]


@pytest.mark.parametrize(
    ("name", "snake"),
    [
        ("Conv2D", "conv2d"),
        ("MaxPooling2D", "max_pooling2d"),
        ("MultiHeadAttention", "multi_head_attention"),
        ("GlobalAveragePooling1D", "global_average_pooling1d"),
        ("Dense", "dense"),
        ("PReLU", "p_re_lu"),
    ],
)
def test_snake_case_matches_keras(name: str, snake: str) -> None:
    assert _walk.to_snake_case(name) == snake
