"""`keras.applications.mobilenet_v2`: the MobileNetV2 models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_tf as preprocess_input
from keras.applications._mobilenet import MobileNetV2 as MobileNetV2

__all__ = [
    "MobileNetV2",
    "decode_predictions",
    "preprocess_input",
]
