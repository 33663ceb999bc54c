"""Creation kernels: filled tensors, ranges, diagonals and windows, for numpy-like modules.

`dtype` arguments arrive as the backend's native dtype objects (`K.core.native_dtype`);
the op has already chosen them. Shapes arrive as tuples of ints.
"""

from __future__ import annotations

from typing import Any

from keras.ops._typing import Tensor


class Creation:
    """Creation kernels; tensors arrive converted, dtypes chosen by the op."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    # --- filled tensors -------------------------------------------------------------------

    def arange(self, start: float, stop: float, step: float, dtype: Any, /) -> Tensor:
        return self.xnp.arange(start, stop, step, dtype=dtype)

    def zeros(self, shape: tuple[int, ...], dtype: Any, /) -> Tensor:
        return self.xnp.zeros(shape, dtype=dtype)

    def ones(self, shape: tuple[int, ...], dtype: Any, /) -> Tensor:
        return self.xnp.ones(shape, dtype=dtype)

    def empty(self, shape: tuple[int, ...], dtype: Any, /) -> Tensor:
        return self.xnp.empty(shape, dtype=dtype)

    def full(self, shape: tuple[int, ...], fill_value: Tensor, /) -> Tensor:
        """Return a new tensor of `shape`, `fill_value` (of the output dtype) broadcast into it."""
        return self.xnp.full(shape, fill_value)

    # --- diagonals and triangles ----------------------------------------------------------

    def eye(self, n: int, m: int, k: int, dtype: Any, /) -> Tensor:
        return self.xnp.eye(n, m, k, dtype=dtype)

    def tri(self, n: int, m: int, k: int, dtype: Any, /) -> Tensor:
        return self.xnp.tri(n, m, k, dtype=dtype)

    def tril(self, x: Tensor, k: int, /) -> Tensor:
        return self.xnp.tril(x, k)

    def triu(self, x: Tensor, k: int, /) -> Tensor:
        return self.xnp.triu(x, k)

    def diag(self, x: Tensor, k: int, /) -> Tensor:
        return self.xnp.diag(x, k)

    def diagflat(self, x: Tensor, k: int, /) -> Tensor:
        return self.xnp.diagflat(x, k)

    def diagonal(self, x: Tensor, offset: int, axis1: int, axis2: int, /) -> Tensor:
        return self.xnp.diagonal(x, offset, axis1, axis2)

    # --- spaced samples -------------------------------------------------------------------

    def linspace(
        self, start: Tensor, stop: Tensor, num: int, endpoint: bool, axis: int, integral: bool = False, /
    ) -> tuple[Tensor, Tensor]:
        """Return `num` samples from `start` to `stop` on a new `axis`, and the step.

        `start` and `stop` arrive as float tensors of one dtype, broadcastable together.
        With `integral`, samples are rounded down (for an integer output dtype).
        """
        xnp = self.xnp
        divisions = num - 1 if endpoint else num
        delta = stop - start
        start = xnp.broadcast_to(start, delta.shape)
        stop = xnp.broadcast_to(stop, delta.shape)
        positions = xnp.arange(num, dtype=start.dtype).reshape((num,) + (1,) * start.ndim)
        if divisions > 0:
            step = delta / divisions
            samples = start[None] + positions * step[None]
        else:  # at most one sample, `start`; the step is undefined
            step = delta * float("nan")
            samples = start[None] + positions
        if endpoint and num > 1:
            samples = xnp.concatenate([samples[:-1], stop[None]], 0)
        if integral:
            samples = xnp.floor(samples)
        if axis != 0:
            samples = xnp.moveaxis(samples, 0, axis)
        return samples, step

    def logspace(
        self, start: Tensor, stop: Tensor, num: int, endpoint: bool, base: Tensor, axis: int, /
    ) -> Tensor:
        exponents, _ = self.linspace(start, stop, num, endpoint, axis)
        return base**exponents

    def geomspace(self, start: Tensor, stop: Tensor, num: int, endpoint: bool, axis: int, /) -> Tensor:
        """Samples evenly spaced on a log scale; the sign of `start` carries over."""
        xnp = self.xnp
        sign = xnp.sign(start)
        low, high = xnp.abs(start), xnp.abs(stop)
        exponents, _ = self.linspace(xnp.log(low), xnp.log(high), num, endpoint, 0)
        samples = xnp.exp(exponents)
        if num > 0:
            # The ends are exact, as numpy's are, rather than exp(log(.)) round trips.
            pieces = [low[None]]
            if num > 1:
                pieces += [samples[1:-1], high[None]] if endpoint else [samples[1:]]
            samples = xnp.concatenate(pieces, 0)
        samples = sign[None] * samples
        if axis != 0:
            samples = xnp.moveaxis(samples, 0, axis)
        return samples

    def vander(self, x: Tensor, n: int, increasing: bool, /) -> Tensor:
        powers = self.xnp.arange(n, dtype=x.dtype)
        if not increasing:
            powers = (n - 1) - powers
        return x[:, None] ** powers[None, :]

    # --- windows (length `m`, computed in `dtype`) ----------------------------------------

    def _window_positions(self, m: int, dtype: Any) -> Tensor:
        """Return `2 * pi * n / (m - 1)` for `n` in `[0, m)`."""
        positions = self.xnp.arange(m, dtype=dtype)
        return positions * (2.0 * 3.141592653589793 / (m - 1))

    def bartlett(self, m: int, dtype: Any, /) -> Tensor:
        if m <= 1:
            return self.xnp.ones((m,), dtype=dtype)
        positions = self.xnp.arange(m, dtype=dtype)
        return 1.0 - self.xnp.abs(positions * (2.0 / (m - 1)) - 1.0)

    def blackman(self, m: int, dtype: Any, /) -> Tensor:
        if m <= 1:
            return self.xnp.ones((m,), dtype=dtype)
        angles = self._window_positions(m, dtype)
        return 0.42 - 0.5 * self.xnp.cos(angles) + 0.08 * self.xnp.cos(2.0 * angles)

    def hamming(self, m: int, dtype: Any, /) -> Tensor:
        if m <= 1:
            return self.xnp.ones((m,), dtype=dtype)
        return 0.54 - 0.46 * self.xnp.cos(self._window_positions(m, dtype))

    def hanning(self, m: int, dtype: Any, /) -> Tensor:
        if m <= 1:
            return self.xnp.ones((m,), dtype=dtype)
        return 0.5 - 0.5 * self.xnp.cos(self._window_positions(m, dtype))

    def kaiser(self, m: int, beta: Tensor, /) -> Tensor:
        """Kaiser window; `beta` is a scalar tensor of the output dtype."""
        if m <= 1:
            return self.xnp.ones((m,), dtype=beta.dtype)
        positions = self.xnp.arange(m, dtype=beta.dtype)
        ratio = positions * (2.0 / (m - 1)) - 1.0
        argument = beta * self.xnp.sqrt(self.xnp.abs(1.0 - ratio * ratio))
        return self.i0(argument) / self.i0(beta)

    def i0(self, x: Tensor, /) -> Tensor:
        """The modified Bessel function of the first kind, order 0."""
        return self.xnp.i0(x)
