"""Batches from in-memory arrays: numpy, backend tensors, pandas objects, lists and dicts of them."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from keras import tree
from keras.trainers._data.adapter import DataAdapter
from keras.trainers._data.data_utils import Batch, add_class_weight, to_numpy

# `Trainer.train_on_batch` imports it from here.
from keras.trainers._data.data_utils import class_weights_to_sample_weights as class_weights_to_sample_weights


def _is_array_leaf(value: Any) -> bool:
    return (
        value is None
        or isinstance(value, np.ndarray)
        or hasattr(value, "__array__")
        or hasattr(value, "to_numpy")  # pandas
        or (hasattr(value, "shape") and hasattr(value, "dtype"))  # framework tensors
    )


def is_array_like(value: Any) -> bool:
    """Return whether every leaf of `value` is an array, tensor, pandas object or None."""
    if value is None:
        return True
    leaves = tree.flatten(value)
    return bool(leaves) and all(_is_array_leaf(leaf) for leaf in leaves)


def _structure_to_numpy(value: Any) -> Any:
    if value is None:
        return None
    return tree.map_structure(lambda leaf: None if leaf is None else to_numpy(leaf), value)


def _check_cardinality(parts: Mapping[str, Any]) -> int:
    sizes = {
        name: [int(np.shape(a)[0]) for a in tree.flatten(v) if a is not None] for name, v in parts.items()
    }
    distinct = {size for values in sizes.values() for size in values}
    if len(distinct) > 1:
        detail = "".join(f"'{name}' sizes: {', '.join(map(str, values))}\n" for name, values in sizes.items())
        raise ValueError(
            f"Data cardinality is ambiguous. Make sure all arrays contain the same number of samples.{detail}"
        )
    return distinct.pop() if distinct else 0


def _rows(part: Any, index: Any) -> Any:
    """The rows `index` of every array in `part` (a structure of arrays, or None)."""
    if part is None:
        return None
    if type(part) is np.ndarray:  # the common case, without a walk over the structure
        return part[index]
    return tree.map_structure(lambda a: None if a is None else a[index], part)


class ArrayDataAdapter(DataAdapter):
    """Cut arrays into batches of `batch_size` samples, shuffled per epoch if asked.

    `shuffle=True` draws a new sample order every pass (from numpy's global generator,
    which `keras.utils.set_random_seed` seeds); `shuffle="batch"` shuffles the samples
    inside each batch and keeps the batches in order (for data read in chunks). The last batch is partial
    when the sample count is not a multiple of `batch_size`.
    """

    def __init__(
        self,
        x: Any,
        y: Any = None,
        sample_weight: Any = None,
        batch_size: int | None = None,
        steps_per_epoch: int | None = None,
        shuffle: bool | str = False,
        class_weight: Mapping[int, float] | None = None,
    ) -> None:
        if not is_array_like((x, y, sample_weight)):
            raise ValueError(f"Expected all elements of `x` to be array-like. Received invalid types: x={x}")
        x, y, sample_weight = (_structure_to_numpy(part) for part in (x, y, sample_weight))
        self.num_samples = _check_cardinality({"x": x, "y": y, "sample_weight": sample_weight})
        if class_weight is not None:
            _, _, sample_weight = add_class_weight((x, y, sample_weight), class_weight)
        if batch_size is None:
            batch_size = math.ceil(self.num_samples / steps_per_epoch) if steps_per_epoch else 32
        self.batch_size = max(1, int(batch_size))
        self._data: Batch = (x, y, sample_weight)
        self._shuffle = shuffle

    @property
    def num_batches(self) -> int:
        return max(1, math.ceil(self.num_samples / self.batch_size))

    @property
    def has_partial_batch(self) -> bool:
        return self.num_samples % self.batch_size != 0

    def _order(self) -> np.ndarray[Any, Any]:
        if self._shuffle == "batch":  # shuffle inside each batch, keep the batches' order
            starts = range(0, self.num_samples, self.batch_size)
            parts = [np.random.permutation(min(self.batch_size, self.num_samples - s)) + s for s in starts]
            return np.concatenate(parts) if parts else np.arange(0)
        if self._shuffle:
            return np.random.permutation(self.num_samples)
        return np.arange(self.num_samples)

    def __iter__(self) -> Iterator[Batch]:
        order = self._order() if self._shuffle else None
        for start in range(0, self.num_samples, self.batch_size):
            # Unshuffled: a basic slice, a view (no copy); shuffled: gather the rows.
            index: Any = (
                slice(start, start + self.batch_size)
                if order is None
                else order[start : start + self.batch_size]
            )
            x, y, sample_weight = (_rows(part, index) for part in self._data)
            yield x, y, sample_weight
