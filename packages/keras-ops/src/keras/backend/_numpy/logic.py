"""Logic kernels for the numpy backend."""

import numpy as np

from keras.backend._kernels.logic import Logic

KERNELS = Logic(np)
