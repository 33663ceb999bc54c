"""Every docstring example of the recurrent layers runs and prints what it says (numpy backend)."""

from __future__ import annotations

import doctest
import importlib
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend
from keras.layers._core.dense import Dense

MODULES = [
    "rnn",
    "simple_rnn",
    "lstm",
    "gru",
    "stacked_rnn_cells",
    "bidirectional",
    "time_distributed",
    "conv_lstm",
]
NAMES = {
    name: getattr(module, name)
    for module in (importlib.import_module(f"keras.layers._recurrent.{m}") for m in MODULES)
    for name in module.__all__
}
# `keras.layers.X` in the examples, whether or not keras.layers re-exports X yet
KERAS = SimpleNamespace(layers=SimpleNamespace(**NAMES, Dense=Dense), ops=ops)
CLASSES = sorted(NAMES.values(), key=lambda cls: cls.__name__)


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize("cls", CLASSES, ids=[cls.__name__ for cls in CLASSES])
def test_docstring_examples(cls: Any) -> None:
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = [t for t in finder.find(cls, cls.__name__, globs={"keras": KERAS, "np": np}) if t.examples]
    assert tests, f"{cls.__name__} has no example"
    for test in tests:
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} docstring example(s) of {cls.__name__} failed"
    assert "Args:" in (cls.__doc__ or "") and "{args}" not in (cls.__doc__ or "")
