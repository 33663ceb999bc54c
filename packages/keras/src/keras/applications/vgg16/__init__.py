"""`keras.applications.vgg16`: the VGG16 models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_caffe as preprocess_input
from keras.applications._vgg import VGG16 as VGG16

__all__ = [
    "VGG16",
    "decode_predictions",
    "preprocess_input",
]
