"""Assets: the files an object writes beside its weights (a lookup layer's vocabulary).

An object with `save_assets(dir_path)` / `load_assets(dir_path)` gets its own folder,
`assets/<its walk path>/`, in the `.keras` archive, as Keras 3 lays it out. Saving runs
`save_assets` on a fresh temporary folder and stores every file it wrote. Loading never
extracts the archive: the asset members are read in memory (bounded like the others),
their names checked (relative, no `..`, no backslashes), and each object's own files
are written into a fresh temporary folder that is handed to its `load_assets`.
"""

from __future__ import annotations

import os
import posixpath
import tempfile
from typing import Any

from keras.saving import _walk

PREFIX = "assets/"


def _folder(path: str) -> str:
    return f"{PREFIX}{path}/" if path else PREFIX


def collect_assets(model: Any) -> dict[str, bytes]:
    """Return `{archive member name: bytes}` for the files every object's `save_assets` writes."""
    members: dict[str, bytes] = {}
    for path, obj in _walk.walk(model):
        save = getattr(obj, "save_assets", None)
        if not callable(save):
            continue
        with tempfile.TemporaryDirectory() as folder:
            save(folder)
            for root, _, files in os.walk(folder):
                for name in sorted(files):
                    full = os.path.join(root, name)
                    relative = os.path.relpath(full, folder).replace(os.sep, "/")
                    with open(full, "rb") as stream:
                        members[_folder(path) + relative] = stream.read()
    return members


def check_member_name(name: str, filepath: str) -> None:
    """Refuse an asset member name that could point outside its folder.

    Raises:
        ValueError: For an absolute name, a `..` part, a backslash or a name that is
            not in normal form.
    """
    parts = name.split("/")
    if (
        name.startswith("/")
        or "\\" in name
        or ".." in parts
        or posixpath.normpath(name) != name
        or not name.startswith(PREFIX)
    ):
        raise ValueError(
            f"Refusing to load {filepath!r}: the archive member {name!r} is not a plain relative path under "
            f"{PREFIX!r}."
        )


def restore_assets(model: Any, members: dict[str, bytes]) -> None:
    """Hand each object with `load_assets` the files saved for it (objects with none are left as they are)."""
    if not members:
        return
    for path, obj in _walk.walk(model):
        load = getattr(obj, "load_assets", None)
        if not callable(load):
            continue
        prefix = _folder(path)
        own = {name[len(prefix) :]: data for name, data in members.items() if name.startswith(prefix)}
        if not own:
            continue
        with tempfile.TemporaryDirectory() as folder:
            for relative, data in own.items():
                target = os.path.join(folder, *relative.split("/"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as stream:
                    stream.write(data)
            load(folder)
