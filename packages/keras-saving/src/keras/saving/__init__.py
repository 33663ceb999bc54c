"""keras.saving: Keras 3 compatible files, safe loading, atomic saves (filled by the keras-saving issue)."""

from keras.saving._version import __version__ as __version__

__all__: list[str] = []
