"""keras.saving's public names, its re-exports and its import cost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keras.saving
from keras.layers import _serialization

REFERENCE = Path("/work/shared/reference/keras-3.15-api.jsonl")
NAMES = sorted(
    [
        "CustomObjectScope",
        "KerasFileEditor",
        "custom_object_scope",
        "deserialize_keras_object",
        "get_custom_objects",
        "get_registered_name",
        "get_registered_object",
        "load_model",
        "load_weights",
        "register_keras_serializable",
        "save_model",
        "save_weights",
        "serialize_keras_object",
    ]
)


def test_all_is_exactly_the_reference_names() -> None:
    assert sorted(keras.saving.__all__) == NAMES
    if REFERENCE.exists():
        names = [json.loads(line)["name"] for line in REFERENCE.read_text().splitlines() if line.strip()]
        reference = sorted(
            n.split(".")[-1] for n in names if n.startswith("keras.saving.") and n.count(".") == 2
        )
        assert reference == NAMES


def test_registry_names_are_the_layers_packages() -> None:
    for name in (
        "register_keras_serializable",
        "get_registered_object",
        "get_registered_name",
        "serialize_keras_object",
        "deserialize_keras_object",
        "CustomObjectScope",
        "custom_object_scope",
    ):
        assert getattr(keras.saving, name) is getattr(_serialization, name)


def test_get_custom_objects_is_the_live_registry() -> None:
    def triple(x: float) -> float:
        return 3 * x

    keras.saving.get_custom_objects()["triple_for_test"] = triple
    try:
        assert keras.saving.get_registered_object("triple_for_test") is triple
        config = {
            "module": "builtins",
            "class_name": "function",
            "config": "triple_for_test",
            "registered_name": "function",
        }
        assert keras.saving.deserialize_keras_object(config) is triple
    finally:
        del keras.saving.get_custom_objects()["triple_for_test"]


def test_import_does_not_load_h5py_or_safetensors() -> None:
    code = "import sys, keras.saving; print(sorted(m for m in ('h5py', 'safetensors') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ), check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
