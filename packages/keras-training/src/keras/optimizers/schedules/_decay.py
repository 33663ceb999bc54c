"""The built-in learning rate schedules: exponential, piecewise constant, polynomial,
inverse time, cosine (with warmup) and cosine with warm restarts.

Each computes with `keras.ops` on the step, in the dtype of its initial learning rate,
without Python branches on tensor values, so a traced step works as well as a number.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.backend import standardize_dtype
from keras.ops._typing import Tensor
from keras.optimizers.schedules._schedule import LearningRateSchedule


def _require_positive(name: str, value: Any) -> None:
    if value <= 0:
        raise ValueError(f"Argument `{name}` must be > 0. Received: {name}={value}")


def _start(initial_learning_rate: Any, step: Any) -> tuple[Tensor, str, Tensor]:
    """Return the initial rate as a tensor, its dtype, and the step cast to that dtype."""
    initial = ops.convert_to_tensor(initial_learning_rate)
    dtype = standardize_dtype(initial.dtype)
    return initial, dtype, ops.cast(step, dtype)


class ExponentialDecay(LearningRateSchedule):
    """Decay the learning rate by `decay_rate` every `decay_steps` steps.

    The rate at `step` is `initial_learning_rate * decay_rate ** (step / decay_steps)`;
    with `staircase=True` the exponent is floored, so the rate drops in steps.

    Args:
        initial_learning_rate: The rate at step 0.
        decay_steps: Steps per factor of `decay_rate`; must be positive.
        decay_rate: The factor applied every `decay_steps` steps.
        staircase: Whether to floor `step / decay_steps`.
        name: A name for the schedule.

    Returns:
        Called on a step, the learning rate as a scalar tensor.

    Raises:
        ValueError: If `decay_steps` is not positive.

    Example:

    >>> schedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)
    >>> round(float(schedule(20)), 6)
    0.025
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_steps: int,
        decay_rate: float,
        staircase: bool = False,
        name: str = "ExponentialDecay",
    ) -> None:
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name
        _require_positive("decay_steps", decay_steps)

    def __call__(self, step: Any) -> Tensor:
        initial, dtype, step = _start(self.initial_learning_rate, step)
        exponent = ops.divide(step, ops.cast(self.decay_steps, dtype))
        if self.staircase:
            exponent = ops.floor(exponent)
        return ops.multiply(initial, ops.power(ops.cast(self.decay_rate, dtype), exponent))

    def get_config(self) -> dict[str, Any]:
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
            "name": self.name,
        }


class PiecewiseConstantDecay(LearningRateSchedule):
    """Use a constant learning rate on each interval between step boundaries.

    The rate is `values[0]` while `step <= boundaries[0]`, `values[i]` while
    `boundaries[i - 1] < step <= boundaries[i]`, and `values[-1]` after the last boundary.

    Args:
        boundaries: Increasing step boundaries.
        values: The rates, one more than `boundaries`.
        name: A name for the schedule.

    Returns:
        Called on a step, the learning rate as a scalar tensor.

    Raises:
        ValueError: If `len(values) != len(boundaries) + 1`.

    Example:

    >>> schedule = keras.optimizers.schedules.PiecewiseConstantDecay([10, 20], [1.0, 0.5, 0.1])
    >>> [round(float(schedule(s)), 6) for s in (0, 10, 11, 25)]
    [1.0, 1.0, 0.5, 0.1]
    """

    def __init__(
        self, boundaries: Sequence[Any], values: Sequence[Any], name: str = "PiecewiseConstant"
    ) -> None:
        super().__init__()
        if len(boundaries) != len(values) - 1:
            raise ValueError(
                "The length of boundaries should be 1 less than the length of values. "
                f"Received: boundaries={boundaries} of length {len(boundaries)}, "
                f"and values={values} of length {len(values)}."
            )
        self.boundaries = boundaries
        self.values = values
        self.name = name

    def __call__(self, step: Any) -> Tensor:
        step = ops.convert_to_tensor(step)
        values = [ops.convert_to_tensor(v) for v in self.values]
        dtype = values[0].dtype
        bounds = [ops.cast(b, step.dtype) for b in self.boundaries]
        # Exactly one interval holds the step: sum value * indicator over the intervals.
        lower: list[Any] = [None, *bounds]
        upper: list[Any] = [*bounds, None]
        result = ops.zeros((), dtype=dtype)
        for low, high, value in zip(lower, upper, values, strict=True):
            inside = ops.ones((), dtype="bool")
            if low is not None:
                inside = ops.logical_and(inside, ops.greater(step, low))
            if high is not None:
                inside = ops.logical_and(inside, ops.less_equal(step, high))
            result = ops.add(result, ops.multiply(ops.cast(inside, dtype), ops.cast(value, dtype)))
        return result

    def get_config(self) -> dict[str, Any]:
        return {"boundaries": self.boundaries, "values": self.values, "name": self.name}


