"""`OrbaxCheckpoint`'s errors, and every docstring example of keras.callbacks and Progbar."""

from __future__ import annotations

import doctest
import importlib.util
import inspect
import sys
from typing import Any

import numpy as np
import pytest

import keras.callbacks
from keras.callbacks import OrbaxCheckpoint
from keras.trainers._progbar import Progbar

HAS_ORBAX = importlib.util.find_spec("orbax") is not None


@pytest.mark.skipif(HAS_ORBAX, reason="the error for a missing orbax-checkpoint")
def test_orbax_checkpoint_without_orbax() -> None:
    with pytest.raises(ImportError, match=r"^OrbaxCheckpoint requires the 'orbax-checkpoint' package\. "):
        OrbaxCheckpoint("/tmp/never-written")


@pytest.mark.skipif(not HAS_ORBAX, reason="orbax-checkpoint is not installed")
def test_orbax_checkpoint_is_not_implemented() -> None:
    with pytest.raises(NotImplementedError, match=r"Use keras\.callbacks\.ModelCheckpoint"):
        OrbaxCheckpoint("/tmp/never-written")


def _examples() -> list[tuple[str, Any]]:
    objects = [getattr(keras.callbacks, name) for name in keras.callbacks.__all__] + [Progbar]
    return sorted((obj.__name__, obj) for obj in objects if ">>>" in (inspect.getdoc(obj) or ""))


EXAMPLES = _examples()


@pytest.mark.parametrize(("name", "obj"), EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_docstring_example(name: str, obj: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples that name files write them here
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs = {**vars(sys.modules[obj.__module__]), "np": np}
    tests = finder.find(obj, name, globs=globs)
    assert tests, name
    for test in tests:
        result = runner.run(test)
        assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
