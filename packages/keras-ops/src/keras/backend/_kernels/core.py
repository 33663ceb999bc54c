"""Core kernels: conversion between Python/numpy values and the backend's tensors."""

from __future__ import annotations

import abc
from typing import Any

import numpy as np

from keras.ops._typing import Shape, Tensor


class Core(abc.ABC):
    """Conversion, dtype and shape queries. Every backend implements all of it."""

    #: The backend's numpy-like module.
    xnp: Any
    #: The types of the backend's native tensors, for fast `isinstance` checks.
    tensor_types: tuple[type, ...]

    @abc.abstractmethod
    def native_dtype(self, dtype: str) -> Any:
        """Return the backend's dtype object for a standard dtype name."""

    @abc.abstractmethod
    def dtype_of(self, x: Tensor) -> str:
        """Return the standard dtype name of a native tensor."""

    @abc.abstractmethod
    def convert_to_tensor(self, x: Any, dtype: str) -> Tensor:
        """Return `x` (array, scalar, nested list) as a native tensor of `dtype`."""

    @abc.abstractmethod
    def convert_to_numpy(self, x: Tensor) -> np.ndarray[Any, Any]:
        """Return a native tensor as a numpy array."""

    @abc.abstractmethod
    def cast(self, x: Tensor, dtype: str) -> Tensor:
        """Return a native tensor cast to `dtype`."""

    def __init__(self) -> None:
        # Concrete classes seen to be native tensors (jax's ArrayImpl, tf's EagerTensor...):
        # a set lookup is faster than isinstance against the abstract types on the hot path.
        self.exact_types: set[type] = set()

    def is_tensor(self, x: Any) -> bool:
        cls = type(x)
        if cls in self.exact_types:
            return True
        if isinstance(x, self.tensor_types):
            self.exact_types.add(cls)
            return True
        return False

    def eager_type(self) -> type:
        """Return the concrete class of the tensors this backend's eager kernels return.

        Ops take a shortcut when every argument is exactly of this class (see
        `keras.ops._op`); tensors of subclasses or wrappers take the general path.
        """
        return type(self.convert_to_tensor(0, "float32"))

    def shape_of(self, x: Tensor) -> Shape:
        return tuple(x.shape)
