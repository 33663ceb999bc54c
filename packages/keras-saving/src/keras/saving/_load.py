"""Loading: `load_model` (`.keras`) and `load_weights` (`.keras`, `.weights.h5`, `.safetensors`).

Weights are matched to objects by the walk's paths and checked in full (count, shape,
dtype kind) before any variable changes, so a mismatch leaves the model as it was.
Objects whose `load_own_variables` is their own (custom layers, optimizers) are loaded
first, with their previous values kept to restore if one of them fails.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np

from keras.saving import _walk
from keras.saving._assets import restore_assets
from keras.saving._weights_store import EntryStore, WeightsData, read_h5, read_safetensors, vars_group


def _dtype_kind(dtype: Any) -> str:
    from keras.backend._dtypes import is_float_dtype, is_int_dtype, standardize_dtype

    name = standardize_dtype(dtype)
    if name == "bool":
        return "bool"
    if is_float_dtype(name):
        return "float"
    if is_int_dtype(name):
        return "int"
    return name


def _default_loader(obj: Any) -> bool:
    """Whether the variables `obj` loads are known up front (and so checked before anything loads).

    True for layers that keep `Layer.load_own_variables` and for layers that say which
    variables their own `load_own_variables` fills, in file order (`_saved_variables`:
    Dense, EinsumDense and Embedding, whose LoRA and quantized forms store another list).
    """
    from keras.layers import Layer

    if not isinstance(obj, Layer):
        return False
    return type(obj).load_own_variables is Layer.load_own_variables or callable(
        getattr(obj, "_saved_variables", None)
    )


def _saved_variables(obj: Any) -> list[Any]:
    saved = getattr(obj, "_saved_variables", None)
    return list(saved()) if callable(saved) else list(obj._own_weights())


def _describe(obj: Any, path: str) -> str:
    kind = "optimizer" if not hasattr(obj, "_own_weights") else "layer"
    return f"{kind} '{getattr(obj, 'name', type(obj).__name__)}' (weights path '{vars_group(path)}')"


def _check(obj: Any, store: EntryStore, path: str) -> str | None:
    """Return why `store` cannot be loaded into `obj`, or None.

    A default-loading layer must match in count, shapes and dtype kinds; an optimizer
    whose variable count matches must match in shapes (on a count mismatch it skips
    loading with a warning, as Keras 3's does).
    """
    if _default_loader(obj):
        own = _saved_variables(obj)
    elif _is_optimizer(obj) and len(store) == len(obj.variables):
        own = list(obj.variables)
    else:
        return None
    if len(store) != len(own):
        return (
            f"{_describe(obj, path)} has {len(own)} variables ({[v.name for v in own]}), "
            f"but the file holds {len(store)} for it."
        )
    for index, variable in enumerate(own):
        value = store.values.get(str(index))
        if value is None:
            return f"{_describe(obj, path)}: the file has no variable '{index}' (keys: {store.keys()})."
        expected, received = tuple(variable.shape), tuple(value.shape)
        if expected != received:
            return (
                f"{_describe(obj, path)}: the variable '{variable.name}' has shape {expected}, but the file "
                f"holds shape {received}."
            )
        if _dtype_kind(variable.dtype) != _dtype_kind(value.dtype):
            return (
                f"{_describe(obj, path)}: the variable '{variable.name}' has dtype {variable.dtype}, but the "
                f"file holds dtype {value.dtype} (shapes {expected} and {received})."
            )
    return None


def _is_optimizer(obj: Any) -> bool:
    from keras.optimizers import Optimizer

    return isinstance(obj, Optimizer)


def _variables_of(obj: Any) -> list[Any]:
    own = getattr(obj, "_own_weights", None)
    return list(own()) if callable(own) else list(getattr(obj, "variables", []))


def assign_weights(model: Any, data: WeightsData, filepath: str, skip_mismatch: bool = False) -> None:
    """Load `data` into `model`: all checked first, nothing changed on an error.

    Args:
        model: The model (or layer) to load into.
        data: The file's content.
        filepath: The path shown in messages.
        skip_mismatch: Whether to skip (with a warning) objects whose weights do not
            match instead of raising.

    Raises:
        ValueError: If a layer's weights do not match the file (count, shape or dtype).
    """
    plan = [(path, obj, EntryStore(data.entry(path))) for path, obj in _walk.walk(model)]
    problems: list[tuple[int, str]] = []
    for index, (path, obj, store) in enumerate(plan):
        problem = _check(obj, store, path)
        if problem is not None:
            problems.append((index, problem))
    if problems and not skip_mismatch:
        listed = "\n".join(f"- {message}" for _, message in problems[:10])
        raise ValueError(
            f"The weights in {filepath!r} do not match the model '{getattr(model, 'name', '?')}'; nothing was "
            f"loaded:\n{listed}"
        )
    skipped = {index for index, _ in problems}
    for _, message in problems:
        warnings.warn(f"Skipping loading weights of {message}", stacklevel=3)
    custom = [
        (path, obj, store)
        for i, (path, obj, store) in enumerate(plan)
        if not _default_loader(obj) and i not in skipped
    ]
    saved = [
        (variable, np.array(variable.numpy())) for _, obj, _ in custom for variable in _variables_of(obj)
    ]
    for path, obj, store in custom:
        try:
            obj.load_own_variables(store)
        except Exception as error:
            for variable, value in saved:
                variable.assign(value)
            if skip_mismatch:
                warnings.warn(f"Skipping loading weights of {_describe(obj, path)}: {error}", stacklevel=3)
                continue
            raise ValueError(
                f"Could not load the weights of {_describe(obj, path)} from {filepath!r}; nothing was loaded: {error}"
            ) from error
    for index, (_, obj, store) in enumerate(plan):
        if _default_loader(obj) and index not in skipped:
            obj.load_own_variables(store)


def read_weights_file(filepath: str) -> WeightsData:
    """Read the weights of a `.weights.h5`, `.safetensors` or `.keras` file."""
    from keras.saving._save import weights_format

    if filepath.endswith(".weights.json"):
        from keras.saving._sharding import read_sharded

        if not os.path.exists(filepath):
            raise FileNotFoundError(f"No such file: {filepath!r}")
        return read_sharded(filepath)
    kind = weights_format(filepath, "load")
    if not os.path.exists(filepath):
        raise FileNotFoundError(f"No such file: {filepath!r}")
    if kind == "keras":
        from keras.saving._archive import read_archive

        return read_h5(read_archive(filepath).weights, filepath)
    with open(filepath, "rb") as stream:
        payload = stream.read()
    return read_h5(payload, filepath) if kind == "h5" else read_safetensors(payload, filepath)


def load_weights(model: Any, filepath: Any, skip_mismatch: bool = False, **kwargs: Any) -> None:
    """Load weights saved by `save_weights` or `save_model` (ours or Keras 3's) into `model`.

    Args:
        model: The model (built) to load into.
        filepath: A `.weights.h5`, `.safetensors` or `.keras` file, or the
            `.weights.json` index of sharded weights.
        skip_mismatch: Whether to skip layers whose weights do not match (with a
            warning) instead of raising.
        **kwargs: None are accepted.

    Raises:
        ValueError: For another extension, an invalid file, or weights that do not
            match (then nothing is loaded).
    """
    if kwargs:
        raise ValueError(f"Unrecognized keyword arguments passed to `load_weights`: {sorted(kwargs)}")
    path = str(os.fspath(filepath))
    assign_weights(model, read_weights_file(path), path, skip_mismatch=skip_mismatch)


def _effective_safe_mode(safe_mode: bool) -> bool:
    from keras.layers._serialization import in_safe_mode

    scoped = in_safe_mode()
    return bool(safe_mode) if scoped is None else bool(scoped)


def find_stored_code(config: Any, owner: str = "the model config") -> str | None:
    """Return a description of the object whose config stores Python bytecode, or None."""
    if isinstance(config, (list, tuple)):
        for item in config:
            found = find_stored_code(item, owner)
            if found is not None:
                return found
        return None
    if not isinstance(config, Mapping):
        return None
    if config.get("class_name") == "__lambda__":
        return owner
    inner = config.get("config")
    if isinstance(config.get("class_name"), str) and isinstance(inner, Mapping) and "name" in inner:
        owner = f"the layer '{inner['name']}' (class {config['class_name']})"
    for value in config.values():
        found = find_stored_code(value, owner)
        if found is not None:
            return found
    return None


def load_model(
    filepath: Any, custom_objects: Any = None, compile: bool = True, safe_mode: bool = True
) -> Any:
    """Load a model from a `.keras` file (saved by this suite or by Keras 3).

    Args:
        filepath: The `.keras` file (or a directory saved with `zipped=False`).
        custom_objects: A dict from name to class or function, for custom objects the
            file names.
        compile: Whether to compile the model as it was saved, restoring the
            optimizer's state so that training resumes where it stopped.
        safe_mode: Whether to refuse files that would run code when loaded (Python
            lambdas stored as bytecode) or name classes that are neither built in,
            registered nor passed in `custom_objects`.

    Returns:
        The model.

    Raises:
        ValueError: If the file is missing, not a valid archive, unsafe in safe mode,
            or its weights do not match its config.
        TypeError: If the config names a class that cannot be found.

    Example:

    >>> model = keras.saving.load_model("model.keras")  # doctest: +SKIP
    """
    from keras.layers import Layer
    from keras.layers._serialization import deserialize_keras_object
    from keras.saving._archive import read_archive

    path = str(os.fspath(filepath))
    if not os.path.exists(path):
        raise ValueError(
            f"File not found: filepath={path}. Please ensure the file is an accessible `.keras` zip file."
        )
    if not os.path.isdir(path) and not path.endswith(".keras"):
        raise ValueError(
            f"File format not supported: filepath={path}. This implementation loads `.keras` files (Keras 3's "
            "format); legacy `.h5` and SavedModel files are not supported."
        )
    content = read_archive(path)
    safe = _effective_safe_mode(safe_mode)
    config = content.config
    if safe:
        owner = find_stored_code(config)
        if owner is not None:
            raise ValueError(
                f"Refusing to load {path!r} in safe mode: {owner} stores a Python lambda as bytecode, and "
                "loading it would run that code. If you trust the source of this file, pass `safe_mode=False` "
                "to `load_model`, or call `keras.config.enable_unsafe_deserialization()`."
            )
    if not compile:
        config = {key: value for key, value in config.items() if key != "compile_config"}
    if "class_name" not in config or "config" not in config:
        raise ValueError(f"The config.json of {path!r} does not describe a model (no 'class_name'/'config').")
    model = deserialize_keras_object(config, custom_objects=custom_objects, safe_mode=safe)
    if not isinstance(model, Layer):
        raise ValueError(
            f"The config.json of {path!r} describes a {type(model).__name__}, not a model or layer."
        )
    data = read_h5(content.weights, path)
    optimizer = getattr(model, "optimizer", None) if compile else None
    if optimizer is not None and not getattr(optimizer, "built", True) and _has_entries(data, "optimizer"):
        optimizer.build(model.trainable_variables)
    assign_weights(model, data, path)
    restore_assets(model, content.assets)
    return model


def _has_entries(data: WeightsData, path: str) -> bool:
    return bool(data.entry(path))
