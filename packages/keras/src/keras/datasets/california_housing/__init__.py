"""`keras.datasets.california_housing`."""

from keras.datasets._california_housing import load_data as load_data

__all__ = ["load_data"]
