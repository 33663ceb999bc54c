"""Convolution ops: `conv`, `depthwise_conv`, `separable_conv`, `conv_transpose`.

The shape arithmetic of sliding windows (output sizes, "same" paddings, transposed
paddings, data formats) lives here, once, and is shared with the pooling ops. Kernels get
channels-last tensors, per-axis tuples and explicit `(before, after)` paddings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from keras.backend._active import K
from keras.backend._config import image_data_format
from keras.ops._convert import promote
from keras.ops._op import op
from keras.ops._spec import Spec, as_spec, spec_result_type
from keras.ops._typing import ArrayLike, Shape, Tensor

__all__ = ["conv", "conv_transpose", "depthwise_conv", "separable_conv"]

Ints = tuple[int, ...]
Pads = tuple[tuple[int, int], ...]
IntOrInts = int | Sequence[int]


# --- arguments shared by the windowed ops ---------------------------------------------------


def check_padding(op_name: str, padding: Any) -> Literal["valid", "same"]:
    """Return `padding` lower-cased, or raise unless it is "valid" or "same" (any case)."""
    if isinstance(padding, str) and padding.lower() in ("valid", "same"):
        return "valid" if padding.lower() == "valid" else "same"
    raise ValueError(f"{op_name}: `padding` must be 'valid' or 'same'. Received: padding={padding!r}")


def is_channels_last(op_name: str, data_format: Any) -> bool:
    """Whether `data_format` (None: `image_data_format()`) is "channels_last"."""
    name = image_data_format() if data_format is None else data_format
    if isinstance(name, str) and name.lower() in ("channels_last", "channels_first"):
        return name.lower() == "channels_last"
    raise ValueError(
        f"{op_name}: `data_format` must be 'channels_last', 'channels_first' or None. "
        f"Received: data_format={data_format!r}"
    )


def per_axis(op_name: str, name: str, value: Any, ndim: int, minimum: int = 1) -> Ints:
    """Return an int or a sequence of `ndim` ints as a tuple, each at least `minimum`."""
    values = (value,) * ndim if isinstance(value, int) and not isinstance(value, bool) else value
    if (
        isinstance(values, Sequence)
        and not isinstance(values, str)
        and len(values) == ndim
        and all(isinstance(v, int) and not isinstance(v, bool) and v >= minimum for v in values)
    ):
        return tuple(values)
    raise ValueError(
        f"{op_name}: `{name}` must be an int or a sequence of {ndim} ints, each >= {minimum}. "
        f"Received: {name}={value!r}"
    )


def spatial_ndim(op_name: str, shape: Shape, name: str = "inputs") -> int:
    """Return the number of spatial axes of a rank 3, 4 or 5 input, or raise."""
    if len(shape) not in (3, 4, 5):
        raise ValueError(
            f"{op_name}: `{name}` must have rank 3, 4 or 5 (batch, 1 to 3 spatial axes, channels). "
            f"Received: {name}.shape={tuple(shape)}"
        )
    return len(shape) - 2


def split_layout(shape: Shape, channels_last: bool) -> tuple[int | None, Shape, int | None]:
    """Return `(batch, spatial shape, channels)` of an input in either data format."""
    if channels_last:
        return shape[0], tuple(shape[1:-1]), shape[-1]
    return shape[0], tuple(shape[2:]), shape[1]


def join_layout(batch: int | None, spatial: Shape, channels: int | None, channels_last: bool) -> Shape:
    return (batch, *spatial, channels) if channels_last else (batch, channels, *spatial)


def to_channels_last(x: Tensor, channels_last: bool) -> Tensor:
    """Move the channels axis of a channels-first tensor last (a no-op for channels-last)."""
    if channels_last:
        return x
    return K.shape.transpose(x, (0, *range(2, x.ndim), 1))


def from_channels_last(x: Tensor, channels_last: bool) -> Tensor:
    """Undo `to_channels_last`."""
    if channels_last:
        return x
    return K.shape.transpose(x, (0, x.ndim - 1, *range(1, x.ndim - 1)))


@dataclass(frozen=True, slots=True)
class Window:
    """A window sliding over the spatial axes: sizes, strides, dilations and padding mode."""

    size: Shape
    strides: Ints
    dilation: Ints
    padding: Literal["valid", "same"]

    def extents(self) -> tuple[int | None, ...]:
        """The dilated window sizes."""
        return tuple(
            None if k is None else (k - 1) * d + 1 for k, d in zip(self.size, self.dilation, strict=True)
        )

    def output_shape(self, op_name: str, spatial: Shape) -> Shape:
        """The spatial output shape; raise when a "valid" window does not fit the input."""
        out: list[int | None] = []
        for axis, (n, k, s) in enumerate(zip(spatial, self.extents(), self.strides, strict=True)):
            if n is None or k is None:
                out.append(None)
            elif self.padding == "same":
                out.append(-(-n // s))
            elif n < k:
                raise ValueError(
                    f"{op_name}: the window (of extent {k} once dilated) is larger than the input "
                    f"(size {n} along spatial axis {axis}) with padding='valid', so the output is empty."
                )
            else:
                out.append((n - k) // s + 1)
        return tuple(out)

    def pads(self, spatial: Ints) -> Pads:
        """The `(before, after)` zero padding of each spatial axis, as jax and tensorflow pad."""
        if self.padding == "valid":
            return ((0, 0),) * len(spatial)
        pads = []
        for n, k, s in zip(spatial, self.extents(), self.strides, strict=True):
            assert k is not None
            total = max((-(-n // s) - 1) * s + k - n, 0)
            pads.append((total // 2, total - total // 2))
        return tuple(pads)


def known_ints(shape: Shape) -> Ints:
    """`shape` as ints: eager shapes are always known."""
    return tuple(int(d) for d in shape if d is not None)


# --- convolution geometry -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConvPlan:
    """Everything a convolution needs, worked out from the argument shapes."""

    channels_last: bool
    batch: int | None
    spatial: Shape
    window: Window
    groups: int
    output_shape: Shape


def _check_kernel_rank(op_name: str, name: str, kernel_shape: Shape, ndim: int) -> None:
    if len(kernel_shape) != ndim + 2:
        raise ValueError(
            f"{op_name}: `{name}` must have rank {ndim + 2} (the window's {ndim} axes, input "
            f"channels, output channels) for an input of rank {ndim + 2}. "
            f"Received: {name}.shape={tuple(kernel_shape)}"
        )


def _plan(
    op_name: str,
    input_shape: Shape,
    kernel_shape: Shape,
    strides: Any,
    padding: Any,
    data_format: Any,
    dilation_rate: Any,
    *,
    kernel_name: str = "kernel",
) -> tuple[bool, int | None, Shape, int | None, Window]:
    ndim = spatial_ndim(op_name, input_shape)
    _check_kernel_rank(op_name, kernel_name, kernel_shape, ndim)
    channels_last = is_channels_last(op_name, data_format)
    batch, spatial, channels = split_layout(input_shape, channels_last)
    window = Window(
        tuple(kernel_shape[:-2]),
        per_axis(op_name, "strides", strides, ndim),
        per_axis(op_name, "dilation_rate", dilation_rate, ndim),
        check_padding(op_name, padding),
    )
    return channels_last, batch, spatial, channels, window


def conv_plan(
    op_name: str,
    input_shape: Shape,
    kernel_shape: Shape,
    strides: Any,
    padding: Any,
    data_format: Any,
    dilation_rate: Any,
) -> ConvPlan:
    """Check a (grouped) convolution's arguments and work out its geometry."""
    channels_last, batch, spatial, channels, window = _plan(
        op_name, input_shape, kernel_shape, strides, padding, data_format, dilation_rate
    )
    per_group, filters = kernel_shape[-2], kernel_shape[-1]
    groups = 1
    if channels is not None and per_group is not None:
        if per_group == 0 or channels % per_group:
            raise ValueError(
                f"{op_name}: the input channels ({channels}) must be a multiple of the kernel's input "
                f"channels ({per_group}). Received: inputs.shape={tuple(input_shape)}, "
                f"kernel.shape={tuple(kernel_shape)}"
            )
        groups = channels // per_group
        if filters is not None and filters % groups:
            raise ValueError(
                f"{op_name}: a grouped convolution ({groups} groups) needs output channels that are a "
                f"multiple of the groups. Received: kernel.shape={tuple(kernel_shape)}"
            )
    out = join_layout(batch, window.output_shape(op_name, spatial), filters, channels_last)
    return ConvPlan(channels_last, batch, spatial, window, groups, out)


