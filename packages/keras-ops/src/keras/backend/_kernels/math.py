"""Unary math kernels (trigonometric, hyperbolic, exponential, logarithmic, complex parts).

Inputs arrive converted to the op's dtype: the float kernels always get a float or complex
tensor. Every float-to-float kernel goes through `_float`, the one hook a backend overrides
when its library computes some dtype badly (tnp widens bfloat16 to float64, numpy's `sinc`
and `i0` leave bfloat16 behind).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from keras.ops._typing import Tensor

_DEGREES_PER_RADIAN = 180.0 / math.pi
_RADIANS_PER_DEGREE = math.pi / 180.0


class Math:
    """Unary math kernels written once against the numpy API (`self.xnp`)."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    def _float(self, function: Callable[[Tensor], Tensor], x: Tensor, /) -> Tensor:
        """Apply a float-to-float `function`; the result keeps `x`'s dtype."""
        return function(x)

    # --- trigonometric ----------------------------------------------------------------

    def sin(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.sin, x)

    def cos(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.cos, x)

    def tan(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.tan, x)

    def arcsin(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.arcsin, x)

    def arccos(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.arccos, x)

    def arctan(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.arctan, x)

    def deg2rad(self, x: Tensor, /) -> Tensor:
        # A product with a Python float keeps x's dtype everywhere, complex included.
        return self._float(lambda v: v * _RADIANS_PER_DEGREE, x)

    def rad2deg(self, x: Tensor, /) -> Tensor:
        return self._float(lambda v: v * _DEGREES_PER_RADIAN, x)

    def sinc(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.sinc, x)

    # --- hyperbolic -------------------------------------------------------------------

    def sinh(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.sinh, x)

    def cosh(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.cosh, x)

    def tanh(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.tanh, x)

    def arcsinh(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.arcsinh, x)

    def arccosh(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.arccosh, x)

    def arctanh(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.arctanh, x)

    # --- exponential and logarithmic --------------------------------------------------

    def exp(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.exp, x)

    def exp2(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.exp2, x)

    def expm1(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.expm1, x)

    def log(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.log, x)

    def log10(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.log10, x)

    def log1p(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.log1p, x)

    def log2(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.log2, x)

    def sqrt(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.sqrt, x)

    def cbrt(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.cbrt, x)

    def i0(self, x: Tensor, /) -> Tensor:
        return self._float(self.xnp.i0, x)

    # --- complex parts and copies (any dtype) -----------------------------------------

    def angle(self, x: Tensor, /) -> Tensor:
        return self.xnp.angle(x)

    def conjugate(self, x: Tensor, /) -> Tensor:
        return self.xnp.conjugate(x)

    def real(self, x: Tensor, /) -> Tensor:
        return self.xnp.real(x)

    def imag(self, x: Tensor, /) -> Tensor:
        return self.xnp.imag(x)

    def nan_to_num(self, x: Tensor, nan: float, posinf: float | None, neginf: float | None, /) -> Tensor:
        return self.xnp.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf)

    def copy(self, x: Tensor, /) -> Tensor:
        return self.xnp.copy(x)
