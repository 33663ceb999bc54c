"""Indexing kernels for the tensorflow backend, where `tnp` lacks or limits a function."""

from __future__ import annotations

from typing import Any

import tensorflow as tf
import tensorflow.experimental.numpy as tnp

from keras.backend._kernels.indexing import Indexing
from keras.ops._typing import Tensor

# tf.math.bincount counts only into these dtypes.
_BINCOUNT_WEIGHT_DTYPES = (tf.int32, tf.int64, tf.float32, tf.float64)


class TensorflowIndexing(Indexing):
    def get_item(self, x: Tensor, key: tuple[Any, ...], /) -> Tensor:
        # tf indexes with rank-1 masks only: a rank-k mask is its k coordinate vectors.
        if any(
            isinstance(item, tf.Tensor) and item.dtype == tf.bool and item.shape.rank != 1 for item in key
        ):
            key = tuple(_expand_masks(key))
        return x[key]

    def isin(self, x1: Tensor, x2: Tensor, assume_unique: bool, invert: bool, /) -> Tensor:
        found = tf.reduce_any(tf.equal(tf.expand_dims(x1, -1), tf.reshape(x2, (-1,))), axis=-1)
        return tf.logical_not(found) if invert else found

    def searchsorted(self, sorted_sequence: Tensor, values: Tensor, side: str, /) -> Tensor:
        # tf.searchsorted pairs leading dimensions: search one row of all values.
        found = tf.searchsorted(sorted_sequence[None], tf.reshape(values, (1, -1)), side=side)
        return tf.reshape(found, tf.shape(values))

    def bincount(self, x: Tensor, weights: Tensor | None, minlength: int, /) -> Tensor:
        if weights is not None and weights.dtype not in _BINCOUNT_WEIGHT_DTYPES:
            weights = tf.cast(weights, tf.float64)
        axis = -1 if len(x.shape) == 2 else None
        return tf.math.bincount(x, weights=weights, minlength=minlength, axis=axis)

    def to_sparse(self, x: Tensor, /) -> Tensor:
        return tf.sparse.from_dense(x)


KERNELS = TensorflowIndexing(tnp)


def _expand_masks(key: tuple[Any, ...]) -> list[Any]:
    items: list[Any] = []
    for item in key:
        if isinstance(item, tf.Tensor) and item.dtype == tf.bool and item.shape.rank != 1:
            coordinates = tf.where(item)
            items.extend(coordinates[:, i] for i in range(item.shape.rank))
        else:
            items.append(item)
    return items
