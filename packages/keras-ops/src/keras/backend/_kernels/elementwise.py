"""Element-wise kernels (arithmetic and math functions) for numpy-like modules."""

from __future__ import annotations

from typing import Any

from keras.ops._typing import Tensor


class Elementwise:
    """Element-wise kernels; inputs arrive converted and promoted to one dtype."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    def add(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.add(x1, x2)

    def subtract(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.subtract(x1, x2)

    def multiply(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.multiply(x1, x2)

    def sin(self, x: Tensor, /) -> Tensor:
        return self.xnp.sin(x)
