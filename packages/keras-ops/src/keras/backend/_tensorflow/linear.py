"""Linear-algebra-like kernels for tensorflow.

TensorFlow's matrix products have no kernels for 8- and 16-bit or unsigned integers:
those are computed in a wider integer and cast back, which wraps as numpy does.
`correlate` and `slogdet` are missing from tnp.
"""

from __future__ import annotations

from collections.abc import Callable

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.linear import Linear, slice_correlation
from keras.ops._typing import Tensor

_WIDER = {
    tf.int8: tf.int32,
    tf.int16: tf.int32,
    tf.uint8: tf.int32,
    tf.uint16: tf.int32,
    tf.uint32: tf.int64,
    tf.uint64: tf.int64,
}


def in_wider_int(function: Callable[..., Tensor], *operands: Tensor) -> Tensor:
    """Return `function(*operands)`, computed in a wider integer where tf has no kernel."""
    wider = _WIDER.get(operands[0].dtype)
    if wider is None:
        return function(*operands)
    return tf.cast(function(*(tf.cast(x, wider) for x in operands)), operands[0].dtype)


class TensorflowLinear(Linear):
    def matmul(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return in_wider_int(tnp.matmul, x1, x2)

    def dot(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return in_wider_int(tnp.dot, x1, x2)

    def vdot(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return in_wider_int(tnp.vdot, x1, x2)

    def inner(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return in_wider_int(tnp.inner, x1, x2)

    def tensordot(self, x1: Tensor, x2: Tensor, axes: tuple[tuple[int, ...], tuple[int, ...]], /) -> Tensor:
        return in_wider_int(lambda a, b: tnp.tensordot(a, b, axes), x1, x2)

    def einsum(self, subscripts: str, *operands: Tensor) -> Tensor:
        return in_wider_int(lambda *xs: tnp.einsum(subscripts, *xs), *operands)

    def correlate(self, x1: Tensor, x2: Tensor, mode: str, /) -> Tensor:
        n, m = x1.shape[0], x2.shape[0]
        padded = tf.pad(x1, [[m - 1, m - 1]])
        full = tf.nn.conv1d(padded[None, :, None], x2[:, None, None], stride=1, padding="VALID")[0, :, 0]
        return slice_correlation(full, n, m, mode)

    def slogdet(self, x: Tensor, /) -> tuple[Tensor, Tensor]:
        sign, logabsdet = tf.linalg.slogdet(x)
        return sign, logabsdet


KERNELS = TensorflowLinear(tnp)
