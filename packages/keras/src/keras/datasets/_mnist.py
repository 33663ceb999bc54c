"""`keras.datasets.mnist`: 70,000 28x28 grayscale images of handwritten digits."""

from __future__ import annotations

from typing import Any

from keras.datasets._files import ORIGIN, fetch, load_npz


def load_data(path: str = "mnist.npz") -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """Load the MNIST digits: 60,000 training and 10,000 test images with their digit.

    Args:
        path: The file's name in the cache (`$KERAS_HOME/datasets`).

    Returns:
        `(x_train, y_train), (x_test, y_test)`: uint8 images of shape `(n, 28, 28)`
        (values 0 to 255) and uint8 labels of shape `(n,)` (0 to 9).

    Example:

    >>> (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()  # doctest: +SKIP
    >>> x_train.shape  # doctest: +SKIP
    (60000, 28, 28)
    """
    local = fetch(
        path, f"{ORIGIN}mnist.npz", "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
    )
    arrays = load_npz(local)
    return (arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])
