"""`keras.utils.split_dataset`: cut a dataset or arrays into a left and a right part."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from keras import tree
from keras.backend import backend
from keras.trainers._data.data_utils import import_tensorflow, to_numpy
from keras.trainers._data.tf_dataset_adapter import is_tf_dataset


def _is_torch_dataset(dataset: Any) -> bool:
    return any(
        parent.__name__ == "Dataset" and parent.__module__.startswith("torch.utils.data")
        for parent in type(dataset).__mro__
    )


def _samples(dataset: Any) -> list[Any]:
    """Return the dataset as a list of samples (each a structure of numpy arrays)."""
    if isinstance(dataset, np.ndarray):
        return list(dataset)
    if isinstance(dataset, (list, tuple)):
        arrays = [np.asarray(a) for a in dataset]
        if len({len(a) for a in arrays}) > 1:
            raise ValueError(
                "The arrays of `dataset` must have the same number of samples. Received lengths: "
                f"{[len(a) for a in arrays]}"
            )
        return list(zip(*arrays, strict=True))
    if is_tf_dataset(dataset):
        return list(dataset.as_numpy_iterator())
    if _is_torch_dataset(dataset):
        return [tree.map_structure(to_numpy, dataset[i]) for i in range(len(dataset))]
    raise TypeError(
        "The `dataset` argument must be either a `tf.data.Dataset`, a `torch.utils.data.Dataset` object, or a "
        f"list/tuple of arrays. Received: dataset={dataset} of type {type(dataset)}"
    )


def _check_size(name: str, size: Any, total: int) -> None:
    if size is None:
        return
    if isinstance(size, bool) or not isinstance(size, (int, float)):
        raise TypeError(
            f"Invalid `{name}` Type. Expected: int or float or None, Received: type({name})={type(size)}."
        )
    if (isinstance(size, int) and not 0 < size < total) or (isinstance(size, float) and not 0 < size < 1):
        raise ValueError(
            f"`{name}` should be either a positive integer smaller than {total}, or a float within the range "
            f"`[0, 1]`. Received: {name}={size}"
        )


def split_sizes(left_size: Any, right_size: Any, total: int) -> tuple[int, int]:
    """Turn fractions or counts (one may be None) into the two sample counts."""
    if left_size is None and right_size is None:
        raise ValueError(
            "At least one of the `left_size` or `right_size` must be specified. Received: left_size=None and "
            "right_size=None"
        )
    _check_size("left_size", left_size, total)
    _check_size("right_size", right_size, total)
    if isinstance(left_size, float) and isinstance(right_size, float) and left_size + right_size > 1:
        raise ValueError(
            "The sum of `left_size` and `right_size` is greater than 1. It must be less than or equal to 1."
        )
    left = round(left_size * total) if isinstance(left_size, float) else left_size
    right = round(right_size * total) if isinstance(right_size, float) else right_size
    left = total - right if left is None else left
    right = total - left if right is None else right
    if left + right > total:
        raise ValueError(
            f"The sum of `left_size` and `right_size` should be smaller than the {total}. Received: "
            f"left_size + right_size = {left + right} and total_length = {total}"
        )
    for count, side in ((left, "left"), (right, "right")):
        if count == 0:
            raise ValueError(
                f"With `dataset` of length={total}, `left_size`={left} and `right_size`={right}. Resulting {side} "
                "side dataset split will be empty. Adjust any of the aforementioned parameters"
            )
    return int(left), int(right)


def _stack(samples: list[Any]) -> Any:
    first = samples[0]
    columns = [np.stack(leaves) for leaves in zip(*(tree.flatten(s) for s in samples), strict=True)]
    packed = tree.pack_sequence_as(first, columns)
    return tuple(packed) if isinstance(packed, list) else packed


def split_dataset(
    dataset: Any,
    left_size: int | float | None = None,
    right_size: int | float | None = None,
    shuffle: bool = False,
    seed: int | None = None,
    preferred_backend: str | None = None,
) -> tuple[Any, Any]:
    """Split a dataset into a left part and a right part (e.g. train and test).

    Args:
        dataset: A `tf.data.Dataset`, a `torch.utils.data.Dataset`, a numpy array or
            a list/tuple of arrays with the same number of samples.
        left_size: A fraction in `(0, 1)` or a sample count for the left part; None
            takes what `right_size` leaves.
        right_size: The same for the right part (taken from the end).
        shuffle: Whether to shuffle the samples before splitting.
        seed: The shuffling seed.
        preferred_backend: `"tensorflow"` returns `tf.data.Dataset`s, `"torch"`
            returns torch `Dataset`s; by default the dataset's own kind, or the
            active backend for arrays.

    Returns:
        The tuple `(left, right)` of datasets.

    Raises:
        TypeError: For an unsupported `dataset` or size types.
        ValueError: For sizes out of range or that leave a side empty.

    Example:

    >>> data = np.random.random(size=(1000, 4))
    >>> left, right = keras.utils.split_dataset(data, left_size=0.8)  # doctest: +SKIP
    >>> int(left.cardinality()), int(right.cardinality())  # doctest: +SKIP
    (800, 200)
    """
    if preferred_backend is None:
        if isinstance(dataset, (list, tuple, np.ndarray)):
            preferred_backend = backend()
        elif is_tf_dataset(dataset):
            preferred_backend = "tensorflow"
        elif _is_torch_dataset(dataset):
            preferred_backend = "torch"
        else:
            raise TypeError(f"Unsupported dataset type: {type(dataset)}")
    samples = _samples(dataset)
    left, right = split_sizes(left_size, right_size, len(samples))
    if shuffle:
        random.Random(seed).shuffle(samples)
    parts = (samples[:left], samples[len(samples) - right :])
    if preferred_backend == "torch":
        import torch

        def to_torch(part: list[Any]) -> Any:
            columns = tree.flatten(_stack(part))
            return torch.utils.data.TensorDataset(
                *(torch.from_numpy(np.ascontiguousarray(c)) for c in columns)
            )

        return to_torch(parts[0]), to_torch(parts[1])
    tf = import_tensorflow("split_dataset")
    return (
        tf.data.Dataset.from_tensor_slices(_stack(parts[0])),
        tf.data.Dataset.from_tensor_slices(_stack(parts[1])),
    )
