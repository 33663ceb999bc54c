"""Creation kernels for the jax backend."""

import jax.numpy as jnp

from keras.backend._kernels.creation import Creation

KERNELS = Creation(jnp)
