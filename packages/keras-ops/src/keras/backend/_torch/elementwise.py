"""Elementwise kernels for the torch backend: torch's names, no bool `abs`/`trunc`, float-only `round`."""

from __future__ import annotations

import torch

from keras.backend._kernels.elementwise import Elementwise
from keras.ops._typing import Tensor


class TorchElementwise(Elementwise):
    def mod(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return torch.remainder(x1, x2)

    def power(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return torch.pow(x1, x2)

    def heaviside(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        # torch.heaviside maps NaN to 0; numpy keeps it.
        return torch.where(torch.isnan(x1), x1, torch.heaviside(x1, x2))

    def sign(self, x: Tensor, /) -> Tensor:
        # torch.sign maps NaN to 0; numpy keeps it.
        return torch.where(torch.isnan(x), x, torch.sign(x)) if x.is_floating_point() else torch.sign(x)

    def absolute(self, x: Tensor, /) -> Tensor:
        return x if x.dtype == torch.bool else torch.abs(x)

    def trunc(self, x: Tensor, /) -> Tensor:
        return torch.trunc(x) if x.is_floating_point() else x

    def round(self, x: Tensor, decimals: int, /) -> Tensor:
        if x.is_floating_point():
            return torch.round(x, decimals=decimals)
        if decimals >= 0:
            return x
        # Integers to tens, hundreds...: halves to even, computed exactly in float64.
        scale = 10.0**-decimals
        return (torch.round(x.to(torch.float64) / scale) * scale).to(x.dtype)

    def bitwise_left_shift(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return torch.bitwise_left_shift(x1, x2)

    def bitwise_right_shift(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return torch.bitwise_right_shift(x1, x2)


KERNELS = TorchElementwise(torch)
