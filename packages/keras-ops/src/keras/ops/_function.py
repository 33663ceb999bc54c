"""`keras.Function`: a graph of recorded op calls, run on real tensors.

Built from input and output `KerasTensor`s, it walks the nodes back from the outputs to
the inputs once, keeps them in execution order, and on each call replays every node
with real tensors in place of the symbolic ones.
"""

from __future__ import annotations

from typing import Any

from keras import tree
from keras.ops._keras_tensor import KerasTensor
from keras.ops._operation import Node, Operation


def _check_keras_tensors(structure: Any, argument: str) -> list[KerasTensor]:
    flat = tree.flatten(structure)
    for value in flat:
        if not isinstance(value, KerasTensor):
            raise ValueError(
                f"All `{argument}` of a Function must be KerasTensors. Received: {value!r} "
                f"(of type {type(value).__name__})"
            )
    return flat


def _producing_node(tensor: KerasTensor) -> Node | None:
    history = tensor._keras_history
    if history is None:
        return None
    return history.operation._inbound_nodes[history.node_index]


def nodes_in_execution_order(inputs: list[KerasTensor], outputs: list[KerasTensor]) -> list[Node]:
    """Return the nodes between `inputs` and `outputs`, each after the nodes it needs.

    Raises:
        ValueError: If an output depends on a symbolic tensor that is not an input.
    """
    input_ids = {id(t) for t in inputs}
    ordered: list[Node] = []
    finished: set[int] = set()
    # Iterative depth-first walk: deep graphs must not hit Python's recursion limit.
    stack: list[tuple[KerasTensor, bool]] = [(t, False) for t in reversed(outputs)]
    while stack:
        tensor, children_done = stack.pop()
        if id(tensor) in input_ids:
            continue
        node = _producing_node(tensor)
        if node is None:
            raise ValueError(
                f"Graph disconnected: output {tensor!r} depends on {tensor.name!r}, which is "
                "neither one of the Function's inputs nor computed from them."
            )
        if id(node) in finished:
            continue
        if children_done:
            finished.add(id(node))
            ordered.append(node)
            continue
        stack.append((tensor, True))
        for parent in reversed(node.input_tensors):
            stack.append((parent, False))
    return ordered


class Function(Operation):
    """A callable graph from input `KerasTensor`s to output `KerasTensor`s.

    Args:
        inputs: A `KerasTensor` or a structure (list, tuple, dict) of them.
        outputs: A `KerasTensor` or a structure of them, computed from `inputs` by ops.
        name: An optional name.

    Example:

    >>> x = keras.KerasTensor((None, 2))
    >>> f = keras.Function(x, keras.ops.add(x, 1.0))
    >>> f(np.array([[1.0, 2.0]], dtype="float32"))
    array([[2., 3.]], dtype=float32)
    """

    def __init__(self, inputs: Any, outputs: Any, name: str | None = None) -> None:
        super().__init__(name=name)
        self._inputs_struct = inputs
        self._outputs_struct = outputs
        self._inputs = _check_keras_tensors(inputs, "inputs")
        self._outputs = _check_keras_tensors(outputs, "outputs")
        self._nodes = nodes_in_execution_order(self._inputs, self._outputs)
        self._operations = list(dict.fromkeys(node.operation for node in self._nodes))

    @property
    def inputs(self) -> list[KerasTensor]:
        return list(self._inputs)

    @property
    def outputs(self) -> list[KerasTensor]:
        return list(self._outputs)

    @property
    def operations(self) -> list[Operation]:
        return list(self._operations)

    def call(self, inputs: Any) -> Any:
        flat_inputs = tree.flatten(inputs)
        if len(flat_inputs) != len(self._inputs):
            raise ValueError(
                f"Function {self.name!r} expects {len(self._inputs)} input(s) structured like "
                f"{tree.map_structure(lambda t: t.shape, self._inputs_struct)}. "
                f"Received {len(flat_inputs)}."
            )
        values: dict[int, Any] = {id(t): v for t, v in zip(self._inputs, flat_inputs, strict=True)}
        return self._run(values)

    def _run(self, values: dict[int, Any]) -> Any:
        def lookup(value: Any) -> Any:
            return values[id(value)] if isinstance(value, KerasTensor) else value

        for node in self._nodes:
            args = tree.map_structure(lookup, node.call_args)
            kwargs = tree.map_structure(lookup, node.call_kwargs)
            # Operation.__call__ runs eagerly on real tensors and records new nodes on symbolic ones.
            result = node.operation(*args, **kwargs)
            for symbolic, real in zip(node.outputs, tree.flatten(result), strict=True):
                values[id(symbolic)] = real
        return tree.map_structure(lookup, self._outputs_struct)

    def compute_output_spec(self, inputs: Any) -> Any:
        flat = tree.flatten(inputs)
        for given, expected in zip(flat, self._inputs, strict=False):
            if isinstance(given, KerasTensor) and given.ndim != expected.ndim:
                raise ValueError(
                    f"Function {self.name!r}: input {expected.name!r} has rank {expected.ndim}; "
                    f"received rank {given.ndim}."
                )
        return self.call(inputs)

    def __call__(self, inputs: Any) -> Any:
        return super().__call__(inputs)
