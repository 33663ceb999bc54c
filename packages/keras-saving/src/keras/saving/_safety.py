"""What a file may contain before we read it: archive bounds and HDF5 object checks.

Loading is safe by default. A `.keras` archive is read in memory, never extracted;
only its expected members are read, and a bomb (too many members, too many bytes once
uncompressed, or an extreme compression ratio) is refused from the central directory
before anything is decompressed. HDF5 weight files may hold only groups and plain
numeric datasets inside the file: external links, soft links, external datasets,
virtual datasets and "shape bombs" are refused.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import zipfile

# The members of a .keras archive that are read; any other member is ignored.
CONFIG_MEMBER = "config.json"
METADATA_MEMBER = "metadata.json"
WEIGHTS_MEMBER = "model.weights.h5"
EXPECTED_MEMBERS = (CONFIG_MEMBER, METADATA_MEMBER, WEIGHTS_MEMBER)

# Archive bounds (module attributes, so an application can raise them).
MAX_ARCHIVE_MEMBERS = 10_000
MAX_UNCOMPRESSED_BYTES = 64 * 2**30
MAX_JSON_BYTES = 256 * 2**20
MAX_COMPRESSION_RATIO = 500
RATIO_CHECK_MIN_BYTES = 16 * 2**20

# An HDF5 dataset that declares more than this many bytes must store at least
# 1/`H5_MAX_EXPANSION` of them.
H5_BOMB_MIN_BYTES = 2**30
H5_MAX_EXPANSION = 1000


def check_archive(filepath: str, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse an archive whose central directory is out of bounds.

    Args:
        filepath: The archive's path, for messages.
        infos: `ZipFile.infolist()`.

    Raises:
        ValueError: Too many members, too many uncompressed bytes, or a member whose
            compression ratio marks a zip bomb.
    """
    if len(infos) > MAX_ARCHIVE_MEMBERS:
        raise ValueError(
            f"Refusing to load {filepath!r}: the archive has {len(infos)} members, more than the "
            f"{MAX_ARCHIVE_MEMBERS} a .keras file may have."
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ValueError(
            f"Refusing to load {filepath!r}: its members add up to {total} bytes once uncompressed, more than "
            f"the limit of {MAX_UNCOMPRESSED_BYTES} bytes (keras.saving._safety.MAX_UNCOMPRESSED_BYTES)."
        )
    for info in infos:
        if info.file_size < RATIO_CHECK_MIN_BYTES:
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO:
            raise ValueError(
                f"Refusing to load {filepath!r}: member {info.filename!r} expands {ratio:.0f} times "
                f"({info.compress_size} -> {info.file_size} bytes), which marks a zip bomb "
                f"(limit: {MAX_COMPRESSION_RATIO} times)."
            )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, filepath: str) -> bytes:
    """Read one member into memory, stopping as soon as it passes `limit` bytes."""
    if info.file_size > limit:
        raise ValueError(
            f"Refusing to load {filepath!r}: member {info.filename!r} holds {info.file_size} bytes, more than "
            f"the limit of {limit}."
        )
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(2**20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit or size > info.file_size:
                raise ValueError(
                    f"Refusing to load {filepath!r}: member {info.filename!r} decompresses to more bytes than "
                    "its header declares."
                )
            chunks.append(chunk)
    return b"".join(chunks)


def check_h5_link(parent: Any, name: str, filepath: str) -> None:
    """Refuse a link that leaves the file (external) or aliases another object (soft)."""
    import h5py

    link = parent.get(name, getlink=True)
    if isinstance(link, h5py.ExternalLink):
        raise ValueError(
            f"Refusing to load {filepath!r}: the HDF5 object '{parent.name.rstrip('/')}/{name}' is an external "
            f"link to {link.filename!r}; weight files may not reference other files."
        )
    if isinstance(link, h5py.SoftLink):
        raise ValueError(
            f"Refusing to load {filepath!r}: the HDF5 object '{parent.name.rstrip('/')}/{name}' is a soft link "
            f"to {link.path!r}; weight files may hold only groups and datasets."
        )


def check_h5_dataset(dataset: Any, filepath: str) -> None:
    """Refuse external, virtual, non-numeric and shape-bomb datasets."""
    if dataset.external:
        raise ValueError(
            f"Refusing to load {filepath!r}: the dataset {dataset.name!r} stores its data in external "
            f"files {[entry[0] for entry in dataset.external]}."
        )
    if dataset.is_virtual:
        raise ValueError(
            f"Refusing to load {filepath!r}: the dataset {dataset.name!r} is a virtual dataset (its data "
            "lives in other files)."
        )
    if dataset.dtype.kind not in "biufcV":
        raise ValueError(
            f"Refusing to load {filepath!r}: the dataset {dataset.name!r} has dtype {dataset.dtype}, not a "
            "numeric dtype."
        )
    declared = math.prod(dataset.shape or ()) * dataset.dtype.itemsize
    stored = dataset.id.get_storage_size()
    if declared > H5_BOMB_MIN_BYTES and declared > H5_MAX_EXPANSION * stored:
        raise ValueError(
            f"Refusing to load {filepath!r}: the dataset {dataset.name!r} declares {declared} bytes but stores "
            f"only {stored}."
        )
