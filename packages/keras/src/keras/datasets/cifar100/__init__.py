"""`keras.datasets.cifar100`."""

from keras.datasets._cifar100 import load_data as load_data

__all__ = ["load_data"]
