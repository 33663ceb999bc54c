"""Quantized dtype policies: a quantization mode on top of a source policy.

A quantized policy is named `"<mode>_from_<source>"` (`"int8_from_float32"`,
`"gptq/4/128_from_bfloat16"`); its compute and variable dtypes are the source policy's.
These classes carry the settings through configs so that Keras 3 files that name them
load; the suite's layers do not quantize yet and refuse to compute with them.
`policy_from_name` turns any policy name, quantized or not, into a policy.
"""

from __future__ import annotations

from typing import Any

from keras.dtype_policies._policy import QUANTIZATION_MODES, DTypePolicy, global_policy_name


class QuantizedDTypePolicy(DTypePolicy):
    """A dtype policy with a quantization mode (`"int8"`, `"int4"`, `"float8"`, ...).

    Args:
        mode: The quantization mode, one of `"int8"`, `"float8"`, `"int4"`, `"gptq"` and
            `"awq"`.
        source_name: The policy the compute and variable dtypes come from, such as
            `"float32"` or `"mixed_bfloat16"`; `None` takes the global policy's name.

    Raises:
        ValueError: If `mode` is unknown, or is `"int8"` with a float16 compute dtype.

    Example:

    >>> policy = keras.dtype_policies.QuantizedDTypePolicy("int8", "mixed_bfloat16")
    >>> policy
    <QuantizedDTypePolicy "int8_from_mixed_bfloat16">
    >>> policy.quantization_mode, policy.compute_dtype, policy.variable_dtype
    ('int8', 'bfloat16', 'float32')
    """

    def __init__(self, mode: str, source_name: str | None = None) -> None:
        mode, base_mode = self._parse_mode(mode)
        source = global_policy_name() if source_name is None else source_name
        super().__init__(source)
        if base_mode not in QUANTIZATION_MODES:
            raise ValueError(
                f"Invalid quantization mode. Expected one of {QUANTIZATION_MODES}. Received: mode={mode}"
            )
        if base_mode == "int8" and self.compute_dtype == "float16":
            raise ValueError(
                f"Quantization mode='{base_mode}' doesn't work well with compute_dtype='float16'."
            )
        self._name = f"{mode}_from_{source}"
        self._mode = mode
        self._source_name = source
        self._quantization_mode = base_mode

    def _parse_mode(self, mode: str) -> tuple[str, str]:
        """Check a mode string; return it in canonical form and its base mode."""
        return mode, mode

    def get_config(self) -> dict[str, Any]:
        """Return the policy's constructor arguments."""
        return {"mode": self._mode, "source_name": self._source_name}


class QuantizedFloat8DTypePolicy(QuantizedDTypePolicy):
    """A float8 quantized dtype policy, with the length of its amax history.

    Args:
        mode: The quantization mode, `"float8"`.
        source_name: The policy the compute and variable dtypes come from; `None` takes
            the global policy's name.
        amax_history_length: How many past maxima of absolute values float8 training
            keeps to compute its scaling factors.

    Raises:
        TypeError: If `amax_history_length` is not an integer.

    Example:

    >>> keras.dtype_policies.QuantizedFloat8DTypePolicy("float8", "float32").get_config()
    {'mode': 'float8', 'source_name': 'float32', 'amax_history_length': 1024}
    """

    default_amax_history_length = 1024

    def __init__(self, mode: str, source_name: str | None = None, amax_history_length: int = 1024) -> None:
        super().__init__(mode, source_name)
        if not isinstance(amax_history_length, int):
            raise TypeError(
                f"`amax_history_length` must be an integer. Received: amax_history_length={amax_history_length}"
            )
        self._amax_history_length = amax_history_length

    @property
    def amax_history_length(self) -> int:
        """The length of the window of amax values used for float8 scaling factors."""
        return self._amax_history_length

    def get_config(self) -> dict[str, Any]:
        """Return the policy's constructor arguments."""
        return {**super().get_config(), "amax_history_length": self._amax_history_length}


def _mode_integers(mode: str, algorithm: str, fields: tuple[str, ...], cls_name: str) -> list[int]:
    """Split `"<algorithm>/<int>/..."` into its integers, or raise the Keras 3 error."""
    parts = mode.split("/")
    expected = "'" + "/".join((algorithm, *(f"<{field}>" for field in fields))) + "'"
    if len(parts) != len(fields) + 1 or parts[0] != algorithm:
        raise ValueError(f"Invalid mode for {cls_name}. Expected format {expected}, but got '{mode}'.")
    try:
        return [int(part) for part in parts[1:]]
    except ValueError:
        names = " and ".join(f"<{field}>" for field in fields)
        verb = "must be integers" if len(fields) > 1 else "must be an integer"
        raise ValueError(
            f"Invalid mode for {cls_name}. {names} {verb}. Expected format {expected}, but got '{mode}'."
        ) from None


def _check_group(value: int, field: str, negative_one_means: str, mode: str) -> None:
    if value < -1 or value == 0:
        raise ValueError(
            f"Invalid {field} in mode. Supported values are -1 ({negative_one_means}) or a positive "
            f"integer{' (sub-channel)' if field == 'block_size' else ''}, but got {value} from '{mode}'."
        )


