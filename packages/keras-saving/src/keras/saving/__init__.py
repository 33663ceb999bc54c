"""keras.saving: `.keras` archives, `.weights.h5`/`.safetensors` weights, the object registry."""

from keras.layers._serialization import CustomObjectScope as CustomObjectScope
from keras.layers._serialization import custom_object_scope as custom_object_scope
from keras.layers._serialization import deserialize_keras_object as deserialize_keras_object
from keras.layers._serialization import get_registered_name as get_registered_name
from keras.layers._serialization import get_registered_object as get_registered_object
from keras.layers._serialization import register_keras_serializable as register_keras_serializable
from keras.layers._serialization import serialize_keras_object as serialize_keras_object
from keras.saving._file_editor import KerasFileEditor as KerasFileEditor
from keras.saving._load import load_model as load_model
from keras.saving._load import load_weights as load_weights
from keras.saving._registry import get_custom_objects as get_custom_objects
from keras.saving._save import save_model as save_model
from keras.saving._save import save_weights as save_weights
from keras.saving._version import __version__ as __version__

__all__ = [
    "CustomObjectScope",
    "KerasFileEditor",
    "custom_object_scope",
    "deserialize_keras_object",
    "get_custom_objects",
    "get_registered_name",
    "get_registered_object",
    "load_model",
    "load_weights",
    "register_keras_serializable",
    "save_model",
    "save_weights",
    "serialize_keras_object",
]
