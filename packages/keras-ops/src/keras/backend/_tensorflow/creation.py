"""Creation kernels for tensorflow: `tril`/`triu` on bool, `vander` on small ints, `i0`."""

from __future__ import annotations

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.creation import Creation
from keras.backend._tensorflow.linear import in_wider_int
from keras.ops._typing import Tensor


class TensorflowCreation(Creation):
    def tril(self, x: Tensor, k: int, /) -> Tensor:
        mask = tnp.tri(x.shape[-2], x.shape[-1], k, dtype=tf.bool)
        return tnp.where(mask, x, tnp.zeros_like(x))

    def triu(self, x: Tensor, k: int, /) -> Tensor:
        mask = tnp.tri(x.shape[-2], x.shape[-1], k - 1, dtype=tf.bool)
        return tnp.where(mask, tnp.zeros_like(x), x)

    def vander(self, x: Tensor, n: int, increasing: bool, /) -> Tensor:
        return in_wider_int(lambda v: super(TensorflowCreation, self).vander(v, n, increasing), x)

    def i0(self, x: Tensor, /) -> Tensor:
        return tf.math.special.bessel_i0(x)


KERNELS = TensorflowCreation(tnp)
