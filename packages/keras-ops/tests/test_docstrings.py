"""Every public docstring example of keras-ops runs and prints what it says (numpy backend).

Examples are written for the numpy backend (their outputs are numpy reprs), so this test
runs there; the other backends run the same ops through the op tables.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from keras.backend import backend

NAMESPACES = [
    "keras.ops",
    "keras.ops.numpy",
    "keras.ops.nn",
    "keras.ops.linalg",
    "keras.ops.image",
    "keras.backend",
    "keras.random",
    "keras.tree",
]


def public_objects() -> Iterator[tuple[str, Any]]:
    seen: set[int] = set()
    for namespace in NAMESPACES:
        try:
            module = importlib.import_module(namespace)
        except ImportError:
            continue
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if id(obj) in seen or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            seen.add(id(obj))
            yield f"{namespace}.{name}", obj


EXAMPLES = [(name, obj) for name, obj in public_objects() if ">>>" in (inspect.getdoc(obj) or "")]


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize(("name", "obj"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_docstring_example(name: str, obj: Any) -> None:
    import keras

    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(obj, name, globs={"keras": keras, "np": np}):
        result = runner.run(test, out=lambda text: None)
        assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"


def test_every_public_function_has_an_example() -> None:
    missing = [
        name
        for name, obj in public_objects()
        if inspect.isfunction(obj) and ">>>" not in (inspect.getdoc(obj) or "")
    ]
    assert missing == []
