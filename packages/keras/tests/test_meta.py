"""The meta-package: namespace assembly, version, and the lifted settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import keras

REPO = Path(__file__).resolve().parents[3]


def test_version_is_keras_3() -> None:
    # TensorFlow requires keras>=3.12: our meta-package must satisfy it.
    major, minor = (int(p) for p in keras.__version__.split(".")[:2])
    assert (major, minor) >= (3, 12)
    assert keras.version() == keras.__version__


def test_path_spans_every_installed_portion() -> None:
    portions = {Path(p).resolve() for p in keras.__path__}
    for package in ("keras-ops", "keras-layers", "keras-training", "keras-saving", "keras"):
        assert (REPO / "packages" / package / "src" / "keras").resolve() in portions


def test_subpackages_resolve_to_their_owners() -> None:
    owners = {
        "ops": "keras-ops",
        "backend": "keras-ops",
        "layers": "keras-layers",
        "trainers": "keras-training",
        "saving": "keras-saving",
        "config": "keras",
    }
    for subpackage, owner in owners.items():
        module = __import__(f"keras.{subpackage}", fromlist=["_"])
        assert Path(module.__file__).resolve().is_relative_to(REPO / "packages" / owner / "src")


def test_config_lifts_backend_settings() -> None:
    assert keras.config.floatx is keras.backend.floatx
    assert keras.config.backend() == keras.backend.backend()


def test_import_keras_loads_no_backend_library() -> None:
    code = (
        "import sys, keras\n"
        "heavy = [m for m in ('jax', 'torch', 'tensorflow', 'h5py', 'scipy', 'rich') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
