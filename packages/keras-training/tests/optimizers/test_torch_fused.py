"""The multi-tensor torch steps (`_torch_fused`) update exactly as the per-variable rule does.

Three steps of each optimizer on two variables of different shapes, once with the
multi-tensor step and once with it turned off; the variables and slots must agree to
1e-6 (the two orders of float operations differ only in rounding).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops, optimizers
from keras.backend import backend
from keras.backend._variable import Variable
from keras.optimizers import _torch_fused

pytestmark = pytest.mark.skipif(backend() != "torch", reason="the multi-tensor steps are torch's")

CASES = {
    "sgd": lambda: optimizers.SGD(0.1),
    "sgd-momentum": lambda: optimizers.SGD(0.1, momentum=0.9),
    "sgd-nesterov": lambda: optimizers.SGD(0.1, momentum=0.9, nesterov=True),
    "adam": lambda: optimizers.Adam(0.01),
    "adamw": lambda: optimizers.AdamW(0.01, weight_decay=0.1),
}


def run(make: Any, fused: bool, monkeypatch: pytest.MonkeyPatch) -> list[np.ndarray]:
    if not fused:
        monkeypatch.setattr(_torch_fused, "fused_step", lambda *args: None)
    rng = np.random.default_rng(0)
    variables = [
        Variable(rng.normal(size=(3, 2)).astype("float32")),
        Variable(rng.normal(size=(2,)).astype("float32")),
    ]
    optimizer = make()
    for _ in range(3):
        grads = [rng.normal(size=v.shape).astype("float32") for v in variables]
        optimizer.apply([ops.convert_to_tensor(g) for g in grads], variables)
    monkeypatch.undo()
    return [v.numpy() for v in variables + list(optimizer.variables)]


@pytest.mark.parametrize("name", sorted(CASES))
def test_fused_and_per_variable_steps_agree(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fused = run(CASES[name], True, monkeypatch)
    plain = run(CASES[name], False, monkeypatch)
    for got, want in zip(fused, plain, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)


def test_amsgrad_and_subclasses_keep_the_per_variable_rule() -> None:
    class Mine(optimizers.Adam):
        def update_step(self, gradient: Any, variable: Any, learning_rate: Any) -> None:
            super().update_step(gradient, variable, learning_rate)

    variables = [Variable(np.ones((2,), "float32"))]
    grads = [ops.ones((2,))]
    assert _torch_fused.fused_step(optimizers.Adam(), grads, variables) is not None
    assert _torch_fused.fused_step(optimizers.Adam(amsgrad=True), grads, variables) is None
    assert _torch_fused.fused_step(Mine(), grads, variables) is None
    assert _torch_fused.fused_step(optimizers.RMSprop(), grads, variables) is None
