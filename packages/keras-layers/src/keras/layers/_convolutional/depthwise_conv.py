"""`BaseDepthwiseConv` and the depthwise convolution layers `DepthwiseConv1D`, `DepthwiseConv2D`."""

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

__all__ = ["DepthwiseConv1D", "DepthwiseConv2D"]


class BaseDepthwiseConv(Layer):
    """The N-D depthwise convolution layer `DepthwiseConv1D` and `DepthwiseConv2D` specialize.

    Each input channel is convolved with its own `depth_multiplier` filters; input
    channel `c`'s filter `m` gives output channel `c * depth_multiplier + m`. The kernel
    has shape `(*kernel_size, channels, depth_multiplier)`.

    Args:
        rank: The number of spatial axes (1 or 2).
        depth_multiplier: The number of filters per input channel.
        kernel_size: An int or `rank` ints: the window's size.
        strides: An int or `rank` ints: the window's step.
        padding: "valid" or "same", in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: An int or `rank` ints: the spacing of the kernel taps.
        activation: The activation applied to the output; None for none.
        use_bias: Whether to add a bias per output channel.
        depthwise_initializer: Initializer of the kernel.
        bias_initializer: Initializer of the bias.
        depthwise_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the output.
        depthwise_constraint: Constraint applied to the kernel after updates.
        bias_constraint: Constraint applied to the bias after updates.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).
    """

    bias: Any

    def __init__(
        self,
        rank: int,
        depth_multiplier: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: IntOrInts = 1,
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.rank = rank
        self.depth_multiplier = positive_int("depth_multiplier", depth_multiplier)
        self.kernel_size = standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = standardize_tuple(strides, rank, "strides")
        self.dilation_rate = standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.padding = standardize_padding(padding)
        self.data_format = standardize_data_format(data_format)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.depthwise_initializer = initializers.get(depthwise_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.depthwise_regularizer = regularizers.get(depthwise_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.depthwise_constraint = constraints.get(depthwise_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(ndim=rank + 2)

    def build(self, input_shape: Shape | None = None) -> None:
        shape = check_rank(self, input_shape, self.rank)
        channels = channels_of(self, shape, self.data_format)
        self.compute_output_shape(shape)  # raises early for a window larger than the input
        self.kernel = self.add_weight(
            shape=(*self.kernel_size, channels, self.depth_multiplier),
            initializer=self.depthwise_initializer,
            regularizer=self.depthwise_regularizer,
            constraint=self.depthwise_constraint,
            name="kernel",
        )
        self.bias = None
        if self.use_bias:
            self.bias = self.add_weight(
                shape=(channels * self.depth_multiplier,),
                initializer=self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
                name="bias",
            )
        self.input_spec = InputSpec(ndim=self.rank + 2, axes={channel_axis(self.data_format): channels})
        self.built = True

    def call(self, inputs: Any) -> Any:
        outputs = ops.depthwise_conv(
            inputs,
            self.kernel,
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
        channels = shape[channel_axis(self.data_format)]
        return window_output_shape(
            self,
            shape,
            None if channels is None else channels * self.depth_multiplier,
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
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "depthwise_initializer": initializers.serialize(self.depthwise_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "depthwise_regularizer": regularizers.serialize(self.depthwise_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "depthwise_constraint": constraints.serialize(self.depthwise_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        }


_ARGS_DOC = """
    Args:
        kernel_size: An int or {n} ints: the window's size.
        strides: An int or {n} ints: the window's step.
        padding: "valid" or "same", in any letter case.
        depth_multiplier: The number of filters per input channel.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: An int or {n} ints: the spacing of the kernel taps.
        activation: The activation applied to the output; None for none.
        use_bias: Whether to add a bias per output channel.
        depthwise_initializer: Initializer of the kernel
            `(*kernel_size, channels, depth_multiplier)`.
        bias_initializer: Initializer of the bias `(channels * depth_multiplier,)`.
        depthwise_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the output.
        depthwise_constraint: Constraint applied to the kernel after updates.
        bias_constraint: Constraint applied to the bias after updates.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A rank-{rank} tensor with `channels * depth_multiplier` channels, input channel
        `c`'s filter `m` at channel `c * depth_multiplier + m`.

    Raises:
        ValueError: For non-positive sizes, an unknown `padding` or `data_format`, or a
            window larger than a "valid" input.
"""


class DepthwiseConv1D(BaseDepthwiseConv):
    """1-D depthwise convolution layer: every channel convolved with its own filters.
    {args}
    Example:

    >>> layer = keras.layers.DepthwiseConv1D(3, depth_multiplier=2)
    >>> layer(np.ones((1, 6, 4), "float32")).shape
    (1, 4, 8)
    """

    def __init__(
        self,
        kernel_size: IntOrInts,
        strides: IntOrInts = 1,
        padding: str = "valid",
        depth_multiplier: int = 1,
        data_format: str | None = None,
        dilation_rate: IntOrInts = 1,
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            1,
            depth_multiplier,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


class DepthwiseConv2D(BaseDepthwiseConv):
    """2-D depthwise convolution layer: every channel convolved with its own filters.
    {args}
    Example:

    >>> layer = keras.layers.DepthwiseConv2D(3, padding="same")
    >>> layer(np.ones((1, 5, 5, 3), "float32")).shape
    (1, 5, 5, 3)
    """

    def __init__(
        self,
        kernel_size: IntOrInts,
        strides: IntOrInts = (1, 1),
        padding: str = "valid",
        depth_multiplier: int = 1,
        data_format: str | None = None,
        dilation_rate: IntOrInts = (1, 1),
        activation: Any = None,
        use_bias: bool = True,
        depthwise_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        depthwise_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        depthwise_constraint: Any = None,
        bias_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            2,
            depth_multiplier,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            use_bias=use_bias,
            depthwise_initializer=depthwise_initializer,
            bias_initializer=bias_initializer,
            depthwise_regularizer=depthwise_regularizer,
            bias_regularizer=bias_regularizer,
            activity_regularizer=activity_regularizer,
            depthwise_constraint=depthwise_constraint,
            bias_constraint=bias_constraint,
            **kwargs,
        )


fill_docstrings(_ARGS_DOC, [(DepthwiseConv1D, 1), (DepthwiseConv2D, 2)])
