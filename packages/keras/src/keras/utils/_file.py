"""`get_file`: fetch a file into the Keras cache, check its hash, and extract archives safely."""

from __future__ import annotations

import hashlib
import os
import shutil
import tarfile
import tempfile
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from keras.backend._config import keras_home


def _hasher(algorithm: str, file_hash: str | None) -> Any:
    if algorithm == "sha256" or (algorithm == "auto" and file_hash is not None and len(file_hash) == 64):
        return hashlib.sha256()
    if algorithm in ("md5", "auto"):
        return hashlib.md5()
    raise ValueError(
        f'`hash_algorithm` must be "md5", "sha256" or "auto". Received: hash_algorithm={algorithm!r}'
    )


def hash_file(path: str | os.PathLike[str], algorithm: str = "sha256", file_hash: str | None = None) -> str:
    """Return the hex digest of a file (`"auto"` picks sha256 for 64-character hashes, else md5)."""
    hasher = _hasher(algorithm, file_hash)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            hasher.update(chunk)
    return str(hasher.hexdigest())


def _inside(root: Path, member: str) -> bool:
    target = (root / member).resolve()
    return target == root or root in target.parents


def _refuse(name: str) -> None:
    raise ValueError(f"Refusing to extract archive member outside the target folder: {name!r}")


def _extract_into(root: Path, extract: Callable[[Path], None]) -> None:
    """Extract into a temporary folder beside `root`, then move it into place."""
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root.parent, prefix=".extracting-"))
    try:
        extract(staging)
        if root.exists():
            shutil.rmtree(root)
        staging.rename(root)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _extract_tar(archive: str, root: Path) -> None:
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
        for member in members:
            link_target = (
                member.linkname
                if member.islnk()
                else os.path.join(os.path.dirname(member.name), member.linkname)
            )
            if not _inside(root, member.name) or member.isdev():
                _refuse(member.name)
            if (member.issym() or member.islnk()) and (
                os.path.isabs(member.linkname) or not _inside(root, link_target)
            ):
                _refuse(member.name)
        if hasattr(tarfile, "data_filter"):  # Python's own checks too, where it has them
            _extract_into(root, lambda folder: tar.extractall(folder, members=members, filter="data"))
        else:
            _extract_into(root, lambda folder: tar.extractall(folder, members=members))


def _extract_zip(archive: str, root: Path) -> None:
    with zipfile.ZipFile(archive) as zip_file:
        for name in zip_file.namelist():
            if os.path.isabs(name) or not _inside(root, name):
                _refuse(name)
        _extract_into(root, zip_file.extractall)


def _extract(archive: str, destination: str, archive_format: Any) -> bool:
    """Extract a zip or tar archive, refusing members that would land outside `destination`."""
    formats = ["tar", "zip"] if archive_format == "auto" else archive_format
    formats = [formats] if isinstance(formats, str) else list(formats or [])
    root = Path(destination).resolve()
    for kind in formats:
        if kind == "tar" and tarfile.is_tarfile(archive):
            _extract_tar(archive, root)
            return True
        if kind == "zip" and zipfile.is_zipfile(archive):
            _extract_zip(archive, root)
            return True
    return False


