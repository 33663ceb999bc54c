"""`keras.datasets.mnist`."""

from keras.datasets._mnist import load_data as load_data

__all__ = ["load_data"]
