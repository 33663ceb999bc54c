"""Axis arguments shared by the normalization layers: validation and bounds checks."""

from __future__ import annotations

from typing import Any

Shape = tuple[int | None, ...]
AxisArg = int | list[int]


def standardize_axis(axis: Any) -> AxisArg:
    """Return `axis` as an int, or a list of ints for a list/tuple, else raise a `TypeError`."""
    if isinstance(axis, (list, tuple)) and all(_is_int(a) for a in axis):
        return [int(a) for a in axis]
    if _is_int(axis):
        return int(axis)
    raise TypeError(
        f"Invalid value for argument `axis`: expected an int or a list/tuple of ints. Received: axis={axis!r}"
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def as_axis_list(axis: AxisArg) -> list[int]:
    return list(axis) if isinstance(axis, list) else [axis]


def check_axes_in_bounds(axis: AxisArg, input_shape: Shape) -> None:
    """Raise a `ValueError` if an axis of `axis` does not index `input_shape`."""
    rank = len(input_shape)
    for a in as_axis_list(axis):
        if not -rank <= a < rank:
            raise ValueError(
                f"Axis {a} is out of bounds for input shape {tuple(input_shape)}. Received: axis={axis}"
            )


def defined_dims(axis: AxisArg, input_shape: Shape, layer_name: str) -> tuple[int, ...]:
    """Return the sizes of `input_shape` at `axis` (checked in bounds and not None)."""
    check_axes_in_bounds(axis, input_shape)
    sizes = []
    for a in as_axis_list(axis):
        size = input_shape[a]
        if size is None:
            raise ValueError(
                f"Layer '{layer_name}': axis {a} of the input must have a defined size to create the "
                f"layer's weights. Received: input_shape={tuple(input_shape)}"
            )
        sizes.append(size)
    return tuple(sizes)
