"""Indexing kernels (gathers, masks, searches, bin counts) for numpy-like modules.

Tensors arrive converted and promoted, index tensors as int32 or int64, axes as
non-negative ints or `None`. Kernels return native tensors; the ops cast index
outputs to Keras's dtypes.
"""

from __future__ import annotations

from typing import Any

from keras.ops._typing import Shape, Tensor


class Indexing:
    """Indexing kernels written once against the numpy API (`self.xnp`)."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    # --- helpers a backend overrides where its library differs -----------------------------

    def _wrap_negative(self, indices: Tensor, size: int) -> Tensor:
        """Return `indices` with negative entries counted from the end of a `size`-long axis."""
        return self.xnp.where(indices < 0, indices + size, indices)

    def _reverse(self, x: Tensor) -> Tensor:
        return self.xnp.flip(x, 0)

    def flatten(self, x: Tensor, /) -> Tensor:
        return self.xnp.reshape(x, (-1,))

    # --- gathers ---------------------------------------------------------------------------

    def take(self, x: Tensor, indices: Tensor, axis: int | None, /) -> Tensor:
        if axis is None:
            x = self.flatten(x)
            axis = 0
        return self._take(x, self._wrap_negative(indices, x.shape[axis]), axis)

    def _take(self, x: Tensor, indices: Tensor, axis: int) -> Tensor:
        return self.xnp.take(x, indices, axis=axis)

    def take_along_axis(
        self,
        x: Tensor,
        indices: Tensor,
        axis: int,
        x_shape: Shape,
        indices_shape: Shape,
        /,
    ) -> Tensor:
        """Gather along `axis`; `x_shape`/`indices_shape` are the broadcast targets."""
        if tuple(x.shape) != x_shape:
            x = self.xnp.broadcast_to(x, x_shape)
        if tuple(indices.shape) != indices_shape:
            indices = self.xnp.broadcast_to(indices, indices_shape)
        return self._take_along_axis(x, self._wrap_negative(indices, x.shape[axis]), axis)

    def _take_along_axis(self, x: Tensor, indices: Tensor, axis: int) -> Tensor:
        return self.xnp.take_along_axis(x, indices, axis=axis)

    def get_item(self, x: Tensor, key: tuple[Any, ...], /) -> Tensor:
        return x[key]

    # --- selection -------------------------------------------------------------------------

    def where(self, condition: Tensor, x1: Tensor, x2: Tensor, /) -> Tensor:
        return self.xnp.where(condition, x1, x2)

    def select(self, condlist: list[Tensor], choicelist: list[Tensor], default: Tensor, /) -> Tensor:
        result = default
        for condition, choice in zip(reversed(condlist), reversed(choicelist), strict=True):
            result = self.xnp.where(condition, choice, result)
        return result

    def nonzero(self, x: Tensor, /) -> tuple[Tensor, ...]:
        return tuple(self.xnp.nonzero(x))

    def unravel_index(self, indices: Tensor, shape: tuple[int, ...], /) -> tuple[Tensor, ...]:
        size = 1
        for d in shape:
            size *= d
        remaining = self._wrap_negative(indices, size)
        coordinates = []
        for d in reversed(shape):
            coordinates.append(remaining % d)
            remaining = remaining // d
        return tuple(reversed(coordinates))

    def isin(self, x1: Tensor, x2: Tensor, assume_unique: bool, invert: bool, /) -> Tensor:
        return self.xnp.isin(x1, x2, assume_unique=assume_unique, invert=invert)

    def diff(self, a: Tensor, n: int, axis: int, /) -> Tensor:
        return self.xnp.diff(a, n=n, axis=axis)

    # --- searches and counts ---------------------------------------------------------------

    def searchsorted(self, sorted_sequence: Tensor, values: Tensor, side: str, /) -> Tensor:
        return self.xnp.searchsorted(sorted_sequence, values, side=side)

    def digitize(self, x: Tensor, bins: Tensor, /) -> Tensor:
        # numpy's rule: increasing bins use `searchsorted(bins, x, "right")`; decreasing
        # bins count from the end of the reversed bins.
        increasing = self.searchsorted(bins, x, "right")
        if bins.shape[0] < 2:
            return increasing
        decreasing = bins.shape[0] - self.searchsorted(self._reverse(bins), x, "right")
        return self.xnp.where(bins[-1] >= bins[0], increasing, decreasing)

    def bincount(self, x: Tensor, weights: Tensor | None, minlength: int, /) -> Tensor:
        """Count `x` (1-D, or 2-D counted per row); returns counts of any numeric dtype."""
        if len(x.shape) == 1:
            return self._bincount(x, weights, minlength)
        length = max(minlength, int(self.xnp.max(x)) + 1 if x.shape[1] else 0)
        rows = [
            self._bincount(x[i], None if weights is None else weights[i], length) for i in range(x.shape[0])
        ]
        return self.xnp.stack(rows)

    def _bincount(self, x: Tensor, weights: Tensor | None, minlength: int) -> Tensor:
        return self.xnp.bincount(x, weights=weights, minlength=minlength)

    def to_sparse(self, x: Tensor, /) -> Tensor:
        """Return a dense tensor as the backend's sparse tensor."""
        raise NotImplementedError

    def histogram(
        self, x: Tensor, bins: int, value_range: tuple[float, float] | None, /
    ) -> tuple[Tensor, Tensor]:
        """Return (counts as a bool-sum of any int dtype, edges in `x`'s dtype)."""
        xnp = self.xnp
        if value_range is None:
            low = xnp.min(x)
            high = xnp.max(x)
            same = low == high
            low = xnp.where(same, low - 0.5, low)
            high = xnp.where(same, high + 0.5, high)
        else:
            low, high = value_range
            if low == high:
                low, high = low - 0.5, high + 0.5
        fractions = self._arange_like(bins + 1, x) / bins
        # The last edge is `high` exactly, as numpy's `linspace` makes it.
        edges = xnp.where(fractions == 1, high, low + (high - low) * fractions)
        index = self.searchsorted(edges, x, "right") - 1
        index = xnp.where(x == edges[-1], bins - 1, index)
        inside = xnp.logical_and(x >= edges[0], x <= edges[-1])
        hits = xnp.logical_and(index[:, None] == self._arange_like(bins, index)[None, :], inside[:, None])
        return self._count_true(hits), edges

    def _arange_like(self, n: int, like: Tensor) -> Tensor:
        return self.xnp.arange(n, dtype=like.dtype)

    def _count_true(self, hits: Tensor) -> Tensor:
        return self.xnp.sum(hits, axis=0)
