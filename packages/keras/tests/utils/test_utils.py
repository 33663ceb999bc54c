"""keras.utils: the namespace, the numeric helpers, seeding, files, images, plots, Config, sources."""

from __future__ import annotations

import hashlib
import io
import json
import random
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from keras import layers, ops, utils
from keras.backend import backend
from keras.trainers import Model

# The keras.utils names of shared/reference/keras-3.15-api.jsonl (its sub-namespaces
# `bounding_boxes` and `legacy` aside).
REFERENCE_NAMES = [
    "Config",
    "CustomObjectScope",
    "FeatureSpace",
    "Progbar",
    "PyDataset",
    "Sequence",
    "array_to_img",
    "audio_dataset_from_directory",
    "clear_session",
    "custom_object_scope",
    "deserialize_keras_object",
    "disable_interactive_logging",
    "enable_interactive_logging",
    "get_custom_objects",
    "get_file",
    "get_registered_name",
    "get_registered_object",
    "get_source_inputs",
    "image_dataset_from_directory",
    "img_to_array",
    "is_interactive_logging_enabled",
    "is_keras_tensor",
    "load_img",
    "model_to_dot",
    "normalize",
    "pack_x_y_sample_weight",
    "pad_sequences",
    "plot_model",
    "register_keras_serializable",
    "save_img",
    "serialize_keras_object",
    "set_random_seed",
    "split_dataset",
    "standardize_dtype",
    "text_dataset_from_directory",
    "timeseries_dataset_from_array",
    "to_categorical",
    "unpack_x_y_sample_weight",
]


def test_all_is_exactly_the_reference_names() -> None:
    assert sorted(utils.__all__) == REFERENCE_NAMES
    assert all(hasattr(utils, name) for name in utils.__all__)


def test_lifted_names_are_their_owners_objects() -> None:
    from keras import backend as keras_backend
    from keras import saving
    from keras.trainers._data.py_dataset import PyDataset

    assert utils.PyDataset is PyDataset and utils.Sequence is PyDataset
    assert utils.get_custom_objects is saving.get_custom_objects
    assert utils.serialize_keras_object is saving.serialize_keras_object
    assert utils.standardize_dtype is keras_backend.standardize_dtype
    assert utils.pack_x_y_sample_weight(1, 2) == (1, 2)
    assert utils.unpack_x_y_sample_weight((1, 2)) == (1, 2, None)


@pytest.mark.parametrize(
    ("x", "num_classes", "expected"),
    [
        ([0, 2, 1], None, [[1, 0, 0], [0, 0, 1], [0, 1, 0]]),
        ([[1], [0]], 3, [[0, 1, 0], [1, 0, 0]]),
        ([[0, 1], [1, 1]], None, [[[1, 0], [0, 1]], [[0, 1], [0, 1]]]),
    ],
)
def test_to_categorical(x: Any, num_classes: int | None, expected: Any) -> None:
    result = utils.to_categorical(x, num_classes)
    assert isinstance(result, np.ndarray) and result.dtype == np.float64
    np.testing.assert_array_equal(result, expected)
    tensor_result = utils.to_categorical(ops.convert_to_tensor(np.asarray(x)), num_classes)
    np.testing.assert_array_equal(ops.convert_to_numpy(tensor_result), expected)


@pytest.mark.parametrize(
    ("x", "order", "axis", "expected"),
    [
        ([[3.0, 4.0], [0.0, 0.0]], 2, -1, [[0.6, 0.8], [0.0, 0.0]]),
        ([[3.0, 4.0]], 1, -1, [[3 / 7, 4 / 7]]),
        ([[3.0], [4.0]], 2, 0, [[0.6], [0.8]]),
    ],
)
def test_normalize(x: Any, order: int, axis: int, expected: Any) -> None:
    np.testing.assert_allclose(utils.normalize(np.asarray(x), axis=axis, order=order), expected, rtol=1e-6)
    tensor = ops.convert_to_tensor(np.asarray(x, dtype="float32"))
    np.testing.assert_allclose(
        ops.convert_to_numpy(utils.normalize(tensor, axis, order)), expected, rtol=1e-6
    )


