"""`BaseSeparableConv` and `SeparableConv1D`, `SeparableConv2D` (+ aliases)."""

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
    fill_docstrings,
    positive_int,
    standardize_data_format,
    standardize_padding,
    standardize_tuple,
    window_output_shape,
)
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer

__all__ = ["SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D", "SeparableConvolution2D"]


class BaseSeparableConv(Layer):
    """The N-D separable convolution layer `SeparableConv1D` and `SeparableConv2D` specialize.

    A depthwise convolution (`depth_multiplier` filters per input channel, kernel
    `(*kernel_size, channels, depth_multiplier)`) followed by a pointwise 1x1 convolution
    (kernel `(*ones, channels * depth_multiplier, filters)`) that mixes the channels.

    Args:
        rank: The number of spatial axes (1 or 2).
        depth_multiplier: The number of depthwise filters per input channel.
        filters: The number of output channels.
        kernel_size: An int or `rank` ints: the depthwise window's size.
        strides: An int or `rank` ints: the depthwise window's step.
        padding: "valid" or "same", in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: An int or `rank` ints: the spacing of the depthwise kernel taps.
        activation: The activation applied to the output; None for none.
        use_bias: Whether to add a bias per output channel.
        depthwise_initializer: Initializer of the depthwise kernel.
        pointwise_initializer: Initializer of the pointwise kernel.
        bias_initializer: Initializer of the bias.
        depthwise_regularizer: Regularizer of the depthwise kernel.
        pointwise_regularizer: Regularizer of the pointwise kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the output.
        depthwise_constraint: Constraint applied to the depthwise kernel after updates.
        pointwise_constraint: Constraint applied to the pointwise kernel after updates.
        bias_constraint: Constraint applied to the bias after updates.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).
    """

    bias: Any

    def __init__(
        self,
        rank: int,
        depth_multiplier: int,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: IntOrInts = 1,
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = "glorot_uniform",
        pointwise_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        pointwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        pointwise_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.rank = rank
        self.depth_multiplier = positive_int("depth_multiplier", depth_multiplier)
        self.filters = positive_int("filters", filters)
        self.kernel_size = standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = standardize_tuple(strides, rank, "strides")
        self.dilation_rate = standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = standardize_padding(padding)
        self.data_format = standardize_data_format(data_format)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.depthwise_initializer = initializers.get(depthwise_initializer)
        self.pointwise_initializer = initializers.get(pointwise_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.depthwise_regularizer = regularizers.get(depthwise_regularizer)
        self.pointwise_regularizer = regularizers.get(pointwise_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.depthwise_constraint = constraints.get(depthwise_constraint)
        self.pointwise_constraint = constraints.get(pointwise_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(ndim=rank + 2)

    def build(self, input_shape: Shape | None = None) -> None:
        shape = check_rank(self, input_shape, self.rank)
        channels = channels_of(self, shape, self.data_format)
        self.compute_output_shape(shape)  # raises early for a window larger than the input
        self.depthwise_kernel = self.add_weight(
            shape=(*self.kernel_size, channels, self.depth_multiplier),
            initializer=self.depthwise_initializer,
            regularizer=self.depthwise_regularizer,
            constraint=self.depthwise_constraint,
            name="depthwise_kernel",
        )
        self.pointwise_kernel = self.add_weight(
            shape=(*(1,) * self.rank, channels * self.depth_multiplier, self.filters),
            initializer=self.pointwise_initializer,
            regularizer=self.pointwise_regularizer,
            constraint=self.pointwise_constraint,
            name="pointwise_kernel",
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
        outputs = ops.separable_conv(
            inputs,
            self.depthwise_kernel,
            self.pointwise_kernel,
            strides=self.strides,
            padding=self.padding,
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
            "depth_multiplier": self.depth_multiplier,
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "depthwise_initializer": initializers.serialize(self.depthwise_initializer),
            "pointwise_initializer": initializers.serialize(self.pointwise_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "depthwise_regularizer": regularizers.serialize(self.depthwise_regularizer),
            "pointwise_regularizer": regularizers.serialize(self.pointwise_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "depthwise_constraint": constraints.serialize(self.depthwise_constraint),
            "pointwise_constraint": constraints.serialize(self.pointwise_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        }


_ARGS_DOC = """
    Args:
        filters: The number of output channels.
        kernel_size: An int or {n} ints: the depthwise window's size.
        strides: An int or {n} ints: the depthwise window's step.
        padding: "valid" or "same", in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: An int or {n} ints: the spacing of the depthwise kernel taps.
        depth_multiplier: The number of depthwise filters per input channel.
        activation: The activation applied to the output; None for none.
        use_bias: Whether to add a bias per output channel.
        depthwise_initializer: Initializer of the depthwise kernel
            `(*kernel_size, channels, depth_multiplier)`.
        pointwise_initializer: Initializer of the pointwise kernel
            `(*ones, channels * depth_multiplier, filters)`.
        bias_initializer: Initializer of the bias `(filters,)`.
        depthwise_regularizer: Regularizer of the depthwise kernel.
        pointwise_regularizer: Regularizer of the pointwise kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the output.
        depthwise_constraint: Constraint applied to the depthwise kernel after updates.
        pointwise_constraint: Constraint applied to the pointwise kernel after updates.
        bias_constraint: Constraint applied to the bias after updates.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A rank-{rank} tensor with `filters` channels.

    Raises:
        ValueError: For non-positive sizes, an unknown `padding` or `data_format`, or a
            window larger than a "valid" input.
"""


class SeparableConv1D(BaseSeparableConv):
    """1-D separable convolution layer: a depthwise then a pointwise convolution.
    {args}
    Example:

    >>> layer = keras.layers.SeparableConv1D(4, 3, depth_multiplier=2)
    >>> layer(np.ones((1, 6, 3), "float32")).shape
    (1, 4, 4)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: IntOrInts = 1,
        depth_multiplier: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = "glorot_uniform",
        pointwise_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        pointwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        pointwise_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            1,
            depth_multiplier,
            filters,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            pointwise_initializer=pointwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            pointwise_regularizer=pointwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            pointwise_constraint=pointwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


class SeparableConv2D(BaseSeparableConv):
    """2-D separable convolution layer: a depthwise then a pointwise convolution.
    {args}
    Example:

    >>> layer = keras.layers.SeparableConv2D(8, 3, padding="same")
    >>> layer(np.ones((1, 5, 5, 3), "float32")).shape
    (1, 5, 5, 8)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = (1, 1),
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: IntOrInts = (1, 1),
        depth_multiplier: int = 1,
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = "glorot_uniform",
        pointwise_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        pointwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        pointwise_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            2,
            depth_multiplier,
            filters,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            pointwise_initializer=pointwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            pointwise_regularizer=pointwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            pointwise_constraint=pointwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


fill_docstrings(_ARGS_DOC, [(SeparableConv1D, 1), (SeparableConv2D, 2)])

SeparableConvolution1D = SeparableConv1D
SeparableConvolution2D = SeparableConv2D
