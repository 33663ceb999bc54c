"""A downstream library typed against the suite passes `mypy --strict` and runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import keras

LIBRARY = Path(__file__).resolve().parent / "downstream_typed"


@pytest.mark.skipif(
    shutil.which("mypy") is None and not shutil.which(sys.executable), reason="mypy is not installed"
)
def test_downstream_library_passes_mypy_strict() -> None:
    pytest.importorskip("mypy")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            str(LIBRARY / "src" / "downstream_typed"),
        ],
        capture_output=True,
        text=True,
        cwd=LIBRARY,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_downstream_layer_runs_and_round_trips() -> None:
    sys.path.insert(0, str(LIBRARY / "src"))
    try:
        from downstream_typed import Scale
    finally:
        sys.path.pop(0)
    layer = Scale(3.0)
    out = layer(np.ones((2, 4), dtype="float32"))
    np.testing.assert_allclose(keras.ops.convert_to_numpy(out), np.full((2, 4), 3.0))
    clone = Scale.from_config(layer.get_config())
    assert clone.initial == 3.0
