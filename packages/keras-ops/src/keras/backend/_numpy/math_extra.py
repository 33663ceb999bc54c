"""Math kernels for the numpy backend: the shared kernels as they are."""

import numpy as np

from keras.backend._kernels.math_extra import MathExtra

KERNELS = MathExtra(np)
