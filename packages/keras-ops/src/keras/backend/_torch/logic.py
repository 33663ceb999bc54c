"""Logic kernels for the torch backend: `torch.equal` compares whole tensors, so use `eq`."""

from __future__ import annotations

import torch

from keras.backend._kernels.logic import Logic
from keras.ops._typing import Tensor


class TorchLogic(Logic):
    def equal(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return torch.eq(x1, x2)


KERNELS = TorchLogic(torch)
