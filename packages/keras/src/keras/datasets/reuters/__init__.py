"""`keras.datasets.reuters`."""

from keras.datasets._reuters import get_label_names as get_label_names
from keras.datasets._reuters import get_word_index as get_word_index
from keras.datasets._reuters import load_data as load_data

__all__ = ["get_label_names", "get_word_index", "load_data"]
