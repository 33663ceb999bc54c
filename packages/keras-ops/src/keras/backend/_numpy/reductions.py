"""Reductions kernels for the numpy backend."""

import numpy as np

from keras.backend._kernels.reductions import Reductions

KERNELS = Reductions(np)
