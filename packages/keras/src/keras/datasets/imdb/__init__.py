"""`keras.datasets.imdb`."""

from keras.datasets._imdb import get_word_index as get_word_index
from keras.datasets._imdb import load_data as load_data

__all__ = ["get_word_index", "load_data"]
