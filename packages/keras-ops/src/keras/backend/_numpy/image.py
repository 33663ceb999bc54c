"""Image kernels for the numpy backend: the generic versions, run as they are."""

from __future__ import annotations

import numpy as np

from keras.backend._kernels.image import Image

KERNELS = Image(np)
