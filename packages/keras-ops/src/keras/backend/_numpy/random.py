"""Random kernels for numpy: a fresh `np.random.Generator` per draw, from the seed."""

from __future__ import annotations

from typing import Any

import numpy as np

from keras.backend._kernels.random import Random, Shape
from keras.backend._numpy.core import numpy_dtype
from keras.ops._typing import Tensor


def _rng(seed: Tensor) -> np.random.Generator:
    return np.random.default_rng([int(s) for s in np.asarray(seed, dtype=np.uint64)])


class NumpyRandom(Random):
    def normal(self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /) -> Tensor:
        return _rng(seed).normal(mean, stddev, size=shape).astype(numpy_dtype(dtype))

    def uniform(self, shape: Shape, minval: float, maxval: float, dtype: str, seed: Tensor, /) -> Tensor:
        return _rng(seed).uniform(minval, maxval, size=shape).astype(numpy_dtype(dtype))

    def randint(self, shape: Shape, minval: int, maxval: int, dtype: str, seed: Tensor, /) -> Tensor:
        return _rng(seed).integers(minval, maxval, size=shape).astype(numpy_dtype(dtype))

    def truncated_normal(
        self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /
    ) -> Tensor:
        rng = _rng(seed)
        values = rng.standard_normal(size=shape)
        outside = np.abs(values) > 2.0
        while np.any(outside):
            values[outside] = rng.standard_normal(size=int(outside.sum()))
            outside = np.abs(values) > 2.0
        return (values * stddev + mean).astype(numpy_dtype(dtype))

    def categorical(self, logits: Tensor, num_samples: int, dtype: str, seed: Tensor, /) -> Tensor:
        rng = _rng(seed)
        shifted = logits - logits.max(axis=-1, keepdims=True)
        probabilities = np.exp(shifted) / np.exp(shifted).sum(axis=-1, keepdims=True)
        cumulative = np.cumsum(probabilities, axis=-1)
        draws = rng.random((logits.shape[0], num_samples, 1))
        indices = (draws > cumulative[:, None, :]).sum(axis=-1)
        return np.minimum(indices, logits.shape[-1] - 1).astype(numpy_dtype(dtype))

    def shuffle(self, x: Tensor, axis: int, seed: Tensor, /) -> Tensor:
        return _rng(seed).permutation(x, axis=axis)

    def gamma(self, shape: Shape, alpha: Any, dtype: str, seed: Tensor, /) -> Tensor:
        return _rng(seed).gamma(alpha, size=shape).astype(numpy_dtype(dtype))

    def binomial(
        self, shape: Shape, counts: float, probabilities: float, dtype: str, seed: Tensor, /
    ) -> Tensor:
        return _rng(seed).binomial(int(counts), probabilities, size=shape).astype(numpy_dtype(dtype))

    def beta(self, shape: Shape, alpha: Any, beta: Any, dtype: str, seed: Tensor, /) -> Tensor:
        return _rng(seed).beta(alpha, beta, size=shape).astype(numpy_dtype(dtype))


KERNELS = NumpyRandom()
