"""Every docstring example of keras.optimizers (and its schedules and legacy names) runs and
prints what it says (numpy backend)."""

from __future__ import annotations

import doctest
import inspect
import types
from typing import Any

import numpy as np
import pytest

import keras.optimizers
from keras import ops
from keras.backend import backend
from keras.backend._variable import Variable

NAMESPACES = (keras.optimizers, keras.optimizers.schedules, keras.optimizers.legacy)


def _examples() -> list[tuple[str, Any]]:
    found: dict[int, tuple[str, Any]] = {}
    for namespace in NAMESPACES:
        for name in namespace.__all__:
            obj = getattr(namespace, name)
            if ">>>" in (inspect.getdoc(obj) or ""):
                found.setdefault(id(obj), (f"{namespace.__name__}.{name}", obj))
    return sorted(found.values(), key=lambda item: item[0])


EXAMPLES = _examples()
KERAS = types.SimpleNamespace(optimizers=keras.optimizers, ops=ops, Variable=Variable)


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize(("name", "obj"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_docstring_example(name: str, obj: Any) -> None:
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = finder.find(obj, name, globs={"keras": KERAS, "np": np})
    assert tests, name
    for test in tests:
        result = runner.run(test)
        assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"


def test_every_public_class_and_function_has_an_example() -> None:
    missing = [
        f"{namespace.__name__}.{name}"
        for namespace in NAMESPACES
        for name in namespace.__all__
        if not isinstance(getattr(namespace, name), types.ModuleType)
        and ">>>" not in (inspect.getdoc(getattr(namespace, name)) or "")
    ]
    assert missing == []
