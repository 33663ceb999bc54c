"""keras.layers: the layers of the Keras 3 API."""

from keras.layers._input_layer import Input as Input
from keras.layers._input_layer import InputLayer as InputLayer
from keras.layers._input_spec import InputSpec as InputSpec
from keras.layers._layer import Layer as Layer
from keras.layers._version import __version__ as __version__

__all__ = [
    "Input",
    "InputLayer",
    "InputSpec",
    "Layer",
]
