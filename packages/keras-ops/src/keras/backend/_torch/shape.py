"""Shape kernels for torch: `permute`, `repeat_interleave`, `index_select`, no `numpy.pad`."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from keras.backend._kernels.shape import PadWidth, ShapeKernels
from keras.ops._typing import Tensor


class TorchShapeKernels(ShapeKernels):
    def transpose(self, x: Tensor, axes: tuple[int, ...], /) -> Tensor:
        return x.permute(axes)

    def repeat(self, x: Tensor, repeats: int | tuple[int, ...], axis: int, /) -> Tensor:
        counts = repeats if isinstance(repeats, int) else torch.as_tensor(repeats, device=x.device)
        return torch.repeat_interleave(x, counts, dim=axis)

    def take(self, x: Tensor, indices: np.ndarray[Any, Any], axis: int, /) -> Tensor:
        return torch.index_select(x, axis, self._from_numpy(indices, x))

    def _from_numpy(self, values: np.ndarray[Any, Any], like: Tensor) -> Tensor:
        return torch.as_tensor(values, device=like.device)

    def _astype(self, x: Tensor, dtype: Any) -> Tensor:
        return x.to(dtype)

    def _sort(self, x: Tensor, axis: int) -> Tensor:
        return torch.sort(x, dim=axis).values

    def pad(self, x: Tensor, pad_width: PadWidth, mode: str, constant: Tensor | None, /) -> Tensor:
        if mode == "constant" and constant is not None:
            # torch lists (before, after) pairs from the last axis to the first.
            flat = [width for pair in reversed(pad_width) for width in pair]
            return torch.nn.functional.pad(x, flat, mode="constant", value=constant.item())
        return self.pad_by_parts(x, pad_width, mode, constant)

    def view(self, x: Tensor, dtype: Any, /) -> Tensor:
        return x.contiguous().view(dtype)


KERNELS = TorchShapeKernels(torch)
