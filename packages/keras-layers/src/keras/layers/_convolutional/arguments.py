"""Argument checks and shape helpers shared by the convolution and pooling layers.

Per-axis tuples (`kernel_size`, `strides`, ...), `padding` and `data_format` are
standardized here, once; the sliding-window arithmetic itself is `keras.ops`'s (`Window`),
so a layer's `compute_output_shape` agrees with the op it calls.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from keras import ops
from keras.backend import image_data_format
from keras.ops.nn._conv import Window, join_layout, split_layout

if TYPE_CHECKING:
    from keras.layers._layer import Layer

__all__: list[str] = []

IntOrInts: TypeAlias = int | Sequence[int]
Shape: TypeAlias = tuple[int | None, ...]
DataFormat: TypeAlias = Literal["channels_last", "channels_first"]


def as_int(value: Any) -> int | None:
    """`value` as an int if it is an integer (Python or numpy, not bool), else None."""
    if isinstance(value, bool):
        return None
    try:
        return operator.index(value)
    except TypeError:
        return None


def standardize_tuple(value: Any, n: int, name: str, allow_zero: bool = False) -> tuple[int, ...]:
    """Return an int or a sequence of `n` ints as a tuple of `n` ints, each > 0 (or >= 0).

    Raises:
        ValueError: For a wrong length, a non-integer, or a value out of range.
    """
    message = f"The `{name}` argument must be a tuple of {n} integers. Received {name}={value}"
    if as_int(value) is not None:
        values: tuple[Any, ...] = (value,) * n
    elif isinstance(value, Sequence) and not isinstance(value, str) and len(value) == n:
        values = tuple(value)
    else:
        raise ValueError(message)
    result = []
    for item in values:
        try:
            number = int(item)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{message}, including element {item!r} of type {type(item)}") from error
        if isinstance(item, bool) or number != item:
            raise ValueError(f"{message}, including element {item!r} of type {type(item)}")
        result.append(number)
    low = 0 if allow_zero else 1
    bad = sorted({v for v in result if v < low})
    if bad:
        raise ValueError(
            f"{message}, including values {bad} that do not satisfy `value {'>= 0' if allow_zero else '> 0'}`"
        )
    return tuple(result)


def standardize_padding(value: Any, allow_causal: bool = False) -> str:
    """Return `padding` lower-cased: "valid", "same", or (when allowed) "causal"."""
    allowed = ("valid", "same", "causal") if allow_causal else ("valid", "same")
    if isinstance(value, str) and value.lower() in allowed:
        return value.lower()
    raise ValueError(f"The `padding` argument must be one of {list(allowed)}. Received: padding={value!r}")


def standardize_data_format(value: Any) -> DataFormat:
    """Return "channels_last" or "channels_first"; None means `image_data_format()`."""
    name = image_data_format() if value is None else value
    if isinstance(name, str) and name.lower() in ("channels_last", "channels_first"):
        return "channels_last" if name.lower() == "channels_last" else "channels_first"
    raise ValueError(
        "The `data_format` argument must be one of 'channels_first', 'channels_last'. "
        f"Received: data_format={value!r}"
    )


def positive_int(name: str, value: Any) -> int:
    """Return `value` if it is an int > 0, else raise naming `name`."""
    number = as_int(value)
    if number is not None and number > 0:
        return number
    raise ValueError(
        f"Invalid value for argument `{name}`. Expected a strictly positive integer. Received {name}={value!r}."
    )


def describe(layer: Layer) -> str:
    """How error messages name a layer: `Conv2D layer "conv2d"`."""
    return f'{type(layer).__name__} layer "{layer.name}"'


def check_rank(layer: Layer, input_shape: Sequence[int | None] | None, rank: int) -> Shape:
    """Return `input_shape` as a tuple, or raise unless it has `rank` spatial axes."""
    shape = tuple(input_shape) if input_shape is not None else ()
    if len(shape) != rank + 2:
        raise ValueError(
            f"{describe(layer)} expects inputs of rank {rank + 2} (batch, {rank} spatial "
            f"{'axis' if rank == 1 else 'axes'} and channels). Received: input_shape={shape}"
        )
    return shape


def channels_of(layer: Layer, input_shape: Shape, data_format: str) -> int:
    """Return the (known) channel count of an input shape, or raise."""
    channels = input_shape[-1] if data_format == "channels_last" else input_shape[1]
    if channels is None:
        raise ValueError(
            f"{describe(layer)}: the channel dimension of the inputs must be known ({data_format}). "
            f"Received: input_shape={input_shape}"
        )
    return channels


def channel_axis(data_format: str) -> int:
    return -1 if data_format == "channels_last" else 1


def window_output_shape(
    layer: Layer,
    input_shape: Shape,
    channels: int | None,
    size: Sequence[int],
    strides: Sequence[int],
    dilation_rate: Sequence[int],
    padding: str,
    data_format: str,
) -> Shape:
    """The output shape of a window sliding over the spatial axes, with `channels` channels.

    "causal" padding has the sizes of "same". A "valid" window larger than the input
    raises a `ValueError` naming the layer.
    """
    channels_last = data_format == "channels_last"
    batch, spatial, _ = split_layout(input_shape, channels_last)
    window = Window(
        tuple(size), tuple(strides), tuple(dilation_rate), "valid" if padding == "valid" else "same"
    )
    return join_layout(batch, window.output_shape(describe(layer), spatial), channels, channels_last)


def add_bias(outputs: Any, bias: Any, data_format: str) -> Any:
    """Add a per-channel `bias` to `outputs` in `data_format`."""
    if data_format == "channels_last":
        return ops.add(outputs, bias)
    rank = len(outputs.shape) - 2
    return ops.add(outputs, ops.reshape(bias, (1, -1) + (1,) * rank))


def fill_docstrings(template: str, classes: Sequence[tuple[type, int]]) -> None:
    """Put `template`, formatted with `n` (spatial axes) and `rank`, in place of `{args}`.

    The thin N-D classes share one argument list; each keeps its own summary and example.
    """
    for cls, n in classes:
        cls.__doc__ = (cls.__doc__ or "").replace("{args}", template.format(n=n, rank=n + 2))
