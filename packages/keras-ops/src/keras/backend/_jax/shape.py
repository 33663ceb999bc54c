"""Shape kernels for the jax backend."""

import jax.numpy as jnp

from keras.backend._kernels.shape import ShapeKernels

KERNELS = ShapeKernels(jnp)