def test_set_random_seed_repeats_python_numpy_and_keras_draws() -> None:
    from keras import random as keras_random

    def draws() -> tuple[float, float, Any]:
        return random.random(), float(np.random.rand()), ops.convert_to_numpy(keras_random.uniform((3,)))

    utils.set_random_seed(11)
    first = draws()
    utils.set_random_seed(11)
    second = draws()
    assert first[:2] == second[:2]
    np.testing.assert_array_equal(first[2], second[2])
    if backend() == "torch":
        import torch

        utils.set_random_seed(5)
        a = torch.rand(2)
        utils.set_random_seed(5)
        assert torch.equal(a, torch.rand(2))
    with pytest.raises(ValueError, match=r"Expected `seed` argument to be an integer\. Received: seed=1\.5"):
        utils.set_random_seed(1.5)  # type: ignore[arg-type]


def test_config_attributes_mapping_and_freezing() -> None:
    config = utils.Config(a=1, b="x")
    config.c = 3
    config["d"] = [1]
    assert (config.a, config["b"], dict(config), len(config), "c" in config) == (
        1, "x", {"a": 1, "b": "x", "c": 3, "d": [1]}, 4, True,
    )  # fmt: skip
    assert json.loads(config.to_json()) == config.as_dict()
    assert repr(utils.Config(a=1)) == "<Config {'a': 1}>"
    with pytest.raises(AttributeError, match=r"Unknown attribute: 'zz'\."):
        _ = config.zz
    config.freeze()
    assert config.frozen
    with pytest.raises(ValueError, match=r"Cannot mutate attribute\(s\) because the config is frozen\."):
        config.a = 2
    config.unfreeze()
    config.pop("d")
    assert list(config.keys()) == ["a", "b", "c"]


def test_get_source_inputs_walks_to_the_inputs() -> None:
    first, second = layers.Input((3,)), layers.Input((3,))
    hidden = layers.Dense(2)(first)
    merged = layers.Add()([hidden, layers.Dense(2)(second)])
    sources = utils.get_source_inputs(merged)
    assert len(sources) == 2 and sources[0] is first and sources[1] is second
    assert utils.get_source_inputs(first)[0] is first


# --- get_file -------------------------------------------------------------------------


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "src" / "data.txt"
    path.parent.mkdir()
    path.write_text("hello keras")
    return path


def test_get_file_from_a_file_url_with_checksums(tmp_path: Path, source: Path) -> None:
    cache = tmp_path / "cache"
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    md5 = hashlib.md5(source.read_bytes()).hexdigest()
    path = utils.get_file(origin=source.as_uri(), file_hash=sha, cache_dir=str(cache))
    assert path == str(cache / "datasets" / "data.txt") and Path(path).read_text() == "hello keras"
    path = utils.get_file(
        "copy.txt", origin=str(source), md5_hash=md5, cache_dir=str(cache), cache_subdir="sub"
    )
    assert Path(path).read_text() == "hello keras"
    with pytest.raises(
        ValueError, match=r"Incomplete or corrupted file detected\. The auto file hash does not match"
    ):
        utils.get_file("bad.txt", origin=source.as_uri(), file_hash="0" * 64, cache_dir=str(cache))
    assert not (cache / "datasets" / "bad.txt").exists()


def test_get_file_uses_keras_home_and_the_cache(tmp_path: Path, source: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "home"))
    path = Path(utils.get_file(origin=source.as_uri()))
    assert path == tmp_path / "home" / "datasets" / "data.txt"
    source.write_text("changed")
    assert path.read_text() == "hello keras"  # cached
    utils.get_file(origin=source.as_uri(), force_download=True)
    assert path.read_text() == "changed"


