"""Sharded weights: one model's `.weights.h5` split into numbered files plus a JSON index.

`save_weights(..., max_shard_size=GB)` writes Keras 3's layout: `<stem>_00000.weights.h5`,
`<stem>_00001.weights.h5`, ... (each a normal weights file holding some of the
variables, in walk order, a new file starting when the next variable would pass the
limit) and `<stem>.weights.json`:

    {"metadata": {"total_size": <bytes>}, "weight_map": {"/<path>/vars": ["<shard>", ...]}}

Loading reads the index, then each shard it names, which must be a plain file name in
the index's folder (no folders, no `..`); the shards' contents are merged and assigned
like any weights file, so a mismatch still loads nothing.
"""

from __future__ import annotations

import json
import os
import warnings
from typing import Any

from keras.saving import _atomic, _safety
from keras.saving._weights_store import WeightsData, read_h5, to_h5_bytes

INDEX_SUFFIX = ".weights.json"


def index_path(filepath: str) -> str:
    """The index path for `filepath`: `.weights.h5` becomes `.weights.json`, with Keras's warning."""
    if filepath.endswith(INDEX_SUFFIX):
        return filepath
    if filepath.endswith(".weights.h5"):
        renamed = filepath[: -len(".weights.h5")] + INDEX_SUFFIX
        warnings.warn(
            f"Saving sharded weights requires `*.json` as the extension. The original path: {filepath} will be "
            f"renamed to {renamed}.",
            stacklevel=3,
        )
        return renamed
    raise ValueError(
        f"Sharded weights are written as `.weights.json` (an index) plus `.weights.h5` shards. Received: "
        f"filepath={filepath}"
    )


def split(data: WeightsData, max_bytes: int) -> list[WeightsData]:
    """Split `data` into shards of at most `max_bytes` of array data each, in order.

    Raises:
        ValueError: If one variable alone is larger than `max_bytes`.
    """
    shards = [WeightsData()]
    size = 0
    for key, value in data.arrays.items():
        if value.nbytes > max_bytes:
            raise ValueError(
                f"The size of {key} is {value.nbytes / 1024:.2f} KB which exceeds the maximum shard size "
                f"{max_bytes / 1024:.2f} KB. You can increase the `max_shard_size` parameter to accommodate the size."
            )
        if size + value.nbytes > max_bytes and shards[-1].arrays:
            shards.append(WeightsData())
            size = 0
        shards[-1].arrays[key] = value
        size += value.nbytes
    # Every object's group (and its name) goes in the shard holding its first variable,
    # or in the first shard when it has none.
    first_shard: dict[str, int] = {}
    for number, shard in enumerate(shards):
        for key in shard.arrays:
            first_shard.setdefault(key.rpartition("/")[0], number)
    for group, name in data.groups.items():
        shards[first_shard.get(group, 0)].groups[group] = name
    return shards


def save_sharded(data: WeightsData, filepath: str, max_shard_size: float) -> None:
    """Write `data` as shards of at most `max_shard_size` GB and the index at `filepath`."""
    max_bytes = int(float(max_shard_size) * 1024**3)
    if max_bytes <= 0:
        raise ValueError(
            f"`max_shard_size` must be a positive number of GB. Received: max_shard_size={max_shard_size}"
        )
    folder, index_name = os.path.split(filepath)
    stem = index_name[: -len(INDEX_SUFFIX)]
    weight_map: dict[str, list[str]] = {}
    for number, shard in enumerate(split(data, max_bytes)):
        shard_name = f"{stem}_{number:05d}.weights.h5"
        _atomic.write_bytes_atomically(os.path.join(folder, shard_name), to_h5_bytes(shard))
        for key in shard.arrays:
            files = weight_map.setdefault("/" + key.rpartition("/")[0], [])
            if shard_name not in files:
                files.append(shard_name)
    index = {
        "metadata": {"total_size": float(sum(value.nbytes for value in data.arrays.values()))},
        "weight_map": weight_map,
    }
    # The index last: it is what a reader opens, so it never names a shard not yet written.
    _atomic.write_bytes_atomically(filepath, json.dumps(index, indent=4).encode())


def _shard_names(index: Any, filepath: str) -> list[str]:
    weight_map = index.get("weight_map") if isinstance(index, dict) else None
    if not isinstance(weight_map, dict):
        raise ValueError(f"The sharded weights index {filepath!r} has no 'weight_map' object.")
    names: list[str] = []
    for files in weight_map.values():
        for name in files if isinstance(files, list) else [files]:
            if (
                not isinstance(name, str)
                or os.path.basename(name) != name
                or name in ("", ".", "..")
                or "\\" in name
                or not name.endswith(".weights.h5")
            ):
                raise ValueError(
                    f"Refusing to load {filepath!r}: the index names the shard {name!r}, which is not a "
                    "`.weights.h5` file name in the index's own folder."
                )
            if name not in names:
                names.append(name)
    return names


def read_sharded(filepath: str) -> WeightsData:
    """Read the index at `filepath` and merge the shards it names."""
    if os.path.getsize(filepath) > _safety.MAX_JSON_BYTES:
        raise ValueError(
            f"Refusing to load {filepath!r}: the index is larger than {_safety.MAX_JSON_BYTES} bytes."
        )
    with open(filepath, "rb") as stream:
        try:
            index = json.loads(stream.read().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ValueError(f"The sharded weights index {filepath!r} is not valid JSON: {error}") from error
    folder = os.path.dirname(filepath)
    merged = WeightsData()
    for name in _shard_names(index, filepath):
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            raise ValueError(f"The shard {name!r} named by {filepath!r} does not exist.")
        shard = read_h5(path, path)
        merged.arrays.update(shard.arrays)
        for group, group_name in shard.groups.items():
            if merged.groups.get(group) is None:
                merged.groups[group] = group_name
    return merged
