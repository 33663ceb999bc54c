"""Tests of the unary math ops: values against numpy, dtypes against Keras 3, symbolic specs, errors."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any

import ml_dtypes
import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, standardize_dtype
from keras.backend._config import floatx, set_floatx
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.numpy import _math as ops_module

X = rand(2, 3, low=-2.0, high=2.0)
UNIT = rand(2, 3, low=-0.95, high=0.95)
POS = rand(2, 3, low=0.1, high=3.0)
GE1 = rand(2, 3, low=1.05, high=3.0)
SPECIAL = np.array([-np.inf, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, np.inf, np.nan], dtype="float32")
C64 = (rand(2, 3) + 1j * rand(2, 3)).astype("complex64")
I8 = np.array([-3, -1, 0, 1, 2, 3], dtype="int8")
U8 = np.array([1, 2, 3, 10, 50, 255], dtype="uint8")
B4 = np.array([True, False, False, True])


def quiet(function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a numpy reference so that NaN, infinities and domain errors do not warn."""

    def run(*args: Any, **kwargs: Any) -> Any:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore", RuntimeWarning)
            return function(*args, **kwargs)

    return run


def in_float64(function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a numpy reference to compute in float64 (to judge 16-bit and integer inputs)."""

    def run(x: Any) -> Any:
        return quiet(function)(np.asarray(x, "float64"))

    return run


# op name -> (numpy reference, float32 input inside the domain, integer input inside the domain)
FLOAT_OPS: dict[str, tuple[Callable[..., Any], np.ndarray, np.ndarray]] = {
    "sin": (np.sin, X, I8),
    "cos": (np.cos, X, I8),
    "tan": (np.tan, UNIT, I8),
    "arcsin": (np.arcsin, UNIT, I8[1:4]),
    "arccos": (np.arccos, UNIT, I8[1:4]),
    "arctan": (np.arctan, X, I8),
    "deg2rad": (np.deg2rad, X * 90, I8 * 30),
    "rad2deg": (np.rad2deg, X, I8),
    "sinc": (np.sinc, X, I8),
    "sinh": (np.sinh, X, I8),
    "cosh": (np.cosh, X, I8),
    "tanh": (np.tanh, X, I8),
    "arcsinh": (np.arcsinh, X, I8),
    "arccosh": (np.arccosh, GE1, U8),
    "arctanh": (np.arctanh, UNIT, I8[2:3]),
    "exp": (np.exp, X, I8),
    "exp2": (np.exp2, X, I8),
    "expm1": (np.expm1, X, I8),
    "log": (np.log, POS, U8),
    "log10": (np.log10, POS, U8),
    "log1p": (np.log1p, POS, U8),
    "log2": (np.log2, POS, U8),
    "sqrt": (np.sqrt, POS, U8),
    "cbrt": (np.cbrt, X * 10, I8),
    "i0": (np.i0, X, I8),
    "angle": (np.angle, X, I8),
}


def _float_cases() -> list[Case]:
    cases = []
    for name, (reference, x, ints) in FLOAT_OPS.items():
        wide = in_float64(reference)
        cases += [
            Case(name, quiet(reference), (x,), rtol=1e-5, atol=1e-6, id="float32"),
            Case(name, wide, (ints,), dtype="float32", rtol=1e-5, atol=1e-6, id=str(ints.dtype)),
            Case(name, wide, (x.astype("float16"),), dtype="float16", rtol=3e-3, atol=1e-3, id="float16"),
            Case(
                name,
                wide,
                (x.astype(ml_dtypes.bfloat16),),
                dtype="bfloat16",
                rtol=2e-2,
                atol=1e-2,
                id="bfloat16",
            ),
            Case(name, wide, (B4,), dtype="float32", rtol=1e-5, atol=1e-6, id="bool"),
            Case(name, quiet(reference), (SPECIAL,), rtol=1e-5, atol=1e-6, id="special"),
        ]
    return cases


SAME_OPS: dict[str, Callable[..., Any]] = {
    "conjugate": np.conjugate,
    "conj": np.conjugate,
    "real": np.real,
    "imag": np.imag,
    "copy": np.copy,
    "nan_to_num": np.nan_to_num,
}


def _same_cases() -> list[Case]:
    cases = []
    for name, reference in SAME_OPS.items():
        cases += [
            Case(name, reference, (X,), id="float32"),
            Case(name, reference, (I8,), dtype="int8", id="int8"),
            Case(name, reference, (U8,), dtype="uint8", id="uint8"),
            Case(name, reference, (B4,), dtype="bool", id="bool"),
            Case(name, reference, (X.astype("float16"),), dtype="float16", id="float16"),
            Case(name, reference, (X.astype(ml_dtypes.bfloat16),), dtype="bfloat16", id="bfloat16"),
            Case(name, reference, (I8.astype("int64"),), dtype="int32", id="int64-narrows"),
            Case(name, reference, (C64,), rtol=1e-6, id="complex64"),
        ]
    return cases


CASES = [
    *_float_cases(),
    *_same_cases(),
    # complex inputs
    Case("sin", np.sin, (C64,), rtol=1e-5, atol=1e-6, id="complex64"),
    Case("cos", np.cos, (C64,), rtol=1e-5, atol=1e-6, id="complex64"),
    Case("tanh", np.tanh, (C64,), rtol=1e-5, atol=1e-6, id="complex64"),
    Case("exp", np.exp, (C64,), rtol=1e-5, atol=1e-6, id="complex64"),
    Case("log", np.log, (C64,), rtol=1e-5, atol=1e-6, id="complex64"),
    Case("sqrt", np.sqrt, (C64,), rtol=1e-5, atol=1e-6, id="complex64"),
    Case("angle", np.angle, (C64,), rtol=1e-5, atol=1e-6, id="complex64"),
    Case("deg2rad", lambda x: x * (np.pi / 180), (C64,), rtol=1e-6, id="complex64"),
    Case("rad2deg", lambda x: x * (180 / np.pi), (C64,), rtol=1e-6, id="complex64"),
    Case("i0", lambda x: np.i0(np.real(x)).astype("float32"), (C64,), rtol=1e-5, id="complex64-real-part"),
    # weak Python scalars and lists
    Case("sin", np.sin, (1.0,), dtype="float32", rtol=1e-6, id="python-float", symbolic=False),
    Case("sqrt", np.sqrt, (4,), dtype="float32", id="python-int", symbolic=False),
    Case("exp", in_float64(np.exp), (True,), dtype="float32", rtol=1e-6, id="python-bool", symbolic=False),
    Case("log", np.log, ([1, 2, 4],), dtype="float32", rtol=1e-6, id="list", symbolic=False),
    Case("real", np.real, (3,), dtype="int32", id="python-int", symbolic=False),
    Case("imag", np.imag, (2.5,), dtype="float32", id="python-float", symbolic=False),
    Case("copy", np.copy, (True,), dtype="bool", id="python-bool", symbolic=False),
    Case("conjugate", np.conjugate, ([1, 2],), dtype="int32", id="list", symbolic=False),
    # nan_to_num arguments
    Case("nan_to_num", np.nan_to_num, (SPECIAL,), id="defaults"),
    Case(
        "nan_to_num",
        np.nan_to_num,
        (SPECIAL,),
        {"nan": 1.5, "posinf": 100.0, "neginf": -100.0},
        id="replacements",
    ),
    Case("nan_to_num", np.nan_to_num, (SPECIAL.astype("float16"),), {"nan": 7}, id="float16-int-fill"),
    Case(
        "nan_to_num",
        lambda x, **kwargs: np.nan_to_num(x.astype("float32"), **kwargs),
        (SPECIAL.astype(ml_dtypes.bfloat16),),
        {"posinf": 3.0, "neginf": -3.0},
        dtype="bfloat16",
        id="bfloat16",
    ),
    Case(
        "nan_to_num",
        np.nan_to_num,
        (np.array([complex(np.nan, np.inf), complex(-np.inf, 2.0)], dtype="complex64"),),
        {"nan": 1.0, "posinf": 5.0, "neginf": -5.0},
        id="complex-parts",
    ),
    # shapes
    Case("exp", np.exp, (np.array(0.5, "float32"),), id="0d"),
    Case("log", np.log, (np.zeros((0, 3), "float32") + 1,), id="empty"),
    Case("copy", np.copy, (rand(2, 1, 3),), id="3d"),
]


# numpy warns on NaN and out-of-domain inputs; every backend warns when `i0` drops imaginary parts.
quiet_inputs = pytest.mark.filterwarnings(
    "ignore:invalid value encountered:RuntimeWarning",
    "ignore:divide by zero encountered:RuntimeWarning",
    "ignore:overflow encountered:RuntimeWarning",
    "ignore:Casting complex values to real",
)


@quiet_inputs
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(ops_module, case)


SYMBOLIC_CASES = [case for case in CASES if case.symbolic]


@quiet_inputs
@pytest.mark.parametrize("case", SYMBOLIC_CASES, ids=case_id)
def test_symbolic(case: Case) -> None:
    check_symbolic(ops_module, case)


@pytest.mark.parametrize("name", ops_module.__all__)
def test_symbolic_unknown_dimensions(name: str) -> None:
    result = getattr(ops_module, name)(KerasTensor((None, 3, None), "int8"))
    assert result.shape == (None, 3, None)
    assert result.dtype == ("int8" if name in SAME_OPS else "float32")


# --- dtypes against Keras 3 (its jax backend, floatx float32) -----------------------------

DTYPE_INPUTS = [
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "bool",
    "float16",
    "bfloat16",
    "float32",
    "float64",
    "complex64",
]
_SHORT = {
    "i8": "int8",
    "i16": "int16",
    "i32": "int32",
    "u8": "uint8",
    "u16": "uint16",
    "u32": "uint32",
    "f16": "float16",
    "bf16": "bfloat16",
    "f32": "float32",
    "c64": "complex64",
}
# One column per DTYPE_INPUTS entry, from Keras 3.15.1 (jax backend).
DTYPES = {
    "sin": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "cos": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "tan": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "arcsin": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "arccos": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "arctan": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "sinh": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "cosh": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "tanh": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "arcsinh": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "arccosh": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "arctanh": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "exp": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "exp2": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "expm1": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "log": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "log10": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "log1p": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "log2": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "sqrt": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "cbrt": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 TypeError",
    "deg2rad": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "rad2deg": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "sinc": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 c64",
    "i0": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 f32",
    "angle": "f32 f32 f32 f32 f32 f32 f32 f32 f16 bf16 f32 f32 f32",
    "conj": "i8 i16 i32 i32 u8 u16 u32 bool f16 bf16 f32 f32 c64",
    "conjugate": "i8 i16 i32 i32 u8 u16 u32 bool f16 bf16 f32 f32 c64",
    "real": "i8 i16 i32 i32 u8 u16 u32 bool f16 bf16 f32 f32 f32",
    "imag": "i8 i16 i32 i32 u8 u16 u32 bool f16 bf16 f32 f32 f32",
    "nan_to_num": "i8 i16 i32 i32 u8 u16 u32 bool f16 bf16 f32 f32 c64",
    "copy": "i8 i16 i32 i32 u8 u16 u32 bool f16 bf16 f32 f32 c64",
}
# Python int, float and bool inputs.
SCALAR_DTYPES = {
    name: ("int32", "float32", "bool") if name in SAME_OPS else ("float32",) * 3 for name in DTYPES
}

DTYPE_ROWS = [
    (name, dtype, _SHORT.get(expected, expected))
    for name, line in DTYPES.items()
    for dtype, expected in zip(DTYPE_INPUTS, line.split(), strict=True)
]


def _value(dtype: str) -> np.ndarray:
    return np.array([1, 0, 1], dtype=ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)


@pytest.mark.parametrize(
    ("name", "dtype", "expected"), DTYPE_ROWS, ids=[f"{r[0]}-{r[1]}" for r in DTYPE_ROWS]
)
def test_dtypes_match_keras(name: str, dtype: str, expected: str) -> None:
    function = getattr(ops_module, name)
    if expected == "TypeError":
        with pytest.raises(TypeError, match=f"{name}: complex tensors are not supported"):
            function(_value(dtype))
        with pytest.raises(TypeError, match=f"{name}: complex tensors are not supported"):
            function(KerasTensor((3,), dtype))
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # casting complex to float drops the imaginary part
        assert standardize_dtype(function(_value(dtype)).dtype) == expected
    assert function(KerasTensor((3,), dtype)).dtype == expected


@quiet_inputs
@pytest.mark.parametrize("name", sorted(SCALAR_DTYPES))
def test_python_scalar_dtypes_match_keras(name: str) -> None:
    function = getattr(ops_module, name)
    got = tuple(standardize_dtype(function(value).dtype) for value in (1, 1.0, True))
    assert got == SCALAR_DTYPES[name]


@pytest.fixture
def float16_floatx() -> Iterator[None]:
    previous = floatx()
    set_floatx("float16")
    try:
        yield
    finally:
        set_floatx(previous)


# Under floatx float16, Keras 3 (jax) sends integers to floatx for `sin`-like ops, but leaves
# `log`, `sqrt`, `cbrt`, `deg2rad` and `rad2deg` to jax, whose default float is float32; `i0`
# turns everything but float16 and bfloat16 into floatx, float32 included.
FLOAT16_ROWS = [
    ("sin", "int8", "float16"),
    ("exp", "int32", "float16"),
    ("sinc", "bool", "float16"),
    ("angle", "int8", "float16"),
    ("arctanh", "float32", "float32"),
    ("log", "int8", "float32"),
    ("sqrt", "int32", "float32"),
    ("cbrt", "uint8", "float32"),
    ("deg2rad", "int8", "float32"),
    ("log2", "float16", "float16"),
    ("i0", "int8", "float16"),
    ("i0", "float32", "float16"),
    ("i0", "bfloat16", "bfloat16"),
    ("copy", "int8", "int8"),
]


@quiet_inputs
@pytest.mark.usefixtures("float16_floatx")
@pytest.mark.parametrize(
    ("name", "dtype", "expected"), FLOAT16_ROWS, ids=[f"{r[0]}-{r[1]}" for r in FLOAT16_ROWS]
)
def test_dtypes_under_float16_floatx(name: str, dtype: str, expected: str) -> None:
    function = getattr(ops_module, name)
    result = function(_value(dtype))
    assert standardize_dtype(result.dtype) == expected
    assert function(KerasTensor((3,), dtype)).dtype == expected
    reference = FLOAT_OPS[name][0] if name in FLOAT_OPS else np.copy
    np.testing.assert_allclose(
        to_numpy(result).astype("float64"),
        quiet(reference)(_value(dtype).astype("float64")),
        rtol=2e-3,
        atol=1e-3,
    )


# --- behaviour ----------------------------------------------------------------------------


def test_aliases_are_the_same_op() -> None:
    assert ops_module.conj is ops_module.conjugate


def test_copy_is_a_new_tensor() -> None:
    native = convert(np.array([1.0, 2.0, 3.0], dtype="float32"))
    result = ops_module.copy(native)
    assert result is not native
    np.testing.assert_array_equal(to_numpy(result), [1.0, 2.0, 3.0])
    if backend() == "numpy":
        result[0] = 9.0
        np.testing.assert_array_equal(native, [1.0, 2.0, 3.0])


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32"])
def test_nan_to_num_default_limits_are_the_dtype_limits(dtype: str) -> None:
    x = np.array([np.inf, -np.inf, np.nan], dtype=ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype)
    result = ops_module.nan_to_num(x)
    assert standardize_dtype(result.dtype) == dtype
    info = ml_dtypes.finfo(x.dtype)  # type: ignore[no-untyped-call]
    np.testing.assert_array_equal(to_numpy(result).astype("float64"), [info.max, info.min, 0.0])


# --- errors -------------------------------------------------------------------------------

ERRORS: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    ("cbrt", (C64,), {}, TypeError, r"cbrt: complex tensors are not supported. Received: dtype=complex64"),
    (
        "nan_to_num",
        (X,),
        {"nan": "zero"},
        TypeError,
        r"nan_to_num: `nan` must be a real number. Received: nan='zero'",
    ),
    (
        "nan_to_num",
        (X,),
        {"nan": None},
        TypeError,
        r"nan_to_num: `nan` must be a real number. Received: nan=None",
    ),
    (
        "nan_to_num",
        (X,),
        {"posinf": [1.0]},
        TypeError,
        r"nan_to_num: `posinf` must be a real number or None. Received: posinf=\[1.0\]",
    ),
    (
        "nan_to_num",
        (X,),
        {"neginf": 1j},
        TypeError,
        r"nan_to_num: `neginf` must be a real number or None. Received: neginf=1j",
    ),
]


def _symbolic(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return KerasTensor(value.shape, standardize_dtype(value.dtype))
    return value


@pytest.mark.parametrize(
    ("op_name", "args", "kwargs", "error", "match"), ERRORS, ids=[f"{e[0]}-{e[4][:40]}" for e in ERRORS]
)
def test_errors(
    op_name: str, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*args, **kwargs)
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*(_symbolic(a) for a in args), **kwargs)


# --- gradients ----------------------------------------------------------------------------


def _grad(function: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    """Return the gradient of `sum(function(x))` with respect to `x`, by autodiff."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(jax.grad(lambda v: jnp.sum(function(v)))(jnp.asarray(x)))
    if name == "torch":
        import torch

        tensor = torch.tensor(x, requires_grad=True)
        function(tensor).sum().backward()
        assert tensor.grad is not None
        return np.asarray(tensor.grad.numpy())
    import tensorflow as tf

    variable = tf.Variable(x)
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(tf.convert_to_tensor(variable)))
    return np.asarray(tape.gradient(total, variable))


