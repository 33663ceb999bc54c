"""Gradient clipping by norm, by global norm and by value, written with `keras.ops`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.ops._typing import Tensor


def clip_by_norm(gradient: Tensor, clipnorm: float) -> Tensor:
    """Scale `gradient` so that its L2 norm is at most `clipnorm`.

    A zero gradient stays zero; the square root is taken of a safe value so that its
    own gradient is never NaN.
    """
    squared = ops.sum(ops.square(gradient), keepdims=True)
    positive = ops.greater(squared, 0)
    norm = ops.where(positive, ops.sqrt(ops.where(positive, squared, ops.ones_like(squared))), squared)
    return ops.divide(ops.multiply(gradient, clipnorm), ops.maximum(norm, clipnorm))


def global_norm(gradients: Sequence[Tensor | None]) -> Tensor:
    """Return the L2 norm of all `gradients` taken together (`None`s are skipped)."""
    squares = [ops.sum(ops.square(g)) for g in gradients if g is not None]
    return ops.sqrt(ops.sum(ops.stack(squares)))


def clip_by_global_norm(gradients: Sequence[Tensor | None], clipnorm: float) -> list[Any]:
    """Scale all `gradients` by one factor so that their global norm is at most `clipnorm`.

    A non-finite global norm makes every gradient NaN (as Keras does), so a step taken
    with it is visibly broken rather than silently clipped.
    """
    norm = global_norm(gradients)
    scale = ops.multiply(clipnorm, ops.minimum(ops.divide(1.0, norm), 1.0 / clipnorm))
    scale = ops.add(scale, ops.subtract(norm, norm))  # NaN when the norm is not finite
    return [None if g is None else ops.multiply(g, ops.cast(scale, g.dtype)) for g in gradients]


def clip_by_value(gradient: Tensor, clipvalue: float) -> Tensor:
    """Clip every element of `gradient` to `[-clipvalue, clipvalue]`."""
    return ops.clip(gradient, -clipvalue, clipvalue)
