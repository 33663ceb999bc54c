"""`SwapEMAWeights`: evaluate and predict with the optimizer's moving averages of the weights."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.callbacks._callback import Callback, Logs

__all__ = ["SwapEMAWeights"]


def _ema_optimizers(optimizer: Any) -> list[Any]:
    optimizer = getattr(optimizer, "inner_optimizer", optimizer)  # through a LossScaleOptimizer
    if hasattr(optimizer, "optimizers"):
        parts = [part for part in optimizer.optimizers if getattr(part, "use_ema", False)]
        if not parts:
            raise ValueError(
                "SwapEMAWeights must be used when at least one inner optimizer has `use_ema=True` set. "
                "Received a MultiOptimizer with all inner optimizers having `use_ema=False`."
            )
    else:
        parts = [optimizer]
    for part in parts:
        if not getattr(part, "use_ema", False) or not hasattr(part, "_model_variables_moving_average"):
            raise ValueError(
                "SwapEMAWeights must be used when `use_ema=True` is set on the optimizer. "
                f"Received: use_ema={getattr(part, 'use_ema', None)}"
            )
    return parts


class SwapEMAWeights(Callback):
    """Swap the model's weights with the optimizer's exponential moving averages.

    Use it with an optimizer built with `use_ema=True`. During `evaluate` and `predict`,
    and during the validation passes of `fit`, the model holds the averaged weights; they
    are swapped back afterwards. With `swap_on_epoch=True` the swap happens at each
    epoch's end instead, so that the epoch's other callbacks (such as `ModelCheckpoint`)
    see the averaged weights; after the last epoch the model keeps them.

    Args:
        swap_on_epoch: Whether to swap at each epoch's end (and back at the next epoch's
            start) rather than around each evaluation.

    Raises:
        ValueError: When swapping, if the optimizer keeps no moving averages.

    Example:

    >>> optimizer = keras.optimizers.SGD(use_ema=True)  # doctest: +SKIP
    >>> model.compile(optimizer=optimizer, loss="mse")  # doctest: +SKIP
    >>> model.fit(x, y, validation_data=(x_val, y_val),
    ...           callbacks=[SwapEMAWeights(swap_on_epoch=True)])  # doctest: +SKIP
    """

    def __init__(self, swap_on_epoch: bool = False) -> None:
        super().__init__()
        self.swap_on_epoch = swap_on_epoch
        self._ema_weights_in_model = False

    def _swap_variables(self) -> None:
        for optimizer in _ema_optimizers(self.model.optimizer):
            for variable, average in zip(
                optimizer._trainable_variables, optimizer._model_variables_moving_average, strict=True
            ):
                current = ops.copy(variable.value)
                variable.assign(average.value)
                average.assign(current)

    def _finalize_ema_values(self) -> None:
        # The averages now sit in the model: make the optimizer's copies equal to them.
        for optimizer in _ema_optimizers(self.model.optimizer):
            for variable, average in zip(
                optimizer._trainable_variables, optimizer._model_variables_moving_average, strict=True
            ):
                average.assign(variable.value)

    def _swap_in(self) -> None:
        if not self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = True

    def _swap_out(self) -> None:
        if self._ema_weights_in_model:
            self._swap_variables()
            self._ema_weights_in_model = False

    def on_epoch_begin(self, epoch: int, logs: Logs | None = None) -> None:
        if self.swap_on_epoch:
            self._swap_out()

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        if self.swap_on_epoch and not self._ema_weights_in_model:
            self._swap_in()
            if epoch == self.params.get("epochs", 0) - 1:
                self._finalize_ema_values()

    def on_test_begin(self, logs: Logs | None = None) -> None:
        self._swap_in()

    def on_test_end(self, logs: Logs | None = None) -> None:
        self._swap_out()

    def on_predict_begin(self, logs: Logs | None = None) -> None:
        self._swap_in()

    def on_predict_end(self, logs: Logs | None = None) -> None:
        self._swap_out()
