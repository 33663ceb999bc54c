"""Intersection-over-union metrics from an accumulated class confusion matrix."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.backend import epsilon, is_float_dtype, standardize_dtype
from keras.metrics._metric import Metric, is_int, read
from keras.ops._typing import Tensor


def confusion_matrix(
    labels: Tensor, predictions: Tensor, num_classes: int, weights: Tensor, dtype: str
) -> Tensor:
    """Return the `(num_classes, num_classes)` matrix of summed `weights` (rows: labels)."""
    index = ops.add(ops.multiply(ops.cast(labels, "int32"), num_classes), ops.cast(predictions, "int32"))
    counts = ops.segment_sum(ops.cast(weights, dtype), index, num_segments=num_classes * num_classes)
    return ops.reshape(counts, (num_classes, num_classes))


class IoU(Metric):
    """Compute the intersection-over-union of chosen classes, averaged.

    For each class, `IoU = tp / (tp + fp + fn)` from a confusion matrix accumulated
    over batches; the result is the mean over `target_class_ids` of the classes that
    occurred (in labels or predictions).

    Args:
        num_classes: The number of classes; labels and predictions lie in
            `[0, num_classes)` (others are ignored).
        target_class_ids: The class ids whose IoU is averaged.
        name: The metric's name.
        dtype: The dtype of the confusion matrix (default `"int32"`).
        ignore_class: A label id whose samples are ignored.
        sparse_y_true: Whether labels are class ids (`False`: scores over the `axis`).
        sparse_y_pred: Whether predictions are class ids (`False`: scores over `axis`).
        axis: The class axis of non-sparse inputs.

    Raises:
        ValueError: If a target class id is not in `[0, num_classes)`.

    Example:

    >>> metric = keras.metrics.IoU(num_classes=2, target_class_ids=[0])
    >>> metric.update_state(np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1]))
    >>> round(float(metric.result()), 4)
    0.3333
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(
        self,
        num_classes: int,
        target_class_ids: Sequence[int],
        name: str | None = None,
        dtype: Any = None,
        ignore_class: int | None = None,
        sparse_y_true: bool = True,
        sparse_y_pred: bool = True,
        axis: int = -1,
    ) -> None:
        if not is_int(num_classes, 1):
            raise ValueError(
                f"Argument `num_classes` must be a positive integer. Received: num_classes={num_classes}"
            )
        target_class_ids = list(target_class_ids)
        if not target_class_ids:
            raise ValueError(f"Argument `target_class_ids` must not be empty. Received: {target_class_ids}")
        bad = [i for i in target_class_ids if not 0 <= i < num_classes]
        if bad:
            raise ValueError(f"Target class id {bad[0]} is out of range, which is [0, {num_classes}).")
        super().__init__(name=name, dtype=dtype or "int32")
        self.num_classes = num_classes
        self.target_class_ids = target_class_ids
        self.ignore_class = ignore_class
        self.sparse_y_true = sparse_y_true
        self.sparse_y_pred = sparse_y_pred
        self.axis = axis
        self.total_cm = self.add_variable(
            shape=(num_classes, num_classes),
            initializer="zeros",
            dtype=self.dtype,
            name="total_confusion_matrix",
        )

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        """Add this batch's (weighted) confusion matrix.

        Args:
            y_true: Class ids (or scores when `sparse_y_true=False`).
            y_pred: Class ids (or scores when `sparse_y_pred=False`).
            sample_weight: Weights broadcastable to the class ids.
        """
        y_true = ops.convert_to_tensor(y_true)
        y_pred = ops.convert_to_tensor(y_pred)
        if not self.sparse_y_true:
            y_true = ops.argmax(y_true, axis=self.axis)
        if not self.sparse_y_pred:
            y_pred = ops.argmax(y_pred, axis=self.axis)
        y_true = ops.reshape(ops.cast(y_true, "int32"), (-1,))
        y_pred = ops.reshape(ops.cast(y_pred, "int32"), (-1,))
        if y_true.shape[0] is not None and y_pred.shape[0] is not None and y_true.shape[0] != y_pred.shape[0]:
            raise ValueError(
                "`y_true` and `y_pred` must hold the same number of class ids. Received: "
                f"{y_true.shape[0]} and {y_pred.shape[0]}"
            )
        if sample_weight is None:
            weights = ops.ones(ops.shape(y_true), dtype=self.dtype)
        else:
            weights = ops.convert_to_tensor(sample_weight)
            if is_float_dtype(standardize_dtype(weights.dtype)) and not is_float_dtype(self.dtype):
                warnings.warn(
                    "You are passing weight as `float`, but dtype is `int`. This may result in an "
                    "incorrect weight due to type casting. Consider using integer weights.",
                    stacklevel=2,
                )
            weights = ops.broadcast_to(ops.reshape(ops.cast(weights, self.dtype), (-1,)), ops.shape(y_true))
        in_range = ops.logical_and(
            ops.logical_and(ops.greater_equal(y_true, 0), ops.less(y_true, self.num_classes)),
            ops.logical_and(ops.greater_equal(y_pred, 0), ops.less(y_pred, self.num_classes)),
        )
        if self.ignore_class is not None:
            in_range = ops.logical_and(in_range, ops.not_equal(y_true, self.ignore_class))
        y_true = ops.where(in_range, y_true, 0)
        y_pred = ops.where(in_range, y_pred, 0)
        weights = ops.where(in_range, weights, ops.zeros_like(weights))
        current = confusion_matrix(y_true, y_pred, self.num_classes, weights, self.dtype)
        self.total_cm.assign(ops.add(read(self.total_cm), current))

    def result(self) -> Tensor:
        matrix = ops.cast(read(self.total_cm), "float32")
        true_positives = ops.diagonal(matrix)
        denominator = ops.subtract(ops.add(ops.sum(matrix, axis=0), ops.sum(matrix, axis=1)), true_positives)
        ids = ops.convert_to_tensor(self.target_class_ids, dtype="int32")
        true_positives = ops.take(true_positives, ids)
        denominator = ops.take(denominator, ids)
        valid = ops.greater(denominator, 1e-9)
        iou = ops.where(valid, ops.divide(true_positives, ops.add(denominator, epsilon())), 0.0)
        num_valid = ops.sum(ops.cast(valid, "float32"))
        return ops.divide(ops.sum(iou), ops.add(num_valid, epsilon()))

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "num_classes": self.num_classes,
            "target_class_ids": self.target_class_ids,
            "ignore_class": self.ignore_class,
            "sparse_y_true": self.sparse_y_true,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


