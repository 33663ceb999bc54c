"""Tests of the logic ops: values against numpy, boolean dtypes, symbolic specs, errors."""

from __future__ import annotations

from typing import Any

import ml_dtypes
import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import standardize_dtype
from keras.ops._keras_tensor import KerasTensor
from keras.ops.numpy import _logic as ops_module

X23 = rand(2, 3)
Y3 = rand(3)
I8 = np.array([-7, -3, 0, 3, 7, 100], dtype="int8")
D8 = np.array([2, -3, 0, 3, 5, 100], dtype="int8")
U8 = np.array([0, 1, 7, 200, 255, 16], dtype="uint8")
B6 = np.array([True, False, True, True, False, False])
SPECIAL = np.array([-np.inf, -2.5, -0.0, 0.0, 0.5, np.inf, np.nan], dtype="float32")
OTHER = np.array([-np.inf, -2.5, 0.0, 1e-9, 0.5000001, -np.inf, np.nan], dtype="float32")
BF16 = rand(2, 3).astype(ml_dtypes.bfloat16)
F16 = np.array([1.0, 1.001, 65504.0], dtype="float16")

COMPARISONS = [
    ("equal", np.equal),
    ("not_equal", np.not_equal),
    ("greater", np.greater),
    ("greater_equal", np.greater_equal),
    ("less", np.less),
    ("less_equal", np.less_equal),
]
LOGICAL = [("logical_and", np.logical_and), ("logical_or", np.logical_or), ("logical_xor", np.logical_xor)]

