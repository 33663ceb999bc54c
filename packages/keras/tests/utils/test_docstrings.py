"""Every docstring example of keras.utils runs and prints what it says (numpy backend)."""

from __future__ import annotations

import doctest
from typing import Any

import numpy as np
import pytest

import keras
from keras import utils
from keras.backend import backend

# The names this package and keras-training's data modules define (the lifted ones are
# checked by their owners' tests).
OWN = ("keras.utils.", "keras.trainers._data.")
OBJECTS = [
    (name, getattr(utils, name)) for name in utils.__all__ if getattr(utils, name).__module__.startswith(OWN)
]


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize(("name", "obj"), OBJECTS, ids=[name for name, _ in OBJECTS])
def test_docstring_examples(name: str, obj: Any) -> None:
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(obj, name, globs={"keras": keras, "np": np}):
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} docstring example(s) of {name} failed"
    assert obj.__doc__
