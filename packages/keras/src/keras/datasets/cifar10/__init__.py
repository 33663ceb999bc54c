"""`keras.datasets.cifar10`."""

from keras.datasets._cifar10 import load_data as load_data

__all__ = ["load_data"]
