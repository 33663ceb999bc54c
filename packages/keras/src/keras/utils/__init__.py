"""keras.utils: data utilities, file and image helpers, the object registry, and more.

Gathered from every package of the suite (the data helpers live in keras-training,
the registry in keras-layers, the settings in keras-ops); the plain helpers are
this package's own private modules.
"""

from keras.backend import clear_session as clear_session
from keras.backend import is_keras_tensor as is_keras_tensor
from keras.backend import standardize_dtype as standardize_dtype
from keras.backend._switches import disable_interactive_logging as disable_interactive_logging
from keras.backend._switches import enable_interactive_logging as enable_interactive_logging
from keras.backend._switches import is_interactive_logging_enabled as is_interactive_logging_enabled
from keras.layers._serialization import CustomObjectScope as CustomObjectScope
from keras.layers._serialization import custom_object_scope as custom_object_scope
from keras.layers._serialization import deserialize_keras_object as deserialize_keras_object
from keras.layers._serialization import get_registered_name as get_registered_name
from keras.layers._serialization import get_registered_object as get_registered_object
from keras.layers._serialization import register_keras_serializable as register_keras_serializable
from keras.layers._serialization import serialize_keras_object as serialize_keras_object
from keras.saving._registry import get_custom_objects as get_custom_objects
from keras.trainers._data.data_utils import pack_x_y_sample_weight as pack_x_y_sample_weight
from keras.trainers._data.data_utils import unpack_x_y_sample_weight as unpack_x_y_sample_weight
from keras.trainers._data.directory import audio_dataset_from_directory as audio_dataset_from_directory
from keras.trainers._data.directory import image_dataset_from_directory as image_dataset_from_directory
from keras.trainers._data.directory import text_dataset_from_directory as text_dataset_from_directory
from keras.trainers._data.py_dataset import PyDataset as PyDataset
from keras.trainers._data.py_dataset import Sequence as Sequence
from keras.trainers._data.sequence_utils import pad_sequences as pad_sequences
from keras.trainers._data.split import split_dataset as split_dataset
from keras.trainers._data.timeseries import timeseries_dataset_from_array as timeseries_dataset_from_array
from keras.trainers._progbar import Progbar as Progbar
from keras.utils import bounding_boxes as bounding_boxes
from keras.utils import legacy as legacy
from keras.utils._config import Config as Config
from keras.utils._feature_space import FeatureSpace as FeatureSpace
from keras.utils._file import get_file as get_file
from keras.utils._image import array_to_img as array_to_img
from keras.utils._image import img_to_array as img_to_array
from keras.utils._image import load_img as load_img
from keras.utils._image import save_img as save_img
from keras.utils._numerical import normalize as normalize
from keras.utils._numerical import to_categorical as to_categorical
from keras.utils._plot import model_to_dot as model_to_dot
from keras.utils._plot import plot_model as plot_model
from keras.utils._seed import set_random_seed as set_random_seed
from keras.utils._source_inputs import get_source_inputs as get_source_inputs

__all__ = [
    "Config",
    "CustomObjectScope",
    "FeatureSpace",
    "Progbar",
    "PyDataset",
    "Sequence",
    "array_to_img",
    "audio_dataset_from_directory",
    "clear_session",
    "custom_object_scope",
    "deserialize_keras_object",
    "disable_interactive_logging",
    "enable_interactive_logging",
    "get_custom_objects",
    "get_file",
    "get_registered_name",
    "get_registered_object",
    "get_source_inputs",
    "image_dataset_from_directory",
    "img_to_array",
    "is_interactive_logging_enabled",
    "is_keras_tensor",
    "load_img",
    "model_to_dot",
    "normalize",
    "pack_x_y_sample_weight",
    "pad_sequences",
    "plot_model",
    "register_keras_serializable",
    "save_img",
    "serialize_keras_object",
    "set_random_seed",
    "split_dataset",
    "standardize_dtype",
    "text_dataset_from_directory",
    "timeseries_dataset_from_array",
    "to_categorical",
    "unpack_x_y_sample_weight",
]
