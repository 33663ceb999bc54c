"""`ReduceLROnPlateau`: divide the learning rate when a monitored metric stops improving."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from keras.callbacks._callback import Logs
from keras.callbacks._monitor import MonitorCallback
from keras.callbacks._schedule import add_learning_rates, leaf_optimizers
from keras.trainers._progbar import print_msg, to_float

__all__ = ["ReduceLROnPlateau"]


class ReduceLROnPlateau(MonitorCallback):
    """Multiply the learning rate by `factor` when a metric has stopped improving.

    After `patience` epochs without an improvement larger than `min_delta`, the optimizer's
    learning rate becomes `max(lr * factor, min_lr)`; then `cooldown` epochs pass before
    the waiting starts again. The epoch logs gain a `learning_rate` entry.

    Args:
        monitor: Name of the monitored entry of the epoch logs.
        factor: Multiplier of the learning rate, below 1.
        patience: Number of epochs without improvement before the rate is reduced.
        verbose: 1 prints a line at each reduction.
        mode: `"min"`, `"max"` or `"auto"` (inferred from the metric's name).
        min_delta: Least change that counts as an improvement.
        cooldown: Number of epochs after a reduction during which nothing is counted.
        min_lr: Lower bound of the learning rate.
        **kwargs: Ignored (accepted as Keras accepts them).

    Raises:
        ValueError: If `factor >= 1.0`.

    Example:

    >>> reducer = ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1)
    >>> reducer.factor, reducer.min_lr
    (0.5, 0.0)
    """

    def __init__(
        self,
        monitor: str = "val_loss",
        factor: float = 0.1,
        patience: int = 10,
        verbose: int = 0,
        mode: str = "auto",
        min_delta: float = 1e-4,
        cooldown: int = 0,
        min_lr: float = 0.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(monitor, mode, min_delta=min_delta)
        if factor >= 1.0:
            raise ValueError(f"ReduceLROnPlateau does not support a factor >= 1.0. Received factor={factor}")
        self.factor = factor
        self.min_lr = min_lr
        self.patience = patience
        self.verbose = verbose
        self.cooldown = cooldown
        self.cooldown_counter = 0
        self.wait = 0

    def _reset(self) -> None:
        self.best = None
        self.cooldown_counter = 0
        self.wait = 0

    def in_cooldown(self) -> bool:
        """Whether the callback is in the cooldown that follows a reduction."""
        return self.cooldown_counter > 0

    def on_train_begin(self, logs: Logs | None = None) -> None:
        self._reset()

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        if self._minimize is None:
            self._set_monitor_op()
        logs = logs if logs is not None else {}
        add_learning_rates(self.model.optimizer, logs)
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(
                f"Learning rate reduction is conditioned on metric `{self.monitor}` which is not available. "
                f"Available metrics are: {','.join(logs)}.",
                stacklevel=2,
            )
            return
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0
        if self._is_improvement(current, self.best):
            self.best = current
            self.wait = 0
        elif not self.in_cooldown():
            self.wait += 1
            if self.wait >= self.patience and self._reduce(epoch):
                self.cooldown_counter = self.cooldown
                self.wait = 0

    def _reduce(self, epoch: int) -> bool:
        reduced = False
        for name, optimizer in leaf_optimizers(self.model.optimizer):
            old_lr = to_float(optimizer.learning_rate)
            if old_lr > np.float32(self.min_lr):
                new_lr = max(old_lr * self.factor, self.min_lr)
                optimizer.learning_rate = new_lr
                reduced = True
                if self.verbose > 0:
                    label = f" {name}" if name else ""
                    print_msg(
                        f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing{label} learning rate to {new_lr}."
                    )
        return reduced
