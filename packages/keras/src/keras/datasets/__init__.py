"""keras.datasets: small built-in datasets, fetched once into `$KERAS_HOME/datasets`.

Each submodule's `load_data()` returns numpy arrays `(x_train, y_train), (x_test, y_test)`
with the same contents, splits and dtypes as Keras 3's.
"""

from keras.datasets import boston_housing as boston_housing
from keras.datasets import california_housing as california_housing
from keras.datasets import cifar10 as cifar10
from keras.datasets import cifar100 as cifar100
from keras.datasets import fashion_mnist as fashion_mnist
from keras.datasets import imdb as imdb
from keras.datasets import mnist as mnist
from keras.datasets import reuters as reuters

__all__ = [
    "boston_housing",
    "california_housing",
    "cifar10",
    "cifar100",
    "fashion_mnist",
    "imdb",
    "mnist",
    "reuters",
]
