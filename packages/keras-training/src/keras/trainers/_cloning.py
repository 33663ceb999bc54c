"""`clone_model` (new layers, same architecture) and `model_from_json`."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from keras import tree
from keras.layers import Input, InputLayer, Layer
from keras.layers._serialization import deserialize_keras_object
from keras.ops._keras_tensor import KerasTensor
from keras.trainers._functional import Functional
from keras.trainers._model import Model
from keras.trainers._sequential import Sequential


def _default_clone(layer: Layer) -> Layer:
    return type(layer).from_config(layer.get_config())


def clone_model(
    model: Model,
    input_tensors: Any = None,
    clone_function: Callable[[Layer], Layer] | None = None,
    call_function: Callable[..., Any] | None = None,
    recursive: bool = False,
    **kwargs: Any,
) -> Model:
    """Return a model with the architecture of `model` and newly initialized weights.

    Args:
        model: A Sequential, functional or subclassed model.
        input_tensors: `keras.Input` tensors to build the clone on (functional and
            Sequential models).
        clone_function: `layer -> new layer`; by default a layer rebuilt from its config.
        call_function: `(layer, *args, **kwargs) -> outputs`, to change how a cloned
            layer is called in a functional graph.
        recursive: Whether nested Sequential/functional models are cloned layer by layer
            (with `clone_function`) instead of as one layer.
        **kwargs: Unsupported extra arguments raise a ValueError.

    Returns:
        The new model (weights not copied).
    """
    if kwargs:
        raise ValueError(f"Arguments not recognized: {sorted(kwargs)}")
    clone = clone_function or _default_clone

    def clone_layer(layer: Layer) -> Layer:
        if recursive and isinstance(layer, (Sequential, Functional)):
            return clone_model(
                layer, clone_function=clone_function, call_function=call_function, recursive=True
            )
        return clone(layer)

    if isinstance(model, Sequential):
        layers: list[Any] = [clone_layer(layer) for layer in model.layers]
        if input_tensors is not None:
            layers = [tree.flatten(input_tensors)[0], *layers]
        elif model._sequence and isinstance(model._sequence[0], InputLayer):
            first = model._sequence[0]
            layers = [Input(batch_shape=first.batch_shape, dtype=first.dtype, name=first.name), *layers]
        return Sequential(layers, name=model.name, trainable=model.trainable)
    if isinstance(model, Functional):
        return _clone_functional(model, input_tensors, clone_layer, call_function)
    if not isinstance(model, Model):
        raise ValueError(f"Expected `model` to be a keras Model instance. Received: model={model!r}")
    cloned: Model = type(model).from_config(model.get_config())
    return cloned


def _clone_functional(
    model: Functional,
    input_tensors: Any,
    clone_layer: Callable[[Layer], Layer],
    call_function: Callable[..., Any] | None,
) -> Model:
    old_inputs = model._function.inputs
    if input_tensors is not None:
        new_inputs = tree.flatten(input_tensors)
        if len(new_inputs) != len(old_inputs):
            raise ValueError(
                f"`input_tensors` must hold {len(old_inputs)} tensor(s), one per model input. "
                f"Received {len(new_inputs)}."
            )
    else:
        new_inputs = [
            Input(
                batch_shape=t.shape,
                dtype=t.dtype,
                name=t._keras_history.operation.name if t._keras_history else None,
            )
            for t in old_inputs
        ]
    mapping: dict[int, Any] = {id(old): new for old, new in zip(old_inputs, new_inputs, strict=True)}
    clones: dict[int, Layer] = {}

    def lookup(value: Any) -> Any:
        return mapping[id(value)] if isinstance(value, KerasTensor) else value

    for node in model._function._nodes:
        layer = node.operation
        if isinstance(layer, Layer):
            if id(layer) not in clones:
                clones[id(layer)] = clone_layer(layer)
            operation: Any = clones[id(layer)]
        else:
            operation = layer
        args = tree.map_structure(lookup, node.call_args)
        kwargs = tree.map_structure(lookup, node.call_kwargs)
        outputs = call_function(operation, *args, **kwargs) if call_function else operation(*args, **kwargs)
        for old, new in zip(node.outputs, tree.flatten(outputs), strict=True):
            mapping[id(old)] = new
    inputs = (
        tree.pack_sequence_as(model._inputs_struct, new_inputs)
        if not isinstance(model._inputs_struct, KerasTensor)
        else new_inputs[0]
    )
    outputs = tree.map_structure(lookup, model._outputs_struct)
    return Model(inputs, outputs, name=model.name)


def model_from_json(json_string: str, custom_objects: Any = None) -> Any:
    """Build a model (without weights) from `model.to_json()`'s output.

    Args:
        json_string: The JSON text.
        custom_objects: A dict from name to custom class or function.

    Returns:
        The model.
    """
    return deserialize_keras_object(json.loads(json_string), custom_objects=custom_objects)
