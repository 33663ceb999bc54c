"""`EarlyStopping`: stop `fit` when a monitored metric stops improving."""

from __future__ import annotations

import warnings
from typing import Any

from keras.callbacks._callback import Logs
from keras.callbacks._monitor import MonitorCallback
from keras.trainers._progbar import print_msg

__all__ = ["EarlyStopping"]


class EarlyStopping(MonitorCallback):
    """Stop training when a monitored metric has stopped improving.

    At the end of each epoch the monitored value is compared with the best so far; after
    `patience` epochs without an improvement larger than `min_delta`, the callback sets
    `model.stop_training = True` and `fit` ends after that epoch.

    Args:
        monitor: Name of the monitored entry of the epoch logs.
        min_delta: Least change of the monitored value that counts as an improvement.
        patience: Number of epochs without improvement after which training stops.
        verbose: 1 prints a line when training stops or weights are restored.
        mode: `"min"` (stop when the value stops decreasing), `"max"` (stops increasing)
            or `"auto"` (inferred from the metric's name).
        baseline: A value the monitored quantity must beat; while no epoch beats it,
            training stops after `patience` epochs.
        restore_best_weights: Whether to restore, at the end of training, the weights of
            the best epoch (even when it did not beat `baseline`).
        start_from_epoch: Number of warm-up epochs during which nothing is monitored.

    Example:

    >>> class Model:  # what the callback uses of a model
    ...     stop_training = False
    >>> model = Model()
    >>> stopper = EarlyStopping(monitor="loss", patience=1)
    >>> stopper.set_model(model)
    >>> stopper.on_train_begin()
    >>> for epoch, loss in enumerate([1.0, 0.5, 0.6, 0.7]):
    ...     stopper.on_epoch_end(epoch, {"loss": loss})
    ...     if model.stop_training:
    ...         break
    >>> stopper.stopped_epoch, stopper.best
    (2, 0.5)
    """

    def __init__(
        self,
        monitor: str = "val_loss",
        min_delta: Any = 0,
        patience: int = 0,
        verbose: int = 0,
        mode: str = "auto",
        baseline: Any = None,
        restore_best_weights: bool = False,
        start_from_epoch: int = 0,
    ) -> None:
        super().__init__(monitor, mode, min_delta=min_delta)
        self.patience = patience
        self.verbose = verbose
        self.baseline = baseline
        self.restore_best_weights = restore_best_weights
        self.start_from_epoch = start_from_epoch
        self.wait = 0
        self.stopped_epoch = 0
        self.best_epoch = 0
        self.best_weights: list[Any] | None = None

    def on_train_begin(self, logs: Logs | None = None) -> None:
        # A callback may serve several `fit` calls: each starts afresh.
        self.wait = 0
        self.stopped_epoch = 0
        self.best = None
        self.best_weights = None
        self.best_epoch = 0

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        if self._minimize is None:
            self._set_monitor_op()  # now that the model's metrics are built
        current = self.get_monitor_value(logs)
        if current is None or epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = self.model.get_weights()
            self.best_epoch = epoch
        self.wait += 1
        if self._is_improvement(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            # Patience restarts only for a value that also beats the baseline.
            if self.baseline is None or self._is_improvement(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True

    def on_train_end(self, logs: Logs | None = None) -> None:
        if self.stopped_epoch > 0 and self.verbose > 0:
            print_msg(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                print_msg(f"Restoring model weights from the end of the best epoch: {self.best_epoch + 1}.")
            self.model.set_weights(self.best_weights)

    def get_monitor_value(self, logs: Logs | None) -> Any:
        """Return the monitored value from `logs`, warning (and returning `None`) when absent."""
        logs = logs or {}
        value = logs.get(self.monitor)
        if value is None:
            warnings.warn(
                f"Early stopping conditioned on metric `{self.monitor}` which is not available. "
                f"Available metrics are: {','.join(logs)}",
                stacklevel=2,
            )
        return value
