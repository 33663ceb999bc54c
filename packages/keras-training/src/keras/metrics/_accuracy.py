"""Accuracy metrics and their per-sample functions (exact, binary, categorical, top-k)."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend import floatx
from keras.metrics._reduction import FunctionMetric
from keras.metrics._shapes import check_broadcastable, match_ranks
from keras.ops._typing import Tensor


def accuracy(y_true: Any, y_pred: Any) -> Tensor:
    """Return 1.0 where `y_true == y_pred` and 0.0 elsewhere."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    y_true, y_pred = match_ranks(y_true, y_pred)
    check_broadcastable(y_true, y_pred)
    return ops.cast(ops.equal(y_true, y_pred), floatx())


def binary_accuracy(y_true: Any, y_pred: Any, threshold: float = 0.5) -> Tensor:
    """Return, per sample, the fraction of labels matched by `y_pred > threshold`.

    Args:
        y_true: Binary labels.
        y_pred: Predicted probabilities, same shape as `y_true`.
        threshold: Predictions above it count as 1.

    Returns:
        A float tensor of 1.0 (match) and 0.0 values, shaped like `y_pred`.

    Example:

    >>> keras.metrics.binary_accuracy(np.array([[1.0], [0.0]]), np.array([[0.7], [0.6]]))
    array([[1.],
           [0.]], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true)
    y_true, y_pred = match_ranks(y_true, y_pred)
    check_broadcastable(y_true, y_pred)
    predicted = ops.cast(ops.greater(y_pred, threshold), y_true.dtype)
    return ops.cast(ops.equal(y_true, predicted), floatx())


def categorical_accuracy(y_true: Any, y_pred: Any) -> Tensor:
    """Return 1.0 where the arg-max of one-hot `y_true` equals that of `y_pred`.

    Args:
        y_true: One-hot labels, shape `(..., num_classes)`.
        y_pred: Scores, same shape.

    Returns:
        A float tensor shaped like `y_true` without its last axis.

    Example:

    >>> keras.metrics.categorical_accuracy(np.array([[0, 1], [1, 0]]), np.array([[0.2, 0.8], [0.3, 0.7]]))
    array([1., 0.], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true)
    check_broadcastable(y_true, y_pred)
    matches = ops.equal(ops.argmax(y_true, axis=-1), ops.argmax(y_pred, axis=-1))
    return ops.cast(matches, floatx())


def sparse_categorical_accuracy(y_true: Any, y_pred: Any) -> Tensor:
    """Return 1.0 where the integer label `y_true` equals the arg-max of `y_pred`.

    Args:
        y_true: Integer labels, shape `(...)` or `(..., 1)`.
        y_pred: Scores, shape `(..., num_classes)`.

    Returns:
        A float tensor shaped like `y_true` (a trailing axis of 1 dropped).

    Example:

    >>> keras.metrics.sparse_categorical_accuracy(np.array([1, 0]), np.array([[0.2, 0.8], [0.3, 0.7]]))
    array([1., 0.], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true)
    if len(y_true.shape) == len(y_pred.shape) and y_true.shape[-1] == 1:
        y_true = ops.squeeze(y_true, -1)
    if len(y_true.shape) != len(y_pred.shape) - 1:
        raise ValueError(
            "`y_true` must hold integer labels with one axis less than `y_pred` (or a "
            f"trailing axis of 1). Received: y_true.shape={tuple(y_true.shape)}, "
            f"y_pred.shape={tuple(y_pred.shape)}"
        )
    predicted = ops.argmax(y_pred, axis=-1)
    matches = ops.equal(ops.cast(y_true, "int64"), ops.cast(predicted, "int64"))
    return ops.cast(matches, floatx())


def _in_top_k(labels: Tensor, y_pred: Tensor, k: int) -> Tensor:
    """`in_top_k` over any leading shape: `labels` `(...)`, `y_pred` `(..., classes)`."""
    out_shape = ops.shape(labels)
    flat_labels = ops.reshape(ops.cast(labels, "int32"), (-1,))
    flat_pred = ops.reshape(y_pred, (-1, y_pred.shape[-1]))
    matches = ops.in_top_k(flat_labels, flat_pred, k=k)
    return ops.reshape(ops.cast(matches, floatx()), out_shape)


def top_k_categorical_accuracy(y_true: Any, y_pred: Any, k: int = 5) -> Tensor:
    """Return 1.0 where the class of one-hot `y_true` is among the `k` top scores.

    Args:
        y_true: One-hot labels, shape `(..., num_classes)`.
        y_pred: Scores, same shape.
        k: How many top scores count as a hit.

    Returns:
        A float tensor shaped like `y_true` without its last axis.

    Example:

    >>> y_pred = np.array([[0.1, 0.5, 0.4], [0.6, 0.3, 0.1]])
    >>> keras.metrics.top_k_categorical_accuracy(np.array([[0, 0, 1], [0, 0, 1]]), y_pred, k=2)
    array([1., 0.], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true)
    check_broadcastable(y_true, y_pred)
    return _in_top_k(ops.argmax(y_true, axis=-1), y_pred, k)


