"""The global dtype policy (`keras.config.dtype_policy` / `set_dtype_policy`), names and docs."""

from __future__ import annotations

import doctest
import inspect
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

import keras
from keras import dtype_policies
from keras.backend import backend, floatx, set_floatx
from keras.dtype_policies import DTypePolicy, QuantizedDTypePolicy
from keras.dtype_policies._global import dtype_policy, reset_dtype_policy, set_dtype_policy

# keras.dtype_policies' names in reference/keras-3.15-api.jsonl.
REFERENCE_NAMES = [
    "AWQDTypePolicy",
    "DTypePolicy",
    "DTypePolicyMap",
    "FloatDTypePolicy",
    "GPTQDTypePolicy",
    "Int4DTypePolicy",
    "QuantizedDTypePolicy",
    "QuantizedFloat8DTypePolicy",
    "deserialize",
    "get",
    "serialize",
]


@pytest.fixture(autouse=True)
def _restore_globals() -> Iterator[None]:
    before = floatx()
    yield
    set_floatx(before)
    reset_dtype_policy()


def test_public_names_are_the_reference_names() -> None:
    assert sorted(dtype_policies.__all__) == REFERENCE_NAMES


def test_default_follows_floatx() -> None:
    assert dtype_policy() == DTypePolicy(floatx())
    assert dtype_policy() is dtype_policy()
    set_floatx("float16")
    assert dtype_policy() == DTypePolicy("float16")
    assert DTypePolicy().name == "float16"


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ("mixed_float16", DTypePolicy("mixed_float16")),
        (DTypePolicy("bfloat16"), DTypePolicy("bfloat16")),
        ("int8_from_float32", QuantizedDTypePolicy("int8", "float32")),
    ],
    ids=repr,
)
def test_set_dtype_policy(policy: Any, expected: DTypePolicy) -> None:
    set_dtype_policy(policy)
    assert dtype_policy() == expected
    assert type(dtype_policy()) is type(expected)
    # Layers' default: None means the global policy.
    assert dtype_policies.get(None) == expected
    # An explicit policy wins over floatx.
    set_floatx("float64")
    assert dtype_policy() == expected


def test_none_name_takes_the_global_policy_name() -> None:
    set_dtype_policy("mixed_bfloat16")
    policy = DTypePolicy()
    assert (policy.name, policy.compute_dtype, policy.variable_dtype) == (
        "mixed_bfloat16",
        "bfloat16",
        "float32",
    )


def test_reset_returns_to_floatx() -> None:
    set_dtype_policy("mixed_float16")
    reset_dtype_policy()
    assert dtype_policy() == DTypePolicy(floatx())


@pytest.mark.parametrize(
    ("policy", "match"),
    [
        (3, r"Invalid `policy` argument. Expected the string name of a policy \(such as 'mixed_float16'\) or a `DTypePolicy` instance. Received: policy=3 \(of type <class 'int'>\)"),
        (None, "Invalid `policy` argument. .* Received: policy=None"),
        ("foo", "Cannot convert 'foo' to a mixed precision DTypePolicy"),
    ],
)  # fmt: skip
def test_set_dtype_policy_rejects_bad_input(policy: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        set_dtype_policy(policy)
    assert dtype_policy() == DTypePolicy(floatx())


@pytest.mark.skipif(backend() != "numpy", reason="docstring outputs are written for the numpy backend")
@pytest.mark.parametrize("name", sorted(dtype_policies.__all__))
def test_docstring_example(name: str) -> None:
    obj = getattr(dtype_policies, name)
    assert ">>>" in (inspect.getdoc(obj) or "")
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in doctest.DocTestFinder(recurse=False).find(obj, name, globs={"keras": keras, "np": np}):
        result = runner.run(test, out=lambda text: None)
        assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
