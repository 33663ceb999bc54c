"""`keras.applications.xception`: the Xception models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_tf as preprocess_input
from keras.applications._xception import Xception as Xception

__all__ = [
    "Xception",
    "decode_predictions",
    "preprocess_input",
]
