"""Random kernels for PyTorch: a fresh `torch.Generator` per draw, from the seed."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from keras.backend._kernels.random import Random, Shape
from keras.backend._torch.core import torch_dtype
from keras.ops._typing import Tensor


def _generator(seed: Tensor) -> torch.Generator:
    first, second = (
        int(s) for s in np.asarray(seed.cpu() if isinstance(seed, torch.Tensor) else seed, dtype=np.uint64)
    )
    # The CPU generator keeps 32 bits of its seed: mix both halves into them.
    return torch.Generator().manual_seed((first * 0x9E3779B1 + second) & 0xFFFFFFFF)


class TorchRandom(Random):
    def normal(self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /) -> Tensor:
        draws = torch.randn(shape, generator=_generator(seed), dtype=torch.float64)
        return (draws * stddev + mean).to(torch_dtype(dtype))

    def uniform(self, shape: Shape, minval: float, maxval: float, dtype: str, seed: Tensor, /) -> Tensor:
        draws = torch.rand(shape, generator=_generator(seed), dtype=torch.float64)
        return (draws * (maxval - minval) + minval).to(torch_dtype(dtype))

    def randint(self, shape: Shape, minval: int, maxval: int, dtype: str, seed: Tensor, /) -> Tensor:
        return torch.randint(minval, maxval, shape, generator=_generator(seed)).to(torch_dtype(dtype))

    def truncated_normal(
        self, shape: Shape, mean: float, stddev: float, dtype: str, seed: Tensor, /
    ) -> Tensor:
        draws = torch.empty(shape, dtype=torch.float64)
        torch.nn.init.trunc_normal_(draws, 0.0, 1.0, -2.0, 2.0, generator=_generator(seed))
        return (draws * stddev + mean).to(torch_dtype(dtype))

    def categorical(self, logits: Tensor, num_samples: int, dtype: str, seed: Tensor, /) -> Tensor:
        probabilities = torch.softmax(logits.to(torch.float64), dim=-1)
        draws = torch.multinomial(probabilities, num_samples, replacement=True, generator=_generator(seed))
        return draws.to(torch_dtype(dtype))

    def shuffle(self, x: Tensor, axis: int, seed: Tensor, /) -> Tensor:
        order = torch.randperm(x.shape[axis], generator=_generator(seed))
        return torch.index_select(x, axis, order.to(x.device))

    def _forked(self, seed: Tensor, distribution: torch.distributions.Distribution, shape: Shape) -> Tensor:
        # torch.distributions take no generator: sample under a forked, seeded global RNG.
        with torch.random.fork_rng(devices=[]):
            torch.random.manual_seed(_generator(seed).initial_seed())
            return distribution.sample(shape)

    def gamma(self, shape: Shape, alpha: Any, dtype: str, seed: Tensor, /) -> Tensor:
        distribution = torch.distributions.Gamma(_float32(alpha), torch.tensor(1.0))
        return self._forked(seed, distribution, shape).to(torch_dtype(dtype))

    def binomial(
        self, shape: Shape, counts: float, probabilities: float, dtype: str, seed: Tensor, /
    ) -> Tensor:
        distribution = torch.distributions.Binomial(
            torch.tensor(float(counts)), torch.tensor(float(probabilities))
        )
        return self._forked(seed, distribution, shape).to(torch_dtype(dtype))

    def beta(self, shape: Shape, alpha: Any, beta: Any, dtype: str, seed: Tensor, /) -> Tensor:
        distribution = torch.distributions.Beta(_float32(alpha), _float32(beta))
        return self._forked(seed, distribution, shape).to(torch_dtype(dtype))


def _float32(value: Any) -> Tensor:
    """A distribution parameter (Python float or tensor) as a float32 tensor."""
    return torch.as_tensor(value, dtype=torch.float32)


KERNELS = TorchRandom()
