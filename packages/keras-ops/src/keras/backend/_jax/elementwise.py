"""Elementwise kernels for the jax backend: `jnp.round` refuses integers with negative decimals."""

from __future__ import annotations

import jax.numpy as jnp

from keras.backend._kernels.elementwise import Elementwise
from keras.ops._typing import Tensor


class JaxElementwise(Elementwise):
    def round(self, x: Tensor, decimals: int, /) -> Tensor:
        if decimals >= 0 or jnp.issubdtype(x.dtype, jnp.inexact):
            return jnp.round(x, decimals)
        # Integers to tens, hundreds...: halves to even, computed exactly in float64.
        scale = 10.0**-decimals
        return (jnp.round(x.astype(jnp.float64) / scale) * scale).astype(x.dtype)


KERNELS = JaxElementwise(jnp)
