"""`ConvLSTM1D/2D/3D`: LSTMs whose products are convolutions, over sequences of images.

The private `ConvLSTMCell` computes one step; `ConvLSTM` is the RNN around it, and the
three public classes fix its number of spatial axes. Gates are i, f, c, o along the
kernel's last axis, as in Keras, so Keras weights load unchanged.
"""

from __future__ import annotations

from typing import Any

from keras import activations, ops
from keras.layers._convolutional.arguments import (
    add_bias,
    fill_docstrings,
    standardize_data_format,
    standardize_padding,
    standardize_tuple,
    window_output_shape,
)
from keras.layers._input_spec import InputSpec
from keras.layers._recurrent.cell_base import (
    RecurrentCell,
    cell_layer_config,
    cell_property,
    forget_bias_initializer,
    require_units,
)
from keras.layers._recurrent.rnn import RNN
from keras.ops._typing import Tensor

__all__ = ["ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"]

Shape = tuple[int | None, ...]


class ConvLSTMCell(RecurrentCell):
    """One ConvLSTM step over `(batch, *spatial, channels)` (or channels first) inputs.

    The input convolution uses `strides`, `padding` and `dilation_rate`; the recurrent
    one runs over the state with stride 1 and "same" padding. The states `h` and `c`
    have the input convolution's output shape.
    """

    def __init__(
        self,
        rank: int,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = "tanh",
        recurrent_activation: Any = "sigmoid",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        unit_forget_bias: bool = True,
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        require_units(filters, "filters")
        super().__init__(
            activation,
            use_bias,
            kernel_initializer,
            recurrent_initializer,
            bias_initializer,
            kernel_regularizer,
            recurrent_regularizer,
            bias_regularizer,
            kernel_constraint,
            recurrent_constraint,
            bias_constraint,
            dropout,
            recurrent_dropout,
            seed,
            **kwargs,
        )
        self.rank = rank
        self.filters = filters
        self.kernel_size = standardize_tuple(kernel_size, rank, "kernel_size")
        self.strides = standardize_tuple(strides, rank, "strides")
        self.padding = standardize_padding(padding)
        self.data_format = standardize_data_format(data_format)
        self.dilation_rate = standardize_tuple(dilation_rate, rank, "dilation_rate")
        self.recurrent_activation = activations.get(recurrent_activation)
        self.unit_forget_bias = unit_forget_bias
        self.state_size = -1  # states are feature maps: see `get_initial_state`
        self._state_shape: Shape | None = None

    def output_shape_for(self, input_shape: Shape) -> Shape:
        """The shape of `h` (and `c`) for a step input of `input_shape`."""
        return window_output_shape(
            self,
            tuple(input_shape),
            self.filters,
            self.kernel_size,
            self.strides,
            self.dilation_rate,
            self.padding,
            self.data_format,
        )

    def build(self, input_shape: Any) -> None:
        self.check_step_rank(input_shape, self.rank + 2)
        channels_last = self.data_format == "channels_last"
        spatial = tuple(input_shape[1:-1] if channels_last else input_shape[2:])
        if None in spatial:
            raise ValueError(
                "ConvLSTM layers only support static input shapes for the spatial dimension. "
                f"Received invalid input shape: input_shape={tuple(input_shape)}"
            )
        channels = input_shape[-1] if channels_last else input_shape[1]
        if channels is None:
            raise ValueError(
                "The channel dimension of the inputs should be defined. Found None. Full input shape received: "
                f"input_shape={tuple(input_shape)}"
            )
        self._state_shape = self.output_shape_for(tuple(input_shape))[1:]
        gates = 4 * self.filters
        bias_initializer = (
            forget_bias_initializer(self.filters, self.bias_initializer) if self.unit_forget_bias else None
        )
        self.add_cell_weights(
            (*self.kernel_size, channels, gates),
            (*self.kernel_size, self.filters, gates),
            (gates,),
            bias_initializer,
        )

    def get_initial_state(self, batch_size: Any = None) -> list[Any]:
        assert self._state_shape is not None, "build the cell first"
        shape = (batch_size, *self._state_shape)
        return [ops.zeros(shape, dtype=self.compute_dtype), ops.zeros(shape, dtype=self.compute_dtype)]

    def call(self, inputs: Tensor, states: Any, training: Any = False) -> tuple[Tensor, list[Tensor]]:
        h_previous, c_previous = states[0], states[1]
        inputs, h_masked = self.step_masks(inputs, h_previous, training)
        x = ops.conv(inputs, self.kernel, self.strides, self.padding, self.data_format, self.dilation_rate)
        if self.bias is not None:
            x = add_bias(x, self.bias, self.data_format)
        recurrent = ops.conv(h_masked, self.recurrent_kernel, 1, "same", self.data_format)
        z = ops.add(x, recurrent)
        axis = -1 if self.data_format == "channels_last" else 1
        z_i, z_f, z_c, z_o = ops.split(z, 4, axis=axis)
        gate = self.recurrent_activation
        c = ops.add(ops.multiply(gate(z_f), c_previous), ops.multiply(gate(z_i), self.activation(z_c)))
        h = ops.multiply(gate(z_o), self.activation(c))
        return h, [h, c]

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "filters": self.filters,
            "kernel_size": self.kernel_size,
            "strides": self.strides,
            "padding": self.padding,
            "data_format": self.data_format,
            "dilation_rate": self.dilation_rate,
            **self.common_config(),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "unit_forget_bias": self.unit_forget_bias,
        }


