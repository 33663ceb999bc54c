"""`DTypePolicy`: the compute and variable dtypes of a layer, and how inputs are cast.

A policy name is any dtype name (`"float32"`, `"bfloat16"`, `"int8"`, ...), which gives
that dtype for both computations and variables, or `"mixed_float16"` /
`"mixed_bfloat16"`, which compute in 16 bits and keep variables in float32. This module
also owns the quantization mode names that the quantized policies (`_quantized.py`) take.
"""

from __future__ import annotations

from typing import Any, TypeVar

from keras import ops
from keras.backend import is_float_dtype, is_keras_tensor, standardize_dtype
from keras.ops._typing import DTypeLike

# The quantization modes a policy name may start with (`"int8_from_float32"`, ...).
QUANTIZATION_MODES: tuple[str, ...] = ("int8", "float8", "int4", "gptq", "awq")

# Mixed precision names: (compute dtype, variable dtype).
_MIXED: dict[str, tuple[str, str]] = {
    "mixed_float16": ("float16", "float32"),
    "mixed_bfloat16": ("bfloat16", "float32"),
}

_PolicyT = TypeVar("_PolicyT", bound="DTypePolicy")


def parse_policy_name(name: object) -> tuple[str, str]:
    """Return the `(compute_dtype, variable_dtype)` a policy name stands for.

    Raises:
        TypeError: If `name` is not a string.
        ValueError: If `name` is neither a mixed precision name nor a dtype name.
    """
    if not isinstance(name, str):
        raise TypeError(
            f"'name' must be a string, such as 'mixed_float16'. Received: name={name!r} (of type {type(name)})"
        )
    if name in _MIXED:
        return _MIXED[name]
    try:
        dtype = standardize_dtype(name)
    except ValueError:
        raise ValueError(
            f"Cannot convert '{name}' to a mixed precision DTypePolicy. Valid policies include "
            "'mixed_float16', 'mixed_bfloat16', and the name of any float dtype such as 'float32'."
        ) from None
    return dtype, dtype


def global_policy_name() -> str:
    """The name of the global policy (`keras.config.dtype_policy()`), which `None` stands for."""
    from keras.dtype_policies._global import dtype_policy  # the global module imports this one

    return dtype_policy().name


class DTypePolicy:
    """A layer's dtype policy: the dtype it computes in and the dtype of its variables.

    Pass a policy (or just its name) as a layer's `dtype` argument, or set a global one
    with `keras.config.set_dtype_policy`. Mixed precision computes in float16 or bfloat16
    while variables stay in float32, for speed on accelerators without losing the
    precision of weight updates.

    Args:
        name: The policy name: a dtype name such as `"float32"` or `"bfloat16"` (both
            dtypes are that one), or `"mixed_float16"` / `"mixed_bfloat16"` (compute in
            16 bits, variables in float32). `None` takes the global policy's name.

    Raises:
        TypeError: If `name` is not a string.
        ValueError: If `name` is not a known policy name.

    Example:

    >>> policy = keras.dtype_policies.DTypePolicy("mixed_bfloat16")
    >>> policy
    <DTypePolicy "mixed_bfloat16">
    >>> policy.compute_dtype, policy.variable_dtype
    ('bfloat16', 'float32')
    """

    def __init__(self, name: str | None = None) -> None:
        if name is None:
            name = global_policy_name()
        self._compute_dtype, self._variable_dtype = parse_policy_name(name)
        self._name = name
        self._quantization_mode: str | None = None

    @property
    def name(self) -> str:
        """The policy's name."""
        return self._name

    @property
    def compute_dtype(self) -> str:
        """The dtype layers compute in, and usually the dtype of their outputs."""
        return self._compute_dtype

    @property
    def variable_dtype(self) -> str:
        """The dtype layers create their variables in (cast to `compute_dtype` when used)."""
        return self._variable_dtype

    @property
    def quantization_mode(self) -> str | None:
        """The quantization mode (`"int8"`, `"float8"`, ...), or `None` when not quantized."""
        return self._quantization_mode

    def convert_input(self, x: Any, autocast: bool, dtype: DTypeLike) -> Any:
        """Convert a layer input to a tensor and cast its floats to `dtype` when autocasting.

        Tensors and `KerasTensor`s are cast if they are floating point of another dtype
        and `autocast` is true; array-likes (anything with `__array__`) are converted to
        tensors first. Integer and bool inputs are never cast; other values (Python
        scalars, lists) are returned as they are.

        Args:
            x: The input.
            autocast: Whether floating point inputs are cast to `dtype`.
            dtype: The target dtype, usually `compute_dtype`.

        Returns:
            `x`, converted and cast as described.

        Example:

        >>> policy = keras.dtype_policies.DTypePolicy("mixed_float16")
        >>> policy.convert_input(np.ones(2, dtype="float32"), True, policy.compute_dtype)
        array([1., 1.], dtype=float16)
        """
        dtype = standardize_dtype(dtype)
        if not (is_keras_tensor(x) or ops.is_tensor(x)):
            if not hasattr(x, "__array__"):
                return x
            try:
                x = ops.convert_to_tensor(x)
            except TypeError:
                x = ops.convert_to_tensor(x, dtype=dtype)
        if autocast and is_float_dtype(x.dtype) and standardize_dtype(x.dtype) != dtype:
            return ops.cast(x, dtype)
        return x

    def get_config(self) -> dict[str, Any]:
        """Return the policy's constructor arguments."""
        return {"name": self.name}

    @classmethod
    def from_config(cls: type[_PolicyT], config: dict[str, Any]) -> _PolicyT:
        """Rebuild a policy from `get_config()`'s output."""
        return cls(**config)

    def __repr__(self) -> str:
        # FloatDTypePolicy is an alias and shows as DTypePolicy, as in Keras 3.
        class_name = "DTypePolicy" if type(self) is FloatDTypePolicy else type(self).__name__
        return f'<{class_name} "{self.name}">'

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DTypePolicy):
            return False
        if type(self) in _PLAIN_TYPES:
            return type(other) in _PLAIN_TYPES and self.name == other.name
        return type(other) is type(self) and self.get_config() == other.get_config()


class FloatDTypePolicy(DTypePolicy):
    """An alias of `DTypePolicy`, kept for Keras 3 configs that name it.

    Args:
        name: The policy name, as for `DTypePolicy`.

    Example:

    >>> keras.dtype_policies.FloatDTypePolicy("float16")
    <DTypePolicy "float16">
    """


_PLAIN_TYPES = (DTypePolicy, FloatDTypePolicy)
