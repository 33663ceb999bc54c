"""`keras.applications.efficientnet`: the EfficientNet (B0-B7) models and their input preprocessing."""

from keras.applications._efficientnet import EfficientNetB0 as EfficientNetB0
from keras.applications._efficientnet import EfficientNetB1 as EfficientNetB1
from keras.applications._efficientnet import EfficientNetB2 as EfficientNetB2
from keras.applications._efficientnet import EfficientNetB3 as EfficientNetB3
from keras.applications._efficientnet import EfficientNetB4 as EfficientNetB4
from keras.applications._efficientnet import EfficientNetB5 as EfficientNetB5
from keras.applications._efficientnet import EfficientNetB6 as EfficientNetB6
from keras.applications._efficientnet import EfficientNetB7 as EfficientNetB7
from keras.applications._imagenet_utils import decode_predictions as decode_predictions
from keras.applications._imagenet_utils import preprocess_input_identity as preprocess_input

__all__ = [
    "EfficientNetB0",
    "EfficientNetB1",
    "EfficientNetB2",
    "EfficientNetB3",
    "EfficientNetB4",
    "EfficientNetB5",
    "EfficientNetB6",
    "EfficientNetB7",
    "decode_predictions",
    "preprocess_input",
]
