"""Sorting kernels for the numpy backend."""

import numpy as np

from keras.backend._kernels.sorting import Sorting

KERNELS = Sorting(np)
