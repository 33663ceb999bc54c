"""Linear-algebra-like kernels for the numpy backend.

numpy's `matmul` and `einsum` have no bfloat16 or float8 loops (ml_dtypes types): those
are computed in float32 and cast back.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from keras.backend._kernels.linear import Linear
from keras.ops._typing import Tensor


def _in_float32(function: Callable[..., Tensor], *operands: Tensor) -> Tensor:
    dtype = operands[0].dtype
    if dtype.kind != "V":  # ml_dtypes' types are numpy "void"-kind extension types
        return function(*operands)
    return np.asarray(function(*(x.astype(np.float32) for x in operands))).astype(dtype)


class NumpyLinear(Linear):
    # For the op shortcut (keras.ops._op), which checks it keeps the dtype: on ml_dtypes types it does not.
    fast_matmul = np.matmul

    def matmul(self, x1: Tensor, x2: Tensor, /) -> Tensor:
        return _in_float32(np.matmul, x1, x2)

    def einsum(self, subscripts: str, *operands: Tensor) -> Tensor:
        return _in_float32(lambda *xs: np.einsum(subscripts, *xs), *operands)


KERNELS = NumpyLinear(np)
