"""Math kernels for the torch backend: torch's names, no `cbrt`, no `imag` of real tensors."""

from __future__ import annotations

import torch

from keras.backend._kernels.math import Math
from keras.ops._typing import Tensor


class TorchMath(Math):
    def cbrt(self, x: Tensor, /) -> Tensor:
        return torch.sign(x) * torch.abs(x).pow(1.0 / 3.0)

    def conjugate(self, x: Tensor, /) -> Tensor:
        # torch.conj only sets a lazy flag, which numpy conversion refuses.
        return torch.conj_physical(x) if x.is_complex() else x

    def imag(self, x: Tensor, /) -> Tensor:
        return torch.imag(x) if x.is_complex() else torch.zeros_like(x)

    def copy(self, x: Tensor, /) -> Tensor:
        return torch.clone(x)


KERNELS = TorchMath(torch)
