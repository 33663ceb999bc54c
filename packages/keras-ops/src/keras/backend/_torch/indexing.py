"""Indexing kernels for the torch backend: `dim` arguments and int64 gather indices."""

from __future__ import annotations

from typing import Any

import torch

from keras.backend._kernels.indexing import Indexing
from keras.ops._typing import Tensor


class TorchIndexing(Indexing):
    def _reverse(self, x: Tensor) -> Tensor:
        return torch.flip(x, (0,))

    def _take(self, x: Tensor, indices: Tensor, axis: int) -> Tensor:
        return x[(slice(None),) * axis + (indices,)]

    def get_item(self, x: Tensor, key: tuple[Any, ...], /) -> Tensor:
        # torch slices only forwards: flip the axis and slice the mirrored range instead.
        if any(isinstance(item, slice) and item.step is not None and item.step < 0 for item in key):
            x, key = _mirror_negative_steps(x, key)
        return x[key]

    def _take_along_axis(self, x: Tensor, indices: Tensor, axis: int) -> Tensor:
        return torch.take_along_dim(x, indices.long(), dim=axis)

    def nonzero(self, x: Tensor, /) -> tuple[Tensor, ...]:
        return tuple(torch.nonzero(x, as_tuple=True))

    def isin(self, x1: Tensor, x2: Tensor, assume_unique: bool, invert: bool, /) -> Tensor:
        return torch.isin(x1, x2, assume_unique=assume_unique, invert=invert)

    def diff(self, a: Tensor, n: int, axis: int, /) -> Tensor:
        return torch.diff(a, n=n, dim=axis) if n else a

    def searchsorted(self, sorted_sequence: Tensor, values: Tensor, side: str, /) -> Tensor:
        return torch.searchsorted(sorted_sequence, values.contiguous(), side=side)

    def _bincount(self, x: Tensor, weights: Tensor | None, minlength: int) -> Tensor:
        return torch.bincount(x, weights=weights, minlength=minlength)

    def _arange_like(self, n: int, like: Any) -> Tensor:
        return torch.arange(n, device=like.device).to(like.dtype)


KERNELS = TorchIndexing(torch)


def _mirror_negative_steps(x: Tensor, key: tuple[Any, ...]) -> tuple[Tensor, tuple[Any, ...]]:
    """Return `x` flipped on each axis a negative-step slice walks, with forward slices."""
    consumed = sum(
        (item.ndim if item.dtype == torch.bool else 1)
        if isinstance(item, torch.Tensor)
        else int(item is not None)
        for item in key
        if item is not Ellipsis
    )
    new_key: list[Any] = []
    flips: list[int] = []
    dim = 0
    for item in key:
        if item is Ellipsis:
            dim += x.ndim - consumed
        elif isinstance(item, slice) and item.step is not None and item.step < 0:
            size = x.shape[dim]
            positions = range(*item.indices(size))
            if positions:
                new_key.append(slice(size - 1 - positions[0], size - positions[-1], -item.step))
                flips.append(dim)
            else:
                new_key.append(slice(0, 0))
            dim += 1
            continue
        elif isinstance(item, torch.Tensor) and item.dtype == torch.bool:
            dim += item.ndim
        elif item is not None:
            dim += 1
        new_key.append(item)
    return (torch.flip(x, flips) if flips else x), tuple(new_key)
