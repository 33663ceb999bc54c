"""Core kernels for JAX."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from keras.backend._kernels.core import Core
from keras.backend._numpy.core import dtype_name, numpy_dtype, to_numpy_array
from keras.ops._typing import Tensor


class JaxCore(Core):
    xnp = jnp
    tensor_types = (jax.Array,)

    def native_dtype(self, dtype: str) -> Any:
        return numpy_dtype(dtype)

    def dtype_of(self, x: Tensor) -> str:
        return dtype_name(x.dtype)

    def convert_to_tensor(self, x: Any, dtype: str) -> Tensor:
        if isinstance(x, jax.Array):
            return x.astype(numpy_dtype(dtype))
        return jnp.asarray(to_numpy_array(x, numpy_dtype(dtype)))

    def convert_to_numpy(self, x: Tensor) -> np.ndarray[Any, Any]:
        return np.asarray(x)

    def cast(self, x: Tensor, dtype: str) -> Tensor:
        return x.astype(numpy_dtype(dtype))


KERNELS = JaxCore()
