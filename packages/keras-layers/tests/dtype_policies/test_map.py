"""DTypePolicyMap: lookups by exact path and regex, its mapping API, and its config."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from keras import dtype_policies
from keras.dtype_policies import DTypePolicy, DTypePolicyMap, QuantizedDTypePolicy
from keras.dtype_policies._global import reset_dtype_policy, set_dtype_policy


@pytest.fixture(autouse=True)
def _restore_global_policy() -> Iterator[None]:
    yield
    reset_dtype_policy()


def make_map() -> DTypePolicyMap:
    policies = DTypePolicyMap(default_policy=DTypePolicy("float32"))
    policies["encoder/layer_0/dense"] = DTypePolicy("bfloat16")
    policies["encoder/.*"] = DTypePolicy("float16")
    policies["decoder"] = "bfloat16"
    return policies


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("encoder/layer_0/dense", "bfloat16"),  # exact key wins over the regex
        ("encoder/attention/query", "float16"),  # regex, matched in full
        ("decoder", "bfloat16"),
        ("decoder/attention", "float32"),  # no prefix matching: the default
        ("other", "float32"),
    ],
)
def test_lookup(path: str, expected: str) -> None:
    assert make_map()[path].name == expected


def test_a_path_matching_two_patterns_raises() -> None:
    policies = make_map()
    policies["encoder/attention/.*"] = "bfloat16"
    with pytest.raises(
        ValueError, match="Path 'encoder/attention/query' matches multiple dtype policy specification keys"
    ):
        policies["encoder/attention/query"]


def test_the_map_acts_as_its_default_policy() -> None:
    policies = DTypePolicyMap(default_policy="mixed_bfloat16")
    assert (policies.name, policies.compute_dtype, policies.variable_dtype) == (
        "map_mixed_bfloat16",
        "bfloat16",
        "float32",
    )
    assert policies.quantization_mode is None
    assert policies.default_policy == DTypePolicy("mixed_bfloat16")
    assert isinstance(policies, DTypePolicy)
    assert dtype_policies.get(policies) is policies


def test_default_policy_none_is_the_global_policy() -> None:
    set_dtype_policy("float16")
    assert DTypePolicyMap().default_policy == DTypePolicy("float16")


def test_mapping_api() -> None:
    policies = make_map()
    assert len(policies) == 3
    assert list(policies) == ["encoder/layer_0/dense", "encoder/.*", "decoder"]
    assert "decoder" in policies
    assert "encoder/attention/query" not in policies  # membership is by key, not by match
    del policies["decoder"]
    assert len(policies) == 2
    with pytest.raises(KeyError):
        del policies["decoder"]


def test_set_errors() -> None:
    policies = make_map()
    with pytest.raises(ValueError, match="decoder already exist in the DTypePolicyMap"):
        policies["decoder"] = "float16"
    with pytest.raises(
        ValueError, match=r"Cannot interpret the assigned value by `keras\.dtype_policies\.get`"
    ):
        policies["new"] = 3


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"default_policy": DTypePolicyMap()}, ValueError, "`default_policy` cannot be a `DTypePolicyMap`."),
        ({"policy_map": [("a", "float32")]}, TypeError, "If specified, `policy_map` must be a dict."),
    ],
)
def test_constructor_errors(kwargs: dict[str, Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        DTypePolicyMap(**kwargs)


def test_config_with_a_default_policy_round_trips() -> None:
    policies = DTypePolicyMap(default_policy="bfloat16", policy_map={"x": DTypePolicy("float16")})
    assert policies.get_config() == {
        "default_policy": "bfloat16",
        "policy_map": {
            "x": {
                "module": "keras",
                "class_name": "DTypePolicy",
                "config": {"name": "float16"},
                "registered_name": None,
            }
        },
    }
    restored = DTypePolicyMap.from_config(policies.get_config())
    assert restored == policies
    assert restored["x"] == DTypePolicy("float16")


def test_config_without_a_default_defers_dtypes_to_the_global_policy() -> None:
    policies = DTypePolicyMap()
    policies["a"] = DTypePolicy("float16")
    policies["b/.*"] = "int8_from_float32"
    config = policies.get_config()
    assert config == {
        "default_policy": None,
        "policy_map": {
            "a": {
                "module": "keras",
                "class_name": "DTypePolicy",
                "config": {"name": None},
                "registered_name": None,
            },
            "b/.*": {
                "module": "keras.dtype_policies",
                "class_name": "QuantizedDTypePolicy",
                "config": {"mode": "int8", "source_name": None},
                "registered_name": None,
            },
        },
    }
    # Unlike Keras 3, writing the config leaves the live policies untouched.
    assert policies["a"].name == "float16"
    set_dtype_policy("bfloat16")
    restored = DTypePolicyMap.from_config(config)
    assert restored["a"] == DTypePolicy("bfloat16")
    assert restored["b/c"] == QuantizedDTypePolicy("int8", "bfloat16")


def test_serialized_map_is_keras_format_and_round_trips() -> None:
    policies = DTypePolicyMap(
        default_policy=DTypePolicy("bfloat16"), policy_map={"x": DTypePolicy("float16")}
    )
    config = dtype_policies.serialize(policies)
    assert config == {
        "module": "keras.dtype_policies",
        "class_name": "DTypePolicyMap",
        "config": {
            "default_policy": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "bfloat16"}, "registered_name": None},
            "policy_map": {"x": {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float16"}, "registered_name": None}},
        },
        "registered_name": None,
    }  # fmt: skip
    restored = dtype_policies.deserialize(config)
    assert isinstance(restored, DTypePolicyMap)
    assert restored == policies


def test_repr() -> None:
    policies = DTypePolicyMap(default_policy="float32", policy_map={"x": DTypePolicy("float16")})
    assert (
        repr(policies)
        == f"<DTypePolicyMap at {hex(id(policies))} default_policy=float32, mapping=[('x', 'float16')]>"
    )