def _numeric_grad(reference: Callable[[Any], Any], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Central finite differences of `sum(reference(x))` in float64."""
    x64 = x.astype("float64")
    grad = np.zeros_like(x64)
    for index in np.ndindex(x64.shape):
        step = np.zeros_like(x64)
        step[index] = eps
        grad[index] = (np.sum(reference(x64 + step)) - np.sum(reference(x64 - step))) / (2 * eps)
    return grad


GRADIENT_OPS = [
    "sin",
    "cos",
    "tan",
    "arcsin",
    "arctan",
    "sinh",
    "tanh",
    "arcsinh",
    "arccosh",
    "arctanh",
    "exp",
    "exp2",
    "expm1",
    "log",
    "log10",
    "log1p",
    "log2",
    "sqrt",
    "cbrt",
    "deg2rad",
    "sinc",
    "i0",
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize("name", GRADIENT_OPS)
def test_gradient(name: str) -> None:
    reference, x, _ = FLOAT_OPS[name]
    got = _grad(getattr(ops_module, name), x)
    np.testing.assert_allclose(got, _numeric_grad(reference, x), rtol=1e-4, atol=1e-4)


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
def test_gradient_of_nan_to_num_passes_finite_values() -> None:
    x = np.array([0.5, np.nan, -2.0, np.inf], dtype="float32")
    np.testing.assert_array_equal(_grad(ops_module.nan_to_num, x), [1.0, 0.0, 1.0, 0.0])
