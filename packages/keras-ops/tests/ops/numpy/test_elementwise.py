"""Tests of the element-wise ops: values against numpy, dtypes against Keras 3, symbolic specs, errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ml_dtypes
import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, standardize_dtype
from keras.ops._keras_tensor import KerasTensor
from keras.ops.numpy import _elementwise as ops_module

X23 = rand(2, 3)
Y3 = rand(3, low=0.5, high=2.0)
POS23 = rand(2, 3, low=0.1, high=3.0)
I8 = np.array([-7, -3, 0, 3, 7, 100], dtype="int8")
D8 = np.array([2, -2, 3, -3, 5, 7], dtype="int8")
U8 = np.array([0, 1, 7, 200, 255, 16], dtype="uint8")
I32 = np.array([[12, -18, 0], [7, 25, -35]], dtype="int32")
B6 = np.array([True, False, True, True, False, False])
SPECIAL = np.array([-np.inf, -2.5, -0.5, -0.0, 0.0, 0.5, 1.5, 2.5, np.inf, np.nan], dtype="float32")
NANS = np.array([np.nan, 1.0, np.nan, -2.0], dtype="float32")
F16 = rand(2, 3, dtype="float16")
BF16 = rand(2, 3).astype(ml_dtypes.bfloat16)


def _as(dtype: str) -> Callable[..., Any]:
    """Wrap a numpy function so its result is cast to Keras's output dtype."""

    def reference(function: Callable[..., Any]) -> Callable[..., Any]:
        return lambda *args, **kwargs: np.asarray(function(*args, **kwargs)).astype(dtype)

    return reference