def test_get_file_extracts_zip_and_tar(tmp_path: Path) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as zip_file:
        zip_file.writestr("inner/a.txt", "A")
    folder = utils.get_file(
        "bundle.zip", origin=archive.as_uri(), extract=True, cache_dir=str(tmp_path / "c")
    )
    assert folder.endswith("bundle_extracted") and (Path(folder) / "inner" / "a.txt").read_text() == "A"
    tar_path = tmp_path / "pack.tar.gz"
    with tarfile.open(tar_path, "w:gz") as tar:
        data = b"B"
        info = tarfile.TarInfo("b.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    folder = utils.get_file("pack", origin=tar_path.as_uri(), untar=True, cache_dir=str(tmp_path / "c"))
    assert (Path(folder) / "b.txt").read_text() == "B"


@pytest.mark.parametrize("member", ["../escape.txt", "/abs/escape.txt"])
def test_get_file_refuses_path_traversal(tmp_path: Path, member: str) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zip_file:
        zip_file.writestr(member, "x")
    with pytest.raises(ValueError, match="Refusing to extract archive member outside the target folder"):
        utils.get_file("evil.zip", origin=archive.as_uri(), extract=True, cache_dir=str(tmp_path / "c"))
    assert not (tmp_path / "c" / "escape.txt").exists()


def test_get_file_refuses_tar_symlinks_out(tmp_path: Path) -> None:
    archive = tmp_path / "link.tar"
    with tarfile.open(archive, "w") as tar:
        info = tarfile.TarInfo("link")
        info.type = tarfile.SYMTYPE
        info.linkname = "../../outside"
        tar.addfile(info)
    with pytest.raises(ValueError, match="Refusing to extract archive member"):
        utils.get_file("link.tar", origin=archive.as_uri(), extract=True, cache_dir=str(tmp_path / "c"))


def test_get_file_argument_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match='Please specify the "origin" argument'):
        utils.get_file("x")
    with pytest.raises(ValueError, match="Paths are no longer accepted as the `fname` argument"):
        utils.get_file("a/b.txt", origin="file:///nowhere", cache_dir=str(tmp_path))


# --- images and plots -------------------------------------------------------------------


def test_image_helpers_need_pillow(monkeypatch: Any) -> None:
    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(ImportError, match="needs the Pillow package"):
        utils.load_img("x.png")
    with pytest.raises(ImportError, match="pip install pillow"):
        utils.array_to_img(np.zeros((2, 2, 3)))


def test_img_to_array_without_pillow() -> None:
    gray = np.arange(6, dtype="uint8").reshape(2, 3)
    array = utils.img_to_array(gray)
    assert array.shape == (2, 3, 1) and array.dtype == np.float32
    assert utils.img_to_array(np.zeros((2, 3, 3)), data_format="channels_first").shape == (3, 2, 3)
    with pytest.raises(ValueError, match=r"Unsupported image shape: \(2,\)"):
        utils.img_to_array(np.zeros(2))


def test_image_round_trip_with_pillow(tmp_path: Path) -> None:
    pytest.importorskip("PIL", reason="Pillow is optional; its round trip runs where it is installed")
    pixels = np.random.default_rng(0).integers(0, 255, size=(4, 5, 3)).astype("float32")
    utils.save_img(tmp_path / "img.png", pixels, scale=False)
    loaded = utils.load_img(tmp_path / "img.png")
    np.testing.assert_array_equal(utils.img_to_array(loaded), pixels)
    assert utils.load_img(tmp_path / "img.png", color_mode="grayscale", target_size=(2, 2)).size == (2, 2)


def test_plot_helpers_need_pydot(monkeypatch: Any) -> None:
    monkeypatch.setitem(sys.modules, "pydot", None)
    inputs = layers.Input((3,))
    model = Model(inputs, layers.Dense(1)(inputs))
    with pytest.raises(ImportError, match=r"`model_to_dot` needs pydot and graphviz.*pip install pydot"):
        utils.model_to_dot(model)
    with pytest.raises(ImportError, match="needs pydot and graphviz"):
        utils.plot_model(model)


def test_model_to_dot_with_pydot() -> None:
    pytest.importorskip("pydot", reason="pydot is optional; the graph is checked where it is installed")
    inputs = layers.Input((3,))
    model = Model(inputs, layers.Dense(1, name="out")(layers.Dense(2, name="mid")(inputs)))
    dot = utils.model_to_dot(model, show_shapes=True)
    labels = [node.get("label") for node in dot.get_nodes() if node.get("label")]
    assert any("mid (Dense)" in str(label) for label in labels)
    assert len(dot.get_edges()) == 2
