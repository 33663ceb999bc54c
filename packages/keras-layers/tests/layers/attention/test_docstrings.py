"""The docstring examples of the attention layers run and print what they say (numpy backend)."""

from __future__ import annotations

import doctest
import types
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.layers import Input
from keras.layers._attention import (
    additive_attention,
    attention,
    grouped_query_attention,
    multi_head_attention,
)

MODULES = [attention, additive_attention, multi_head_attention, grouped_query_attention]
CLASSES = {name: getattr(module, name) for module in MODULES for name in module.__all__}


def keras_for_examples() -> Any:
    """`keras` as the examples use it, with these layers under `keras.layers`."""
    return types.SimpleNamespace(layers=types.SimpleNamespace(Input=Input, **CLASSES), ops=ops)


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize("name", sorted(CLASSES))
def test_docstring_example(name: str) -> None:
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = finder.find(CLASSES[name], name, globs={"keras": keras_for_examples(), "np": np})
    assert sum(len(t.examples) for t in tests) > 0, f"{name} has no example"
    for test in tests:
        result = runner.run(test)
        assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
