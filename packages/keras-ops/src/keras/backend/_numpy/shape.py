"""Shape kernels for the numpy backend: `view` needs a C-contiguous array."""

from __future__ import annotations

from typing import Any

import numpy as np

from keras.backend._kernels.shape import ShapeKernels
from keras.ops._typing import Tensor


class NumpyShapeKernels(ShapeKernels):
    def view(self, x: Tensor, dtype: Any, /) -> Tensor:
        return (x if x.flags.c_contiguous else x.copy()).view(dtype)


KERNELS = NumpyShapeKernels(np)