class ConvLSTM(RNN):
    """The RNN around `ConvLSTMCell`, for `rank` spatial axes (the base of ConvLSTM1D/2D/3D)."""

    filters = cell_property("filters")
    kernel_size = cell_property("kernel_size")
    strides = cell_property("strides")
    padding = cell_property("padding")
    data_format = cell_property("data_format")
    dilation_rate = cell_property("dilation_rate")
    activation = cell_property("activation")
    recurrent_activation = cell_property("recurrent_activation")
    use_bias = cell_property("use_bias")
    dropout = cell_property("dropout")
    recurrent_dropout = cell_property("recurrent_dropout")

    def __init__(
        self,
        rank: int,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = "tanh",
        recurrent_activation: Any = "sigmoid",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        unit_forget_bias: bool = True,
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: int | None = None,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        **kwargs: Any,
    ) -> None:
        cell = ConvLSTMCell(
            rank,
            filters,
            kernel_size,
            strides=strides,
            padding=padding,
            data_format=data_format,
            dilation_rate=dilation_rate,
            activation=activation,
            recurrent_activation=recurrent_activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer,
            unit_forget_bias=unit_forget_bias,
            kernel_regularizer=kernel_regularizer,
            recurrent_regularizer=recurrent_regularizer,
            bias_regularizer=bias_regularizer,
            kernel_constraint=kernel_constraint,
            recurrent_constraint=recurrent_constraint,
            bias_constraint=bias_constraint,
            dropout=dropout,
            recurrent_dropout=recurrent_dropout,
            seed=seed,
            dtype=kwargs.get("dtype"),
            trainable=kwargs.get("trainable", True),
            name="conv_lstm_cell",
        )
        super().__init__(
            cell,
            return_sequences=return_sequences,
            return_state=return_state,
            go_backwards=go_backwards,
            stateful=stateful,
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
        self.rank = rank
        self.input_spec = InputSpec(ndim=rank + 3)

    def compute_output_shape(self, sequences_shape: Shape, initial_state_shape: Any = None) -> Any:
        batch, steps = sequences_shape[0], sequences_shape[1]
        state = self.cell.output_shape_for((batch, *sequences_shape[2:]))[1:]
        output = (batch, steps, *state) if self.return_sequences else (batch, *state)
        if self.return_state:
            return (output, (batch, *state), (batch, *state))
        return output

    def compute_mask(self, inputs: Any, previous_mask: Any) -> Any:
        mask = super().compute_mask(inputs, previous_mask)
        return mask[:3] if self.return_state else mask

    def get_config(self) -> dict[str, Any]:
        return cell_layer_config(self)

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Any:
        return cls(**config)


_ARGS = """Args:
        filters: Positive int, the number of output channels (of `h` and `c`).
        kernel_size: Int or tuple of {n} ints, the convolution window.
        strides: Int or tuple of {n} ints, the input convolution's strides.
        padding: "valid" or "same", the input convolution's padding.
        data_format: "channels_last" (`(batch, time, *spatial, channels)`) or
            "channels_first" (`(batch, time, channels, *spatial)`); `image_data_format()` by default.
        dilation_rate: Int or tuple of {n} ints, the input convolution's dilation.
        activation: Activation of the cell input and of the output.
        recurrent_activation: Activation of the gates.
        use_bias: Whether to add a bias.
        kernel_initializer: Initializer of `kernel` `(*kernel_size, channels, 4 * filters)`.
        recurrent_initializer: Initializer of `recurrent_kernel` `(*kernel_size, filters, 4 * filters)`.
        bias_initializer: Initializer of `bias` `(4 * filters,)`.
        unit_forget_bias: Whether the forget gate's bias starts at one.
        kernel_regularizer: Regularizer of `kernel`.
        recurrent_regularizer: Regularizer of `recurrent_kernel`.
        bias_regularizer: Regularizer of `bias`.
        activity_regularizer: Regularizer of the output.
        kernel_constraint: Constraint of `kernel`.
        recurrent_constraint: Constraint of `recurrent_kernel`.
        bias_constraint: Constraint of `bias`.
        dropout: Fraction of the input features dropped while training.
        recurrent_dropout: Fraction of the units of `h` dropped while training.
        seed: Seed of the dropout masks.
        return_sequences: Whether to return every step's output.
        return_state: Whether to also return the final states `h, c`.
        go_backwards: Whether to read the sequence backwards.
        stateful: Whether each batch starts from the previous batch's final states.
        **kwargs: Base layer arguments, `unroll` and `zero_output_for_mask`.

    Raises:
        ValueError: For a non-positive `filters`, bad window arguments, inputs that are not
            `(batch, time, {n} spatial axes, channels)`, or unknown spatial sizes."""


class ConvLSTM1D(ConvLSTM):
    """Run an LSTM whose input and recurrent products are 1-D convolutions.

    Inputs are sequences of 1-D feature maps, of rank 4. The states `h` and `c`
    have the input convolution's output shape; the recurrent convolution keeps it
    ("same" padding, stride 1).

    {args}

    Example:

    >>> layer = keras.layers.ConvLSTM1D(2, 3, padding="same")
    >>> layer(np.zeros((1, 4, 5, 3), dtype="float32")).shape
    (1, 5, 2)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = "tanh",
        recurrent_activation: Any = "sigmoid",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        unit_forget_bias: bool = True,
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: int | None = None,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            1,
            filters,
            kernel_size,
            strides,
            padding,
            data_format,
            dilation_rate,
            activation,
            recurrent_activation,
            use_bias,
            kernel_initializer,
            recurrent_initializer,
            bias_initializer,
            unit_forget_bias,
            kernel_regularizer,
            recurrent_regularizer,
            bias_regularizer,
            activity_regularizer,
            kernel_constraint,
            recurrent_constraint,
            bias_constraint,
            dropout,
            recurrent_dropout,
            seed,
            return_sequences,
            return_state,
            go_backwards,
            stateful,
            **kwargs,
        )


class ConvLSTM2D(ConvLSTM):
    """Run an LSTM whose input and recurrent products are 2-D convolutions.

    Inputs are sequences of 2-D feature maps, of rank 5. The states `h` and `c`
    have the input convolution's output shape; the recurrent convolution keeps it
    ("same" padding, stride 1).

    {args}

    Example:

    >>> layer = keras.layers.ConvLSTM2D(2, 3, return_sequences=True, name="conv_lstm2d")
    >>> layer(np.zeros((1, 4, 5, 5, 3), dtype="float32")).shape
    (1, 4, 3, 3, 2)
    >>> [w.path for w in layer.weights][0]
    'conv_lstm2d/conv_lstm_cell/kernel'
    """

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = "tanh",
        recurrent_activation: Any = "sigmoid",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        unit_forget_bias: bool = True,
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: int | None = None,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            2,
            filters,
            kernel_size,
            strides,
            padding,
            data_format,
            dilation_rate,
            activation,
            recurrent_activation,
            use_bias,
            kernel_initializer,
            recurrent_initializer,
            bias_initializer,
            unit_forget_bias,
            kernel_regularizer,
            recurrent_regularizer,
            bias_regularizer,
            activity_regularizer,
            kernel_constraint,
            recurrent_constraint,
            bias_constraint,
            dropout,
            recurrent_dropout,
            seed,
            return_sequences,
            return_state,
            go_backwards,
            stateful,
            **kwargs,
        )


class ConvLSTM3D(ConvLSTM):
    """Run an LSTM whose input and recurrent products are 3-D convolutions.

    Inputs are sequences of 3-D feature maps, of rank 6. The states `h` and `c`
    have the input convolution's output shape; the recurrent convolution keeps it
    ("same" padding, stride 1).

    {args}

    Example:

    >>> layer = keras.layers.ConvLSTM3D(2, 3, padding="same")
    >>> layer(np.zeros((1, 2, 4, 4, 4, 1), dtype="float32")).shape
    (1, 4, 4, 4, 2)
    """

    def __init__(
        self,
        filters: int,
        kernel_size: Any,
        strides: Any = 1,
        padding: str = "valid",
        data_format: str | None = None,
        dilation_rate: Any = 1,
        activation: Any = "tanh",
        recurrent_activation: Any = "sigmoid",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        unit_forget_bias: bool = True,
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        seed: int | None = None,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            3,
            filters,
            kernel_size,
            strides,
            padding,
            data_format,
            dilation_rate,
            activation,
            recurrent_activation,
            use_bias,
            kernel_initializer,
            recurrent_initializer,
            bias_initializer,
            unit_forget_bias,
            kernel_regularizer,
            recurrent_regularizer,
            bias_regularizer,
            activity_regularizer,
            kernel_constraint,
            recurrent_constraint,
            bias_constraint,
            dropout,
            recurrent_dropout,
            seed,
            return_sequences,
            return_state,
            go_backwards,
            stateful,
            **kwargs,
        )


fill_docstrings(_ARGS, [(ConvLSTM1D, 1), (ConvLSTM2D, 2), (ConvLSTM3D, 3)])
