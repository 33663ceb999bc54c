"""The docstring examples of the core and activation layers run and print what they say (numpy backend)."""

from __future__ import annotations

import doctest
import types
from typing import Any

import numpy as np
import pytest

from keras import activations, initializers, ops
from keras.backend import backend
from keras.layers import Input, Layer
from keras.layers._activations import activation_layers
from keras.layers._core import dense, einsum_dense, embedding, identity, lambda_layer, masking, wrapper

MODULES = [dense, einsum_dense, embedding, identity, lambda_layer, masking, wrapper, activation_layers]
CLASSES = {name: getattr(module, name) for module in MODULES for name in module.__all__}


def keras_for_examples() -> Any:
    """`keras` as the examples use it, with these layers under `keras.layers`."""
    layers = types.SimpleNamespace(Input=Input, Layer=Layer, **CLASSES)
    return types.SimpleNamespace(layers=layers, ops=ops, activations=activations, initializers=initializers)


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
