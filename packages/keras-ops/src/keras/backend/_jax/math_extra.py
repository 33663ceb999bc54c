"""Math kernels for jax: special functions from `jax.scipy.special`, `lax.top_k` and
`jax.ops` segment reductions, complex tensors built with `lax.complex`, and overlap-add as
one scatter."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import jax.scipy.special as jsp_special
import numpy as np

from keras.backend._kernels.math_extra import MathExtra
from keras.ops._typing import Tensor


class JaxMathExtra(MathExtra):
    def erf(self, x: Tensor, /) -> Tensor:
        return jsp_special.erf(x)

    def erfc(self, x: Tensor, /) -> Tensor:
        return jsp_special.erfc(x)

    def erfinv(self, x: Tensor, /) -> Tensor:
        return jsp_special.erfinv(x)

    def top_k(self, x: Tensor, k: int, sorted: bool, /) -> tuple[Tensor, Tensor]:
        values, indices = jax.lax.top_k(x, k)
        return values, indices

    def segment_sum(self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, /) -> Tensor:
        return jax.ops.segment_sum(data, ids, num_segments, indices_are_sorted=sorted)

    def segment_prod(self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, /) -> Tensor:
        return jax.ops.segment_prod(data, ids, num_segments, indices_are_sorted=sorted)

    def segment_max(
        self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, lowest: Any, /
    ) -> Tensor:
        return jax.ops.segment_max(data, ids, num_segments, indices_are_sorted=sorted)

    def segment_min(
        self, data: Tensor, ids: Tensor, num_segments: int, sorted: bool, highest: Any, /
    ) -> Tensor:
        return jax.ops.segment_min(data, ids, num_segments, indices_are_sorted=sorted)

    def _complex(self, real: Tensor, imag: Tensor) -> Tensor:
        return jax.lax.complex(real, imag)

    def _overlap_add(self, frames: Tensor, stride: int) -> Tensor:
        # One scatter-add: eager jax pays per op, and the shared kernel's shifts are many ops.
        *batch, count, length = frames.shape
        positions = (np.arange(count)[:, None] * stride + np.arange(length)).reshape(-1)
        out = jnp.zeros((*batch, (count - 1) * stride + length), dtype=frames.dtype)
        return out.at[..., positions].add(jnp.reshape(frames, (*batch, count * length)))


KERNELS = JaxMathExtra(jnp)
