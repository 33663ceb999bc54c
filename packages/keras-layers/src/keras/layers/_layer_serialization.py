"""`keras.layers.serialize` / `deserialize`: layer configs in Keras 3's format."""

from __future__ import annotations

from typing import Any

from keras.layers._serialization import deserialize_keras_object, serialize_keras_object

__all__ = ["deserialize", "serialize"]


def serialize(layer: Any) -> Any:
    """Return the config dict of `layer` (`{"module", "class_name", "config", ...}`).

    Args:
        layer: A layer.

    Returns:
        Its serialized config.
    """
    return serialize_keras_object(layer)


def deserialize(config: Any, custom_objects: Any = None) -> Any:
    """Return a layer rebuilt from `serialize`'s output.

    Args:
        config: The config dict.
        custom_objects: A dict from name to custom class.

    Returns:
        The layer.
    """
    import keras.layers

    return deserialize_keras_object(config, custom_objects=custom_objects, module_objects=vars(keras.layers))
