"""Reduction kernels for numpy-like modules; axes arrive as tuples or `None`.

Tensors arrive already in the dtype the op computes in (the ops own the dtype rules),
so every kernel keeps its input's dtype, save the index kernels (`argmax`, `argmin`,
`count_nonzero`), which return the library's own integer dtype for the op to cast.
The NaN-aware kernels are only called on float tensors.
"""

from __future__ import annotations

import math
from typing import Any

from keras.ops._typing import Tensor

Axes = tuple[int, ...] | None


def _kept_shape(shape: tuple[int, ...], axes: Axes) -> tuple[int, ...]:
    """Return `shape` with the reduced axes as 1s (the `keepdims=True` shape)."""
    return tuple(1 if axes is None or i in axes else d for i, d in enumerate(shape))


def _reduced_size(shape: tuple[int, ...], axes: Axes) -> int:
    return math.prod(d for i, d in enumerate(shape) if axes is None or i in axes)


class Reductions:
    """Reductions over `axes` (a tuple of non-negative ints, or `None` for all)."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    # --- helpers a backend may override ------------------------------------------------

    def _fill(self, x: Tensor, mask: Tensor, value: float) -> Tensor:
        """Return `x` with `value` where `mask` holds."""
        return self.xnp.where(mask, self.xnp.asarray(value, dtype=x.dtype), x)

    def _index(self, x: Tensor) -> Tensor:
        """Return a float tensor of whole numbers as int64 gather indices."""
        return x.astype("int64")

    def _permute(self, x: Tensor, order: tuple[int, ...]) -> Tensor:
        return self.xnp.transpose(x, order)

    def _sort_last(self, x: Tensor) -> Tensor:
        return self.xnp.sort(x, axis=-1)

    def _take_last(self, x: Tensor, indices: Tensor) -> Tensor:
        return self.xnp.take_along_axis(x, indices, axis=-1)

    def _max(self, x: Tensor, axes: Axes, keepdims: bool) -> Tensor:
        return self.xnp.max(x, axis=axes, keepdims=keepdims)

    def _min(self, x: Tensor, axes: Axes, keepdims: bool) -> Tensor:
        return self.xnp.min(x, axis=axes, keepdims=keepdims)

    # --- sums and products ---------------------------------------------------------------

    def sum(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        # An explicit dtype stops numpy, jax and torch from widening small ints.
        return self.xnp.sum(x, axis=axes, keepdims=keepdims, dtype=x.dtype)

    def prod(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self.xnp.prod(x, axis=axes, keepdims=keepdims, dtype=x.dtype)

    def cumsum(self, x: Tensor, axis: int | None, /) -> Tensor:
        """Return running sums along `axis`; `None` runs over the flattened `x`."""
        if axis is None:
            x, axis = self.xnp.reshape(x, (-1,)), 0
        return self.xnp.cumsum(x, axis=axis, dtype=x.dtype)

    def cumprod(self, x: Tensor, axis: int | None, /) -> Tensor:
        if axis is None:
            x, axis = self.xnp.reshape(x, (-1,)), 0
        return self.xnp.cumprod(x, axis=axis, dtype=x.dtype)

    def nansum(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self.sum(self._fill(x, self.xnp.isnan(x), 0), axes, keepdims)

    def nanprod(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self.prod(self._fill(x, self.xnp.isnan(x), 1), axes, keepdims)

    def nancumsum(self, x: Tensor, axis: int | None, /) -> Tensor:
        return self.cumsum(self._fill(x, self.xnp.isnan(x), 0), axis)

    def nancumprod(self, x: Tensor, axis: int | None, /) -> Tensor:
        return self.cumprod(self._fill(x, self.xnp.isnan(x), 1), axis)

    # --- moments -------------------------------------------------------------------------

    def mean(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self.xnp.mean(x, axis=axes, keepdims=keepdims)

    def var(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        """Return the population variance (divided by the count, not count - 1)."""
        return self.xnp.var(x, axis=axes, keepdims=keepdims)

    def std(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self.xnp.std(x, axis=axes, keepdims=keepdims)

    def average(self, x: Tensor, axis: int | None, weights: Tensor | None, /) -> Tensor:
        """Return the weighted mean; 1-D `weights` run along `axis`, others match `x`."""
        xnp = self.xnp
        if weights is None:
            return self.mean(x, None if axis is None else (axis,), False)
        if weights.ndim != x.ndim and axis is not None:
            weights = xnp.reshape(weights, tuple(-1 if i == axis else 1 for i in range(x.ndim)))
        axes = None if axis is None else (axis,)
        total = self.sum(x * weights, axes, False)
        return total / self.sum(xnp.broadcast_to(weights, tuple(x.shape)), axes, False)

    def _nan_count(self, x: Tensor, axes: Axes, keepdims: bool) -> Tensor:
        return self.xnp.sum(~self.xnp.isnan(x), axis=axes, keepdims=keepdims, dtype=x.dtype)

    def nanmean(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self.nansum(x, axes, keepdims) / self._nan_count(x, axes, keepdims)

    def nanvar(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        deviation = x - self.nanmean(x, axes, True)
        squares = self.nansum(deviation * deviation, axes, keepdims)
        return squares / self._nan_count(x, axes, keepdims)

    def nanstd(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self.xnp.sqrt(self.nanvar(x, axes, keepdims))

    # --- extrema -------------------------------------------------------------------------

    def max(self, x: Tensor, axes: Axes, keepdims: bool, initial: Tensor | None, /) -> Tensor:
        """Return the maxima; `initial` (a 0-d tensor of `x`'s dtype) joins every reduction."""
        return self._extremum(x, axes, keepdims, initial, self._max, self.xnp.maximum)

    def min(self, x: Tensor, axes: Axes, keepdims: bool, initial: Tensor | None, /) -> Tensor:
        return self._extremum(x, axes, keepdims, initial, self._min, self.xnp.minimum)

    def _extremum(
        self, x: Tensor, axes: Axes, keepdims: bool, initial: Tensor | None, reduce: Any, combine: Any
    ) -> Tensor:
        if initial is None:
            return reduce(x, axes, keepdims)
        shape = tuple(int(d) for d in x.shape)
        if _reduced_size(shape, axes) == 0:
            out = _kept_shape(shape, axes)
            if not keepdims:
                out = tuple(d for i, d in enumerate(out) if axes is not None and i not in axes)
            return self.xnp.broadcast_to(initial, out)
        return combine(reduce(x, axes, keepdims), initial)

    def ptp(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self._max(x, axes, keepdims) - self._min(x, axes, keepdims)

    def nanmax(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self._nan_extremum(x, axes, keepdims, -math.inf, self._max)

    def nanmin(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self._nan_extremum(x, axes, keepdims, math.inf, self._min)

    def _nan_extremum(self, x: Tensor, axes: Axes, keepdims: bool, neutral: float, reduce: Any) -> Tensor:
        nan = self.xnp.isnan(x)
        result = reduce(self._fill(x, nan, neutral), axes, keepdims)
        return self._fill(result, self.xnp.all(nan, axis=axes, keepdims=keepdims), math.nan)

    def all(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self.xnp.all(x, axis=axes, keepdims=keepdims)

    def any(self, x: Tensor, axes: Axes, keepdims: bool, /) -> Tensor:
        return self.xnp.any(x, axis=axes, keepdims=keepdims)

    # --- positions and counts ------------------------------------------------------------

    def argmax(self, x: Tensor, axis: int | None, keepdims: bool, /) -> Tensor:
        return self._keep(self.xnp.argmax(x, axis=axis), x, axis, keepdims)

    def argmin(self, x: Tensor, axis: int | None, keepdims: bool, /) -> Tensor:
        return self._keep(self.xnp.argmin(x, axis=axis), x, axis, keepdims)

    def _keep(self, result: Tensor, x: Tensor, axis: int | None, keepdims: bool) -> Tensor:
        if not keepdims:
            return result
        axes = None if axis is None else (axis,)
        return self.xnp.reshape(result, _kept_shape(tuple(int(d) for d in x.shape), axes))

    def nanargmax(self, x: Tensor, axis: int | None, keepdims: bool, /) -> Tensor:
        """Return the positions of the maxima ignoring NaNs; -1 where all are NaN."""
        nan = self.xnp.isnan(x)
        positions = self.argmax(self._fill(x, nan, -math.inf), axis, keepdims)
        return self._fill(positions, self.xnp.all(nan, axis=axis, keepdims=keepdims), -1)

    def nanargmin(self, x: Tensor, axis: int | None, keepdims: bool, /) -> Tensor:
        nan = self.xnp.isnan(x)
        positions = self.argmin(self._fill(x, nan, math.inf), axis, keepdims)
        return self._fill(positions, self.xnp.all(nan, axis=axis, keepdims=keepdims), -1)

    def count_nonzero(self, x: Tensor, axes: Axes, /) -> Tensor:
        return self.xnp.count_nonzero(x, axis=axes)

    # --- order statistics ----------------------------------------------------------------

    def quantile(
        self, x: Tensor, q: Tensor, axes: Axes, method: str, keepdims: bool, ignore_nan: bool, /
    ) -> Tensor:
        """Return the `q` quantiles (0-d or 1-D, in [0, 1]) of float `x` over `axes`.

        The reduced axes are moved last and flattened, each row is sorted with NaNs as
        +inf, and the quantile is read at position `q * (count - 1)`, where `count` is the
        row length (or its number of non-NaNs when `ignore_nan`). A row with a NaN gives NaN
        (with `ignore_nan`: a row of NaNs only). 1-D `q` adds a leading axis to the result.
        """
        xnp = self.xnp
        shape = tuple(int(d) for d in x.shape)
        reduced = tuple(range(len(shape))) if axes is None else axes
        kept = tuple(a for a in range(len(shape)) if a not in reduced)
        rows_shape = (*(shape[a] for a in kept), _reduced_size(shape, axes))
        rows = xnp.reshape(self._permute(x, kept + reduced), rows_shape)
        nan = xnp.isnan(rows)
        rows = self._sort_last(self._fill(rows, nan, math.inf))
        valid = ~nan if ignore_nan else xnp.ones_like(nan)
        count = xnp.sum(valid, axis=-1, keepdims=True, dtype=rows.dtype)
        missing = count == 0 if ignore_nan else xnp.any(nan, axis=-1, keepdims=True)
        count = self._fill(count, count == 0, 1)
        position = (count - 1) * xnp.reshape(q, (-1,))
        lower, upper = xnp.floor(position), xnp.ceil(position)
        if method == "nearest":
            # The nearest entry, the lower one on ties (as jax.numpy; numpy picks the even one).
            result = self._take_last(rows, self._index(xnp.ceil(position - 0.5)))
        else:
            low = self._take_last(rows, self._index(lower))
            high = self._take_last(rows, self._index(upper))
            if method == "lower":
                result = low
            elif method == "higher":
                result = high
            elif method == "midpoint":
                result = (low + high) / 2
            else:
                result = low + (high - low) * (position - lower)
        result = self._fill(result, xnp.broadcast_to(missing, tuple(result.shape)), math.nan)
        result = xnp.moveaxis(result, -1, 0) if q.ndim else xnp.reshape(result, tuple(shape[a] for a in kept))
        if keepdims:
            return xnp.reshape(result, tuple(q.shape) + _kept_shape(shape, axes))
        return result
