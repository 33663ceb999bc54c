"""`keras.applications.inception_v3`: the Inception v3 models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_tf as preprocess_input
from keras.applications._inception import InceptionV3 as InceptionV3

__all__ = [
    "InceptionV3",
    "decode_predictions",
    "preprocess_input",
]
