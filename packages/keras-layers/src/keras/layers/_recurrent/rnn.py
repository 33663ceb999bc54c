"""`RNN`: apply a recurrent cell along the time axis of a sequence."""

from __future__ import annotations

from typing import Any

from keras import ops, tree
from keras.backend._name_scope import name_scope
from keras.backend._variable import Variable
from keras.layers._layer import Layer
from keras.layers._recurrent.dropout_rnn_cell import DropoutRNNCell
from keras.layers._recurrent.loop import time_loop
from keras.layers._recurrent.stacked_rnn_cells import StackedRNNCells
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._typing import Tensor

__all__ = ["RNN"]

Shape = tuple[int | None, ...]


def check_cell(cell: Any, argument: str = "cell") -> None:
    """Raise unless `cell` has a `call` method and a `state_size`."""
    if "call" not in dir(cell):
        raise ValueError(f"Argument `{argument}` should have a `call` method. Received: {argument}={cell}")
    if "state_size" not in dir(cell):
        raise ValueError(
            "The RNN cell should have a `state_size` attribute (single integer or list of integers, one "
            f"integer per RNN state). Received: {argument}={cell}"
        )


def call_cell(cell: Any, inputs: Tensor, states: list[Any], training: Any) -> tuple[Tensor, Any]:
    """Call one step of `cell`, passing `training` to layers (which accept it or ignore it)."""
    if isinstance(cell, Layer):
        return cell(inputs, states, training=training)  # type: ignore[no-any-return]
    return cell.call(inputs, states)  # type: ignore[no-any-return]


def _cells(cell: Any) -> list[Any]:
    return list(cell.cells) if isinstance(cell, StackedRNNCells) else [cell]


