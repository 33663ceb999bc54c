"""Every optimizer drives a quadratic objective to its known optimum.

`f(w) = 0.5 * sum(curvature * (w - optimum)**2)`: the gradient `curvature * (w - optimum)`
is written in closed form with `keras.ops`, so no autodiff is involved; the minimum is
`optimum`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest

from keras import ops, optimizers
from keras.backend import backend
from keras.backend._variable import Variable

pytestmark = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")

OPTIMUM = np.array([[1.0, -2.0], [0.5, 3.0]], dtype="float32")
CURVATURE = np.array([[1.0, 2.0], [0.5, 1.5]], dtype="float32")
START = np.full((2, 2), 0.5, dtype="float32")


@dataclass(frozen=True)
class Row:
    name: str
    factory: Callable[[], optimizers.Optimizer]
    steps: int
    atol: float


TABLE = [
    Row("SGD", lambda: optimizers.SGD(learning_rate=0.3), 100, 1e-4),
    Row("SGD-momentum", lambda: optimizers.SGD(learning_rate=0.1, momentum=0.8), 200, 1e-4),
    Row("SGD-nesterov", lambda: optimizers.SGD(learning_rate=0.1, momentum=0.8, nesterov=True), 200, 1e-4),
    Row("Adam", lambda: optimizers.Adam(learning_rate=0.05), 800, 1e-3),
    Row("Adam-amsgrad", lambda: optimizers.Adam(learning_rate=0.05, amsgrad=True), 800, 1e-3),
    Row("AdamW", lambda: optimizers.AdamW(learning_rate=0.05, weight_decay=1e-4), 800, 2e-3),
    Row("Adamax", lambda: optimizers.Adamax(learning_rate=0.1), 800, 1e-3),
    Row("Nadam", lambda: optimizers.Nadam(learning_rate=0.05), 800, 1e-3),
    Row("Lamb", lambda: optimizers.Lamb(learning_rate=decaying(0.05, 50), beta_2=0.9), 600, 1e-3),
    Row("Lion", lambda: optimizers.Lion(learning_rate=decaying(0.1, 50)), 600, 1e-2),
    Row("Adagrad", lambda: optimizers.Adagrad(learning_rate=1.0), 500, 1e-3),
    Row("Adadelta", lambda: optimizers.Adadelta(learning_rate=50.0), 800, 1e-2),
    Row("RMSprop", lambda: optimizers.RMSprop(learning_rate=decaying(0.1, 50)), 600, 1e-3),
    Row(
        "RMSprop-centered",
        lambda: optimizers.RMSprop(learning_rate=decaying(0.1, 50), centered=True),
        600,
        1e-3,
    ),
    Row("Ftrl", lambda: optimizers.Ftrl(learning_rate=1.0), 500, 1e-3),
    Row(
        "Adafactor",
        lambda: optimizers.Adafactor(learning_rate=decaying(0.1, 100), relative_step=False),
        600,
        1e-3,
    ),
    # A 2-D variable: the orthogonalized (Newton-Schulz) path.
    Row("Muon", lambda: optimizers.Muon(learning_rate=decaying(0.5, 50), weight_decay=None), 600, 1e-3),
    Row("ScheduleFreeAdamW", lambda: optimizers.ScheduleFreeAdamW(learning_rate=0.1), 800, 1e-3),
    Row(
        "SGD-accumulation",
        lambda: optimizers.SGD(learning_rate=0.3, gradient_accumulation_steps=2),
        200,
        1e-4,
    ),
    Row("LossScale", lambda: optimizers.LossScaleOptimizer(optimizers.SGD(learning_rate=0.3)), 100, 1e-4),
]


def decaying(initial: float, halving_steps: int) -> optimizers.schedules.LearningRateSchedule:
    """A halving rate, for optimizers whose normalized steps would otherwise oscillate."""
    return optimizers.schedules.ExponentialDecay(initial, decay_steps=halving_steps, decay_rate=0.5)


@pytest.mark.parametrize("row", TABLE, ids=lambda row: row.name)
def test_reaches_the_optimum(row: Row) -> None:
    w = Variable(START, name="w")
    optimizer = row.factory()
    for _ in range(row.steps):
        # The gradient of the scaled loss, as a training step computes it.
        gradient = optimizer.scale_loss(ops.multiply(CURVATURE, ops.subtract(w.value, OPTIMUM)))
        optimizer.apply([gradient], [w])
    np.testing.assert_allclose(w.numpy(), OPTIMUM, atol=row.atol)
