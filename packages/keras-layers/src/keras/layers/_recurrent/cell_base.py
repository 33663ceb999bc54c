"""What the built-in recurrent cells and their layers share, written once.

`RecurrentCell` holds the arguments common to SimpleRNNCell, LSTMCell, GRUCell and the
ConvLSTM cell (activation, initializers, regularizers, constraints, dropout rates, seed),
creates `kernel`, `recurrent_kernel` and `bias` in Keras's order and names, and writes
their shared config entries. `cell_property` and `cell_layer_config` let a layer
(`LSTM`, ...) expose its cell's arguments and flatten them into its own config.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras import activations, constraints, initializers, ops, regularizers
from keras.backend._variable import Variable
from keras.layers._layer import Layer
from keras.layers._recurrent.dropout_rnn_cell import DropoutRNNCell, clip_rate
from keras.random import SeedGenerator

__all__: list[str] = []

Shape = tuple[int | None, ...]


def require_units(units: Any, name: str = "units") -> int:
    if not isinstance(units, int) or isinstance(units, bool) or units <= 0:
        raise ValueError(
            f"Received an invalid value for argument `{name}`, expected a positive integer, got {units}."
        )
    return units


class RecurrentCell(DropoutRNNCell, Layer):
    """Base of the built-in cells: the common arguments, weights, states and config."""

    kernel: Variable
    recurrent_kernel: Variable
    bias: Variable | None
    state_size: Any
    output_size: Any

    def __init__(
        self,
        activation: Any,
        use_bias: bool,
        kernel_initializer: Any,
        recurrent_initializer: Any,
        bias_initializer: Any,
        kernel_regularizer: Any,
        recurrent_regularizer: Any,
        bias_regularizer: Any,
        kernel_constraint: Any,
        recurrent_constraint: Any,
        bias_constraint: Any,
        dropout: float,
        recurrent_dropout: float,
        seed: int | None,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("implementation", None)  # a Keras 2 argument, still in old configs
        super().__init__(**kwargs)
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.recurrent_initializer = initializers.get(recurrent_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.recurrent_regularizer = regularizers.get(recurrent_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.recurrent_constraint = constraints.get(recurrent_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.dropout = clip_rate(dropout)
        self.recurrent_dropout = clip_rate(recurrent_dropout)
        self.seed = seed
        self.seed_generator = SeedGenerator(seed=seed)

    def add_cell_weights(
        self, kernel_shape: Shape, recurrent_shape: Shape, bias_shape: Shape, bias_initializer: Any = None
    ) -> None:
        """Create `kernel`, `recurrent_kernel` and (with `use_bias`) `bias`, in this order."""
        self.kernel = self.add_weight(
            shape=kernel_shape,  # type: ignore[arg-type]
            name="kernel",
            initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self.recurrent_kernel = self.add_weight(
            shape=recurrent_shape,  # type: ignore[arg-type]
            name="recurrent_kernel",
            initializer=self.recurrent_initializer,
            regularizer=self.recurrent_regularizer,
            constraint=self.recurrent_constraint,
        )
        self.bias = None
        if self.use_bias:
            self.bias = self.add_weight(
                shape=bias_shape,  # type: ignore[arg-type]
                name="bias",
                initializer=bias_initializer or self.bias_initializer,
                regularizer=self.bias_regularizer,
                constraint=self.bias_constraint,
            )

    def check_step_rank(self, input_shape: Any, rank: int) -> None:
        """Raise unless the per-step input has `rank` axes (batch included)."""
        if len(input_shape) != rank:
            raise ValueError(
                f"{type(self).__name__} '{self.name}' expects step inputs of rank {rank} (its RNN layer "
                f"expects inputs of rank {rank + 1}, with a time axis). Received: input_shape={tuple(input_shape)}"
            )

    def step_masks(self, inputs: Any, state: Any, training: Any) -> tuple[Any, Any]:
        """Return `(inputs, state)` multiplied by this sequence's dropout masks when training."""
        if training and 0.0 < self.dropout < 1.0:
            inputs = ops.multiply(inputs, self.get_dropout_mask(inputs))
        if training and 0.0 < self.recurrent_dropout < 1.0:
            state = ops.multiply(state, self.get_recurrent_dropout_mask(state))
        return inputs, state

    def get_initial_state(self, batch_size: Any = None) -> list[Any]:
        """Return zero states `(batch_size, size)`, one per entry of `state_size`."""
        sizes = self.state_size if isinstance(self.state_size, (list, tuple)) else [self.state_size]
        return [ops.zeros((batch_size, size), dtype=self.compute_dtype) for size in sizes]

    def common_config(self) -> dict[str, Any]:
        return {
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "recurrent_initializer": initializers.serialize(self.recurrent_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "recurrent_regularizer": regularizers.serialize(self.recurrent_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "recurrent_constraint": constraints.serialize(self.recurrent_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "dropout": self.dropout,
            "recurrent_dropout": self.recurrent_dropout,
            "seed": self.seed,
        }


def cell_property(name: str) -> Any:
    """A read-only property of a layer that returns its cell's attribute `name`."""

    def read(self: Any) -> Any:
        return getattr(self.cell, name)

    read.__name__ = name
    read.__doc__ = f"The cell's `{name}`."
    return property(read)


def cell_layer_config(layer: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """The config of a layer built around one of our cells: RNN flags plus the cell's arguments."""
    config: dict[str, Any] = {key: value for key, value in Layer.get_config(layer).items()}
    config.update(
        return_sequences=layer.return_sequences,
        return_state=layer.return_state,
        go_backwards=layer.go_backwards,
        stateful=layer.stateful,
        unroll=layer.unroll,
        zero_output_for_mask=layer.zero_output_for_mask,
    )
    own = {"name", "trainable", "dtype", *drop}
    config.update({key: value for key, value in layer.cell.get_config().items() if key not in own})
    config["activity_regularizer"] = regularizers.serialize(layer.activity_regularizer)
    return config


def forget_bias_initializer(units: int, bias_initializer: Callable[..., Any]) -> Callable[..., Any]:
    """An LSTM bias initializer: `bias_initializer` everywhere but ones for the forget gate."""

    def initialize(shape: Any, dtype: Any = None, **kwargs: Any) -> Any:
        return ops.concatenate(
            [
                bias_initializer((units,), dtype=dtype),
                ops.ones((units,), dtype=dtype),
                bias_initializer((shape[0] - 2 * units,), dtype=dtype),
            ]
        )

    return initialize
