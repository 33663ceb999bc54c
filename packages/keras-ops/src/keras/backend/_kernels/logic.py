"""Comparison and predicate kernels for numpy-like modules; outputs are boolean tensors.

Comparisons receive operands promoted to one dtype, logical ops receive booleans.
"""

from __future__ import annotations

from typing import Any

from keras.backend._kernels._forwarding import bind_forwarding
from keras.ops._typing import Tensor


class Logic:
    """Comparison and predicate kernels written once against the numpy API (`self.xnp`)."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp
        bind_forwarding(self, Logic, _FORWARDING)

    # --- comparisons ------------------------------------------------------------------

    def equal(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.equal(x1, x2)

    def not_equal(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.not_equal(x1, x2)

    def greater(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.greater(x1, x2)

    def greater_equal(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.greater_equal(x1, x2)

    def less(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.less(x1, x2)

    def less_equal(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.less_equal(x1, x2)

    def isclose(self, x1: Tensor, x2: Tensor, rtol: float, atol: float, equal_nan: bool, /) -> Tensor:
        return self.xnp.isclose(x1, x2, rtol=rtol, atol=atol, equal_nan=equal_nan)

    def allclose(self, x1: Tensor, x2: Tensor, rtol: float, atol: float, equal_nan: bool, /) -> Tensor:
        return self.xnp.all(self.isclose(x1, x2, rtol, atol, equal_nan))

    # --- logical ----------------------------------------------------------------------

    def logical_and(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.logical_and(x1, x2)

    def logical_or(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.logical_or(x1, x2)

    def logical_xor(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.logical_xor(x1, x2)

    def logical_not(self, x: Tensor, /) -> Tensor:
        return self.xnp.logical_not(x)

    # --- predicates -------------------------------------------------------------------

    def isfinite(self, x: Tensor, /) -> Tensor:
        return self.xnp.isfinite(x)

    def isinf(self, x: Tensor, /) -> Tensor:
        return self.xnp.isinf(x)

    def isnan(self, x: Tensor, /) -> Tensor:
        return self.xnp.isnan(x)

    def isneginf(self, x: Tensor, /) -> Tensor:
        return self.xnp.logical_and(self.isinf(x), self.signbit(x))

    def isposinf(self, x: Tensor, /) -> Tensor:
        return self.xnp.logical_and(self.isinf(x), self.xnp.logical_not(self.signbit(x)))

    def isreal(self, x: Tensor, /) -> Tensor:
        return self.xnp.isreal(x)

    def signbit(self, x: Tensor, /) -> Tensor:
        return self.xnp.signbit(x)


# The kernels above that only forward to `xnp` (see `bind_forwarding`).
_FORWARDING = (
    "equal",
    "not_equal",
    "greater",
    "greater_equal",
    "less",
    "less_equal",
    "logical_and",
    "logical_or",
    "logical_xor",
    "logical_not",
    "isfinite",
    "isinf",
    "isnan",
    "isreal",
    "signbit",
)
