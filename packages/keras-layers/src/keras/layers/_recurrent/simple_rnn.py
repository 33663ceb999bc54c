"""`SimpleRNNCell` and `SimpleRNN`: the fully connected recurrence `h = act(x W + h U + b)`."""

from __future__ import annotations

from typing import Any

from keras import ops, tree
from keras.layers._input_spec import InputSpec
from keras.layers._recurrent.cell_base import RecurrentCell, cell_layer_config, cell_property, require_units
from keras.layers._recurrent.rnn import RNN
from keras.ops._typing import Tensor

__all__ = ["SimpleRNN", "SimpleRNNCell"]


class SimpleRNNCell(RecurrentCell):
    """One step of a fully connected RNN: `h_t = activation(x_t @ kernel + h_{t-1} @ recurrent_kernel + bias)`.

    The output is the new state. Weights: `kernel` `(input_dim, units)`,
    `recurrent_kernel` `(units, units)`, `bias` `(units,)`.

    Args:
        units: Positive int, the size of the state and of the output.
        activation: Activation (name or callable); `None` means linear.
        use_bias: Whether to add a bias.
        kernel_initializer: Initializer of `kernel`.
        recurrent_initializer: Initializer of `recurrent_kernel`.
        bias_initializer: Initializer of `bias`.
        kernel_regularizer: Regularizer of `kernel`.
        recurrent_regularizer: Regularizer of `recurrent_kernel`.
        bias_regularizer: Regularizer of `bias`.
        kernel_constraint: Constraint of `kernel`.
        recurrent_constraint: Constraint of `recurrent_kernel`.
        bias_constraint: Constraint of `bias`.
        dropout: Fraction of the input features dropped while training (one mask per sequence).
        recurrent_dropout: Fraction of the state units dropped while training.
        seed: Seed of the dropout masks.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `units` is not a positive int.

    Example:

    >>> cell = keras.layers.SimpleRNNCell(2, kernel_initializer="ones", recurrent_initializer="zeros")
    >>> output, states = cell(np.array([[0.5]], dtype="float32"), [np.zeros((1, 2), dtype="float32")])
    >>> output.round(4)
    array([[0.4621, 0.4621]], dtype=float32)
    """

    def __init__(
        self,
        units: int,
        activation: Any = "tanh",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
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
        self.units = units
        self.state_size = units
        self.output_size = units

    def build(self, input_shape: Any) -> None:
        self.check_step_rank(input_shape, 2)
        self.add_cell_weights((input_shape[-1], self.units), (self.units, self.units), (self.units,))

    def call(self, sequence: Tensor, states: Any, training: Any = False) -> tuple[Tensor, Any]:
        previous = states[0] if tree.is_nested(states) else states
        sequence, previous = self.step_masks(sequence, previous, training)
        h = ops.matmul(sequence, self.kernel)
        if self.bias is not None:
            h = ops.add(h, self.bias)
        output = ops.add(h, ops.matmul(previous, self.recurrent_kernel))
        if self.activation is not None:
            output = self.activation(output)
        return output, [output] if tree.is_nested(states) else output

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "units": self.units, **self.common_config()}


class SimpleRNN(RNN):
    """A fully connected RNN whose output is fed back as the next step's state.

    `RNN(SimpleRNNCell(...))` with the cell's arguments flattened into the layer's; the
    weights are the cell's (`simple_rnn/simple_rnn_cell/kernel`, ...), as in Keras.

    Args:
        units: Positive int, the size of the state and of the output.
        activation: Activation (name or callable); `None` means linear.
        use_bias: Whether to add a bias.
        kernel_initializer: Initializer of `kernel`.
        recurrent_initializer: Initializer of `recurrent_kernel`.
        bias_initializer: Initializer of `bias`.
        kernel_regularizer: Regularizer of `kernel`.
        recurrent_regularizer: Regularizer of `recurrent_kernel`.
        bias_regularizer: Regularizer of `bias`.
        activity_regularizer: Regularizer of the output.
        kernel_constraint: Constraint of `kernel`.
        recurrent_constraint: Constraint of `recurrent_kernel`.
        bias_constraint: Constraint of `bias`.
        dropout: Fraction of the input features dropped while training.
        recurrent_dropout: Fraction of the state units dropped while training.
        return_sequences: Whether to return every step's output.
        return_state: Whether to also return the final state.
        go_backwards: Whether to read the sequence backwards.
        stateful: Whether each batch starts from the previous batch's final state.
        unroll: Whether to unroll the time loop in Python.
        seed: Seed of the dropout masks.
        **kwargs: Base layer arguments and `zero_output_for_mask`.

    Example:

    >>> layer = keras.layers.SimpleRNN(2, kernel_initializer="ones", recurrent_initializer="zeros")
    >>> layer(np.array([[[0.5], [0.0]]], dtype="float32"))
    array([[0., 0.]], dtype=float32)
    """

    units = cell_property("units")
    activation = cell_property("activation")
    use_bias = cell_property("use_bias")
    dropout = cell_property("dropout")
    recurrent_dropout = cell_property("recurrent_dropout")

    def __init__(
        self,
        units: int,
        activation: Any = "tanh",
        use_bias: bool = True,
        kernel_initializer: Any = "glorot_uniform",
        recurrent_initializer: Any = "orthogonal",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        unroll: bool = False,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        cell = SimpleRNNCell(
            units,
            activation=activation,
            use_bias=use_bias,
            kernel_initializer=kernel_initializer,
            recurrent_initializer=recurrent_initializer,
            bias_initializer=bias_initializer,
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
            name="simple_rnn_cell",
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

    def get_config(self) -> dict[str, Any]:
        # Keras's SimpleRNN config has no "seed" (its cell's has).
        return cell_layer_config(self, drop=("seed",))

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Any:
        return cls(**config)
