"""Probabilistic metrics: means of KL divergence, Poisson and the cross-entropy losses."""

from __future__ import annotations

from typing import Any

from keras.losses import (
    binary_crossentropy,
    categorical_crossentropy,
    kl_divergence,
    poisson,
    sparse_categorical_crossentropy,
)
from keras.metrics._reduction import FunctionMetric


class KLDivergence(FunctionMetric):
    """Track the mean Kullback-Leibler divergence, `sum(y_true * log(y_true / y_pred))`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.KLDivergence()
    >>> metric.update_state(np.array([[0.5, 0.5]]), np.array([[0.5, 0.5]]))
    >>> float(metric.result())
    0.0
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "kl_divergence", dtype: Any = None) -> None:
        super().__init__(kl_divergence, name=name, dtype=dtype)


class Poisson(FunctionMetric):
    """Track the mean Poisson loss, `mean(y_pred - y_true * log(y_pred))`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.Poisson()
    >>> metric.update_state(np.array([[0.0, 0.0]]), np.array([[1.0, 3.0]]))
    >>> round(float(metric.result()), 4)
    2.0
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "poisson", dtype: Any = None) -> None:
        super().__init__(poisson, name=name, dtype=dtype)


class BinaryCrossentropy(FunctionMetric):
    """Track the mean binary cross-entropy between labels and predictions.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        from_logits: Whether predictions are logits rather than probabilities.
        label_smoothing: Labels are squeezed towards 0.5 by this amount, in [0, 1].

    Example:

    >>> metric = keras.metrics.BinaryCrossentropy()
    >>> metric.update_state(np.array([[1.0, 0.0]]), np.array([[0.5, 0.5]]))
    >>> round(float(metric.result()), 4)
    0.6931
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    _config_keys = ("from_logits", "label_smoothing")

    def __init__(
        self,
        name: str = "binary_crossentropy",
        dtype: Any = None,
        from_logits: bool = False,
        label_smoothing: float = 0,
    ) -> None:
        super().__init__(
            binary_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing


class CategoricalCrossentropy(FunctionMetric):
    """Track the mean categorical cross-entropy between one-hot labels and predictions.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        from_logits: Whether predictions are logits rather than probabilities.
        label_smoothing: Labels are smoothed towards uniform by this amount, in [0, 1].
        axis: The class axis.

    Example:

    >>> metric = keras.metrics.CategoricalCrossentropy()
    >>> metric.update_state(np.array([[0.0, 1.0]]), np.array([[0.5, 0.5]]))
    >>> round(float(metric.result()), 4)
    0.6931
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    _config_keys = ("from_logits", "label_smoothing", "axis")

    def __init__(
        self,
        name: str = "categorical_crossentropy",
        dtype: Any = None,
        from_logits: bool = False,
        label_smoothing: float = 0,
        axis: int = -1,
    ) -> None:
        super().__init__(
            categorical_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            label_smoothing=label_smoothing,
            axis=axis,
        )
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis


class SparseCategoricalCrossentropy(FunctionMetric):
    """Track the mean cross-entropy between integer labels and predicted distributions.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        from_logits: Whether predictions are logits rather than probabilities.
        ignore_class: A label id whose samples are left out (weight 0).
        axis: The class axis.

    Example:

    >>> metric = keras.metrics.SparseCategoricalCrossentropy()
    >>> metric.update_state(np.array([1]), np.array([[0.5, 0.5]]))
    >>> round(float(metric.result()), 4)
    0.6931
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    _config_keys = ("from_logits", "ignore_class", "axis")

    def __init__(
        self,
        name: str = "sparse_categorical_crossentropy",
        dtype: Any = None,
        from_logits: bool = False,
        ignore_class: int | None = None,
        axis: int = -1,
    ) -> None:
        super().__init__(
            sparse_categorical_crossentropy,
            name=name,
            dtype=dtype,
            from_logits=from_logits,
            ignore_class=ignore_class,
            axis=axis,
        )
        self.from_logits = from_logits
        self.ignore_class = ignore_class
        self.axis = axis
