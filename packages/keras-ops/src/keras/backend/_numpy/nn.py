"""Neural-network kernels for the numpy backend: numpy has no `erf`, so it comes from `math`."""

from __future__ import annotations

import math

import numpy as np

from keras.backend._kernels.nn import NN
from keras.ops._typing import Tensor

_erf = np.vectorize(math.erf, otypes=["float64"])


class NumpyNN(NN):
    def _erf(self, x: Tensor) -> Tensor:
        return _erf(x).astype(x.dtype)


KERNELS = NumpyNN(np)
