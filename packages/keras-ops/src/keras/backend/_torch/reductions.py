"""Reductions kernels for the torch backend."""

import torch

from keras.backend._kernels.reductions import Reductions

KERNELS = Reductions(torch)
