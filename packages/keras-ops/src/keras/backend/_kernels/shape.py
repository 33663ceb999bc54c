"""Shape kernels (reshape, transpose, join, split, flip, roll, tile, repeat, pad, view).

Tensors arrive converted and promoted; axes arrive canonical (non-negative ints, or
tuples of them), shapes as tuples of ints, pad widths as `((before, after), ...)` pairs
with one pair per axis. The ops derive every other shape op (`moveaxis`, `squeeze`,
`hstack`, `rot90`, `meshgrid`...) from these few kernels.

`pad` for the modes no library shares is written once here, on top of `take`, so a
backend whose library lacks `numpy.pad` overrides `pad` with `pad_by_parts`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from keras.ops._typing import Tensor

PadWidth = tuple[tuple[int, int], ...]

# Modes that only gather existing entries: their indices come from padding an `arange`.
_GATHER_MODES = ("edge", "reflect", "symmetric", "wrap")
_STAT_MODES = ("maximum", "minimum", "mean", "median")


class ShapeKernels:
    """Shape kernels written once against the numpy API (`self.xnp`)."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    # --- layout ------------------------------------------------------------------------------

    def reshape(self, x: Tensor, shape: tuple[int, ...], /) -> Tensor:
        return self.xnp.reshape(x, shape)

    def transpose(self, x: Tensor, axes: tuple[int, ...], /) -> Tensor:
        return self.xnp.transpose(x, axes)

    def broadcast_to(self, x: Tensor, shape: tuple[int, ...], /) -> Tensor:
        return self.xnp.broadcast_to(x, shape)

    def flip(self, x: Tensor, axes: tuple[int, ...], /) -> Tensor:
        return self.xnp.flip(x, axes)

    def roll(self, x: Tensor, shifts: tuple[int, ...], axes: tuple[int, ...], /) -> Tensor:
        return self.xnp.roll(x, shifts, axes)

    # --- joining and splitting -----------------------------------------------------------------

    def concatenate(self, xs: list[Tensor], axis: int, /) -> Tensor:
        return self.xnp.concatenate(xs, axis)

    def stack(self, xs: list[Tensor], axis: int, /) -> Tensor:
        return self.xnp.stack(xs, axis)

    def split(self, x: Tensor, bounds: tuple[tuple[int, int], ...], axis: int, /) -> list[Tensor]:
        """Return the slices `x[start:stop]` along `axis`, one per `(start, stop)` pair."""
        head = (slice(None),) * axis
        return [x[(*head, slice(start, stop))] for start, stop in bounds]

    def take(self, x: Tensor, indices: np.ndarray[Any, Any], axis: int, /) -> Tensor:
        """Gather the entries at `indices` (a 1-D numpy int array) along `axis`."""
        return self.xnp.take(x, self._from_numpy(indices, x), axis=axis)

    # --- repetition ----------------------------------------------------------------------------

    def tile(self, x: Tensor, repeats: tuple[int, ...], /) -> Tensor:
        return self.xnp.tile(x, repeats)

    def repeat(self, x: Tensor, repeats: int | tuple[int, ...], axis: int, /) -> Tensor:
        """Repeat each entry along `axis`: `repeats` times, or `repeats[i]` times for entry `i`."""
        counts = repeats if isinstance(repeats, int) else self.xnp.asarray(repeats)
        return self.xnp.repeat(x, counts, axis)

    # --- padding -------------------------------------------------------------------------------

    def pad(self, x: Tensor, pad_width: PadWidth, mode: str, constant: Tensor | None, /) -> Tensor:
        """Pad `x` like `numpy.pad`; `constant` (a 0-d tensor of `x`'s dtype) is for `"constant"`."""
        if mode == "constant":
            return self.xnp.pad(x, pad_width, mode="constant", constant_values=constant)
        return self.xnp.pad(x, pad_width, mode=mode)

    def pad_by_parts(self, x: Tensor, pad_width: PadWidth, mode: str, constant: Tensor | None, /) -> Tensor:
        """Pad `x` one axis at a time from `take`, reductions and `concatenate` (no `numpy.pad`)."""
        for axis, (before, after) in enumerate(pad_width):
            if before == 0 and after == 0:
                continue
            if mode in _GATHER_MODES:
                # The entries each output position copies are those `numpy.pad` puts in an arange.
                indices = np.pad(np.arange(int(x.shape[axis])), (before, after), mode=mode)  # type: ignore[call-overload]
                x = self.take(x, indices, axis)
                continue
            if mode in _STAT_MODES:
                edge = self._axis_stat(x, mode, axis)
                left, right = edge, edge
            elif mode == "linear_ramp":
                left, right = self._linear_ramp(x, axis, before, after)
            else:  # "constant", "empty"
                left = right = self.xnp.reshape(constant, (1,) * len(x.shape))
            parts = [self._fill(left, x, axis, before), x, self._fill(right, x, axis, after)]
            x = self.concatenate([p for p in parts if p is not None], axis)
        return x

    def _fill(self, value: Tensor, x: Tensor, axis: int, width: int) -> Tensor | None:
        """Broadcast `value` (size 1 or `width` along `axis`) to `x`'s shape with `width` there."""
        if width == 0:
            return None
        shape = tuple(width if i == axis else int(d) for i, d in enumerate(x.shape))
        return self.broadcast_to(value, shape)

    def _axis_stat(self, x: Tensor, mode: str, axis: int) -> Tensor:
        """Return the maximum, minimum, mean or median of `x` along `axis` (kept), in `x`'s dtype."""
        xnp = self.xnp
        if mode == "maximum":
            return xnp.amax(x, axis=axis, keepdims=True)
        if mode == "minimum":
            return xnp.amin(x, axis=axis, keepdims=True)
        floating = self._astype(x, xnp.float64) if not _is_float(x) else x
        if mode == "mean":
            stat = xnp.mean(floating, axis=axis, keepdims=True)
        else:
            ordered = self._sort(floating, axis)
            length = int(x.shape[axis])
            middle = self.take(ordered, np.array([(length - 1) // 2, length // 2]), axis)
            stat = xnp.mean(middle, axis=axis, keepdims=True)
        if not _is_float(x):
            stat = xnp.round(stat)
        return self._astype(stat, x.dtype)

    def _from_numpy(self, values: np.ndarray[Any, Any], like: Tensor) -> Tensor:
        """Return a host array as a tensor beside `like` (on its device)."""
        return self.xnp.asarray(values)

    def _astype(self, x: Tensor, dtype: Any) -> Tensor:
        return self.xnp.asarray(x, dtype=dtype)

    def _sort(self, x: Tensor, axis: int) -> Tensor:
        return self.xnp.sort(x, axis=axis)

    def _linear_ramp(self, x: Tensor, axis: int, before: int, after: int) -> tuple[Tensor, Tensor]:
        """Return the ramps from 0 up to the first entry and from the last entry down to 0."""
        xnp = self.xnp
        length = int(x.shape[axis])
        edges = self.take(x, np.array([0, length - 1]), axis)
        floating = self._astype(edges, xnp.float64)
        shape = tuple(-1 if i == axis else 1 for i in range(len(x.shape)))
        ramps = []
        for index, width, reverse in ((0, before, False), (1, after, True)):
            # numpy's own arithmetic: step i of `width` is `i * (edge / width)`.
            steps = np.arange(max(width, 1), dtype="float64")
            steps = steps[::-1].copy() if reverse else steps
            edge = self.take(floating, np.array([index]), axis)
            ramp = xnp.reshape(self._from_numpy(steps, x), shape) * (edge / max(width, 1))
            ramps.append(self._astype(ramp if _is_float(x) else xnp.floor(ramp), x.dtype))
        return ramps[0], ramps[1]

    # --- bits ----------------------------------------------------------------------------------

    def view(self, x: Tensor, dtype: Any, /) -> Tensor:
        """Reinterpret `x`'s bytes as `dtype` (a native dtype); the last axis absorbs size changes."""
        return x.view(dtype)


def _is_float(x: Tensor) -> bool:
    kind = getattr(x.dtype, "is_floating_point", None)
    if kind is not None:  # torch
        return bool(kind)
    tf_float = getattr(x.dtype, "is_floating", None)
    if tf_float is not None:  # tensorflow
        return bool(tf_float)
    return bool(np.issubdtype(np.dtype(x.dtype), np.inexact))
