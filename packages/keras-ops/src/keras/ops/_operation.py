"""`Operation` and `Node`: the graph that symbolic calls record.

An `Operation` is anything callable on tensors that can also run on `KerasTensor`s: an
op (see `keras.ops._op`) or a layer. A symbolic call computes the output specs,
creates `KerasTensor` outputs and records a `Node` linking inputs to outputs.
`keras.Function` walks these nodes to run the graph on real tensors.
"""

from __future__ import annotations

import re
from typing import Any

from keras import tree
from keras.backend._naming import check_name, unique_name
from keras.ops._keras_tensor import KerasHistory, KerasTensor
from keras.ops._spec import Spec


def _to_snake_case(name: str) -> str:
    """`BatchNormalization` -> `batch_normalization`, `Conv2D` -> `conv2d`, `GRUCell` -> `gru_cell`.

    An underscore goes before a capital that starts a lowercase run (`GRU|Cell`), and
    between a lowercase letter and a capital (`batch|Norm`); digits never split.
    """
    name = re.sub(r"\W+", "", name)
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


# Types seen in op arguments that are neither KerasTensors nor containers (backend tensors,
# numpy arrays, Python scalars): one set lookup skips them on the hot path.
LEAF_TYPES: set[type] = set()


def _symbolic_value(value: Any) -> bool:
    cls = type(value)
    if cls in LEAF_TYPES:
        return False
    if isinstance(value, KerasTensor):
        return True
    if isinstance(value, (list, tuple, dict)):
        return any(isinstance(v, KerasTensor) for v in tree.flatten(value))
    LEAF_TYPES.add(cls)
    return False


def any_symbolic(args: tuple[Any, ...], kwargs: dict[str, Any]) -> bool:
    """Return whether any argument, or any item of a list/tuple/dict argument, is a KerasTensor."""
    for value in args:
        if type(value) not in LEAF_TYPES and _symbolic_value(value):
            return True
    if kwargs:
        for value in kwargs.values():
            if type(value) not in LEAF_TYPES and _symbolic_value(value):
                return True
    return False


class Node:
    """One call of an operation in the graph: its arguments and its outputs.

    `call_args`/`call_kwargs` keep the arguments as given, with `KerasTensor`s in place,
    so the call can be replayed with real tensors substituted.
    """

    def __init__(
        self,
        operation: Operation,
        call_args: tuple[Any, ...] = (),
        call_kwargs: dict[str, Any] | None = None,
        outputs: Any = None,
    ) -> None:
        self.operation = operation
        self.call_args = call_args
        self.call_kwargs = dict(call_kwargs or {})
        self.outputs: list[KerasTensor] = [t for t in tree.flatten(outputs) if isinstance(t, KerasTensor)]
        self.output_structure = outputs
        self.input_tensors: list[KerasTensor] = [
            t for t in tree.flatten((call_args, self.call_kwargs)) if isinstance(t, KerasTensor)
        ]
        self.parent_nodes: list[Node] = []
        for tensor in self.input_tensors:
            history = tensor._keras_history
            if history is not None:
                parent = history.operation._inbound_nodes[history.node_index]
                if parent not in self.parent_nodes:
                    self.parent_nodes.append(parent)
        node_index = len(operation._inbound_nodes)
        operation._inbound_nodes.append(self)
        for tensor in self.input_tensors:
            if tensor._keras_history is not None:
                tensor._keras_history.operation._outbound_nodes.append(self)
        for index, tensor in enumerate(self.outputs):
            tensor._keras_history = KerasHistory(operation, node_index, index)

    @property
    def is_input(self) -> bool:
        return not self.input_tensors

    def __repr__(self) -> str:
        return f"<Node operation={self.operation.name}, inputs={len(self.input_tensors)}>"


class Operation:
    """Base class of everything that runs on tensors and records graph nodes.

    Subclasses implement `call` (the eager computation) and `compute_output_spec`
    (the symbolic one: `KerasTensor`s in, `KerasTensor`s out).

    Args:
        name: The operation's name; a unique one derived from the class name by default.
    """

    def __init__(self, name: str | None = None) -> None:
        if name is None:
            name = unique_name(_to_snake_case(type(self).__name__))
        self.name = check_name(name)
        self._inbound_nodes: list[Node] = []
        self._outbound_nodes: list[Node] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if any_symbolic(args, kwargs):
            return self.symbolic_call(*args, **kwargs)
        return self.call(*args, **kwargs)

    def symbolic_call(self, *args: Any, **kwargs: Any) -> Any:
        """Compute the output specs, record a node and return the output `KerasTensor`s."""
        outputs = self.compute_output_spec(*args, **kwargs)
        Node(self, call_args=args, call_kwargs=kwargs, outputs=outputs)
        return outputs

    def call(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must implement `call()`.")

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must implement `compute_output_spec()`.")

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Operation:
        return cls(**config)

    def _single_node(self, attribute: str) -> Any:
        if not self._inbound_nodes:
            raise AttributeError(
                f"Operation {self.name!r} has never been called and thus has no {attribute}."
            )
        if len(self._inbound_nodes) > 1:
            raise AttributeError(
                f"Operation {self.name!r} has multiple inbound nodes, so its {attribute} is ambiguous."
            )
        return self._inbound_nodes[0]

    @property
    def input(self) -> Any:
        node = self._single_node("input")
        args = node.call_args
        return args[0] if len(args) == 1 else args

    @property
    def output(self) -> Any:
        return self._single_node("output").output_structure

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name}>"


def keras_tensors_from_specs(specs: Any) -> Any:
    """Return the structure `specs` with every `Spec` replaced by a new `KerasTensor`."""
    return tree.map_structure(
        lambda s: KerasTensor(s.shape, s.dtype) if isinstance(s, Spec) else s,
        specs,
    )