def _convolve(x: Tensor, kernel: Tensor, plan: ConvPlan) -> Tensor:
    window = plan.window
    y = K.conv.conv(
        to_channels_last(x, plan.channels_last),
        kernel,
        window.strides,
        window.pads(known_ints(plan.spatial)),
        window.dilation,
        plan.groups,
    )
    return from_channels_last(y, plan.channels_last)


# --- conv -----------------------------------------------------------------------------------


def _conv_rule(
    inputs: Any,
    kernel: Any,
    strides: Any = 1,
    padding: Any = "valid",
    data_format: Any = None,
    dilation_rate: Any = 1,
) -> Spec:
    x, w = as_spec(inputs), as_spec(kernel)
    plan = conv_plan("conv", x.shape, w.shape, strides, padding, data_format, dilation_rate)
    return Spec(plan.output_shape, spec_result_type(x, w))


@op(_conv_rule)
def conv(
    inputs: ArrayLike,
    kernel: ArrayLike,
    strides: IntOrInts = 1,
    padding: str = "valid",
    data_format: str | None = None,
    dilation_rate: IntOrInts = 1,
) -> Tensor:
    """Convolve a batch of 1-D, 2-D or 3-D signals with a kernel.

    When the kernel's input-channel axis is smaller than the input's channels (and divides
    them), the convolution is grouped: each group of input channels has its own slice of
    the kernel's output channels.

    Args:
        inputs: Tensor of rank 3, 4 or 5: `(batch, *spatial, channels)` for
            "channels_last", `(batch, channels, *spatial)` for "channels_first".
        kernel: Tensor of shape `(*window, in_channels, out_channels)`, where
            `in_channels` divides the input's channels.
        strides: Int or one int per spatial axis: the step between windows.
        padding: "valid" (no padding) or "same" (zero padding so that the output has
            `ceil(size / stride)` positions), in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: Int or one int per spatial axis: the spacing of the kernel taps.

    Returns:
        The convolution, in the input's data format, with `out_channels` channels and
        the dtype both arguments promote to.

    Raises:
        ValueError: For a wrong rank, an unknown `padding` or `data_format`, channels that
            do not match the kernel, or a "valid" window larger than the input.

    Example:

    >>> x = np.arange(5, dtype="float32").reshape(1, 5, 1)
    >>> keras.ops.nn.conv(x, np.ones((2, 1, 1), "float32"))[0, :, 0]
    array([1., 3., 5., 7.], dtype=float32)
    """
    x, w = promote(inputs, kernel)
    plan = conv_plan(
        "conv", K.core.shape_of(x), K.core.shape_of(w), strides, padding, data_format, dilation_rate
    )
    return _convolve(x, w, plan)


