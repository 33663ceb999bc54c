"""`to_categorical` and `normalize`: small numeric helpers on arrays or tensors."""

from __future__ import annotations

from typing import Any

import numpy as np

from keras import ops


def _is_tensor(x: Any) -> bool:
    return not isinstance(x, (np.ndarray, list, tuple, int, float)) and hasattr(x, "shape")


def to_categorical(x: Any, num_classes: int | None = None) -> Any:
    """Turn class indices into one-hot rows.

    Args:
        x: Class indices (an array-like of ints); a trailing axis of size 1 is dropped.
        num_classes: The number of classes; by default `max(x) + 1`.

    Returns:
        A float array of shape `(*x.shape, num_classes)` (a backend tensor for a
        tensor input, a float64 numpy array otherwise).

    Example:

    >>> keras.utils.to_categorical([0, 2, 1])
    array([[1., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]])
    """
    if _is_tensor(x):
        if num_classes is None:
            num_classes = int(np.max(ops.convert_to_numpy(x))) + 1
        shape = tuple(x.shape)
        if len(shape) > 1 and shape[-1] == 1:
            x = ops.squeeze(x, axis=-1)
        return ops.one_hot(x, num_classes)
    labels = np.asarray(x, dtype="int64")
    if labels.ndim > 1 and labels.shape[-1] == 1:
        labels = labels[..., 0]
    count = int(labels.max(initial=-1)) + 1 if num_classes is None else int(num_classes)
    flat = labels.reshape(-1)
    result = np.zeros((flat.shape[0], count))
    result[np.arange(flat.shape[0]), flat] = 1.0
    return result.reshape((*labels.shape, count))


def normalize(x: Any, axis: int = -1, order: int = 2) -> Any:
    """Scale `x` to unit `order`-norm along `axis` (zero vectors stay zero).

    Args:
        x: An array or tensor.
        axis: The axis to normalize along.
        order: The norm's order (2 for Euclidean, 1 for the sum of absolute values).

    Returns:
        The normalized array (numpy for numpy input, a tensor for a tensor input).

    Example:

    >>> keras.utils.normalize(np.array([[3.0, 4.0], [0.0, 0.0]]))
    array([[0.6, 0.8],
           [0. , 0. ]])
    """
    if _is_tensor(x):
        return ops.normalize(x, axis=axis, order=order)
    array = np.asarray(x)
    norm = np.atleast_1d(np.linalg.norm(array, order, axis))
    norm[norm == 0] = 1
    return array / np.expand_dims(norm, axis)
