"""Image kernels for tensorflow: `tf.image.resize` where it computes as the generic weights.

tensorflow's bilinear (without antialiasing) and nearest resizes use half-pixel centres
and clamp at the borders; its bicubic and lanczos kernels treat borders differently, so
those go through the generic weights.
"""

from __future__ import annotations

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.image import Image
from keras.ops._typing import Tensor

_NATIVE_METHODS = {"bilinear": "bilinear", "nearest": "nearest"}


class TensorflowImage(Image):
    def resize(self, x: Tensor, size: tuple[int, int], method: str, antialias: bool, /) -> Tensor:
        native = _NATIVE_METHODS.get(method)
        if native is None or antialias:
            return super().resize(x, size, method, antialias)
        return tf.cast(tf.image.resize(x, size, method=native), x.dtype)


KERNELS = TensorflowImage(tnp)