# --- depthwise and separable --------------------------------------------------------------


def depthwise_plan(
    op_name: str,
    input_shape: Shape,
    kernel_shape: Shape,
    strides: Any,
    padding: Any,
    data_format: Any,
    dilation_rate: Any,
    kernel_name: str = "kernel",
) -> ConvPlan:
    """Check a depthwise convolution's arguments; its kernel is `(*window, channels, multiplier)`."""
    channels_last, batch, spatial, channels, window = _plan(
        op_name,
        input_shape,
        kernel_shape,
        strides,
        padding,
        data_format,
        dilation_rate,
        kernel_name=kernel_name,
    )
    kernel_channels, multiplier = kernel_shape[-2], kernel_shape[-1]
    if channels is not None and kernel_channels is not None and channels != kernel_channels:
        raise ValueError(
            f"{op_name}: the input channels ({channels}) must equal the depthwise kernel's input "
            f"channels ({kernel_channels}). Received: inputs.shape={tuple(input_shape)}, "
            f"{kernel_name}.shape={tuple(kernel_shape)}"
        )
    filters = None if channels is None or multiplier is None else channels * multiplier
    out = join_layout(batch, window.output_shape(op_name, spatial), filters, channels_last)
    return ConvPlan(channels_last, batch, spatial, window, channels or 1, out)