class Int4DTypePolicy(QuantizedDTypePolicy):
    """An int4 quantized dtype policy with a block size for sub-channel quantization.

    Args:
        mode: `"int4/<block_size>"`: `-1` quantizes per channel, a positive integer in
            blocks of that many elements (for example `"int4/128"`).
        source_name: The policy the compute and variable dtypes come from; `None` takes
            the global policy's name.

    Raises:
        ValueError: If `mode` is not of that form.

    Example:

    >>> policy = keras.dtype_policies.Int4DTypePolicy("int4/128", "float32")
    >>> policy.name, policy.block_size, policy.quantization_mode
    ('int4/128_from_float32', 128, 'int4')
    """

    mode: str
    block_size: int

    def _parse_mode(self, mode: str) -> tuple[str, str]:
        (self.block_size,) = _mode_integers(mode, "int4", ("block_size",), "Int4DTypePolicy")
        _check_group(self.block_size, "block_size", "per-channel", mode)
        self.mode = "int4"
        return f"int4/{self.block_size}", "int4"


class _GroupedDTypePolicy(QuantizedDTypePolicy):
    """Shared parsing of `"<algorithm>/<weight_bits>/<group_size>"` modes (GPTQ, AWQ)."""

    algorithm = ""
    _whole_group_meaning = "whole-tensor"  # what group_size=-1 means, for error messages
    mode: str
    weight_bits: int
    group_size: int

    def _parse_mode(self, mode: str) -> tuple[str, str]:
        cls_name = type(self).__name__
        self.weight_bits, self.group_size = _mode_integers(
            mode, self.algorithm, ("weight_bits", "group_size"), cls_name
        )
        self._check_weight_bits(mode)
        _check_group(self.group_size, "group_size", self._whole_group_meaning, mode)
        self.mode = self.algorithm
        return f"{self.algorithm}/{self.weight_bits}/{self.group_size}", self.algorithm

    def _check_weight_bits(self, mode: str) -> None:
        raise NotImplementedError


class GPTQDTypePolicy(_GroupedDTypePolicy):
    """A GPTQ quantized dtype policy: weight bits and group size.

    Args:
        mode: `"gptq/<weight_bits>/<group_size>"`, with `weight_bits` one of 2, 3, 4
            and 8, and `group_size` `-1` (the whole tensor) or a positive integer.
        source_name: The policy the compute and variable dtypes come from; `None` takes
            the global policy's name.

    Raises:
        ValueError: If `mode` is not of that form.

    Example:

    >>> policy = keras.dtype_policies.GPTQDTypePolicy("gptq/4/128", "float32")
    >>> policy.weight_bits, policy.group_size, policy.get_config()
    (4, 128, {'mode': 'gptq/4/128', 'source_name': 'float32'})
    """

    algorithm = "gptq"

    def _check_weight_bits(self, mode: str) -> None:
        if self.weight_bits not in (2, 3, 4, 8):
            raise ValueError(
                "Invalid weight_bits in mode. Supported values are 2, 3, 4, and 8, "
                f"but got {self.weight_bits} from '{mode}'."
            )


class AWQDTypePolicy(_GroupedDTypePolicy):
    """An AWQ quantized dtype policy: 4-bit weights and a group size.

    Args:
        mode: `"awq/4/<group_size>"`, with `group_size` `-1` (per channel) or a positive
            integer.
        source_name: The policy the compute and variable dtypes come from; `None` takes
            the global policy's name.

    Raises:
        ValueError: If `mode` is not of that form.

    Example:

    >>> keras.dtype_policies.AWQDTypePolicy("awq/4/128", "bfloat16")
    <AWQDTypePolicy "awq/4/128_from_bfloat16">
    """

    algorithm = "awq"
    _whole_group_meaning = "per-channel"

    def _check_weight_bits(self, mode: str) -> None:
        if self.weight_bits != 4:
            raise ValueError(
                f"Invalid weight_bits in mode. AWQ only supports 4-bit quantization, but got {self.weight_bits} "
                f"from '{mode}'."
            )


def policy_from_name(name: str) -> DTypePolicy:
    """Return the policy a name stands for: `"<mode>_from_<source>"` or a plain policy name.

    Raises:
        ValueError: If a quantized name does not split into a mode and a source.
    """
    if not name.startswith(QUANTIZATION_MODES):
        return DTypePolicy(name)
    parts = name.split("_from_")
    if len(parts) != 2:
        raise ValueError(
            "Cannot convert `policy` into a valid pair (`mode`, `source_name`) to instantiate "
            f"`QuantizedDTypePolicy`. Received: policy={name}"
        )
    mode, source = parts
    if mode.startswith("float8"):
        return QuantizedFloat8DTypePolicy(mode, source)
    if mode.startswith("gptq"):
        return GPTQDTypePolicy(mode, source)
    if mode.startswith("awq"):
        return AWQDTypePolicy(mode, source)
    if mode.startswith("int4/"):
        return Int4DTypePolicy(mode, source)
    return QuantizedDTypePolicy(mode, source)
