"""Linear-algebra-like kernels for the jax backend."""

import jax.numpy as jnp

from keras.backend._kernels.linear import Linear

KERNELS = Linear(jnp)