def _depthwise(x: Tensor, kernel: Tensor, plan: ConvPlan) -> Tensor:
    shape = K.core.shape_of(kernel)
    grouped = K.shape.reshape(kernel, (*known_ints(shape[:-2]), 1, plan.groups * known_ints(shape)[-1]))
    return _convolve(x, grouped, plan)


def _depthwise_rule(
    inputs: Any,
    kernel: Any,
    strides: Any = 1,
    padding: Any = "valid",
    data_format: Any = None,
    dilation_rate: Any = 1,
) -> Spec:
    x, w = as_spec(inputs), as_spec(kernel)
    plan = depthwise_plan("depthwise_conv", x.shape, w.shape, strides, padding, data_format, dilation_rate)
    return Spec(plan.output_shape, spec_result_type(x, w))


@op(_depthwise_rule)
def depthwise_conv(
    inputs: ArrayLike,
    kernel: ArrayLike,
    strides: IntOrInts = 1,
    padding: str = "valid",
    data_format: str | None = None,
    dilation_rate: IntOrInts = 1,
) -> Tensor:
    """Convolve each input channel with its own filters (a depthwise convolution).

    Args:
        inputs: Tensor of rank 3, 4 or 5, in `data_format`.
        kernel: Tensor of shape `(*window, channels, multiplier)`: `multiplier` filters
            per input channel.
        strides: Int or one int per spatial axis.
        padding: "valid" or "same", in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: Int or one int per spatial axis.

    Returns:
        A tensor with `channels * multiplier` channels, input channel `c`'s filter `m` at
        channel `c * multiplier + m`.

    Raises:
        ValueError: For a wrong rank, an unknown `padding` or `data_format`, or a kernel
            whose input channels differ from the input's.

    Example:

    >>> x = np.ones((1, 4, 2), "float32")
    >>> kernel = np.stack([np.ones((2, 1)), 2 * np.ones((2, 1))], axis=1).astype("float32")
    >>> keras.ops.nn.depthwise_conv(x, kernel)[0, 0]
    array([2., 4.], dtype=float32)
    """
    x, w = promote(inputs, kernel)
    plan = depthwise_plan(
        "depthwise_conv", K.core.shape_of(x), K.core.shape_of(w), strides, padding, data_format, dilation_rate
    )
    return _depthwise(x, w, plan)


