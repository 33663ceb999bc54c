"""The keras-saving distribution: its namespace portion, version and type marker."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import tomllib

PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def test_subpackage_comes_from_this_distribution() -> None:
    module = importlib.import_module("keras.saving")
    assert Path(module.__file__ or "").resolve().is_relative_to(PACKAGE_ROOT / "src" / "keras" / "saving")


def test_no_keras_init_outside_the_meta_package() -> None:
    # keras/ must stay a PEP 420 namespace portion: only the meta-package ships __init__.py.
    assert not (PACKAGE_ROOT / "src" / "keras" / "__init__.py").exists()


def test_version_is_the_dynamic_version_source() -> None:
    config = tomllib.loads((PACKAGE_ROOT / "pyproject.toml").read_text())
    version_file = PACKAGE_ROOT / config["tool"]["hatch"]["version"]["path"]
    match = re.search(r'__version__ = "([^"]+)"', version_file.read_text())
    assert match is not None
    assert importlib.import_module("keras.saving").__version__ == match.group(1)
    assert config["project"]["name"] == "keras-saving"


def test_ships_py_typed() -> None:
    assert (PACKAGE_ROOT / "src" / "keras" / "saving" / "py.typed").is_file()
