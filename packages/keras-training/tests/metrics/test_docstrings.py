"""Every docstring example of keras.metrics runs and prints what it says (numpy backend)."""

from __future__ import annotations

import doctest
import inspect
import types
from typing import Any

import numpy as np
import pytest

import keras.metrics
from keras import ops
from keras.backend import backend


def _examples() -> list[tuple[str, Any]]:
    found: dict[int, tuple[str, Any]] = {}
    for name in keras.metrics.__all__:
        obj = getattr(keras.metrics, name)
        if obj.__module__.startswith("keras.metrics") and ">>>" in (inspect.getdoc(obj) or ""):
            found.setdefault(id(obj), (name, obj))
    return sorted(found.values(), key=lambda item: item[0])


EXAMPLES = _examples()
KERAS = types.SimpleNamespace(metrics=keras.metrics, ops=ops)


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


def test_every_metric_class_and_function_has_an_example() -> None:
    missing = [
        name
        for name in keras.metrics.__all__
        if getattr(keras.metrics, name).__module__.startswith("keras.metrics")
        and ">>>" not in (inspect.getdoc(getattr(keras.metrics, name)) or "")
    ]
    assert missing == []
