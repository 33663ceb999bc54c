"""`get_source_inputs`: the `keras.Input` tensors a symbolic tensor was computed from."""

from __future__ import annotations

from typing import Any

from keras import tree


def get_source_inputs(tensor: Any) -> Any:
    """Return the input tensors at the roots of the graph that produced `tensor`.

    Args:
        tensor: A `KerasTensor` (anything else is returned as it is).

    Returns:
        The list of source `KerasTensor`s, each once, in the order they are reached.

    Example:

    >>> inputs = keras.Input((3,))
    >>> outputs = keras.layers.Dense(2)(inputs)
    >>> keras.utils.get_source_inputs(outputs)[0] is inputs
    True
    """
    history = getattr(tensor, "_keras_history", "missing")
    if isinstance(history, str):
        return tensor
    if history is None or not history.operation._inbound_nodes:
        return [tensor]
    node = history.operation._inbound_nodes[history.node_index]
    if node.is_input:
        return list(tree.flatten(node.outputs))
    sources: list[Any] = []
    for parent in node.input_tensors:
        for source in get_source_inputs(parent):
            if all(source is not seen for seen in sources):
                sources.append(source)
    return sources
