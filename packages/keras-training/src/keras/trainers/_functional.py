"""`Functional`: a model defined by a graph of layer calls on `keras.Input` tensors.

Running it replays the recorded nodes on real tensors (`keras.Function` does the walk);
its config lists each layer with the calls it received (`inbound_nodes`) in Keras 3's
format, so a graph saved by either implementation rebuilds in the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from keras import tree
from keras.layers import Layer
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._conversion import convert_to_tensor
from keras.ops._function import Function
from keras.ops._keras_tensor import KerasTensor
from keras.trainers._model import Model


def _history_entry(tensor: KerasTensor) -> list[Any]:
    history = tensor._keras_history
    assert history is not None
    return [history.operation.name, history.node_index, history.tensor_index]


def _structure_entries(structure: Any) -> Any:
    """Map a structure of KerasTensors to `[layer_name, node_index, tensor_index]` entries."""
    if isinstance(structure, KerasTensor):
        return _history_entry(structure)
    if isinstance(structure, Mapping):
        return {key: _structure_entries(value) for key, value in structure.items()}
    return [_structure_entries(value) for value in structure]


class Functional(Model):
    """A model built from `keras.Input` tensors and the tensors computed from them.

    `keras.Model(inputs, outputs)` returns one.

    Args:
        inputs: A `keras.Input` tensor, or a list/dict of them.
        outputs: The tensor(s) computed from `inputs`: one, or a list/dict.
        name: The model's name.
        **kwargs: Base-layer arguments (`trainable`, ...).
    """

    def __init__(self, inputs: Any, outputs: Any, name: str | None = None, **kwargs: Any) -> None:
        for tensor in tree.flatten(inputs):
            if not isinstance(tensor, KerasTensor):
                raise ValueError(
                    "All `inputs` values must be KerasTensors (from `keras.Input`). "
                    f"Received: inputs={inputs} including invalid value {tensor} of type {type(tensor)}"
                )
        for tensor in tree.flatten(outputs):
            if not isinstance(tensor, KerasTensor):
                raise ValueError(
                    "All `outputs` values must be KerasTensors computed from the inputs. "
                    f"Received: outputs={outputs} including invalid value {tensor} of type {type(tensor)}"
                )
        kwargs.pop("dtype", None)
        super().__init__(name=name, **kwargs)
        if isinstance(inputs, tuple):
            inputs = list(inputs)
        if isinstance(outputs, tuple):
            outputs = list(outputs)
        if isinstance(inputs, list) and len(inputs) == 1 and not isinstance(inputs[0], (list, dict)):
            inputs = inputs[0]
        self._inputs_struct = inputs
        self._outputs_struct = outputs
        self._function = Function(inputs, outputs, name=self.name)
        self._graph_layers = self._collect_layers()
        self.built = True

    def _collect_layers(self) -> list[Layer]:
        """Every layer of the graph in Keras 3's order (saved weight paths depend on it).

        Deepest first (input layers), and within one depth in the order a walk back from
        the outputs first meets each layer.
        """
        input_ids = {id(t) for t in self._function.inputs}
        first_seen: dict[int, int] = {}
        finished: set[int] = set()
        decreasing_depth: list[Any] = []
        operations: dict[int, Any] = {}

        def visit(tensor: KerasTensor) -> None:
            history = tensor._keras_history
            if history is None:
                return
            operation = history.operation
            node = operation._inbound_nodes[history.node_index]
            if id(node) in finished:
                return
            operations.setdefault(id(operation), operation)
            first_seen.setdefault(id(operation), len(first_seen))
            if not node.is_input and id(tensor) not in input_ids:
                for parent in node.input_tensors:
                    visit(parent)
            finished.add(id(node))
            decreasing_depth.append(node)

        for output in self._function.outputs:
            visit(output)
        node_depth: dict[int, int] = {}
        operation_depth: dict[int, int] = {}
        for node in reversed(decreasing_depth):
            depth = max(node_depth.setdefault(id(node), 0), operation_depth.get(id(node.operation), 0))
            operation_depth[id(node.operation)] = depth
            node_depth[id(node)] = depth
            for parent in node.parent_nodes:
                node_depth[id(parent)] = max(depth + 1, node_depth.get(id(parent), 0))
        ordered = sorted(operation_depth, key=lambda key: (-operation_depth[key], first_seen[key]))
        return [operations[key] for key in ordered if isinstance(operations[key], Layer)]

    # --- structure ------------------------------------------------------------------------

    @property
    def layers(self) -> list[Layer]:
        return list(self._graph_layers)

    @property
    def inputs(self) -> Any:
        return self._inputs_struct if isinstance(self._inputs_struct, (list, dict)) else [self._inputs_struct]

    @property
    def outputs(self) -> Any:
        return (
            self._outputs_struct if isinstance(self._outputs_struct, (list, dict)) else [self._outputs_struct]
        )

    @property
    def input(self) -> Any:
        return self._inputs_struct

    @property
    def output(self) -> Any:
        return self._outputs_struct

    @property
    def input_shape(self) -> Any:
        return tree.map_structure(lambda t: t.shape, self._inputs_struct)

    @property
    def output_shape(self) -> Any:
        return tree.map_structure(lambda t: t.shape, self._outputs_struct)

    @property
    def output_names(self) -> list[str]:
        return [
            t._keras_history.operation.name for t in self._function.outputs if t._keras_history is not None
        ]

    @property
    def input_names(self) -> list[str]:
        return [
            t._keras_history.operation.name for t in self._function.inputs if t._keras_history is not None
        ]

    # --- running --------------------------------------------------------------------------

    def _standardize_inputs(self, inputs: Any) -> list[Any]:
        """Flatten `inputs` in the model's input order, converting to each input's dtype."""
        expected = self._function.inputs
        if isinstance(inputs, Mapping) and not isinstance(self._inputs_struct, Mapping):
            names = self.input_names
            missing = [n for n in names if n not in inputs]
            if missing:
                raise ValueError(
                    f"Model '{self.name}' expects inputs named {names}; the dict passed lacks {missing}. "
                    f"Received keys: {sorted(inputs)}"
                )
            flat = [inputs[n] for n in names]
        else:
            flat = tree.flatten(inputs)
        if len(flat) != len(expected):
            raise ValueError(
                f"Model '{self.name}' expects {len(expected)} input(s), but it received {len(flat)} input tensors. "
                f"Inputs received: {inputs}"
            )
        result = []
        for value, ref in zip(flat, expected, strict=True):
            if value is None or isinstance(value, KerasTensor):
                result.append(value)
                continue
            tensor = convert_to_tensor(value, dtype=ref.dtype)
            ndim = len(tensor.shape)
            if ndim == ref.ndim + 1 and tensor.shape[-1] == 1:
                from keras import ops

                tensor = ops.squeeze(tensor, axis=-1)
            elif ndim + 1 == ref.ndim and ref.shape[-1] == 1:
                from keras import ops

                tensor = ops.expand_dims(tensor, axis=-1)
            result.append(tensor)
        return result

    def call(self, inputs: Any, training: Any = None, mask: Any = None) -> Any:
        values = self._standardize_inputs(inputs)
        if mask is not None:
            from keras.backend._masking import set_keras_mask

            for value, value_mask in zip(values, tree.flatten(mask), strict=False):
                if value_mask is not None:
                    set_keras_mask(value, value_mask)
        table = {id(t): v for t, v in zip(self._function.inputs, values, strict=True)}
        return self._function._run(table)

    def compute_output_spec(self, inputs: Any, training: Any = None, mask: Any = None) -> Any:
        values = self._standardize_inputs(inputs)
        fresh = [KerasTensor(v.shape, v.dtype) if isinstance(v, KerasTensor) else v for v in values]
        from keras.backend._scopes import SymbolicScope

        with SymbolicScope():
            table = {id(t): v for t, v in zip(self._function.inputs, fresh, strict=True)}
            outputs = self._function._run(table)
        return tree.map_structure(
            lambda x: KerasTensor(x.shape, x.dtype) if isinstance(x, KerasTensor) else x, outputs
        )

    def build(self, input_shape: Any = None) -> None:
        self.built = True

    def get_build_config(self) -> dict[str, Any] | None:
        return None

    # --- config ---------------------------------------------------------------------------

    def get_config(self) -> dict[str, Any]:
        layer_configs = []
        for layer in self._graph_layers:
            entry = serialize_keras_object(layer)
            entry["name"] = layer.name
            entry["inbound_nodes"] = [
                {
                    "args": serialize_keras_object(node.call_args),
                    "kwargs": serialize_keras_object(node.call_kwargs),
                }
                for node in layer._inbound_nodes
                if node in self._function._nodes
            ]
            layer_configs.append(entry)
        return {
            "name": self.name,
            "trainable": self.trainable,
            "layers": layer_configs,
            "input_layers": _structure_entries(self._inputs_struct),
            "output_layers": _structure_entries(self._outputs_struct),
        }

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Functional:
        return functional_from_config(cls, config, custom_objects)


def functional_from_config(
    cls: type[Functional], config: dict[str, Any], custom_objects: Any = None
) -> Functional:
    """Rebuild the graph: create each layer, then replay its calls once their inputs exist."""
    created: dict[str, Layer] = {}
    pending: list[tuple[Layer, list[dict[str, Any]]]] = []
    for layer_config in config["layers"]:
        layer = deserialize_keras_object(layer_config, custom_objects=custom_objects)
        if not isinstance(layer, Layer):
            raise ValueError(
                f"Functional config names {layer_config.get('class_name')!r}, which is not a layer."
            )
        created[layer_config.get("name", layer.name)] = layer
        pending.append((layer, list(layer_config.get("inbound_nodes", []))))

    def find(entry: list[Any]) -> KerasTensor | None:
        layer_name, node_index, tensor_index = entry
        layer = created.get(layer_name)
        if layer is None:
            raise ValueError(f"Functional config refers to an unknown layer {layer_name!r}.")
        if node_index >= len(layer._inbound_nodes):
            return None
        tensor: KerasTensor = layer._inbound_nodes[node_index].outputs[tensor_index]
        return tensor

    def resolve(value: Any) -> tuple[Any, bool]:
        """Replace serialized KerasTensors by the live ones; report whether all exist yet."""
        if isinstance(value, Mapping) and value.get("class_name") == "__keras_tensor__":
            tensor = find(value["config"]["keras_history"])
            return tensor, tensor is not None
        if isinstance(value, Mapping) and "class_name" in value and "config" in value:
            return deserialize_keras_object(value, custom_objects=custom_objects), True
        if isinstance(value, Mapping):
            items = {k: resolve(v) for k, v in value.items()}
            return {k: v for k, (v, _) in items.items()}, all(ok for _, ok in items.values())
        if isinstance(value, (list, tuple)):
            items_list = [resolve(v) for v in value]
            return type(value)(v for v, _ in items_list), all(ok for _, ok in items_list)
        return value, True

    # Replay calls in passes: a node runs once every tensor it reads exists.
    while any(nodes for _, nodes in pending):
        progressed = False
        for layer, nodes in pending:
            while nodes:
                args, args_ok = resolve(nodes[0].get("args", []))
                kwargs, kwargs_ok = resolve(nodes[0].get("kwargs", {}))
                if not (args_ok and kwargs_ok):
                    break
                layer(*args, **kwargs)
                nodes.pop(0)
                progressed = True
        if not progressed:
            stuck = [layer.name for layer, nodes in pending if nodes]
            raise ValueError(
                f"Functional config cannot be rebuilt: the inputs of layers {stuck} never appear."
            )

    def outputs_of(structure: Any) -> Any:
        if isinstance(structure, Mapping):
            return {k: outputs_of(v) for k, v in structure.items()}
        if isinstance(structure, list) and len(structure) == 3 and isinstance(structure[0], str):
            return find(structure)
        return [outputs_of(v) for v in structure]

    inputs = outputs_of(config["input_layers"])
    outputs = outputs_of(config["output_layers"])
    extra = {k: v for k, v in config.items() if k not in ("layers", "input_layers", "output_layers")}
    return cls(inputs=inputs, outputs=outputs, **extra)
