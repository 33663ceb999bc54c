"""Elementwise kernels for the jax backend."""

import jax.numpy as jnp

from keras.backend._kernels.elementwise import Elementwise

KERNELS = Elementwise(jnp)
