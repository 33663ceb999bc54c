"""`keras.applications.resnet_v2`: the ResNetV2 models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_tf as preprocess_input
from keras.applications._resnet import ResNet50V2 as ResNet50V2
from keras.applications._resnet import ResNet101V2 as ResNet101V2
from keras.applications._resnet import ResNet152V2 as ResNet152V2

__all__ = [
    "ResNet101V2",
    "ResNet152V2",
    "ResNet50V2",
    "decode_predictions",
    "preprocess_input",
]
