"""Elementwise kernels for the tensorflow backend."""

import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.elementwise import Elementwise

KERNELS = Elementwise(tnp)
