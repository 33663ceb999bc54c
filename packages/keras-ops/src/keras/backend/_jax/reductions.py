"""Reductions kernels for the jax backend."""

import jax.numpy as jnp

from keras.backend._kernels.reductions import Reductions

KERNELS = Reductions(jnp)