CASES = [
    *(Case(name, ref, (X23, Y3), id="broadcast") for name, ref in COMPARISONS),
    *(Case(name, ref, (I8, D8), id="int8") for name, ref in COMPARISONS),
    *(Case(name, ref, (U8, 7), id="uint8-weak") for name, ref in COMPARISONS),
    *(Case(name, ref, (SPECIAL, OTHER), id="special") for name, ref in COMPARISONS),
    *(Case(name, ref, (B6, B6[::-1]), id="bool") for name, ref in COMPARISONS),
    *(Case(name, ref, (I8, 3.5), id="int-vs-float") for name, ref in COMPARISONS),
    *(Case(name, ref, (BF16, Y3), id="bfloat16-float32") for name, ref in COMPARISONS),
    *(Case(name, ref, (X23, Y3), id="float") for name, ref in LOGICAL),
    *(Case(name, ref, (B6, I8), id="bool-int8") for name, ref in LOGICAL),
    *(Case(name, ref, (SPECIAL, True), id="nan-is-true") for name, ref in LOGICAL),
    Case("logical_not", np.logical_not, (SPECIAL,)),
    Case("logical_not", np.logical_not, (I8,), id="int8"),
    Case("logical_not", np.logical_not, (B6,), id="bool"),
    Case("isclose", np.isclose, (SPECIAL, OTHER)),
    Case("isclose", np.isclose, (SPECIAL, OTHER), {"equal_nan": True}, id="equal-nan"),
    Case("isclose", np.isclose, (SPECIAL, OTHER), {"rtol": 0.0, "atol": 0.0}, id="exact"),
    Case("isclose", np.isclose, (X23, Y3), {"rtol": 0.5, "atol": 0.1}, id="broadcast-loose"),
    Case("isclose", np.isclose, (F16, np.float16(1.0)), {"rtol": 1e-3}, id="float16"),
    Case("isclose", np.isclose, (I8, D8), id="int8"),
    Case("allclose", np.allclose, (X23, X23 + 1e-7)),
    Case("allclose", np.allclose, (X23, Y3), id="broadcast-false"),
    Case("allclose", np.allclose, (SPECIAL, SPECIAL), id="nan-not-close"),
    Case("allclose", np.allclose, (SPECIAL, SPECIAL), {"equal_nan": True}, id="equal-nan"),
    Case("allclose", np.allclose, (X23, X23 + 0.05), {"atol": 0.1}, id="atol"),
    Case("isfinite", np.isfinite, (SPECIAL,)),
    Case("isfinite", np.isfinite, (I8,), id="int8"),
    Case("isfinite", np.isfinite, (BF16,), id="bfloat16"),
    Case("isinf", np.isinf, (SPECIAL,)),
    Case("isinf", np.isinf, (I8,), id="int8"),
    Case("isinf", np.isinf, (U8,), id="uint8"),
    Case("isnan", np.isnan, (SPECIAL,)),
    Case("isnan", np.isnan, (I8,), id="int8"),
    Case("isneginf", np.isneginf, (SPECIAL,)),
    Case("isneginf", np.isneginf, (I8,), id="int8"),
    Case("isposinf", np.isposinf, (SPECIAL,)),
    Case("isposinf", np.isposinf, (F16 * np.float16(2),), id="float16-overflow"),
    Case("isreal", np.isreal, (X23,)),
    Case("isreal", np.isreal, (np.array([1 + 0j, 1 + 1j, -2j], "complex64"),), id="complex64"),
    Case("isreal", np.isreal, (B6,), id="bool"),
    Case("signbit", np.signbit, (SPECIAL,), id="negative-zero"),
    Case("signbit", np.signbit, (I8,), id="int8"),
    Case("signbit", np.signbit, (U8,), id="uint8"),
    Case("signbit", np.signbit, (BF16 - 1,), id="bfloat16"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


def test_symbolic_unknown_dimensions() -> None:
    x = KerasTensor((None, 3), "float32")
    y = KerasTensor((2, 1), "int8")
    assert ops_module.less(x, y).shape == (2, 3)
    assert ops_module.isclose(x, y).shape == (2, 3)
    assert ops_module.allclose(x, y).shape == ()
    assert ops_module.logical_not(KerasTensor((None, 4), "float16")).shape == (None, 4)


# --- dtypes: Keras 3.15.1 gives bool for every input dtype on every backend -------------------

BINARY_COMBOS = [
    ("bool", "bool"),
    ("bool", "int8"),
    ("int8", "uint8"),
    ("uint8", "int32"),
    ("int8", "w_int"),
    ("int8", "w_float"),
    ("int32", "float16"),
    ("float16", "bfloat16"),
    ("bfloat16", "w_int"),
    ("w_float", "float32"),
    ("bool", "w_bool"),
]
UNARY_INPUTS = ["bool", "int8", "uint8", "int32", "float16", "bfloat16", "float32", "w_int", "w_float"]
BINARY_OPS = [name for name, _ in COMPARISONS + LOGICAL] + ["isclose", "allclose"]
UNARY_OPS = ["logical_not", "isfinite", "isinf", "isnan", "isneginf", "isposinf", "isreal", "signbit"]


def _value(dtype: str) -> Any:
    weak = {"w_int": 2, "w_float": 2.0, "w_bool": True}
    if dtype in weak:
        return weak[dtype]
    return np.array([1, 2, 3]).astype(ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)


def _symbolic(value: Any) -> Any:
    return (
        KerasTensor(value.shape, standardize_dtype(value.dtype)) if isinstance(value, np.ndarray) else value
    )


DTYPE_ROWS = [(name, combo) for name in BINARY_OPS for combo in BINARY_COMBOS] + [
    (name, (dtype,)) for name in UNARY_OPS for dtype in UNARY_INPUTS
]


@pytest.mark.parametrize(("name", "inputs"), DTYPE_ROWS, ids=[f"{r[0]}-{'-'.join(r[1])}" for r in DTYPE_ROWS])
def test_dtypes_are_bool(name: str, inputs: tuple[str, ...]) -> None:
    function = getattr(ops_module, name)
    args = tuple(_value(dtype) for dtype in inputs)
    assert standardize_dtype(function(*args).dtype) == "bool"
    assert standardize_dtype(function(*(_symbolic(a) for a in args)).dtype) == "bool"


# --- errors -------------------------------------------------------------------------------

ERRORS: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    ("equal", (rand(3), rand(4)), {}, ValueError, r"Cannot broadcast shape \(3,\) with shape \(4,\)"),
    ("less", (rand(2, 3), rand(2)), {}, ValueError, r"Cannot broadcast shape \(2, 3\) with shape \(2,\)"),
    ("logical_or", (B6, rand(4)), {}, ValueError, r"Cannot broadcast shape \(6,\) with shape \(4,\)"),
    ("isclose", (rand(3), rand(2)), {}, ValueError, r"Cannot broadcast shape \(3,\) with shape \(2,\)"),
    ("allclose", (rand(3), rand(2)), {}, ValueError, r"Cannot broadcast shape \(3,\) with shape \(2,\)"),
    (
        "isclose",
        (X23, X23),
        {"rtol": "tight"},
        TypeError,
        r"isclose: `rtol` must be a real number. Received: rtol='tight'",
    ),
    (
        "allclose",
        (X23, X23),
        {"atol": None},
        TypeError,
        r"allclose: `atol` must be a real number. Received: atol=None",
    ),
    (
        "isclose",
        (X23, X23),
        {"equal_nan": 1},
        TypeError,
        r"isclose: `equal_nan` must be a bool. Received: equal_nan=1",
    ),
]


@pytest.mark.parametrize(
    ("op_name", "args", "kwargs", "error", "match"), ERRORS, ids=[f"{e[0]}-{e[4][:30]}" for e in ERRORS]
)
def test_errors(
    op_name: str, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*args, **kwargs)
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*(_symbolic(a) for a in args), **kwargs)
