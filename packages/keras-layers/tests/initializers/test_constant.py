"""Constant, Zeros, Ones and Identity: exact values and dtypes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from keras import initializers, ops
from keras.backend import standardize_dtype


@dataclass(frozen=True)
class Case:
    initializer: Callable[..., Any]
    shape: tuple[int, ...]
    dtype: str | None
    expected: np.ndarray
    id: str


CASES = [
    Case(initializers.Zeros(), (2, 3), None, np.zeros((2, 3), "float32"), "zeros"),
    Case(initializers.Zeros(), (4,), "int32", np.zeros(4, "int32"), "zeros-int32"),
    Case(initializers.Ones(), (3,), None, np.ones(3, "float32"), "ones"),
    Case(initializers.Ones(), (2, 2), "float16", np.ones((2, 2), "float16"), "ones-float16"),
    Case(initializers.Constant(2.5), (2, 2), None, np.full((2, 2), 2.5, "float32"), "constant"),
    Case(initializers.Constant(7), (3,), "int32", np.full(3, 7, "int32"), "constant-int"),
    Case(initializers.Constant(2.9), (2,), "int32", np.full(2, 2, "int32"), "constant-truncates-to-int"),
    Case(
        initializers.Constant(np.array([1.0, 2.0, 3.0])),
        (2, 3),
        None,
        np.array([[1, 2, 3], [1, 2, 3]], "float32"),
        "constant-array-broadcasts",
    ),
    Case(initializers.Identity(), (3, 3), None, np.eye(3, dtype="float32"), "identity"),
    Case(initializers.Identity(2.0), (2, 4), None, 2 * np.eye(2, 4, dtype="float32"), "identity-gain-wide"),
    Case(initializers.Identity(3), (3, 2), "int32", 3 * np.eye(3, 2, dtype="int32"), "identity-int"),
    Case(initializers.zeros(), (1,), None, np.zeros(1, "float32"), "alias-zeros"),
    Case(initializers.ones(), (1,), None, np.ones(1, "float32"), "alias-ones"),
    Case(initializers.constant(4.0), (1,), None, np.full(1, 4.0, "float32"), "alias-constant"),
    Case(initializers.identity(), (2, 2), None, np.eye(2, dtype="float32"), "alias-identity"),
    Case(
        initializers.IdentityInitializer(0.5),
        (2, 2),
        None,
        0.5 * np.eye(2, dtype="float32"),
        "identity-compat",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_values_and_dtype(case: Case) -> None:
    got = case.initializer(case.shape, dtype=case.dtype) if case.dtype else case.initializer(case.shape)
    np.testing.assert_array_equal(ops.convert_to_numpy(got), case.expected)
    assert standardize_dtype(got.dtype) == str(case.expected.dtype)


def test_default_dtype_follows_floatx() -> None:
    from keras.backend import floatx, set_floatx

    original = floatx()
    set_floatx("float16")
    try:
        assert standardize_dtype(initializers.Ones()((2,)).dtype) == "float16"
        assert standardize_dtype(initializers.Constant(1.0)((2,)).dtype) == "float16"
    finally:
        set_floatx(original)


def test_identity_rejects_other_ranks() -> None:
    with pytest.raises(
        ValueError, match=r"only be used for 2D matrices. Received: shape=\(2, 2, 2\) of rank 3"
    ):
        initializers.Identity()((2, 2, 2))


def test_unknown_dimension_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"fully defined shape. Received: shape=\(None, 3\)"):
        initializers.Zeros()((None, 3))


@pytest.mark.parametrize(
    ("initializer", "config"),
    [
        (initializers.Constant(2.5), {"value": 2.5}),
        (initializers.Zeros(), {}),
        (initializers.Ones(), {}),
        (initializers.Identity(2.0), {"gain": 2.0}),  # Keras 3.15 says {} and loses the gain
    ],
    ids=["constant", "zeros", "ones", "identity"],
)
def test_config_round_trip(initializer: Any, config: dict[str, Any]) -> None:
    assert initializer.get_config() == config
    rebuilt = type(initializer).from_config(initializer.get_config())
    assert rebuilt.get_config() == config
    assert initializer.clone().get_config() == config
    np.testing.assert_array_equal(
        ops.convert_to_numpy(rebuilt((2, 2))), ops.convert_to_numpy(initializer((2, 2)))
    )


def test_constant_array_value_round_trips() -> None:
    initializer = initializers.Constant(np.array([1.0, 2.0]))
    config = initializer.get_config()
    assert isinstance(config["value"], dict)
    rebuilt = initializers.Constant.from_config(config)
    np.testing.assert_array_equal(ops.convert_to_numpy(rebuilt((2,))), np.array([1.0, 2.0], "float32"))
