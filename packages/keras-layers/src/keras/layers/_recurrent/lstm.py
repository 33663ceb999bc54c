"""`LSTMCell` and `LSTM`: the long short-term memory recurrence (gates in order i, f, c, o)."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._input_spec import InputSpec
from keras.layers._recurrent import fused
from keras.layers._recurrent.cell_base import (
    RecurrentCell,
    cell_layer_config,
    cell_property,
    forget_bias_initializer,
    require_units,
)
from keras.layers._recurrent.rnn import RNN
from keras.ops._typing import Tensor

__all__ = ["LSTM", "LSTMCell"]


class LSTMCell(RecurrentCell):
    """One LSTM step: input, forget, cell and output gates over `[x_t, h_{t-1}]`.

    With `z = x_t @ kernel + h_{t-1} @ recurrent_kernel + bias` split into four blocks
    `(z_i, z_f, z_c, z_o)`: `c_t = sig(z_f) * c_{t-1} + sig(z_i) * act(z_c)` and
    `h_t = sig(z_o) * act(c_t)`, where `sig` is `recurrent_activation`. The output is `h_t`;
    the states are `[h_t, c_t]`. Weights: `kernel` `(input_dim, 4 * units)`,
    `recurrent_kernel` `(units, 4 * units)`, `bias` `(4 * units,)`, as in Keras.

    Args:
        units: Positive int, the size of the states and of the output.
        activation: Activation of the cell input and of the output (name or callable).
        recurrent_activation: Activation of the gates.
        use_bias: Whether to add a bias.
        kernel_initializer: Initializer of `kernel`.
        recurrent_initializer: Initializer of `recurrent_kernel`.
        bias_initializer: Initializer of `bias`.
        unit_forget_bias: Whether the forget gate's bias starts at one (the rest of the
            bias from `bias_initializer`).
        kernel_regularizer: Regularizer of `kernel`.
        recurrent_regularizer: Regularizer of `recurrent_kernel`.
        bias_regularizer: Regularizer of `bias`.
        kernel_constraint: Constraint of `kernel`.
        recurrent_constraint: Constraint of `recurrent_kernel`.
        bias_constraint: Constraint of `bias`.
        dropout: Fraction of the input features dropped while training (one mask per sequence).
        recurrent_dropout: Fraction of the units of `h` dropped while training.
        seed: Seed of the dropout masks.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `units` is not a positive int.

    Example:

    >>> cell = keras.layers.LSTMCell(1, kernel_initializer="ones", recurrent_initializer="zeros")
    >>> zeros = np.zeros((1, 1), dtype="float32")
    >>> h, (h_again, c) = cell(np.array([[1.0]], dtype="float32"), [zeros, zeros])
    >>> h.round(4), c.round(4)
    (array([[0.3696]], dtype=float32), array([[0.5568]], dtype=float32))
    """

    def __init__(
        self,
        units: int,
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
        require_units(units)
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
        from keras import activations

        self.units = units
        self.recurrent_activation = activations.get(recurrent_activation)
        self.unit_forget_bias = unit_forget_bias
        self.state_size = [units, units]
        self.output_size = units

    def build(self, input_shape: Any) -> None:
        self.check_step_rank(input_shape, 2)
        bias_initializer = (
            forget_bias_initializer(self.units, self.bias_initializer) if self.unit_forget_bias else None
        )
        self.add_cell_weights(
            (input_shape[-1], 4 * self.units),
            (self.units, 4 * self.units),
            (4 * self.units,),
            bias_initializer,
        )

    def call(self, inputs: Tensor, states: Any, training: Any = False) -> tuple[Tensor, list[Tensor]]:
        h_previous, c_previous = states[0], states[1]
        inputs, h_masked = self.step_masks(inputs, h_previous, training)
        z = ops.add(ops.matmul(inputs, self.kernel), ops.matmul(h_masked, self.recurrent_kernel))
        if self.bias is not None:
            z = ops.add(z, self.bias)
        z_i, z_f, z_c, z_o = ops.split(z, 4, axis=-1)
        gate = self.recurrent_activation
        c = ops.add(ops.multiply(gate(z_f), c_previous), ops.multiply(gate(z_i), self.activation(z_c)))
        h = ops.multiply(gate(z_o), self.activation(c))
        return h, [h, c]

    def get_config(self) -> dict[str, Any]:
        from keras import activations

        return {
            **super().get_config(),
            "units": self.units,
            **self.common_config(),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "unit_forget_bias": self.unit_forget_bias,
        }


def check_use_cudnn(use_cudnn: Any) -> Any:
    if use_cudnn not in ("auto", True, False):
        raise ValueError(
            "Invalid valid received for argument `use_cudnn`. Expected one of {'auto', True, False}. "
            f"Received: use_cudnn={use_cudnn}"
        )
    return use_cudnn


class LSTM(RNN):
    """A long short-term memory layer (Hochreiter & Schmidhuber, 1997).

    `RNN(LSTMCell(...))` with the cell's arguments flattened into the layer's; the
    weights are the cell's (`lstm/lstm_cell/kernel`, ...) in Keras's layout, so Keras
    weight files load. On the torch backend, with the default activations, no recurrent
    dropout, no mask or a right-padded one (not read backwards) and no `unroll`, the
    time loop is torch's fused LSTM kernel (`use_cudnn="auto"`); elsewhere it is the
    generic `ops.scan` loop.

    Args:
        units: Positive int, the size of the states and of the output.
        activation: Activation of the cell input and of the output.
        recurrent_activation: Activation of the gates.
        use_bias: Whether to add a bias.
        kernel_initializer: Initializer of `kernel`.
        recurrent_initializer: Initializer of `recurrent_kernel`.
        bias_initializer: Initializer of `bias`.
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
        unroll: Whether to unroll the time loop in Python.
        use_cudnn: `"auto"` (a fused kernel when possible), `True` (require it) or `False`.
        **kwargs: Base layer arguments and `zero_output_for_mask`.

    Raises:
        ValueError: If `units` is not a positive int or `use_cudnn` is not one of the three values.

    Example:

    >>> layer = keras.layers.LSTM(1, kernel_initializer="ones", recurrent_initializer="zeros")
    >>> layer(np.array([[[1.0]]], dtype="float32")).round(4)
    array([[0.3696]], dtype=float32)
    """

    units = cell_property("units")
    activation = cell_property("activation")
    recurrent_activation = cell_property("recurrent_activation")
    use_bias = cell_property("use_bias")
    dropout = cell_property("dropout")
    recurrent_dropout = cell_property("recurrent_dropout")

    def __init__(
        self,
        units: int,
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
        unroll: bool = False,
        use_cudnn: Any = "auto",
        **kwargs: Any,
    ) -> None:
        kwargs.pop("implementation", None)
        cell = LSTMCell(
            units,
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
            name="lstm_cell",
        )
        super().__init__(
            cell,
            return_sequences=return_sequences,
            return_state=return_state,
            go_backwards=go_backwards,
            stateful=stateful,
            unroll=unroll,
            activity_regularizer=activity_regularizer,
            **kwargs,
        )
        self.input_spec = InputSpec(ndim=3)
        self.use_cudnn = check_use_cudnn(use_cudnn)

    def inner_loop(self, sequences: Tensor, initial_state: list[Any], mask: Any, training: Any) -> Any:
        result = fused.try_fused(self, "lstm", sequences, initial_state, mask, training)
        if result is not None:
            return result
        return super().inner_loop(sequences, initial_state, mask, training)

    def get_config(self) -> dict[str, Any]:
        return cell_layer_config(self)

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Any:
        return cls(**config)