class PolynomialDecay(LearningRateSchedule):
    """Decay the learning rate polynomially to `end_learning_rate` over `decay_steps`.

    With `p = min(step, decay_steps) / decay_steps`, the rate is
    `(initial_learning_rate - end_learning_rate) * (1 - p) ** power + end_learning_rate`.
    With `cycle=True`, `decay_steps` is stretched to the next multiple of itself past the
    step, so the rate rises again at each multiple.

    Args:
        initial_learning_rate: The rate at step 0.
        decay_steps: Steps to reach `end_learning_rate`; must be positive.
        end_learning_rate: The final rate.
        power: The polynomial's power (1 is linear).
        cycle: Whether to restart after `decay_steps`.
        name: A name for the schedule.

    Returns:
        Called on a step, the learning rate as a scalar tensor.

    Raises:
        ValueError: If `decay_steps` is not positive.

    Example:

    >>> schedule = keras.optimizers.schedules.PolynomialDecay(1.0, 10, end_learning_rate=0.0)
    >>> [round(float(schedule(s)), 6) for s in (0, 5, 20)]
    [1.0, 0.5, 0.0]
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_steps: int,
        end_learning_rate: float = 0.0001,
        power: float = 1.0,
        cycle: bool = False,
        name: str = "PolynomialDecay",
    ) -> None:
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.end_learning_rate = end_learning_rate
        self.power = power
        self.cycle = cycle
        self.name = name
        _require_positive("decay_steps", decay_steps)

    def __call__(self, step: Any) -> Tensor:
        initial, dtype, step = _start(self.initial_learning_rate, step)
        end = ops.cast(self.end_learning_rate, dtype)
        decay_steps = ops.cast(self.decay_steps, dtype)
        if self.cycle:
            multiplier = ops.where(ops.equal(step, 0), 1.0, ops.ceil(ops.divide(step, decay_steps)))
            decay_steps = ops.multiply(decay_steps, ops.cast(multiplier, dtype))
        else:
            step = ops.minimum(step, decay_steps)
        fraction = ops.divide(step, decay_steps)
        decayed = ops.power(ops.subtract(1.0, fraction), ops.cast(self.power, dtype))
        return ops.add(ops.multiply(ops.subtract(initial, end), decayed), end)

    def get_config(self) -> dict[str, Any]:
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "end_learning_rate": self.end_learning_rate,
            "power": self.power,
            "cycle": self.cycle,
            "name": self.name,
        }


class InverseTimeDecay(LearningRateSchedule):
    """Decay the learning rate as `initial_learning_rate / (1 + decay_rate * step / decay_steps)`.

    With `staircase=True`, `step / decay_steps` is floored.

    Args:
        initial_learning_rate: The rate at step 0.
        decay_steps: The step unit of the decay; must be positive.
        decay_rate: How fast the rate falls.
        staircase: Whether to floor `step / decay_steps`.
        name: A name for the schedule.

    Returns:
        Called on a step, the learning rate as a scalar tensor.

    Raises:
        ValueError: If `decay_steps` is not positive.

    Example:

    >>> schedule = keras.optimizers.schedules.InverseTimeDecay(1.0, 10, 0.5)
    >>> round(float(schedule(20)), 6)
    0.5
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_steps: int,
        decay_rate: float,
        staircase: bool = False,
        name: str = "InverseTimeDecay",
    ) -> None:
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name
        _require_positive("decay_steps", decay_steps)

    def __call__(self, step: Any) -> Tensor:
        initial, dtype, step = _start(self.initial_learning_rate, step)
        fraction = ops.divide(step, ops.cast(self.decay_steps, dtype))
        if self.staircase:
            fraction = ops.floor(fraction)
        denominator = ops.add(
            ops.ones((), dtype=dtype), ops.multiply(ops.cast(self.decay_rate, dtype), fraction)
        )
        return ops.divide(initial, denominator)

    def get_config(self) -> dict[str, Any]:
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
            "name": self.name,
        }


