"""Tests of the activation ops: values against numpy closed forms, dtypes against Keras 3
(JAX backend), symbolic specs, errors and gradients."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from op_testing import Case, backend_gradient, case_id, check_symbolic, check_values, numeric_gradient, rand

from keras.backend import backend, standardize_dtype
from keras.ops._convert import convert
from keras.ops.nn import _activations as ops_module
from keras.ops.numpy._elementwise import multiply

X = rand(3, 4, low=-4.0, high=4.0)
X3 = rand(2, 3, 4, low=-3.0, high=3.0)
EDGES = np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0], dtype="float32")
LARGE = np.array([-100.0, -30.0, 0.0, 30.0, 100.0], dtype="float32")
I8 = np.array([-3, -1, 0, 2, 7], dtype="int8")

SELU_ALPHA = 1.6732632423543772
SELU_SCALE = 1.0507009873554805


def _f64(x: Any) -> np.ndarray:
    return np.asarray(x, dtype="float64")


def np_sigmoid(x: Any) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-_f64(x)))


def np_softplus(x: Any) -> np.ndarray:
    return np.logaddexp(_f64(x), 0.0)


def np_elu(x: Any, alpha: float = 1.0) -> np.ndarray:
    x = _f64(x)
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0)))


def np_gelu(x: Any, approximate: bool = True) -> np.ndarray:
    x = _f64(x)
    if approximate:
        return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
    return 0.5 * x * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))


def np_softmax(x: Any, axis: Any = -1) -> np.ndarray:
    x = _f64(x)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def np_log_softmax(x: Any, axis: Any = -1) -> np.ndarray:
    return np.log(np_softmax(x, axis))


def np_sparsemax(x: Any, axis: int = -1) -> np.ndarray:
    """Sparsemax by its definition: the Euclidean projection onto the simplex, one row at a time."""
    moved = np.moveaxis(_f64(x), axis, -1)
    out = np.empty_like(moved)
    for index in np.ndindex(moved.shape[:-1]):
        z = moved[index]
        ordered = np.sort(z)[::-1]
        k = np.arange(1, z.size + 1)
        support = k[1 + k * ordered > np.cumsum(ordered)].max()
        tau = (ordered[:support].sum() - 1) / support
        out[index] = np.maximum(z - tau, 0)
    return np.moveaxis(out, -1, axis)


def np_glu(x: Any, axis: int = -1) -> np.ndarray:
    a, b = np.split(_f64(x), 2, axis=axis)
    return a * np_sigmoid(b)


def np_hard_sigmoid(x: Any) -> np.ndarray:
    return np.clip(_f64(x) / 6 + 0.5, 0, 1)


REFERENCES: dict[str, Callable[..., Any]] = {
    "relu": lambda x: np.maximum(x, 0),
    "relu6": lambda x: np.clip(_f64(x), 0, 6),
    "sigmoid": np_sigmoid,
    "sparse_sigmoid": lambda x: np.clip((_f64(x) + 1) / 2, 0, 1),
    "softplus": np_softplus,
    "softsign": lambda x: _f64(x) / (1 + np.abs(_f64(x))),
    "soft_shrink": lambda x, threshold=0.5: np.sign(x) * np.maximum(np.abs(_f64(x)) - threshold, 0),
    "sparse_plus": lambda x: np.where(_f64(x) <= -1, 0, np.where(_f64(x) >= 1, x, (_f64(x) + 1) ** 2 / 4)),
    "silu": lambda x: _f64(x) * np_sigmoid(x),
    "swish": lambda x: _f64(x) * np_sigmoid(x),
    "log_sigmoid": lambda x: -np_softplus(-_f64(x)),
    "leaky_relu": lambda x, negative_slope=0.2: np.where(_f64(x) >= 0, x, negative_slope * _f64(x)),
    "hard_sigmoid": np_hard_sigmoid,
    "hard_silu": lambda x: _f64(x) * np_hard_sigmoid(x),
    "hard_swish": lambda x: _f64(x) * np_hard_sigmoid(x),
    "hard_tanh": lambda x: np.clip(x, -1, 1),
    "hard_shrink": lambda x, threshold=0.5: np.where(np.abs(_f64(x)) > threshold, x, 0),
    "tanh_shrink": lambda x: _f64(x) - np.tanh(_f64(x)),
    "threshold": lambda x, threshold, default_value: np.where(_f64(x) > threshold, x, default_value),
    "elu": np_elu,
    "selu": lambda x: SELU_SCALE * np_elu(x, SELU_ALPHA),
    "celu": lambda x, alpha=1.0: np.maximum(_f64(x), 0) + alpha * np.expm1(np.minimum(_f64(x), 0) / alpha),
    "gelu": np_gelu,
    "glu": np_glu,
    "squareplus": lambda x, b=4: (_f64(x) + np.sqrt(_f64(x) ** 2 + b)) / 2,
    "sparsemax": np_sparsemax,
    "softmax": np_softmax,
    "log_softmax": np_log_softmax,
}

FLOAT_OPS = [name for name in REFERENCES if name not in ("relu", "hard_tanh", "threshold", "glu")]


def _case(name: str, *args: Any, dtype: str | None = "float32", id: str = "", **kwargs: Any) -> Case:
    return Case(name, REFERENCES[name], args, kwargs, dtype=dtype, rtol=1e-5, atol=1e-6, id=id)


CASES = [
    *(_case(name, X, id="f32") for name in REFERENCES if name not in ("threshold", "glu")),
    *(_case(name, EDGES, id="edges") for name in REFERENCES if name not in ("threshold", "glu")),
    _case("relu", I8, dtype="int8", id="int8"),
    _case("hard_tanh", I8, dtype="int8", id="int8"),
    _case("relu6", I8, id="int8-to-float"),
    _case("sigmoid", LARGE, id="large"),
    _case("softplus", LARGE, id="large"),
    _case("log_sigmoid", LARGE, id="large"),
    _case("silu", LARGE, id="large"),
    _case("softmax", LARGE, id="large"),
    _case("log_softmax", LARGE, id="large"),
    _case("elu", LARGE, id="large"),
    _case("soft_shrink", X, id="threshold", threshold=1.5),
    _case("hard_shrink", X, id="threshold", threshold=1.5),
    _case("leaky_relu", X, id="slope", negative_slope=0.01),
    _case("leaky_relu", I8, dtype="int8", id="int8-int-slope", negative_slope=2),
    _case("threshold", X, 0.5, -1.0),
    _case("threshold", I8, 1, 0, dtype="int8", id="int8"),
    _case("threshold", I8, 1.5, 0.5, id="int8-float-scalars"),
    _case("elu", X, id="alpha", alpha=0.5),
    _case("celu", X, id="alpha", alpha=2.0),
    _case("gelu", X, id="exact", approximate=False),
    _case("gelu", EDGES, id="exact-edges", approximate=False),
    _case("squareplus", X, id="b0", b=0),
    _case("glu", X),
    _case("glu", X3, id="axis1", axis=0),
    _case("sparsemax", X3, id="axis1", axis=1),
    _case("softmax", X3, id="axis0", axis=0),
    _case("softmax", X3, id="tuple-axes", axis=(1, 2)),
    _case("softmax", X3, id="all-axes", axis=None),
    _case("log_softmax", X3, id="tuple-axes", axis=(0, 2)),
    _case("log_softmax", X3, id="axis1", axis=1),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_numpy(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


def test_every_public_op_is_tested() -> None:
    assert set(ops_module.__all__) == set(REFERENCES)


# --- dtypes: expected values recorded from Keras 3.15.1 on its JAX backend ---------------------
# Where Keras's JAX backend raises (sigmoid, silu, swish and glu of integers; log_sigmoid,
# softmax and log_softmax of bool), we return floatx() as every other float activation does.

FLOAT_DTYPES = {
    "int8": "float32",
    "int32": "float32",
    "uint8": "float32",
    "bool": "float32",
    "float16": "float16",
    "bfloat16": "bfloat16",
    "float32": "float32",
    "float64": "float32",
}
INTEGER_KEEPING_DTYPES = {
    "int8": "int8",
    "int32": "int32",
    "int64": "int32",
    "uint8": "uint8",
    "bool": "int32",
    "float16": "float16",
    "bfloat16": "bfloat16",
    "float64": "float32",
}

DTYPE_ROWS = [
    *((name, dtype, expected) for name in FLOAT_OPS for dtype, expected in FLOAT_DTYPES.items()),
    *(
        (name, dtype, expected)
        for name in ("relu", "hard_tanh")
        for dtype, expected in INTEGER_KEEPING_DTYPES.items()
    ),
]


def _input(dtype: str, shape: tuple[int, ...] = (2, 4)) -> Any:
    values = np.arange(int(np.prod(shape))).reshape(shape) % 3 - 1
    return convert(values.astype("float32"), dtype) if dtype == "bfloat16" else values.astype(dtype)


@pytest.mark.parametrize(
    ("name", "dtype", "expected"), DTYPE_ROWS, ids=[f"{n}-{d}" for n, d, _ in DTYPE_ROWS]
)
def test_output_dtype(name: str, dtype: str, expected: str) -> None:
    result = getattr(ops_module, name)(_input(dtype))
    assert standardize_dtype(result.dtype) == expected


SCALAR_DTYPE_ROWS: list[tuple[str, Callable[[], Any], str]] = [
    ("relu-python-int", lambda: ops_module.relu(3), "int32"),
    ("relu-float-list", lambda: ops_module.relu([1.0, -2.0]), "float32"),
    ("gelu-python-float", lambda: ops_module.gelu(1.0), "float32"),
    ("glu-int8", lambda: ops_module.glu(_input("int8")), "float32"),
    ("glu-float16", lambda: ops_module.glu(_input("float16")), "float16"),
    ("leaky-int8-default-slope", lambda: ops_module.leaky_relu(_input("int8")), "float32"),
    ("leaky-bool-int-slope", lambda: ops_module.leaky_relu(_input("bool"), 1), "int32"),
    ("leaky-float16", lambda: ops_module.leaky_relu(_input("float16"), 1), "float16"),
    ("threshold-bool", lambda: ops_module.threshold(_input("bool"), 0, 0), "int32"),
    ("threshold-float16", lambda: ops_module.threshold(_input("float16"), 1.5, 0.5), "float16"),
    ("soft-shrink-int8-int-threshold", lambda: ops_module.soft_shrink(_input("int8"), 1), "float32"),
    ("hard-shrink-int8-int-threshold", lambda: ops_module.hard_shrink(_input("int8"), 1), "float32"),
    ("squareplus-int8", lambda: ops_module.squareplus(_input("int8"), 4), "float32"),
]


@pytest.mark.parametrize(
    ("function", "expected"), [r[1:] for r in SCALAR_DTYPE_ROWS], ids=[r[0] for r in SCALAR_DTYPE_ROWS]
)
def test_output_dtype_with_scalars(function: Callable[[], Any], expected: str) -> None:
    assert standardize_dtype(function().dtype) == expected


@pytest.mark.parametrize("name", ["sigmoid", "softplus", "gelu", "softmax", "log_softmax", "silu", "elu"])
def test_half_precision_values(name: str) -> None:
    """16-bit inputs compute in their own dtype, within its precision."""
    x = X.astype("float16")
    got = getattr(ops_module, name)(x)
    np.testing.assert_allclose(
        convert(got, "float32"), REFERENCES[name](x.astype("float32")), rtol=1e-2, atol=1e-2
    )


def test_softmax_sums_to_one_over_tuple_axes() -> None:
    got = np.asarray(convert(ops_module.softmax(X3, axis=(0, 2)), "float32"))
    np.testing.assert_allclose(got.sum(axis=(0, 2)), np.ones(3), rtol=1e-6)


def test_sparsemax_is_sparse_and_sums_to_one() -> None:
    got = np.asarray(
        convert(ops_module.sparsemax(np.array([[0.0, 1.0, 3.0], [1.0, 1.0, 1.0]], "float32")), "float32")
    )
    np.testing.assert_allclose(got, [[0.0, 0.0, 1.0], [1 / 3, 1 / 3, 1 / 3]], rtol=1e-6)


def test_unsigned_hard_tanh_clips_only_above() -> None:
    got = ops_module.hard_tanh(np.array([0, 1, 200], dtype="uint8"))
    np.testing.assert_array_equal(np.asarray(convert(got, "int32")), [0, 1, 1])


# --- errors ------------------------------------------------------------------------------------

ERROR_ROWS: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "glu-odd",
        lambda: ops_module.glu(np.ones((2, 3), "float32")),
        ValueError,
        r"glu: the size of axis -1 must be even",
    ),
    (
        "glu-axis",
        lambda: ops_module.glu(np.ones((2, 4), "float32"), axis=2),
        ValueError,
        r"glu: axis 2 is out of bounds",
    ),
    ("softmax-axis", lambda: ops_module.softmax(X, axis=2), ValueError, r"softmax: axis 2 is out of bounds"),
    ("softmax-repeated", lambda: ops_module.softmax(X, axis=(1, -1)), ValueError, r"softmax: repeated axis"),
    ("log-softmax-axis", lambda: ops_module.log_softmax(X, axis=-3), ValueError, r"log_softmax: axis -3"),
    ("sparsemax-axis", lambda: ops_module.sparsemax(X, axis=5), ValueError, r"sparsemax: axis 5"),
    ("celu-alpha-zero", lambda: ops_module.celu(X, alpha=0.0), ValueError, r"celu: `alpha` must be non-zero"),
    (
        "elu-alpha-tensor",
        lambda: ops_module.elu(X, alpha="a"),
        TypeError,
        r"elu: `alpha` must be a Python number",
    ),
    (
        "squareplus-negative-b",
        lambda: ops_module.squareplus(X, b=-1),
        ValueError,
        r"squareplus: `b` must be non-negative",
    ),
]


@pytest.mark.parametrize(
    ("function", "error", "match"), [r[1:] for r in ERROR_ROWS], ids=[r[0] for r in ERROR_ROWS]
)
def test_errors(function: Callable[[], Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        function()


def test_symbolic_errors() -> None:
    from keras.ops._keras_tensor import KerasTensor

    with pytest.raises(ValueError, match=r"glu: the size of axis -1 must be even"):
        ops_module.glu(KerasTensor((None, 5), "float32"))
    assert ops_module.glu(KerasTensor((None, None), "float32")).shape == (None, None)


# --- gradients against central finite differences --------------------------------------------


# Weights make the sums informative for the normalized ops (a plain sum of a softmax is 1).
W = rand(2, 3, 4, low=-1.0, high=1.0).astype("float64")
X64 = X3.astype("float64") + 0.05  # away from the kinks at 0
GRADIENT_ROWS: list[tuple[str, Callable[..., Any], Callable[..., Any]]] = [
    ("softmax", lambda x: multiply(ops_module.softmax(x), W), lambda x: np_softmax(x) * W),
    (
        "softmax-tuple-axes",
        lambda x: multiply(ops_module.softmax(x, axis=(0, 2)), W),
        lambda x: np_softmax(x, (0, 2)) * W,
    ),
    (
        "log_softmax",
        lambda x: multiply(ops_module.log_softmax(x, axis=1), W),
        lambda x: np_log_softmax(x, 1) * W,
    ),
    ("gelu-approximate", ops_module.gelu, np_gelu),
    ("gelu-exact", lambda x: ops_module.gelu(x, approximate=False), lambda x: np_gelu(x, False)),
    ("sigmoid", ops_module.sigmoid, np_sigmoid),
    ("softplus", ops_module.softplus, np_softplus),
    ("log_sigmoid", ops_module.log_sigmoid, REFERENCES["log_sigmoid"]),
    ("silu", ops_module.silu, REFERENCES["silu"]),
    ("elu", ops_module.elu, np_elu),
    ("selu", ops_module.selu, REFERENCES["selu"]),
    ("celu", lambda x: ops_module.celu(x, 2.0), lambda x: REFERENCES["celu"](x, 2.0)),
    ("relu", ops_module.relu, REFERENCES["relu"]),
    ("leaky_relu", ops_module.leaky_relu, REFERENCES["leaky_relu"]),
    ("softsign", ops_module.softsign, REFERENCES["softsign"]),
    ("squareplus", ops_module.squareplus, REFERENCES["squareplus"]),
    ("tanh_shrink", ops_module.tanh_shrink, REFERENCES["tanh_shrink"]),
    ("glu", lambda x: multiply(ops_module.glu(x), W[..., :2]), lambda x: np_glu(x) * W[..., :2]),
    ("sparsemax", lambda x: multiply(ops_module.sparsemax(x), W), lambda x: np_sparsemax(x) * W),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("function", "reference"), [r[1:] for r in GRADIENT_ROWS], ids=[r[0] for r in GRADIENT_ROWS]
)
def test_gradient(function: Callable[..., Any], reference: Callable[..., Any]) -> None:
    (got,) = backend_gradient(function, X64)
    (expected,) = numeric_gradient(reference, (X64,))
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
def test_gradients_stay_finite_for_large_inputs() -> None:
    for function in (
        ops_module.sigmoid,
        ops_module.softplus,
        ops_module.log_sigmoid,
        ops_module.elu,
        ops_module.softmax,
    ):
        (got,) = backend_gradient(function, LARGE.astype("float64") * 10)
        assert np.isfinite(got).all(), function.__name__
