"""Math kernels for torch: `torch.special` functions, `topk`, segment reductions as
`scatter_reduce_` into a filled tensor, `torch.complex`, and gathers with `index_select`."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from keras.backend._kernels.math_extra import MathExtra
from keras.ops._typing import Tensor


class TorchMathExtra(MathExtra):
    def erf(self, x: Tensor, /) -> Tensor:
        return torch.special.erf(x)

    def erfc(self, x: Tensor, /) -> Tensor:
        return torch.special.erfc(x)

    def erfinv(self, x: Tensor, /) -> Tensor:
        return torch.special.erfinv(x)

    def top_k(self, x: Tensor, k: int, sorted: bool, /) -> tuple[Tensor, Tensor]:
        # A stable descending sort keeps ties in index order, as the other backends do.
        values, indices = torch.sort(x, dim=-1, descending=True, stable=True)
        return values[..., :k], indices[..., :k]

    def _segment(self, data: Tensor, ids: Tensor, num_segments: int, initial: Any, reduce: Any) -> Tensor:
        out = torch.full((num_segments, *data.shape[1:]), initial, dtype=data.dtype, device=data.device)
        index = ids.to(torch.int64).reshape((-1,) + (1,) * (data.ndim - 1)).expand_as(data)
        return out.scatter_reduce_(0, index, data, reduce, include_self=True)

    def segment_sum(self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, /) -> Tensor:
        out = torch.zeros((num_segments, *data.shape[1:]), dtype=data.dtype, device=data.device)
        return out.index_add_(0, ids.to(torch.int64), data)

    def segment_prod(self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, /) -> Tensor:
        return self._segment(data, ids, num_segments, 1, "prod")

    def segment_max(
        self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, lowest: Any, /
    ) -> Tensor:
        return self._segment(data, ids, num_segments, lowest, "amax")

    def segment_min(
        self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, highest: Any, /
    ) -> Tensor:
        return self._segment(data, ids, num_segments, highest, "amin")

    def _complex(self, real: Tensor, imag: Tensor) -> Tensor:
        return torch.complex(real, imag)

    def _take_last(self, x: Tensor, indices: np.ndarray[Any, Any]) -> Tensor:
        flat = torch.index_select(x, -1, torch.as_tensor(indices.reshape(-1), device=x.device))
        return flat.reshape((*x.shape[:-1], *indices.shape))


KERNELS = TorchMathExtra(torch)
