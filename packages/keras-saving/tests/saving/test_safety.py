"""Loading is safe by default: one test per attack, each with its exact error."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import keras.saving
from keras.saving import _safety

from .conftest import fallback_objects, inputs, layer_class, mlp

OBJECTS = fallback_objects("Dense", "Lambda")


def _archive_with(
    path: Path, config: dict[str, Any], weights: bytes = b"", extra: dict[str, bytes] | None = None
) -> Path:
    if not weights:
        weights = _empty_h5()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("metadata.json", json.dumps({"keras_version": "3.15.1", "date_saved": "x"}))
        archive.writestr("config.json", json.dumps(config))
        archive.writestr("model.weights.h5", weights)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def _empty_h5() -> bytes:
    import h5py

    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as h5:
        h5.create_group("vars")
    return buffer.getvalue()


def _saved_config(tmp_path: Path) -> dict[str, Any]:
    keras.saving.save_model(mlp(), tmp_path / "base.keras")
    with zipfile.ZipFile(tmp_path / "base.keras") as archive:
        return dict(json.loads(archive.read("config.json")))


# --- code and imports -------------------------------------------------------------------


def test_lambda_bytecode_is_refused_in_safe_mode(tmp_path: Path) -> None:
    config = _saved_config(tmp_path)
    config["config"]["layers"].append(
        {
            "module": "keras.layers",
            "class_name": "Lambda",
            "config": {
                "name": "scale_by_two",
                "function": {"class_name": "__lambda__", "config": {"value": ["AA=="]}},
            },
            "registered_name": None,
        }
    )
    path = _archive_with(tmp_path / "lambda.keras", config)
    with pytest.raises(
        ValueError,
        match=r"safe mode: the layer 'scale_by_two' \(class Lambda\) stores a Python lambda as bytecode.*"
        r"pass `safe_mode=False` to `load_model`, or call `keras\.config\.enable_unsafe_deserialization\(\)`",
    ):
        keras.saving.load_model(path)


def test_lambda_loads_when_the_user_opts_in(tmp_path: Path) -> None:
    lambda_layer = layer_class("Lambda")
    if lambda_layer is None:
        pytest.xfail("layers not written yet: ['Lambda']")
    from keras.trainers import Sequential

    model = Sequential([keras.layers.Input((4,)), layer_class("Dense")(3), lambda_layer(lambda x: x * 2.0)])
    keras.saving.save_model(model, tmp_path / "lambda.keras")
    with pytest.raises(ValueError, match=r"stores a Python lambda as bytecode"):
        keras.saving.load_model(tmp_path / "lambda.keras", custom_objects=OBJECTS)
    loaded = keras.saving.load_model(tmp_path / "lambda.keras", custom_objects=OBJECTS, safe_mode=False)
    np.testing.assert_allclose(
        loaded.predict(inputs(), verbose=0), model.predict(inputs(), verbose=0), rtol=1e-6
    )


def test_unregistered_module_is_not_imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "imported.txt"
    (tmp_path / "evil_saving_module.py").write_text(
        f"open({str(marker)!r}, 'w').write('ran')\nclass Evil:\n    pass\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    config = {"module": "evil_saving_module", "class_name": "Evil", "config": {}, "registered_name": "Evil"}
    path = _archive_with(tmp_path / "evil.keras", config)
    with pytest.raises(
        TypeError,
        match=r"Could not locate class 'Evil'.*Loading in safe mode does not import the module 'evil_saving_module'",
    ):
        keras.saving.load_model(path)
    assert "evil_saving_module" not in sys.modules
    assert not marker.exists()


# --- HDF5 -------------------------------------------------------------------------------


def _write_h5(path: Path, build: Any) -> Path:
    import h5py

    with h5py.File(path, "w") as h5:
        build(h5)
    return path


def test_h5_external_link_is_refused(tmp_path: Path) -> None:
    import h5py

    _write_h5(tmp_path / "other.h5", lambda h5: h5.create_dataset("secret", data=np.zeros((4, 8), "float32")))
    path = _write_h5(
        tmp_path / "w.weights.h5",
        lambda h5: h5.create_group("layers/dense/vars").__setitem__(
            "0", h5py.ExternalLink(str(tmp_path / "other.h5"), "/secret")
        ),
    )
    with pytest.raises(ValueError, match=r"'/layers/dense/vars/0' is an external link to .*other\.h5"):
        keras.saving.load_weights(mlp(), path)


def test_h5_soft_link_is_refused(tmp_path: Path) -> None:
    import h5py

    def build(h5: Any) -> None:
        h5.create_dataset("data", data=np.zeros((4, 8), "float32"))
        h5.create_group("layers/dense/vars")["0"] = h5py.SoftLink("/data")

    with pytest.raises(ValueError, match=r"'/layers/dense/vars/0' is a soft link to '/data'"):
        keras.saving.load_weights(mlp(), _write_h5(tmp_path / "w.weights.h5", build))


def test_h5_external_dataset_is_refused(tmp_path: Path) -> None:
    raw = tmp_path / "raw.bin"
    raw.write_bytes(np.ones((4, 8), "float32").tobytes())

    def build(h5: Any) -> None:
        h5.create_group("layers/dense/vars").create_dataset(
            "0", shape=(4, 8), dtype="float32", external=[(str(raw), 0, 128)]
        )

    with pytest.raises(ValueError, match=r"dataset '/layers/dense/vars/0' stores its data in external files"):
        keras.saving.load_weights(mlp(), _write_h5(tmp_path / "w.weights.h5", build))


def test_h5_virtual_dataset_is_refused(tmp_path: Path) -> None:
    import h5py

    _write_h5(tmp_path / "src.h5", lambda h5: h5.create_dataset("x", data=np.ones((4, 8), "float32")))

    def build(h5: Any) -> None:
        layout = h5py.VirtualLayout(shape=(4, 8), dtype="float32")
        layout[:] = h5py.VirtualSource(str(tmp_path / "src.h5"), "x", shape=(4, 8))
        h5.create_group("layers/dense/vars").create_virtual_dataset("0", layout)

    with pytest.raises(ValueError, match=r"dataset '/layers/dense/vars/0' is a virtual dataset"):
        keras.saving.load_weights(mlp(), _write_h5(tmp_path / "w.weights.h5", build))


# --- zip archives -----------------------------------------------------------------------


def test_unexpected_members_are_ignored_and_never_extracted(tmp_path: Path) -> None:
    work = tmp_path / "deep" / "dir"
    work.mkdir(parents=True)
    model = mlp()
    keras.saving.save_model(model, work / "m.keras")
    with zipfile.ZipFile(work / "m.keras", "a") as archive:
        archive.writestr("../../escaped.txt", b"x")
        archive.writestr("/tmp/absolute_escape.txt", b"x")
        archive.writestr("assets/notes.txt", b"x")
    loaded = keras.saving.load_model(work / "m.keras", custom_objects=fallback_objects("Dense"))
    np.testing.assert_allclose(
        loaded.predict(inputs(), verbose=0), model.predict(inputs(), verbose=0), rtol=1e-6
    )
    assert not (tmp_path / "escaped.txt").exists()
    assert sorted(p.name for p in work.iterdir()) == ["m.keras"]


def test_zip_bomb_by_ratio_fails_before_decompressing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.keras"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("metadata.json", "{}")
        archive.writestr("config.json", "{}")
        archive.writestr("model.weights.h5", bytes(32 * 2**20))
    with pytest.raises(
        ValueError, match=r"member 'model\.weights\.h5' expands \d+ times .* marks a zip bomb"
    ):
        keras.saving.load_model(path)


def test_total_uncompressed_size_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keras.saving.save_model(mlp(), tmp_path / "m.keras")
    monkeypatch.setattr(_safety, "MAX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(
        ValueError, match=r"members add up to \d+ bytes once uncompressed, more than the limit of 1000"
    ):
        keras.saving.load_model(tmp_path / "m.keras")


def test_member_count_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keras.saving.save_model(mlp(), tmp_path / "m.keras")
    with zipfile.ZipFile(tmp_path / "m.keras", "a") as archive:
        for index in range(8):
            archive.writestr(f"assets/{index}", b"")
    monkeypatch.setattr(_safety, "MAX_ARCHIVE_MEMBERS", 10)
    with pytest.raises(
        ValueError, match=r"the archive has 11 members, more than the 10 a \.keras file may have"
    ):
        keras.saving.load_model(tmp_path / "m.keras")


# --- mismatched weights -----------------------------------------------------------------


def _mismatched_file(tmp_path: Path, dtype: str = "float32", units: int = 5) -> Path:
    from keras.trainers import Sequential

    dense = layer_class("Dense")
    other = Sequential([keras.layers.Input((4,)), dense(8, activation="relu"), dense(units, dtype=dtype)])
    keras.saving.save_weights(other, tmp_path / "other.weights.h5")
    return tmp_path / "other.weights.h5"


def test_shape_mismatch_names_both_shapes_and_loads_nothing(tmp_path: Path) -> None:
    model = mlp()
    before = model.get_weights()
    path = _mismatched_file(tmp_path)
    with pytest.raises(
        ValueError,
        match=r"nothing was loaded:\n- layer '\w+' \(weights path 'layers/dense_1/vars'\): the variable 'kernel' "
        r"has shape \(8, 3\), but the file holds shape \(8, 5\)\.",
    ):
        keras.saving.load_weights(model, path)
    for a, b in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)  # the first layer, which matched, is untouched too


def test_dtype_mismatch_is_refused(tmp_path: Path) -> None:
    import h5py

    model = mlp()
    keras.saving.save_weights(model, tmp_path / "w.weights.h5")
    with h5py.File(tmp_path / "w.weights.h5", "a") as h5:
        del h5["layers/dense/vars/1"]
        h5["layers/dense/vars/1"] = np.arange(8, dtype="int32")
    with pytest.raises(
        ValueError,
        match=r"the variable 'bias' has dtype float32, but the file holds dtype int32 \(shapes \(8,\) and \(8,\)\)",
    ):
        keras.saving.load_weights(model, tmp_path / "w.weights.h5")


# --- malformed files --------------------------------------------------------------------


def test_truncated_archive_is_a_clear_error(tmp_path: Path) -> None:
    keras.saving.save_model(mlp(), tmp_path / "m.keras")
    data = (tmp_path / "m.keras").read_bytes()
    (tmp_path / "cut.keras").write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match=r"is not a valid \.keras archive \(not a zip file, or truncated\)"):
        keras.saving.load_model(tmp_path / "cut.keras")


def test_truncated_weights_file_is_a_clear_error(tmp_path: Path) -> None:
    keras.saving.save_weights(mlp(), tmp_path / "w.weights.h5")
    data = (tmp_path / "w.weights.h5").read_bytes()
    (tmp_path / "cut.weights.h5").write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match=r"is not a valid HDF5 weights file \(it is truncated or corrupt\)"):
        keras.saving.load_weights(mlp(), tmp_path / "cut.weights.h5")


def test_garbage_safetensors_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "w.safetensors").write_bytes(b"\x10\x00\x00\x00\x00\x00\x00\x00{not json}")
    with pytest.raises(ValueError, match=r"is not a valid safetensors file"):
        keras.saving.load_weights(mlp(), tmp_path / "w.safetensors")


def test_malformed_config_json_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "m.keras"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("metadata.json", "{}")
        archive.writestr("config.json", "{not json")
        archive.writestr("model.weights.h5", _empty_h5())
    with pytest.raises(ValueError, match=r"The 'config\.json' of .* is not valid JSON"):
        keras.saving.load_model(path)


def test_missing_member_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "m.keras"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", "{}")
    with pytest.raises(
        ValueError, match=r"is not a valid \.keras archive: it has no 'metadata\.json' member"
    ):
        keras.saving.load_model(path)


def test_corrupt_weights_inside_an_archive_is_a_clear_error(tmp_path: Path) -> None:
    path = _archive_with(tmp_path / "m.keras", _saved_config(tmp_path), weights=b"not hdf5 at all")
    with pytest.raises(ValueError, match=r"is not a valid HDF5 weights file"):
        keras.saving.load_model(path, custom_objects=fallback_objects("Dense"))


def test_enable_unsafe_deserialization_lifts_safe_mode(tmp_path: Path) -> None:
    lambda_layer = layer_class("Lambda")
    if lambda_layer is None:
        pytest.xfail("layers not written yet: ['Lambda']")
    from keras.layers import _serialization
    from keras.trainers import Sequential

    model = Sequential([keras.layers.Input((4,)), lambda_layer(lambda x: x + 1.0)])
    keras.saving.save_model(model, tmp_path / "lambda.keras")
    _serialization.enable_unsafe_deserialization()
    try:
        loaded = keras.saving.load_model(tmp_path / "lambda.keras", custom_objects=OBJECTS)
    finally:
        _serialization._GLOBAL_SAFE_MODE[0] = None
    np.testing.assert_allclose(loaded.predict(inputs(), verbose=0), inputs() + 1.0, rtol=1e-6)


def test_optimizer_shape_mismatch_loads_nothing(tmp_path: Path) -> None:
    import h5py

    model = mlp()
    model.compile(optimizer="adam", loss="mean_squared_error")
    model.optimizer.build(model.trainable_variables)
    keras.saving.save_weights(model, tmp_path / "w.weights.h5")
    with h5py.File(tmp_path / "w.weights.h5", "a") as h5:
        del h5["optimizer/vars/2"]
        h5["optimizer/vars/2"] = np.zeros((5, 5), "float32")
    with pytest.raises(
        ValueError,
        match=r"optimizer 'adam\w*' \(weights path 'optimizer/vars'\): the variable '\w+' has "
        r"shape \(4, 8\), but the file holds shape \(5, 5\)",
    ):
        keras.saving.load_weights(model, tmp_path / "w.weights.h5")