def _cosine(fraction: Tensor, alpha: Any, dtype: str) -> Tensor:
    """Return `(1 - alpha) * 0.5 * (1 + cos(pi * fraction)) + alpha`."""
    cosine = ops.multiply(0.5, ops.add(1.0, ops.cos(ops.multiply(ops.cast(math.pi, dtype), fraction))))
    alpha = ops.cast(alpha, dtype)
    return ops.add(ops.multiply(ops.subtract(1.0, alpha), cosine), alpha)


class CosineDecay(LearningRateSchedule):
    """Decay the learning rate along a half cosine, after an optional linear warmup.

    Without warmup (`warmup_target=None`), the rate at `step` is
    `initial_learning_rate * ((1 - alpha) * 0.5 * (1 + cos(pi * t)) + alpha)` with
    `t = min(step, decay_steps) / decay_steps`. With a `warmup_target`, the rate first rises
    linearly from `initial_learning_rate` to `warmup_target` over `warmup_steps`, then
    decays from `warmup_target` as above over the next `decay_steps`.

    Args:
        initial_learning_rate: The rate at step 0.
        decay_steps: Steps of the cosine decay; must be positive.
        alpha: The final rate, as a fraction of the decay's starting rate.
        name: A name for the schedule.
        warmup_target: The rate reached at the end of warmup; `None` for no warmup.
        warmup_steps: Steps of the linear warmup.

    Returns:
        Called on a step, the learning rate as a scalar tensor.

    Raises:
        ValueError: If `decay_steps` is not positive.

    Example:

    >>> schedule = keras.optimizers.schedules.CosineDecay(1.0, 10)
    >>> [round(float(schedule(s)), 6) for s in (0, 5, 10)]
    [1.0, 0.5, 0.0]
    """

    def __init__(
        self,
        initial_learning_rate: float,
        decay_steps: int,
        alpha: float = 0.0,
        name: str = "CosineDecay",
        warmup_target: float | None = None,
        warmup_steps: int = 0,
    ) -> None:
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.alpha = alpha
        self.name = name
        self.warmup_steps = warmup_steps
        self.warmup_target = warmup_target
        _require_positive("decay_steps", decay_steps)

    def __call__(self, step: Any) -> Tensor:
        initial, dtype, step = _start(self.initial_learning_rate, step)
        decay_steps = ops.cast(self.decay_steps, dtype)
        if self.warmup_target is None:
            fraction = ops.divide(ops.minimum(step, decay_steps), decay_steps)
            return ops.multiply(initial, _cosine(fraction, self.alpha, dtype))
        target = ops.cast(self.warmup_target, dtype)
        warmup_steps = ops.cast(self.warmup_steps, dtype)
        step = ops.minimum(step, ops.add(decay_steps, warmup_steps))
        # Both branches are computed and one is selected, so a traced step needs no cond;
        # the warmup branch may divide by zero when warmup_steps == 0, and is then unused.
        safe_warmup = ops.maximum(warmup_steps, 1.0)
        warming = ops.add(ops.multiply(ops.subtract(target, initial), ops.divide(step, safe_warmup)), initial)
        fraction = ops.divide(ops.subtract(step, warmup_steps), decay_steps)
        decaying = ops.multiply(target, _cosine(fraction, self.alpha, dtype))
        return ops.where(ops.less(step, warmup_steps), warming, decaying)

    def get_config(self) -> dict[str, Any]:
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "alpha": self.alpha,
            "name": self.name,
            "warmup_target": self.warmup_target,
            "warmup_steps": self.warmup_steps,
        }


