"""`keras.applications.densenet`: the DenseNet models and their input preprocessing."""

from keras.applications._densenet import DenseNet121 as DenseNet121
from keras.applications._densenet import DenseNet169 as DenseNet169
from keras.applications._densenet import DenseNet201 as DenseNet201
from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_torch as preprocess_input

__all__ = [
    "DenseNet121",
    "DenseNet169",
    "DenseNet201",
    "decode_predictions",
    "preprocess_input",
]
