"""Name lookup for regularizers: `get`, `serialize`, `deserialize` and the built-in names."""

from __future__ import annotations

from typing import Any

from keras.initializers._lookup import name_table, resolve_identifier
from keras.regularizers._regularizers import L1, L1L2, L2, OrthogonalRegularizer, Regularizer

BUILTINS = name_table((L1, L1L2, L2, OrthogonalRegularizer, Regularizer))


def serialize(regularizer: Any) -> Any:
    """Return a regularizer's config in Keras's serialized form.

    Args:
        regularizer: A regularizer instance.

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> keras.regularizers.serialize(keras.regularizers.L2(0.5))["config"]
    {'l2': 0.5}
    """
    from keras.layers._serialization import serialize_keras_object

    return serialize_keras_object(regularizer)


def deserialize(config: Any, custom_objects: dict[str, Any] | None = None) -> Any:
    """Build a regularizer from the output of `serialize`.

    Args:
        config: A serialized regularizer.
        custom_objects: Extra names to resolve, mapped to classes or functions.

    Returns:
        The regularizer.

    Example:

    >>> keras.regularizers.deserialize({"class_name": "L2", "config": {"l2": 0.5}}).l2
    0.5
    """
    from keras.layers._serialization import deserialize_keras_object

    return deserialize_keras_object(config, custom_objects=custom_objects, module_objects=BUILTINS)


def get(identifier: Any) -> Any:
    """Return the regularizer an identifier stands for.

    Args:
        identifier: `None`; a name such as `"l2"` or `"L1L2"` (but not `"l1_l2"`,
            which Keras does not accept either); a config dict (as
            `serialize` returns); a regularizer class (instantiated with no arguments) or
            instance; or a callable `x -> penalty`.

    Returns:
        A callable regularizer, or `None` for `None`.

    Raises:
        ValueError: If the identifier stands for no regularizer.

    Example:

    >>> type(keras.regularizers.get("l1l2")).__name__
    'L1L2'
    """
    return resolve_identifier(identifier, "regularizer", BUILTINS)
