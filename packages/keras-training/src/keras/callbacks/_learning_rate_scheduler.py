"""`LearningRateScheduler`: set the learning rate from a function of the epoch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from keras.callbacks._callback import Callback, Logs
from keras.callbacks._schedule import add_learning_rates, leaf_optimizers
from keras.trainers._progbar import print_msg, to_float

__all__ = ["LearningRateScheduler"]


class LearningRateScheduler(Callback):
    """Set the learning rate at the start of each epoch from `schedule(epoch, lr)`.

    The epoch logs gain a `learning_rate` entry (one per part of a MultiOptimizer).

    Args:
        schedule: A function of the epoch index (0-based) and the current learning rate
            (a float) returning the new learning rate as a float. A function of the epoch
            alone is accepted too.
        verbose: 1 prints the new learning rate at each epoch.

    Raises:
        ValueError: At an epoch's start, if `schedule` returns something else than a float,
            or the optimizer has no `learning_rate`.

    Example:

    >>> def halve_after_two(epoch, lr):
    ...     return lr if epoch < 2 else lr * 0.5
    >>> scheduler = LearningRateScheduler(halve_after_two)
    >>> scheduler.schedule(3, 0.1)
    0.05
    """

    def __init__(self, schedule: Callable[..., Any], verbose: int = 0) -> None:
        super().__init__()
        self.schedule = schedule
        self.verbose = verbose

    def _update(self, optimizer: Any, epoch: int) -> Any:
        if not hasattr(optimizer, "learning_rate"):
            raise ValueError('Optimizer must have a "learning_rate" attribute.')
        try:
            learning_rate = self.schedule(epoch, to_float(optimizer.learning_rate))
        except TypeError:  # a schedule of the epoch alone
            learning_rate = self.schedule(epoch)
        if not isinstance(learning_rate, (float, np.float32, np.float64)):
            raise ValueError(f"The output of the `schedule` function should be a float. Got: {learning_rate}")
        optimizer.learning_rate = learning_rate
        return learning_rate

    def on_epoch_begin(self, epoch: int, logs: Logs | None = None) -> None:
        for name, optimizer in leaf_optimizers(self.model.optimizer):
            learning_rate = self._update(optimizer, epoch)
            if self.verbose > 0:
                label = f"{name} " if name else ""
                print_msg(
                    f"\nEpoch {epoch + 1}: LearningRateScheduler setting {label}learning rate to {learning_rate}."
                )

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        if logs is not None:
            add_learning_rates(self.model.optimizer, logs)
