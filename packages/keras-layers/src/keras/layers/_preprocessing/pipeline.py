"""`Pipeline`: apply a list of preprocessing layers in order."""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from typing import Any

from keras.layers._layer import Layer
from keras.layers._serialization import serialize_keras_object

__all__ = ["Pipeline"]


def _accepts(layer: Layer, argument: str) -> bool:
    return argument in inspect.signature(layer.call).parameters


class Pipeline(Layer):
    """Apply a sequence of (preprocessing) layers, each to the previous one's output.

    Unlike a `Sequential` model, a pipeline is a plain layer: it has no inputs,
    compile or fit, and it passes `training` and `mask` on to the layers that take them.

    Args:
        layers: The layers, in the order to apply them.
        name: The layer's name.

    Example:

    >>> pipeline = keras.layers.Pipeline([keras.layers.Rescaling(2.0), keras.layers.Rescaling(1.0, offset=1.0)])
    >>> pipeline(np.array([1.0, 2.0], dtype="float32"))
    array([3., 5.], dtype=float32)
    """

    def __init__(self, layers: Sequence[Layer], name: str | None = None) -> None:
        super().__init__(name=name)
        self._pipeline_layers = list(layers)

    @property
    def layers(self) -> list[Layer]:
        """The layers of the pipeline, in order."""
        return self._pipeline_layers

    def call(self, inputs: Any, training: bool | None = True, mask: Any = None) -> Any:
        for layer in self._pipeline_layers:
            kwargs: dict[str, Any] = {}
            if mask is not None and _accepts(layer, "mask"):
                kwargs["mask"] = mask
            if training is not None and _accepts(layer, "training"):
                kwargs["training"] = training
            inputs = layer(inputs, **kwargs)
            mask = getattr(inputs, "_keras_mask", None)
        return inputs

    def compute_output_shape(self, input_shape: Any) -> Any:
        for layer in self._pipeline_layers:
            input_shape = layer.compute_output_shape(input_shape)
        return input_shape

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        outputs = args[0]
        for layer in self._pipeline_layers:
            outputs = layer.compute_output_spec(outputs)
        return outputs

    def get_config(self) -> dict[str, Any]:
        return {
            "layers": [serialize_keras_object(layer) for layer in self._pipeline_layers],
            "name": self.name,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Pipeline:
        from keras.layers._layer_serialization import deserialize

        layers = [deserialize(layer, custom_objects=custom_objects) for layer in config["layers"]]
        return cls(layers, name=config.get("name"))
