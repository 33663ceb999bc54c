"""`TerminateOnNaN`: stop training at the first batch whose loss is NaN or infinite."""

from __future__ import annotations

import math
from typing import ClassVar

from keras.callbacks._callback import Callback, Logs
from keras.trainers._progbar import print_msg, to_float

__all__ = ["TerminateOnNaN"]


class TerminateOnNaN(Callback):
    """Stop training when a batch's loss is NaN or infinite.

    Args:
        raise_error: Whether to raise a `RuntimeError` at once instead of setting
            `model.stop_training` (which lets the current epoch's callbacks run).

    Example:

    >>> callback = TerminateOnNaN(raise_error=True)
    >>> callback.on_batch_end(0, {"loss": 0.3})  # a finite loss: nothing happens
    """

    _handles_raw_batch_logs: ClassVar[bool] = True

    def __init__(self, raise_error: bool = False) -> None:
        super().__init__()
        self.raise_error = raise_error

    def on_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        """Check the loss of the batch that just ended."""
        loss = (logs or {}).get("loss")
        if loss is None:
            return
        value = to_float(loss)
        if not isinstance(value, float) or math.isfinite(value):
            return
        if self.raise_error:
            raise RuntimeError(
                f"NaN or Inf loss encountered at batch {batch}. Loss value: {value}. Terminating training immediately."
            )
        print_msg(f"Batch {batch}: Invalid loss, terminating training")
        self.model.stop_training = True
