"""`GRUCell` and `GRU`: the gated recurrent unit (gates in order z, r, h), both reset placements."""

from __future__ import annotations

from typing import Any

from keras import activations, ops, tree
from keras.layers._input_spec import InputSpec
from keras.layers._recurrent import fused
from keras.layers._recurrent.cell_base import RecurrentCell, cell_layer_config, cell_property, require_units
from keras.layers._recurrent.lstm import check_use_cudnn
from keras.layers._recurrent.rnn import RNN
from keras.ops._typing import Tensor

__all__ = ["GRU", "GRUCell"]


class GRUCell(RecurrentCell):
    """One GRU step: update gate `z`, reset gate `r`, candidate `hh`, then `h = z * h_prev + (1 - z) * hh`.

    `kernel` `(input_dim, 3 * units)` and `recurrent_kernel` `(units, 3 * units)` hold
    the blocks z, r, h in this order. With `reset_after=True` (the default, cuDNN's
    form) the reset gate multiplies `h_prev @ U_h + b_rh`, and `bias` is `(2, 3 * units)`:
    row 0 for the input projection, row 1 for the recurrent one. With `reset_after=False`
    it multiplies `h_prev` before `U_h`, and `bias` is `(3 * units,)`.

    Args:
        units: Positive int, the size of the state and of the output.
        activation: Activation of the candidate (name or callable).
        recurrent_activation: Activation of the gates.
        use_bias: Whether to add biases.
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
        recurrent_dropout: Fraction of the state units dropped (in the recurrent products) while training.
        reset_after: Whether the reset gate applies after the recurrent matrix product.
        seed: Seed of the dropout masks.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `units` is not a positive int.

    Example:

    >>> cell = keras.layers.GRUCell(1, kernel_initializer="ones", recurrent_initializer="zeros")
    >>> h, _ = cell(np.array([[1.0]], dtype="float32"), [np.zeros((1, 1), dtype="float32")])
    >>> h.round(4)
    array([[0.2048]], dtype=float32)
    >>> [tuple(w.shape) for w in cell.weights]
    [(1, 3), (1, 3), (2, 3)]
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
        kernel_regularizer: Any = None,
        recurrent_regularizer: Any = None,
        bias_regularizer: Any = None,
        kernel_constraint: Any = None,
        recurrent_constraint: Any = None,
        bias_constraint: Any = None,
        dropout: float = 0.0,
        recurrent_dropout: float = 0.0,
        reset_after: bool = True,
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
        self.recurrent_activation = activations.get(recurrent_activation)
        self.reset_after = reset_after
        self.state_size = units
        self.output_size = units

    def build(self, input_shape: Any) -> None:
        self.check_step_rank(input_shape, 2)
        units = self.units
        bias_shape = (2, 3 * units) if self.reset_after else (3 * units,)
        self.add_cell_weights((input_shape[-1], 3 * units), (units, 3 * units), bias_shape)

    def call(self, inputs: Tensor, states: Any, training: Any = False) -> tuple[Tensor, Any]:
        h_previous = states[0] if tree.is_nested(states) else states
        inputs, h_masked = self.step_masks(inputs, h_previous, training)
        units = self.units
        input_bias = recurrent_bias = None
        if self.bias is not None:
            if self.reset_after:
                input_bias, recurrent_bias = self.bias[0], self.bias[1]
            else:
                input_bias = self.bias
        x = ops.matmul(inputs, self.kernel)
        if input_bias is not None:
            x = ops.add(x, input_bias)
        x_z, x_r, x_h = ops.split(x, 3, axis=-1)
        if self.reset_after:
            inner = ops.matmul(h_masked, self.recurrent_kernel)
            if recurrent_bias is not None:
                inner = ops.add(inner, recurrent_bias)
        else:
            inner = ops.matmul(h_masked, self.recurrent_kernel[:, : 2 * units])
        gate = self.recurrent_activation
        z = gate(ops.add(x_z, inner[:, :units]))
        r = gate(ops.add(x_r, inner[:, units : 2 * units]))
        if self.reset_after:
            recurrent_h = ops.multiply(r, inner[:, 2 * units :])
        else:
            recurrent_h = ops.matmul(ops.multiply(r, h_masked), self.recurrent_kernel[:, 2 * units :])
        candidate = self.activation(ops.add(x_h, recurrent_h))
        h = ops.add(ops.multiply(z, h_previous), ops.multiply(ops.subtract(1.0, z), candidate))
        return h, [h] if tree.is_nested(states) else h

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "units": self.units,
            **self.common_config(),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "reset_after": self.reset_after,
        }


class GRU(RNN):
    """A gated recurrent unit layer (Cho et al., 2014).

    `RNN(GRUCell(...))` with the cell's arguments flattened into the layer's; the weights
    are the cell's (`gru/gru_cell/kernel`, ...) in Keras's layout. On the torch backend,
    with the default activations, `reset_after=True`, no recurrent dropout, no mask or a
    right-padded one (read forwards) and no `unroll`, the loop is torch's fused GRU.

    Args:
        units: Positive int, the size of the state and of the output.
        activation: Activation of the candidate.
        recurrent_activation: Activation of the gates.
        use_bias: Whether to add biases.
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
        seed: Seed of the dropout masks.
        return_sequences: Whether to return every step's output.
        return_state: Whether to also return the final state.
        go_backwards: Whether to read the sequence backwards.
        stateful: Whether each batch starts from the previous batch's final state.
        unroll: Whether to unroll the time loop in Python.
        reset_after: Whether the reset gate applies after the recurrent matrix product.
        use_cudnn: `"auto"` (a fused kernel when possible), `True` (require it) or `False`.
        **kwargs: Base layer arguments and `zero_output_for_mask`.

    Raises:
        ValueError: If `units` is not a positive int or `use_cudnn` is not one of the three values.

    Example:

    >>> layer = keras.layers.GRU(1, kernel_initializer="ones", recurrent_initializer="zeros")
    >>> layer(np.array([[[1.0]]], dtype="float32")).round(4)
    array([[0.2048]], dtype=float32)
    """

    units = cell_property("units")
    activation = cell_property("activation")
    recurrent_activation = cell_property("recurrent_activation")
    use_bias = cell_property("use_bias")
    reset_after = cell_property("reset_after")
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
        reset_after: bool = True,
        use_cudnn: Any = "auto",
        **kwargs: Any,
    ) -> None:
        kwargs.pop("implementation", None)
        cell = GRUCell(
            units,
            activation=activation,
            recurrent_activation=recurrent_activation,
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
            reset_after=reset_after,
            seed=seed,
            dtype=kwargs.get("dtype"),
            trainable=kwargs.get("trainable", True),
            name="gru_cell",
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
        result = fused.try_fused(self, "gru", sequences, initial_state, mask, training)
        if result is not None:
            return result
        return super().inner_loop(sequences, initial_state, mask, training)

    def get_config(self) -> dict[str, Any]:
        return cell_layer_config(self)

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Any:
        return cls(**config)
