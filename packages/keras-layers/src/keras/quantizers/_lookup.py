"""Name lookup for quantizers and quantization configs: `get`, `serialize`, `deserialize`."""

from __future__ import annotations

import inspect
from typing import Any

from keras.initializers._lookup import name_table
from keras.quantizers._calibrated import AWQConfig
from keras.quantizers._config import (
    Float8QuantizationConfig,
    Int4QuantizationConfig,
    Int8QuantizationConfig,
    QuantizationConfig,
)
from keras.quantizers._quantizer import AbsMaxQuantizer, Quantizer

# Keras 3 leaves GPTQConfig out of the names `get` and `deserialize` know.
BUILTINS = name_table(
    (
        AbsMaxQuantizer,
        AWQConfig,
        Float8QuantizationConfig,
        Int4QuantizationConfig,
        Int8QuantizationConfig,
        QuantizationConfig,
        Quantizer,
    )
)


def serialize(initializer: Any) -> Any:
    """Return a quantizer's (or quantization config's) config in Keras's serialized form.

    Args:
        initializer: The quantizer (Keras names the argument so).

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> keras.quantizers.serialize(keras.quantizers.AbsMaxQuantizer())["class_name"]
    'AbsMaxQuantizer'
    """
    from keras.layers._serialization import serialize_keras_object

    return serialize_keras_object(initializer)


def deserialize(config: Any, custom_objects: dict[str, Any] | None = None) -> Any:
    """Build a quantizer from the output of `serialize`.

    Args:
        config: A serialized quantizer or quantization config.
        custom_objects: Extra names to resolve, mapped to classes.

    Returns:
        The quantizer.

    Example:

    >>> keras.quantizers.deserialize({"class_name": "AbsMaxQuantizer", "config": {"value_range": [-7, 7]}}).value_range
    [-7, 7]
    """
    from keras.layers._serialization import deserialize_keras_object

    return deserialize_keras_object(config, custom_objects=custom_objects, module_objects=BUILTINS)


def get(identifier: Any, **kwargs: Any) -> Any:
    """Return the quantizer an identifier stands for.

    Args:
        identifier: `None`; a class name or its snake case (`"abs_max_quantizer"`),
            instantiated with `**kwargs`; a config dict; a class (instantiated with
            `**kwargs`); or a quantizer instance.
        **kwargs: Constructor arguments for a class named by `identifier`.

    Returns:
        A quantizer, or `None` for `None`.

    Raises:
        ValueError: If the identifier stands for no quantizer.

    Example:

    >>> keras.quantizers.get("abs_max_quantizer", value_range=(-7, 7)).value_range
    (-7, 7)
    """
    if identifier is None:
        return None
    obj: Any
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = BUILTINS.get(identifier)
    else:
        obj = identifier
    if inspect.isclass(obj):
        return obj(**kwargs)
    if obj is None or not callable(obj):
        raise ValueError(f"Could not interpret quantizer identifier: {identifier}")
    return obj
