"""Convolution-like kernels for jax: `lax.conv_general_dilated` and `lax.reduce_window`.

Adaptive pooling, fold/unfold and attention use the generic kernels, which XLA fuses.
"""

from __future__ import annotations

import jax.numpy as jnp
from jax import lax

from keras.backend._kernels.conv import Conv, Ints, Pads
from keras.ops._typing import Tensor


def _dimension_numbers(ndim: int) -> lax.ConvDimensionNumbers:
    """Channels-last inputs and outputs, `(*window, in, out)` kernels."""
    spatial = tuple(range(1, ndim + 1))
    features = (0, ndim + 1, *spatial)
    return lax.ConvDimensionNumbers(
        lhs_spec=features, rhs_spec=(ndim + 1, ndim, *range(ndim)), out_spec=features
    )


class JaxConv(Conv):
    def conv(
        self, x: Tensor, kernel: Tensor, strides: Ints, padding: Pads, dilation: Ints, groups: int, /
    ) -> Tensor:
        return lax.conv_general_dilated(
            x,
            kernel,
            strides,
            padding,
            rhs_dilation=dilation,
            dimension_numbers=_dimension_numbers(len(strides)),
            feature_group_count=groups,
        )

    def conv_transpose(
        self, x: Tensor, kernel: Tensor, strides: Ints, padding: Pads, dilation: Ints, /
    ) -> Tensor:
        ndim = len(strides)
        flipped = jnp.swapaxes(jnp.flip(kernel, tuple(range(ndim))), ndim, ndim + 1)
        return lax.conv_general_dilated(
            x,
            flipped,
            (1,) * ndim,
            padding,
            lhs_dilation=strides,
            rhs_dilation=dilation,
            dimension_numbers=_dimension_numbers(ndim),
        )

    def max_pool(self, x: Tensor, pool_size: Ints, strides: Ints, padding: Pads, lowest: float, /) -> Tensor:
        # -inf (the max monoid's identity, as a Python scalar) makes jax use its
        # differentiable reduce_window_max; any other start value has no gradient rule.
        init = -jnp.inf if jnp.issubdtype(x.dtype, jnp.floating) else jnp.asarray(lowest, x.dtype)
        return lax.reduce_window(
            x,
            init,
            lax.max,
            (1, *pool_size, 1),
            (1, *strides, 1),
            ((0, 0), *padding, (0, 0)),
        )

    def average_pool(self, x: Tensor, pool_size: Ints, strides: Ints, padding: Pads, /) -> Tensor:
        def window_sum(t: Tensor) -> Tensor:
            zero = jnp.asarray(0, t.dtype)
            return lax.reduce_window(
                t, zero, lax.add, (1, *pool_size, 1), (1, *strides, 1), ((0, 0), *padding, (0, 0))
            )

        total = window_sum(x)
        if not any(before or after for before, after in padding):
            size = 1
            for k in pool_size:
                size *= k
            return total / jnp.asarray(size, x.dtype)
        return total / window_sum(jnp.ones((1, *x.shape[1:-1], 1), x.dtype))


KERNELS = JaxConv(jnp)
