"""Convolution, pooling, attention and fold/unfold kernels, written once against the numpy API.

Every kernel receives canonical arguments worked out by the op layer: spatial tensors in
channels-last layout `(batch, *spatial, channels)` (fold/unfold: channels-first, as their
ops are defined), per-axis tuples for window sizes, strides and dilations, and explicit
`(before, after)` paddings. Kernels do no shape arithmetic and hold no dtype policy.

The generic versions here gather one strided slice per window offset (im2col without a
Python loop over pixels) and contract with `einsum`; they run on every backend and are the
numpy backend's implementation. jax, torch and tensorflow override them with native calls
where their library has one for the dtype at hand, and fall back to these otherwise.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Iterator
from typing import Any

from keras.ops._typing import Tensor

Ints = tuple[int, ...]
Pads = tuple[tuple[int, int], ...]
Windows = tuple[tuple[tuple[int, int], ...], ...]


class Conv:
    """Convolution-like kernels for a numpy-like module `self.xnp`."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    # --- helpers a backend may override ----------------------------------------------

    def _pad(self, x: Tensor, widths: Pads, value: float) -> Tensor:
        """Pad every axis of `x` by `widths` with the constant `value`."""
        if not any(before or after for before, after in widths):
            return x
        return self.xnp.pad(x, widths, constant_values=value)

    def _permute(self, x: Tensor, order: Ints) -> Tensor:
        return self.xnp.transpose(x, order)

    def _flip(self, x: Tensor, axes: Ints) -> Tensor:
        return self.xnp.flip(x, axes)

    def _const(self, value: float, like: Tensor) -> Tensor:
        return self.xnp.asarray(value, dtype=like.dtype)

    def _ones(self, shape: Ints, like: Tensor) -> Tensor:
        return self.xnp.ones(shape, dtype=like.dtype)

    def _max(self, x: Tensor, axis: int) -> Tensor:
        return self.xnp.max(x, axis=axis, keepdims=True)

    def _mean(self, x: Tensor, axis: int) -> Tensor:
        return self.xnp.mean(x, axis=axis, keepdims=True)

    def _einsum(self, subscripts: str, *operands: Tensor) -> Tensor:
        return self.xnp.einsum(subscripts, *operands)

    # --- shared building blocks --------------------------------------------------------

    @staticmethod
    def _windows(x: Tensor, first_axis: int, window: Ints, strides: Ints, dilation: Ints) -> Iterator[Tensor]:
        """Yield, per window offset, the strided slice of the spatial axes it sees.

        The spatial axes start at `first_axis`; `x` is already padded. Each slice has the
        output's spatial shape.
        """
        sizes = x.shape[first_axis : first_axis + len(window)]
        lead = (slice(None),) * first_axis
        for offset in itertools.product(*(range(k) for k in window)):
            spatial = (
                slice(o * d, int(n) - (k - 1 - o) * d, s)
                for o, k, d, s, n in zip(offset, window, dilation, strides, sizes, strict=True)
            )
            yield x[(*lead, *spatial)]

    def _spatial_pad(self, x: Tensor, first_axis: int, padding: Pads, value: float) -> Tensor:
        widths = ((0, 0),) * first_axis + padding + ((0, 0),) * (x.ndim - first_axis - len(padding))
        return self._pad(x, widths, value)

    def _dilate(self, x: Tensor, first_axis: int, strides: Ints) -> Tensor:
        """Insert `stride - 1` zeros between neighbours along each spatial axis."""
        xnp = self.xnp
        for index, stride in enumerate(strides):
            if stride == 1:
                continue
            axis = first_axis + index
            shape = tuple(x.shape)
            zeros = xnp.zeros_like(x)
            stacked = xnp.stack([x] + [zeros] * (stride - 1), axis=axis + 1)
            merged = xnp.reshape(stacked, (*shape[:axis], int(shape[axis]) * stride, *shape[axis + 1 :]))
            keep = (int(shape[axis]) - 1) * stride + 1
            x = merged[(slice(None),) * axis + (slice(0, keep),)]
        return x

    def _contract(self, patches: Tensor, kernel: Tensor, groups: int) -> Tensor:
        """Contract `(batch, *out, P, C)` patches with a `(*window, C // groups, O)` kernel."""
        xnp = self.xnp
        shape = tuple(patches.shape)
        positions, channels = int(shape[-2]), int(shape[-1])
        filters = int(kernel.shape[-1])
        per_group = channels // groups
        flat = xnp.reshape(patches, (-1, positions, groups, per_group))
        weights = xnp.reshape(kernel, (positions, per_group, groups, filters // groups))
        out = self._einsum("bpgc,pcgo->bgo", flat, weights)
        return xnp.reshape(out, (-1, *(int(d) for d in shape[1:-2]), filters))

    # --- convolution -------------------------------------------------------------------

    def conv(
        self, x: Tensor, kernel: Tensor, strides: Ints, padding: Pads, dilation: Ints, groups: int, /
    ) -> Tensor:
        """N-D convolution of channels-last `x` with a `(*window, C // groups, O)` kernel."""
        window = tuple(int(k) for k in kernel.shape[:-2])
        x = self._spatial_pad(x, 1, padding, 0)
        patches = self.xnp.stack(list(self._windows(x, 1, window, strides, dilation)), axis=-2)
        return self._contract(patches, kernel, groups)

    def conv_transpose(
        self, x: Tensor, kernel: Tensor, strides: Ints, padding: Pads, dilation: Ints, /
    ) -> Tensor:
        """Transposed convolution: the input dilated by `strides`, then convolved.

        `kernel` is `(*window, O, C)` with `C` the input channels; `padding` is that of the
        equivalent convolution of the dilated input with the flipped kernel.
        """
        ndim = len(strides)
        flipped = self._permute(self._flip(kernel, tuple(range(ndim))), (*range(ndim), ndim + 1, ndim))
        return self.conv(self._dilate(x, 1, strides), flipped, (1,) * ndim, padding, dilation, 1)

    # --- pooling -----------------------------------------------------------------------

    def max_pool(self, x: Tensor, pool_size: Ints, strides: Ints, padding: Pads, lowest: float, /) -> Tensor:
        """Window maxima of channels-last `x`; padded positions hold `lowest`."""
        x = self._spatial_pad(x, 1, padding, lowest)
        ones = (1,) * len(pool_size)
        return functools.reduce(self.xnp.maximum, self._windows(x, 1, pool_size, strides, ones))

    def average_pool(self, x: Tensor, pool_size: Ints, strides: Ints, padding: Pads, /) -> Tensor:
        """Window means of channels-last float `x`, counting only unpadded positions."""
        ones = (1,) * len(pool_size)
        total = functools.reduce(
            operator.add, self._windows(self._spatial_pad(x, 1, padding, 0), 1, pool_size, strides, ones)
        )
        if not any(before or after for before, after in padding):
            return total / self._const(functools.reduce(operator.mul, pool_size), total)
        mask = self._spatial_pad(self._ones((1, *(int(d) for d in x.shape[1:-1]), 1), x), 1, padding, 0)
        counts = functools.reduce(operator.add, self._windows(mask, 1, pool_size, strides, ones))
        return total / counts

    def adaptive_max_pool(self, x: Tensor, windows: Windows, /) -> Tensor:
        """Maxima of channels-last `x` over the `(start, stop)` windows of each spatial axis."""
        return self._adaptive(x, windows, self._max)

    def adaptive_average_pool(self, x: Tensor, windows: Windows, /) -> Tensor:
        """Means of channels-last float `x` over the `(start, stop)` windows of each spatial axis."""
        return self._adaptive(x, windows, self._mean)

    def _adaptive(self, x: Tensor, windows: Windows, reduce: Any) -> Tensor:
        # A box's max (mean) is the max (mean) along one axis of those along the others.
        for index, bounds in enumerate(windows):
            axis = 1 + index
            lead = (slice(None),) * axis
            x = self.xnp.concatenate(
                [reduce(x[(*lead, slice(start, stop))], axis) for start, stop in bounds], axis
            )
        return x

    # --- fold / unfold (channels-first, 2-D) -------------------------------------------

    def unfold(self, x: Tensor, kernel_size: Ints, dilation: Ints, padding: Pads, stride: Ints, /) -> Tensor:
        """`(N, C, H, W)` to `(N, C * kh * kw, L)`: each column one flattened patch."""
        xnp = self.xnp
        n, c = (int(d) for d in x.shape[:2])
        x = self._spatial_pad(x, 2, padding, 0)
        patches = xnp.stack(list(self._windows(x, 2, kernel_size, stride, dilation)), axis=2)
        return xnp.reshape(patches, (n, c * functools.reduce(operator.mul, kernel_size), -1))

    def fold(
        self,
        x: Tensor,
        output_size: Ints,
        kernel_size: Ints,
        dilation: Ints,
        padding: Pads,
        stride: Ints,
        blocks: Ints,
        /,
    ) -> Tensor:
        """Sum the `(N, C * kh * kw, L)` patches back into an `(N, C, *output_size)` image.

        `blocks` is the number of patches along each spatial axis (`L` is their product).
        """
        xnp = self.xnp
        n = int(x.shape[0])
        positions = functools.reduce(operator.mul, kernel_size)
        channels = int(x.shape[1]) // positions
        x = xnp.reshape(x, (n, channels, positions, *blocks))
        full = tuple(
            size + before + after for size, (before, after) in zip(output_size, padding, strict=True)
        )
        total = None
        for index, offset in enumerate(itertools.product(*(range(k) for k in kernel_size))):
            part = self._dilate(x[:, :, index], 2, stride)
            widths = (
                (0, 0),
                (0, 0),
                *(
                    (o * d, size - o * d - int(extent))
                    for o, d, size, extent in zip(offset, dilation, full, part.shape[2:], strict=True)
                ),
            )
            placed = self._pad(part, widths, 0)
            total = placed if total is None else total + placed
        assert total is not None
        crop = tuple(slice(before, size - after) for size, (before, after) in zip(full, padding, strict=True))
        return total[(slice(None), slice(None), *crop)]

    # --- attention ---------------------------------------------------------------------

    def dot_product_attention(
        self,
        query: Tensor,
        key: Tensor,
        value: Tensor,
        bias: Tensor | None,
        mask: Tensor | None,
        scale: float,
        soft_cap: float | None,
        masked_logit: float,
        /,
    ) -> Tensor:
        """Attention of `(B, T, N, H)` queries over `(B, S, K, H)` keys, `N` a multiple of `K`.

        All of `query`, `key`, `value` and `bias` share the computation dtype; `bias` and
        the boolean `mask` are rank 4, broadcastable to `(B, N, T, S)`; masked logits become
        `masked_logit`.
        """
        xnp = self.xnp
        batch, target, heads, depth = (int(d) for d in query.shape)
        source, kv_heads = int(key.shape[1]), int(key.shape[2])
        groups = heads // kv_heads
        grouped = xnp.reshape(query, (batch, target, kv_heads, groups, depth))
        logits = self._einsum("btkgh,bskh->bkgts", grouped, key)
        logits = xnp.reshape(logits, (batch, heads, target, source)) * self._const(scale, logits)
        if bias is not None:
            logits = logits + bias
        if soft_cap is not None:
            cap = self._const(soft_cap, logits)
            logits = xnp.tanh(logits / cap) * cap
        if mask is not None:
            logits = xnp.where(mask, logits, self._const(masked_logit, logits))
        logits = logits - self._max(logits, -1)
        weights = xnp.exp(logits)
        probs = weights / xnp.sum(weights, axis=-1, keepdims=True)
        probs = xnp.reshape(probs, (batch, kv_heads, groups, target, source))
        out = self._einsum("bkgts,bskh->btkgh", probs, value)
        return xnp.reshape(out, (batch, target, heads, int(value.shape[-1])))
