"""Reduction kernels for the jax backend: jax.numpy's own (jitted) quantiles."""

from __future__ import annotations

import jax.numpy as jnp

from keras.backend._kernels.reductions import Axes, Reductions
from keras.ops._typing import Tensor


class JaxReductions(Reductions):
    def quantile(
        self, x: Tensor, q: Tensor, axes: Axes, method: str, keepdims: bool, ignore_nan: bool, /
    ) -> Tensor:
        # One compiled call instead of the generic kernel's twenty eager ones.
        quantile = jnp.nanquantile if ignore_nan else jnp.quantile
        return quantile(x, q, axis=axes, method=method, keepdims=keepdims)


KERNELS = JaxReductions(jnp)
