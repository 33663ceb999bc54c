"""Linear-algebra kernels for jax: LAPACK-style LU and triangular solves from `jax.lax.linalg`,
a failed Cholesky reported as an error (jax returns NaNs), and `jax.jvp`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jax
import jax.numpy as jnp

from keras.backend._kernels.linalg import Linalg
from keras.ops._typing import Tensor


class JaxLinalg(Linalg):
    def cholesky(self, x: Tensor, upper: bool, /) -> Tensor:
        factor = super().cholesky(x, upper)
        if not isinstance(factor, jax.core.Tracer) and bool(jnp.any(jnp.isnan(factor))):
            raise ValueError("the factor has NaN entries.")
        return factor

    def lu_factor(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        lu, pivots, _ = jax.lax.linalg.lu(x)
        return lu, pivots

    def _solve_triangular(self, a: Tensor, b: Tensor, lower: bool) -> Tensor:
        return jax.lax.linalg.triangular_solve(a, b, left_side=True, lower=lower)

    def jvp(
        self,
        fun: Callable[..., Any],
        primals: tuple[Tensor, ...],
        tangents: tuple[Tensor, ...],
        has_aux: bool,
        /,
    ) -> tuple[Any, ...]:
        return tuple(jax.jvp(fun, primals, tangents, has_aux=has_aux))


KERNELS = JaxLinalg(jnp)
