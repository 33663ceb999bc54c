"""`DTypePolicyMap`: per-layer dtype policies, keyed by layer path (or a regex of paths).

A layer whose `dtype` is a map looks itself up by its path (`"encoder/dense"`); keys may
be exact paths or regular expressions matched in full. Unmatched paths get the default
policy, and the map itself behaves as its default policy (`compute_dtype`, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, MutableMapping
from typing import Any

from keras.dtype_policies._policy import DTypePolicy


def _get(identifier: Any) -> DTypePolicy:
    from keras.dtype_policies._registry import get  # the registry lists this class

    return get(identifier)


class DTypePolicyMap(DTypePolicy, MutableMapping[str, DTypePolicy]):
    """A mapping from layer paths to dtype policies, itself usable as a layer's `dtype`.

    Looking a path up tries an exact key first, then every key as a regular expression
    that must match the whole path (`"encoder/.*"` covers all of `encoder`'s sublayers;
    `"encoder"` only that layer). A path no key matches gets `default_policy`.

    Args:
        default_policy: The policy of unmatched paths (a policy, a name or `None` for the
            global policy); it also gives the map's own `compute_dtype` and
            `variable_dtype`.
        policy_map: Optional initial dict from path (or regex) to `DTypePolicy`.

    Raises:
        ValueError: If `default_policy` is itself a `DTypePolicyMap`.
        TypeError: If `policy_map` is given and is not a dict.

    Example:

    >>> policies = keras.dtype_policies.DTypePolicyMap(default_policy="float32")
    >>> policies["encoder/.*"] = "bfloat16"
    >>> policies["encoder/dense"].name
    'bfloat16'
    >>> policies["decoder/dense"].name
    'float32'
    """

    def __init__(
        self,
        default_policy: str | DTypePolicy | None = None,
        policy_map: dict[str, DTypePolicy] | None = None,
    ) -> None:
        if isinstance(default_policy, DTypePolicyMap):
            raise ValueError("`default_policy` cannot be a `DTypePolicyMap`.")
        if policy_map is not None and not isinstance(policy_map, dict):
            raise TypeError(
                f"If specified, `policy_map` must be a dict. Received: policy_map={policy_map} of type {type(policy_map)}"
            )
        self._default_policy_arg = default_policy
        self._default_policy = _get(default_policy)
        self._policy_map: dict[str, DTypePolicy] = policy_map or {}

    @property
    def default_policy(self) -> DTypePolicy:
        """The policy of paths that no key matches."""
        return self._default_policy

    @property
    def name(self) -> str:
        """`"map_"` followed by the default policy's name."""
        return f"map_{self._default_policy.name}"

    @property
    def compute_dtype(self) -> str:
        """The default policy's compute dtype."""
        return self._default_policy.compute_dtype

    @property
    def variable_dtype(self) -> str:
        """The default policy's variable dtype."""
        return self._default_policy.variable_dtype

    @property
    def quantization_mode(self) -> str | None:
        """The default policy's quantization mode."""
        return self._default_policy.quantization_mode

    def __getitem__(self, key: str) -> DTypePolicy:
        """Return the policy of a layer path: exact key, else the one full-matching regex key.

        Raises:
            ValueError: If the path matches more than one regex key.
        """
        if key in self._policy_map:
            return self._policy_map[key]
        matches = [pattern for pattern in self._policy_map if re.fullmatch(pattern, key)]
        if len(matches) > 1:
            raise ValueError(
                f"Path '{key}' matches multiple dtype policy specification keys: {matches}. Please make sure "
                "each path only matches at most one dtype policy specification key in the DTypePolicyMap."
            )
        return self._policy_map[matches[0]] if matches else self._default_policy

    def __setitem__(self, key: str, policy: Any) -> None:
        """Add a policy (or anything `keras.dtype_policies.get` accepts) under a new key.

        Raises:
            ValueError: If `key` is already present, or `policy` is not a policy.
        """
        if key in self._policy_map:
            raise ValueError(
                f"{key} already exist in the DTypePolicyMap with value {self._policy_map[key]}. Please make "
                "sure to not use duplicated keys."
            )
        try:
            policy = _get(policy)
        except Exception:
            raise ValueError(
                "Cannot interpret the assigned value by `keras.dtype_policies.get`. "
                f"Received: {policy} of type {type(policy)}"
            ) from None
        self._policy_map[key] = policy

    def __delitem__(self, key: str) -> None:
        del self._policy_map[key]

    def __contains__(self, key: object) -> bool:
        return key in self._policy_map

    def __iter__(self) -> Iterator[str]:
        return iter(self._policy_map)

    def __len__(self) -> int:
        return len(self._policy_map)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, DTypePolicyMap)
            and self._default_policy == other._default_policy
            and self._policy_map == other._policy_map
        )

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments, with the policies serialized.

        When the map was made without a default policy, the entries are written without
        their source dtype (`name` / `source_name` set to `None`), so that loading the
        config takes them from the global policy then in force, as Keras 3 does.
        """
        from keras.layers._serialization import serialize_keras_object

        policy_map: dict[str, Any] = serialize_keras_object(self._policy_map)
        if self._default_policy_arg is None:
            for entry in policy_map.values():
                config = entry.get("config") if isinstance(entry, dict) else None
                if isinstance(config, dict):
                    config["source_name" if "source_name" in config else "name"] = None
        return {"default_policy": self._default_policy_arg, "policy_map": policy_map}

    @classmethod
    def from_config(
        cls, config: dict[str, Any], custom_objects: dict[str, Any] | None = None
    ) -> DTypePolicyMap:
        """Rebuild a map from `get_config()`'s output."""
        from keras.layers._serialization import deserialize_keras_object

        config = dict(config)
        config["policy_map"] = deserialize_keras_object(config["policy_map"], custom_objects=custom_objects)
        return cls(**config)

    def __repr__(self) -> str:
        mapping = [(key, policy.name) for key, policy in self._policy_map.items()]
        return f"<DTypePolicyMap at {hex(id(self))} default_policy={self._default_policy.name}, mapping={mapping}>"
