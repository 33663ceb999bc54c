"""`keras.applications.resnet`: the ResNet models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_caffe as preprocess_input
from keras.applications._resnet import ResNet50 as ResNet50
from keras.applications._resnet import ResNet101 as ResNet101
from keras.applications._resnet import ResNet152 as ResNet152

__all__ = [
    "ResNet101",
    "ResNet152",
    "ResNet50",
    "decode_predictions",
    "preprocess_input",
]
