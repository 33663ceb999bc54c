"""Core kernels for numpy."""

from __future__ import annotations

from typing import Any

import ml_dtypes
import numpy as np

from keras.backend._kernels.core import Core
from keras.ops._typing import Tensor

_EXTRA_DTYPES = {
    "bfloat16": ml_dtypes.bfloat16,
    "float8_e4m3fn": ml_dtypes.float8_e4m3fn,
    "float8_e5m2": ml_dtypes.float8_e5m2,
}


_NAMES: dict[Any, str] = {}


def dtype_name(dtype: Any) -> str:
    """Return the standard name of a numpy dtype, cached (numpy computes `.name` in Python)."""
    name = _NAMES.get(dtype)
    if name is None:
        name = _NAMES[dtype] = str(np.dtype(dtype).name)
    return name


def numpy_dtype(dtype: str) -> np.dtype[Any]:
    """Return the numpy dtype of a standard dtype name (ml_dtypes for bfloat16 and float8)."""
    result: np.dtype[Any] = np.dtype(_EXTRA_DTYPES.get(dtype, dtype))
    return result


def to_numpy_array(x: Any, dtype: np.dtype[Any]) -> np.ndarray[Any, Any]:
    """Return `x` as a numpy array of `dtype`; out-of-range Python ints wrap, as in C casts."""
    try:
        return np.asarray(x, dtype=dtype)
    except OverflowError:
        # numpy 2 refuses `np.asarray(-1, dtype=uint8)`; a weak -1 next to uint8 means 255.
        return np.asarray(x).astype(dtype)


class NumpyCore(Core):
    xnp = np
    tensor_types = (np.ndarray, np.generic)

    def native_dtype(self, dtype: str) -> Any:
        return numpy_dtype(dtype)

    def dtype_of(self, x: Tensor) -> str:
        return dtype_name(x.dtype)

    def eager_type(self) -> type:
        return np.ndarray

    def convert_to_tensor(self, x: Any, dtype: str) -> Tensor:
        return to_numpy_array(x, numpy_dtype(dtype))

    def convert_to_numpy(self, x: Tensor) -> np.ndarray[Any, Any]:
        return np.asarray(x)

    def cast(self, x: Tensor, dtype: str) -> Tensor:
        return np.asarray(x).astype(numpy_dtype(dtype))


KERNELS = NumpyCore()
