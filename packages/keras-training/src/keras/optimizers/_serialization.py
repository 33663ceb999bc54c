"""`keras.optimizers.get`, `serialize` and `deserialize`: optimizers to and from configs."""

from __future__ import annotations

from typing import Any

from keras.optimizers._adam import Adam, Adamax, AdamW, Lamb, Nadam
from keras.optimizers._adaptive import Adadelta, Adafactor, Adagrad, RMSprop
from keras.optimizers._ftrl import Ftrl
from keras.optimizers._loss_scale import LossScaleOptimizer
from keras.optimizers._multi import MultiOptimizer, OptimizerMap
from keras.optimizers._muon import Muon
from keras.optimizers._optimizer import Optimizer
from keras.optimizers._schedule_free import ScheduleFreeAdamW
from keras.optimizers._sgd import SGD, Lion

# Lower-cased class name -> class: names resolve case-insensitively ("adam", "RMSprop").
BUILT_IN_OPTIMIZERS: dict[str, Any] = {
    cls.__name__.lower(): cls
    for cls in (
        Optimizer,
        Adam,
        SGD,
        RMSprop,
        Adadelta,
        AdamW,
        Adagrad,
        Adamax,
        Adafactor,
        Muon,
        MultiOptimizer,
        OptimizerMap,
        Nadam,
        Ftrl,
        Lion,
        Lamb,
        LossScaleOptimizer,
        ScheduleFreeAdamW,
    )
}


def serialize(optimizer: Optimizer) -> Any:
    """Return the Keras config of an optimizer.

    Args:
        optimizer: The optimizer.

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}` in Keras 3's format.

    Example:

    >>> keras.optimizers.serialize(keras.optimizers.SGD(name="sgd_doc"))["config"]["name"]
    'sgd_doc'
    """
    from keras.layers._serialization import serialize_keras_object

    return serialize_keras_object(optimizer)


def deserialize(config: Any, custom_objects: dict[str, Any] | None = None) -> Any:
    """Build an optimizer from its config (built-in class names match in any case).

    Args:
        config: An optimizer config dict.
        custom_objects: Names of user classes and functions to resolve.

    Returns:
        The optimizer (without state).

    Example:

    >>> type(keras.optimizers.deserialize({"class_name": "adam", "config": {}})).__name__
    'Adam'
    """
    from keras.layers._serialization import deserialize_keras_object

    if isinstance(config, dict) and isinstance(config.get("class_name"), str):
        lowered = config["class_name"].lower()
        if lowered in BUILT_IN_OPTIMIZERS:
            config = {**config, "class_name": lowered}
            if config.get("registered_name") == BUILT_IN_OPTIMIZERS[lowered].__name__:
                config["registered_name"] = None
    return deserialize_keras_object(config, custom_objects=custom_objects, module_objects=BUILT_IN_OPTIMIZERS)


def get(identifier: Any) -> Any:
    """Resolve an optimizer from a name, a config dict or an instance.

    Args:
        identifier: `None`, an optimizer name (`"adam"`, `"RMSprop"`, ...), a config dict,
            or an `Optimizer` instance (returned as is).

    Returns:
        An `Optimizer`, or `None` for `None`.

    Raises:
        ValueError: If the identifier does not resolve to an optimizer.

    Example:

    >>> type(keras.optimizers.get("rmsprop")).__name__
    'RMSprop'
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        found = deserialize(identifier)
    elif isinstance(identifier, str):
        try:
            found = deserialize({"class_name": identifier, "config": {}})
        except TypeError:
            found = None
    else:
        found = identifier
    if isinstance(found, Optimizer):
        return found
    raise ValueError(f"Could not interpret optimizer identifier: {identifier}")
