"""`K`: the kernel families of the active backend, imported on first use.

`K.elementwise.add` is the `add` kernel of the backend chosen in `_config`. A family is
loaded from `keras.backend._<backend>.<family>` (its `KERNELS` object) the first time it
is read, then cached as a plain attribute, so later reads cost one attribute lookup.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from keras.backend._config import backend

if TYPE_CHECKING:
    from keras.backend._kernels.control_flow import ControlFlow
    from keras.backend._kernels.conv import Conv
    from keras.backend._kernels.core import Core
    from keras.backend._kernels.creation import Creation
    from keras.backend._kernels.device import Device
    from keras.backend._kernels.elementwise import Elementwise
    from keras.backend._kernels.image import Image
    from keras.backend._kernels.indexing import Indexing
    from keras.backend._kernels.linalg import Linalg
    from keras.backend._kernels.linear import Linear
    from keras.backend._kernels.logic import Logic
    from keras.backend._kernels.math import Math
    from keras.backend._kernels.math_extra import MathExtra
    from keras.backend._kernels.nn import NN
    from keras.backend._kernels.random import Random
    from keras.backend._kernels.reductions import Reductions
    from keras.backend._kernels.shape import ShapeKernels
    from keras.backend._kernels.sorting import Sorting

FAMILIES = (
    "control_flow",
    "conv",
    "core",
    "creation",
    "device",
    "elementwise",
    "image",
    "indexing",
    "linalg",
    "linear",
    "logic",
    "math",
    "math_extra",
    "nn",
    "random",
    "reductions",
    "shape",
    "sorting",
)


def load_family(backend_name: str, family: str) -> Any:
    """Import one family of one backend and return its kernels object."""
    module = importlib.import_module(f"keras.backend._{backend_name}.{family}")
    return module.KERNELS


class Kernels:
    """The active backend's kernels, one attribute per family."""

    control_flow: ControlFlow
    conv: Conv
    core: Core
    device: Device
    creation: Creation
    elementwise: Elementwise
    image: Image
    indexing: Indexing
    linalg: Linalg
    linear: Linear
    logic: Logic
    math: Math
    math_extra: MathExtra
    nn: NN
    random: Random
    reductions: Reductions
    shape: ShapeKernels
    sorting: Sorting

    def __getattr__(self, family: str) -> Any:
        if family.startswith("__"):
            raise AttributeError(family)
        kernels = load_family(backend(), family)
        setattr(self, family, kernels)
        return kernels


K = Kernels()

# Called after a backend switch, by whatever caches something of the old backend's.
RESET_HOOKS: list[Callable[[], None]] = []


def reset_kernels() -> None:
    """Forget the loaded kernel families (and everything cached from them): the backend changed."""
    K.__dict__.clear()
    for hook in RESET_HOOKS:
        hook()
