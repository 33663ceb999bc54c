"""Core kernels for TensorFlow."""

from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.core import Core
from keras.ops._typing import Tensor


class TensorflowCore(Core):
    xnp = tnp
    tensor_types = (tf.Tensor,)

    def shape_of(self, x: Tensor) -> Any:
        # Inside tf.function a dimension may be unknown: give it as a dynamic scalar, as
        # Keras 3 does, so code like `ops.shape(x)[0]` works in a traced step.
        static = tuple(x.shape)
        if all(d is not None for d in static):
            return static
        dynamic = tf.shape(x)
        return tuple(dynamic[i] if d is None else d for i, d in enumerate(static))

    def native_dtype(self, dtype: str) -> Any:
        return tf.as_dtype(dtype)

    def dtype_of(self, x: Tensor) -> str:
        name: str = x.dtype.name
        return name

    def convert_to_tensor(self, x: Any, dtype: str) -> Tensor:
        target = tf.as_dtype(dtype)
        if isinstance(x, tf.Variable):
            # Kernels need a tensor (a variable has no `ndim`); the read is what tapes track.
            x = tf.convert_to_tensor(x)
        if isinstance(x, tf.Tensor):
            return x if x.dtype == target else tf.cast(x, target)
        array = np.asarray(x)
        if array.dtype != np.dtype(target.as_numpy_dtype):
            # tf.convert_to_tensor refuses lossy conversions (2.7 to int8): cast explicitly.
            return tf.cast(tf.convert_to_tensor(array), target)
        return tf.convert_to_tensor(array)

    def convert_to_numpy(self, x: Tensor) -> np.ndarray[Any, Any]:
        return np.asarray(x.numpy() if hasattr(x, "numpy") else x)

    def cast(self, x: Tensor, dtype: str) -> Tensor:
        return tf.cast(x, tf.as_dtype(dtype))


KERNELS = TensorflowCore()
