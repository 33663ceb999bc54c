"""Reduction kernels for the tensorflow backend: NaN-aware `argmax` and `argmin`."""

from __future__ import annotations

from typing import Any

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.reductions import Reductions
from keras.ops._typing import Tensor


class TensorflowReductions(Reductions):
    def argmax(self, x: Tensor, axis: int | None, keepdims: bool, /) -> Tensor:
        return self._keep(_first_nan_or(x, axis, tnp.argmax), x, axis, keepdims)

    def argmin(self, x: Tensor, axis: int | None, keepdims: bool, /) -> Tensor:
        return self._keep(_first_nan_or(x, axis, tnp.argmin), x, axis, keepdims)


def _first_nan_or(x: Tensor, axis: int | None, find: Any) -> Tensor:
    """Return `find(x)`, but the first NaN's position where there is one (as numpy does)."""
    if not x.dtype.is_floating:
        return find(x, axis=axis)
    nan = tnp.isnan(x)
    return tnp.where(
        tnp.any(nan, axis=axis), tnp.argmax(tf.cast(nan, tf.int8), axis=axis), find(x, axis=axis)
    )


KERNELS = TensorflowReductions(tnp)
