"""Elementwise kernels for the tensorflow backend.

tnp lacks `trunc`, `fmod`, `fmax`, `fmin`, `ldexp` and the shifts; several TF kernels
refuse unsigned or 16-bit float inputs, and tnp sends bfloat16 through float64. Each
override below keeps the input dtype and computes natively or through a wider dtype.
"""

from __future__ import annotations

from collections.abc import Callable

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.elementwise import Elementwise
from keras.ops._typing import Tensor


def _via_float32(function: Callable[..., Tensor], *xs: Tensor) -> Tensor:
    """Run `function` in float32 for bfloat16 inputs (which tnp would widen to float64)."""
    if xs[0].dtype != tf.bfloat16:
        return function(*xs)
    return tf.cast(function(*(tf.cast(x, tf.float32) for x in xs)), tf.bfloat16)


def _via_signed(function: Callable[..., Tensor], *xs: Tensor) -> Tensor:
    """Run `function` in int64 for unsigned inputs (TF has no unsigned kernel for it)."""
    if not xs[0].dtype.is_unsigned:
        return function(*xs)
    return tf.cast(function(*(tf.cast(x, tf.int64) for x in xs)), xs[0].dtype)


class TensorflowElementwise(Elementwise):
    # The operands arrive promoted to one dtype, so tnp's own promotion (Python code on
    # every call) has nothing to do: call tf.math directly, with tnp's bool meaning.
    def add(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return tf.math.logical_or(x1, x2) if x1.dtype == tf.bool else tf.math.add(x1, x2)

    def subtract(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return tf.math.subtract(x1, x2)

    def multiply(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return tf.math.logical_and(x1, x2) if x1.dtype == tf.bool else tf.math.multiply(x1, x2)

    def fmod(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        # truncatemod has kernels for 32 and 64 bits only; the remainder is exact there.
        if x1.dtype in (tf.int32, tf.int64, tf.float32, tf.float64):
            return tf.truncatemod(x1, x2)
        wide = tf.float32 if x1.dtype.is_floating else tf.int64
        return tf.cast(tf.truncatemod(tf.cast(x1, wide), tf.cast(x2, wide)), x1.dtype)

    def power(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return _via_signed(tnp.power, x1, x2)

    def fmax(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        if not x1.dtype.is_floating:
            return tnp.maximum(x1, x2)
        x1, x2 = tnp.broadcast_arrays(x1, x2)
        return tf.where(tf.math.is_nan(x1), x2, tf.where(tf.math.is_nan(x2), x1, tf.maximum(x1, x2)))

    def fmin(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        if not x1.dtype.is_floating:
            return tnp.minimum(x1, x2)
        x1, x2 = tnp.broadcast_arrays(x1, x2)
        return tf.where(tf.math.is_nan(x1), x2, tf.where(tf.math.is_nan(x2), x1, tf.minimum(x1, x2)))

    def heaviside(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        # tnp.heaviside gives x2 at NaN; numpy keeps the NaN.
        return tf.where(tf.math.is_nan(x1), x1, _via_float32(tnp.heaviside, x1, x2))

    def hypot(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return _via_float32(tnp.hypot, x1, x2)

    def logaddexp(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return _via_float32(tnp.logaddexp, x1, x2)

    def logaddexp2(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return _via_float32(tnp.logaddexp2, x1, x2)

    def ldexp(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        # Powers of two are exact in float64, so only the final cast rounds.
        scale = tf.pow(tf.constant(2.0, tf.float64), tf.cast(x2, tf.float64))
        return tf.cast(tf.cast(x1, tf.float64) * scale, x1.dtype)

    def nextafter(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        if x1.dtype in (tf.float32, tf.float64):
            return tf.math.nextafter(x1, x2)
        # 16-bit floats: step the bit pattern by one unit in the last place.
        x1, x2 = tnp.broadcast_arrays(x1, x2)
        bits = tf.bitcast(x1, tf.int16)
        step = tf.where(tf.equal(x2 > x1, x1 > 0), tf.ones_like(bits), -tf.ones_like(bits))
        tiny = tf.bitcast(tf.constant(1, tf.int16), x1.dtype)
        moved = tf.where(tf.equal(x1, 0), tf.where(x2 > x1, tiny, -tiny), tf.bitcast(bits + step, x1.dtype))
        result = tf.where(tf.equal(x1, x2), x2, moved)
        return tf.where(tf.math.is_nan(x1) | tf.math.is_nan(x2), x1 + x2, result)

    def gcd(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return _via_signed(tnp.gcd, x1, x2)

    def lcm(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return _via_signed(tnp.lcm, x1, x2)

    def negative(self, x: Tensor, /) -> Tensor:
        return tf.subtract(tf.zeros_like(x), x) if x.dtype.is_unsigned else tf.negative(x)

    def sign(self, x: Tensor, /) -> Tensor:
        return tf.cast(x > 0, x.dtype) if x.dtype.is_unsigned else tf.sign(x)

    def absolute(self, x: Tensor, /) -> Tensor:
        return x if x.dtype.is_unsigned or x.dtype == tf.bool else tf.abs(x)

    def ceil(self, x: Tensor, /) -> Tensor:
        return tf.math.ceil(x)

    def floor(self, x: Tensor, /) -> Tensor:
        return tf.math.floor(x)

    def trunc(self, x: Tensor, /) -> Tensor:
        if not x.dtype.is_floating:
            return x
        return tf.where(x < 0, tf.math.ceil(x), tf.math.floor(x))

    def round(self, x: Tensor, decimals: int, /) -> Tensor:
        if x.dtype.is_floating:
            return _via_float32(tnp.round, x, decimals) if decimals else tf.round(x)
        if decimals >= 0:
            return x
        # Integers to tens, hundreds...: halves to even, computed exactly in float64.
        scale = 10.0**-decimals
        return tf.cast(tf.round(tf.cast(x, tf.float64) / scale) * scale, x.dtype)

    def bitwise_left_shift(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return tf.bitwise.left_shift(x1, x2)

    def bitwise_right_shift(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return tf.bitwise.right_shift(x1, x2)


KERNELS = TensorflowElementwise(tnp)