def _cache_folder(cache_dir: str | None, cache_subdir: str) -> Path:
    base = Path(os.path.expanduser(cache_dir)) if cache_dir is not None else keras_home()
    base.mkdir(parents=True, exist_ok=True)
    if not os.access(base, os.W_OK):
        base = Path(tempfile.gettempdir()) / ".keras"
    folder = base / cache_subdir
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _fetch(origin: str, target: Path) -> None:
    """Copy a local path or `file://` URL, or download a network URL, into `target` atomically."""
    partial = target.with_name(target.name + ".part")
    parsed = urllib.parse.urlsplit(origin)
    try:
        if parsed.scheme == "" or (parsed.scheme == "file" and parsed.netloc in ("", "localhost")):
            source = urllib.request.url2pathname(parsed.path) if parsed.scheme else origin
            shutil.copyfile(source, partial)
        else:
            try:
                with urllib.request.urlopen(origin) as response, open(partial, "wb") as out:
                    shutil.copyfileobj(response, out)
            except OSError as error:
                raise Exception(f"URL fetch failure on {origin}: {error}") from error
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def get_file(
    fname: str | None = None,
    origin: str | None = None,
    untar: bool = False,
    md5_hash: str | None = None,
    file_hash: str | None = None,
    cache_subdir: str = "datasets",
    hash_algorithm: str = "auto",
    extract: bool = False,
    archive_format: Any = "auto",
    cache_dir: str | None = None,
    force_download: bool = False,
) -> str:
    """Download a file (unless cached) into `cache_dir/cache_subdir` and return its path.

    `origin` is a URL (`http(s)://`, `file://`) or a local path. A cached file is used
    again unless `force_download` is set or its hash differs from `file_hash`.
    Archives are extracted into a fresh folder; a member whose path (or link) would
    land outside it is refused.

    Args:
        fname: The file's name in the cache; by default the last part of `origin`.
        origin: Where to fetch the file from.
        untar: Deprecated: like `extract=True` with a tar archive.
        md5_hash: Deprecated: the file's md5 hash (use `file_hash`).
        file_hash: The expected md5 or sha256 hex digest, checked after fetching.
        cache_subdir: The folder under `cache_dir` (an absolute path is used as is).
        hash_algorithm: `"md5"`, `"sha256"` or `"auto"` (by the hash's length).
        extract: Whether to extract the file (a zip or tar archive).
        archive_format: `"auto"`, `"tar"`, `"zip"`, a list of them, or None.
        cache_dir: The cache's root; by default `$KERAS_HOME` (else `~/.keras`).
        force_download: Whether to fetch the file even when it is cached.

    Returns:
        The path of the file, or of the extracted folder when extracting.

    Raises:
        ValueError: Without `origin`, with a path as `fname`, on a hash mismatch, for
            an archive that cannot be read, or a member outside the target folder.

    Example:

    >>> path = keras.utils.get_file(origin="https://example.com/data.csv")  # doctest: +SKIP
    """
    if origin is None:
        raise ValueError('Please specify the "origin" argument (URL of the file to download).')
    if md5_hash is not None and file_hash is None:
        file_hash, hash_algorithm = md5_hash, "md5"
    folder = _cache_folder(cache_dir, cache_subdir)
    given_name = fname
    if not fname:
        fname = os.path.basename(urllib.parse.urlsplit(origin).path)
        if not fname:
            raise ValueError(
                f"Can't parse the file name from the origin provided: '{origin}'.Please specify the `fname` argument."
            )
    elif os.sep in str(fname):
        raise ValueError(
            "Paths are no longer accepted as the `fname` argument. To specify the file's parent directory, use the "
            f"`cache_dir` argument. Received: fname={fname}"
        )
    fname = str(fname)
    extracting = extract or untar
    if extracting and given_name and "." in fname:
        target, extraction_dir = folder / fname, folder / f"{fname[: fname.find('.')]}_extracted"
    elif extracting:
        target, extraction_dir = folder / f"{fname}_archive", folder / fname
    else:
        target = folder / fname
    download = force_download or not target.exists()
    if not download and file_hash is not None and hash_file(target, hash_algorithm, file_hash) != file_hash:
        download = True
    if download:
        _fetch(origin, target)
        if file_hash is not None and hash_file(target, hash_algorithm, file_hash) != file_hash:
            target.unlink()
            raise ValueError(
                f"Incomplete or corrupted file detected. The {hash_algorithm} file hash does not match the provided "
                f"value of {file_hash}."
            )
    if extracting:
        if not _extract(str(target), str(extraction_dir), "tar" if untar else archive_format):
            raise ValueError(f"Could not extract archive {target}: it is not a {archive_format} archive.")
        return str(extraction_dir)
    return str(target)