def _f64(function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a numpy function to compute in float64, to judge float16 and bfloat16 results."""

    def reference(*args: Any) -> Any:
        return function(*(a if isinstance(a, int) else np.asarray(a, "float64") for a in args))

    return reference


def _divide_no_nan(x1: Any, x2: Any) -> Any:
    x1, x2 = np.asarray(x1, "float64"), np.asarray(x2, "float64")
    return np.where(x2 == 0, 0.0, x1 / np.where(x2 == 0, 1.0, x2))


def _np_round(x: Any, decimals: int = 0) -> Any:
    return np.round(x, decimals)


def _heaviside(x1: Any, x2: Any) -> Any:
    return np.heaviside(np.asarray(x1, "float64"), np.asarray(x2, "float64"))


CASES = [
    # arithmetic, broadcasting and weak scalars
    Case("add", np.add, (X23, Y3), id="broadcast"),
    Case("add", np.add, (I8, 3), dtype="int8", id="weak-int-keeps-int8"),
    Case("add", np.add, (B6, B6), id="bool-is-or"),
    Case("subtract", np.subtract, (X23, Y3), id="broadcast"),
    Case("subtract", np.subtract, (U8, np.uint8(1)), dtype="uint8", id="uint8-wraps"),
    Case("multiply", np.multiply, (X23, Y3), id="broadcast"),
    Case("multiply", np.multiply, (I8, D8), id="int8-wraps"),
    Case("multiply", np.multiply, (B6, B6[::-1]), id="bool-is-and"),
    Case("divide", np.divide, (X23, Y3), id="broadcast"),
    Case("divide", np.divide, (I8, D8), dtype="float32", rtol=1e-6, id="int8-to-float32"),
    Case("divide", np.divide, (np.array([1.0, -1.0, 0.0], "float32"), 0.0), id="by-zero"),
    Case("true_divide", np.true_divide, (I32, 4), dtype="float32", id="int32-weak"),
    Case("divide_no_nan", _divide_no_nan, (X23, np.array([0.0, 2.0, 0.0], "float32")), dtype="float32"),
    Case(
        "divide_no_nan", _divide_no_nan, (I8, np.zeros(6, "int8") + D8 * (D8 > 0)), dtype="float32", id="int"
    ),
    Case("floor_divide", np.floor_divide, (I8, D8), id="int8-negative"),
    Case("floor_divide", np.floor_divide, (X23, Y3), id="float"),
    Case("floor_divide", _as("int32")(np.floor_divide), (B6, True), dtype="int32", id="bool-to-int32"),
    Case("mod", np.mod, (I8, D8), id="int8-sign-of-divisor"),
    Case("mod", np.mod, (X23, -0.75), rtol=1e-5, atol=1e-6, id="float-weak"),
    Case("fmod", np.fmod, (I8, D8), id="int8-sign-of-dividend"),
    Case("fmod", np.fmod, (X23, -0.75), rtol=1e-5, atol=1e-6, id="float-weak"),
    Case("fmod", np.fmod, (F16, np.float16(0.75)), rtol=1e-3, id="float16"),
    Case("power", np.power, (POS23, Y3), rtol=1e-5, id="float"),
    Case("power", np.power, (I32 % 5, 3), dtype="int32", id="int32-weak"),
    Case("power", np.power, (np.array([2, 3, 4], "uint8"), np.array([2, 3, 4], "uint8")), id="uint8"),
    Case("maximum", np.maximum, (X23, Y3), id="broadcast"),
    Case("maximum", np.maximum, (NANS, 0.0), id="nan-wins"),
    Case("maximum", np.maximum, (U8, np.uint8(100)), id="uint8"),
    Case("minimum", np.minimum, (NANS, 0.0), id="nan-wins"),
    Case("minimum", np.minimum, (I8, D8), id="int8"),
    Case("fmax", np.fmax, (NANS, np.array([0.0, np.nan, np.nan, 1.0], "float32")), id="ignores-nan"),
    Case("fmax", np.fmax, (I8, D8), id="int8"),
    Case("fmin", np.fmin, (NANS, np.array([0.0, np.nan, np.nan, 1.0], "float32")), id="ignores-nan"),
    Case("fmin", np.fmin, (F16, np.float16(0.0)), id="float16"),
    Case("heaviside", _heaviside, (SPECIAL, 0.5), dtype="float32"),
    Case("heaviside", _heaviside, (I8, np.int8(3)), dtype="float32", id="int8"),
    Case("heaviside", _heaviside, (BF16, 0.5), dtype="bfloat16", rtol=1e-2, id="bfloat16"),
    Case("hypot", np.hypot, (X23, Y3), rtol=1e-6),
    Case("hypot", np.hypot, (I32, 4), dtype="float32", rtol=1e-6, id="int32"),
    Case("hypot", _f64(np.hypot), (BF16, BF16), dtype="bfloat16", rtol=1e-2, id="bfloat16"),
    Case("arctan2", np.arctan2, (X23, Y3 - 1.0), rtol=1e-6),
    Case("arctan2", np.arctan2, (SPECIAL, -1.0), rtol=1e-6, id="special"),
    Case("arctan2", _f64(np.arctan2), (F16, 1.0), dtype="float32", rtol=1e-6, id="float16-weak-float-widens"),
    Case("logaddexp", np.logaddexp, (X23 * 50, Y3), rtol=1e-6),
    Case("logaddexp", np.logaddexp, (np.array([100.0, -np.inf], "float32"), 100.0), rtol=1e-6, id="large"),
    Case(
        "logaddexp", _f64(np.logaddexp), (BF16, BF16), dtype="bfloat16", rtol=1e-2, atol=2e-2, id="bfloat16"
    ),
    Case("logaddexp2", np.logaddexp2, (X23 * 50, Y3), rtol=1e-6),
    Case("logaddexp2", _f64(np.logaddexp2), (I8, 1), dtype="float32", rtol=1e-6, id="int8"),
    Case("ldexp", np.ldexp, (X23, np.array([3, -2, 0], "int32")), dtype="float32"),
    Case("ldexp", np.ldexp, (F16, np.array([3, -2, 10], "int8")), dtype="float16", id="float16"),
    Case("ldexp", np.ldexp, (I8, 2), dtype="float32", id="int-mantissa"),
    Case("nextafter", np.nextafter, (X23, Y3)),
    Case(
        "nextafter",
        np.nextafter,
        (np.array([0.0, 1.0, -1.0, 1.0], "float32"), np.array([1.0, 0.0, -2.0, 1.0], "float32")),
        id="edges",
    ),
    Case(
        "nextafter",
        np.nextafter,
        (np.array([0.0, 1.0, -1.0, 65504.0], "float16"), np.float16(np.inf)),
        id="float16",
    ),
    Case(
        "nextafter",
        np.nextafter,
        (np.array([0.0, 1.0, -1.0], "float16"), np.float16(-np.inf)),
        id="float16-down",
    ),
    Case("gcd", np.gcd, (I32, 8)),
    Case("gcd", np.gcd, (np.array([12, 200, 0], "uint8"), np.array([18, 150, 5], "uint8")), id="uint8"),
    Case("lcm", np.lcm, (I32, np.array([4, 6, 5], "int32"))),
    Case("lcm", np.lcm, (np.array([4, 6, 0], "int16"), np.int16(6)), id="int16"),
    Case("clip", np.clip, (X23, -0.5, 0.5)),
    Case("clip", np.clip, (I8, -3, 50), dtype="int8", id="int8-weak"),
    Case("clip", lambda x, lo, hi: np.clip(x, lo, hi), (X23, Y3 - 1.0, 1.0), id="tensor-bound"),
    Case("clip", lambda x, lo, hi: np.minimum(x, hi), (X23, None, 0.2), id="no-lower"),
    Case("clip", lambda x, lo, hi: np.maximum(x, lo), (I32, 0, None), id="no-upper"),
    Case(
        "clip",
        lambda x, lo, hi: np.full(5, 1.0, "float32"),
        (np.arange(5, dtype="float32"), 3.0, 1.0),
        id="min-above-max",
    ),
    Case(
        "clip",
        lambda x, lo, hi: np.clip(x.astype("int32"), lo, hi),
        (B6, False, True),
        dtype="int32",
        id="bool-int32",
    ),
    Case(
        "clip",
        lambda x, lo, hi: np.clip(x, lo, hi),
        (rand(3), np.zeros((2, 3), "float32"), 1.0),
        id="bound-broadcasts-x",
    ),
    # unary
    Case("negative", np.negative, (SPECIAL,)),
    Case("negative", np.negative, (U8,), id="uint8-wraps"),
    Case("sign", np.sign, (SPECIAL,)),
    Case("sign", np.sign, (I8,), id="int8"),
    Case("sign", np.sign, (U8,), id="uint8"),
    Case("abs", np.abs, (SPECIAL,)),
    Case("abs", np.abs, (I8,), id="int8"),
    Case("abs", np.abs, (B6,), id="bool"),
    Case("absolute", np.absolute, (U8,), id="uint8"),
    Case("fabs", np.fabs, (I8,), dtype="float32", id="int8"),
    Case("fabs", _f64(np.fabs), (BF16,), dtype="bfloat16", id="bfloat16"),
    Case("square", np.square, (X23,)),
    Case("square", np.square, (I8,), id="int8-wraps"),
    Case("square", _as("int32")(np.square), (B6,), dtype="int32", id="bool"),
    Case("reciprocal", np.reciprocal, (X23,), rtol=1e-6),
    Case("reciprocal", lambda x: 1.0 / x.astype("float64"), (I8,), dtype="float32", rtol=1e-6, id="int8"),
    Case("ceil", np.ceil, (SPECIAL,)),
    Case("ceil", np.ceil, (I8,), dtype="float32", id="int8"),
    Case("ceil", _f64(np.ceil), (BF16 * 3,), dtype="bfloat16", id="bfloat16"),
    Case("floor", np.floor, (SPECIAL,)),
    Case("floor", _f64(np.floor), (BF16 * 3,), dtype="bfloat16", id="bfloat16"),
    Case("trunc", np.trunc, (SPECIAL,)),
    Case("trunc", np.trunc, (I8,), id="int8"),
    Case("trunc", lambda x: x, (B6,), id="bool"),
    Case("round", _np_round, (SPECIAL,), id="halves-to-even"),
    Case("round", _np_round, (np.array([1.25, 2.35, -0.45, 12.5], "float32"), 1), rtol=1e-6, id="decimals"),
    Case("round", _np_round, (np.array([1234.5, -1250.0, 1350.0], "float32"), -2), id="negative-decimals"),
    Case("round", _np_round, (np.array([15, 25, -35, 14, 96], "int8"), -1), id="int8-tens"),
    Case("round", _np_round, (I32, 0), id="int32-unchanged"),
    # Fixed values: bfloat16 keeps ~3 digits, so random data can sit on a rounding edge.
    Case(
        "round",
        _f64(_np_round),
        (np.array([-3.4, 1.25, 2.9, 5.3], dtype=ml_dtypes.bfloat16), 1),
        dtype="bfloat16",
        rtol=1e-2,
        atol=1e-2,
        id="bfloat16",
    ),
    # bitwise
    Case("bitwise_not", np.bitwise_not, (I8,)),
    Case("bitwise_not", np.bitwise_not, (U8,), id="uint8"),
    Case("bitwise_not", np.bitwise_not, (B6,), id="bool"),
    Case("bitwise_invert", np.bitwise_not, (I32,)),
    Case("bitwise_and", np.bitwise_and, (I8, D8)),
    Case("bitwise_and", np.bitwise_and, (U8, 12), dtype="uint8", id="uint8-weak"),
    Case("bitwise_and", np.bitwise_and, (B6, B6[::-1]), id="bool"),
    Case("bitwise_or", np.bitwise_or, (I8, D8)),
    Case("bitwise_or", np.bitwise_or, (B6, B6[::-1]), id="bool"),
    Case("bitwise_xor", np.bitwise_xor, (I32, np.array([5, 3, 1], "int32"))),
    Case("bitwise_xor", np.bitwise_xor, (B6, True), id="bool-weak"),
    Case("bitwise_left_shift", np.left_shift, (np.array([1, 3, -5], "int8"), np.array([1, 2, 3], "int8"))),
    Case(
        "bitwise_left_shift", np.left_shift, (np.array([200, 1], "uint8"), np.uint8(1)), id="uint8-overflow"
    ),
    Case("left_shift", np.left_shift, (I32, 2), dtype="int32"),
    Case("bitwise_right_shift", np.right_shift, (I8, np.int8(1)), id="arithmetic"),
    Case("bitwise_right_shift", np.right_shift, (U8, np.uint8(3)), id="uint8"),
    Case("right_shift", np.right_shift, (I32, 1), dtype="int32"),
    Case("right_shift", _as("int32")(np.right_shift), (B6, B6), dtype="int32", id="bool-int32"),
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
    assert ops_module.add(x, y).shape == (2, 3)
    assert ops_module.divide(KerasTensor((None, 1), "int8"), KerasTensor((4,), "int8")).shape == (None, 4)
    assert ops_module.clip(KerasTensor((None, 3), "int8"), 0, KerasTensor((2, 1), "int16")).shape == (2, 3)
    assert ops_module.round(KerasTensor((None,), "bfloat16"), 2).dtype == "bfloat16"


# --- dtypes: expected values recorded from Keras 3.15.1 on its jax backend --------------------

# The inputs of each binary row; "w_*" are Python scalars (weak types).
BINARY_COMBOS = [
    ("bool", "bool"),
    ("bool", "int8"),
    ("int8", "int8"),
    ("int8", "uint8"),
    ("uint8", "int32"),
    ("int8", "w_int"),
    ("int8", "w_float"),
    ("int32", "float16"),
    ("float16", "bfloat16"),
    ("float16", "w_float"),
    ("bfloat16", "w_int"),
    ("w_int", "float32"),
    ("bool", "w_bool"),
    ("w_float", "int16"),
]
# op: the output dtype for each combo above, in order; an exception name where Keras raises.
BINARY_DTYPES = {
    "add": "bool int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 bool float32",
    "subtract": "TypeError int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 TypeError float32",
    "multiply": "bool int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 bool float32",
    "divide": "float32 float32 float32 float32 float32 float32 float32 float16 float32 float16 bfloat16 float32 float32 float32",
    "true_divide": "float32 float32 float32 float32 float32 float32 float32 float16 float32 float16 bfloat16 float32 float32 float32",
    "divide_no_nan": "float32 float32 float32 float32 float32 float32 float32 float16 float32 float16 bfloat16 float32 float32 float32",
    "floor_divide": "int32 int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 int32 float32",
    "mod": "int32 int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 int32 float32",
    "fmod": "int32 int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 int32 float32",
    "power": "int32 int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 int32 float32",
    "maximum": "bool int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 bool float32",
    "minimum": "bool int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 bool float32",
    "fmax": "bool int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 bool float32",
    "fmin": "bool int8 int8 int16 int32 int8 float32 float16 float32 float16 bfloat16 float32 bool float32",
    "heaviside": "float32 float32 float32 float32 float32 float32 float32 float16 float32 float16 bfloat16 float32 float32 float32",
    "hypot": "float32 float32 float32 float32 float32 float32 float32 float16 float32 float16 bfloat16 float32 float32 float32",
    "arctan2": "float32 float32 float32 float32 float32 float32 float32 float16 float32 float32 bfloat16 float32 float32 float32",
    "logaddexp": "float32 float32 float32 float32 float32 float32 float32 float16 float32 float32 bfloat16 float32 float32 float32",
    "logaddexp2": "float32 float32 float32 float32 float32 float32 float32 float16 float32 float32 bfloat16 float32 float32 float32",
    "ldexp": "TypeError float32 float32 float32 float32 float32 TypeError TypeError TypeError TypeError bfloat16 TypeError TypeError float32",
    "nextafter": "float32 float32 float32 float32 float32 float32 float32 float16 float32 float16 bfloat16 float32 float32 float32",
    "gcd": "ValueError int8 int8 int16 int32 int8 ValueError ValueError ValueError ValueError ValueError ValueError ValueError ValueError",
    "lcm": "ValueError int8 int8 int16 int32 int8 ValueError ValueError ValueError ValueError ValueError ValueError ValueError ValueError",
    "bitwise_and": "bool int8 int8 int16 int32 int8 TypeError TypeError TypeError TypeError TypeError TypeError bool TypeError",
    "bitwise_or": "bool int8 int8 int16 int32 int8 TypeError TypeError TypeError TypeError TypeError TypeError bool TypeError",
    "bitwise_xor": "bool int8 int8 int16 int32 int8 TypeError TypeError TypeError TypeError TypeError TypeError bool TypeError",
    "bitwise_left_shift": "int32 int8 int8 int16 int32 int8 TypeError TypeError TypeError TypeError TypeError TypeError int32 TypeError",
    "bitwise_right_shift": "int32 int8 int8 int16 int32 int8 TypeError TypeError TypeError TypeError TypeError TypeError int32 TypeError",
    "left_shift": "int32 int8 int8 int16 int32 int8 TypeError TypeError TypeError TypeError TypeError TypeError int32 TypeError",
    "right_shift": "int32 int8 int8 int16 int32 int8 TypeError TypeError TypeError TypeError TypeError TypeError int32 TypeError",
}
UNARY_INPUTS = ["bool", "int8", "uint8", "int32", "float16", "bfloat16", "float32", "w_int", "w_float"]
UNARY_DTYPES = {
    "trunc": "bool int8 uint8 int32 float16 bfloat16 float32 int32 float32",
    "sign": "TypeError int8 uint8 int32 float16 bfloat16 float32 int32 float32",
    "negative": "TypeError int8 uint8 int32 float16 bfloat16 float32 int32 float32",
    "reciprocal": "float32 float32 float32 float32 float16 bfloat16 float32 float32 float32",
    "square": "int32 int8 uint8 int32 float16 bfloat16 float32 int32 float32",
    "abs": "bool int8 uint8 int32 float16 bfloat16 float32 int32 float32",
    "absolute": "bool int8 uint8 int32 float16 bfloat16 float32 int32 float32",
    "fabs": "float32 float32 float32 float32 float16 bfloat16 float32 float32 float32",
    "ceil": "float32 float32 float32 float32 float16 bfloat16 float32 float32 float32",
    "floor": "float32 float32 float32 float32 float16 bfloat16 float32 float32 float32",
    "round": "ValueError int8 uint8 int32 float16 bfloat16 float32 int32 float32",
    "bitwise_not": "bool int8 uint8 int32 TypeError TypeError TypeError int32 TypeError",
    "bitwise_invert": "bool int8 uint8 int32 TypeError TypeError TypeError int32 TypeError",
}
CLIP_DTYPES = [  # (x, x_min, x_max) -> dtype
    (("bool", "w_int", "w_int"), "int32"),
    (("bool", "w_bool", "w_bool"), "int32"),
    (("int8", "w_int", "w_int"), "int8"),
    (("int8", "w_float", "w_float"), "float32"),
    (("uint8", "int8", "float16"), "float16"),
    (("bfloat16", "int8", "float16"), "float32"),
    (("float16", "w_float", "w_float"), "float16"),
    (("int16", "w_int", "w_int"), "int16"),
]


def _value(dtype: str) -> Any:
    """A small positive input of `dtype` (so every op is defined), or a Python scalar for `w_*`."""
    weak = {"w_int": 2, "w_float": 2.0, "w_bool": True}
    if dtype in weak:
        return weak[dtype]
    return np.array([1, 2, 3]).astype(ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)


def _symbolic(value: Any) -> Any:
    return (
        KerasTensor(value.shape, standardize_dtype(value.dtype)) if isinstance(value, np.ndarray) else value
    )


def _dtype_rows() -> list[tuple[str, tuple[str, ...], str]]:
    rows = [
        (op, combo, expected)
        for op, line in BINARY_DTYPES.items()
        for combo, expected in zip(BINARY_COMBOS, line.split(), strict=True)
    ]
    rows += [
        (op, (dtype,), expected)
        for op, line in UNARY_DTYPES.items()
        for dtype, expected in zip(UNARY_INPUTS, line.split(), strict=True)
    ]
    rows += [("clip", combo, expected) for combo, expected in CLIP_DTYPES]
    return rows


DTYPE_ROWS = _dtype_rows()


@pytest.mark.parametrize(
    ("name", "inputs", "expected"), DTYPE_ROWS, ids=[f"{r[0]}-{'-'.join(r[1])}" for r in DTYPE_ROWS]
)
def test_dtypes_match_keras(name: str, inputs: tuple[str, ...], expected: str) -> None:
    function = getattr(ops_module, name)
    args = tuple(_value(dtype) for dtype in inputs)
    if expected in ("TypeError", "ValueError"):
        error = TypeError if expected == "TypeError" else ValueError
        with pytest.raises(error, match=name.split("_")[0]):
            function(*args)
        with pytest.raises(error):
            function(*(_symbolic(a) for a in args))
        return
    result = function(*args)
    assert standardize_dtype(result.dtype) == expected
    assert standardize_dtype(function(*(_symbolic(a) for a in args)).dtype) == expected


# --- errors -------------------------------------------------------------------------------

ERRORS: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    ("add", (rand(3), rand(4)), {}, ValueError, r"Cannot broadcast shape \(3,\) with shape \(4,\)"),
    ("divide", (rand(2, 3), rand(2)), {}, ValueError, r"Cannot broadcast shape \(2, 3\) with shape \(2,\)"),
    (
        "bitwise_and",
        (I8, rand(2, dtype="int8")),
        {},
        ValueError,
        r"Cannot broadcast shape \(6,\) with shape \(2,\)",
    ),
    ("clip", (rand(3), rand(2), 1.0), {}, ValueError, r"Cannot broadcast shape \(3,\) with shape \(2,\)"),
    (
        "subtract",
        (B6, B6),
        {},
        TypeError,
        r"subtract: boolean tensors are not supported. Received: dtype=bool",
    ),
    ("negative", (B6,), {}, TypeError, r"negative: boolean tensors are not supported. Received: dtype=bool"),
    ("sign", (B6,), {}, TypeError, r"sign: boolean tensors are not supported"),
    ("round", (B6,), {}, ValueError, r"round: boolean tensors cannot be rounded. Received: dtype=bool"),
    ("round", (X23, 1.5), {}, TypeError, r"round: `decimals` must be an int. Received: decimals=1.5"),
    ("gcd", (X23, 2), {}, ValueError, r"gcd: expected integer tensors. Received: dtype=float32"),
    ("lcm", (B6, B6), {}, ValueError, r"lcm: expected integer tensors. Received: dtype=bool"),
    (
        "ldexp",
        (X23, Y3),
        {},
        TypeError,
        r"ldexp: `x2` must be an integer tensor. Received: x2 with dtype=float32",
    ),
    (
        "ldexp",
        (X23, B6[:3]),
        {},
        TypeError,
        r"ldexp: `x2` must be an integer tensor. Received: x2 with dtype=bool",
    ),
    (
        "bitwise_not",
        (X23,),
        {},
        TypeError,
        r"bitwise_not: expected integer or boolean tensors. Received: dtype=float32",
    ),
    (
        "bitwise_xor",
        (I8, 1.5),
        {},
        TypeError,
        r"bitwise_xor: expected integer or boolean tensors. Received: dtype=float32",
    ),
    (
        "left_shift",
        (I8, rand(6)),
        {},
        TypeError,
        r"bitwise_left_shift: expected integer tensors. Received: dtype=float32",
    ),
    (
        "right_shift",
        (F16, 1),
        {},
        TypeError,
        r"bitwise_right_shift: expected integer tensors. Received: dtype=float16",
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


def test_aliases_are_the_same_op() -> None:
    assert ops_module.abs is ops_module.absolute
    assert ops_module.true_divide is ops_module.divide
    assert ops_module.bitwise_invert is ops_module.bitwise_not
    assert ops_module.left_shift is ops_module.bitwise_left_shift
    assert ops_module.right_shift is ops_module.bitwise_right_shift


# --- gradients ----------------------------------------------------------------------------


def _grad(function: Callable[..., Any], *xs: np.ndarray) -> list[np.ndarray]:
    """Return the gradients of `sum(function(*xs))` with respect to each input, by autodiff."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        grads = jax.grad(lambda *v: jnp.sum(function(*v)), argnums=tuple(range(len(xs))))(
            *map(jnp.asarray, xs)
        )
        return [np.asarray(g) for g in grads]
    if name == "torch":
        import torch

        tensors = [torch.tensor(x, requires_grad=True) for x in xs]
        function(*tensors).sum().backward()
        return [
            np.asarray(t.grad.numpy()) if t.grad is not None else np.zeros_like(x)
            for t, x in zip(tensors, xs, strict=True)
        ]
    import tensorflow as tf

    variables = [tf.Variable(x) for x in xs]
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(*(tf.convert_to_tensor(v) for v in variables)))
    return [
        np.zeros_like(x) if g is None else np.asarray(g)
        for g, x in zip(tape.gradient(total, variables), xs, strict=True)
    ]


