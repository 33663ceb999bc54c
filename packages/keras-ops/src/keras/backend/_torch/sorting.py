"""Sorting kernels for the torch backend: `dim` arguments, no `take` or `argpartition`."""

from __future__ import annotations

import torch

from keras.backend._kernels.sorting import Sorting
from keras.ops._typing import Tensor


class TorchSorting(Sorting):
    def sort(self, x: Tensor, axis: int, /) -> Tensor:
        return torch.sort(x, dim=axis).values

    def argsort(self, x: Tensor, axis: int, /) -> Tensor:
        return torch.argsort(x, dim=axis, stable=True)

    def argpartition(self, x: Tensor, kth: int, axis: int, /) -> Tensor:
        # A full stable sort is a valid partition for every `kth`.
        return self.argsort(x, axis)

    def _take0(self, x: Tensor, indices: Tensor) -> Tensor:
        return torch.index_select(x, 0, indices)

    def _flatnonzero(self, mask: Tensor) -> Tensor:
        return torch.nonzero(mask).reshape(-1)


KERNELS = TorchSorting(torch)
