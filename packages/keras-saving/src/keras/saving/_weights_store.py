"""Weight files in memory: one flat mapping, written as HDF5 (Keras 3's layout) or safetensors.

Every format holds the same thing: arrays keyed by `"<object path>/vars/<index>"`
(`"vars/<index>"` for the model's own weights), the paths `_walk` assigns. HDF5 adds a
group per object with its `name` attribute, as Keras 3 writes; safetensors keys are the
same strings. `EntryStore` is the `store` that `save_own_variables`/`load_own_variables`
see: a dict-like view of one object's `vars`. h5py and safetensors are imported only
when a file is written or read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from keras.saving import _safety


def vars_group(path: str) -> str:
    """Return the group that holds an object's variables: `"vars"` or `"<path>/vars"`."""
    return f"{path}/vars" if path else "vars"


@dataclass
class WeightsData:
    """The content of a weights file.

    Attributes:
        arrays: `"<group>/<index>"` -> array, e.g. `"layers/dense/vars/0"`.
        groups: `"<group>"` -> the object's name (the HDF5 `name` attribute), for every
            object written, including those without variables.
    """

    arrays: dict[str, np.ndarray[Any, Any]] = field(default_factory=dict)
    groups: dict[str, str | None] = field(default_factory=dict)

    def entry(self, path: str) -> dict[str, np.ndarray[Any, Any]]:
        """Return the variables stored for the object at `path`, keyed `"0"`, `"1"`, ..."""
        prefix = vars_group(path) + "/"
        return {
            key[len(prefix) :]: value for key, value in self.arrays.items() if _is_direct_child(key, prefix)
        }


def _is_direct_child(key: str, prefix: str) -> bool:
    return key.startswith(prefix) and "/" not in key[len(prefix) :]


class EntryStore:
    """The `store` one object reads or writes: a dict of its variables by index string."""

    def __init__(self, values: dict[str, np.ndarray[Any, Any]] | None = None) -> None:
        self.values: dict[str, np.ndarray[Any, Any]] = dict(values or {})

    def keys(self) -> list[str]:
        return sorted(self.values, key=lambda key: (len(key), key))

    def __len__(self) -> int:
        return len(self.values)

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __contains__(self, key: object) -> bool:
        return key in self.values

    def __getitem__(self, key: str) -> np.ndarray[Any, Any]:
        return self.values[key]

    def __setitem__(self, key: str, value: Any) -> None:
        from keras.ops import convert_to_numpy

        self.values[str(key)] = np.asarray(convert_to_numpy(value))


# --- HDF5 -------------------------------------------------------------------------------


def to_h5_bytes(data: WeightsData) -> bytes:
    """Return `data` as the bytes of an HDF5 file laid out as Keras 3 lays it out."""
    import h5py

    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as h5:
        for group_path, name in data.groups.items():
            group = h5.require_group(group_path)
            if name is not None:
                group.attrs["name"] = name
        for key, value in data.arrays.items():
            group_path, _, dataset_name = key.rpartition("/")
            group = h5.require_group(group_path)
            if _is_bfloat16(value):
                dataset = group.create_dataset(dataset_name, data=value)  # opaque 2-byte type, as Keras
                dataset.attrs["dtype"] = "bfloat16"
            else:
                group.create_dataset(dataset_name, data=value)
    return buffer.getvalue()


def _is_bfloat16(value: np.ndarray[Any, Any]) -> bool:
    return bool(value.dtype.name == "bfloat16")


def read_h5(source: bytes | str, filepath: str) -> WeightsData:
    """Read every group and dataset of an HDF5 weights file, refusing unsafe objects.

    Args:
        source: The file's bytes, or its path.
        filepath: The path shown in messages.

    Returns:
        The file's content.

    Raises:
        ValueError: If the file is not valid HDF5, or holds links, external or virtual
            datasets or non-numeric data.
    """
    import h5py

    handle: Any = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        h5 = h5py.File(handle, "r")
    except (OSError, ValueError) as error:
        raise ValueError(
            f"The file {filepath!r} is not a valid HDF5 weights file (it is truncated or corrupt)."
        ) from error
    data = WeightsData()
    try:
        with h5:
            _read_group(h5, "", data, filepath)
    except (OSError, RuntimeError, KeyError, TypeError) as error:
        raise ValueError(f"The HDF5 weights file {filepath!r} could not be read: {error}") from error
    return data


def _read_group(group: Any, path: str, data: WeightsData, filepath: str) -> None:
    import h5py

    for name in group:
        _safety.check_h5_link(group, name, filepath)
        child = group[name]
        child_path = f"{path}/{name}" if path else name
        if isinstance(child, h5py.Group):
            attribute = child.attrs.get("name")
            data.groups[child_path] = attribute.decode() if isinstance(attribute, bytes) else attribute
            _read_group(child, child_path, data, filepath)
        elif isinstance(child, h5py.Dataset):
            _safety.check_h5_dataset(child, filepath)
            value = np.asarray(child[()])
            if child.attrs.get("dtype") in ("bfloat16", b"bfloat16"):
                import ml_dtypes

                if value.dtype.itemsize == 2 and value.dtype.kind in "Vu":
                    value = value.view(ml_dtypes.bfloat16)
                else:
                    value = value.astype(ml_dtypes.bfloat16)
            data.arrays[child_path] = value
        else:
            raise ValueError(
                f"Refusing to load {filepath!r}: the HDF5 object {child.name!r} is not a group or dataset."
            )


# --- safetensors ------------------------------------------------------------------------


def to_safetensors_bytes(data: WeightsData) -> bytes:
    """Return `data`'s arrays as a safetensors file (keys are the weight paths)."""
    from safetensors.numpy import save

    arrays = {key: np.array(value, order="C", copy=True) for key, value in data.arrays.items()}
    result: bytes = save(arrays, metadata={"format": "keras"})
    return result


def read_safetensors(source: bytes, filepath: str) -> WeightsData:
    """Read a safetensors file's arrays.

    Raises:
        ValueError: If the file is not a valid safetensors file.
    """
    from safetensors.numpy import load

    try:
        arrays = load(source)
    except Exception as error:  # safetensors raises its own error types
        raise ValueError(f"The file {filepath!r} is not a valid safetensors file: {error}") from error
    return WeightsData(arrays={key: np.asarray(value) for key, value in arrays.items()})
