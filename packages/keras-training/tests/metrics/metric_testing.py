"""Shared data and helpers for the keras.metrics tests: three batches, accumulation, numpy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from keras import ops

RNG = np.random.default_rng(1234)
NUM_BATCHES, BATCH, CLASSES = 3, 6, 4

BINARY = RNG.integers(0, 2, (NUM_BATCHES, BATCH, CLASSES)).astype("float32")
PROBS = RNG.random((NUM_BATCHES, BATCH, CLASSES)).astype("float32")
SPARSE = RNG.integers(0, CLASSES, (NUM_BATCHES, BATCH))
ONE_HOT = np.eye(CLASSES, dtype="float32")[SPARSE]
REAL_TRUE = RNG.normal(size=(NUM_BATCHES, BATCH, CLASSES)).astype("float32")
REAL_PRED = RNG.normal(size=(NUM_BATCHES, BATCH, CLASSES)).astype("float32")
POSITIVE_TRUE = (RNG.random((NUM_BATCHES, BATCH, CLASSES)) + 0.1).astype("float32")
POSITIVE_PRED = (RNG.random((NUM_BATCHES, BATCH, CLASSES)) + 0.1).astype("float32")
WEIGHTS = RNG.random((NUM_BATCHES, BATCH)).astype("float32")
SOFTMAX = (np.exp(REAL_PRED) / np.exp(REAL_PRED).sum(-1, keepdims=True)).astype("float32")


@dataclass(frozen=True)
class Stream:
    """A metric factory with the batches `(y_true, y_pred, sample_weight)` it is fed."""

    make: Callable[[], Any]
    y_true: np.ndarray[Any, Any]
    y_pred: np.ndarray[Any, Any]
    weights: np.ndarray[Any, Any] | None = None
    kwargs: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def batches(self) -> list[tuple[Any, ...]]:
        return [
            (self.y_true[i], self.y_pred[i], None if self.weights is None else self.weights[i])
            for i in range(len(self.y_true))
        ]


def to_numpy(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


def accumulate(metric: Any, batches: Sequence[tuple[Any, ...]]) -> np.ndarray[Any, Any]:
    """Feed every batch through `update_state` and return the result as numpy."""
    for y_true, y_pred, weights in batches:
        if weights is None:
            metric.update_state(y_true, y_pred)
        else:
            metric.update_state(y_true, y_pred, sample_weight=weights)
    return to_numpy(metric.result())


def weighted_mean(values: np.ndarray[Any, Any], weights: np.ndarray[Any, Any] | None) -> float:
    """The Keras `Mean` of per-sample values: `sum(v * w) / sum(w)` over all batches."""
    flat = values.reshape(-1)
    if weights is None:
        return float(flat.mean())
    w = weights.reshape(-1)
    return float((flat * w).sum() / w.sum())


def stack(batches: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Concatenate the batch axis: `(num_batches, batch, ...)` -> `(num_batches * batch, ...)`."""
    return batches.reshape(-1, *batches.shape[2:])