def _numeric_grad(
    reference: Callable[..., Any], xs: tuple[np.ndarray, ...], eps: float = 1e-6
) -> list[np.ndarray]:
    """Central finite differences of `sum(reference(*xs))` in float64."""
    xs64 = tuple(x.astype("float64") for x in xs)
    grads = []
    for position, x in enumerate(xs64):
        grad = np.zeros_like(x)
        for index in np.ndindex(x.shape):
            step = np.zeros_like(x)
            step[index] = eps
            plus = [*xs64[:position], x + step, *xs64[position + 1 :]]
            minus = [*xs64[:position], x - step, *xs64[position + 1 :]]
            grad[index] = (np.sum(reference(*plus)) - np.sum(reference(*minus))) / (2 * eps)
        grads.append(grad)
    return grads


A = rand(2, 3, low=0.5, high=2.0)
B = rand(3, low=-2.0, high=-0.5)
GRADIENT_ROWS: list[tuple[str, Callable[..., Any], Callable[..., Any], tuple[np.ndarray, ...]]] = [
    ("multiply", ops_module.multiply, np.multiply, (A, B)),
    ("divide", ops_module.divide, np.divide, (A, B)),
    ("power", ops_module.power, np.power, (A, B)),
    ("maximum", ops_module.maximum, np.maximum, (A, B + 2.0)),
    ("hypot", ops_module.hypot, np.hypot, (A, B)),
    ("arctan2", ops_module.arctan2, np.arctan2, (A, B)),
    ("logaddexp", ops_module.logaddexp, np.logaddexp, (A, B)),
    ("logaddexp2", ops_module.logaddexp2, np.logaddexp2, (A, B)),
    ("clip", lambda x: ops_module.clip(x, 0.8, 1.5), lambda x: np.clip(x, 0.8, 1.5), (A,)),
    ("square", ops_module.square, np.square, (B,)),
    ("abs", ops_module.abs, np.abs, (B,)),
    ("reciprocal", ops_module.reciprocal, np.reciprocal, (A,)),
    ("negative", ops_module.negative, np.negative, (A,)),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("function", "reference", "xs"), [r[1:] for r in GRADIENT_ROWS], ids=[r[0] for r in GRADIENT_ROWS]
)
def test_gradient(
    function: Callable[..., Any], reference: Callable[..., Any], xs: tuple[np.ndarray, ...]
) -> None:
    for got, expected in zip(_grad(function, *xs), _numeric_grad(reference, xs), strict=True):
        np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)
