"""Reduction kernels for numpy-like modules; axes arrive as tuples or `None`."""

from __future__ import annotations

from typing import Any

from keras.ops._typing import Tensor


class Reductions:
    """Reductions over `axes` (a tuple of non-negative ints, or `None` for all)."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    def sum(self, x: Tensor, axes: tuple[int, ...] | None, keepdims: bool, /) -> Tensor:
        # An explicit dtype stops numpy, jax and torch from widening small ints.
        return self.xnp.sum(x, axis=axes, keepdims=keepdims, dtype=x.dtype)
