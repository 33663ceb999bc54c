"""Sorting kernels (sorts, partitions, unique) for numpy-like modules.

Tensors arrive converted (bool already viewed as uint8 where a library cannot sort
it), axes as non-negative ints. Index outputs come back in the library's own integer
dtype; the ops cast them to Keras's int32.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from keras.ops._typing import Tensor


class UniqueResult(NamedTuple):
    """Every output of `unique`; the op keeps the ones the caller asked for."""

    values: Tensor
    index: Tensor
    inverse: Tensor
    counts: Tensor


class Sorting:
    """Sorting kernels written once against the numpy API (`self.xnp`)."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    def flatten(self, x: Tensor, /) -> Tensor:
        return self.xnp.reshape(x, (-1,))

    def sort(self, x: Tensor, axis: int, /) -> Tensor:
        return self.xnp.sort(x, axis=axis)

    def argsort(self, x: Tensor, axis: int, /) -> Tensor:
        """Return the indices of a *stable* ascending sort, so ties keep their order."""
        return self.xnp.argsort(x, axis=axis, stable=True)

    def argpartition(self, x: Tensor, kth: int, axis: int, /) -> Tensor:
        return self.xnp.argpartition(x, kth, axis=axis)

    # --- unique ----------------------------------------------------------------------------

    def _take0(self, x: Tensor, indices: Tensor) -> Tensor:
        return self.xnp.take(x, indices, axis=0)

    def _flatnonzero(self, mask: Tensor) -> Tensor:
        return self.xnp.flatnonzero(mask)

    def unique(self, x: Tensor, axis: int | None, size: int | None, fill_value: Any, /) -> UniqueResult:
        """Return the sorted unique values (or slices along `axis`) and their bookkeeping.

        Rows are sorted lexicographically by stable argsorts from the last column to
        the first, so the first row of each run is the first occurrence in `x`.
        """
        xnp = self.xnp
        moved = x if axis is None else xnp.moveaxis(x, axis, 0)
        count = int(moved.shape[0]) if axis is not None else _size(x.shape)
        rows = xnp.reshape(moved, (count, -1))
        order = self.argsort(rows[:, -1], 0) if rows.shape[1] else xnp.arange(count)
        for column in range(rows.shape[1] - 2, -1, -1):
            order = self._take0(order, self.argsort(self._take0(rows[:, column], order), 0))
        ordered = self._take0(rows, order)
        if count:
            changed = xnp.any(xnp.not_equal(ordered[1:], ordered[:-1]), 1)
            first = xnp.concatenate([xnp.ones((1,), dtype=changed.dtype), changed])
        else:
            first = xnp.ones((0,), dtype=rows.dtype) > 0
        starts = self._flatnonzero(first)
        ends = xnp.concatenate([starts[1:], starts[:1] * 0 + count])
        group = xnp.cumsum(xnp.where(first, 1, 0), 0) - 1
        inverse = self._take0(group, self.argsort(order, 0))
        index = self._take0(order, starts)
        values = self._take0(moved if axis is not None else rows[:, 0], index)
        counts = ends - starts
        if size is not None:
            values, index, counts = self._resize(values, index, counts, size, fill_value)
        if axis is None:
            inverse = xnp.reshape(inverse, tuple(x.shape))
        else:
            values = xnp.moveaxis(values, 0, axis)
        return UniqueResult(values, index, inverse, counts)

    def _resize(
        self, values: Tensor, index: Tensor, counts: Tensor, size: int, fill_value: Any
    ) -> tuple[Tensor, Tensor, Tensor]:
        """Truncate to `size` rows, or pad: values with `fill_value`, index with its first entry."""
        xnp = self.xnp
        pad = size - int(values.shape[0])
        if pad <= 0:
            return values[:size], index[:size], counts[:size]
        fill = xnp.full((pad, *values.shape[1:]), fill_value, dtype=values.dtype)
        index_fill = index[:1] if index.shape[0] else xnp.zeros((1,), dtype=index.dtype)
        return (
            xnp.concatenate([values, fill]),
            xnp.concatenate([index, xnp.broadcast_to(index_fill, (pad,))]),
            xnp.concatenate([counts, xnp.zeros((pad,), dtype=counts.dtype)]),
        )


def _size(shape: Any) -> int:
    total = 1
    for d in shape:
        total *= int(d)
    return total
