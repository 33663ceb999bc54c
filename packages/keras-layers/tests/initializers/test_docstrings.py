"""Every public docstring example of keras.initializers, keras.constraints and
keras.regularizers runs and prints what it says (numpy backend: the outputs are numpy reprs)."""

from __future__ import annotations

import doctest
import importlib
import inspect
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

import keras
from keras.backend import backend

NAMESPACES = ["keras.initializers", "keras.constraints", "keras.regularizers"]


def public_objects() -> Iterator[tuple[str, Any]]:
    seen: set[int] = set()
    for namespace in NAMESPACES:
        module = importlib.import_module(namespace)
        for name in module.__all__:
            obj = getattr(module, name)
            if id(obj) not in seen:
                seen.add(id(obj))
                yield f"{namespace}.{name}", obj


OBJECTS = list(public_objects())


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize(("name", "obj"), OBJECTS, ids=[name for name, _ in OBJECTS])
def test_docstring_examples(name: str, obj: Any) -> None:
    for namespace in ("ops", "random", *(ns.split(".")[1] for ns in NAMESPACES)):
        importlib.import_module(f"keras.{namespace}")
    finder = doctest.DocTestFinder(recurse=inspect.isclass(obj))
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = [t for t in finder.find(obj, name, globs={"keras": keras, "np": np}) if t.examples]
    for test in tests:
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} docstring example(s) of {name} failed"
    if not inspect.isclass(obj) or obj.__name__ not in ("Initializer", "Constraint", "Regularizer"):
        assert tests or name.split(".")[-1][0].islower() or not inspect.isclass(obj), f"{name} has no example"
