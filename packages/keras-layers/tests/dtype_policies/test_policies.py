"""DTypePolicy and the quantized policies: dtypes per name, configs, Keras 3's serialized form."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from keras import dtype_policies, ops
from keras.backend import floatx, set_floatx, standardize_dtype
from keras.dtype_policies._global import dtype_policy, reset_dtype_policy, set_dtype_policy
from keras.ops._keras_tensor import KerasTensor


@pytest.fixture(autouse=True)
def _restore_globals() -> Iterator[None]:
    before = floatx()
    yield
    set_floatx(before)
    reset_dtype_policy()


# name -> (compute_dtype, variable_dtype)
POLICY_DTYPES = {
    "float32": ("float32", "float32"),
    "float16": ("float16", "float16"),
    "bfloat16": ("bfloat16", "bfloat16"),
    "float64": ("float64", "float64"),
    "mixed_float16": ("float16", "float32"),
    "mixed_bfloat16": ("bfloat16", "float32"),
    "int8": ("int8", "int8"),
    "int32": ("int32", "int32"),
    "int64": ("int64", "int64"),
    "uint8": ("uint8", "uint8"),
    "bool": ("bool", "bool"),
    "float8_e4m3fn": ("float8_e4m3fn", "float8_e4m3fn"),
    "complex64": ("complex64", "complex64"),
}


@pytest.mark.parametrize("name", sorted(POLICY_DTYPES))
@pytest.mark.parametrize("cls", [dtype_policies.DTypePolicy, dtype_policies.FloatDTypePolicy])
def test_policy_dtypes(cls: type[dtype_policies.DTypePolicy], name: str) -> None:
    policy = cls(name)
    assert (policy.compute_dtype, policy.variable_dtype) == POLICY_DTYPES[name]
    assert policy.name == name
    assert policy.quantization_mode is None
    assert repr(policy) == f'<DTypePolicy "{name}">'
    assert policy.get_config() == {"name": name}
    restored = cls.from_config(policy.get_config())
    assert type(restored) is cls
    assert restored == policy


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (
            dtype_policies.DTypePolicy("mixed_float16"),
            {
                "module": "keras",
                "class_name": "DTypePolicy",
                "config": {"name": "mixed_float16"},
                "registered_name": None,
            },
        ),
        (
            dtype_policies.FloatDTypePolicy("bfloat16"),
            {
                "module": "keras",
                "class_name": "FloatDTypePolicy",
                "config": {"name": "bfloat16"},
                "registered_name": None,
            },
        ),
        (
            dtype_policies.QuantizedDTypePolicy("int8", "float32"),
            {
                "module": "keras.dtype_policies",
                "class_name": "QuantizedDTypePolicy",
                "config": {"mode": "int8", "source_name": "float32"},
                "registered_name": None,
            },
        ),
        (
            dtype_policies.QuantizedFloat8DTypePolicy("float8", "mixed_bfloat16", 16),
            {
                "module": "keras.dtype_policies",
                "class_name": "QuantizedFloat8DTypePolicy",
                "config": {"mode": "float8", "source_name": "mixed_bfloat16", "amax_history_length": 16},
                "registered_name": None,
            },
        ),
        (
            dtype_policies.GPTQDTypePolicy("gptq/4/128", "bfloat16"),
            {
                "module": "keras.dtype_policies",
                "class_name": "GPTQDTypePolicy",
                "config": {"mode": "gptq/4/128", "source_name": "bfloat16"},
                "registered_name": None,
            },
        ),
    ],
    ids=repr,
)
def test_serialize_is_keras_format_and_round_trips(
    policy: dtype_policies.DTypePolicy, expected: dict[str, Any]
) -> None:
    assert dtype_policies.serialize(policy) == expected
    restored = dtype_policies.deserialize(expected)
    assert type(restored) is type(policy)
    assert restored == policy
    assert dtype_policies.get(expected) == policy


def test_equality() -> None:
    assert dtype_policies.DTypePolicy("float16") == dtype_policies.FloatDTypePolicy("float16")
    assert dtype_policies.DTypePolicy("float16") != dtype_policies.DTypePolicy("float32")
    assert dtype_policies.DTypePolicy("float32") != "float32"
    assert dtype_policies.DTypePolicy("float32") != dtype_policies.QuantizedDTypePolicy("int8", "float32")
    assert dtype_policies.QuantizedDTypePolicy("int8", "float32") == dtype_policies.QuantizedDTypePolicy(
        "int8", "float32"
    )
    assert dtype_policies.QuantizedFloat8DTypePolicy(
        "float8", "float32", 8
    ) != dtype_policies.QuantizedFloat8DTypePolicy("float8", "float32", 16)


@pytest.mark.parametrize(
    ("name", "error", "match"),
    [
        ("foo", ValueError, "Cannot convert 'foo' to a mixed precision DTypePolicy. Valid policies include"),
        ("mixed_int8", ValueError, "Cannot convert 'mixed_int8' to a mixed precision DTypePolicy"),
        (
            3,
            TypeError,
            r"'name' must be a string, such as 'mixed_float16'. Received: name=3 \(of type <class 'int'>\)",
        ),
    ],
)
def test_bad_names_raise(name: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        dtype_policies.DTypePolicy(name)


# (class, args, name, quantization_mode, compute_dtype, variable_dtype, config)
QUANTIZED = [
    (dtype_policies.QuantizedDTypePolicy, ("int8", "float32"), "int8_from_float32", "int8", "float32", "float32", {"mode": "int8", "source_name": "float32"}),
    (dtype_policies.QuantizedDTypePolicy, ("int8", "mixed_bfloat16"), "int8_from_mixed_bfloat16", "int8", "bfloat16", "float32", {"mode": "int8", "source_name": "mixed_bfloat16"}),
    (dtype_policies.QuantizedDTypePolicy, ("int4", "float32"), "int4_from_float32", "int4", "float32", "float32", {"mode": "int4", "source_name": "float32"}),
    (dtype_policies.QuantizedFloat8DTypePolicy, ("float8", "float16"), "float8_from_float16", "float8", "float16", "float16", {"mode": "float8", "source_name": "float16", "amax_history_length": 1024}),
    (dtype_policies.Int4DTypePolicy, ("int4/128", "float32"), "int4/128_from_float32", "int4", "float32", "float32", {"mode": "int4/128", "source_name": "float32"}),
    (dtype_policies.Int4DTypePolicy, ("int4/-1", "bfloat16"), "int4/-1_from_bfloat16", "int4", "bfloat16", "bfloat16", {"mode": "int4/-1", "source_name": "bfloat16"}),
    (dtype_policies.GPTQDTypePolicy, ("gptq/3/-1", "float32"), "gptq/3/-1_from_float32", "gptq", "float32", "float32", {"mode": "gptq/3/-1", "source_name": "float32"}),
    (dtype_policies.AWQDTypePolicy, ("awq/4/64", "mixed_float16"), "awq/4/64_from_mixed_float16", "awq", "float16", "float32", {"mode": "awq/4/64", "source_name": "mixed_float16"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("cls", "args", "name", "mode", "compute", "variable", "config"), QUANTIZED, ids=[q[2] for q in QUANTIZED]
)
def test_quantized_policy(
    cls: type[dtype_policies.QuantizedDTypePolicy],
    args: tuple[str, str],
    name: str,
    mode: str,
    compute: str,
    variable: str,
    config: dict[str, Any],
) -> None:
    policy = cls(*args)
    assert (policy.name, policy.quantization_mode, policy.compute_dtype, policy.variable_dtype) == (
        name,
        mode,
        compute,
        variable,
    )
    assert repr(policy) == f'<{cls.__name__} "{name}">'
    assert policy.get_config() == config
    assert cls.from_config(policy.get_config()) == policy
    assert dtype_policies.deserialize(dtype_policies.serialize(policy)) == policy
    # The name alone gives the same policy back.
    assert dtype_policies.get(name) == policy


def test_grouped_policies_expose_their_settings() -> None:
    gptq = dtype_policies.GPTQDTypePolicy("gptq/8/32", "float32")
    assert (gptq.mode, gptq.weight_bits, gptq.group_size) == ("gptq", 8, 32)
    int4 = dtype_policies.Int4DTypePolicy("int4/64", "float32")
    assert (int4.mode, int4.block_size) == ("int4", 64)
    assert dtype_policies.QuantizedFloat8DTypePolicy("float8", "float32", 7).amax_history_length == 7


def test_quantized_source_defaults_to_the_global_policy() -> None:
    set_dtype_policy("mixed_bfloat16")
    policy = dtype_policies.AWQDTypePolicy("awq/4/128")
    assert policy.name == "awq/4/128_from_mixed_bfloat16"
    assert policy.get_config() == {"mode": "awq/4/128", "source_name": "mixed_bfloat16"}


@pytest.mark.parametrize(
    ("cls", "args", "error", "match"),
    [
        (dtype_policies.QuantizedDTypePolicy, ("int8", "float16"), ValueError, "Quantization mode='int8' doesn't work well with compute_dtype='float16'."),
        (dtype_policies.QuantizedDTypePolicy, ("foo", "float32"), ValueError, r"Invalid quantization mode. Expected one of \('int8', 'float8', 'int4', 'gptq', 'awq'\). Received: mode=foo"),
        (dtype_policies.QuantizedDTypePolicy, ("int8", "foo"), ValueError, "Cannot convert 'foo' to a mixed precision DTypePolicy"),
        (dtype_policies.QuantizedFloat8DTypePolicy, ("float8", "float32", 2.0), TypeError, "`amax_history_length` must be an integer. Received: amax_history_length=2.0"),
        (dtype_policies.Int4DTypePolicy, ("int4", "float32"), ValueError, "Invalid mode for Int4DTypePolicy. Expected format 'int4/<block_size>', but got 'int4'."),
        (dtype_policies.Int4DTypePolicy, ("int4/x", "float32"), ValueError, "<block_size> must be an integer. Expected format 'int4/<block_size>', but got 'int4/x'."),
        (dtype_policies.Int4DTypePolicy, ("int4/0", "float32"), ValueError, r"Invalid block_size in mode. Supported values are -1 \(per-channel\) or a positive integer \(sub-channel\), but got 0 from 'int4/0'."),
        (dtype_policies.GPTQDTypePolicy, ("gptq/5/1", "float32"), ValueError, "Supported values are 2, 3, 4, and 8, but got 5 from 'gptq/5/1'."),
        (dtype_policies.GPTQDTypePolicy, ("gptq/4", "float32"), ValueError, "Expected format 'gptq/<weight_bits>/<group_size>', but got 'gptq/4'."),
        (dtype_policies.GPTQDTypePolicy, ("gptq/4/a", "float32"), ValueError, "<weight_bits> and <group_size> must be integers."),
        (dtype_policies.GPTQDTypePolicy, ("gptq/4/0", "float32"), ValueError, r"Supported values are -1 \(whole-tensor\) or a positive integer, but got 0 from 'gptq/4/0'."),
        (dtype_policies.AWQDTypePolicy, ("awq/8/1", "float32"), ValueError, "AWQ only supports 4-bit quantization, but got 8 from 'awq/8/1'."),
        (dtype_policies.AWQDTypePolicy, ("awq/4/-2", "float32"), ValueError, r"-1 \(per-channel\) or a positive integer, but got -2 from 'awq/4/-2'."),
    ],
)  # fmt: skip
def test_quantized_errors(cls: type[Any], args: tuple[Any, ...], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        cls(*args)


@pytest.mark.parametrize(
    ("identifier", "expected"),
    [
        ("mixed_float16", dtype_policies.DTypePolicy("mixed_float16")),
        (np.float16, dtype_policies.DTypePolicy("float16")),
        (np.dtype("int8"), dtype_policies.DTypePolicy("int8")),
        (
            {"class_name": "DTypePolicy", "config": {"name": "bfloat16"}},
            dtype_policies.DTypePolicy("bfloat16"),
        ),
        ("float8_from_float32", dtype_policies.QuantizedFloat8DTypePolicy("float8", "float32")),
        ("int4/32_from_float32", dtype_policies.Int4DTypePolicy("int4/32", "float32")),
    ],
    ids=repr,
)
def test_get(identifier: Any, expected: dtype_policies.DTypePolicy) -> None:
    got = dtype_policies.get(identifier)
    assert type(got) is type(expected)
    assert got == expected


def test_get_returns_policies_as_they_are_and_none_as_the_global_policy() -> None:
    policy = dtype_policies.DTypePolicy("float16")
    assert dtype_policies.get(policy) is policy
    assert dtype_policies.get(None) is dtype_policy()
    assert dtype_policies.deserialize("mixed_float16") == dtype_policies.DTypePolicy("mixed_float16")


@pytest.mark.parametrize(
    ("identifier", "error", "match"),
    [
        (3, ValueError, "Cannot interpret `dtype` argument. Expected a string or an instance of DTypePolicy. Received: dtype=3"),
        ([1], ValueError, r"Cannot interpret `dtype` argument. .* Received: dtype=\[1\]"),
        ("foo", ValueError, "Cannot convert 'foo' to a mixed precision DTypePolicy"),
        ("int8_from_float32_from_x", ValueError, r"Cannot convert `policy` into a valid pair \(`mode`, `source_name`\)"),
    ],
)  # fmt: skip
def test_get_errors(identifier: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        dtype_policies.get(identifier)


# --- convert_input ----------------------------------------------------------------------

MIXED = dtype_policies.DTypePolicy("mixed_float16")


@pytest.mark.parametrize(
    ("x", "autocast", "dtype"),
    [
        (np.ones(2, dtype="float32"), True, "float16"),
        (np.ones(2, dtype="float32"), False, "float32"),
        (np.ones(2, dtype="int32"), True, "int32"),
        (np.ones(2, dtype="float64"), True, "float16"),
        (np.ones(2, dtype="float16"), True, "float16"),
    ],
    ids=repr,
)
def test_convert_input_casts_floats_only_when_autocasting(x: Any, autocast: bool, dtype: str) -> None:
    for value in (x, ops.convert_to_tensor(x)):
        got = MIXED.convert_input(value, autocast, MIXED.compute_dtype)
        assert ops.is_tensor(got)
        assert standardize_dtype(got.dtype) == dtype
        np.testing.assert_array_equal(ops.convert_to_numpy(got), np.ones(2))


def test_convert_input_casts_symbolic_floats() -> None:
    got = MIXED.convert_input(KerasTensor((2, 3), "float32"), True, "float16")
    assert isinstance(got, KerasTensor)
    assert (got.shape, got.dtype) == ((2, 3), "float16")
    kept = MIXED.convert_input(KerasTensor((2,), "int32"), True, "float16")
    assert kept.dtype == "int32"


@pytest.mark.parametrize("value", [1.5, [1.0, 2.0], "text"], ids=repr)
def test_convert_input_leaves_python_values_alone(value: Any) -> None:
    assert MIXED.convert_input(value, True, "float16") is value