class BinaryIoU(IoU):
    """Compute IoU for binary labels, predictions thresholded at `threshold`.

    Args:
        target_class_ids: Which of the classes 0 and 1 to average.
        threshold: Predictions at or above it are class 1.
        name: The metric's name.
        dtype: The dtype of the confusion matrix.

    Example:

    >>> metric = keras.metrics.BinaryIoU(target_class_ids=[0, 1], threshold=0.3)
    >>> metric.update_state(np.array([0, 1, 0, 1]), np.array([0.1, 0.2, 0.4, 0.7]))
    >>> round(float(metric.result()), 4)
    0.3333
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(
        self,
        target_class_ids: Sequence[int] = (0, 1),
        threshold: float = 0.5,
        name: str | None = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(num_classes=2, target_class_ids=target_class_ids, name=name, dtype=dtype)
        self.threshold = threshold

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        """Threshold the predictions, then add this batch's confusion matrix."""
        y_pred = ops.cast(ops.greater_equal(ops.cast(y_pred, "float32"), self.threshold), "int32")
        super().update_state(y_true, y_pred, sample_weight)

    def get_config(self) -> dict[str, Any]:
        return {
            "target_class_ids": self.target_class_ids,
            "threshold": self.threshold,
            "name": self.name,
            "dtype": self.dtype,
        }


