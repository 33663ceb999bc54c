"""`keras.applications.efficientnet_v2`: the EfficientNetV2 models and their input preprocessing."""

from keras.applications._efficientnet_v2 import EfficientNetV2B0 as EfficientNetV2B0
from keras.applications._efficientnet_v2 import EfficientNetV2B1 as EfficientNetV2B1
from keras.applications._efficientnet_v2 import EfficientNetV2B2 as EfficientNetV2B2
from keras.applications._efficientnet_v2 import EfficientNetV2B3 as EfficientNetV2B3
from keras.applications._efficientnet_v2 import EfficientNetV2L as EfficientNetV2L
from keras.applications._efficientnet_v2 import EfficientNetV2M as EfficientNetV2M
from keras.applications._efficientnet_v2 import EfficientNetV2S as EfficientNetV2S
from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_identity as preprocess_input

__all__ = [
    "EfficientNetV2B0",
    "EfficientNetV2B1",
    "EfficientNetV2B2",
    "EfficientNetV2B3",
    "EfficientNetV2L",
    "EfficientNetV2M",
    "EfficientNetV2S",
    "decode_predictions",
    "preprocess_input",
]