class CosineDecayRestarts(LearningRateSchedule):
    """Decay the learning rate along half cosines that restart (SGDR).

    The first period lasts `first_decay_steps`; each next one is `t_mul` times longer
    and starts from `m_mul` times the previous starting rate. Within a period, at the
    fraction `t` of it, the rate is
    `initial_learning_rate * ((1 - alpha) * m_mul**i * 0.5 * (1 + cos(pi * t)) + alpha)`
    after the `i`-th restart.

    Args:
        initial_learning_rate: The rate at step 0.
        first_decay_steps: Length of the first period; must be positive.
        t_mul: Factor by which each period is longer than the last.
        m_mul: Factor by which each period starts lower than the last.
        alpha: The lowest rate, as a fraction of `initial_learning_rate`.
        name: A name for the schedule.

    Returns:
        Called on a step, the learning rate as a scalar tensor.

    Raises:
        ValueError: If `first_decay_steps` is not positive.

    Example:

    >>> schedule = keras.optimizers.schedules.CosineDecayRestarts(1.0, 10, t_mul=1.0)
    >>> [round(float(schedule(s)), 6) for s in (0, 5, 10)]
    [1.0, 0.5, 1.0]
    """

    def __init__(
        self,
        initial_learning_rate: float,
        first_decay_steps: int,
        t_mul: float = 2.0,
        m_mul: float = 1.0,
        alpha: float = 0.0,
        name: str = "SGDRDecay",
    ) -> None:
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.first_decay_steps = first_decay_steps
        self._t_mul = t_mul
        self._m_mul = m_mul
        self.alpha = alpha
        self.name = name
        _require_positive("first_decay_steps", first_decay_steps)

    def __call__(self, step: Any) -> Tensor:
        initial, dtype, step = _start(self.initial_learning_rate, step)
        fraction = ops.divide(step, ops.cast(self.first_decay_steps, dtype))
        t_mul = ops.cast(self._t_mul, dtype)
        if self._t_mul == 1.0:
            restart = ops.floor(fraction)
            fraction = ops.subtract(fraction, restart)
        else:
            # Periods 1, t, t^2, ... end at (1 - t^(i+1)) / (1 - t): invert for i.
            restart = ops.floor(
                ops.divide(ops.log(ops.subtract(1.0, ops.multiply(fraction, 1.0 - t_mul))), ops.log(t_mul))
            )
            done = ops.divide(ops.subtract(1.0, ops.power(t_mul, restart)), ops.subtract(1.0, t_mul))
            fraction = ops.divide(ops.subtract(fraction, done), ops.power(t_mul, restart))
        scale = ops.power(ops.cast(self._m_mul, dtype), restart)
        cosine = ops.multiply(
            ops.multiply(0.5, scale), ops.add(1.0, ops.cos(ops.multiply(ops.cast(math.pi, dtype), fraction)))
        )
        alpha = ops.cast(self.alpha, dtype)
        return ops.multiply(initial, ops.add(ops.multiply(ops.subtract(1.0, alpha), cosine), alpha))

    def get_config(self) -> dict[str, Any]:
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "first_decay_steps": self.first_decay_steps,
            "t_mul": self._t_mul,
            "m_mul": self._m_mul,
            "alpha": self.alpha,
            "name": self.name,
        }
