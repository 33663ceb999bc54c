"""`DropoutRNNCell`: the dropout masks a recurrent cell draws once per sequence.

A cell applied at every time step must drop the same input features and the same state
units at each step (variational dropout), so the masks are drawn once, before the time
loop, and kept until the loop ends. Drawing before the loop also keeps the loop body
free of random-state updates, which `lax.scan` and `tf.while_loop` require.
"""

from __future__ import annotations

from typing import Any

from keras import ops, random
from keras.ops._typing import Tensor

__all__: list[str] = []


class DropoutRNNCell:
    """Mixin for cells with `dropout`, `recurrent_dropout` and a `seed_generator`.

    The masks hold `0` or `1 / (1 - rate)`: multiplying by one drops and rescales.
    """

    dropout: float
    recurrent_dropout: float
    seed_generator: random.SeedGenerator
    _dropout_mask: Tensor | None = None
    _recurrent_dropout_mask: Tensor | None = None

    def get_dropout_mask(self, step_input: Tensor) -> Tensor | None:
        """Return the input mask for this sequence, drawing it on first use (None if no dropout)."""
        if self._dropout_mask is None and self.dropout > 0:
            self._dropout_mask = random.dropout(
                ops.ones_like(step_input), rate=self.dropout, seed=self.seed_generator
            )
        return self._dropout_mask

    def get_recurrent_dropout_mask(self, step_state: Tensor) -> Tensor | None:
        """Return the state mask for this sequence, drawing it on first use (None if none)."""
        if self._recurrent_dropout_mask is None and self.recurrent_dropout > 0:
            self._recurrent_dropout_mask = random.dropout(
                ops.ones_like(step_state), rate=self.recurrent_dropout, seed=self.seed_generator
            )
        return self._recurrent_dropout_mask

    def reset_dropout_mask(self) -> None:
        """Forget the input mask: the next sequence draws a new one."""
        self._dropout_mask = None

    def reset_recurrent_dropout_mask(self) -> None:
        """Forget the state mask: the next sequence draws a new one."""
        self._recurrent_dropout_mask = None


def clip_rate(value: Any) -> float:
    """A dropout rate clipped to `[0, 1]`, as Keras stores it."""
    return min(1.0, max(0.0, float(value)))
