"""Batches from a Python generator (finite or infinite); it continues across epochs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from keras.trainers._data.adapter import DataAdapter
from keras.trainers._data.data_utils import Batch, standardize_batch


class GeneratorDataAdapter(DataAdapter):
    """Iterate a generator of `(x,)`, `(x, y)` or `(x, y, sample_weight)` tuples.

    A generator cannot start again: each pass continues where the last one stopped,
    so with `steps_per_epoch` an infinite generator feeds every epoch, and a finite one
    feeds epochs until it runs out. The first batch is read at construction to check
    its structure, and handed out first.
    """

    restartable = False

    def __init__(self, generator: Iterator[Any]) -> None:
        try:
            first = next(generator)
        except StopIteration:
            raise ValueError(
                "When passing a Python generator to a Keras model, the generator must yield at least one batch. "
                "Received an empty generator."
            ) from None
        if not isinstance(first, (tuple, list)):
            raise ValueError(
                "When passing a Python generator to a Keras model, the generator must return a tuple, either "
                f"(input,) or (inputs, targets) or (inputs, targets, sample_weights). Received: {first}"
            )
        self._generator = generator
        self._pending: list[Any] = [first]

    def __iter__(self) -> Iterator[Batch]:
        while True:
            if self._pending:
                element = self._pending.pop(0)
            else:
                try:
                    element = next(self._generator)
                except StopIteration:
                    return
            yield standardize_batch(element, "A Python generator")
