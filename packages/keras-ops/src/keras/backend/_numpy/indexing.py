"""Indexing kernels for the numpy backend."""

import numpy as np

from keras.backend._kernels.indexing import Indexing

KERNELS = Indexing(np)
