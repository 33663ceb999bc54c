"""`EpochIterator`: the batches of one epoch, whatever the data was given as.

`fit`, `evaluate` and `predict` see data only through this: it picks an adapter for the
input (arrays, datasets, loaders, generators, `PyDataset`), honours `steps_per_epoch`
(continuing a finite source across epochs when it asks for fewer steps than it holds),
and hands out `steps_per_execution` batches at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from keras.trainers._data.array_adapter import ArrayDataAdapter, is_array_like


def get_data_adapter(
    x: Any,
    y: Any = None,
    sample_weight: Any = None,
    batch_size: int | None = None,
    steps_per_epoch: int | None = None,
    shuffle: bool | str = False,
    class_weight: dict[int, float] | None = None,
) -> Any:
    """Return the adapter that iterates `x` (and `y`, `sample_weight` for arrays)."""
    if is_array_like(x):
        return ArrayDataAdapter(x, y, sample_weight, batch_size, steps_per_epoch, shuffle, class_weight)
    raise ValueError(
        f"Unrecognized data type: x={x!r} (of type {type(x)}). Expected numpy arrays, tensors, or a list or "
        "dict of them."
    )


class EpochIterator:
    """Iterate the batches of an epoch, `steps_per_execution` at a time."""

    def __init__(
        self,
        x: Any,
        y: Any = None,
        sample_weight: Any = None,
        batch_size: int | None = None,
        steps_per_epoch: int | None = None,
        shuffle: bool | str = False,
        class_weight: dict[int, float] | None = None,
        steps_per_execution: int = 1,
    ) -> None:
        self.adapter = get_data_adapter(x, y, sample_weight, batch_size, steps_per_epoch, shuffle, class_weight)
        self.steps_per_epoch = steps_per_epoch
        self.steps_per_execution = max(1, int(steps_per_execution))
        self._iterator: Iterator[Any] | None = None

    @property
    def num_batches(self) -> int | None:
        if self.steps_per_epoch is not None:
            return int(self.steps_per_epoch)
        return self.adapter.num_batches  # type: ignore[no-any-return]

    def _next_batch(self) -> Any:
        if self._iterator is None:
            self._iterator = iter(self.adapter)
        return next(self._iterator)

    def enumerate_epoch(self) -> Iterator[tuple[int, list[Any]]]:
        """Yield `(first_step_index, batches)` until the epoch ends."""
        limit = self.steps_per_epoch
        if limit is None:
            self._iterator = None  # a full pass per epoch
        step = 0
        while limit is None or step < limit:
            batches = []
            for _ in range(self.steps_per_execution if limit is None else min(self.steps_per_execution, limit - step)):
                try:
                    batches.append(self._next_batch())
                except StopIteration:
                    self._iterator = None
                    break
            if not batches:
                if limit is not None and step == 0:
                    raise ValueError("The data ran out before the first step of the epoch.")
                return
            yield step, batches
            step += len(batches)
            if len(batches) < self.steps_per_execution and limit is None:
                return

    def reset(self) -> None:
        self._iterator = None
