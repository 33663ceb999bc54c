"""Logic kernels for the jax backend."""

import jax.numpy as jnp

from keras.backend._kernels.logic import Logic

KERNELS = Logic(jnp)
