"""Math kernels for the numpy backend.

numpy's `sinc` and `i0` turn bfloat16 into wider floats, `conjugate` turns bool into
int8, and `nan_to_num` leaves ml_dtypes floats (bfloat16) untouched.
"""

from __future__ import annotations

from collections.abc import Callable

import ml_dtypes
import numpy as np

from keras.backend._kernels.math import Math
from keras.ops._typing import Tensor


class NumpyMath(Math):
    def _float(self, function: Callable[[Tensor], Tensor], x: Tensor, /) -> Tensor:
        result = function(x)
        return result if result.dtype == x.dtype else result.astype(x.dtype)

    def conjugate(self, x: Tensor, /) -> Tensor:
        return x.copy() if x.dtype == np.bool_ else np.conjugate(x)

    def nan_to_num(self, x: Tensor, nan: float, posinf: float | None, neginf: float | None, /) -> Tensor:
        if x.dtype.kind != "V":  # ml_dtypes floats have kind "V"
            return np.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf)
        info = ml_dtypes.finfo(x.dtype)  # type: ignore[no-untyped-call]
        high = float(info.max) if posinf is None else posinf
        low = float(info.min) if neginf is None else neginf
        return np.nan_to_num(x.astype(np.float32), nan=nan, posinf=high, neginf=low).astype(x.dtype)


KERNELS = NumpyMath(np)