def _separable_plans(
    input_shape: Shape,
    depthwise_shape: Shape,
    pointwise_shape: Shape,
    strides: Any,
    padding: Any,
    data_format: Any,
    dilation_rate: Any,
) -> tuple[ConvPlan, ConvPlan]:
    name = "separable_conv"
    first = depthwise_plan(
        name, input_shape, depthwise_shape, strides, padding, data_format, dilation_rate, "depthwise_kernel"
    )
    ndim = len(input_shape) - 2
    _check_kernel_rank(name, "pointwise_kernel", pointwise_shape, ndim)
    if any(k not in (1, None) for k in pointwise_shape[:-2]):
        raise ValueError(
            f"{name}: `pointwise_kernel` must have a window of size 1 on every spatial axis. "
            f"Received: pointwise_kernel.shape={tuple(pointwise_shape)}"
        )
    channels = split_layout(first.output_shape, first.channels_last)[2]
    if channels is not None and pointwise_shape[-2] not in (channels, None):
        raise ValueError(
            f"{name}: `pointwise_kernel`'s input channels must equal channels * multiplier of the "
            f"depthwise step ({channels}). Received: pointwise_kernel.shape={tuple(pointwise_shape)}"
        )
    second = conv_plan(name, first.output_shape, pointwise_shape, 1, "valid", data_format, 1)
    return first, second


def _separable_rule(
    inputs: Any,
    depthwise_kernel: Any,
    pointwise_kernel: Any,
    strides: Any = 1,
    padding: Any = "valid",
    data_format: Any = None,
    dilation_rate: Any = 1,
) -> Spec:
    x, d, p = as_spec(inputs), as_spec(depthwise_kernel), as_spec(pointwise_kernel)
    _, second = _separable_plans(x.shape, d.shape, p.shape, strides, padding, data_format, dilation_rate)
    return Spec(second.output_shape, spec_result_type(x, d, p))


@op(_separable_rule)
def separable_conv(
    inputs: ArrayLike,
    depthwise_kernel: ArrayLike,
    pointwise_kernel: ArrayLike,
    strides: IntOrInts = 1,
    padding: str = "valid",
    data_format: str | None = None,
    dilation_rate: IntOrInts = 1,
) -> Tensor:
    """Apply a depthwise convolution, then a 1x1 convolution that mixes the channels.

    Args:
        inputs: Tensor of rank 3, 4 or 5, in `data_format`.
        depthwise_kernel: Tensor of shape `(*window, channels, multiplier)`.
        pointwise_kernel: Tensor of shape `(*ones, channels * multiplier, out_channels)`.
        strides: Int or one int per spatial axis, for the depthwise step.
        padding: "valid" or "same", for the depthwise step, in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: Int or one int per spatial axis, for the depthwise step.

    Returns:
        A tensor with `out_channels` channels.

    Raises:
        ValueError: For a wrong rank, an unknown `padding` or `data_format`, or kernels
            whose channels do not match.

    Example:

    >>> x = np.ones((1, 3, 2), "float32")
    >>> y = keras.ops.nn.separable_conv(x, np.ones((2, 2, 1), "float32"), np.ones((1, 2, 4), "float32"))
    >>> y.shape
    (1, 2, 4)
    """
    x, d, p = promote(inputs, depthwise_kernel, pointwise_kernel)
    first, second = _separable_plans(
        K.core.shape_of(x),
        K.core.shape_of(d),
        K.core.shape_of(p),
        strides,
        padding,
        data_format,
        dilation_rate,
    )
    return _convolve(_depthwise(x, d, first), p, second)


# --- conv_transpose ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TransposePlan:
    channels_last: bool
    window: Window
    pads: Pads
    output_shape: Shape