class MeanIoU(IoU):
    """Compute the mean intersection-over-union over all classes.

    Args:
        num_classes: The number of classes.
        name: The metric's name.
        dtype: The dtype of the confusion matrix.
        ignore_class: A label id whose samples are ignored.
        sparse_y_true: Whether labels are class ids.
        sparse_y_pred: Whether predictions are class ids.
        axis: The class axis of non-sparse inputs.

    Example:

    >>> metric = keras.metrics.MeanIoU(num_classes=2)
    >>> metric.update_state(np.array([0, 0, 1, 1]), np.array([0, 1, 0, 1]))
    >>> round(float(metric.result()), 4)
    0.3333
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(
        self,
        num_classes: int,
        name: str | None = None,
        dtype: Any = None,
        ignore_class: int | None = None,
        sparse_y_true: bool = True,
        sparse_y_pred: bool = True,
        axis: int = -1,
    ) -> None:
        super().__init__(
            num_classes=num_classes,
            target_class_ids=list(range(num_classes)) if is_int(num_classes, 1) else [],
            name=name,
            dtype=dtype,
            ignore_class=ignore_class,
            sparse_y_true=sparse_y_true,
            sparse_y_pred=sparse_y_pred,
            axis=axis,
        )

    def get_config(self) -> dict[str, Any]:
        return {
            "num_classes": self.num_classes,
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_true": self.sparse_y_true,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


class OneHotIoU(IoU):
    """Compute the IoU of chosen classes for one-hot labels.

    Args:
        num_classes: The number of classes.
        target_class_ids: The class ids whose IoU is averaged.
        name: The metric's name.
        dtype: The dtype of the confusion matrix.
        ignore_class: A label id whose samples are ignored.
        sparse_y_pred: Whether predictions are class ids (default: scores).
        axis: The class axis.

    Example:

    >>> metric = keras.metrics.OneHotIoU(num_classes=2, target_class_ids=[1])
    >>> metric.update_state(np.array([[1, 0], [0, 1], [0, 1]]), np.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]]))
    >>> round(float(metric.result()), 4)
    0.5
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(
        self,
        num_classes: int,
        target_class_ids: Sequence[int],
        name: str | None = None,
        dtype: Any = None,
        ignore_class: int | None = None,
        sparse_y_pred: bool = False,
        axis: int = -1,
    ) -> None:
        super().__init__(
            num_classes=num_classes,
            target_class_ids=target_class_ids,
            name=name,
            dtype=dtype,
            ignore_class=ignore_class,
            sparse_y_true=False,
            sparse_y_pred=sparse_y_pred,
            axis=axis,
        )

    def get_config(self) -> dict[str, Any]:
        return {
            "num_classes": self.num_classes,
            "target_class_ids": self.target_class_ids,
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }


class OneHotMeanIoU(MeanIoU):
    """Compute the mean IoU over all classes for one-hot labels.

    Args:
        num_classes: The number of classes.
        name: The metric's name.
        dtype: The dtype of the confusion matrix.
        ignore_class: A label id whose samples are ignored.
        sparse_y_pred: Whether predictions are class ids (default: scores).
        axis: The class axis.

    Example:

    >>> metric = keras.metrics.OneHotMeanIoU(num_classes=2)
    >>> metric.update_state(np.array([[1, 0], [0, 1], [0, 1]]), np.array([[0.8, 0.2], [0.3, 0.7], [0.6, 0.4]]))
    >>> round(float(metric.result()), 4)
    0.5
    """

    _direction = "up"  # for callbacks that monitor it with mode="auto"

    def __init__(
        self,
        num_classes: int,
        name: str | None = None,
        dtype: Any = None,
        ignore_class: int | None = None,
        sparse_y_pred: bool = False,
        axis: int = -1,
    ) -> None:
        super().__init__(
            num_classes=num_classes,
            name=name,
            dtype=dtype,
            ignore_class=ignore_class,
            sparse_y_true=False,
            sparse_y_pred=sparse_y_pred,
            axis=axis,
        )

    def get_config(self) -> dict[str, Any]:
        return {
            "num_classes": self.num_classes,
            "name": self.name,
            "dtype": self.dtype,
            "ignore_class": self.ignore_class,
            "sparse_y_pred": self.sparse_y_pred,
            "axis": self.axis,
        }