def sparse_top_k_categorical_accuracy(
    y_true: Any, y_pred: Any, k: int = 5, from_sorted_ids: bool = False
) -> Tensor:
    """Return 1.0 where the integer label `y_true` is among the `k` top scores of `y_pred`.

    Args:
        y_true: Integer labels, shape `(...)` or `(..., 1)`.
        y_pred: Scores, shape `(..., num_classes)`; with `from_sorted_ids=True`, class
            ids sorted from the best, shape `(..., m)` with `m >= k`.
        k: How many top scores count as a hit.
        from_sorted_ids: Whether `y_pred` already holds the sorted top class ids.

    Returns:
        A float tensor shaped like `y_true` (a trailing axis of 1 dropped).

    Example:

    >>> y_pred = np.array([[0.1, 0.5, 0.4], [0.6, 0.3, 0.1]])
    >>> keras.metrics.sparse_top_k_categorical_accuracy(np.array([2, 2]), y_pred, k=2)
    array([1., 0.], dtype=float32)
    """
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true)
    if len(y_true.shape) == len(y_pred.shape) and y_true.shape[-1] == 1:
        y_true = ops.squeeze(y_true, -1)
    if not from_sorted_ids:
        return _in_top_k(y_true, y_pred, k)
    top_ids = ops.cast(y_pred[..., :k], "int64")
    hits = ops.any(ops.equal(ops.expand_dims(ops.cast(y_true, "int64"), -1), top_ids), axis=-1)
    return ops.cast(hits, floatx())


class Accuracy(FunctionMetric):
    """Track how often predictions equal labels exactly.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.Accuracy()
    >>> metric.update_state(np.array([1, 2, 3, 4]), np.array([0, 2, 3, 4]))
    >>> float(metric.result())
    0.75
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "accuracy", dtype: Any = None) -> None:
        super().__init__(accuracy, name=name, dtype=dtype)


class BinaryAccuracy(FunctionMetric):
    """Track how often `y_pred > threshold` matches binary labels.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        threshold: Predictions above it count as 1.

    Example:

    >>> metric = keras.metrics.BinaryAccuracy()
    >>> metric.update_state(np.array([[1], [1], [0], [0]]), np.array([[0.98], [1], [0], [0.6]]))
    >>> float(metric.result())
    0.75
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    _config_keys = ("threshold",)

    def __init__(self, name: str = "binary_accuracy", dtype: Any = None, threshold: float = 0.5) -> None:
        super().__init__(binary_accuracy, name=name, dtype=dtype, threshold=threshold)
        self.threshold = threshold


class CategoricalAccuracy(FunctionMetric):
    """Track how often the arg-max of the scores matches one-hot labels.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.CategoricalAccuracy()
    >>> metric.update_state(np.array([[0, 0, 1], [0, 1, 0]]), np.array([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]))
    >>> float(metric.result())
    0.5
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "categorical_accuracy", dtype: Any = None) -> None:
        super().__init__(categorical_accuracy, name=name, dtype=dtype)


class SparseCategoricalAccuracy(FunctionMetric):
    """Track how often the arg-max of the scores matches integer labels.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.SparseCategoricalAccuracy()
    >>> metric.update_state(np.array([[2], [1]]), np.array([[0.1, 0.6, 0.3], [0.05, 0.95, 0]]))
    >>> float(metric.result())
    0.5
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "sparse_categorical_accuracy", dtype: Any = None) -> None:
        super().__init__(sparse_categorical_accuracy, name=name, dtype=dtype)


class TopKCategoricalAccuracy(FunctionMetric):
    """Track how often the one-hot label's class is among the `k` top scores.

    Args:
        k: How many top scores count as a hit.
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.TopKCategoricalAccuracy(k=1)
    >>> metric.update_state(np.array([[0, 0, 1], [0, 1, 0]]), np.array([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]))
    >>> float(metric.result())
    0.5
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    _config_keys = ("k",)

    def __init__(self, k: int = 5, name: str = "top_k_categorical_accuracy", dtype: Any = None) -> None:
        super().__init__(top_k_categorical_accuracy, name=name, dtype=dtype, k=k)
        self.k = k


class SparseTopKCategoricalAccuracy(FunctionMetric):
    """Track how often the integer label is among the `k` top scores.

    Args:
        k: How many top scores count as a hit.
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        from_sorted_ids: Whether `y_pred` holds class ids sorted from the best instead
            of scores.

    Example:

    >>> metric = keras.metrics.SparseTopKCategoricalAccuracy(k=1)
    >>> metric.update_state(np.array([2, 1]), np.array([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]))
    >>> float(metric.result())
    0.5
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(
        self,
        k: int = 5,
        name: str = "sparse_top_k_categorical_accuracy",
        dtype: Any = None,
        from_sorted_ids: bool = False,
    ) -> None:
        super().__init__(
            sparse_top_k_categorical_accuracy, name=name, dtype=dtype, k=k, from_sorted_ids=from_sorted_ids
        )
        self.k = k
        self.from_sorted_ids = from_sorted_ids

    def get_config(self) -> dict[str, Any]:
        config: dict[str, Any] = {"name": self.name, "dtype": self.dtype, "k": self.k}
        if self.from_sorted_ids:
            config["from_sorted_ids"] = True
        return config
