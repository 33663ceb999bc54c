"""Batches from a torch `DataLoader`: native tensors on PyTorch, numpy elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from keras.trainers._data.adapter import DataAdapter
from keras.trainers._data.data_utils import Batch, standardize_batch


def is_torch_dataloader(x: Any) -> bool:
    """Return whether `x` is a `torch.utils.data.DataLoader`, without importing torch."""
    return any(
        parent.__name__ == "DataLoader" and parent.__module__.startswith("torch.utils.data")
        for parent in type(x).__mro__
    )


class TorchDataLoaderAdapter(DataAdapter):
    """Iterate a torch `DataLoader`; each pass is one pass of the loader (reshuffled by it).

    Elements are `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)` (lists count as
    tuples). On the torch backend the batches keep their tensors; other backends get
    numpy arrays.
    """

    def __init__(self, dataloader: Any) -> None:
        if not is_torch_dataloader(dataloader):
            raise ValueError(
                f"Expected argument `dataloader` to be an instance of `torch.utils.data.DataLoader`. "
                f"Received: {dataloader}"
            )
        self._dataloader = dataloader
        self._num_batches: int | None = None
        if hasattr(dataloader.dataset, "__len__"):
            self._num_batches = len(dataloader)

    @property
    def num_batches(self) -> int | None:
        return self._num_batches

    def __iter__(self) -> Iterator[Batch]:
        for element in self._dataloader:
            yield standardize_batch(element, "A torch DataLoader")
