"""`keras.legacy`: Keras 2 compatibility; holds `keras.legacy.saving`."""

from keras.legacy import saving as saving

__all__: list[str] = []
