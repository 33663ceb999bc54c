"""Neural-network kernels for the tensorflow backend.

`tf.experimental.numpy` sends bfloat16 through float64 in its transcendental functions,
so the shared kernels see tnp with `tf.math`'s dtype-keeping versions of those in front.
`tf.nn` supplies fused activations, the softmax family (over one axis) and CTC.
"""

from __future__ import annotations

from typing import Any

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.nn import NN, Axes
from keras.ops._typing import Tensor


class _DtypeKeepingNumpy:
    """tnp, with the unary functions that would widen bfloat16 taken from `tf.math`."""

    exp = staticmethod(tf.math.exp)
    expm1 = staticmethod(tf.math.expm1)
    log = staticmethod(tf.math.log)
    log1p = staticmethod(tf.math.log1p)
    tanh = staticmethod(tf.math.tanh)
    sqrt = staticmethod(tf.math.sqrt)
    cos = staticmethod(tf.math.cos)
    sin = staticmethod(tf.math.sin)

    @staticmethod
    def log10(x: Tensor) -> Tensor:
        return tf.math.log(x) / tf.math.log(tf.constant(10.0, x.dtype))

    def __getattr__(self, name: str) -> Any:
        return getattr(tnp, name)


class TensorflowNN(NN):
    def _erf(self, x: Tensor) -> Tensor:
        return tf.math.erf(x)

    def _complex(self, real: Tensor, imag: Tensor) -> Tensor:
        return tf.complex(real, imag)

    def _sort_descending(self, x: Tensor, axis: int) -> Tensor:
        return tf.sort(x, axis=axis, direction="DESCENDING")

    def relu(self, x: Tensor, /) -> Tensor:
        return tf.nn.relu(x)

    def sigmoid(self, x: Tensor, /) -> Tensor:
        return tf.math.sigmoid(x)

    def softplus(self, x: Tensor, /) -> Tensor:
        return tf.math.softplus(x)

    def log_sigmoid(self, x: Tensor, /) -> Tensor:
        return tf.math.log_sigmoid(x)

    def gelu(self, x: Tensor, approximate: bool, /) -> Tensor:
        return tf.nn.gelu(x, approximate=approximate)

    def softmax(self, x: Tensor, axes: Axes, /) -> Tensor:
        if axes is not None and len(axes) == 1:
            return tf.nn.softmax(x, axis=axes[0])
        return super().softmax(x, axes)

    def log_softmax(self, x: Tensor, axes: Axes, /) -> Tensor:
        if axes is not None and len(axes) == 1:
            return tf.nn.log_softmax(x, axis=axes[0])
        return super().log_softmax(x, axes)

    def ctc_loss(
        self, target: Tensor, output: Tensor, target_length: Tensor, output_length: Tensor, mask_index: int, /
    ) -> Tensor:
        return tf.nn.ctc_loss(
            labels=target,
            logits=output,
            label_length=target_length,
            logit_length=output_length,
            blank_index=mask_index,
            logits_time_major=False,
        )


KERNELS = TensorflowNN(_DtypeKeepingNumpy())
