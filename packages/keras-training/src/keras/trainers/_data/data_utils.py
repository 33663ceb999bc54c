"""Packing and unpacking `(x, y, sample_weight)` batches, and `validation_split`."""

from __future__ import annotations

from typing import Any

import numpy as np

from keras import tree


def unpack_x_y_sample_weight(data: Any) -> tuple[Any, Any, Any]:
    """Split a batch into `(x, y, sample_weight)`; missing parts are None.

    Args:
        data: `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)`.

    Returns:
        The tuple `(x, y, sample_weight)`.
    """
    if isinstance(data, list):
        data = tuple(data)
    if not isinstance(data, tuple):
        return data, None, None
    if len(data) == 1:
        return data[0], None, None
    if len(data) == 2:
        return data[0], data[1], None
    if len(data) == 3:
        return data[0], data[1], data[2]
    raise ValueError(
        "Data is expected to be in format `x`, `(x,)`, `(x, y)`, or `(x, y, sample_weight)`, "
        f"found: {data}"
    )


def pack_x_y_sample_weight(x: Any, y: Any = None, sample_weight: Any = None) -> Any:
    """Pack `x`, `y` and `sample_weight` into the tuple a batch is.

    Args:
        x: The features.
        y: The targets, or None.
        sample_weight: The sample weights, or None.

    Returns:
        `x` alone (a one-tuple if `x` is itself a tuple), `(x, y)` or `(x, y, sample_weight)`.
    """
    if y is None:
        return (x,) if isinstance(x, (tuple, list)) else x
    if sample_weight is None:
        return (x, y)
    return (x, y, sample_weight)


def _num_samples(arrays: Any) -> int:
    lengths = {int(np.shape(a)[0]) for a in tree.flatten(arrays) if a is not None}
    if len(lengths) != 1:
        raise ValueError(f"All arrays must have the same number of samples. Received lengths: {sorted(lengths)}")
    return lengths.pop()


def train_validation_split(arrays: Any, validation_split: float) -> tuple[Any, Any]:
    """Split array data into its first `1 - validation_split` part and the rest (no shuffle).

    Args:
        arrays: A structure of arrays with the same number of samples.
        validation_split: The fraction, between 0 and 1, kept for validation.

    Returns:
        `(train_arrays, validation_arrays)` with the structure of `arrays`.
    """
    if not 0.0 < validation_split < 1.0:
        raise ValueError(
            f"`validation_split` must be between 0 and 1 (exclusive). Received: validation_split={validation_split}"
        )
    for leaf in tree.flatten(arrays):
        if leaf is not None and not hasattr(leaf, "shape"):
            raise ValueError(
                "`validation_split` is only supported for arrays and tensors (it cannot split a dataset or a "
                f"generator). Received: {type(leaf)}"
            )
    total = _num_samples(arrays)
    split_at = int(np.floor(total * (1.0 - validation_split)))
    if split_at == 0 or split_at == total:
        raise ValueError(
            f"Training data contains {total} samples, which is not sufficient to split it into a validation and "
            f"training set as specified by `validation_split={validation_split}`."
        )
    train = tree.map_structure(lambda a: None if a is None else a[:split_at], arrays)
    validation = tree.map_structure(lambda a: None if a is None else a[split_at:], arrays)
    return train, validation
