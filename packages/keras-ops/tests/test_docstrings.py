"""Every public docstring example of keras-ops runs and prints what it says (numpy backend).

Examples are written for the numpy backend (their outputs are numpy reprs), so this test
runs there; the other backends run the same ops through the op tables.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import types
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


def keras_for_examples() -> Any:
    """`keras` as examples use it: the meta-package, or keras-ops' names when it is absent."""
    import keras

    if hasattr(keras, "KerasTensor"):
        return keras
    # keras-ops alone (the `isolated` environment): the top-level names it provides.
    from keras import backend, ops, random, tree
    from keras.backend._device import RematScope, device, remat
    from keras.backend._name_scope import name_scope
    from keras.backend._scopes import StatelessScope, SymbolicScope
    from keras.backend._variable import Variable
    from keras.ops._function import Function
    from keras.ops._keras_tensor import KerasTensor
    from keras.ops._operation import Operation

    return types.SimpleNamespace(
        backend=backend,
        ops=ops,
        random=random,
        tree=tree,
        KerasTensor=KerasTensor,
        Variable=Variable,
        Function=Function,
        Operation=Operation,
        StatelessScope=StatelessScope,
        SymbolicScope=SymbolicScope,
        name_scope=name_scope,
        device=device,
        remat=remat,
        RematScope=RematScope,
    )


EXAMPLES = [(name, obj) for name, obj in public_objects() if ">>>" in (inspect.getdoc(obj) or "")]


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize(("name", "obj"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_docstring_example(name: str, obj: Any) -> None:
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(obj, name, globs={"keras": keras_for_examples(), "np": np}):
        result = runner.run(test, out=lambda text: None)
        assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"


def test_every_public_function_has_an_example() -> None:
    missing = [
        name
        for name, obj in public_objects()
        if inspect.isfunction(obj) and ">>>" not in (inspect.getdoc(obj) or "")
    ]
    assert missing == []
