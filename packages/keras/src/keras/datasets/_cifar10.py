"""`keras.datasets.cifar10`: 60,000 32x32 colour images in 10 classes."""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from keras.datasets._files import fetch, load_cifar_batch, to_image_data_format


def load_data() -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """Load CIFAR-10: 50,000 training and 10,000 test images with their class.

    The classes are 0 airplane, 1 automobile, 2 bird, 3 cat, 4 deer, 5 dog, 6 frog,
    7 horse, 8 ship, 9 truck.

    Returns:
        `(x_train, y_train), (x_test, y_test)`: uint8 images of shape `(n, 32, 32, 3)`
        (`(n, 3, 32, 32)` when `keras.config.image_data_format()` is
        `"channels_first"`) and uint8 labels of shape `(n, 1)`.

    Example:

    >>> (x_train, y_train), _ = keras.datasets.cifar10.load_data()  # doctest: +SKIP
    """
    folder = fetch(
        "cifar-10-batches-py-target",
        "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",
        "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce",
        extract=True,
    )
    folder = os.path.join(folder, "cifar-10-batches-py")
    batches = [load_cifar_batch(os.path.join(folder, f"data_batch_{i}")) for i in range(1, 6)]
    x_train = np.concatenate([data for data, _ in batches]).astype("uint8")
    y_train = np.concatenate([np.asarray(labels) for _, labels in batches]).astype("uint8").reshape(-1, 1)
    x_test, test_labels = load_cifar_batch(os.path.join(folder, "test_batch"))
    x_test = np.asarray(x_test).astype("uint8")
    y_test = np.asarray(test_labels).astype("uint8").reshape(-1, 1)
    x_train, x_test = to_image_data_format(x_train, x_test)
    return (x_train, y_train), (x_test, y_test)
