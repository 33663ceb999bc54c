"""Sorting kernels for the tensorflow backend: `tf.argsort`, no `argpartition`."""

from __future__ import annotations

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.sorting import Sorting
from keras.ops._typing import Tensor


class TensorflowSorting(Sorting):
    def sort(self, x: Tensor, axis: int, /) -> Tensor:
        if not x.dtype.is_floating:
            return tnp.sort(x, axis=axis)
        return tnp.take_along_axis(x, self.argsort(x, axis), axis)

    def argsort(self, x: Tensor, axis: int, /) -> Tensor:
        if not x.dtype.is_floating:
            return tf.argsort(x, axis=axis, stable=True)
        # tf.sort misplaces NaNs: sort with NaN as +inf, then move NaNs after the infinities.
        nan = tf.math.is_nan(x)
        order = tf.argsort(tf.where(nan, tf.constant(float("inf"), x.dtype), x), axis=axis, stable=True)
        nan_last = tf.argsort(tnp.take_along_axis(tf.cast(nan, tf.int8), order, axis), axis=axis, stable=True)
        return tnp.take_along_axis(order, nan_last, axis)

    def argpartition(self, x: Tensor, kth: int, axis: int, /) -> Tensor:
        # A full stable sort is a valid partition for every `kth`.
        return self.argsort(x, axis)

    def _flatnonzero(self, mask: Tensor) -> Tensor:
        return tf.reshape(tf.where(mask), (-1,))


KERNELS = TensorflowSorting(tnp)
