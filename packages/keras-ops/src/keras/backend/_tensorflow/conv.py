"""Convolution-like kernels for tensorflow: `tf.nn.convolution` and `tf.nn.pool`.

TensorFlow's CPU kernels cover float convolutions (but not strides and dilations above 1
together, nor grouped 3-D ones) and pooling for some dtypes and ranks only; other cases use the generic
kernels. Integer contractions run in a wider integer where tf has no kernel.
"""

from __future__ import annotations

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.conv import Conv, Ints, Pads
from keras.backend._tensorflow.linear import in_wider_int
from keras.ops._typing import Tensor

_FLOATS = (tf.float16, tf.bfloat16, tf.float32, tf.float64)
# dtypes whose pooling kernels exist for every rank; the others stop at 2-D.
_POOL_3D = (tf.float32, tf.bfloat16)


def _native_pool(x: Tensor, ndim: int, average: bool) -> bool:
    if ndim == 3:
        return x.dtype in _POOL_3D
    return x.dtype in _FLOATS or (not average and x.dtype.is_integer)


class TensorflowConv(Conv):
    def _pad(self, x: Tensor, widths: Pads, value: float) -> Tensor:
        if not any(before or after for before, after in widths):
            return x
        return tf.pad(x, widths, constant_values=tf.cast(value, x.dtype))

    def _flip(self, x: Tensor, axes: Ints) -> Tensor:
        return tf.reverse(x, axes)

    def _einsum(self, subscripts: str, *operands: Tensor) -> Tensor:
        return in_wider_int(lambda *xs: tnp.einsum(subscripts, *xs), *operands)

    def conv(
        self, x: Tensor, kernel: Tensor, strides: Ints, padding: Pads, dilation: Ints, groups: int, /
    ) -> Tensor:
        native = x.dtype in _FLOATS and (groups == 1 or len(strides) < 3)  # no grouped 3-D kernel
        if not native or (max(strides) > 1 and max(dilation) > 1):
            return super().conv(x, kernel, strides, padding, dilation, groups)
        inputs = self._spatial_pad(x, 1, padding, 0)
        return tf.nn.convolution(inputs, kernel, strides, "VALID", dilations=dilation)

    def max_pool(self, x: Tensor, pool_size: Ints, strides: Ints, padding: Pads, lowest: float, /) -> Tensor:
        if not _native_pool(x, len(pool_size), average=False):
            return super().max_pool(x, pool_size, strides, padding, lowest)
        inputs = self._spatial_pad(x, 1, padding, lowest)
        return tf.nn.max_pool(inputs, pool_size, strides, "VALID")

    def average_pool(self, x: Tensor, pool_size: Ints, strides: Ints, padding: Pads, /) -> Tensor:
        if not _native_pool(x, len(pool_size), average=True):
            return super().average_pool(x, pool_size, strides, padding)
        mean = tf.nn.avg_pool(self._spatial_pad(x, 1, padding, 0), pool_size, strides, "VALID")
        if any(before or after for before, after in padding):
            # Mean over the window / fraction of the window that is input: excludes padding.
            ones = self._spatial_pad(tf.ones((1, *x.shape[1:-1], 1), x.dtype), 1, padding, 0)
            mean = mean / tf.nn.avg_pool(ones, pool_size, strides, "VALID")
        return mean


KERNELS = TensorflowConv(tnp)
