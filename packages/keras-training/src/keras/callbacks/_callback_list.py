"""`CallbackList`: calls every hook of a list of callbacks, with the default History/progress bar."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from keras import tree
from keras.callbacks._callback import Callback, Logs
from keras.callbacks._history import History
from keras.callbacks._logs import flatten_logs, pythonify_logs
from keras.callbacks._progbar_logger import ProgbarLogger

__all__ = ["CallbackList"]

# The batch hooks of each loop; a callback that overrides one of them gets Python floats.
_BATCH_HOOKS = {
    "train": ("on_train_batch_begin", "on_train_batch_end", "on_batch_begin", "on_batch_end"),
    "test": ("on_test_batch_begin", "on_test_batch_end"),
    "predict": ("on_predict_batch_begin", "on_predict_batch_end"),
}


# `Callback.on_train_batch_begin/end` call these Keras 2 names.
_ALIASES = {"on_train_batch_begin": "on_batch_begin", "on_train_batch_end": "on_batch_end"}


def _overrides(callback: Callback, hook: str) -> bool:
    method = getattr(callback, hook)
    return getattr(method, "__func__", None) is not getattr(Callback, hook)


def _needs_python_logs(callback: Callback, mode: str) -> bool:
    if callback._handles_raw_batch_logs:
        return False
    return any(_overrides(callback, hook) for hook in _BATCH_HOOKS[mode])


class CallbackList(Callback):
    """Call the same hook on a list of callbacks.

    Epoch-level and begin/end logs are flattened, sorted by key and converted to Python
    floats once, then shared by every callback (a callback may add keys for the next ones,
    as `LearningRateScheduler` adds `learning_rate`). Batch logs are converted only when
    some callback overrides a batch hook; otherwise they reach the built-in callbacks as
    the trainer made them, so that no batch waits for the device unless its values are
    displayed.

    Args:
        callbacks: A list (possibly nested) of `Callback` instances.
        add_history: Whether to add a `History` callback when the list holds none.
        add_progbar: Whether to add a `ProgbarLogger` when the list holds none.
        model: The `Model` the callbacks work on; its `history` attribute is set to the
            list's `History` callback.
        **params: The loop's parameters (`verbose`, `epochs`, `steps`), handed to every
            callback through `set_params`.

    Example:

    >>> history = History()
    >>> callbacks = CallbackList([history])
    >>> callbacks.on_train_begin()
    >>> callbacks.on_epoch_end(0, {"loss": 0.5})
    >>> history.history
    {'loss': [0.5]}
    """

    def __init__(
        self,
        callbacks: Iterable[Callback] | Callback | None = None,
        add_history: bool = False,
        add_progbar: bool = False,
        model: Any = None,
        **params: Any,
    ) -> None:
        super().__init__()
        self.callbacks: list[Callback] = list(tree.flatten(callbacks)) if callbacks else []
        self._history: History | None = None
        self._progbar: ProgbarLogger | None = None
        for callback in self.callbacks:
            if isinstance(callback, ProgbarLogger):
                self._progbar = callback
            elif isinstance(callback, History):
                self._history = callback
        if self._history is None and add_history:
            self._history = History()
            self.callbacks.append(self._history)
        if self._progbar is None and add_progbar:
            self._progbar = ProgbarLogger()
            self.callbacks.append(self._progbar)
        self._python_batch_logs: dict[str, bool] = {}
        self._update_log_modes()
        self.set_model(model)
        self.set_params(params)

    def _update_log_modes(self) -> None:
        self._python_batch_logs = {
            mode: any(_needs_python_logs(callback, mode) for callback in self.callbacks)
            for mode in _BATCH_HOOKS
        }
        # Per hook, whether any callback overrides it (or its Keras 2 alias): a loop's
        # batches cost no log conversion and no calls when none does.
        self._batch_hook_used = {
            hook: any(
                _overrides(callback, hook) or (alias is not None and _overrides(callback, alias))
                for callback in self.callbacks
            )
            for hooks in _BATCH_HOOKS.values()
            for hook in hooks
            for alias in (_ALIASES.get(hook),)
        }

    def append(self, callback: Callback) -> None:
        """Add `callback` at the end of the list, giving it the list's model and params."""
        self.callbacks.append(callback)
        if self._model is not None:
            callback.set_model(self._model)
        if self.params:
            callback.set_params(self.params)
        self._update_log_modes()

    def set_params(self, params: dict[str, Any]) -> None:
        """Store `params` and hand them to every callback (when not empty)."""
        self.params = params
        if params:
            for callback in self.callbacks:
                callback.set_params(params)

    def set_model(self, model: Any) -> None:
        """Hand `model` to every callback and set `model.history` (ignored when `None`)."""
        if not model:
            return
        super().set_model(model)
        if self._history is not None:
            model.history = self._history
        for callback in self.callbacks:
            callback.set_model(model)

    def _batch(self, mode: str, hook: str, batch: int, logs: Logs | None) -> None:
        if not self._batch_hook_used[hook]:
            return
        logs = pythonify_logs(logs) if self._python_batch_logs[mode] else flatten_logs(logs)
        for callback in self.callbacks:
            getattr(callback, hook)(batch, logs=logs)

    def _event(self, hook: str, logs: Logs | None) -> None:
        logs = pythonify_logs(logs)
        for callback in self.callbacks:
            getattr(callback, hook)(logs)

    def on_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        self._batch("train", "on_batch_begin", batch, logs)

    def on_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        self._batch("train", "on_batch_end", batch, logs)

    def on_epoch_begin(self, epoch: int, logs: Logs | None = None) -> None:
        logs = pythonify_logs(logs)
        for callback in self.callbacks:
            callback.on_epoch_begin(epoch, logs)

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        logs = pythonify_logs(logs)
        for callback in self.callbacks:
            callback.on_epoch_end(epoch, logs)

    def on_train_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        self._batch("train", "on_train_batch_begin", batch, logs)

    def on_train_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        self._batch("train", "on_train_batch_end", batch, logs)

    def on_test_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        self._batch("test", "on_test_batch_begin", batch, logs)

    def on_test_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        self._batch("test", "on_test_batch_end", batch, logs)

    def on_predict_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        self._batch("predict", "on_predict_batch_begin", batch, logs)

    def on_predict_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        self._batch("predict", "on_predict_batch_end", batch, logs)

    def on_train_begin(self, logs: Logs | None = None) -> None:
        self._event("on_train_begin", logs)

    def on_train_end(self, logs: Logs | None = None) -> None:
        self._event("on_train_end", logs)

    def on_test_begin(self, logs: Logs | None = None) -> None:
        self._event("on_test_begin", logs)

    def on_test_end(self, logs: Logs | None = None) -> None:
        self._event("on_test_end", logs)

    def on_predict_begin(self, logs: Logs | None = None) -> None:
        self._event("on_predict_begin", logs)

    def on_predict_end(self, logs: Logs | None = None) -> None:
        self._event("on_predict_end", logs)
