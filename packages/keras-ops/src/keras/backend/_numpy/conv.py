"""Convolution-like kernels for the numpy backend: the generic im2col versions.

Contractions use `einsum(optimize=True)`, which hands them to BLAS. numpy's `einsum` has
no bfloat16 or float8 loops (ml_dtypes types): those run in float32 and are cast back.
"""

from __future__ import annotations

import numpy as np

from keras.backend._kernels.conv import Conv
from keras.ops._typing import Tensor


class NumpyConv(Conv):
    def _einsum(self, subscripts: str, *operands: Tensor) -> Tensor:
        dtype = operands[0].dtype
        if dtype.kind != "V":  # ml_dtypes' types are numpy "void"-kind extension types
            return np.einsum(subscripts, *operands, optimize=True)
        return np.einsum(subscripts, *(x.astype(np.float32) for x in operands), optimize=True).astype(dtype)


KERNELS = NumpyConv(np)
