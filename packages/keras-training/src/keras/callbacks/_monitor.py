"""Shared parts of the callbacks that watch a metric or save every N batches.

`MonitorCallback` picks the comparison (min/max, inferred from the metric in `auto` mode)
and decides whether a value improves on a reference; `BatchCounter` counts the batches of
`save_freq=N` across epochs.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

from keras.callbacks._callback import Callback
from keras.trainers._progbar import to_float

__all__ = ["BatchCounter", "MonitorCallback", "check_save_freq"]


def _flat_metrics(metrics: Any) -> Iterator[Any]:
    for metric in metrics or ():
        inner = getattr(metric, "metrics", None)
        if isinstance(inner, (list, tuple)) and not hasattr(metric, "_direction"):
            yield from _flat_metrics(inner)  # containers such as the compiled metrics
        else:
            yield metric


class MonitorCallback(Callback):
    """Base of the callbacks that compare a monitored metric against its best value.

    Args:
        monitor: Name of the monitored entry of the epoch logs.
        mode: `"min"`, `"max"`, or `"auto"` (from the name: losses decrease; a metric of
            the model with a known direction follows it).
        baseline: Initial best value, or `None` to take the first value seen.
        min_delta: Least change that counts as an improvement.
    """

    def __init__(
        self, monitor: str = "val_loss", mode: str = "auto", baseline: Any = None, min_delta: Any = 0
    ) -> None:
        super().__init__()
        if mode not in ("auto", "min", "max"):
            warnings.warn(
                f"{type(self).__name__} mode '{mode}' is unknown, fallback to auto mode.", stacklevel=3
            )
            mode = "auto"
        self.monitor = monitor
        self.mode = mode
        self.best = baseline
        self.min_delta = abs(min_delta)
        self._minimize: bool | None = None

    def _direction_from_model(self) -> bool | None:
        name = self.monitor.removeprefix("val_")
        minimize: bool | None = True if name == "loss" else None
        for metric in _flat_metrics(getattr(self._model, "metrics", None)):
            direction = getattr(metric, "_direction", None)
            if getattr(metric, "name", None) == name and direction in ("up", "down"):
                minimize = direction == "down"
        return minimize

    def _set_monitor_op(self) -> None:
        if self.mode != "auto":
            self._minimize = self.mode == "min"
            return
        self._minimize = self._direction_from_model()
        if self._minimize is None:
            raise ValueError(
                f"{type(self).__name__} callback received monitor={self.monitor}, but Keras isn't able to "
                "automatically determine whether that metric should be maximized or minimized. Pass "
                "`mode='max'` in order to monitor based on the highest metric value, or pass `mode='min'` "
                "in order to use the lowest value."
            )

    def _is_improvement(self, value: Any, reference: Any) -> bool:
        """Whether `value` beats `reference` by more than `min_delta` (always, with no reference)."""
        if reference is None:
            return True
        if self._minimize is None:
            self._set_monitor_op()
        value, reference = to_float(value), to_float(reference)
        if self._minimize:
            return bool(value + self.min_delta < reference)
        return bool(value - self.min_delta > reference)


def check_save_freq(save_freq: Any, message: str) -> None:
    """Raise `ValueError(message)` unless `save_freq` is `"epoch"` or an integer."""
    if save_freq != "epoch" and (not isinstance(save_freq, int) or isinstance(save_freq, bool)):
        raise ValueError(message)


class BatchCounter:
    """Count training batches, across epochs, to act every `every` batches."""

    def __init__(self, every: int) -> None:
        self.every = every
        self.since_last = 0
        self.last_batch: int | None = None

    def step(self, batch: int) -> bool:
        """Record that `batch` (0-based, restarting each epoch) ended; True when it is time to act."""
        if self.last_batch is None or batch <= self.last_batch:
            self.since_last += batch + 1  # a new epoch started
        else:
            self.since_last += batch - self.last_batch
        self.last_batch = batch
        if self.since_last >= self.every:
            self.since_last = 0
            return True
        return False
