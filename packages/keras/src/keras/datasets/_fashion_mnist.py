"""`keras.datasets.fashion_mnist`: 70,000 28x28 grayscale images of 10 kinds of clothing."""

from __future__ import annotations

import gzip
import os
from typing import Any

import numpy as np

from keras.datasets._files import ORIGIN, fetch

_FILES = (
    "train-labels-idx1-ubyte.gz",
    "train-images-idx3-ubyte.gz",
    "t10k-labels-idx1-ubyte.gz",
    "t10k-images-idx3-ubyte.gz",
)


def _read_idx(path: str, header: int) -> Any:
    with gzip.open(path, "rb") as handle:
        return np.frombuffer(handle.read(), np.uint8, offset=header)


def load_data() -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """Load Fashion-MNIST: 60,000 training and 10,000 test images with their class.

    The classes are 0 T-shirt/top, 1 trouser, 2 pullover, 3 dress, 4 coat, 5 sandal,
    6 shirt, 7 sneaker, 8 bag, 9 ankle boot.

    Returns:
        `(x_train, y_train), (x_test, y_test)`: uint8 images of shape `(n, 28, 28)`
        and uint8 labels of shape `(n,)`.

    Example:

    >>> (x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()  # doctest: +SKIP
    """
    subdir = os.path.join("datasets", "fashion-mnist")
    paths = [fetch(name, ORIGIN + name, cache_subdir=subdir) for name in _FILES]
    y_train, y_test = _read_idx(paths[0], 8), _read_idx(paths[2], 8)
    x_train = _read_idx(paths[1], 16).reshape(len(y_train), 28, 28)
    x_test = _read_idx(paths[3], 16).reshape(len(y_test), 28, 28)
    return (x_train, y_train), (x_test, y_test)
