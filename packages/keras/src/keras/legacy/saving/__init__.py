"""`keras.legacy.saving`: the Keras 2 `{"class_name", "config"}` object format."""

from keras.legacy.saving._serialization import deserialize_keras_object as deserialize_keras_object
from keras.legacy.saving._serialization import serialize_keras_object as serialize_keras_object

__all__ = ["deserialize_keras_object", "serialize_keras_object"]
