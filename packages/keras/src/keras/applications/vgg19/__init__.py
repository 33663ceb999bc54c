"""`keras.applications.vgg19`: the VGG19 models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_caffe as preprocess_input
from keras.applications._vgg import VGG19 as VGG19

__all__ = [
    "VGG19",
    "decode_predictions",
    "preprocess_input",
]
