"""`keras.datasets.boston_housing`."""

from keras.datasets._boston_housing import load_data as load_data

__all__ = ["load_data"]
