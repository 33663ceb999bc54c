"""Neural-network kernels for the jax backend: `jax.nn`'s numerically careful activations.

`jax.nn.relu` has gradient 0 at 0 (a plain `maximum` splits it in halves), and the
sigmoid family, `gelu` and the softmax family come with JAX's tuned derivatives. The CTC
recursion runs under `lax.scan`, so its compile time does not grow with the sequence.
"""

from __future__ import annotations

from collections.abc import Callable

import jax
import jax.numpy as jnp

from keras.backend._kernels.nn import NN, Axes
from keras.ops._typing import Tensor


class JaxNN(NN):
    def _scan(self, step: Callable[[Tensor, Tensor, Tensor], Tensor], carry: Tensor, *xs: Tensor) -> Tensor:
        # One traced step instead of an unrolled loop: compile time does not grow with the length.
        final, _ = jax.lax.scan(lambda c, x: (step(c, *x), None), carry, xs)
        return final

    def relu(self, x: Tensor, /) -> Tensor:
        return jax.nn.relu(x)

    def sigmoid(self, x: Tensor, /) -> Tensor:
        return jax.nn.sigmoid(x)

    def softplus(self, x: Tensor, /) -> Tensor:
        return jax.nn.softplus(x)

    def log_sigmoid(self, x: Tensor, /) -> Tensor:
        return jax.nn.log_sigmoid(x)

    def gelu(self, x: Tensor, approximate: bool, /) -> Tensor:
        return jax.nn.gelu(x, approximate=approximate)

    def softmax(self, x: Tensor, axes: Axes, /) -> Tensor:
        return jax.nn.softmax(x, axis=axes)

    def log_softmax(self, x: Tensor, axes: Axes, /) -> Tensor:
        return jax.nn.log_softmax(x, axis=axes)


KERNELS = JaxNN(jnp)
