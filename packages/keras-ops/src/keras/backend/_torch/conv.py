"""Convolution-like kernels for torch: `torch.nn.functional`'s channels-first kernels.

Tensors arrive channels-last and are permuted (views, no copies) to torch's layout and
back. torch's kernels take only float tensors (and some 16-bit or 3-D cases are missing
on CPU): other dtypes use the generic kernels. Paddings are applied with `F.pad`, which
also crops when given negative widths.
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn.functional as F  # noqa: N812 - torch's own spelling

from keras.backend._kernels.conv import Conv, Ints, Pads, Windows
from keras.ops._typing import Tensor

_CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
_CONV_TRANSPOSE = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}
_MAX_POOL = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
_AVG_POOL = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}
_ADAPTIVE_MAX = {1: F.adaptive_max_pool1d, 2: F.adaptive_max_pool2d, 3: F.adaptive_max_pool3d}
_ADAPTIVE_AVG = {1: F.adaptive_avg_pool1d, 2: F.adaptive_avg_pool2d, 3: F.adaptive_avg_pool3d}
_HALF = (torch.float16, torch.bfloat16)


def _first(x: Tensor) -> Tensor:
    return x.permute(0, x.ndim - 1, *range(1, x.ndim - 1))


def _last(x: Tensor) -> Tensor:
    return x.permute(0, *range(2, x.ndim), 1)


def _widths(pads: Pads) -> list[int]:
    """`F.pad`'s widths: last axis first, `(before, after)` each."""
    return [w for before, after in reversed(pads) for w in (before, after)]


class TorchConv(Conv):
    def _pad(self, x: Tensor, widths: Pads, value: float) -> Tensor:
        if not any(before or after for before, after in widths):
            return x
        return F.pad(x, _widths(widths), value=value)

    def _permute(self, x: Tensor, order: Ints) -> Tensor:
        return x.permute(*order)

    def _flip(self, x: Tensor, axes: Ints) -> Tensor:
        return torch.flip(x, axes)

    def _max(self, x: Tensor, axis: int) -> Tensor:
        return torch.amax(x, dim=axis, keepdim=True)

    def _mean(self, x: Tensor, axis: int) -> Tensor:
        return torch.mean(x, dim=axis, keepdim=True)

    def conv(
        self, x: Tensor, kernel: Tensor, strides: Ints, padding: Pads, dilation: Ints, groups: int, /
    ) -> Tensor:
        if not x.is_floating_point():
            return super().conv(x, kernel, strides, padding, dilation, groups)
        ndim = len(strides)
        weight = kernel.permute(ndim + 1, ndim, *range(ndim))
        inputs = self._pad(_first(x), ((0, 0), (0, 0), *padding), 0)
        return _last(_CONV[ndim](inputs, weight, None, strides, 0, dilation, groups))

    def conv_transpose(
        self, x: Tensor, kernel: Tensor, strides: Ints, padding: Pads, dilation: Ints, /
    ) -> Tensor:
        if not x.is_floating_point():
            return super().conv_transpose(x, kernel, strides, padding, dilation)
        ndim = len(strides)
        weight = kernel.permute(ndim + 1, ndim, *range(ndim))
        full = _CONV_TRANSPOSE[ndim](_first(x), weight, None, strides, 0, 0, 1, dilation)
        # `full` is the convolution padded by the dilated window minus one on both sides.
        extents = [(k - 1) * d for k, d in zip(kernel.shape[:ndim], dilation, strict=True)]
        trim = tuple((before - e, after - e) for (before, after), e in zip(padding, extents, strict=True))
        return _last(self._pad(full, ((0, 0), (0, 0), *trim), 0))

    def max_pool(self, x: Tensor, pool_size: Ints, strides: Ints, padding: Pads, lowest: float, /) -> Tensor:
        ndim = len(pool_size)
        if not x.is_floating_point():
            return super().max_pool(x, pool_size, strides, padding, lowest)
        inputs = self._pad(_first(x), ((0, 0), (0, 0), *padding), lowest)
        return _last(_MAX_POOL[ndim](inputs, pool_size, strides))

    def average_pool(self, x: Tensor, pool_size: Ints, strides: Ints, padding: Pads, /) -> Tensor:
        ndim = len(pool_size)
        if ndim == 3 and x.dtype in _HALF:
            return super().average_pool(x, pool_size, strides, padding)
        pool = _AVG_POOL[ndim]
        widths = ((0, 0), (0, 0), *padding)
        mean = pool(self._pad(_first(x), widths, 0), pool_size, strides)
        if any(before or after for before, after in padding):
            # Mean over the window / fraction of the window that is input: excludes padding.
            ones = torch.ones((1, 1, *x.shape[1:-1]), dtype=x.dtype, device=x.device)
            mean = mean / pool(self._pad(ones, widths, 0), pool_size, strides)
        return _last(mean)

    def adaptive_max_pool(self, x: Tensor, windows: Windows, /) -> Tensor:
        if not x.is_floating_point():
            return super().adaptive_max_pool(x, windows)
        return _last(_ADAPTIVE_MAX[len(windows)](_first(x), tuple(len(w) for w in windows)))

    def adaptive_average_pool(self, x: Tensor, windows: Windows, /) -> Tensor:
        sizes: Any = tuple(len(w) for w in windows)  # torch types the 1-D size as an int only
        return _last(_ADAPTIVE_AVG[len(windows)](_first(x), sizes))

    def unfold(self, x: Tensor, kernel_size: Ints, dilation: Ints, padding: Pads, stride: Ints, /) -> Tensor:
        if not x.is_floating_point() or any(before != after for before, after in padding):
            return super().unfold(x, kernel_size, dilation, padding, stride)
        return F.unfold(x, kernel_size, dilation, tuple(before for before, _ in padding), stride)

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
        if not x.is_floating_point() or any(before != after for before, after in padding):
            return super().fold(x, output_size, kernel_size, dilation, padding, stride, blocks)
        return F.fold(x, output_size, kernel_size, dilation, tuple(before for before, _ in padding), stride)


KERNELS = TorchConv(torch)
