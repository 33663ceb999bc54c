"""`keras.applications.convnext`: the ConvNeXt models and their input preprocessing."""

from keras.applications._convnext import ConvNeXtBase as ConvNeXtBase
from keras.applications._convnext import ConvNeXtLarge as ConvNeXtLarge
from keras.applications._convnext import ConvNeXtSmall as ConvNeXtSmall
from keras.applications._convnext import ConvNeXtTiny as ConvNeXtTiny
from keras.applications._convnext import ConvNeXtXLarge as ConvNeXtXLarge
from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_identity as preprocess_input

__all__ = [
    "ConvNeXtBase",
    "ConvNeXtLarge",
    "ConvNeXtSmall",
    "ConvNeXtTiny",
    "ConvNeXtXLarge",
    "decode_predictions",
    "preprocess_input",
]
