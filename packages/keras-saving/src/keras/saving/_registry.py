"""`get_custom_objects`: the global name -> object mapping that deserialization searches."""

from __future__ import annotations

from typing import Any


def get_custom_objects() -> dict[str, Any]:
    """Return the global dict of custom objects (registered ones included).

    Adding to it makes a class or function resolvable by name when loading, as
    `register_keras_serializable` does.

    Returns:
        The live dict (mutations take effect).

    Example:

    >>> def triple(x):
    ...     return 3 * x
    >>> keras.saving.get_custom_objects()["triple"] = triple
    >>> keras.saving.get_registered_object("triple") is triple
    True
    >>> del keras.saving.get_custom_objects()["triple"]
    """
    from keras.layers import _serialization

    return _serialization._REGISTERED
