"""`StackedRNNCells`: several recurrent cells acting as one, each feeding the next."""

from __future__ import annotations

from typing import Any

from keras import ops, tree
from keras.layers._layer import Layer
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._typing import Tensor

__all__ = ["StackedRNNCells"]


def _output_size(cell: Any) -> Any:
    size = getattr(cell, "output_size", None)
    if size is not None:
        return size
    state_size = cell.state_size
    return state_size[0] if isinstance(state_size, (list, tuple)) else state_size


class StackedRNNCells(Layer):
    """Stack recurrent cells: at each step the output of one cell is the input of the next.

    The state of the stack is the list of the cells' states, first cell first; its output
    is the last cell's output.

    Args:
        cells: A list of cells, each with a `call` method and a `state_size`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If a cell has no `call` method or no `state_size`.

    Example:

    >>> cells = [keras.layers.SimpleRNNCell(3), keras.layers.LSTMCell(2)]
    >>> rnn = keras.layers.RNN(keras.layers.StackedRNNCells(cells))
    >>> rnn(np.zeros((4, 5, 6), dtype="float32")).shape
    (4, 2)
    >>> rnn.cell.state_size
    [3, [2, 2]]
    """

    def __init__(self, cells: list[Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for cell in cells:
            if "call" not in dir(cell):
                raise ValueError(
                    f"All cells must have a `call` method. Received cell without a `call` method: {cell}"
                )
            if "state_size" not in dir(cell):
                raise ValueError(
                    f"All cells must have a `state_size` attribute. Received cell without a `state_size`: {cell}"
                )
        self.cells = list(cells)

    @property
    def state_size(self) -> list[Any]:
        return [cell.state_size for cell in self.cells]

    @property
    def output_size(self) -> Any:
        return _output_size(self.cells[-1])

    def get_initial_state(self, batch_size: Any = None) -> list[Any]:
        """Return each cell's zero states, first cell first."""
        states: list[Any] = []
        for cell in self.cells:
            make = getattr(cell, "get_initial_state", None)
            if make is not None:
                states.append(make(batch_size=batch_size))
            elif isinstance(cell.state_size, int):
                states.append(ops.zeros((batch_size, cell.state_size), dtype=self.compute_dtype))
            else:
                states.append([ops.zeros((batch_size, d), dtype=self.compute_dtype) for d in cell.state_size])
        return states

    def build(self, input_shape: Any) -> None:
        for cell in self.cells:
            if isinstance(cell, Layer) and not cell.built:
                cell.build(input_shape)
            input_shape = (tree.flatten(input_shape)[0], _output_size(cell))

    def call(self, inputs: Tensor, states: list[Any], training: Any = False) -> tuple[Tensor, list[Any]]:
        new_states: list[Any] = []
        for cell, cell_states in zip(self.cells, states, strict=True):
            was_list = tree.is_nested(cell_states)
            as_list = list(cell_states) if was_list else [cell_states]
            if isinstance(cell, Layer):
                inputs, next_states = cell(inputs, as_list, training=training)
            else:
                inputs, next_states = cell.call(inputs, as_list)
            next_list = list(next_states) if tree.is_nested(next_states) else [next_states]
            new_states.append(next_list if was_list or len(next_list) != 1 else next_list[0])
        return inputs, new_states

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "cells": [serialize_keras_object(cell) for cell in self.cells]}

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Layer:
        config = dict(config)
        cells = [deserialize_keras_object(c, custom_objects=custom_objects) for c in config.pop("cells")]
        return cls(cells, **config)
