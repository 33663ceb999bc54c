"""Elementwise kernels for the torch backend."""

import torch

from keras.backend._kernels.elementwise import Elementwise

KERNELS = Elementwise(torch)
