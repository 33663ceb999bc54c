"""Atomic writes: an interrupted save leaves the previous file intact and loadable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import keras.saving
from keras.saving import _atomic

from .conftest import fallback_objects, mlp

SAVERS: dict[str, Callable[[Any, Path], None]] = {
    "m.keras": lambda model, path: keras.saving.save_model(model, path),
    "m.weights.h5": lambda model, path: keras.saving.save_weights(model, path),
    "m.safetensors": lambda model, path: keras.saving.save_weights(model, path),
}


def _loaded_first_kernel(path: Path) -> np.ndarray[Any, Any]:
    model = mlp(seed=42)
    keras.saving.load_weights(model, path)
    return model.get_weights()[0]


@pytest.mark.parametrize("filename", sorted(SAVERS))
def test_exception_mid_save_keeps_the_previous_file(tmp_path: Path, filename: str) -> None:
    path = tmp_path / filename
    first = mlp(seed=0)
    SAVERS[filename](first, path)
    before = path.read_bytes()
    _atomic.mid_write_hook = lambda: (_ for _ in ()).throw(RuntimeError("simulated failure mid-write"))
    try:
        with pytest.raises(RuntimeError, match="simulated failure mid-write"):
            SAVERS[filename](mlp(seed=1), path)
    finally:
        _atomic.mid_write_hook = None
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == [filename]  # no temporary file left behind
    np.testing.assert_array_equal(_loaded_first_kernel(path), first.get_weights()[0])


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"the directory .*nowhere' does not exist"):
        keras.saving.save_weights(mlp(), tmp_path / "nowhere" / "w.weights.h5")


CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    import keras.saving
    from keras.saving import _atomic
    from saving.conftest import mlp

    def pause():
        open({marker!r}, "w").close()
        time.sleep(120)

    _atomic.mid_write_hook = pause
    keras.saving.save_model(mlp(seed=1), {target!r})
    """
)


def test_sigkill_mid_save_leaves_the_previous_file_loadable(tmp_path: Path) -> None:
    target = tmp_path / "m.keras"
    first = mlp(seed=0)
    keras.saving.save_model(first, target)
    marker = tmp_path / "paused"
    script = CHILD.format(
        tests=str(Path(__file__).resolve().parents[1]), marker=str(marker), target=str(target)
    )
    child = subprocess.Popen([sys.executable, "-c", script], env=dict(os.environ))
    try:
        deadline = time.monotonic() + 240
        while not marker.exists():
            assert child.poll() is None, "the child exited before pausing mid-write"
            assert time.monotonic() < deadline, "the child never reached the middle of the write"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    loaded = keras.saving.load_model(target, custom_objects=fallback_objects("Dense"))
    for a, b in zip(loaded.get_weights(), first.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_saved_files_keep_the_replaced_files_permissions(tmp_path: Path) -> None:
    path = tmp_path / "w.weights.h5"
    keras.saving.save_weights(mlp(), path)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    path.chmod(0o640)
    keras.saving.save_weights(mlp(), path)
    assert path.stat().st_mode & 0o777 == 0o640
