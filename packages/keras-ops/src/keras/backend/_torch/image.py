"""Image kernels for torch: `interpolate` for the resizes it computes the same way.

torch's bilinear (without antialiasing) and "nearest-exact" use half-pixel centres and
clamp at the borders, which is what the generic weights give; its bicubic uses a
different cubic (a = -0.75) and so is not used. Index tensors follow the images' device.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import torch.nn.functional as functional

from keras.backend._kernels.image import Image
from keras.ops._typing import Tensor

_NATIVE_MODES = {"bilinear": "bilinear", "nearest": "nearest-exact"}


class TorchImage(Image):
    def _constant(self, values: np.ndarray[Any, Any], like: Tensor) -> Tensor:
        return torch.as_tensor(values, dtype=like.dtype, device=like.device)

    def _index(self, values: np.ndarray[Any, Any], like: Tensor) -> Tensor:
        return torch.as_tensor(values, device=like.device)

    def _to_index(self, x: Tensor) -> Tensor:
        return x.to(torch.int64)

    def _take_rows(self, x: Tensor, index: Tensor) -> Tensor:
        return x[index]

    def _take(self, x: Tensor, index: np.ndarray[Any, Any], axis: int) -> Tensor:
        return torch.index_select(x, axis, self._index(index, x))

    def resize(self, x: Tensor, size: tuple[int, int], method: str, antialias: bool, /) -> Tensor:
        mode = _NATIVE_MODES.get(method)
        if mode is None or antialias:
            return super().resize(x, size, method, antialias)
        channels_first = x.permute(0, 3, 1, 2)
        align = None if mode == "nearest-exact" else False
        out = functional.interpolate(channels_first, size=size, mode=mode, align_corners=align)
        return out.permute(0, 2, 3, 1)

    def ssim_index(
        self,
        mu1: Tensor,
        mu2: Tensor,
        var1: Tensor,
        var2: Tensor,
        covariance: Tensor,
        c1: float,
        c2: float,
        /,
    ) -> Tensor:
        numerator = (2.0 * mu1 * mu2 + c1) * (2.0 * covariance + c2)
        denominator = (mu1 * mu1 + mu2 * mu2 + c1) * (var1 + var2 + c2)
        return (numerator / denominator).flatten(1).mean(1)


KERNELS = TorchImage(torch)
