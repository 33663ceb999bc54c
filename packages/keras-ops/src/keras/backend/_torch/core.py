"""Core kernels for PyTorch."""

from __future__ import annotations

from typing import Any

import ml_dtypes
import numpy as np
import torch

from keras.backend._kernels.core import Core
from keras.ops._typing import Tensor

TORCH_DTYPES: dict[str, torch.dtype] = {
    "bool": torch.bool,
    "uint8": torch.uint8,
    "uint16": torch.uint16,
    "uint32": torch.uint32,
    "uint64": torch.uint64,
    "int8": torch.int8,
    "int16": torch.int16,
    "int32": torch.int32,
    "int64": torch.int64,
    "bfloat16": torch.bfloat16,
    "float16": torch.float16,
    "float32": torch.float32,
    "float64": torch.float64,
    "complex64": torch.complex64,
    "complex128": torch.complex128,
    "float8_e4m3fn": torch.float8_e4m3fn,
    "float8_e5m2": torch.float8_e5m2,
}
DTYPE_NAMES: dict[torch.dtype, str] = {v: k for k, v in TORCH_DTYPES.items()}
# numpy has no bfloat16 or float8: go through ml_dtypes views of the same bits.
_NUMPY_VIEWS = {
    torch.bfloat16: (torch.int16, ml_dtypes.bfloat16),
    torch.float8_e4m3fn: (torch.int8, ml_dtypes.float8_e4m3fn),
    torch.float8_e5m2: (torch.int8, ml_dtypes.float8_e5m2),
}


def torch_dtype(dtype: str) -> torch.dtype:
    try:
        return TORCH_DTYPES[dtype]
    except KeyError:
        raise ValueError(f"The torch backend does not support dtype {dtype!r}.") from None


class TorchCore(Core):
    xnp = torch
    tensor_types = (torch.Tensor,)

    def native_dtype(self, dtype: str) -> Any:
        return torch_dtype(dtype)

    def dtype_of(self, x: Tensor) -> str:
        return DTYPE_NAMES[x.dtype]

    def convert_to_tensor(self, x: Any, dtype: str) -> Tensor:
        target = torch_dtype(dtype)
        if isinstance(x, torch.Tensor):
            return x if x.dtype == target else x.to(target)
        if isinstance(x, (np.ndarray, np.generic)):
            array = np.asarray(x)
            if array.dtype.kind == "V" or array.dtype.name in ("bfloat16", "float8_e4m3fn", "float8_e5m2"):
                array = array.astype(np.float32)
            # ascontiguousarray makes 0-d arrays 1-d: restore the shape.
            return torch.from_numpy(np.ascontiguousarray(array).reshape(array.shape)).to(target)
        return torch.as_tensor(x, dtype=target)

    def convert_to_numpy(self, x: Tensor) -> np.ndarray[Any, Any]:
        x = x.detach().cpu() if isinstance(x, torch.Tensor) else x
        view = _NUMPY_VIEWS.get(x.dtype)
        if view is not None:
            bits, numpy_type = view
            return np.asarray(x.view(bits).numpy().view(numpy_type))
        return np.asarray(x.numpy())

    def cast(self, x: Tensor, dtype: str) -> Tensor:
        return x.to(torch_dtype(dtype))


KERNELS = TorchCore()
