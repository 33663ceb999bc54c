"""The `.keras` archive: a zip of `metadata.json`, `config.json`, `model.weights.h5` and assets.

Written as Keras 3 writes it (stored, not deflated, in that member order, then the
`assets/...` files). Read in memory: the central directory is checked first
(`_safety.check_archive`), then the three expected members and the asset members are
read, each bounded, asset names checked (`_assets.check_member_name`); other members
are ignored and nothing is ever extracted to disk. A directory holding the same files
(`save_model(..., zipped=False)`) reads alike.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from typing import IO, Any

from keras.saving import _assets, _atomic, _safety


@dataclass
class ArchiveContent:
    """What a `.keras` file holds, parsed: the model config, metadata and weight bytes."""

    config: dict[str, Any]
    metadata: dict[str, Any]
    weights: bytes
    assets: dict[str, bytes]


def write_archive(
    stream: IO[bytes], config_json: str, metadata_json: str, weights: bytes, assets: dict[str, bytes]
) -> None:
    """Write the three members, then the asset files, into `stream` as a zip archive."""
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(_safety.METADATA_MEMBER, metadata_json)
        archive.writestr(_safety.CONFIG_MEMBER, config_json)
        _atomic.reached_mid_write()
        archive.writestr(_safety.WEIGHTS_MEMBER, weights)
        for name, data in assets.items():
            archive.writestr(name, data)


def write_directory(
    directory: str, config_json: str, metadata_json: str, weights: bytes, assets: dict[str, bytes]
) -> None:
    """Write the three members and the asset files as files of `directory` (each one atomically)."""
    os.makedirs(directory, exist_ok=True)
    _atomic.write_bytes_atomically(os.path.join(directory, _safety.METADATA_MEMBER), metadata_json.encode())
    _atomic.write_bytes_atomically(os.path.join(directory, _safety.CONFIG_MEMBER), config_json.encode())
    _atomic.write_bytes_atomically(os.path.join(directory, _safety.WEIGHTS_MEMBER), weights)
    for name, data in assets.items():
        target = os.path.join(directory, *name.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        _atomic.write_bytes_atomically(target, data)


def read_archive(filepath: str) -> ArchiveContent:
    """Read a `.keras` file (or a directory saved with `zipped=False`).

    Args:
        filepath: The archive's path.

    Returns:
        The parsed config and metadata, and the weights file's bytes.

    Raises:
        ValueError: If the file is not a zip archive, misses a member, is out of bounds,
            or holds malformed JSON.
    """
    if os.path.isdir(filepath):
        members = {
            name: _read_plain_file(os.path.join(filepath, name), filepath)
            for name in _safety.EXPECTED_MEMBERS
        }
        members.update(_read_asset_files(filepath))
    else:
        members = _read_zip_members(filepath)
    return ArchiveContent(
        config=_parse_json(members[_safety.CONFIG_MEMBER], _safety.CONFIG_MEMBER, filepath),
        metadata=_parse_json(members[_safety.METADATA_MEMBER], _safety.METADATA_MEMBER, filepath),
        weights=members[_safety.WEIGHTS_MEMBER],
        assets={name: data for name, data in members.items() if name.startswith(_assets.PREFIX)},
    )


def _read_asset_files(directory: str) -> dict[str, bytes]:
    """The files under `directory/assets` (symbolic links are not followed)."""
    members: dict[str, bytes] = {}
    root = os.path.join(directory, "assets")
    for folder, _, files in os.walk(root, followlinks=False):
        for name in files:
            path = os.path.join(folder, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            member = "assets/" + os.path.relpath(path, root).replace(os.sep, "/")
            if os.path.getsize(path) > _safety.MAX_UNCOMPRESSED_BYTES:
                raise ValueError(f"Refusing to load {directory!r}: the asset {member!r} is too large.")
            with open(path, "rb") as stream:
                members[member] = stream.read()
    return members


def _read_plain_file(path: str, filepath: str) -> bytes:
    if not os.path.isfile(path):
        raise ValueError(f"The model directory {filepath!r} has no {os.path.basename(path)!r}.")
    with open(path, "rb") as stream:
        return stream.read()


def _read_zip_members(filepath: str) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(filepath, "r")
    except FileNotFoundError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ValueError(
            f"The file {filepath!r} is not a valid .keras archive (not a zip file, or truncated): {error}"
        ) from error
    with archive:
        infos = archive.infolist()
        _safety.check_archive(filepath, infos)
        by_name = {info.filename: info for info in infos}
        members: dict[str, bytes] = {}
        for asset in infos:
            if asset.filename.startswith(_assets.PREFIX) and not asset.is_dir():
                _assets.check_member_name(asset.filename, filepath)
                members[asset.filename] = _safety.read_member(
                    archive, asset, _safety.MAX_UNCOMPRESSED_BYTES, filepath
                )
        for name in _safety.EXPECTED_MEMBERS:
            info = by_name.get(name)
            if info is None:
                raise ValueError(
                    f"The file {filepath!r} is not a valid .keras archive: it has no {name!r} member "
                    f"(members: {sorted(by_name)[:20]})."
                )
            limit = _safety.MAX_JSON_BYTES if name.endswith(".json") else _safety.MAX_UNCOMPRESSED_BYTES
            try:
                members[name] = _safety.read_member(archive, info, limit, filepath)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
                raise ValueError(
                    f"The .keras archive {filepath!r} is corrupt: member {name!r}: {error}"
                ) from error
    return members


def _parse_json(data: bytes, member: str, filepath: str) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"The {member!r} of {filepath!r} is not valid JSON: {error}") from error
    if not isinstance(value, dict):
        raise ValueError(
            f"The {member!r} of {filepath!r} must hold a JSON object. Received: {type(value).__name__}"
        )
    return value