def _transpose_pads(window: Window, output_padding: Ints | None) -> Pads:
    """Paddings of the equivalent convolution of the stride-dilated input with the flipped kernel.

    With `output_padding=None`, "valid" gives `(n - 1) * s + max(k, s)` positions and
    "same" `n * s`; otherwise `output_padding` extra positions are added at the end.
    """
    pads = []
    for index, (k, s) in enumerate(zip(window.extents(), window.strides, strict=True)):
        assert k is not None
        extra = None if output_padding is None else output_padding[index]
        if window.padding == "valid":
            before, after = k - 1, k - 1 + (max(k, s) - k if extra is None else extra)
        else:
            total = s + k - 2 if extra is None else k + k % 2 - 2 + extra
            before = min(total // 2 + total % 2, k - 1)
            after = total - before
        pads.append((before, after))
    return tuple(pads)


def transpose_plan(
    input_shape: Shape,
    kernel_shape: Shape,
    strides: Any,
    padding: Any,
    output_padding: Any,
    data_format: Any,
    dilation_rate: Any,
) -> TransposePlan:
    name = "conv_transpose"
    channels_last, batch, spatial, channels, window = _plan(
        name, input_shape, kernel_shape, strides, padding, data_format, dilation_rate
    )
    if channels is not None and kernel_shape[-1] not in (channels, None):
        raise ValueError(
            f"{name}: the input channels ({channels}) must equal the kernel's last axis "
            f"(its input channels). Received: inputs.shape={tuple(input_shape)}, "
            f"kernel.shape={tuple(kernel_shape)}"
        )
    extra = (
        None if output_padding is None else per_axis(name, "output_padding", output_padding, len(spatial), 0)
    )
    if any(k is None for k in window.size):
        raise ValueError(
            f"{name}: the kernel's window must be known. Received: kernel.shape={tuple(kernel_shape)}"
        )
    pads = _transpose_pads(window, extra)
    out_spatial = tuple(
        None if n is None else (n - 1) * s + before + after - k + 2
        for n, s, (before, after), k in zip(spatial, window.strides, pads, window.extents(), strict=True)
        if k is not None
    )
    out = join_layout(batch, out_spatial, kernel_shape[-2], channels_last)
    return TransposePlan(channels_last, window, pads, out)


def _conv_transpose_rule(
    inputs: Any,
    kernel: Any,
    strides: Any = 1,
    padding: Any = "valid",
    output_padding: Any = None,
    data_format: Any = None,
    dilation_rate: Any = 1,
) -> Spec:
    x, w = as_spec(inputs), as_spec(kernel)
    plan = transpose_plan(x.shape, w.shape, strides, padding, output_padding, data_format, dilation_rate)
    return Spec(plan.output_shape, spec_result_type(x, w))


@op(_conv_transpose_rule)
def conv_transpose(
    inputs: ArrayLike,
    kernel: ArrayLike,
    strides: IntOrInts = 1,
    padding: str = "valid",
    output_padding: IntOrInts | None = None,
    data_format: str | None = None,
    dilation_rate: IntOrInts = 1,
) -> Tensor:
    """Apply a transposed convolution (the gradient of `conv` with respect to its input).

    Args:
        inputs: Tensor of rank 3, 4 or 5, in `data_format`.
        kernel: Tensor of shape `(*window, out_channels, in_channels)`, `in_channels`
            equal to the input's channels.
        strides: Int or one int per spatial axis: the upsampling factor.
        padding: "valid" or "same", in any letter case. With `output_padding=None`,
            "valid" gives `(size - 1) * stride + max(window, stride)` positions and
            "same" `size * stride`.
        output_padding: None, or an int or one int per spatial axis: positions added at
            the end of each spatial axis (to pick among the sizes a strided `conv` maps
            to the same input size).
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: Int or one int per spatial axis.

    Returns:
        A tensor with `out_channels` channels.

    Raises:
        ValueError: For a wrong rank, an unknown `padding` or `data_format`, a negative
            `output_padding`, or a kernel whose last axis differs from the input channels.

    Example:

    >>> x = np.ones((1, 2, 1), "float32")
    >>> keras.ops.nn.conv_transpose(x, np.ones((2, 1, 1), "float32"), strides=2)[0, :, 0]
    array([1., 1., 1., 1.], dtype=float32)
    """
    x, w = promote(inputs, kernel)
    plan = transpose_plan(
        K.core.shape_of(x), K.core.shape_of(w), strides, padding, output_padding, data_format, dilation_rate
    )
    window = plan.window
    y = K.conv.conv_transpose(
        to_channels_last(x, plan.channels_last), w, window.strides, plan.pads, window.dilation
    )
    return from_channels_last(y, plan.channels_last)
