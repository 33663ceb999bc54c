"""`keras.preprocessing`: the dataset builders and image/sequence helpers under their Keras 2
names; each is the same function as its `keras.utils` twin."""

from keras.preprocessing import image as image
from keras.preprocessing import sequence as sequence
from keras.trainers._data.directory import image_dataset_from_directory as image_dataset_from_directory
from keras.trainers._data.directory import text_dataset_from_directory as text_dataset_from_directory
from keras.trainers._data.timeseries import timeseries_dataset_from_array as timeseries_dataset_from_array

__all__ = ["image_dataset_from_directory", "text_dataset_from_directory", "timeseries_dataset_from_array"]
