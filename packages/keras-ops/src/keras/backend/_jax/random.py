"""Random kernels for JAX: the uint32 `[2]` seed is a raw threefry key, so draws trace."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from keras.backend._kernels.random import Random, Shape
from keras.backend._numpy.core import numpy_dtype
from keras.ops._typing import Tensor


def _key(seed: Tensor) -> Tensor:
    return jnp.asarray(seed, dtype=jnp.uint32)


class JaxRandom(Random):
    def normal(self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /) -> Tensor:
        return jax.random.normal(_key(seed), shape, dtype=numpy_dtype(dtype)) * stddev + mean

    def uniform(self, shape: Shape, minval: float, maxval: float, dtype: str, seed: Tensor, /) -> Tensor:
        return jax.random.uniform(_key(seed), shape, dtype=numpy_dtype(dtype), minval=minval, maxval=maxval)

    def randint(self, shape: Shape, minval: int, maxval: int, dtype: str, seed: Tensor, /) -> Tensor:
        return jax.random.randint(_key(seed), shape, minval, maxval, dtype=numpy_dtype(dtype))

    def truncated_normal(
        self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /
    ) -> Tensor:
        values = jax.random.truncated_normal(_key(seed), -2.0, 2.0, shape, dtype=numpy_dtype(dtype))
        return values * stddev + mean

    def categorical(self, logits: Tensor, num_samples: int, dtype: str, seed: Tensor, /) -> Tensor:
        draws = jax.random.categorical(
            _key(seed), logits[:, None, :], axis=-1, shape=(logits.shape[0], num_samples)
        )
        return draws.astype(numpy_dtype(dtype))

    def shuffle(self, x: Tensor, axis: int, seed: Tensor, /) -> Tensor:
        return jax.random.permutation(_key(seed), x, axis=axis, independent=False)

    def gamma(self, shape: Shape, alpha: Any, dtype: str, seed: Tensor, /) -> Tensor:
        return jax.random.gamma(_key(seed), alpha, shape, dtype=numpy_dtype(dtype))

    def binomial(
        self, shape: Shape, counts: float, probabilities: float, dtype: str, seed: Tensor, /
    ) -> Tensor:
        draws = jax.random.binomial(_key(seed), counts, probabilities, shape)
        return draws.astype(numpy_dtype(dtype))

    def beta(self, shape: Shape, alpha: Any, beta: Any, dtype: str, seed: Tensor, /) -> Tensor:
        return jax.random.beta(_key(seed), alpha, beta, shape, dtype=numpy_dtype(dtype))


KERNELS = JaxRandom()
