"""Random kernels: stateless draws from a `[2]` uint32 seed tensor.

Each library has its own generator API, so every backend implements the whole family;
the op layer (`keras.random`) does seeds, dtypes and argument checks once.
"""

from __future__ import annotations

import abc
from typing import Any

from keras.ops._typing import Tensor

Shape = tuple[int, ...]


class Random(abc.ABC):
    @abc.abstractmethod
    def normal(self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /) -> Tensor: ...

    @abc.abstractmethod
    def uniform(self, shape: Shape, minval: float, maxval: float, dtype: str, seed: Tensor, /) -> Tensor: ...

    @abc.abstractmethod
    def randint(self, shape: Shape, minval: int, maxval: int, dtype: str, seed: Tensor, /) -> Tensor: ...

    @abc.abstractmethod
    def truncated_normal(
        self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /
    ) -> Tensor:
        """Normal draws restricted to within two standard deviations of the mean."""

    @abc.abstractmethod
    def categorical(self, logits: Tensor, num_samples: int, dtype: str, seed: Tensor, /) -> Tensor:
        """`num_samples` class indices per row of 2D `logits`."""

    @abc.abstractmethod
    def shuffle(self, x: Tensor, axis: int, seed: Tensor, /) -> Tensor:
        """`x` with its slices along `axis` (non-negative) randomly reordered."""

    @abc.abstractmethod
    def gamma(self, shape: Shape, alpha: Any, dtype: str, seed: Tensor, /) -> Tensor: ...

    @abc.abstractmethod
    def binomial(
        self, shape: Shape, counts: float, probabilities: float, dtype: str, seed: Tensor, /
    ) -> Tensor: ...

    @abc.abstractmethod
    def beta(self, shape: Shape, alpha: Any, beta: Any, dtype: str, seed: Tensor, /) -> Tensor: ...
