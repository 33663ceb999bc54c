"""`BaseConvTranspose` and `Conv1DTranspose`, `Conv2DTranspose`, `Conv3DTranspose` (+ aliases)."""

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
)
from keras.layers._convolutional.conv import check_strides_and_dilation
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.ops.nn._conv import transpose_plan

__all__ = [
    "Conv1DTranspose",
    "Conv2DTranspose",
    "Conv3DTranspose",
    "Convolution1DTranspose",
    "Convolution2DTranspose",
    "Convolution3DTranspose",
]


class BaseConvTranspose(Layer):
    """The N-D transposed convolution layer the `Conv*DTranspose` layers specialize.

    Computes `activation(conv_transpose(inputs, kernel) + bias)`, the adjoint of a
    convolution: every input position scatters `kernel`-weighted copies into the output,
    `strides` positions apart. The kernel has shape `(*kernel_size, filters, input_channels)`.

    Args:
        rank: The number of spatial axes (1, 2 or 3).
        filters: The number of output channels.
        kernel_size: An int or `rank` ints: the window's size.
        strides: An int or `rank` ints: the upsampling factor.
        padding: "valid" (`(size - 1) * strides + max(kernel, strides)` positions) or
            "same" (`size * strides` positions), in any letter case.
        output_padding: None, or an int or `rank` ints, each below its stride: the
            output size is then `(size - 1) * strides + kernel - 2 * pad + output_padding`
            with `pad` 0 for "valid" and `kernel // 2` for "same".
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: An int or `rank` ints: the spacing of the kernel taps.
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
        output_padding: IntOrInts | None = None,
        data_format: str | None = None,
        dilation_rate: IntOrInts = 1,
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
        self.kernel_size = standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = standardize_tuple(strides, rank, "strides")
        self.dilation_rate = standardize_tuple(dilation_rate, rank, "dilation_rate")
        check_strides_and_dilation(self.strides, self.dilation_rate)
        self.padding = standardize_padding(padding)
        self.output_padding = (
            None
            if output_padding is None
            else standardize_tuple(output_padding, rank, "output_padding", allow_zero=True)
        )
        if self.output_padding is not None:
            for axis, (extra, step) in enumerate(zip(self.output_padding, self.strides, strict=True)):
                if extra >= step:
                    raise ValueError(
                        "`output_padding` must be strictly less than `strides` on every axis. "
                        f"At axis {axis}, output_padding is {extra} and strides is {step}. "
                        f"Received: output_padding={self.output_padding}, strides={self.strides}"
                    )
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
        self.kernel = self.add_weight(
            shape=(*self.kernel_size, self.filters, channels),
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
        outputs = ops.conv_transpose(
            inputs,
            self.kernel,
            strides=self.strides,
            padding=self.padding,
            output_padding=self.output_padding,
            data_format=self.data_format,
            dilation_rate=self.dilation_rate,
        )
        if self.bias is not None:
            outputs = add_bias(outputs, self.bias, self.data_format)
        return self.activation(outputs)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        shape = check_rank(self, input_shape, self.rank)
        channels = shape[channel_axis(self.data_format)]
        plan = transpose_plan(
            shape,
            (*self.kernel_size, self.filters, channels),
            self.strides,
            self.padding,
            self.output_padding,
            self.data_format,
            self.dilation_rate,
        )
        return plan.output_shape

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "output_padding": self.output_padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
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


_ARGS_DOC = """
    Args:
        filters: The number of output channels.
        kernel_size: An int or {n} ints: the window's size.
        strides: An int or {n} ints: the upsampling factor; `strides > 1` excludes
            `dilation_rate > 1`.
        padding: "valid" (`(size - 1) * strides + max(kernel, strides)` positions per
            axis) or "same" (`size * strides` positions), in any letter case.
        output_padding: None, or an int or {n} ints each below its stride, fixing the
            output size at `(size - 1) * strides + kernel - 2 * pad + output_padding`,
            `pad` being 0 for "valid" and `kernel // 2` for "same".
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        dilation_rate: An int or {n} ints: the spacing of the kernel taps.
        activation: The activation applied to the output; None for none.
        use_bias: Whether to add a bias per output channel.
        kernel_initializer: Initializer of the kernel `(*kernel_size, filters, channels)`.
        bias_initializer: Initializer of the bias `(filters,)`.
        kernel_regularizer: Regularizer of the kernel.
        bias_regularizer: Regularizer of the bias.
        activity_regularizer: Regularizer of the output.
        kernel_constraint: Constraint applied to the kernel after updates.
        bias_constraint: Constraint applied to the bias after updates.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A rank-{rank} tensor with `filters` channels.

    Raises:
        ValueError: For non-positive sizes, `output_padding` not below `strides`, or an
            unknown `padding` or `data_format`.
"""


class Conv1DTranspose(BaseConvTranspose):
    """1-D transposed convolution layer (sometimes called deconvolution).

    Upsamples a sequence: the adjoint of `Conv1D` with the same arguments.
    {args}
    Example:

    >>> layer = keras.layers.Conv1DTranspose(2, 3, strides=2)
    >>> layer(np.ones((1, 4, 1), "float32")).shape
    (1, 9, 2)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = 1,
        padding: str = "valid",
        output_padding: IntOrInts | None = None,
        data_format: str | None = None,
        dilation_rate: IntOrInts = 1,
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
            output_padding=output_padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
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


class Conv2DTranspose(BaseConvTranspose):
    """2-D transposed convolution layer (sometimes called deconvolution).

    Upsamples images: the adjoint of `Conv2D` with the same arguments.
    {args}
    Example:

    >>> layer = keras.layers.Conv2DTranspose(3, 2, strides=2, padding="same")
    >>> layer(np.ones((1, 4, 4, 1), "float32")).shape
    (1, 8, 8, 3)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = (1, 1),
        padding: str = "valid",
        output_padding: IntOrInts | None = None,
        data_format: str | None = None,
        dilation_rate: IntOrInts = (1, 1),
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
            output_padding=output_padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
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


class Conv3DTranspose(BaseConvTranspose):
    """3-D transposed convolution layer (sometimes called deconvolution).

    Upsamples volumes: the adjoint of `Conv3D` with the same arguments. (Unlike the 1-D
    and 2-D layers, `data_format` comes before `output_padding` in the signature.)
    {args}
    Example:

    >>> layer = keras.layers.Conv3DTranspose(2, 2, strides=2)
    >>> layer(np.ones((1, 2, 3, 4, 1), "float32")).shape
    (1, 4, 6, 8, 2)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: IntOrInts,
        strides: IntOrInts = (1, 1, 1),
        padding: str = "valid",
        data_format: str | None = None,
        output_padding: IntOrInts | None = None,
        dilation_rate: IntOrInts = (1, 1, 1),
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
            output_padding=output_padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
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


fill_docstrings(_ARGS_DOC, [(Conv1DTranspose, 1), (Conv2DTranspose, 2), (Conv3DTranspose, 3)])

Convolution1DTranspose = Conv1DTranspose
Convolution2DTranspose = Conv2DTranspose
Convolution3DTranspose = Conv3DTranspose
