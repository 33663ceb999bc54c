"""Reduction kernels for the torch backend: `dim` tuples, `correction=0`, no uint32 sums."""

from __future__ import annotations

from typing import Any

import torch

from keras.backend._kernels.reductions import Axes, Reductions
from keras.ops._typing import Tensor

# torch has no CPU sum or product kernels for these; they accumulate in int64 instead.
_WIDE_UNSIGNED = (torch.uint16, torch.uint32, torch.uint64)


class TorchReductions(Reductions):
    def _fill(self, x: Tensor, mask: Tensor, value: float) -> Tensor:
        return torch.where(mask, value, x)

    def _index(self, x: Tensor) -> Tensor:
        return x.long()

    def _permute(self, x: Tensor, order: tuple[int, ...]) -> Tensor:
        return torch.permute(x, order)

    def _sort_last(self, x: Tensor) -> Tensor:
        return torch.sort(x, dim=-1).values

    def _take_last(self, x: Tensor, indices: Tensor) -> Tensor:
        return torch.take_along_dim(x, indices, dim=-1)

    def _max(self, x: Tensor, axes: Axes, keepdims: bool) -> Tensor:
        return torch.amax(x, dim=() if axes is None else axes, keepdim=keepdims)

    def _min(self, x: Tensor, axes: Axes, keepdims: bool) -> Tensor:
        return torch.amin(x, dim=() if axes is None else axes, keepdim=keepdims)

    def sum(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        if x.dtype in _WIDE_UNSIGNED:
            return torch.sum(x, dim=axes, keepdim=keepdims, dtype=torch.int64).to(x.dtype)
        return torch.sum(x, dim=axes, keepdim=keepdims, dtype=x.dtype)

    def prod(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        # torch.prod reduces one dim at a time.
        dtype: Any = torch.int64 if x.dtype in _WIDE_UNSIGNED else x.dtype
        if axes is None:
            result = torch.prod(x, dtype=dtype)
            result = result.reshape((1,) * x.ndim) if keepdims else result
        else:
            result = x
            for axis in sorted(axes, reverse=True):
                result = torch.prod(result, dim=axis, keepdim=keepdims, dtype=dtype)
        return result.to(x.dtype)

    def var(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return torch.var(x, dim=axes, correction=0, keepdim=keepdims)

    def std(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return torch.std(x, dim=axes, correction=0, keepdim=keepdims)


KERNELS = TorchReductions(torch)
