"""`keras.preprocessing.sequence`: sequence padding (the Keras 2 home of `pad_sequences`)."""

from keras.trainers._data.sequence_utils import pad_sequences as pad_sequences

__all__ = ["pad_sequences"]
