"""Every docstring example of the preprocessing layers runs and prints what it says (numpy backend)."""

from __future__ import annotations

import doctest
import importlib
import inspect
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend import backend

MODULES = [
    "normalization",
    "rescaling",
    "discretization",
    "category_encoding",
    "hashing",
    "lookup",
    "text_vectorization",
    "resizing",
    "pipeline",
    "random_geometry",
    "random_color",
    "color_adjust",
    "pixel_transforms",
    "random_erase_blur",
    "random_shear",
    "augment_policies",
    "perspective_elastic",
    "mixing",
    "clahe",
    "audio_spectrogram",
    "reversible_embedding",
    "max_num_bounding_boxes",
]
OBJECTS = [
    (name, getattr(module, name))
    for module in (importlib.import_module(f"keras.layers._preprocessing.{m}") for m in MODULES)
    for name in module.__all__
]
KERAS = SimpleNamespace(layers=SimpleNamespace(**dict(OBJECTS)), ops=ops)


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize(("name", "obj"), OBJECTS, ids=[name for name, _ in OBJECTS])
def test_docstring_examples(name: str, obj: Any) -> None:
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = [t for t in finder.find(obj, name, globs={"keras": KERAS, "np": np}) if t.examples]
    assert tests, f"{name} has no example"
    for test in tests:
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} docstring example(s) of {name} failed"
    assert inspect.getdoc(obj)
