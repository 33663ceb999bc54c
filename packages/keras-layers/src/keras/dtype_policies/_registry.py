"""Look dtype policies up and write them to configs: `get`, `serialize`, `deserialize`.

The object registry and the config format are `keras.layers._serialization`'s, imported
when first needed (layers import this package, so it must not import them back at load).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

from keras.backend import standardize_dtype
from keras.dtype_policies._global import dtype_policy
from keras.dtype_policies._map import DTypePolicyMap
from keras.dtype_policies._policy import DTypePolicy, FloatDTypePolicy
from keras.dtype_policies._quantized import (
    AWQDTypePolicy,
    GPTQDTypePolicy,
    Int4DTypePolicy,
    QuantizedDTypePolicy,
    QuantizedFloat8DTypePolicy,
    policy_from_name,
)
from keras.ops._typing import DTypeLike

# What a layer's `dtype` argument accepts.
DTypePolicyLike: TypeAlias = "DTypePolicy | str | Mapping[str, Any] | DTypeLike | None"

ALL_OBJECTS: dict[str, type[DTypePolicy]] = {
    cls.__name__: cls
    for cls in (
        AWQDTypePolicy,
        DTypePolicy,
        DTypePolicyMap,
        FloatDTypePolicy,
        GPTQDTypePolicy,
        Int4DTypePolicy,
        QuantizedDTypePolicy,
        QuantizedFloat8DTypePolicy,
    )
}


def get(identifier: DTypePolicyLike) -> DTypePolicy:
    """Return the dtype policy an identifier stands for.

    Args:
        identifier: `None` (the global policy), a `DTypePolicy` (returned as it is), a
            policy name (`"mixed_float16"`, `"int8_from_float32"`, ...), a config dict
            written by `serialize`, or a dtype object (`np.float16`, ...).

    Returns:
        A `DTypePolicy`.

    Raises:
        ValueError: If `identifier` stands for no policy.

    Example:

    >>> keras.dtype_policies.get("mixed_bfloat16")
    <DTypePolicy "mixed_bfloat16">
    >>> keras.dtype_policies.get({"class_name": "DTypePolicy", "config": {"name": "float16"}})
    <DTypePolicy "float16">
    """
    if identifier is None:
        return dtype_policy()
    if isinstance(identifier, DTypePolicy):
        return identifier
    if isinstance(identifier, Mapping):
        return deserialize(identifier)
    if isinstance(identifier, str):
        return policy_from_name(identifier)
    try:
        name = standardize_dtype(identifier)
    except (TypeError, ValueError):
        raise ValueError(
            "Cannot interpret `dtype` argument. Expected a string or an instance of DTypePolicy. "
            f"Received: dtype={identifier}"
        ) from None
    return DTypePolicy(name)


def serialize(dtype_policy: DTypePolicy) -> dict[str, Any]:
    """Return the config dict of a dtype policy, in Keras 3's format.

    Args:
        dtype_policy: A `DTypePolicy` instance.

    Returns:
        `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> keras.dtype_policies.serialize(keras.dtype_policies.DTypePolicy("float16"))
    {'module': 'keras', 'class_name': 'DTypePolicy', 'config': {'name': 'float16'}, 'registered_name': None}
    """
    from keras.layers._serialization import serialize_keras_object

    config: dict[str, Any] = serialize_keras_object(dtype_policy)
    return config


def deserialize(
    config: Mapping[str, Any] | str, custom_objects: Mapping[str, Any] | None = None
) -> DTypePolicy:
    """Rebuild a dtype policy from its config (or its name).

    Args:
        config: A config dict written by `serialize`, or a policy name.
        custom_objects: Optional mapping from names to custom policy classes.

    Returns:
        A `DTypePolicy`.

    Raises:
        ValueError: If the config does not describe a dtype policy.

    Example:

    >>> keras.dtype_policies.deserialize({"class_name": "DTypePolicy", "config": {"name": "bfloat16"}})
    <DTypePolicy "bfloat16">
    """
    from keras.layers._serialization import deserialize_keras_object

    if isinstance(config, str):
        return policy_from_name(config)
    policy = deserialize_keras_object(config, custom_objects, module_objects=ALL_OBJECTS)
    if not isinstance(policy, DTypePolicy):
        raise ValueError(f"The config does not describe a dtype policy. Received: config={config!r}")
    return policy
