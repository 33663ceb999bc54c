"""`keras.optimizers.schedules.serialize` / `deserialize`: schedules to and from configs."""

from __future__ import annotations

from typing import Any

from keras.optimizers.schedules._decay import (
    CosineDecay,
    CosineDecayRestarts,
    ExponentialDecay,
    InverseTimeDecay,
    PiecewiseConstantDecay,
    PolynomialDecay,
)
from keras.optimizers.schedules._schedule import LearningRateSchedule

BUILT_IN_SCHEDULES: dict[str, Any] = {
    cls.__name__: cls
    for cls in (
        LearningRateSchedule,
        ExponentialDecay,
        PiecewiseConstantDecay,
        PolynomialDecay,
        InverseTimeDecay,
        CosineDecay,
        CosineDecayRestarts,
    )
}


def serialize(learning_rate_schedule: Any) -> Any:
    """Return the Keras config of a schedule (or of a registered callable).

    Args:
        learning_rate_schedule: A `LearningRateSchedule` instance.

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}` in Keras 3's format.

    Example:

    >>> schedule = keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.9)
    >>> keras.optimizers.schedules.serialize(schedule)["class_name"]
    'ExponentialDecay'
    """
    from keras.layers._serialization import serialize_keras_object

    return serialize_keras_object(learning_rate_schedule)


def deserialize(config: Any, custom_objects: dict[str, Any] | None = None) -> Any:
    """Build a schedule from the config `serialize` returned.

    Args:
        config: A schedule config dict.
        custom_objects: Names of user classes and functions to resolve.

    Returns:
        The schedule.

    Example:

    >>> config = {"class_name": "InverseTimeDecay", "config": {"initial_learning_rate": 1.0,
    ...     "decay_steps": 10, "decay_rate": 0.5}}
    >>> type(keras.optimizers.schedules.deserialize(config)).__name__
    'InverseTimeDecay'
    """
    from keras.layers._serialization import deserialize_keras_object

    return deserialize_keras_object(config, custom_objects=custom_objects, module_objects=BUILT_IN_SCHEDULES)
