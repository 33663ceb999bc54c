"""Linear-algebra kernels for torch: `svdvals` for singular values alone, `upper=` triangular
solves, 1-based LU pivots made 0-based, and `torch.func.jvp`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import torch

from keras.backend._kernels.linalg import Linalg
from keras.ops._typing import Tensor


class TorchLinalg(Linalg):
    def svd(self, x: Tensor, full_matrices: bool, compute_uv: bool, /) -> Any:
        if not compute_uv:
            return torch.linalg.svdvals(x)
        u, s, vh = torch.linalg.svd(x, full_matrices=full_matrices)
        return u, s, vh

    def _solve_triangular(self, a: Tensor, b: Tensor, lower: bool) -> Tensor:
        return torch.linalg.solve_triangular(a, b, upper=not lower)

    def lu_factor(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        lu, pivots = torch.linalg.lu_factor(x)
        return lu, pivots - 1

    def jvp(
        self,
        fun: Callable[..., Any],
        primals: tuple[Tensor, ...],
        tangents: tuple[Tensor, ...],
        has_aux: bool,
        /,
    ) -> tuple[Any, ...]:
        return tuple(torch.func.jvp(fun, primals, tangents, has_aux=has_aux))


KERNELS = TorchLinalg(torch)
