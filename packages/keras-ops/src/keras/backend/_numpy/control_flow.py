"""Control-flow kernels for the numpy backend: the Python-loop kernels, unchanged."""

from __future__ import annotations

import numpy as np

from keras.backend._kernels.control_flow import ControlFlow
from keras.backend._numpy.core import KERNELS as CORE

KERNELS = ControlFlow(np, CORE)
