"""Creation kernels for the numpy backend."""

import numpy as np

from keras.backend._kernels.creation import Creation

KERNELS = Creation(np)
