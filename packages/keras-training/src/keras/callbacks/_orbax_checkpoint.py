"""`OrbaxCheckpoint`: the Orbax-format checkpoint callback (needs `orbax-checkpoint`).

Only the interface exists: construction checks the arguments and that Orbax is installed,
then reports that writing Orbax checkpoints is not implemented by this suite.
"""

from __future__ import annotations

import importlib
import os

from keras.callbacks._monitor import MonitorCallback, check_save_freq

__all__ = ["OrbaxCheckpoint"]


class OrbaxCheckpoint(MonitorCallback):
    """Save Orbax checkpoints of the model's state during training (not implemented yet).

    Args:
        directory: Directory of the checkpoints.
        monitor: The log entry compared when `save_best_only=True`.
        verbose: 1 prints a line at each save.
        save_best_only: Whether to save only when `monitor` improves.
        mode: `"min"`, `"max"` or `"auto"`.
        save_freq: `"epoch"`, or an integer: save every that many batches.
        initial_value_threshold: A value `monitor` must beat for the first save.
        max_to_keep: How many checkpoints to keep.
        save_on_background: Whether to write asynchronously.
        save_weights_only: Whether to save the variables alone, without the config.

    Raises:
        ImportError: If the `orbax-checkpoint` package is not installed.
        ValueError: If `save_freq` is neither `"epoch"` nor an integer.
        NotImplementedError: Otherwise: this suite does not write Orbax checkpoints yet;
            use `ModelCheckpoint` (`.keras` / `.weights.h5` files).

    Example:

    >>> OrbaxCheckpoint("/tmp/ckpt")  # doctest: +SKIP
    Traceback (most recent call last):
    ImportError: OrbaxCheckpoint requires the 'orbax-checkpoint' package. ...
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        monitor: str = "val_loss",
        verbose: int = 0,
        save_best_only: bool = False,
        mode: str = "auto",
        save_freq: str | int = "epoch",
        initial_value_threshold: float | None = None,
        max_to_keep: int = 1,
        save_on_background: bool = True,
        save_weights_only: bool = False,
    ) -> None:
        try:
            importlib.import_module("orbax.checkpoint")
        except ImportError as error:
            raise ImportError(
                "OrbaxCheckpoint requires the 'orbax-checkpoint' package. "
                "You can install it via pip install orbax-checkpoint"
            ) from error
        super().__init__(monitor, mode, initial_value_threshold)
        check_save_freq(
            save_freq,
            f"Unrecognized save_freq: {save_freq}. Expected save_freq are 'epoch' or integer values",
        )
        self.directory = os.fspath(directory)
        self.verbose = verbose
        self.save_best_only = save_best_only
        self.save_freq = save_freq
        self.max_to_keep = max_to_keep
        self.save_on_background = save_on_background
        self.save_weights_only = save_weights_only
        raise NotImplementedError(
            "OrbaxCheckpoint: writing Orbax checkpoints is not implemented in this version. "
            "Use keras.callbacks.ModelCheckpoint (.keras or .weights.h5 files) instead."
        )
