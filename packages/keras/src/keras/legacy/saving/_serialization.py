"""Keras 2's object format: `{"class_name": ..., "config": {...}}`, without Keras 3's `module`
and `registered_name` keys. Objects in a config that have a `get_config` are nested in the
same form and marked `"__passive_serialization__": True`, so that loading rebuilds them.
Classes and functions are found among the caller's `module_objects`, the custom objects
passed or in scope, and the registered ones; nothing is imported.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any

from keras.layers._serialization import CustomObjectScope, get_registered_name, get_registered_object

_PASSIVE = "__passive_serialization__"


def serialize_keras_object(instance: Any) -> Any:
    """Return `instance` in the Keras 2 format.

    Args:
        instance: An object with `get_config` (a layer, a regularizer, ...), a function or
            class (serialized by its registered name), or `None`.

    Returns:
        `{"class_name", "config"}` for objects, a name for functions, `None` for `None`.

    Raises:
        ValueError: If `instance` has no `get_config` and no name.

    Example:

    >>> keras.legacy.saving.serialize_keras_object(keras.regularizers.L2(0.5))
    {'class_name': 'L2', 'config': {'l2': 0.5}}
    """
    instance = inspect.unwrap(instance) if callable(instance) else instance
    if instance is None:
        return None
    if hasattr(instance, "get_config") and not inspect.isclass(instance):
        config: dict[str, Any] = {}
        for key, item in instance.get_config().items():
            if isinstance(item, str):
                config[key] = item
                continue
            try:
                nested = serialize_keras_object(item)
            except ValueError:
                config[key] = item
                continue
            if isinstance(nested, dict) and not isinstance(item, dict):
                nested[_PASSIVE] = True
            config[key] = nested
        return {"class_name": get_registered_name(type(instance)), "config": config}
    if hasattr(instance, "__name__"):
        return get_registered_name(instance)
    raise ValueError(f"Cannot serialize {instance} because it doesn't implement `get_config()`.")


def _unknown(kind: str, name: str) -> ValueError:
    return ValueError(
        f"Unknown {kind}: '{name}'. Please ensure you are using a `keras.utils.custom_object_scope` "
        "and that this object is included in the scope."
    )


def _class_and_config(
    config: Any, module_objects: Mapping[str, Any] | None, custom_objects: Mapping[str, Any] | None, kind: str
) -> tuple[Any, Any]:
    """Find the class a Keras 2 config names and rebuild the nested objects of its config."""
    if not isinstance(config, dict) or "class_name" not in config or "config" not in config:
        raise ValueError(
            f"Improper config format for {config}. Expecting python dict contains `class_name` and `config` as keys"
        )
    cls = get_registered_object(config["class_name"], custom_objects, module_objects)
    if cls is None:
        raise _unknown(kind, config["class_name"])
    inner = config["config"]
    if isinstance(inner, list):
        return cls, inner
    inner = dict(inner)
    for key, item in inner.items():
        if key == "name":
            continue
        if isinstance(item, dict) and _PASSIVE in item:
            inner[key] = deserialize_keras_object(item, module_objects, custom_objects, "config_item")
        elif isinstance(item, str):
            found = get_registered_object(item, custom_objects, module_objects)
            if inspect.isfunction(found):
                inner[key] = found
    return cls, inner


def deserialize_keras_object(
    identifier: Any,
    module_objects: Mapping[str, Any] | None = None,
    custom_objects: Mapping[str, Any] | None = None,
    printable_module_name: str = "object",
) -> Any:
    """Rebuild an object from the Keras 2 format.

    Args:
        identifier: `None`, a `{"class_name", "config"}` dict, a name, or a function.
        module_objects: The names the caller's namespace knows, mapped to classes or
            functions.
        custom_objects: Extra names (user classes and functions).
        printable_module_name: What the object is, for error messages (`"loss"`, ...).

    Returns:
        The object: a dict is built with the class's `from_config` (or constructor); a
        name gives its function, or an instance of its class made with no arguments.

    Raises:
        ValueError: If the config is malformed or names an unknown object.

    Example:

    >>> l2 = keras.legacy.saving.deserialize_keras_object(
    ...     {"class_name": "L2", "config": {"l2": 0.5}}, module_objects={"L2": keras.regularizers.L2})
    >>> l2.get_config()
    {'l2': 0.5}
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        cls, config = _class_and_config(identifier, module_objects, custom_objects, printable_module_name)
        with CustomObjectScope(dict(custom_objects or {})):
            if not hasattr(cls, "from_config"):
                return cls(**config)
            if "custom_objects" in inspect.signature(cls.from_config).parameters:
                return cls.from_config(config, custom_objects=dict(custom_objects or {}))
            return cls.from_config(config)
    if isinstance(identifier, str):
        found = get_registered_object(identifier, custom_objects, module_objects)
        if found is None:
            raise _unknown(printable_module_name, identifier)
        return found() if inspect.isclass(found) else found
    if inspect.isfunction(identifier):
        return identifier
    raise ValueError(f"Could not interpret serialized {printable_module_name}: {identifier}")
