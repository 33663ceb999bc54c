"""Batches from a `tf.data.Dataset`: native tensors on TensorFlow, numpy elsewhere."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from keras.trainers._data.adapter import DataAdapter
from keras.trainers._data.data_utils import Batch, add_class_weight, standardize_batch


def is_tf_dataset(x: Any) -> bool:
    """Return whether `x` is a `tf.data.Dataset` (or a distributed one), without importing TensorFlow."""
    return any(
        parent.__name__ in ("DatasetV2", "DistributedDataset", "DistributedDatasetsFromFunction")
        and parent.__module__.startswith("tensorflow.")
        for parent in type(x).__mro__
    )


class TFDatasetAdapter(DataAdapter):
    """Iterate a batched `tf.data.Dataset`; each pass starts the dataset again.

    Elements are `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)`. On the TensorFlow
    backend the batches keep their `tf.Tensor`s; other backends get numpy arrays.
    """

    def __init__(self, dataset: Any, class_weight: Mapping[int, float] | None = None) -> None:
        if not is_tf_dataset(dataset):
            raise ValueError(f"Expected argument `dataset` to be a tf.data.Dataset. Received: {dataset}")
        self._dataset = dataset
        self._class_weight = class_weight

    @property
    def num_batches(self) -> int | None:
        cardinality = self._dataset.cardinality
        cardinality = int(cardinality() if callable(cardinality) else cardinality)
        return None if cardinality < 0 else cardinality  # unknown (-2) or infinite (-1)

    def __iter__(self) -> Iterator[Batch]:
        for element in self._dataset:
            yield add_class_weight(standardize_batch(element, "A tf.data.Dataset"), self._class_weight)
