"""The global dtype policy: `dtype_policy()` and `set_dtype_policy()` (lifted to keras.config).

Layers created without a `dtype` use this policy. Until one is set it follows
`keras.backend.floatx()`, read at each call, so `set_floatx` takes effect for layers
created afterwards. The setting is process-wide; `reset_dtype_policy()` returns to the
default (for `clear_session`).
"""

from __future__ import annotations

from keras.backend import floatx
from keras.dtype_policies._policy import DTypePolicy
from keras.dtype_policies._quantized import policy_from_name

# The policy set with `set_dtype_policy`, if any; else the default per floatx, cached.
_STATE: dict[str, DTypePolicy] = {}


def dtype_policy() -> DTypePolicy:
    """Return the global dtype policy, which layers use when given no `dtype`.

    Returns:
        The policy set with `set_dtype_policy`, or else `DTypePolicy(floatx())`.

    Example:

    >>> keras.config.dtype_policy()  # doctest: +SKIP
    <DTypePolicy "float32">
    """
    policy = _STATE.get("policy")
    if policy is not None:
        return policy
    name = floatx()
    default = _STATE.get(name)
    if default is None:
        default = _STATE[name] = DTypePolicy(name)
    return default


def set_dtype_policy(policy: str | DTypePolicy) -> None:
    """Set the global dtype policy, used by layers created without a `dtype`.

    Args:
        policy: A policy name (`"mixed_float16"`, `"bfloat16"`, `"int8_from_float32"`, ...)
            or a `DTypePolicy` instance.

    Raises:
        ValueError: If `policy` is neither a string nor a `DTypePolicy`, or names no policy.

    Example:

    >>> keras.config.set_dtype_policy("mixed_float16")  # doctest: +SKIP
    >>> keras.config.dtype_policy().compute_dtype  # doctest: +SKIP
    'float16'
    """
    if isinstance(policy, str):
        policy = policy_from_name(policy)
    elif not isinstance(policy, DTypePolicy):
        raise ValueError(
            "Invalid `policy` argument. Expected the string name of a policy (such as 'mixed_float16') "
            f"or a `DTypePolicy` instance. Received: policy={policy} (of type {type(policy)})"
        )
    _STATE["policy"] = policy


def reset_dtype_policy() -> None:
    """Forget the policy set with `set_dtype_policy`: the global policy follows `floatx()` again."""
    _STATE.clear()
