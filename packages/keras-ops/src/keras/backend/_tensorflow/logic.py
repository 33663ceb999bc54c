"""Logic kernels for the tensorflow backend: `isclose` at infinity, predicates on integers, `signbit` of -0.0."""

from __future__ import annotations

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.logic import Logic
from keras.ops._typing import Tensor

_SAME_WIDTH_INTS = {tf.float16: tf.int16, tf.bfloat16: tf.int16, tf.float32: tf.int32, tf.float64: tf.int64}


class TensorflowLogic(Logic):
    def isclose(self, x1: Tensor, x2: Tensor, rtol: float, atol: float, equal_nan: bool, /) -> Tensor:
        # tnp.isclose calls `inf` close to `-inf`: compare infinities exactly instead.
        if not x1.dtype.is_floating:
            x1, x2 = tf.cast(x1, tf.float64), tf.cast(x2, tf.float64)
        tolerance = tf.cast(atol, x1.dtype) + tf.cast(rtol, x1.dtype) * tf.abs(x2)
        finite = tf.math.is_finite(x1) & tf.math.is_finite(x2)
        close = tf.where(finite, tf.abs(x1 - x2) <= tolerance, tf.equal(x1, x2))
        if equal_nan:
            close |= tf.math.is_nan(x1) & tf.math.is_nan(x2)
        return close

    def isinf(self, x: Tensor, /) -> Tensor:
        return tf.math.is_inf(x) if x.dtype.is_floating else tf.zeros(tf.shape(x), tf.bool)

    def isreal(self, x: Tensor, /) -> Tensor:
        return tnp.isreal(x) if x.dtype.is_complex else tf.ones(tf.shape(x), tf.bool)

    def signbit(self, x: Tensor, /) -> Tensor:
        # tnp.signbit misses -0.0: read the sign bit itself.
        if x.dtype.is_floating:
            return tf.bitcast(x, _SAME_WIDTH_INTS[x.dtype]) < 0
        if x.dtype.is_unsigned or x.dtype == tf.bool:
            return tf.zeros(tf.shape(x), tf.bool)
        return x < 0


KERNELS = TensorflowLogic(tnp)
