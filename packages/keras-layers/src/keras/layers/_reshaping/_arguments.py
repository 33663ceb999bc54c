"""Argument normalization shared by the 1D/2D/3D reshaping layers.

It owns the per-axis `(before, after)` pairs of `padding` and `cropping`
(`padding=1` -> `((1, 1), (1, 1))`) and the mapping from spatial axes to input axes for
both data formats; per-axis sizes and `data_format` use the convolution layers'
`standardize_tuple` and `standardize_data_format`, re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras.layers._convolutional.arguments import standardize_data_format, standardize_tuple

__all__ = [
    "Pair",
    "int_pair",
    "int_pairs",
    "is_int",
    "spatial_axes",
    "standardize_data_format",
    "standardize_tuple",
]

Pair = tuple[int, int]

_ORDINALS = ("1st", "2nd", "3rd")


def is_int(value: object) -> bool:
    """Whether `value` is an int (and not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool)


def int_pair(value: Any, name: str) -> Pair:
    """Return a `(before, after)` pair of non-negative ints from an int or two ints."""
    before, after = standardize_tuple(value, 2, name, allow_zero=True)
    return before, after


def int_pairs(value: Any, rank: int, name: str) -> tuple[Pair, ...]:
    """Return one `(before, after)` pair per spatial axis.

    Args:
        value: An int (the same on both sides of every axis), `rank` ints (symmetric
            per axis), or `rank` pairs of ints.
        rank: The number of spatial axes.
        name: The argument's name, for error messages.

    Returns:
        A tuple of `rank` pairs of non-negative ints.

    Raises:
        ValueError: If `value` has another form, the wrong length, or a negative entry.
    """
    if is_int(value):
        if value < 0:
            raise ValueError(f"`{name}` cannot be negative. Received: {name}={value}.")
        return ((value, value),) * rank
    if isinstance(value, Sequence) and not isinstance(value, str):
        if len(value) != rank:
            raise ValueError(f"`{name}` should have {rank} elements. Received: {name}={value}.")
        return tuple(int_pair(entry, f"{_ORDINALS[i]} entry of {name}") for i, entry in enumerate(value))
    raise ValueError(
        f"`{name}` should be either an int, a tuple of {rank} ints, or a tuple of {rank} tuples of 2 ints "
        f"(one `(before, after)` pair per spatial axis). Received: {name}={value}."
    )


def spatial_axes(data_format: str, rank: int) -> tuple[int, ...]:
    """Return the input axes of the `rank` spatial dimensions (the batch axis is 0)."""
    first = 2 if data_format == "channels_first" else 1
    return tuple(range(first, first + rank))
