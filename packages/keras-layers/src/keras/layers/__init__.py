"""keras.layers: the layers of the Keras 3 API (filled by the keras-layers issues)."""

from keras.layers._version import __version__ as __version__

__all__: list[str] = []
