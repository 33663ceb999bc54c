"""`keras.Variable`: backend-agnostic state, one subclass per backend.

This base class holds what every backend shares (name, path, dtype, trainable,
initialization, operators). Each backend subclass wraps its native state.
"""

from __future__ import annotations

from typing import Any

from keras.backend._dtypes import standardize_dtype
from keras.ops._typing import Tensor


class Variable:
    """A mutable tensor holding model state."""

    _value: Tensor
    _dtype: str

    @property
    def value(self) -> Tensor:
        return self._value

    @property
    def dtype(self) -> str:
        return self._dtype

    def _set_dtype(self, dtype: Any) -> None:
        self._dtype = standardize_dtype(dtype)
