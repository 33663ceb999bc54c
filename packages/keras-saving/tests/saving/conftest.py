"""Shared helpers: layer classes by name (public, else from the private modules while the
lead has not lifted them into keras.layers yet), small models, data paths."""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import keras.layers
from keras.backend import backend

DATA = Path(__file__).resolve().parents[1] / "data"

no_training = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")


@functools.cache
def _private_layer_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(keras.layers.__path__, "keras.layers."):
        if not info.name.split(".")[-1].startswith("_") and info.name.count(".") == 2:
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception:
            continue
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, keras.layers.Layer) and not name.startswith("_"):
                found.setdefault(name, value)
    return found


def layer_class(name: str) -> Any:
    """Return the layer class `name`, or None when no helper has written it yet."""
    public = getattr(keras.layers, name, None)
    return public if public is not None else _private_layer_classes().get(name)


def fallback_objects(*names: str) -> dict[str, Any]:
    """custom_objects for layers that exist but are not yet public in keras.layers."""
    result = {}
    for name in names:
        if getattr(keras.layers, name, None) is None and name in _private_layer_classes():
            result[name] = _private_layer_classes()[name]
    return result


def require_layers(*names: str) -> None:
    """xfail the running test when a layer it needs has not been written yet."""
    missing = [name for name in names if layer_class(name) is None]
    if missing:
        pytest.xfail(f"layers not written yet: {missing}")


def mlp(name: str = "mlp", seed: int = 0) -> Any:
    """A small Sequential model: Input(4) -> Dense(8, relu) -> Dense(3)."""
    from keras.trainers import Sequential

    dense = layer_class("Dense")
    model = Sequential([keras.layers.Input((4,)), dense(8, activation="relu"), dense(3)], name=name)
    rng = np.random.default_rng(seed)
    model.set_weights([rng.normal(size=w.shape).astype("float32") for w in model.get_weights()])
    return model


def inputs(rows: int = 6, seed: int = 1) -> np.ndarray[Any, Any]:
    return np.random.default_rng(seed).normal(size=(rows, 4)).astype("float32")
