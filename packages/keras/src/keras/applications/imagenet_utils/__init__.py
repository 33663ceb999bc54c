"""`keras.applications.imagenet_utils`: ImageNet input preprocessing and prediction decoding."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input as preprocess_input

__all__ = [
    "decode_predictions",
    "preprocess_input",
]
