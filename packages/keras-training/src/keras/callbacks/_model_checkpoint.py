"""`ModelCheckpoint`: save the model (or its weights) during training."""

from __future__ import annotations

import os
import warnings
from typing import Any, ClassVar

from keras.callbacks._callback import Logs
from keras.callbacks._logs import pythonify_logs
from keras.callbacks._monitor import BatchCounter, MonitorCallback, check_save_freq
from keras.trainers._progbar import print_msg, to_float

__all__ = ["ModelCheckpoint"]


class ModelCheckpoint(MonitorCallback):
    """Save the model or its weights at the end of epochs, or every N batches.

    `filepath` is a format string filled with `epoch` (1-based), `batch` (1-based, when
    saving every N batches) and the log values, e.g. `"ckpt/{epoch:02d}-{val_loss:.2f}.keras"`.
    Whole models are written with `model.save` (a `.keras` file), weights with
    `model.save_weights` (a `.weights.h5` file).

    Args:
        filepath: Where to save; see above.
        monitor: The log entry compared when `save_best_only=True`.
        verbose: 1 prints a line at each save (and each skipped save).
        save_best_only: Whether to save only when `monitor` improves on the best value
            so far. With a fixed `filepath`, the file then always holds the best model.
        save_weights_only: Whether to save the weights alone (`model.save_weights`).
        mode: `"min"`, `"max"` or `"auto"` (inferred from `monitor`'s name).
        save_freq: `"epoch"`, or an integer: save every that many batches.
        initial_value_threshold: A value `monitor` must beat for the first save, with
            `save_best_only=True`.

    Raises:
        ValueError: If `save_freq` is neither `"epoch"` nor an integer, or `filepath` does
            not end with `.weights.h5` (weights only) or `.keras` (whole model).

    Example:

    >>> checkpoint = ModelCheckpoint("ckpt/{epoch:02d}-{loss:.2f}.weights.h5", save_weights_only=True)
    >>> checkpoint._get_file_path(epoch=2, batch=None, logs={"loss": 0.123})
    'ckpt/03-0.12.weights.h5'
    """

    _handles_raw_batch_logs: ClassVar[bool] = True

    def __init__(
        self,
        filepath: str | os.PathLike[str],
        monitor: str = "val_loss",
        verbose: int = 0,
        save_best_only: bool = False,
        save_weights_only: bool = False,
        mode: str = "auto",
        save_freq: str | int = "epoch",
        initial_value_threshold: float | None = None,
    ) -> None:
        super().__init__(monitor, mode, initial_value_threshold)
        self.verbose = verbose
        self.filepath = os.fspath(filepath)
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.save_freq = save_freq
        check_save_freq(
            save_freq,
            f"Unrecognized save_freq: {save_freq}. Expected save_freq are 'epoch' or integer values",
        )
        if save_weights_only and not self.filepath.endswith(".weights.h5"):
            raise ValueError(
                "When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in "
                f"`.weights.h5` (Keras weights format). Received: filepath={self.filepath}"
            )
        if not save_weights_only and not self.filepath.endswith((".keras", ".h5")):
            raise ValueError(
                "The filepath provided must end in `.keras` (Keras model format). "
                f"Received: filepath={self.filepath}"
            )
        self._counter = BatchCounter(save_freq if isinstance(save_freq, int) else 0)
        self._current_epoch = 0

    def on_epoch_begin(self, epoch: int, logs: Logs | None = None) -> None:
        self._current_epoch = epoch

    def on_train_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        if self.save_freq != "epoch" and self._counter.step(batch):
            self._save_model(self._current_epoch, batch, pythonify_logs(logs))

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        if self._minimize is None:
            self._set_monitor_op()
        if self.save_freq == "epoch":
            self._save_model(epoch, None, logs or {})

    def _should_save(self, epoch: int, logs: Logs, filepath: str) -> bool:
        if not self.save_best_only:
            if self.verbose > 0:
                print_msg(f"\nEpoch {epoch + 1}: saving model to {filepath}")
            return True
        current = to_float(logs.get(self.monitor))
        if current is None:
            warnings.warn(f"Can save best model only with {self.monitor} available.", stacklevel=3)
            return True
        if not isinstance(current, float):
            warnings.warn(
                f"Can save best model only when `monitor` is a scalar value. Received: {current}. "
                "Falling back to `save_best_only=False`.",
                stacklevel=3,
            )
            return True
        best = "None" if self.best is None else f"{self.best:.5f}"
        if self._is_improvement(current, self.best):
            if self.verbose > 0:
                print_msg(
                    f"\nEpoch {epoch + 1}: {self.monitor} improved from {best} to {current:.5f}, "
                    f"saving model to {filepath}"
                )
            self.best = current
            return True
        if self.verbose > 0:
            print_msg(f"\nEpoch {epoch + 1}: {self.monitor} did not improve from {best}")
        return False

    def _save_model(self, epoch: int, batch: int | None, logs: Logs) -> None:
        filepath = self._get_file_path(epoch, batch, logs)
        if not self._should_save(epoch, logs, filepath):
            return
        if os.path.isdir(filepath):
            raise OSError(
                "Please specify a non-directory filepath for ModelCheckpoint. "
                f"Filepath used is an existing directory: {filepath}"
            )
        directory = os.path.dirname(filepath)
        if directory:
            os.makedirs(directory, exist_ok=True)
        if self.save_weights_only:
            self.model.save_weights(filepath, overwrite=True)
        else:
            self.model.save(filepath, overwrite=True)
        if self.verbose > 0:
            print_msg(f"\nEpoch {epoch + 1}: finished saving model to {filepath}")

    def _get_file_path(self, epoch: int, batch: int | None, logs: dict[str, Any]) -> str:
        """Fill `filepath` with the 1-based epoch (and batch) and the log values."""
        fields: dict[str, Any] = {"epoch": epoch + 1}
        if batch is not None and "batch" not in logs:
            fields["batch"] = batch + 1
        try:
            return self.filepath.format(**{**logs, **fields})
        except KeyError as error:
            raise KeyError(
                f'Failed to format this callback filepath: "{self.filepath}". Reason: {error}'
            ) from None
