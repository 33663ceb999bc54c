"""Look metrics up by name or config: `get`, `serialize`, `deserialize`."""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any

from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.metrics._accuracy import (
    Accuracy,
    BinaryAccuracy,
    CategoricalAccuracy,
    SparseCategoricalAccuracy,
    SparseTopKCategoricalAccuracy,
    TopKCategoricalAccuracy,
)
from keras.metrics._auc import AUC
from keras.metrics._confusion import (
    FalseNegatives,
    FalsePositives,
    Precision,
    PrecisionAtRecall,
    Recall,
    RecallAtPrecision,
    SensitivityAtSpecificity,
    SpecificityAtSensitivity,
    TrueNegatives,
    TruePositives,
)
from keras.metrics._correlation import ConcordanceCorrelation, PearsonCorrelation
from keras.metrics._f_score import F1Score, FBetaScore
from keras.metrics._hinge import CategoricalHinge, Hinge, SquaredHinge
from keras.metrics._iou import BinaryIoU, IoU, MeanIoU, OneHotIoU, OneHotMeanIoU
from keras.metrics._metric import Metric, snake_case
from keras.metrics._probabilistic import (
    BinaryCrossentropy,
    CategoricalCrossentropy,
    KLDivergence,
    Poisson,
    SparseCategoricalCrossentropy,
)
from keras.metrics._reduction import Mean, MeanMetricWrapper, Sum
from keras.metrics._regression import (
    CosineSimilarity,
    LogCoshError,
    MeanAbsoluteError,
    MeanAbsolutePercentageError,
    MeanSquaredError,
    MeanSquaredLogarithmicError,
    R2Score,
    RootMeanSquaredError,
)

ALL_METRICS: tuple[type[Metric], ...] = (
    Metric, Mean, Sum, MeanMetricWrapper,
    MeanSquaredError, RootMeanSquaredError, MeanAbsoluteError, MeanAbsolutePercentageError,
    MeanSquaredLogarithmicError, CosineSimilarity, LogCoshError, R2Score,
    AUC, FalseNegatives, FalsePositives, Precision, PrecisionAtRecall, Recall, RecallAtPrecision,
    SensitivityAtSpecificity, SpecificityAtSensitivity, TrueNegatives, TruePositives,
    ConcordanceCorrelation, PearsonCorrelation,
    Hinge, SquaredHinge, CategoricalHinge,
    KLDivergence, Poisson, BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy,
    Accuracy, BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy,
    TopKCategoricalAccuracy, SparseTopKCategoricalAccuracy,
    F1Score, FBetaScore,
    IoU, BinaryIoU, MeanIoU, OneHotIoU, OneHotMeanIoU,
)  # fmt: skip

# Keras 3 resolves a metric name to its class: the class name, its snake case, or an alias.
METRICS_BY_NAME: dict[str, type[Metric]] = {cls.__name__: cls for cls in ALL_METRICS}
METRICS_BY_NAME.update({snake_case(cls.__name__): cls for cls in ALL_METRICS})
for _alias, _cls in (
    ("bce", BinaryCrossentropy),
    ("mse", MeanSquaredError),
    ("mae", MeanAbsoluteError),
    ("mape", MeanAbsolutePercentageError),
    ("msle", MeanSquaredLogarithmicError),
):
    METRICS_BY_NAME[_alias] = _cls
    METRICS_BY_NAME[_alias.upper()] = _cls


def serialize_object(obj: Any) -> Any:
    """Serialize a metric, function or argument value in Keras 3's format."""
    return serialize_keras_object(obj)


def deserialize_object(config: Any, custom_objects: Mapping[str, Any] | None = None) -> Any:
    """Rebuild a metric, function or value from `serialize_object`'s output."""
    return deserialize_keras_object(config, custom_objects=custom_objects, module_objects=_module_objects())


def _module_objects() -> dict[str, Any]:
    """Names for deserializing: metric classes by every name, then the namespace's own.

    A function of the namespace wins over a class of the same snake-case name, so that
    serialized functions (`"mean_squared_error"`) come back as functions.
    """
    import keras.metrics

    objects: dict[str, Any] = dict(METRICS_BY_NAME)
    objects.update({name: getattr(keras.metrics, name) for name in keras.metrics.__all__})
    return objects


def serialize(metric: Any) -> Any:
    """Return the config of a metric instance or metric function.

    Args:
        metric: A `keras.metrics.Metric` instance or a metric function.

    Returns:
        The config: a dict for instances, a `"function"` entry for functions.

    Example:

    >>> keras.metrics.serialize(keras.metrics.Mean(name="loss"))["config"]
    {'name': 'loss', 'dtype': 'float32'}
    """
    return serialize_object(metric)


def deserialize(config: Any, custom_objects: Mapping[str, Any] | None = None) -> Any:
    """Rebuild a metric instance or function from its config.

    Args:
        config: The output of `serialize`.
        custom_objects: A dict from name to custom metric class or function.

    Returns:
        The metric instance or function. A bare name gives an instance of the metric
        class it names (as `get` does), or the function of that name.

    Example:

    >>> keras.metrics.deserialize({"class_name": "Mean", "config": {"name": "loss"}}).name
    'loss'
    """
    if isinstance(config, str) and config in METRICS_BY_NAME:
        return METRICS_BY_NAME[config]()
    return deserialize_object(config, custom_objects=custom_objects)


def get(identifier: Any) -> Any:
    """Return a metric from a name, a config, a function or an instance.

    A name (class name, snake case or alias such as `"mse"`) or a class gives a new
    instance with default arguments; a config dict is deserialized; a callable is
    returned as it is.

    Args:
        identifier: `None`, a string, a config dict, a metric class, instance or function.

    Returns:
        A metric instance or function, or `None` for `None`.

    Raises:
        ValueError: If `identifier` cannot be interpreted.

    Example:

    >>> keras.metrics.get("mse")
    <MeanSquaredError name=mean_squared_error>
    """
    if identifier is None:
        return None
    obj: Any
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = METRICS_BY_NAME.get(identifier)
    else:
        obj = identifier
    if not callable(obj):
        raise ValueError(f"Could not interpret metric identifier: {identifier}")
    return obj() if inspect.isclass(obj) else obj
