"""Scopes are per thread; `current` answers from a count of open scopes when none is open."""

from __future__ import annotations

import threading

import numpy as np

from keras.backend import _scopes
from keras.backend._scopes import StatelessScope, current
from keras.backend._variable import Variable


def test_nested_scopes_unwind_to_none() -> None:
    with StatelessScope() as outer:
        assert current("stateless") is outer
        with StatelessScope() as inner:
            assert current("stateless") is inner
        assert current("stateless") is outer
    assert current("stateless") is None
    assert _scopes._OPEN.get("stateless", 0) == 0


def test_a_scope_open_in_another_thread_is_not_seen_here() -> None:
    v = Variable(np.ones((2,), "float32"))
    entered, release = threading.Event(), threading.Event()
    seen_there: list[object] = []

    def other() -> None:
        with StatelessScope(state_mapping=[(v, np.zeros((2,), "float32"))]) as scope:
            seen_there.append(current("stateless") is scope)
            entered.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    thread.start()
    entered.wait(10)
    try:
        assert current("stateless") is None
        np.testing.assert_array_equal(v.numpy(), [1.0, 1.0])
    finally:
        release.set()
        thread.join(10)
    assert seen_there == [True]
    assert _scopes._OPEN.get("stateless", 0) == 0


def test_an_exception_inside_a_scope_still_closes_it() -> None:
    try:
        with StatelessScope():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert current("stateless") is None and _scopes._OPEN.get("stateless", 0) == 0
