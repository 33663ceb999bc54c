"""Indexing kernels for the jax backend."""

from __future__ import annotations

import jax.numpy as jnp
from jax.experimental import sparse as jax_sparse

from keras.backend._kernels.indexing import Indexing
from keras.ops._typing import Tensor


class JaxIndexing(Indexing):
    def to_sparse(self, x: Tensor, /) -> Tensor:
        return jax_sparse.BCOO.fromdense(x)


KERNELS = JaxIndexing(jnp)
