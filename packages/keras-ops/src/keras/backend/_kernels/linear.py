"""Linear-algebra-like kernels (products, contractions, traces) for numpy-like modules.

Operands arrive converted and promoted to one dtype; axes arrive non-negative.
"""

from __future__ import annotations

from typing import Any

from keras.backend._kernels._forwarding import bind_forwarding
from keras.ops._typing import Tensor


class Linear:
    """Products and contractions of tensors already promoted to one dtype."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp
        bind_forwarding(self, Linear, _FORWARDING)

    def matmul(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.matmul(x1, x2)

    def dot(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.dot(x1, x2)

    def vdot(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.vdot(x1, x2)

    def inner(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.inner(x1, x2)

    def outer(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.outer(x1, x2)

    def tensordot(self, x1: Tensor, x2: Tensor, axes: tuple[tuple[int, ...], tuple[int, ...]], /) -> Tensor:
        return self.xnp.tensordot(x1, x2, axes)

    def einsum(self, subscripts: str, *operands: Tensor) -> Tensor:
        return self.xnp.einsum(subscripts, *operands)

    def kron(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.kron(x1, x2)

    def cross(self, x1: Tensor, x2: Tensor, axisa: int, axisb: int, axisc: int, /) -> Tensor:
        """Cross product of 2- or 3-vectors along `axisa`/`axisb`, results along `axisc`.

        Two 2-vectors give the scalar z component, with no vector axis.
        """
        xnp = self.xnp
        a = xnp.moveaxis(x1, axisa, -1)
        b = xnp.moveaxis(x2, axisb, -1)
        a0, a1 = a[..., 0], a[..., 1]
        b0, b1 = b[..., 0], b[..., 1]
        z = a0 * b1 - a1 * b0
        if a.shape[-1] == 2 and b.shape[-1] == 2:
            return z
        if a.shape[-1] == 2:
            b2 = b[..., 2]
            x, y = a1 * b2, -(a0 * b2)
        elif b.shape[-1] == 2:
            a2 = a[..., 2]
            x, y = -(a2 * b1), a2 * b0
        else:
            a2, b2 = a[..., 2], b[..., 2]
            x, y = a1 * b2 - a2 * b1, a2 * b0 - a0 * b2
        return xnp.moveaxis(xnp.stack([x, y, z], -1), -1, axisc)

    def trace(self, x: Tensor, offset: int, axis1: int, axis2: int, /) -> Tensor:
        """Sum along a diagonal, accumulating in `x`'s own dtype."""
        return self.xnp.trace(x, offset, axis1, axis2, dtype=x.dtype)

    def correlate(self, x1: Tensor, x2: Tensor, mode: str, /) -> Tensor:
        return self.xnp.correlate(x1, x2, mode)

    def slogdet(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        sign, logabsdet = self.xnp.linalg.slogdet(x)
        return sign, logabsdet

    def trapezoid(self, y: Tensor, x: Tensor | None, dx: Tensor, axis: int, /) -> Tensor:
        """Trapezoidal rule along `axis`; sample points `x`, or the spacing `dx`."""
        xnp = self.xnp
        y = xnp.moveaxis(y, axis, -1)
        if x is None:
            spacing = dx
        elif x.ndim == 1:
            spacing = x[1:] - x[:-1]
        else:
            x = xnp.moveaxis(x, axis, -1)
            spacing = x[..., 1:] - x[..., :-1]
        half = xnp.asarray(0.5, dtype=y.dtype)  # a Python 0.5 would widen numpy's bfloat16
        return xnp.sum(spacing * (y[..., 1:] + y[..., :-1]) * half, -1)


def slice_correlation(full: Tensor, n: int, m: int, mode: str) -> Tensor:
    """Slice numpy's `valid` or `same` correlation of lengths `n`, `m` out of the `full` one.

    For backends with no `correlate`: `full` holds all `n + m - 1` lags, the most
    negative first.
    """
    if mode == "full":
        return full
    if mode == "same":
        start = (m - 1) // 2 if n >= m else n // 2
        return full[start : start + max(n, m)]
    start = min(n, m) - 1
    return full[start : start + abs(n - m) + 1]


# The kernels above that only forward to `xnp` (see `bind_forwarding`).
_FORWARDING = (
    "matmul",
    "dot",
    "vdot",
    "inner",
    "outer",
    "tensordot",
    "kron",
    "correlate",
)