class RNN(Layer):
    """Run a recurrent cell over the time axis of `(batch, timesteps, ...)` inputs.

    The cell is any object with `call(inputs_t, states) -> (output_t, new_states)` and a
    `state_size` (an int or a list of ints, one per state); `output_size` and
    `get_initial_state(batch_size)` are optional. A list of cells is stacked
    (`StackedRNNCells`). The time loop is written once on `keras.ops` (`ops.scan`, so it
    compiles on jax and tensorflow).

    Args:
        cell: An RNN cell, or a list of cells to stack.
        return_sequences: Whether to return the output of every step (`(batch, timesteps,
            units)`) rather than the last one (`(batch, units)`).
        return_state: Whether to also return the final states, after the output.
        go_backwards: Whether to read the sequence backwards; the returned sequence is
            then in reading order (reversed).
        stateful: Whether the final states of a batch are the initial states of the next
            (the batch size must be static); `reset_states()` zeroes them.
        unroll: Whether to unroll the loop in Python (static time axis; faster for short
            sequences, more memory).
        zero_output_for_mask: Whether masked steps output zeros (else the previous
            output). The states of masked steps are always carried unchanged.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        sequences: A tensor `(batch, timesteps, ...)`.
        initial_state: Optional list of initial state tensors (zeros by default).
        mask: Optional boolean `(batch, timesteps)`; false steps are skipped.
        training: Whether dropout in the cell is active.

    Raises:
        ValueError: If `cell` has no `call` or no `state_size`.

    Example:

    >>> cell = keras.layers.SimpleRNNCell(2, kernel_initializer="ones", recurrent_initializer="zeros")
    >>> rnn = keras.layers.RNN(cell, return_sequences=True)
    >>> rnn(np.array([[[0.5], [0.0]]], dtype="float32")).round(4)
    array([[[0.4621, 0.4621],
            [0.    , 0.    ]]], dtype=float32)
    """

    states: list[Any] | None

    def __init__(
        self,
        cell: Any,
        return_sequences: bool = False,
        return_state: bool = False,
        go_backwards: bool = False,
        stateful: bool = False,
        unroll: bool = False,
        zero_output_for_mask: bool = False,
        **kwargs: Any,
    ) -> None:
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(list(cell))
        check_cell(cell)
        super().__init__(**kwargs)
        self.zero_output_for_mask = zero_output_for_mask
        self.cell = cell
        self.return_sequences = return_sequences
        self.return_state = return_state
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.supports_masking = True
        self.states = None
        self._expected_batch_size: int | None = None
        state_size = cell.state_size
        if not isinstance(state_size, (list, tuple, int)):
            raise ValueError(
                "state_size must be an integer, or a list/tuple of integers (one for each state tensor). "
                f"Received: cell.state_size={state_size!r}"
            )
        self.state_size: list[Any] = [state_size] if isinstance(state_size, int) else list(state_size)
        self.single_state = isinstance(state_size, int)

    # --- shapes and masks --------------------------------------------------------------

    def _check_rank(self, sequences_shape: Shape) -> None:
        if len(sequences_shape) < 3:
            raise ValueError(
                f"{type(self).__name__} layer '{self.name}' expects inputs of shape (batch, timesteps, "
                f"features...), of rank 3 or more. Received: input_shape={tuple(sequences_shape)}"
            )

    def compute_output_shape(self, sequences_shape: Shape, initial_state_shape: Any = None) -> Any:
        self._check_rank(sequences_shape)
        batch, length = sequences_shape[0], sequences_shape[1]
        states_shape: list[Any] = []
        for size in self.state_size:
            if isinstance(size, (list, tuple)):
                states_shape.append([(batch, s) for s in size])
            else:
                states_shape.append((batch, size))
        output_size = getattr(self.cell, "output_size", None)
        if output_size is None:
            output_size = tree.flatten(self.state_size)[0]
        if not isinstance(output_size, int):
            raise ValueError(f"output_size must be an integer. Received: output_size={output_size!r}")
        output_shape = (batch, length, output_size) if self.return_sequences else (batch, output_size)
        if self.return_state:
            return (output_shape, *states_shape)
        return output_shape

    def compute_mask(self, inputs: Any, previous_mask: Any) -> Any:
        mask = tree.flatten(previous_mask)[0] if previous_mask is not None else None
        output_mask = mask if self.return_sequences else None
        if self.return_state:
            return [output_mask] + [None for _ in self.state_size]
        return output_mask

    # --- building and states -----------------------------------------------------------

    def build(self, sequences_shape: Shape, initial_state_shape: Any = None) -> None:
        self._check_rank(sequences_shape)
        step_shape = (sequences_shape[0], *sequences_shape[2:])
        if isinstance(self.cell, Layer) and not self.cell.built:
            self.cell.build(step_shape)
        if self.stateful:
            if self.states is not None:
                self.reset_state()
                return
            batch = sequences_shape[0]
            if batch is None:
                raise ValueError(
                    "When using `stateful=True` in a RNN, the batch size must be static. Found dynamic "
                    f"batch size: sequence.shape={tuple(sequences_shape)}"
                )
            initial = self.get_initial_state(batch)
            self._state_structure = tree.map_structure(lambda _: 0, initial)
            with name_scope(self.name, caller=self):
                # A plain list: the states are not weights (not saved, not trained).
                self.states = [
                    Variable(value, trainable=False, dtype=self.variable_dtype, name="rnn_state")
                    for value in tree.flatten(initial)
                ]
            self._expected_batch_size = batch

    def get_initial_state(self, batch_size: Any) -> list[Any]:
        """Return the zero states for a batch: the cell's own, or zeros of `state_size`."""
        make = getattr(self.cell, "get_initial_state", None)
        if make is None:
            dtype = getattr(self.cell, "compute_dtype", self.compute_dtype)
            return [ops.zeros((batch_size, d), dtype=dtype) for d in self.state_size]
        states = make(batch_size=batch_size)
        return list(states) if tree.is_nested(states) else [states]

    def reset_states(self) -> None:
        """Zero the states of a stateful layer (alias of `reset_state`)."""
        self.reset_state()

    def reset_state(self) -> None:
        """Zero the states of a stateful layer."""
        if self.states is not None:
            for variable in self.states:
                variable.assign(ops.zeros_like(variable.value))

    # --- calling -----------------------------------------------------------------------

    def _initial_state(self, sequences: Tensor, initial_state: Any) -> list[Any]:
        if initial_state is None:
            if self.stateful and self.states is not None:
                # Copies: the variables are assigned in place after the loop.
                flat = [ops.copy(v.value) for v in self.states]
                initial_state = tree.pack_sequence_as(self._state_structure, flat)
            else:
                initial_state = self.get_initial_state(ops.shape(sequences)[0])
        if not tree.is_nested(initial_state):
            initial_state = [initial_state]
        sizes = tree.flatten(self.state_size)
        expected = len(sizes)
        known = all(isinstance(size, int) and size > 0 for size in sizes)
        if known and len(tree.flatten(initial_state)) != expected:
            raise ValueError(
                f"Layer '{self.name}' expects {expected} initial state tensor(s) (cell.state_size="
                f"{self.cell.state_size}). Received: {len(tree.flatten(initial_state))} initial state tensor(s)"
            )
        dtype = getattr(self.cell, "compute_dtype", self.compute_dtype)
        return list(tree.map_structure(lambda s: ops.cast(s, dtype), list(initial_state)))

    def _prepare_dropout(self, sequences: Tensor, states: list[Any], training: Any) -> None:
        """Draw each cell's dropout masks before the loop (the loop body stays stateless)."""
        if not training:
            return
        cells = _cells(self.cell)
        inputs = sequences[:, 0]
        per_cell = states if isinstance(self.cell, StackedRNNCells) else [states]
        for index, cell in enumerate(cells):
            cell_states = per_cell[index]
            cell_states = list(cell_states) if tree.is_nested(cell_states) else [cell_states]
            if isinstance(cell, DropoutRNNCell):
                cell.get_dropout_mask(inputs)
                cell.get_recurrent_dropout_mask(cell_states[0])
            if index + 1 < len(cells):
                inputs, _ = call_cell(cell, inputs, cell_states, training)

    def _reset_dropout(self) -> None:
        for cell in _cells(self.cell):
            if isinstance(cell, DropoutRNNCell):
                cell.reset_dropout_mask()
                cell.reset_recurrent_dropout_mask()

    def inner_loop(self, sequences: Tensor, initial_state: list[Any], mask: Any, training: Any) -> Any:
        """Run the cell over time: return `(last_output, outputs, final_states)`."""

        def step(inputs: Any, states: list[Any]) -> tuple[Tensor, list[Any]]:
            output, new_states = call_cell(self.cell, inputs, states, training)
            return output, list(new_states) if tree.is_nested(new_states) else [new_states]

        return time_loop(
            step,
            sequences,
            initial_state,
            mask=mask,
            go_backwards=self.go_backwards,
            unroll=self.unroll,
            zero_output_for_mask=self.zero_output_for_mask,
        )

    def call(
        self, sequences: Tensor, initial_state: Any = None, mask: Any = None, training: Any = False
    ) -> Any:
        timesteps = sequences.shape[1]
        if self.unroll and timesteps is None:
            raise ValueError(
                "Cannot unroll a RNN if the time dimension is undefined. \n- If using a Sequential model, "
                "specify the time dimension by passing an `Input()` as your first layer.\n- If using the "
                "functional API, specify the time dimension by passing a `shape` or `batch_shape` argument "
                "to your `Input()`."
            )
        if self.stateful and self._expected_batch_size is not None:
            batch = sequences.shape[0]
            if batch is not None and batch != self._expected_batch_size:
                raise ValueError(
                    "If an RNN is stateful, the batch size of the input sequences must be the same as the batch "
                    f"size of the initial state. \n- Expected batch size: {self._expected_batch_size}\n"
                    f"- Received batch size: {batch}"
                )
        if mask is not None:
            mask = tree.flatten(mask)[0]
        states = self._initial_state(sequences, initial_state)
        self._prepare_dropout(sequences, states, training)
        try:
            last_output, outputs, states = self.inner_loop(sequences, states, mask, training)
        finally:
            self._reset_dropout()
        dtype = self.compute_dtype
        last_output = ops.cast(last_output, dtype)
        states = tree.map_structure(lambda s: ops.cast(s, dtype), states)
        if self.stateful and self.states is not None:
            for variable, value in zip(self.states, tree.flatten(states), strict=True):
                variable.assign(value)
        output = ops.cast(outputs, dtype) if self.return_sequences else last_output
        if self.return_state:
            return (output, *states)
        return output

    # --- config ------------------------------------------------------------------------

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "return_sequences": self.return_sequences,
            "return_state": self.return_state,
            "go_backwards": self.go_backwards,
            "stateful": self.stateful,
            "unroll": self.unroll,
            "zero_output_for_mask": self.zero_output_for_mask,
            "cell": serialize_keras_object(self.cell),
        }

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Layer:
        config = dict(config)
        cell = deserialize_keras_object(config.pop("cell"), custom_objects=custom_objects)
        return cls(cell, **config)
