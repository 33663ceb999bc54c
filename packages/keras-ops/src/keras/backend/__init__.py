"""`keras.backend`: the active backend's name, dtype rules and global settings."""

from keras.backend._config import backend as backend
from keras.backend._config import epsilon as epsilon
from keras.backend._config import floatx as floatx
from keras.backend._config import image_data_format as image_data_format
from keras.backend._config import set_epsilon as set_epsilon
from keras.backend._config import set_floatx as set_floatx
from keras.backend._config import set_image_data_format as set_image_data_format
from keras.backend._dtypes import is_float_dtype as is_float_dtype
from keras.backend._dtypes import is_int_dtype as is_int_dtype
from keras.backend._dtypes import result_type as result_type
from keras.backend._dtypes import standardize_dtype as standardize_dtype
from keras.backend._naming import get_uid as get_uid
from keras.backend._session import clear_session as clear_session
from keras.ops._keras_tensor import is_keras_tensor as is_keras_tensor

__all__ = [
    "backend",
    "clear_session",
    "epsilon",
    "floatx",
    "get_uid",
    "image_data_format",
    "is_float_dtype",
    "is_int_dtype",
    "is_keras_tensor",
    "result_type",
    "set_epsilon",
    "set_floatx",
    "set_image_data_format",
    "standardize_dtype",
]
