"""Reductions kernels for the tensorflow backend."""

import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.reductions import Reductions

KERNELS = Reductions(tnp)
