"""`get`, `serialize` and `deserialize`: losses by name, and to and from Keras 3 configs.

Names resolve as in Keras 3: a class name gives a new instance with default arguments, a
function name (or one of the short aliases `mse`, `mae`, `mape`, `msle`, `kld`, `bce`,
upper-case too) gives the function.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any

from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.losses._crossentropy import (
    BinaryCrossentropy,
    BinaryFocalCrossentropy,
    CategoricalCrossentropy,
    CategoricalFocalCrossentropy,
    SparseCategoricalCrossentropy,
    binary_crossentropy,
    binary_focal_crossentropy,
    categorical_crossentropy,
    categorical_focal_crossentropy,
    sparse_categorical_crossentropy,
)
from keras.losses._hinge import CategoricalHinge, Hinge, SquaredHinge, categorical_hinge, hinge, squared_hinge
from keras.losses._loss import Loss, LossFunctionWrapper
from keras.losses._probabilistic import KLDivergence, Poisson, kl_divergence, poisson
from keras.losses._regression import (
    CosineSimilarity,
    Huber,
    LogCosh,
    MeanAbsoluteError,
    MeanAbsolutePercentageError,
    MeanSquaredError,
    MeanSquaredLogarithmicError,
    cosine_similarity,
    huber,
    log_cosh,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_error,
    mean_squared_logarithmic_error,
)
from keras.losses._segmentation import Dice, Tversky, dice, tversky
from keras.losses._sequence import CTC, ctc
from keras.losses._similarity import Circle, circle

# Keras 3 leaves `CategoricalGeneralizedCrossEntropy` and its function out of this table,
# so `get` does not resolve them by name; neither do we.
_OBJECTS: tuple[Any, ...] = (
    Loss,
    LossFunctionWrapper,
    KLDivergence,
    Poisson,
    BinaryCrossentropy,
    BinaryFocalCrossentropy,
    CategoricalCrossentropy,
    CategoricalFocalCrossentropy,
    SparseCategoricalCrossentropy,
    MeanSquaredError,
    MeanAbsoluteError,
    MeanAbsolutePercentageError,
    MeanSquaredLogarithmicError,
    CosineSimilarity,
    LogCosh,
    Huber,
    Hinge,
    SquaredHinge,
    CategoricalHinge,
    Dice,
    Tversky,
    Circle,
    CTC,
    kl_divergence,
    poisson,
    binary_crossentropy,
    binary_focal_crossentropy,
    categorical_crossentropy,
    categorical_focal_crossentropy,
    sparse_categorical_crossentropy,
    mean_squared_error,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_squared_logarithmic_error,
    cosine_similarity,
    log_cosh,
    huber,
    hinge,
    squared_hinge,
    categorical_hinge,
    dice,
    tversky,
    circle,
    ctc,
)
_ALIASES: dict[str, Any] = {
    "bce": binary_crossentropy,
    "kld": kl_divergence,
    "mae": mean_absolute_error,
    "mse": mean_squared_error,
    "mape": mean_absolute_percentage_error,
    "msle": mean_squared_logarithmic_error,
}
ALL_OBJECTS: dict[str, Any] = {obj.__name__: obj for obj in _OBJECTS}
ALL_OBJECTS.update(_ALIASES)
ALL_OBJECTS.update({alias.upper(): fn for alias, fn in _ALIASES.items()})


def serialize(loss: Any) -> Any:
    """Return the Keras 3 config of a loss object or the name record of a loss function.

    Args:
        loss: A `Loss` instance or a loss function.

    Returns:
        A dict: `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> keras.losses.serialize(keras.losses.mean_squared_error)["config"]
    'mean_squared_error'
    """
    return serialize_keras_object(loss)


def deserialize(name: Any, custom_objects: Mapping[str, Any] | None = None) -> Any:
    """Rebuild a loss from `serialize`'s output (or a name).

    Args:
        name: A config dict, or the name of a built-in loss class or function.
        custom_objects: A dict from name to custom class or function.

    Returns:
        A `Loss` instance or a loss function.

    Example:

    >>> keras.losses.deserialize({"class_name": "Huber", "config": {"name": "h", "reduction": "sum"}}).reduction
    'sum'
    """
    if isinstance(name, str):
        found = (custom_objects or {}).get(name, ALL_OBJECTS.get(name))
        if found is None:
            raise ValueError(
                f"Unknown loss: {name!r}. Expected a built-in loss name or a key of `custom_objects`."
            )
        return found() if inspect.isclass(found) else found
    return deserialize_keras_object(name, custom_objects=custom_objects, module_objects=ALL_OBJECTS)


def get(identifier: Any) -> Any:
    """Return a loss function or `Loss` instance for `identifier`.

    Args:
        identifier: None; a loss class or function name (a class name gives an instance
            with default arguments); a config dict; a `Loss` class (instantiated), a
            `Loss` instance or any callable (returned as is).

    Returns:
        A loss function or `Loss` instance, or None for None.

    Raises:
        ValueError: If `identifier` cannot be interpreted.

    Example:

    >>> keras.losses.get("mse") is keras.losses.mean_squared_error
    True
    >>> keras.losses.get("Huber").name
    'huber_loss'
    """
    if identifier is None:
        return None
    if isinstance(identifier, Mapping):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = ALL_OBJECTS.get(identifier)
    else:
        obj = identifier
    if not callable(obj):
        raise ValueError(f"Could not interpret loss identifier: {identifier}")
    return obj() if inspect.isclass(obj) else obj
