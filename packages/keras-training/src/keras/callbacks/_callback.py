"""`Callback`: the base class whose hooks `fit`, `evaluate` and `predict` call."""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = ["Callback"]

Logs = dict[str, Any]


class Callback:
    """Base class for objects that hook into training, evaluation and prediction.

    Subclass it and override the hooks of interest; `fit`, `evaluate` and `predict` call them
    (through a `CallbackList`) with the epoch or batch index and a `logs` dict of metric
    values, as Python floats. Batch hooks of `fit` see the metrics aggregated since the
    epoch began; `on_epoch_end` also sees the validation metrics, prefixed with `val_`.

    Attributes:
        params: The loop's parameters: `verbose`, `epochs` and `steps` (steps per epoch,
            `None` when unknown).
        model: The `Model` being trained, evaluated or run.

    Example:

    >>> class CountBatches(Callback):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.count = 0
    ...     def on_train_batch_end(self, batch, logs=None):
    ...         self.count += 1
    >>> counter = CountBatches()
    >>> for batch in range(3):
    ...     counter.on_train_batch_end(batch, {"loss": 0.5})
    >>> counter.count
    3
    """

    # Built-in callbacks whose batch hooks take log values as the trainer made them
    # (maybe device tensors) and convert only what they use; see `CallbackList`.
    _handles_raw_batch_logs: ClassVar[bool] = False

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}
        self._model: Any = None

    def set_params(self, params: dict[str, Any]) -> None:
        """Store the loop's parameters (`verbose`, `epochs`, `steps`)."""
        self.params = params

    def set_model(self, model: Any) -> None:
        """Store the model this callback works on."""
        self._model = model

    @property
    def model(self) -> Any:
        """The model; a trainer that keeps state off the variables writes it back first."""
        sync = getattr(self._model, "jax_state_sync", None)
        if callable(sync):
            sync()
        return self._model

    def on_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        """Alias of `on_train_batch_begin`, kept for Keras 2 callbacks."""

    def on_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        """Alias of `on_train_batch_end`, kept for Keras 2 callbacks."""

    def on_epoch_begin(self, epoch: int, logs: Logs | None = None) -> None:
        """Called at the start of each training epoch (0-based `epoch`)."""

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        """Called at the end of each epoch with its training and `val_` metrics."""

    def on_train_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        """Called before each training batch (each `steps_per_execution` group of batches)."""
        self.on_batch_begin(batch, logs=logs)

    def on_train_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        """Called after each training batch with the metrics aggregated so far this epoch."""
        self.on_batch_end(batch, logs=logs)

    def on_test_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        """Called before each batch of `evaluate` (and of validation inside `fit`)."""

    def on_test_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        """Called after each batch of `evaluate` with the metrics aggregated so far."""

    def on_predict_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        """Called before each batch of `predict`."""

    def on_predict_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        """Called after each batch of `predict`; `logs["outputs"]` holds the batch's outputs."""

    def on_train_begin(self, logs: Logs | None = None) -> None:
        """Called when `fit` starts."""

    def on_train_end(self, logs: Logs | None = None) -> None:
        """Called when `fit` ends, with the last epoch's logs."""

    def on_test_begin(self, logs: Logs | None = None) -> None:
        """Called when `evaluate` (or a validation pass of `fit`) starts."""

    def on_test_end(self, logs: Logs | None = None) -> None:
        """Called when `evaluate` (or a validation pass) ends, with its final metrics."""

    def on_predict_begin(self, logs: Logs | None = None) -> None:
        """Called when `predict` starts."""

    def on_predict_end(self, logs: Logs | None = None) -> None:
        """Called when `predict` ends."""
