"""Math kernels for the tensorflow backend.

tnp computes bfloat16 through float64 (and returns float64), its `angle` of a real input
returns float32 and maps NaN to 0, `real` and `conjugate` refuse bool, and tnp has no
`i0` or `nan_to_num`.
"""

from __future__ import annotations

from collections.abc import Callable

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.math import Math
from keras.ops._typing import Tensor


class TensorflowMath(Math):
    def _float(self, function: Callable[[Tensor], Tensor], x: Tensor, /) -> Tensor:
        if x.dtype != tf.bfloat16:
            return function(x)
        return tf.cast(function(tf.cast(x, tf.float32)), tf.bfloat16)

    def i0(self, x: Tensor, /) -> Tensor:
        return self._float(tf.math.special.bessel_i0, x)

    def angle(self, x: Tensor, /) -> Tensor:
        if x.dtype.is_complex:
            return tf.math.angle(x)
        return self._float(lambda v: tf.math.atan2(tf.zeros_like(v), v), x)

    def conjugate(self, x: Tensor, /) -> Tensor:
        return tf.math.conj(x) if x.dtype.is_complex else x

    def real(self, x: Tensor, /) -> Tensor:
        return tf.math.real(x) if x.dtype.is_complex else x

    def imag(self, x: Tensor, /) -> Tensor:
        return tf.math.imag(x) if x.dtype.is_complex else tf.zeros_like(x)

    def nan_to_num(self, x: Tensor, nan: float, posinf: float | None, neginf: float | None, /) -> Tensor:
        if x.dtype.is_complex:
            parts = (
                self.nan_to_num(part, nan, posinf, neginf) for part in (tf.math.real(x), tf.math.imag(x))
            )
            return tf.complex(*parts)
        if not x.dtype.is_floating:
            return x
        high = x.dtype.max if posinf is None else posinf
        low = x.dtype.min if neginf is None else neginf
        x = tf.where(tf.math.is_nan(x), tf.cast(nan, x.dtype), x)
        x = tf.where(x == float("inf"), tf.cast(high, x.dtype), x)
        return tf.where(x == float("-inf"), tf.cast(low, x.dtype), x)


KERNELS = TensorflowMath(tnp)
