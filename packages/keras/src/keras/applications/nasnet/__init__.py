"""`keras.applications.nasnet`: the NASNet models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_tf as preprocess_input
from keras.applications._nasnet import NASNetLarge as NASNetLarge
from keras.applications._nasnet import NASNetMobile as NASNetMobile

__all__ = [
    "NASNetLarge",
    "NASNetMobile",
    "decode_predictions",
    "preprocess_input",
]
