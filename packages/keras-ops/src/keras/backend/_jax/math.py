"""Math kernels for the jax backend: `jnp.angle` widens 0-d float input to float64 under x64."""

from __future__ import annotations

import jax.numpy as jnp

from keras.backend._kernels.math import Math
from keras.ops._typing import Tensor


class JaxMath(Math):
    def angle(self, x: Tensor, /) -> Tensor:
        return jnp.arctan2(jnp.imag(x), jnp.real(x))


KERNELS = JaxMath(jnp)
