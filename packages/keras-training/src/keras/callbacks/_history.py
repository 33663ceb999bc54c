"""`History`: records each epoch's logs; `fit` returns it."""

from __future__ import annotations

from typing import Any

from keras.callbacks._callback import Callback, Logs
from keras.trainers._progbar import to_float

__all__ = ["History"]


class History(Callback):
    """Record the logs of every epoch; `fit` returns this callback.

    Attributes:
        history: Metric name -> list of its value at the end of each epoch.
        epoch: The indices of the recorded epochs.
        params: The loop's parameters (`verbose`, `epochs`, `steps`).

    Example:

    >>> history = History()
    >>> history.on_train_begin()
    >>> for epoch, loss in enumerate([0.9, 0.7]):
    ...     history.on_epoch_end(epoch, {"loss": loss})
    >>> history.history, history.epoch
    ({'loss': [0.9, 0.7]}, [0, 1])
    """

    def __init__(self) -> None:
        super().__init__()
        self.history: dict[str, list[Any]] = {}
        self.epoch: list[int] = []

    def on_train_begin(self, logs: Logs | None = None) -> None:
        self.epoch = []

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(to_float(value))
        # The model's `history` always names the latest state of this callback.
        if self._model is not None:
            self._model.history = self
