"""`keras.datasets.fashion_mnist`."""

from keras.datasets._fashion_mnist import load_data as load_data

__all__ = ["load_data"]
