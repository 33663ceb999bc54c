"""`BaseConv` and the plain convolution layers `Conv1D`, `Conv2D`, `Conv3D` (+ aliases)."""

from __future__ import annotations

from typing import Any

from keras import activations, constraints, initializers, ops, regularizers
from keras.layers._convolutional.arguments import (
    IntOrInts,
    Shape,
    add_bias,
    channel_axis,
    channels_of,
    check_rank,
    describe,
    positive_int,
    standardize_data_format,
    standardize_padding,
    standardize_tuple,
    window_output_shape,
)
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer

__all__ = ["Conv1D", "Conv2D", "Conv3D", "Convolution1D", "Convolution2D", "Convolution3D"]


def check_strides_and_dilation(strides: tuple[int, ...], dilation_rate: tuple[int, ...]) -> None:
    """Raise if both `strides` and `dilation_rate` exceed 1 somewhere (Keras forbids it)."""
    if max(strides) > 1 and max(dilation_rate) > 1:
        raise ValueError(
            "`strides > 1` not supported in conjunction with `dilation_rate > 1`. "
            f"Received: strides={strides} and dilation_rate={dilation_rate}"
        )


class BaseConv(Layer):
    """The N-D convolution layer that `Conv1D`, `Conv2D` and `Conv3D` specialize.

    Computes `activation(conv(inputs, kernel) + bias)` with a kernel of shape
    `(*kernel_size, input_channels // groups, filters)`.

    Args:
        rank: The number of spatial axes (1, 2 or 3).
        filters: The number of output channels.
        kernel_size: An int or `rank` ints: the window's size.
        strides: An int or `rank` ints: the window's step.
        padding: "valid", "same", or (for rank 1) "causal", in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: An int or `rank` ints: the spacing of the kernel taps.
        groups: The number of channel groups convolved separately; it divides both
            the input channels and `filters`.
        activation: The activation applied to the output; None for none.
        use_bias: Whether to add a bias per output channel.
        kernel_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        kernel_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the output.
        kernel_constraint: Constraint applied to the kernel after updates.
        bias_constraint: Constraint applied to the bias after updates.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).
    """

    bias: Any

    def __init__(
        self,
        rank: int,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: IntOrInts = 1,
        groups: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.rank = rank
        self.filters = positive_int("filters", filters)
        self.groups = positive_int("groups", groups)
        if self.filters % self.groups:
            raise ValueError(
                "The number of filters must be evenly divisible by the number of groups. "
                f"Received: groups={groups}, filters={filters}."
            )
        self.kernel_size = standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = standardize_tuple(strides, rank, "strides")
        self.dilation_rate = standardize_tuple(dilation_rate, rank, "dilation_rate")
        check_strides_and_dilation(self.strides, self.dilation_rate)
        self.padding = standardize_padding(padding, allow_causal=rank == 1)
        self.data_format = standardize_data_format(data_format)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(ndim=rank + 2)

    def build(self, input_shape: Shape | None = None) -> None:
        shape = check_rank(self, input_shape, self.rank)
        channels = channels_of(self, shape, self.data_format)
        if channels % self.groups:
            raise ValueError(
                f"{describe(self)}: the number of input channels must be evenly divisible by the number "
                f"of groups. Received groups={self.groups}, but the input has {channels} channels "
                f"(full input shape is {shape})."
            )
        self.compute_output_shape(shape)  # raises early for a window larger than the input
        self.kernel = self.add_weight(
            shape=(*self.kernel_size, channels // self.groups, self.filters),
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
            name="kernel",
        )
        self.bias = None
        if self.use_bias:
            self.bias = self.add_weight(
                shape=(self.filters,),
                initializer=self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
                name="bias",
            )
        self.input_spec = InputSpec(ndim=self.rank + 2, axes={channel_axis(self.data_format): channels})
        self.built = True

    def call(self, inputs: Any) -> Any:
        padding = self.padding
        if padding == "causal":
            # Pad the start of the time axis so that output t sees inputs up to t only.
            left = self.dilation_rate[0] * (self.kernel_size[0] - 1)
            time_axis = 1 if self.data_format == "channels_last" else 2
            widths = [(0, 0)] * 3
            widths[time_axis] = (left, 0)
            inputs = ops.pad(inputs, widths)
            padding = "valid"
        outputs = ops.conv(
            inputs,
            self.kernel,
            strides=self.strides,
            padding=padding,
            data_format=self.data_format,
            dilation_rate=self.dilation_rate,
        )
        if self.bias is not None:
            outputs = add_bias(outputs, self.bias, self.data_format)
        return self.activation(outputs)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        shape = check_rank(self, input_shape, self.rank)
        return window_output_shape(
            self,
            shape,
            self.filters,
            self.kernel_size,
            self.strides,
            self.dilation_rate,
            self.padding,
            self.data_format,
        )

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "groups": self.groups,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        }


class Conv1D(BaseConv):
    """1-D convolution layer (temporal convolution, e.g. over a sequence).

    Slides `filters` kernels of `kernel_size` steps along the time axis:
    `activation(conv(inputs, kernel) + bias)`.

    Args:
        filters: The number of output channels.
        kernel_size: An int or 1 int: the window length.
        strides: An int or 1 int: the window's step; `strides > 1` excludes
            `dilation_rate > 1`.
        padding: "valid" (no padding), "same" (zero padding so that the output has
            `ceil(steps / strides)` steps) or "causal" (zero padding at the start only,
            so that output `t` depends on inputs up to `t`), in any letter case.
        data_format: "channels_last" (`(batch, steps, channels)`), "channels_first"
            (`(batch, channels, steps)`), or None for `keras.backend.image_data_format()`.
        dilation_rate: An int or 1 int: the spacing of the kernel taps.
        groups: The number of channel groups convolved separately; it divides both
            the input channels and `filters`.
        activation: The activation applied to the output; None for none.
        use_bias: Whether to add a bias per output channel.
        kernel_initializer: Initializer of the kernel `(kernel_size, channels // groups, filters)`.
        bias_initializer: Initializer of the bias `(filters,)`.
        kernel_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the output.
        kernel_constraint: Constraint applied to the kernel after updates.
        bias_constraint: Constraint applied to the bias after updates.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A rank-3 tensor with `filters` channels.

    Raises:
        ValueError: For non-positive sizes, `filters` not divisible by `groups`, an
            unknown `padding` or `data_format`, or a window longer than a "valid" input.

    Example:

    >>> layer = keras.layers.Conv1D(2, 3, kernel_initializer="ones")
    >>> layer(np.ones((1, 5, 4), "float32")).shape
    (1, 3, 2)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: IntOrInts = 1,
        groups: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            1,
            filters,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            groups=groups,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


class Conv2D(BaseConv):
    """2-D convolution layer (spatial convolution over images).

    Args:
        filters: The number of output channels.
        kernel_size: An int or 2 ints: the window's height and width.
        strides: An int or 2 ints: the window's step; `strides > 1` excludes
            `dilation_rate > 1`.
        padding: "valid" (no padding) or "same" (zero padding so that each spatial axis
            has `ceil(size / strides)` positions), in any letter case.
        data_format: "channels_last" (`(batch, height, width, channels)`),
            "channels_first" (`(batch, channels, height, width)`), or None for
            `keras.backend.image_data_format()`.
        dilation_rate: An int or 2 ints: the spacing of the kernel taps.
        groups: The number of channel groups convolved separately; it divides both
            the input channels and `filters`.
        activation: The activation applied to the output; None for none.
        use_bias: Whether to add a bias per output channel.
        kernel_initializer: Initializer of the kernel `(*kernel_size, channels // groups, filters)`.
        bias_initializer: Initializer of the bias `(filters,)`.
        kernel_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the output.
        kernel_constraint: Constraint applied to the kernel after updates.
        bias_constraint: Constraint applied to the bias after updates.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A rank-4 tensor with `filters` channels.

    Raises:
        ValueError: For non-positive sizes, `filters` not divisible by `groups`, an
            unknown `padding` or `data_format`, or a window larger than a "valid" input.

    Example:

    >>> layer = keras.layers.Conv2D(4, 3, padding="same")
    >>> layer(np.ones((2, 8, 8, 3), "float32")).shape
    (2, 8, 8, 4)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = (1, 1),
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: IntOrInts = (1, 1),
        groups: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            2,
            filters,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            groups=groups,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


class Conv3D(BaseConv):
    """3-D convolution layer (convolution over volumes or videos).

    Args:
        filters: The number of output channels.
        kernel_size: An int or 3 ints: the window's depth, height and width.
        strides: An int or 3 ints: the window's step; `strides > 1` excludes
            `dilation_rate > 1`.
        padding: "valid" (no padding) or "same" (zero padding so that each spatial axis
            has `ceil(size / strides)` positions), in any letter case.
        data_format: "channels_last" (`(batch, d1, d2, d3, channels)`),
            "channels_first" (`(batch, channels, d1, d2, d3)`), or None for
            `keras.backend.image_data_format()`.
        dilation_rate: An int or 3 ints: the spacing of the kernel taps.
        groups: The number of channel groups convolved separately; it divides both
            the input channels and `filters`.
        activation: The activation applied to the output; None for none.
        use_bias: Whether to add a bias per output channel.
        kernel_initializer: Initializer of the kernel `(*kernel_size, channels // groups, filters)`.
        bias_initializer: Initializer of the bias `(filters,)`.
        kernel_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the output.
        kernel_constraint: Constraint applied to the kernel after updates.
        bias_constraint: Constraint applied to the bias after updates.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A rank-5 tensor with `filters` channels.

    Raises:
        ValueError: For non-positive sizes, `filters` not divisible by `groups`, an
            unknown `padding` or `data_format`, or a window larger than a "valid" input.

    Example:

    >>> layer = keras.layers.Conv3D(2, 3)
    >>> layer(np.ones((1, 4, 5, 6, 1), "float32")).shape
    (1, 2, 3, 4, 2)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = (1, 1, 1),
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: IntOrInts = (1, 1, 1),
        groups: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            3,
            filters,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            groups=groups,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            bias_initializer=bias_initializer,
            kernel_regularizer=kernel_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            kernel_constraint=kernel_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


Convolution1D = Conv1D
Convolution2D = Conv2D
Convolution3D = Conv3D
