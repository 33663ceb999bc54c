"""The keras-ops distribution: its namespace portion, version and type marker."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import tomllib

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def test_subpackage_comes_from_this_distribution() -> None:
    module = importlib.import_module("keras.ops")
    assert Path(module.__file__ or "").resolve().is_relative_to(PACKAGE_ROOT / "src" / "keras" / "ops")


def test_no_keras_init_outside_the_meta_package() -> None:
    # keras/ must stay a PEP 420 namespace portion: only the meta-package ships __init__.py.
    assert not (PACKAGE_ROOT / "src" / "keras" / "__init__.py").exists()


def test_version_is_the_dynamic_version_source() -> None:
    config = tomllib.loads((PACKAGE_ROOT / "pyproject.toml").read_text())
    version_file = PACKAGE_ROOT / config["tool"]["hatch"]["version"]["path"]
    match = re.search(r'__version__ = "([^"]+)"', version_file.read_text())
    assert match is not None
    assert importlib.import_module("keras.ops").__version__ == match.group(1)
    assert config["project"]["name"] == "keras-ops"


def test_ships_py_typed() -> None:
    assert (PACKAGE_ROOT / "src" / "keras" / "ops" / "py.typed").is_file()


def test_keras_is_a_namespace_unless_the_meta_package_is_installed() -> None:
    import importlib.metadata

    import keras

    if keras.__file__ is None:
        # keras-ops without the meta-package (the `isolated` environment): a PEP 420 namespace.
        with pytest.raises(importlib.metadata.PackageNotFoundError):
            importlib.metadata.distribution("keras")
        assert any(Path(p).resolve() == (PACKAGE_ROOT / "src" / "keras").resolve() for p in keras.__path__)
    else:
        assert Path(keras.__file__).resolve() == (
            PACKAGE_ROOT.parent / "keras" / "src" / "keras" / "__init__.py"
        )


def test_numpy_backend_needs_no_other_library(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from keras import ops\n"
        "print(int(ops.convert_to_numpy(ops.add(1, 2))))\n"
        "print(','.join(m for m in ('jax', 'torch', 'tensorflow', 'scipy', 'h5py', 'rich') if m in sys.modules))\n"
    )
    env = {"KERAS_BACKEND": "numpy", "KERAS_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["3", ""]
