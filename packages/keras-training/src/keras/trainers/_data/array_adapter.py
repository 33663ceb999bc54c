"""Batches from in-memory arrays: numpy, backend tensors, lists, dicts and pandas objects."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from keras import tree


def _to_numpy(value: Any) -> Any:
    if value is None or isinstance(value, np.ndarray):
        return value
    if hasattr(value, "to_numpy"):  # pandas DataFrame / Series
        return value.to_numpy()
    if hasattr(value, "numpy") and not isinstance(value, (list, tuple)):
        try:
            return np.asarray(value.numpy())
        except (TypeError, RuntimeError):
            return np.asarray(value.detach().cpu().numpy())
    return np.asarray(value)


def is_array_like(value: Any) -> bool:
    leaves = tree.flatten(value)
    return bool(leaves) and all(
        leaf is None or isinstance(leaf, (np.ndarray, int, float)) or hasattr(leaf, "shape") for leaf in leaves
    )


def class_weights_to_sample_weights(y: Any, class_weight: dict[int, float]) -> np.ndarray[Any, Any]:
    """One weight per sample: the weight of its class (from an index or a one-hot row)."""
    labels = np.asarray(y)
    if labels.ndim == 2 and labels.shape[1] > 1:
        labels = np.argmax(labels, axis=-1)
    elif labels.ndim == 2:
        labels = labels[:, 0]
    labels = labels.astype("int64")
    highest = int(max(class_weight))
    table = np.ones(max(highest, int(labels.max(initial=0))) + 1, dtype="float32")
    for label, weight in class_weight.items():
        table[int(label)] = weight
    return table[labels]


class ArrayDataAdapter:
    """Cut arrays into batches of `batch_size` samples, shuffled per epoch if asked."""

    def __init__(
        self,
        x: Any,
        y: Any = None,
        sample_weight: Any = None,
        batch_size: int | None = None,
        steps_per_epoch: int | None = None,
        shuffle: bool | str = False,
        class_weight: dict[int, float] | None = None,
    ) -> None:
        x, y, sample_weight = (tree.map_structure(_to_numpy, v) if v is not None else None for v in (x, y, sample_weight))
        if class_weight is not None:
            if y is None:
                raise ValueError("`class_weight` needs targets `y`.")
            if len(tree.flatten(y)) > 1:
                raise ValueError("`class_weight` is only supported for models with a single output.")
            weights = class_weights_to_sample_weights(tree.flatten(y)[0], class_weight)
            sample_weight = weights if sample_weight is None else sample_weight * weights
        lengths = {
            name: {int(np.shape(a)[0]) for a in tree.flatten(v) if a is not None}
            for name, v in (("x", x), ("y", y), ("sample_weight", sample_weight))
            if v is not None
        }
        all_lengths = set().union(*lengths.values()) if lengths else set()
        if len(all_lengths) > 1:
            detail = ", ".join(f"{name} sizes: {sorted(sizes)}" for name, sizes in lengths.items())
            raise ValueError(f"Data cardinality is ambiguous: make sure all arrays contain the same number of samples. {detail}")
        self._data = tuple(v for v in (x, y, sample_weight))
        self.num_samples = all_lengths.pop() if all_lengths else 0
        self.batch_size = int(batch_size or 32)
        self._shuffle = shuffle
        self._steps = steps_per_epoch

    @property
    def num_batches(self) -> int:
        if self._steps is not None:
            return int(self._steps)
        return max(1, math.ceil(self.num_samples / self.batch_size))

    @property
    def has_partial_batch(self) -> bool:
        return self.num_samples % self.batch_size != 0

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        order = np.arange(self.num_samples)
        if self._shuffle == "batch":
            starts = np.arange(0, self.num_samples, self.batch_size)
            np.random.shuffle(starts)
            order = np.concatenate([order[s : s + self.batch_size] for s in starts]) if len(starts) else order
        elif self._shuffle:
            np.random.shuffle(order)
        steps = math.ceil(self.num_samples / self.batch_size)
        for step in range(steps):
            index = order[step * self.batch_size : (step + 1) * self.batch_size]
            batch = tuple(
                None if part is None else tree.map_structure(lambda a, index=index: a[index], part)
                for part in self._data
            )
            yield batch
