"""Image kernels for jax: `jax.image.resize` and `jax.image.scale_and_translate`.

Sampling at coordinates uses the generic gather-and-weight kernel, which XLA fuses.
"""

from __future__ import annotations

import jax
import jax.numpy as jnp

from keras.backend._kernels.image import Image
from keras.ops._typing import Tensor


class JaxImage(Image):
    def resize(self, x: Tensor, size: tuple[int, int], method: str, antialias: bool, /) -> Tensor:
        shape = (int(x.shape[0]), size[0], size[1], int(x.shape[3]))
        return jax.image.resize(x, shape, method=method, antialias=antialias)

    def scale_and_translate(
        self,
        x: Tensor,
        output_shape: tuple[int, ...],
        spatial_dims: tuple[int, ...],
        scale: tuple[float, ...],
        translation: tuple[float, ...],
        method: str,
        antialias: bool,
        /,
    ) -> Tensor:
        return jax.image.scale_and_translate(
            x,
            output_shape,
            spatial_dims,
            jnp.asarray(scale, dtype=jnp.float32),
            jnp.asarray(translation, dtype=jnp.float32),
            method,
            antialias,
        )


KERNELS = JaxImage(jnp)
