"""Name lookup for constraints: `get`, `serialize`, `deserialize` and the built-in names."""

from __future__ import annotations

from typing import Any

from keras.constraints._constraints import Constraint, MaxNorm, MinMaxNorm, NonNeg, UnitNorm
from keras.initializers._lookup import name_table, resolve_identifier

BUILTINS = name_table((Constraint, MaxNorm, MinMaxNorm, NonNeg, UnitNorm))


def serialize(constraint: Any) -> Any:
    """Return a constraint's config in Keras's serialized form.

    Args:
        constraint: A constraint instance.

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> keras.constraints.serialize(keras.constraints.MaxNorm(3))["config"]
    {'max_value': 3, 'axis': 0}
    """
    from keras.layers._serialization import serialize_keras_object

    return serialize_keras_object(constraint)


def deserialize(config: Any, custom_objects: dict[str, Any] | None = None) -> Any:
    """Build a constraint from the output of `serialize`.

    Args:
        config: A serialized constraint.
        custom_objects: Extra names to resolve, mapped to classes or functions.

    Returns:
        The constraint.

    Example:

    >>> keras.constraints.deserialize({"class_name": "UnitNorm", "config": {"axis": 1}}).axis
    1
    """
    from keras.layers._serialization import deserialize_keras_object

    return deserialize_keras_object(config, custom_objects=custom_objects, module_objects=BUILTINS)


def get(identifier: Any) -> Any:
    """Return the constraint an identifier stands for.

    Args:
        identifier: `None`; a name such as `"max_norm"` or `"NonNeg"`; a config dict (as
            `serialize` returns); a constraint class (instantiated with no arguments) or
            instance; or a callable `w -> w`.

    Returns:
        A callable constraint, or `None` for `None`.

    Raises:
        ValueError: If the identifier stands for no constraint.

    Example:

    >>> type(keras.constraints.get("non_neg")).__name__
    'NonNeg'
    """
    return resolve_identifier(identifier, "constraint", BUILTINS)
