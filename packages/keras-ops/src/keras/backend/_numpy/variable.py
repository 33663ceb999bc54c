"""`keras.Variable` on numpy: a numpy array, replaced on assignment."""

from __future__ import annotations

from keras.backend._variable import Variable
from keras.ops._typing import Tensor


class BackendVariable(Variable):
    def _store(self, value: Tensor) -> None:
        self._value = value

    def _replace(self, value: Tensor) -> None:
        self._value = value
