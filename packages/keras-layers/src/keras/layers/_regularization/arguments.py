"""Argument checks shared by the regularization layers."""

from __future__ import annotations

from typing import Any


def check_unit_interval(name: str, value: Any) -> float:
    """Return `value` if it is a number in `[0, 1]`, else raise a `ValueError` naming `name`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(
            f"Invalid value received for argument `{name}`. Expected a float value between 0 and 1. "
            f"Received: {name}={value}"
        )
    return value


def check_noise_shape(noise_shape: Any) -> tuple[int | None, ...] | None:
    """Return `noise_shape` as a tuple of positive ints and Nones (None stays None)."""
    if noise_shape is None:
        return None
    if isinstance(noise_shape, str):
        raise ValueError(
            "Invalid value received for argument `noise_shape`. Expected a tuple or list of integers. "
            f"Received: noise_shape={noise_shape}"
        )
    try:
        dims = tuple(noise_shape)
    except TypeError:
        raise ValueError(
            "Invalid value received for argument `noise_shape`. Expected an iterable of integers (e.g., a "
            f"tuple or list). Received: noise_shape={noise_shape}"
        ) from None
    for index, dim in enumerate(dims):
        if dim is None:
            continue
        if isinstance(dim, bool) or not isinstance(dim, int):
            raise ValueError(
                "Invalid value received for argument `noise_shape`. Expected all elements to be integers or "
                f"None. Received element at index {index}: {dim} (type: {type(dim).__name__})"
            )
        if dim <= 0:
            raise ValueError(
                "Invalid value received for argument `noise_shape`. Expected all dimensions to be positive "
                f"integers or None. Received: noise_shape={noise_shape} (index {index})"
            )
    return dims


def check_trainable_rate(layer_name: str, rate: float) -> None:
    """Raise a `ValueError` for `rate=1`, where the layer's training noise is undefined."""
    if rate >= 1:
        raise ValueError(
            f"Layer '{layer_name}' cannot run in training mode with rate=1: its noise is undefined. Use a rate "
            f"below 1. Received: rate={rate}"
        )
