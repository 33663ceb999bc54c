"""`keras.applications.inception_resnet_v2`: the Inception-ResNet v2 models and their input preprocessing."""

from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_tf as preprocess_input
from keras.applications._inception import InceptionResNetV2 as InceptionResNetV2

__all__ = [
    "InceptionResNetV2",
    "decode_predictions",
    "preprocess_input",
]
