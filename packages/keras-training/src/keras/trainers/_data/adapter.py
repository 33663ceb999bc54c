"""`DataAdapter`: what `EpochIterator` needs from a source of batches."""

from __future__ import annotations

from collections.abc import Iterator

from keras.trainers._data.data_utils import Batch


class DataAdapter:
    """One source of batches: arrays, a dataset, a loader, a generator or a `PyDataset`.

    Iterating an adapter gives one pass over its data as `(x, y, sample_weight)` batches
    whose leaves are numpy arrays or the active backend's tensors. A `restartable`
    adapter starts again at every `iter()`; a generator continues where it stopped.
    """

    restartable: bool = True

    @property
    def num_batches(self) -> int | None:
        """The batches in one pass, or None when unknown or infinite."""
        return None

    def __iter__(self) -> Iterator[Batch]:
        raise NotImplementedError

    def on_epoch_begin(self) -> None:
        """Called before the first batch of each epoch."""

    def on_epoch_end(self) -> None:
        """Called after the last batch of each epoch."""
