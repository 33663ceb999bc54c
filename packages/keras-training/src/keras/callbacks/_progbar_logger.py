"""`ProgbarLogger`: the progress output of `fit`, `evaluate` and `predict`."""

from __future__ import annotations

from typing import Any, ClassVar

from keras.callbacks._callback import Callback, Logs
from keras.callbacks._logs import flatten_logs
from keras.trainers._progbar import Progbar, print_msg

__all__ = ["ProgbarLogger"]


class ProgbarLogger(Callback):
    """Print progress and metrics to stdout, as Keras 3 does.

    `fit` adds one to its callbacks unless `verbose=0`. With `verbose=1` each epoch prints
    `Epoch i/n` (when there are several epochs), then redraws one line such as
    `5/10 ━━━━━━━━━━━━━━━━━━━━ 0s 3ms/step - accuracy: 0.5000 - loss: 0.6931` (the done part of
    the bar in green) at most every 0.05 s, and ends it with the epoch's total time and validation metrics. With
    `verbose=2` it prints one such line (without the bar) per epoch. Inside `fit` the
    validation passes print nothing. Metric values are read from the device only when a
    line is drawn.

    Example:

    >>> logger = ProgbarLogger()
    >>> logger.set_params({"verbose": 0, "epochs": 1, "steps": 2})
    >>> logger.on_train_begin()
    >>> logger.on_epoch_begin(0)
    >>> logger.on_train_batch_end(0, {"loss": 0.5})
    >>> logger.progbar.target
    2
    """

    _handles_raw_batch_logs: ClassVar[bool] = True

    def __init__(self) -> None:
        super().__init__()
        self.seen = 0
        self.progbar: Progbar | None = None
        self.target: int | None = None
        self.verbose = 1
        self.epochs = 1
        self._called_in_fit = False

    def set_params(self, params: dict[str, Any]) -> None:
        super().set_params(params)
        verbose = params.get("verbose", 1)
        self.verbose = 1 if verbose == "auto" else int(verbose)
        self.epochs = int(params.get("epochs") or 1)
        self.target = params.get("steps")

    def on_train_begin(self, logs: Logs | None = None) -> None:
        self._called_in_fit = True

    def on_test_begin(self, logs: Logs | None = None) -> None:
        if not self._called_in_fit:
            self._start_progbar()

    def on_predict_begin(self, logs: Logs | None = None) -> None:
        self._start_progbar()

    def on_epoch_begin(self, epoch: int, logs: Logs | None = None) -> None:
        self._start_progbar()
        if self.verbose and self.epochs > 1:
            print_msg(f"Epoch {epoch + 1}/{self.epochs}")

    def on_train_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        self._update(batch, logs)

    def on_test_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        if not self._called_in_fit:
            self._update(batch, logs)

    def on_predict_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        self._update(batch, None)  # the outputs are not metrics

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        self._finish(logs)

    def on_test_end(self, logs: Logs | None = None) -> None:
        if not self._called_in_fit:
            self._finish(logs)

    def on_predict_end(self, logs: Logs | None = None) -> None:
        self._finish(None)

    def _start_progbar(self) -> None:
        self.seen = 0
        self.progbar = None
        self._progbar_or_new()

    def _progbar_or_new(self) -> Progbar:
        if self.progbar is None:
            # Every value is shown as given: the trainer already aggregates its metrics.
            self.progbar = Progbar(
                target=self.target, verbose=self.verbose, unit_name="step", stateless_metrics=set()
            )
        return self.progbar

    def _update(self, batch: int, logs: Logs | None) -> None:
        progbar = self._progbar_or_new()
        self.seen = batch + 1
        if self.verbose == 1:
            progbar.update(self.seen, list(flatten_logs(logs).items()), finalize=False)

    def _finish(self, logs: Logs | None) -> None:
        progbar = self._progbar_or_new()
        if self.target is None:
            # An unknown step count is known once the data ran out.
            self.target = self.seen
            progbar.target = self.seen
        progbar.update(self.target, list(flatten_logs(logs).items()), finalize=True)
