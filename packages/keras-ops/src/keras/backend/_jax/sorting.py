"""Sorting kernels for the jax backend."""

import jax.numpy as jnp

from keras.backend._kernels.sorting import Sorting

KERNELS = Sorting(jnp)
