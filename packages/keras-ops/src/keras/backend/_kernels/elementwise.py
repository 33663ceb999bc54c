"""Element-wise kernels (arithmetic, rounding, bitwise) for numpy-like modules.

Inputs arrive converted and promoted to the op's dtype; each kernel makes the native call.
"""

from __future__ import annotations

from typing import Any

from keras.backend._kernels._forwarding import bind_forwarding
from keras.ops._typing import Tensor


class Elementwise:
    """Element-wise kernels written once against the numpy API (`self.xnp`)."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp
        bind_forwarding(self, Elementwise, _FORWARDING)

    # --- arithmetic -------------------------------------------------------------------

    def add(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.add(x1, x2)

    def subtract(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.subtract(x1, x2)

    def multiply(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.multiply(x1, x2)

    def divide(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.divide(x1, x2)

    def divide_no_nan(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        xnp = self.xnp
        zero = x2 == 0
        quotient = xnp.divide(x1, xnp.where(zero, xnp.ones_like(x2), x2))
        return xnp.where(zero, xnp.zeros_like(quotient), quotient)

    def floor_divide(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.floor_divide(x1, x2)

    def mod(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.mod(x1, x2)

    def fmod(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.fmod(x1, x2)

    def power(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.power(x1, x2)

    def maximum(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.maximum(x1, x2)

    def minimum(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.minimum(x1, x2)

    def fmax(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.fmax(x1, x2)

    def fmin(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.fmin(x1, x2)

    def heaviside(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.heaviside(x1, x2)

    def hypot(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.hypot(x1, x2)

    def arctan2(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.arctan2(x1, x2)

    def logaddexp(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.logaddexp(x1, x2)

    def logaddexp2(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.logaddexp2(x1, x2)

    def ldexp(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.ldexp(x1, x2)

    def nextafter(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.nextafter(x1, x2)

    def gcd(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.gcd(x1, x2)

    def lcm(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.lcm(x1, x2)

    def clip(self, x: Tensor, x_min: Tensor | None, x_max: Tensor | None, /) -> Tensor:
        """Clip with either bound optional; `maximum` then `minimum`, so `x_max` wins."""
        if x_min is not None:
            x = self.maximum(x, x_min)
        if x_max is not None:
            x = self.minimum(x, x_max)
        return x

    # --- unary ------------------------------------------------------------------------

    def negative(self, x: Tensor, /) -> Tensor:
        return self.xnp.negative(x)

    def sign(self, x: Tensor, /) -> Tensor:
        return self.xnp.sign(x)

    def absolute(self, x: Tensor, /) -> Tensor:
        return self.xnp.absolute(x)

    def square(self, x: Tensor, /) -> Tensor:
        return self.xnp.square(x)

    def reciprocal(self, x: Tensor, /) -> Tensor:
        return self.xnp.reciprocal(x)

    def ceil(self, x: Tensor, /) -> Tensor:
        return self.xnp.ceil(x)

    def floor(self, x: Tensor, /) -> Tensor:
        return self.xnp.floor(x)

    def trunc(self, x: Tensor, /) -> Tensor:
        return self.xnp.trunc(x)

    def round(self, x: Tensor, decimals: int, /) -> Tensor:
        return self.xnp.round(x, decimals)

    # --- bitwise ----------------------------------------------------------------------

    def bitwise_not(self, x: Tensor, /) -> Tensor:
        return self.xnp.bitwise_not(x)

    def bitwise_and(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.bitwise_and(x1, x2)

    def bitwise_or(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.bitwise_or(x1, x2)

    def bitwise_xor(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.bitwise_xor(x1, x2)

    def bitwise_left_shift(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.left_shift(x1, x2)

    def bitwise_right_shift(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.right_shift(x1, x2)


# The kernels above that only forward to `xnp` (see `bind_forwarding`).
_FORWARDING = (
    "add",
    "subtract",
    "multiply",
    "divide",
    "floor_divide",
    "mod",
    "fmod",
    "power",
    "maximum",
    "minimum",
    "fmax",
    "fmin",
    "heaviside",
    "hypot",
    "arctan2",
    "logaddexp",
    "logaddexp2",
    "ldexp",
    "nextafter",
    "gcd",
    "lcm",
    "negative",
    "sign",
    "absolute",
    "square",
    "reciprocal",
    "ceil",
    "floor",
    "trunc",
    "round",
    "bitwise_not",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
)
