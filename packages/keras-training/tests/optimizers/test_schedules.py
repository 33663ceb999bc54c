"""Learning rate schedules against their formulas, on concrete and traced steps; configs."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from keras_configs import KERAS_SCHEDULES

from keras import ops
from keras.backend import backend, standardize_dtype
from keras.optimizers import schedules

STEPS = [0, 1, 3, 5, 10, 12, 15, 20, 35, 100, 250]


def exponential(step: float, lr: float, decay_steps: int, rate: float, staircase: bool = False) -> float:
    p = step / decay_steps
    return lr * rate ** (math.floor(p) if staircase else p)


def piecewise(step: float, boundaries: list[int], values: list[float]) -> float:
    for boundary, value in zip(boundaries, values, strict=False):
        if step <= boundary:
            return value
    return values[-1]


def polynomial(step: float, lr: float, decay_steps: int, end: float, power: float, cycle: bool) -> float:
    if cycle:
        decay_steps = decay_steps * max(1, math.ceil(step / decay_steps))
    else:
        step = min(step, decay_steps)
    return (lr - end) * (1 - step / decay_steps) ** power + end


def inverse_time(step: float, lr: float, decay_steps: int, rate: float, staircase: bool = False) -> float:
    p = step / decay_steps
    return lr / (1 + rate * (math.floor(p) if staircase else p))


def cosine(
    step: float, lr: float, decay_steps: int, alpha: float, target: float | None, warmup: int
) -> float:
    if target is None:
        t = min(step, decay_steps) / decay_steps
        return lr * ((1 - alpha) * 0.5 * (1 + math.cos(math.pi * t)) + alpha)
    step = min(step, decay_steps + warmup)
    if step < warmup:
        return lr + (target - lr) * step / warmup
    t = (step - warmup) / decay_steps
    return target * ((1 - alpha) * 0.5 * (1 + math.cos(math.pi * t)) + alpha)


def restarts(step: float, lr: float, first: int, t_mul: float, m_mul: float, alpha: float) -> float:
    # Walk the periods: length first * t_mul**i, starting rate m_mul**i.
    start, length, i = 0.0, float(first), 0
    while step >= start + length:
        start, length, i = start + length, length * t_mul, i + 1
    t = (step - start) / length
    return lr * ((1 - alpha) * m_mul**i * 0.5 * (1 + math.cos(math.pi * t)) + alpha)


@dataclass(frozen=True)
class Case:
    schedule: Callable[[], schedules.LearningRateSchedule]
    formula: Callable[[float], float]
    id: str


CASES = [
    Case(
        lambda: schedules.ExponentialDecay(0.1, 10, 0.5),
        lambda s: exponential(s, 0.1, 10, 0.5),
        "exponential",
    ),
    Case(
        lambda: schedules.ExponentialDecay(0.1, 10, 0.5, staircase=True),
        lambda s: exponential(s, 0.1, 10, 0.5, True),
        "exponential-staircase",
    ),
    Case(
        lambda: schedules.PiecewiseConstantDecay([10, 20], [1.0, 0.5, 0.1]),
        lambda s: piecewise(s, [10, 20], [1.0, 0.5, 0.1]),
        "piecewise",
    ),
    Case(
        lambda: schedules.PolynomialDecay(0.1, 20, end_learning_rate=0.01, power=2.0),
        lambda s: polynomial(s, 0.1, 20, 0.01, 2.0, False),
        "polynomial",
    ),
    Case(
        lambda: schedules.PolynomialDecay(0.1, 20, end_learning_rate=0.01, cycle=True),
        lambda s: polynomial(s, 0.1, 20, 0.01, 1.0, True),
        "polynomial-cycle",
    ),
    Case(
        lambda: schedules.InverseTimeDecay(0.1, 10, 0.5),
        lambda s: inverse_time(s, 0.1, 10, 0.5),
        "inverse-time",
    ),
    Case(
        lambda: schedules.InverseTimeDecay(0.1, 10, 0.5, staircase=True),
        lambda s: inverse_time(s, 0.1, 10, 0.5, True),
        "inverse-time-staircase",
    ),
    Case(
        lambda: schedules.CosineDecay(0.1, 20, alpha=0.1),
        lambda s: cosine(s, 0.1, 20, 0.1, None, 0),
        "cosine",
    ),
    Case(
        lambda: schedules.CosineDecay(0.0, 20, warmup_target=0.2, warmup_steps=10),
        lambda s: cosine(s, 0.0, 20, 0.0, 0.2, 10),
        "cosine-warmup",
    ),
    Case(
        lambda: schedules.CosineDecayRestarts(0.1, 10, t_mul=1.0, m_mul=0.5),
        lambda s: restarts(s, 0.1, 10, 1.0, 0.5, 0.0),
        "restarts-fixed-period",
    ),
    Case(
        lambda: schedules.CosineDecayRestarts(0.1, 10, alpha=0.1),
        lambda s: restarts(s, 0.1, 10, 2.0, 1.0, 0.1),
        "restarts-doubling",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_matches_formula(case: Case) -> None:
    schedule = case.schedule()
    got = [float(ops.convert_to_numpy(schedule(step))) for step in STEPS]
    np.testing.assert_allclose(got, [case.formula(step) for step in STEPS], rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_float32_and_int_tensor_steps(case: Case) -> None:
    schedule = case.schedule()
    result = schedule(ops.convert_to_tensor(np.array(12, dtype="int32")))
    assert standardize_dtype(result.dtype) == "float32"
    np.testing.assert_allclose(float(ops.convert_to_numpy(result)), case.formula(12), rtol=1e-5, atol=1e-7)


def traced(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Wrap `function` in the active backend's tracer (jax.jit, tf.function), if it has one."""
    if backend() == "jax":
        import jax

        return jax.jit(function)
    if backend() == "tensorflow":
        import tensorflow as tf

        return tf.function(function)
    if backend() == "torch":
        import torch

        return torch.compile(function, backend="eager")  # type: ignore[no-any-return]
    return function


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_traced_step(case: Case) -> None:
    schedule = case.schedule()
    function = traced(schedule)
    for step in (0, 15, 35):
        value = function(ops.convert_to_tensor(np.array(step, dtype="int32")))
        np.testing.assert_allclose(
            float(ops.convert_to_numpy(value)), case.formula(step), rtol=1e-5, atol=1e-7
        )


