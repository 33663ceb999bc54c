"""`keras.applications.resnet50`: the ResNet50 models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_caffe as preprocess_input
from keras.applications._resnet import ResNet50 as ResNet50

__all__ = [
    "ResNet50",
    "decode_predictions",
    "preprocess_input",
]
