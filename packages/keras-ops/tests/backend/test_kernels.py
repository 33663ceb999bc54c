"""Every installed backend provides every kernel family, with no kernel left abstract.

Each matrix cell installs one backend library beside numpy, so this test checks numpy
and the cell's backend; across the matrix every backend is checked. The op tables then
run every op on the active backend.
"""

from __future__ import annotations

import importlib
import importlib.util

import pytest

from keras import ops
from keras.backend._active import FAMILIES, Kernels, load_family
from keras.ops._op import OPS

LIBRARIES = {"numpy": "numpy", "jax": "jax", "torch": "torch", "tensorflow": "tensorflow"}
INSTALLED = [name for name, library in LIBRARIES.items() if importlib.util.find_spec(library) is not None]


def family_base(family: str) -> type:
    """The family's shared class, as `keras.backend._active.Kernels` annotates it."""
    class_name = str(Kernels.__annotations__[family])
    base: type = getattr(importlib.import_module(f"keras.backend._kernels.{family}"), class_name)
    return base


@pytest.mark.parametrize("backend_name", INSTALLED)
@pytest.mark.parametrize("family", FAMILIES)
def test_backend_provides_the_family(backend_name: str, family: str) -> None:
    kernels = load_family(backend_name, family)
    base = family_base(family)
    assert isinstance(kernels, base), f"{backend_name}.{family} is not a {base.__name__}"
    abstract = getattr(type(kernels), "__abstractmethods__", frozenset())
    assert not abstract, f"{backend_name}.{family} leaves kernels unimplemented: {sorted(abstract)}"
    public = [name for name in dir(base) if not name.startswith("_") and callable(getattr(base, name))]
    missing = [name for name in public if not callable(getattr(kernels, name, None))]
    assert missing == []


def test_installed_backends_include_numpy() -> None:
    assert "numpy" in INSTALLED


def test_every_decorated_op_is_public_or_an_alias() -> None:
    # An op registered by @op but missing from keras.ops would be unreachable for users.
    namespaces = (ops, ops.numpy, ops.nn, ops.linalg, ops.image)
    unreachable = sorted(
        name for name in OPS if not any(name in namespace.__all__ for namespace in namespaces)
    )
    assert unreachable == []
