"""Creation kernels for torch: `full` takes no tensor fill, `eye` no `k`, and there is no `tri`."""

from __future__ import annotations

from typing import Any

import torch

from keras.backend._kernels.creation import Creation
from keras.ops._typing import Tensor


class TorchCreation(Creation):
    def full(self, shape: tuple[int, ...], fill_value: Tensor, /) -> Tensor:
        return fill_value.expand(shape).clone()

    def eye(self, n: int, m: int, k: int, dtype: Any, /) -> Tensor:
        if k == 0:
            return torch.eye(n, m, dtype=dtype)
        return self.tri(n, m, k, dtype) - self.tri(n, m, k - 1, dtype)

    def tri(self, n: int, m: int, k: int, dtype: Any, /) -> Tensor:
        return torch.tril(torch.ones((n, m), dtype=dtype), k)


KERNELS = TorchCreation(torch)
