"""Hinge metrics: the means of the hinge, squared hinge and categorical hinge losses."""

from __future__ import annotations

from typing import Any

from keras.losses import categorical_hinge, hinge, squared_hinge
from keras.metrics._reduction import FunctionMetric


class Hinge(FunctionMetric):
    """Track the mean hinge loss, `mean(max(1 - y_true * y_pred, 0))` (labels in {-1, 1} or {0, 1}).

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.Hinge()
    >>> metric.update_state(np.array([[0.0, 1.0]]), np.array([[0.5, 0.5]]))
    >>> float(metric.result())
    1.0
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "hinge", dtype: Any = None) -> None:
        super().__init__(hinge, name=name, dtype=dtype)


class SquaredHinge(FunctionMetric):
    """Track the mean squared hinge loss, `mean(max(1 - y_true * y_pred, 0)^2)`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.SquaredHinge()
    >>> metric.update_state(np.array([[0.0, 1.0]]), np.array([[0.5, 0.5]]))
    >>> float(metric.result())
    1.25
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "squared_hinge", dtype: Any = None) -> None:
        super().__init__(squared_hinge, name=name, dtype=dtype)


class CategoricalHinge(FunctionMetric):
    """Track the mean categorical hinge loss, `max(0, 1 + max(neg) - pos)`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.CategoricalHinge()
    >>> metric.update_state(np.array([[0.0, 1.0]]), np.array([[0.6, 0.4]]))
    >>> round(float(metric.result()), 4)
    1.2
    """

    _direction = "down"  # for callbacks that monitor it with mode="auto"

    def __init__(self, name: str = "categorical_hinge", dtype: Any = None) -> None:
        super().__init__(categorical_hinge, name=name, dtype=dtype)
