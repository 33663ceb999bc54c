"""Saving: `save_model` (`.keras` archives) and `save_weights` (`.weights.h5`, `.safetensors`)."""

from __future__ import annotations

import datetime
import json
import os
from typing import Any

import numpy as np

from keras.saving import _atomic, _walk
from keras.saving._assets import collect_assets
from keras.saving._weights_store import EntryStore, WeightsData, to_h5_bytes, to_safetensors_bytes, vars_group

# Keras 3 names its model classes by these modules in files; ours live in keras.trainers.
_KERAS3_MODEL_MODULES = {
    "Functional": ("keras.src.models.functional", "Functional"),
    "Sequential": ("keras", None),
    "Model": ("keras", None),
}


def keras_version() -> str:
    """The version written into `metadata.json`: the installed meta-package's, else 3.15.0."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("keras")
    except PackageNotFoundError:  # keras-saving without the meta-package
        return "3.15.0"


def collect_weights(model: Any) -> WeightsData:
    """Return every variable of `model` (and its optimizer) under its walk path."""
    data = WeightsData()
    for path, obj in _walk.walk(model):
        store = EntryStore()
        obj.save_own_variables(store)
        group = vars_group(path)
        name = getattr(obj, "name", None)
        data.groups[group] = name if isinstance(name, str) else None
        for key, value in store.values.items():
            data.arrays[f"{group}/{key}"] = value
    return data


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"Cannot write {value!r} of type {type(value).__name__} to a model config.")


def _with_keras3_module_names(config: Any) -> Any:
    """Name the model classes by the modules Keras 3 writes, so that Keras 3 finds them."""
    if isinstance(config, list):
        return [_with_keras3_module_names(item) for item in config]
    if isinstance(config, tuple):
        return [_with_keras3_module_names(item) for item in config]
    if not isinstance(config, dict):
        return config
    result = {key: _with_keras3_module_names(value) for key, value in config.items()}
    if result.get("module") == "keras.trainers" and result.get("class_name") in _KERAS3_MODEL_MODULES:
        module, registered = _KERAS3_MODEL_MODULES[result["class_name"]]
        result["module"] = module
        result["registered_name"] = registered
    return result


def model_config_json(model: Any) -> str:
    """Return `config.json`'s text: the serialized model, with build and compile configs."""
    from keras.layers._serialization import serialize_keras_object

    config = _with_keras3_module_names(serialize_keras_object(model))
    return json.dumps(config, default=_json_default)


def metadata_json() -> str:
    """Return `metadata.json`'s text, as Keras 3 writes it."""
    now = datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S")
    return json.dumps({"keras_version": keras_version(), "date_saved": now})


def save_model(
    model: Any, filepath: Any, overwrite: bool = True, zipped: bool | None = None, **kwargs: Any
) -> None:
    """Save a model (architecture, weights, optimizer state) to a `.keras` file.

    The file is a zip archive laid out as Keras 3 writes it, so Keras 3 loads it too.
    It is written atomically: an interrupted save leaves any previous file intact.

    Args:
        model: The model to save.
        filepath: A path ending in `.keras`.
        overwrite: Whether to replace an existing file.
        zipped: Whether to write a zip archive (the default) or, when False, a directory
            holding the same three files.
        **kwargs: Accepted for compatibility (`include_optimizer` is always True).

    Raises:
        ValueError: If `filepath` does not end in `.keras`.
        FileExistsError: If the file exists and `overwrite` is False.

    Example:

    >>> model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    >>> keras.saving.save_model(model, "/tmp/model.keras")  # doctest: +SKIP
    """
    path = os.fspath(filepath)
    unknown = set(kwargs) - {"include_optimizer", "save_format"}
    if unknown:
        raise ValueError(f"Unrecognized keyword arguments passed to `save_model`: {sorted(unknown)}")
    if not str(path).endswith(".keras"):
        raise ValueError(
            "Invalid filepath extension for saving. Please add a `.keras` extension for the native Keras format. "
            f"Received: filepath={path}"
        )
    _atomic.check_overwrite(path, overwrite)
    from keras.saving import _archive

    config_json = model_config_json(model)
    weights = to_h5_bytes(collect_weights(model))
    assets = collect_assets(model)
    if zipped is False:
        _archive.write_directory(path, config_json, metadata_json(), weights, assets)
        return
    with _atomic.atomic_write(path) as stream:
        _archive.write_archive(stream, config_json, metadata_json(), weights, assets)


def weights_format(filepath: str, action: str) -> str:
    """Return `"h5"`, `"safetensors"` or `"keras"` from a weights path, or raise."""
    if filepath.endswith(".weights.h5"):
        return "h5"
    if filepath.endswith(".safetensors"):
        return "safetensors"
    if action == "load" and filepath.endswith(".keras"):
        return "keras"
    allowed = "`.weights.h5` or `.safetensors`" + (" (or a `.keras` file)" if action == "load" else "")
    raise ValueError(f"The filename must end in {allowed} to {action} weights. Received: filepath={filepath}")


def save_weights(
    model: Any, filepath: Any, overwrite: bool = True, max_shard_size: Any = None, **kwargs: Any
) -> None:
    """Save a model's weights (and its optimizer's) to `.weights.h5` or `.safetensors`.

    Weights are stored under the paths Keras 3 uses (`layers/dense/vars/0`, ...), so
    the files load in Keras 3 as well; the write is atomic.

    Args:
        model: The model (or layer) whose weights to save.
        filepath: A path ending in `.weights.h5` or `.safetensors` (with
            `max_shard_size`: `.weights.json`, the index of the shards).
        overwrite: Whether to replace an existing file.
        max_shard_size: None for one file; else the largest shard, in GB: the weights
            are split into `<stem>_00000.weights.h5`, ... beside a JSON index, as
            Keras 3 writes them.
        **kwargs: None are accepted.

    Raises:
        ValueError: For another extension, or a variable larger than `max_shard_size`.
        FileExistsError: If the file exists and `overwrite` is False.
    """
    if kwargs:
        raise ValueError(f"Unrecognized keyword arguments passed to `save_weights`: {sorted(kwargs)}")
    path = str(os.fspath(filepath))
    if max_shard_size is not None:
        from keras.saving import _sharding

        path = _sharding.index_path(path)
        _atomic.check_overwrite(path, overwrite)
        _sharding.save_sharded(collect_weights(model), path, max_shard_size)
        return
    kind = weights_format(path, "save")
    _atomic.check_overwrite(path, overwrite)
    data = collect_weights(model)
    payload = to_h5_bytes(data) if kind == "h5" else to_safetensors_bytes(data)
    _atomic.write_bytes_atomically(path, payload)
