"""`BackupAndRestore`: back training up as it goes, and resume an interrupted `fit`."""

from __future__ import annotations

import json
import os
import shutil
from typing import Any, ClassVar

from keras.callbacks._callback import Callback, Logs
from keras.callbacks._monitor import BatchCounter, check_save_freq

__all__ = ["BackupAndRestore"]


class BackupAndRestore(Callback):
    """Save the weights and the epoch reached as training goes; resume from them.

    At each `save_freq` the callback writes `latest.weights.h5` (through
    `model.save_weights`) and `training_metadata.json` (`{"epoch": ..., "batch": ...}`) in
    `backup_dir`. When `fit` starts and a backup exists, the weights are loaded and the
    model's initial epoch is set to the epoch reached, so an interrupted run continues
    where it stopped. When training completes, the backup is deleted (unless
    `delete_checkpoint=False`).

    Args:
        backup_dir: Directory of the backup files; use one per training run.
        save_freq: `"epoch"` to back up at each epoch's end, or an integer to back up
            every that many batches.
        double_checkpoint: Whether to keep the previous backup too (`*.bkp`), used when
            the latest one cannot be read.
        delete_checkpoint: Whether to delete `backup_dir` when training ends normally.

    Raises:
        ValueError: If `backup_dir` is empty or `save_freq` is neither `"epoch"` nor an
            integer.

    Example:

    >>> callback = BackupAndRestore(backup_dir="/tmp/backup")
    >>> os.path.basename(callback._weights_path)
    'latest.weights.h5'
    """

    _handles_raw_batch_logs: ClassVar[bool] = True

    def __init__(
        self,
        backup_dir: str | os.PathLike[str],
        save_freq: str | int = "epoch",
        double_checkpoint: bool = False,
        delete_checkpoint: bool = True,
    ) -> None:
        super().__init__()
        if not backup_dir:
            raise ValueError("Empty `backup_dir` argument passed")
        check_save_freq(
            save_freq,
            f"Invalid value for argument `save_freq`. Received: save_freq={save_freq}. "
            "Expected either 'epoch' or an integer value.",
        )
        self.backup_dir = os.fspath(backup_dir)
        self.save_freq = save_freq
        self.double_checkpoint = double_checkpoint
        self.delete_checkpoint = delete_checkpoint
        self._weights_path = os.path.join(self.backup_dir, "latest.weights.h5")
        self._training_metadata_path = os.path.join(self.backup_dir, "training_metadata.json")
        self._prev_weights_path = f"{self._weights_path}.bkp"
        self._prev_training_metadata_path = f"{self._training_metadata_path}.bkp"
        self._counter = BatchCounter(save_freq if isinstance(save_freq, int) else 0)
        self._current_epoch = 0

    def on_train_begin(self, logs: Logs | None = None) -> None:
        try:
            self._load_model()
        except OSError:
            if not os.path.exists(self._prev_weights_path):
                raise
            # The latest backup is damaged: fall back to the previous one.
            shutil.copy(self._prev_weights_path, self._weights_path)
            if os.path.exists(self._prev_training_metadata_path):
                shutil.copy(self._prev_training_metadata_path, self._training_metadata_path)
            elif os.path.exists(self._training_metadata_path):
                os.remove(self._training_metadata_path)
            self._load_model()

    def _load_model(self) -> None:
        model = self.model
        if not getattr(model, "built", True):
            raise ValueError(
                "To use the BackupAndRestore callback, you model must be built before you call `fit()`. "
                f"Model {model} is unbuilt. You can build it beforehand by calling it on a batch of data."
            )
        if os.path.exists(self._weights_path):
            optimizer = getattr(model, "optimizer", None)
            if optimizer is not None and not getattr(optimizer, "built", True):
                optimizer.build(model.trainable_variables)
            model.load_weights(self._weights_path)
        if os.path.exists(self._training_metadata_path):
            with open(self._training_metadata_path, encoding="utf-8") as file:
                metadata: dict[str, Any] = json.load(file)
            # `fit` reads it after `on_train_begin` to skip the epochs already done.
            model._initial_epoch = metadata["epoch"]

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        self._current_epoch = epoch + 1
        self._counter.last_batch = None
        if self.save_freq == "epoch":
            self._save_model()

    def on_train_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        if self.save_freq != "epoch" and self._counter.step(batch):
            self._save_model()

    def _save_model(self) -> None:
        os.makedirs(self.backup_dir, exist_ok=True)
        if self.double_checkpoint:
            for path, previous in (
                (self._weights_path, self._prev_weights_path),
                (self._training_metadata_path, self._prev_training_metadata_path),
            ):
                if os.path.exists(path):
                    shutil.copy(path, previous)
        self.model.save_weights(filepath=self._weights_path, overwrite=True)
        metadata = {"epoch": self._current_epoch, "batch": self._counter.last_batch or 0}
        with open(self._training_metadata_path, "w", encoding="utf-8") as file:
            file.write(json.dumps(metadata))

    def on_train_end(self, logs: Logs | None = None) -> None:
        if self.delete_checkpoint and os.path.exists(self.backup_dir):
            shutil.rmtree(self.backup_dir)