@pytest.mark.parametrize("name", sorted(KERAS_SCHEDULES))
def test_config_and_serialization_match_keras(name: str) -> None:
    kwargs, keras_serialized = KERAS_SCHEDULES[name]
    schedule = getattr(schedules, name)(**kwargs)
    assert schedules.serialize(schedule) == keras_serialized
    assert schedule.get_config() == keras_serialized["config"]
    rebuilt = schedules.deserialize(keras_serialized)
    assert type(rebuilt) is type(schedule)
    assert rebuilt.get_config() == schedule.get_config()
    assert type(schedule).from_config(schedule.get_config()).get_config() == schedule.get_config()


@pytest.mark.parametrize(
    ("factory", "match"),
    [
        (
            lambda: schedules.ExponentialDecay(0.1, 0, 0.5),
            "Argument `decay_steps` must be > 0. Received: decay_steps=0",
        ),
        (
            lambda: schedules.PolynomialDecay(0.1, -1),
            "Argument `decay_steps` must be > 0. Received: decay_steps=-1",
        ),
        (lambda: schedules.InverseTimeDecay(0.1, 0, 0.5), "Argument `decay_steps` must be > 0"),
        (lambda: schedules.CosineDecay(0.1, 0), "Argument `decay_steps` must be > 0"),
        (
            lambda: schedules.CosineDecayRestarts(0.1, 0),
            "Argument `first_decay_steps` must be > 0. Received: first_decay_steps=0",
        ),
        (
            lambda: schedules.PiecewiseConstantDecay([1, 2], [0.1, 0.2]),
            "The length of boundaries should be 1 less than the length of values",
        ),
    ],
    ids=["exponential", "polynomial", "inverse-time", "cosine", "restarts", "piecewise"],
)
def test_bad_arguments(factory: Callable[[], Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        factory()


def test_base_class_is_abstract() -> None:
    with pytest.raises(NotImplementedError, match="must override `__call__\\(self, step\\)`"):
        schedules.LearningRateSchedule()(1)
    with pytest.raises(NotImplementedError, match="must override `get_config\\(\\)`"):
        schedules.LearningRateSchedule().get_config()
