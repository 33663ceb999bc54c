"""`Wrapper`: the base class of layers that wrap another layer (TimeDistributed, Bidirectional)."""

from __future__ import annotations

from typing import Any

from keras.layers._layer import Layer
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

__all__ = ["Wrapper"]


class Wrapper(Layer):
    """Hold another layer, to change how it is applied; subclasses write `call`.

    The wrapped layer is `self.layer`: its weights are the wrapper's weights, and the
    wrapper's config nests the layer's config under `"layer"`.

    Args:
        layer: The layer to wrap.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `layer` is not a `keras.layers.Layer`.

    Example:

    >>> class Twice(keras.layers.Wrapper):
    ...     def call(self, x):
    ...         return self.layer(self.layer(x))
    >>> twice = Twice(keras.layers.Dense(2, kernel_initializer="ones", use_bias=False))
    >>> twice(np.ones((1, 2), dtype="float32"))
    array([[4., 4.]], dtype=float32)
    >>> twice.get_config()["layer"]["class_name"]
    'Dense'
    """

    def __init__(self, layer: Layer, **kwargs: Any) -> None:
        if not isinstance(layer, Layer):
            raise ValueError(
                f"Layer {layer} supplied to Wrapper isn't a supported layer type. Please ensure wrapped layer is "
                "a valid Keras layer."
            )
        super().__init__(**kwargs)
        self.layer = layer

    def build(self, input_shape: Any = None) -> None:
        if not self.layer.built:
            # Through `build_from_config`, so the wrapped layer records its build shape too.
            self.layer.build_from_config({"input_shape": input_shape})
        self.built = True

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "layer": serialize_keras_object(self.layer)}

    @classmethod
    def from_config(cls, config: dict[str, Any], custom_objects: Any = None) -> Layer:
        config = dict(config)
        config["layer"] = deserialize_keras_object(config["layer"], custom_objects=custom_objects)
        return super().from_config(config)
