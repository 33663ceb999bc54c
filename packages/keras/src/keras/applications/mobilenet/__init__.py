"""`keras.applications.mobilenet`: the MobileNet (v1) models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_tf as preprocess_input
from keras.applications._mobilenet import MobileNet as MobileNet

__all__ = [
    "MobileNet",
    "decode_predictions",
    "preprocess_input",
]
