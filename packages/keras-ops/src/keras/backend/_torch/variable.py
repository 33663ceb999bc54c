"""`keras.Variable` on PyTorch: a `torch.nn.Parameter`, updated in place.

Trainable float variables require gradients, so `loss.backward()` fills `.grad` on
them as the torch custom-training guides expect.
"""

from __future__ import annotations

from typing import Any

import torch

from keras.backend._variable import Variable
from keras.ops._typing import Tensor


class BackendVariable(Variable):
    def _store(self, value: Tensor) -> None:
        requires_grad = self._trainable and (value.is_floating_point() or value.is_complex())
        self._value = torch.nn.Parameter(value.detach().clone(), requires_grad=requires_grad)

    def _replace(self, value: Tensor) -> None:
        assert self._value is not None
        with torch.no_grad():
            self._value.copy_(value)

    @property
    def trainable(self) -> bool:
        return self._trainable

    @trainable.setter
    def trainable(self, value: bool) -> None:
        self._trainable = bool(value)
        if self._value is not None and (self._value.is_floating_point() or self._value.is_complex()):
            self._value.requires_grad_(self._trainable)

    @classmethod
    def __torch_function__(cls, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
        # Lets torch functions take a Variable where they take a tensor.
        def unwrap(x: Any) -> Any:
            return x.value if isinstance(x, Variable) else x

        args = tuple(unwrap(a) for a in args)
        kwargs = {k: unwrap(v) for k, v in (kwargs or {}).items()}
        return func(*args, **kwargs)
