"""Shape kernels for tensorflow: `tf.reverse` for several axes, `tf.pad`, `tf.bitcast`."""

from __future__ import annotations

from typing import Any

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.shape import PadWidth, ShapeKernels
from keras.ops._typing import Tensor


class TensorflowShapeKernels(ShapeKernels):
    def flip(self, x: Tensor, axes: tuple[int, ...], /) -> Tensor:
        return tf.reverse(x, axes)

    def pad(self, x: Tensor, pad_width: PadWidth, mode: str, constant: Tensor | None, /) -> Tensor:
        if mode == "constant" and constant is not None:
            return tf.pad(x, pad_width, constant_values=constant)
        return self.pad_by_parts(x, pad_width, mode, constant)

    def view(self, x: Tensor, dtype: Any, /) -> Tensor:
        """Bitcast, folding the last axis in or out when the item sizes differ (bool as uint8)."""
        source = tf.cast(x, tf.uint8) if x.dtype == tf.bool else x
        target = tf.uint8 if dtype == tf.bool else dtype
        old, new = source.dtype.size, target.size
        shape = list(x.shape)
        if old < new:
            source = tf.reshape(source, [*shape[:-1], shape[-1] * old // new, new // old])
        result = tf.bitcast(source, target)
        if old > new:
            result = tf.reshape(result, [*shape[:-1], shape[-1] * old // new])
        return tf.not_equal(result, 0) if dtype == tf.bool else result


KERNELS = TensorflowShapeKernels(tnp)
