"""Atomic file writes: a temporary file in the target directory, fsync, then `os.replace`.

An interrupted save (an exception, or the process killed) never leaves a broken file
where a good one was: the target is either the previous file or the complete new one,
and a failed write removes its temporary file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from typing import IO

# Called by writers halfway through a file (tests set it to raise, or to pause so the
# process can be killed mid-write). None in normal use.
mid_write_hook: Callable[[], None] | None = None


def reached_mid_write() -> None:
    """Run `mid_write_hook` if a test installed one."""
    if mid_write_hook is not None:
        mid_write_hook()


def check_overwrite(filepath: str, overwrite: bool) -> None:
    """Raise when `filepath` exists and `overwrite` is False."""
    if not overwrite and os.path.exists(filepath):
        raise FileExistsError(
            f"The file {filepath!r} already exists and `overwrite=False` was passed: not replacing it."
        )


@contextlib.contextmanager
def atomic_write(filepath: str) -> Iterator[IO[bytes]]:
    """Open a temporary file beside `filepath`; on success it replaces `filepath`.

    Args:
        filepath: The final path.

    Yields:
        A binary file object to write the content into.

    Raises:
        Whatever the body raises; the temporary file is removed and `filepath` is left
        as it was.
    """
    directory = os.path.dirname(os.path.abspath(filepath))
    if not os.path.isdir(directory):
        raise FileNotFoundError(f"Cannot save to {filepath!r}: the directory {directory!r} does not exist.")
    mode = _file_mode(filepath)
    handle, temp_path = tempfile.mkstemp(
        dir=directory, prefix=f".{os.path.basename(filepath)}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temp_path, filepath)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
        raise
    _fsync_directory(directory)


def _file_mode(filepath: str) -> int:
    """The permissions the saved file gets: the replaced file's, else what `open` would give."""
    try:
        return os.stat(filepath).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_directory(directory: str) -> None:
    """Make the rename durable (best effort: not every platform can open a directory)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def write_bytes_atomically(filepath: str, data: bytes) -> None:
    """Write `data` to `filepath` atomically (in two halves around `reached_mid_write`)."""
    with atomic_write(filepath) as stream:
        half = len(data) // 2
        stream.write(data[:half])
        stream.flush()
        reached_mid_write()
        stream.write(data[half:])
