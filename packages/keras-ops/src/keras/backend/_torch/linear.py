"""Linear-algebra-like kernels for torch: numpy's `dot`, `vdot` and `outer` on any rank,
`tensordot`'s `dims`, a diagonal-sum `trace`, and `correlate` as a 1-D convolution."""

from __future__ import annotations

import torch

from keras.backend._kernels.linear import Linear, slice_correlation
from keras.ops._typing import Tensor

_UNSIGNED_WIDE = (torch.uint16, torch.uint32, torch.uint64)


class TorchLinear(Linear):
    def dot(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        if x1.ndim == 0 or x2.ndim == 0:
            return x1 * x2
        return torch.tensordot(x1, x2, dims=([x1.ndim - 1], [max(x2.ndim - 2, 0)]))

    def vdot(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return torch.vdot(x1.reshape(-1), x2.reshape(-1))

    def outer(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return torch.outer(x1.reshape(-1), x2.reshape(-1))

    def tensordot(self, x1: Tensor, x2: Tensor, axes: tuple[tuple[int, ...], tuple[int, ...]], /) -> Tensor:
        return torch.tensordot(x1, x2, dims=(list(axes[0]), list(axes[1])))

    def trace(self, x: Tensor, offset: int, axis1: int, axis2: int, /) -> Tensor:
        diagonal = torch.diagonal(x, offset, axis1, axis2)
        if x.dtype in _UNSIGNED_WIDE:  # torch cannot sum these: go through int64, which wraps alike
            return diagonal.sum(-1, dtype=torch.int64).to(x.dtype)
        return diagonal.sum(-1, dtype=x.dtype)

    def correlate(self, x1: Tensor, x2: Tensor, mode: str, /) -> Tensor:
        n, m = x1.shape[0], x2.shape[0]
        full = torch.nn.functional.conv1d(x1[None, None], x2[None, None], padding=m - 1)[0, 0]
        return slice_correlation(full, n, m, mode)


KERNELS = TorchLinear(torch)
