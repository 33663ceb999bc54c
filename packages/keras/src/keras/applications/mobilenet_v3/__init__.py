"""`keras.applications.mobilenet_v3`: the MobileNetV3 models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_identity as preprocess_input

__all__ = [
    "decode_predictions",
    "preprocess_input",
]
