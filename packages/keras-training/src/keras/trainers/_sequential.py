"""`Sequential`: a model that applies its layers one after the other."""

from __future__ import annotations

from typing import Any

from keras import tree
from keras.layers import Input, InputLayer, Layer
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._function import Function
from keras.ops._keras_tensor import KerasTensor
from keras.trainers._model import Model


class Sequential(Model):
    """A stack of layers, each feeding the next.

    Args:
        layers: The layers, in order (a `keras.Input` or `InputLayer` may come first).
        trainable: Whether the layers' weights are trained.
        name: The model's name.

    Example:

    >>> model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
    >>> model.output_shape
    (None, 2)
    """

    def __init__(
        self, layers: list[Any] | None = None, trainable: bool = True, name: str | None = None
    ) -> None:
        super().__init__(trainable=trainable, name=name)
        self._sequence: list[Layer] = []
        self._graph: Function | None = None
        self._build_input_shape: Any = None
        for layer in layers or []:
            self.add(layer, rebuild=False)
        self._maybe_rebuild()

    def add(self, layer: Any, rebuild: bool = True) -> None:
        """Append a layer (or a `keras.Input` tensor, which becomes the input layer)."""
        if isinstance(layer, KerasTensor) and layer._keras_history is not None:
            layer = layer._keras_history.operation
        if not isinstance(layer, Layer):
            raise ValueError(
                "Only instances of `keras.Layer` can be added to a Sequential model. "
                f"Received: {layer} (of type {type(layer)})"
            )
        if isinstance(layer, InputLayer) and self._sequence:
            raise ValueError(
                f"Sequential model '{self.name}' has already been configured to use an input; an InputLayer "
                "can only be the first layer."
            )
        names = {existing.name for existing in self._sequence}
        if layer.name in names:
            raise ValueError(
                f"All layers added to a Sequential model should have unique names. Name '{layer.name}' is already "
                "the name of a layer in this model. Update the `name` argument to pass a unique name."
            )
        self._sequence.append(layer)
        self.built = False
        self._graph = None
        if rebuild:
            self._maybe_rebuild()

    def pop(self, rebuild: bool = True) -> Layer:
        """Remove and return the last layer."""
        if not self.layers:
            raise TypeError("There are no layers in the model.")
        layer = self._sequence.pop()
        self.built = False
        self._graph = None
        if rebuild:
            self._maybe_rebuild()
        return layer

    def _input_batch_shape(self) -> Any:
        if self._sequence and isinstance(self._sequence[0], InputLayer):
            return self._sequence[0].batch_shape
        if self._sequence and getattr(self._sequence[0], "_batch_input_shape", None) is not None:
            return self._sequence[0]._batch_input_shape
        return self._build_input_shape

    def _maybe_rebuild(self) -> None:
        shape = self._input_batch_shape()
        if shape is not None and self.layers:
            self.build(shape)

    @property
    def layers(self) -> list[Layer]:
        """The layers, without the input layer."""
        return [layer for layer in self._sequence if not isinstance(layer, InputLayer)]

    def build(self, input_shape: Any = None) -> None:
        """Build every layer for inputs of `input_shape` (batch dimension included)."""
        if input_shape is None:
            input_shape = self._input_batch_shape()
        if input_shape is None:
            raise ValueError("You must provide an `input_shape` argument.")
        input_shape = tuple(input_shape)
        if self._sequence and isinstance(self._sequence[0], InputLayer):
            inputs = self._sequence[0].output
            if tuple(inputs.shape) != input_shape and len(inputs.shape) != len(input_shape):
                raise ValueError(
                    f"Sequential model '{self.name}' was built for inputs of shape {inputs.shape}; "
                    f"received input_shape={input_shape}"
                )
        else:
            dtype = getattr(self._sequence[0], "_input_dtype", None) if self._sequence else None
            inputs = Input(batch_shape=input_shape, dtype=dtype)
        x = inputs
        for layer in self.layers:
            x = layer(x)
        self._graph = Function(inputs, x, name=self.name)
        self._build_input_shape = input_shape
        self._build_shapes = {"input_shape": input_shape}
        self.built = True

    def call(self, inputs: Any, training: Any = None, mask: Any = None) -> Any:
        x = inputs
        if self._sequence and isinstance(self._sequence[0], InputLayer) and not isinstance(x, KerasTensor):
            from keras.ops._conversion import convert_to_tensor

            x = tree.map_structure(lambda v: convert_to_tensor(v, dtype=self._sequence[0].dtype), x)
        for layer in self.layers:
            x = layer(x)
        return x

    def compute_output_spec(self, inputs: Any, training: Any = None, mask: Any = None) -> Any:
        from keras.backend._scopes import SymbolicScope

        x = tree.map_structure(
            lambda t: KerasTensor(t.shape, t.dtype) if isinstance(t, KerasTensor) else t, inputs
        )
        with SymbolicScope():
            for layer in self.layers:
                x = layer(x)
        return tree.map_structure(
            lambda t: KerasTensor(t.shape, t.dtype) if isinstance(t, KerasTensor) else t, x
        )

    @property
    def inputs(self) -> list[KerasTensor]:
        if self._graph is None:
            raise AttributeError(f"Sequential model '{self.name}' has no defined inputs yet.")
        return self._graph.inputs

    @property
    def outputs(self) -> list[KerasTensor]:
        if self._graph is None:
            raise AttributeError(f"Sequential model '{self.name}' has no defined outputs yet.")
        return self._graph.outputs

    @property
    def input(self) -> Any:
        return self.inputs[0]

    @property
    def output(self) -> Any:
        return self.outputs[0]

    @property
    def input_shape(self) -> Any:
        return self.inputs[0].shape

    @property
    def output_shape(self) -> Any:
        return self.outputs[0].shape

    @property
    def output_names(self) -> list[str]:
        return [self.layers[-1].name] if self.layers else []

    def get_config(self) -> dict[str, Any]:
        from keras import dtype_policies

        config: dict[str, Any] = {
            "name": self.name,
            "trainable": self.trainable,
            "dtype": dtype_policies.serialize(self.dtype_policy),
            "layers": [serialize_keras_object(layer) for layer in self._sequence],
        }
        if self._build_input_shape is not None:
            config["build_input_shape"] = list(self._build_input_shape)
        return config

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Sequential:
        model = cls(name=config.get("name"), trainable=config.get("trainable", True))
        for layer_config in config.get("layers", []):
            model.add(deserialize_keras_object(layer_config, custom_objects=custom_objects), rebuild=False)
        shape = config.get("build_input_shape")
        if shape is not None and not model._input_batch_shape():
            model._build_input_shape = tuple(shape)
        model._maybe_rebuild()
        return model

    def build_from_config(self, config: dict[str, Any]) -> None:
        if not self.built and config and config.get("input_shape") is not None:
            self.build(tuple(config["input_shape"]))
