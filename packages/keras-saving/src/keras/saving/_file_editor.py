"""`KerasFileEditor`: inspect and edit the weights of a `.keras` or `.weights.h5` file.

A reduced version of Keras 3's editor: it opens a file (safely, as loading does),
lists the objects and their weights, compares them with a model, renames, deletes
and adds objects or weights, and saves the result as `.weights.h5` or `.safetensors`.
Objects are addressed by path (`"layers/dense"`) or by the name stored with them
(`"dense_1"`). The weights are kept flat: `weights_dict[path][index] = array`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import numpy as np

from keras.saving._weights_store import WeightsData, vars_group


class KerasFileEditor:
    """Open a Keras weights file to inspect or edit its weights.

    Args:
        filepath: A `.keras`, `.weights.h5` or `.safetensors` file.

    Attributes:
        config: The model config (`.keras` files), else None.
        metadata: The metadata (`.keras` files), else None.
        weights_dict: Object path (`""` for the model itself) -> `{"0": array, ...}`.
        object_names: Object path -> the object name stored with it (HDF5 files).

    Example:

    >>> editor = keras.saving.KerasFileEditor("model.keras")  # doctest: +SKIP
    >>> editor.rename_object("dense", "classifier")  # doctest: +SKIP
    >>> editor.save("edited.weights.h5")  # doctest: +SKIP
    """

    def __init__(self, filepath: Any) -> None:
        from keras.saving._load import read_weights_file

        self.filepath = str(os.fspath(filepath))
        self.config: dict[str, Any] | None = None
        self.metadata: dict[str, Any] | None = None
        if self.filepath.endswith(".keras"):
            from keras.saving._archive import read_archive
            from keras.saving._weights_store import read_h5

            content = read_archive(self.filepath)
            self.config, self.metadata = content.config, content.metadata
            data = read_h5(content.weights, self.filepath)
        else:
            data = read_weights_file(self.filepath)
        self.weights_dict: dict[str, dict[str, np.ndarray[Any, Any]]] = {}
        self.object_names: dict[str, str] = {}
        for group, name in data.groups.items():
            if group == "vars" or group.endswith("/vars"):
                path = group[: -len("/vars")] if group != "vars" else ""
                self.weights_dict.setdefault(path, {})
                if name is not None:
                    self.object_names[path] = name
        for key, value in data.arrays.items():
            group, _, index = key.rpartition("/")
            path = group[: -len("/vars")] if group != "vars" else ""
            self.weights_dict.setdefault(path, {})[index] = value

    # --- inspection -----------------------------------------------------------------

    def weights_summary(self) -> str:
        """Return a table of the objects, their stored names and weight shapes."""
        lines = [f"Weights of {self.filepath}:"]
        for path in sorted(self.weights_dict):
            weights = self.weights_dict[path]
            name = self.object_names.get(path, "")
            shown = ", ".join(f"{k}: {tuple(v.shape)} {v.dtype}" for k, v in sorted(weights.items()))
            lines.append(f"  {path or '(model)'} [{name}]: {shown or 'no weights'}")
        return "\n".join(lines)

    def summary(self) -> None:
        """Print the weight structure of the file."""
        print(self.weights_summary())

    def compare(self, reference_model: Any) -> dict[str, Any]:
        """Compare the file's weights with `reference_model`'s (paths, counts and shapes).

        Args:
            reference_model: The model to compare with.

        Returns:
            `{"status": "success" | "error", "error_count": int, "match_count": int}`;
            the mismatches are printed.
        """
        from keras.saving._save import collect_weights

        reference = _flatten_to_objects(collect_weights(reference_model))
        errors = 0
        matches = 0
        for path, weights in reference.items():
            stored = self.weights_dict.get(path)
            if stored is None:
                if weights:
                    print(f"Object '{path}' is missing from the file.")
                    errors += 1
                continue
            if len(stored) != len(weights):
                print(f"Object '{path}': the model has {len(weights)} weights, the file {len(stored)}.")
                errors += 1
                continue
            for index, value in weights.items():
                other = stored.get(index)
                if other is None or tuple(other.shape) != tuple(value.shape):
                    found = None if other is None else tuple(other.shape)
                    print(f"Weight '{path}/{index}': model shape {tuple(value.shape)}, file shape {found}.")
                    errors += 1
                else:
                    matches += 1
        return {"status": "error" if errors else "success", "error_count": errors, "match_count": matches}

    # --- editing --------------------------------------------------------------------

    def _resolve(self, object_name: str) -> str:
        if object_name in self.weights_dict:
            return object_name
        found = [path for path, name in self.object_names.items() if name == object_name]
        if len(found) == 1:
            return found[0]
        if not found:
            raise ValueError(
                f"Object '{object_name}' not found in the file. Known paths: {sorted(self.weights_dict)}"
            )
        raise ValueError(
            f"The name '{object_name}' is ambiguous: it names the objects at {found}; pass a path."
        )

    def _subtree(self, path: str) -> list[str]:
        return [p for p in self.weights_dict if p == path or p.startswith(f"{path}/") or path == ""]

    def rename_object(self, object_name: str, new_name: str) -> None:
        """Rename an object (its last path component), with everything under it."""
        path = self._resolve(object_name)
        parent = path.rpartition("/")[0]
        target = f"{parent}/{new_name}" if parent else new_name
        self._move(path, lambda p: target + p[len(path) :])

    def _move(self, path: str, rename: Callable[[str], str]) -> None:
        for old in self._subtree(path):
            self.weights_dict[rename(old)] = self.weights_dict.pop(old)
            if old in self.object_names:
                self.object_names[rename(old)] = self.object_names.pop(old)

    def delete_object(self, object_name: str) -> None:
        """Remove an object and everything under it."""
        path = self._resolve(object_name)
        for old in self._subtree(path):
            self.weights_dict.pop(old)
            self.object_names.pop(old, None)

    def add_object(self, object_path: str, weights: dict[str, Any]) -> None:
        """Add an object at `object_path` with `weights` (`{"0": array, ...}`)."""
        self.weights_dict[object_path] = _arrays(weights)

    def delete_weight(self, object_name: str, weight_name: str) -> None:
        """Remove one weight (e.g. `"1"`) of an object."""
        path = self._resolve(object_name)
        if weight_name not in self.weights_dict[path]:
            raise ValueError(
                f"Weight {weight_name} not found in object {object_name}. "
                f"Weights found: {sorted(self.weights_dict[path])}"
            )
        del self.weights_dict[path][weight_name]

    def add_weights(self, object_name: str, weights: dict[str, Any]) -> None:
        """Add weights (`{"2": array}`) to an existing object."""
        path = self._resolve(object_name)
        self.weights_dict[path].update(_arrays(weights))

    def save(self, filepath: Any) -> None:
        """Write the (edited) weights to a `.weights.h5` or `.safetensors` file, atomically."""
        from keras.saving._atomic import write_bytes_atomically
        from keras.saving._save import weights_format
        from keras.saving._weights_store import to_h5_bytes, to_safetensors_bytes

        path = str(os.fspath(filepath))
        kind = weights_format(path, "save")
        data = WeightsData()
        for object_path, weights in self.weights_dict.items():
            group = vars_group(object_path)
            data.groups[group] = self.object_names.get(object_path)
            for index, value in weights.items():
                data.arrays[f"{group}/{index}"] = value
        write_bytes_atomically(path, to_h5_bytes(data) if kind == "h5" else to_safetensors_bytes(data))

    def resave_weights(self, filepath: Any) -> None:
        """Same as `save`."""
        self.save(filepath)


def _arrays(weights: Any) -> dict[str, np.ndarray[Any, Any]]:
    if not isinstance(weights, dict):
        raise ValueError(
            "Argument `weights` should be a dict where keys are weight names (usually '0', '1', etc.) and values "
            f"are NumPy arrays. Received: type(weights)={type(weights)}"
        )
    return {str(key): np.asarray(value) for key, value in weights.items()}


def _flatten_to_objects(data: WeightsData) -> dict[str, dict[str, np.ndarray[Any, Any]]]:
    result: dict[str, dict[str, np.ndarray[Any, Any]]] = {}
    for group in data.groups:
        result.setdefault(group[: -len("/vars")] if group != "vars" else "", {})
    for key, value in data.arrays.items():
        group, _, index = key.rpartition("/")
        result.setdefault(group[: -len("/vars")] if group != "vars" else "", {})[index] = value
    return result
