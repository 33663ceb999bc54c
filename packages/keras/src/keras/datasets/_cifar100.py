"""`keras.datasets.cifar100`: 60,000 32x32 colour images in 100 fine (20 coarse) classes."""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from keras.datasets._files import fetch, load_cifar_batch, to_image_data_format


def load_data(label_mode: str = "fine") -> tuple[tuple[Any, Any], tuple[Any, Any]]:
    """Load CIFAR-100: 50,000 training and 10,000 test images with their class.

    Args:
        label_mode: `"fine"` (100 classes) or `"coarse"` (20 superclasses).

    Returns:
        `(x_train, y_train), (x_test, y_test)`: uint8 images of shape `(n, 32, 32, 3)`
        (`(n, 3, 32, 32)` when `keras.config.image_data_format()` is
        `"channels_first"`) and int64 labels of shape `(n, 1)`.

    Raises:
        ValueError: When `label_mode` is neither `"fine"` nor `"coarse"`.

    Example:

    >>> (x_train, y_train), _ = keras.datasets.cifar100.load_data()  # doctest: +SKIP
    """
    if label_mode not in ("fine", "coarse"):
        raise ValueError(
            f'`label_mode` must be one of `"fine"`, `"coarse"`. Received: label_mode={label_mode}.'
        )
    folder = fetch(
        "cifar-100-python-target",
        "https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz",
        "85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7",
        extract=True,
    )
    folder = os.path.join(folder, "cifar-100-python")
    splits = []
    for name in ("train", "test"):
        images, labels = load_cifar_batch(os.path.join(folder, name), label_key=f"{label_mode}_labels")
        splits.append((images, np.reshape(labels, (len(labels), 1))))
    (x_train, y_train), (x_test, y_test) = splits
    x_train, x_test = to_image_data_format(x_train, x_test)
    return (x_train, y_train), (x_test, y_test)
