"""Every activation against a numpy closed form, eagerly and symbolically, with Keras 3's dtypes.

Expected dtypes are Keras 3.15 on its JAX backend (the promotion table this suite uses on
every backend): float inputs keep float32; integer inputs give float32, except where the
op keeps integers (`relu` without a slope, `hard_tanh`, `linear`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from keras import activations, ops
from keras.backend import standardize_dtype
from keras.ops._keras_tensor import KerasTensor

X_FLOAT = np.array([[-4.0, -2.5, -1.0, -0.3, 0.0], [0.2, 0.5, 1.0, 2.5, 4.0]], dtype="float32")
X_INT = np.array([[-4, -2, -1, 0, 0], [0, 1, 2, 3, 4]], dtype="int32")
Array = np.ndarray[Any, Any]

SELU_ALPHA = 1.6732632423543772
SELU_SCALE = 1.0507009873554805


def _sigmoid(x: Array) -> Array:
    return np.asarray(1.0 / (1.0 + np.exp(-x)))


def _softplus(x: Array) -> Array:
    return np.asarray(np.logaddexp(0.0, x))


def _softmax(x: Array, axis: int = -1) -> Array:
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return np.asarray(e / e.sum(axis=axis, keepdims=True))


def _elu(x: Array, alpha: float = 1.0) -> Array:
    return np.where(x > 0, x, alpha * np.expm1(x))


def _erf(x: Array) -> Array:
    return np.asarray(np.vectorize(math.erf)(x), dtype="float64")


def _sparsemax(x: Array, axis: int = -1) -> Array:
    z = np.moveaxis(x.astype("float64"), axis, -1)
    z_sorted = -np.sort(-z, axis=-1)
    k = np.arange(1, z.shape[-1] + 1)
    cumsum = np.cumsum(z_sorted, axis=-1)
    support = 1 + k * z_sorted > cumsum
    k_z = support.sum(axis=-1, keepdims=True)
    tau = (np.take_along_axis(cumsum, k_z - 1, axis=-1) - 1) / k_z
    return np.moveaxis(np.maximum(z - tau, 0), -1, axis)


def _relu_general(
    x: Array, negative_slope: float = 0.0, max_value: float | None = None, threshold: float = 0.0
) -> Array:
    upper = np.inf if max_value is None else max_value
    above = np.where(x > threshold, np.minimum(x, upper), 0.0)
    if max_value is not None:
        above = np.maximum(above, 0.0)
    return np.asarray(above - negative_slope * np.maximum(threshold - x, 0.0))


@dataclass(frozen=True)
class Case:
    name: str
    ref: Callable[..., Array]
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    int_dtype: str = "float32"  # the output dtype for an int32 input
    id: str = ""
    rtol: float = 1e-5
    atol: float = 1e-6


CASES = [
    Case("relu", lambda x: np.maximum(x, 0), int_dtype="int32"),
    Case("relu", lambda x: _relu_general(x, negative_slope=0.1), {"negative_slope": 0.1}, id="slope"),
    Case("relu", lambda x: _relu_general(x, max_value=2.0), {"max_value": 2.0}, "int32", id="max"),
    Case("relu", lambda x: _relu_general(x, max_value=6.0), {"max_value": 6}, id="max6"),
    Case("relu", lambda x: _relu_general(x, threshold=1.0), {"threshold": 1.0}, "int32", id="threshold"),
    Case(
        "relu",
        lambda x: _relu_general(x, 0.1, 3.0, 0.5),
        {"negative_slope": 0.1, "max_value": 3.0, "threshold": 0.5},
        id="all",
    ),
    Case(
        "relu",
        lambda x: _relu_general(x, 0.1, None, 1.0),
        {"negative_slope": 0.1, "threshold": 1.0},
        id="slope-threshold",
    ),
    Case(
        "relu",
        lambda x: _relu_general(x, 0.1, 2.0),
        {"negative_slope": 0.1, "max_value": 2.0},
        id="slope-max",
    ),
    Case("leaky_relu", lambda x: np.where(x >= 0, x, 0.2 * x)),
    Case("leaky_relu", lambda x: np.where(x >= 0, x, 0.5 * x), {"negative_slope": 0.5}, id="slope"),
    Case("relu6", lambda x: np.clip(x, 0, 6)),
    Case("elu", _elu),
    Case("elu", lambda x: _elu(x, 2.0), {"alpha": 2.0}, id="alpha"),
    Case("selu", lambda x: SELU_SCALE * _elu(x, SELU_ALPHA)),
    Case("celu", lambda x: np.maximum(x, 0) + np.minimum(0, 2.0 * np.expm1(x / 2.0)), {"alpha": 2.0}),
    Case("gelu", lambda x: 0.5 * x * (1 + _erf(x / np.sqrt(2)))),
    Case(
        "gelu",
        lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3))),
        {"approximate": True},
        id="approximate",
    ),
    Case("silu", lambda x: x * _sigmoid(x)),
    Case("swish", lambda x: x * _sigmoid(x)),
    Case("hard_silu", lambda x: x * np.clip(x + 3, 0, 6) / 6),
    Case("hard_swish", lambda x: x * np.clip(x + 3, 0, 6) / 6),
    Case("mish", lambda x: x * np.tanh(_softplus(x))),
    Case("softplus", _softplus),
    Case("squareplus", lambda x: (x + np.sqrt(x**2 + 4)) / 2),
    Case("squareplus", lambda x: (x + np.sqrt(x**2 + 1)) / 2, {"b": 1}, id="b"),
    Case("sparse_plus", lambda x: np.where(x <= -1, 0, np.where(x >= 1, x, (x + 1) ** 2 / 4))),
    Case("exponential", np.exp),
    Case("linear", lambda x: x, int_dtype="int32"),
    Case("sigmoid", _sigmoid),
    Case("hard_sigmoid", lambda x: np.clip(x / 6 + 0.5, 0, 1)),
    Case("log_sigmoid", lambda x: -_softplus(-x)),
    Case("sparse_sigmoid", lambda x: np.clip((x + 1) / 2, 0, 1)),
    Case("tanh", np.tanh),
    Case("hard_tanh", lambda x: np.clip(x, -1, 1), int_dtype="int32"),
    Case("softsign", lambda x: x / (np.abs(x) + 1)),
    Case("glu", lambda x: x[:1] * _sigmoid(x[1:]), {"axis": 0}),
    Case("hard_shrink", lambda x: np.where(np.abs(x) > 0.5, x, 0)),
    Case("hard_shrink", lambda x: np.where(np.abs(x) > 1.0, x, 0), {"threshold": 1.0}, id="threshold"),
    Case("soft_shrink", lambda x: np.where(x > 0.5, x - 0.5, np.where(x < -0.5, x + 0.5, 0))),
    Case(
        "soft_shrink", lambda x: np.sign(x) * np.maximum(np.abs(x) - 1, 0), {"threshold": 1.0}, id="threshold"
    ),
    Case("tanh_shrink", lambda x: x - np.tanh(x)),
    Case("threshold", lambda x: np.where(x > 0.5, x, -1.0), {"threshold": 0.5, "default_value": -1.0}),
    Case("softmax", _softmax),
    Case("softmax", lambda x: _softmax(x, 0), {"axis": 0}, id="axis0"),
    Case("log_softmax", lambda x: np.log(_softmax(x))),
    Case("sparsemax", _sparsemax),
    Case("sparsemax", lambda x: _sparsemax(x, 0), {"axis": 0}, id="axis0"),
]


def case_id(case: Case) -> str:
    return case.name + (f"-{case.id}" if case.id else "")


def call(case: Case, x: Any) -> Any:
    return getattr(activations, case.name)(x, **case.kwargs)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_float32_matches_closed_form(case: Case) -> None:
    got = call(case, X_FLOAT)
    assert standardize_dtype(got.dtype) == "float32"
    expected = case.ref(X_FLOAT.astype("float64"))
    np.testing.assert_allclose(ops.convert_to_numpy(got), expected, rtol=case.rtol, atol=case.atol)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_int32_input_dtype_and_values(case: Case) -> None:
    got = call(case, X_INT)
    assert standardize_dtype(got.dtype) == case.int_dtype
    expected = case.ref(X_INT.astype("float64"))
    np.testing.assert_allclose(ops.convert_to_numpy(got), expected, rtol=case.rtol, atol=case.atol)


@pytest.mark.parametrize("case", [c for c in CASES if c.name != "linear"], ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    for x in (X_FLOAT, X_INT):
        eager = call(case, x)
        symbolic = call(case, KerasTensor(x.shape, str(x.dtype)))
        assert isinstance(symbolic, KerasTensor)
        assert symbolic.shape == tuple(eager.shape)
        assert symbolic.dtype == standardize_dtype(eager.dtype)


@pytest.mark.parametrize("name", ["softmax", "sparsemax", "log_softmax"])
def test_rank1_input_normalizes_its_only_axis(name: str) -> None:
    x = np.array([1.0, 2.0, 3.5], dtype="float32")
    got = ops.convert_to_numpy(getattr(activations, name)(x))
    probabilities = np.exp(got) if name == "log_softmax" else got
    np.testing.assert_allclose(probabilities.sum(), 1.0, rtol=1e-6)
    expected = {"softmax": _softmax(x), "log_softmax": np.log(_softmax(x)), "sparsemax": _sparsemax(x)}[name]
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)


def test_sparsemax_zeroes_small_scores() -> None:
    got = ops.convert_to_numpy(activations.sparsemax(np.array([1.0, 2.0, 3.5], dtype="float32")))
    np.testing.assert_array_equal(got, [0.0, 0.0, 1.0])


def test_softmax_does_not_overflow() -> None:
    got = ops.convert_to_numpy(activations.softmax(np.array([1000.0, 1000.0], dtype="float32")))
    np.testing.assert_allclose(got, [0.5, 0.5])


def test_glu_odd_axis_raises() -> None:
    with pytest.raises(ValueError, match="even"):
        activations.glu(np.ones((2, 3), dtype="float32"))


def test_relu_keeps_float16() -> None:
    got = activations.relu(np.array([-1.0, 2.0], dtype="float16"), negative_slope=0.5, max_value=1.0)
    assert standardize_dtype(got.dtype) == "float16"
    np.testing.assert_allclose(ops.convert_to_numpy(got), [-0.5, 1.0])


def test_linear_returns_its_input() -> None:
    assert activations.linear(X_FLOAT) is X_FLOAT


@pytest.mark.parametrize("name", ["sigmoid", "softmax"])
def test_symbolic_probabilities_remember_their_logits(name: str) -> None:
    x = KerasTensor((2, 3), "float32")
    out = getattr(activations, name)(x)
    assert out._keras_logits is x


@pytest.mark.parametrize("name", ["sigmoid", "softmax"])
def test_eager_probabilities_keep_logits_where_the_tensor_allows(name: str) -> None:
    x = ops.convert_to_tensor(X_FLOAT)
    out = getattr(activations, name)(x)
    # numpy and JAX arrays take no attributes; torch and tf tensors do.
    assert getattr(out, "_keras_logits", x) is x
