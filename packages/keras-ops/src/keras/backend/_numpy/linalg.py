"""Linear-algebra kernels for the numpy backend: the shared kernels as they are."""

import numpy as np

from keras.backend._kernels.linalg import Linalg

KERNELS = Linalg(np)
