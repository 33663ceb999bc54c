"""Data sources shared by the adapter tests (module level, so worker processes can import them)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from keras.trainers._data.py_dataset import PyDataset

N = 10
X = np.arange(N * 3, dtype="float32").reshape(N, 3)
Y = np.arange(N, dtype="float32").reshape(N, 1)


def batches_to_numpy(batches: list[Any]) -> list[tuple[Any, ...]]:
    """Turn every leaf of a list of `(x, y, sw)` batches into numpy (None stays None)."""
    from keras import ops

    return [
        tuple(None if part is None else np.asarray(ops.convert_to_numpy(part)) for part in b) for b in batches
    ]


class ArrayPyDataset(PyDataset):
    """Batches of `X`, `Y` by index; records the epoch hooks it sees."""

    def __init__(self, batch_size: int = 4, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.batch_size = batch_size
        self.events: list[str] = []

    def __len__(self) -> int:
        return math.ceil(N / self.batch_size)

    def __getitem__(self, index: int) -> tuple[Any, Any]:
        part = slice(index * self.batch_size, (index + 1) * self.batch_size)
        return X[part], Y[part]

    def on_epoch_begin(self) -> None:
        self.events.append("begin")

    def on_epoch_end(self) -> None:
        self.events.append("end")


class InfinitePyDataset(PyDataset):
    """Batch `i` is `(full((2, 3), i), full((2, 1), i))`, forever."""

    @property
    def num_batches(self) -> None:
        return None

    def __getitem__(self, index: int) -> tuple[Any, Any]:
        return np.full((2, 3), index, "float32"), np.full((2, 1), index, "float32")
