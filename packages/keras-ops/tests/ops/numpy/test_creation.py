"""Tests of the creation ops: values against numpy, dtypes against Keras 3, symbolic specs, errors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ml_dtypes
import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, standardize_dtype
from keras.ops._convert import to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.numpy import _creation as ops_module


def _linspace_floor(*args: Any, **kwargs: Any) -> Any:
    return np.floor(np.linspace(*args, **{k: v for k, v in kwargs.items() if k != "dtype"}))


def _vander_wrapping(x: np.ndarray, **kwargs: Any) -> np.ndarray:
    """numpy's `vander` computed in int64, then wrapped to `x`'s dtype as Keras does."""
    return np.vander(x.astype("int64"), **kwargs).astype(x.dtype)


CASES = [
    # arange: the dtype follows the arguments (Python ints int32, floats floatx).
    Case("arange", np.arange, (5,), dtype="int32", symbolic=False),
    Case("arange", np.arange, (2, 9, 3), dtype="int32", id="start-stop-step", symbolic=False),
    Case("arange", np.arange, (1.0, 2.0, 0.25), dtype="float32", id="float", symbolic=False),
    Case("arange", np.arange, (5, 0, -1.5), dtype="float32", id="negative-step", symbolic=False),
    Case("arange", np.arange, (np.int8(5),), dtype="int8", id="numpy-int8", symbolic=False),
    Case("arange", np.arange, (0, 1, np.float16(0.25)), dtype="float16", id="float16-step", symbolic=False),
    Case("arange", np.arange, (0, 5), {"dtype": "float16"}, dtype="float16", id="dtype", symbolic=False),
    Case("arange", np.arange, (3, 3), dtype="int32", id="empty", symbolic=False),
    # array
    Case("array", np.array, ([1, 2, 3],), dtype="int32", id="ints", symbolic=False),
    Case("array", np.array, ([1, 2.5],), dtype="float32", id="mixed", symbolic=False),
    Case("array", np.array, ([True, False],), dtype="bool", id="bool", symbolic=False),
    Case(
        "array",
        lambda x, dtype: np.array(x),
        ([1, 2],),
        {"dtype": "float16"},
        dtype="float16",
        id="dtype",
        symbolic=False,
    ),
    Case("array", np.array, (rand(2, 3, dtype="int8"),), id="int8-array"),
    Case(
        "array",
        lambda x, dtype: x,
        (rand(2, 3),),
        {"dtype": "bfloat16"},
        dtype="bfloat16",
        atol=2e-2,
        rtol=1e-2,
        id="to-bf16",
    ),
    # filled tensors
    Case("zeros", np.zeros, ((2, 3),), dtype="float32", symbolic=False),
    Case("zeros", np.zeros, (3,), {"dtype": "int8"}, id="int", symbolic=False),
    Case("ones", np.ones, ((2, 0, 1),), dtype="float32", id="zero-size", symbolic=False),
    Case("ones", np.ones, ((2,),), {"dtype": "bool"}, id="bool", symbolic=False),
    Case("zeros_like", np.zeros_like, (rand(2, 3, dtype="int8"),)),
    Case(
        "zeros_like",
        lambda x, dtype: np.zeros(x.shape),
        (rand(2, 3),),
        {"dtype": "int32"},
        dtype="int32",
        id="dtype",
    ),
    Case("zeros_like", np.zeros_like, ([1, 2],), dtype="int32", id="list", symbolic=False),
    Case("ones_like", np.ones_like, (rand(4, dtype="bool"),)),
    Case("ones_like", np.ones_like, (rand(2, 2, dtype="float16"),), id="float16"),
    Case("full", np.full, ((2, 3), 7), dtype="float32", id="int-fill", symbolic=False),
    Case("full", np.full, ((2,), True), dtype="float32", id="bool-fill", symbolic=False),
    Case("full", np.full, ((2, 3), np.array([1, 2, 3], dtype="int8")), dtype="float32", id="broadcast-fill"),
    Case("full", np.full, ((2,), 3), {"dtype": "int8"}, id="dtype", symbolic=False),
    Case(
        "full_like",
        lambda x, v: np.full_like(x, v),
        (rand(3, dtype="int8"), 2.7),
        dtype="int8",
        id="truncates",
    ),
    Case("full_like", np.full_like, (rand(2, 2, dtype="float16"), 1), dtype="float16", id="weak-int"),
    Case(
        "full_like",
        np.full_like,
        (rand(2, dtype="int8"), 1),
        {"dtype": "float32"},
        dtype="float32",
        id="dtype",
    ),
    # eye, identity, tri
    Case("eye", np.eye, (3,), dtype="float32", symbolic=False),
    Case("eye", np.eye, (3, 4), {"k": -1}, dtype="float32", id="k-below", symbolic=False),
    Case("eye", np.eye, (3, 4), {"k": 2}, dtype="float32", id="k-above", symbolic=False),
    Case("eye", np.eye, (2,), {"dtype": "int8"}, id="int8", symbolic=False),
    Case("identity", np.identity, (3,), dtype="float32", symbolic=False),
    Case("tri", np.tri, (3,), dtype="float32", symbolic=False),
    Case("tri", np.tri, (3, 4), {"k": 1}, dtype="float32", id="k", symbolic=False),
    Case("tri", np.tri, (3, 2), {"k": -1, "dtype": "int32"}, id="int", symbolic=False),
    # triangles and diagonals
    Case("tril", np.tril, (rand(4, 4),)),
    Case("tril", np.tril, (rand(2, 3, 4, dtype="int8"),), {"k": -1}, id="batched"),
    Case("triu", np.triu, (rand(3, 5),), {"k": 1}),
    Case("triu", np.triu, (rand(3, 3, dtype="bool"),), id="bool"),
    Case("tril", np.tril, (rand(3, 3, dtype="bool"),), {"k": 1}, id="bool"),
    Case("diag", np.diag, (rand(3, dtype="int8"),), id="build"),
    Case("diag", np.diag, (rand(3),), {"k": -2}, id="build-k"),
    Case("diag", np.diag, (rand(3, 4),), {"k": 1}, id="extract"),
    Case("diag", np.diag, (rand(3, 4, dtype="bool"),), {"k": -1}, id="extract-bool"),
    Case("diagflat", np.diagflat, (rand(2, 2),)),
    Case("diagflat", np.diagflat, (rand(3, dtype="int8"),), {"k": 1}, id="k"),
    Case("diagonal", np.diagonal, (rand(3, 4),)),
    Case("diagonal", np.diagonal, (rand(2, 3, 4),), {"offset": 1, "axis1": 2, "axis2": 0}, id="axes"),
    Case("diagonal", np.diagonal, (rand(3, 3, dtype="int8"),), {"offset": -1}, id="offset"),
    # spaced samples
    Case("linspace", np.linspace, (0, 1, 5), dtype="float32", symbolic=False),
    Case(
        "linspace",
        np.linspace,
        (2.0, 3.0, 4),
        {"endpoint": False},
        dtype="float32",
        id="no-endpoint",
        symbolic=False,
    ),
    Case("linspace", np.linspace, (0, 10, 0), dtype="float32", id="empty", symbolic=False),
    Case("linspace", np.linspace, (3, 10, 1), dtype="float32", id="one", symbolic=False),
    Case(
        "linspace",
        np.linspace,
        (np.float16(0), np.float16(4), 5),
        dtype="float16",
        id="float16",
        symbolic=False,
    ),
    Case(
        "linspace",
        np.linspace,
        (np.array([0.0, 1.0], dtype="float32"), np.float32(5.0), 3),
        {"axis": 1},
        dtype="float32",
        id="tensor-axis",
    ),
    Case(
        "linspace",
        np.linspace,
        (np.array([0.0, 1.0], dtype="float32"), np.array([[4.0], [8.0]], dtype="float32"), 3),
        {"axis": -1},
        dtype="float32",
        rtol=1e-6,
        id="broadcast",
    ),
    Case(
        "linspace",
        _linspace_floor,
        (-10, 0, 4),
        {"dtype": "int32"},
        dtype="int32",
        id="int-floors",
        symbolic=False,
    ),
    Case(
        "linspace", np.linspace, (0, 1, 5), {"retstep": True}, dtype="float32", id="retstep", symbolic=False
    ),
    Case("logspace", np.logspace, (0, 2, 3), dtype="float32", rtol=1e-6, symbolic=False),
    Case(
        "logspace",
        np.logspace,
        (0.0, 3.0, 4),
        {"base": 2, "endpoint": False},
        dtype="float32",
        id="base",
        symbolic=False,
    ),
    Case(
        "logspace",
        np.logspace,
        (np.array([0.0, 1.0], dtype="float32"), 2.0, 3),
        {"axis": 1},
        dtype="float32",
        rtol=1e-5,
        id="tensor-axis",
    ),
    Case("logspace", np.logspace, (0, 2, 3), {"dtype": "int32"}, dtype="int32", id="int", symbolic=False),
    Case("geomspace", np.geomspace, (1, 8, 4), dtype="float32", rtol=1e-6, symbolic=False),
    Case(
        "geomspace",
        np.geomspace,
        (-1.0, -1000.0, 4),
        dtype="float32",
        rtol=1e-5,
        id="negative",
        symbolic=False,
    ),
    Case(
        "geomspace",
        np.geomspace,
        (2.0, 32.0, 4),
        {"endpoint": False},
        dtype="float32",
        rtol=1e-5,
        id="no-endpoint",
        symbolic=False,
    ),
    Case("geomspace", np.geomspace, (1, 4, 1), dtype="float32", id="one", symbolic=False),
    Case(
        "geomspace",
        np.geomspace,
        (np.float16(1), np.float16(8), 4),
        dtype="float16",
        rtol=1e-3,
        id="float16",
        symbolic=False,
    ),
    Case("vander", np.vander, (np.array([1, 2, 3], dtype="int32"),), dtype="int32"),
    Case(
        "vander",
        np.vander,
        (rand(4),),
        {"N": 3, "increasing": True},
        dtype="float32",
        rtol=1e-5,
        id="increasing",
    ),
    Case(
        "vander",
        _vander_wrapping,
        (np.array([1, 2, 3], dtype="int8"),),
        {"N": 6},
        dtype="int8",
        id="int8-wraps",
    ),
    Case("vander", np.vander, (np.array([1, 2, 3], dtype="uint8"),), dtype="uint8", id="uint8"),
    Case("vander", np.vander, (rand(2),), {"N": 0}, dtype="float32", id="no-columns"),
    # windows: always floatx
    *[
        Case(name, getattr(np, name), (m,), dtype="float32", id=str(m), symbolic=False)
        for name in ("bartlett", "blackman", "hamming", "hanning")
        for m in (0, 1, 5, 12)
    ],
    Case("hamming", np.hamming, (np.int64(6),), dtype="float32", id="numpy-int", symbolic=False),
    Case("kaiser", np.kaiser, (7, 2.5), dtype="float32", rtol=1e-5, symbolic=False),
    Case("kaiser", np.kaiser, (1, 3.0), dtype="float32", id="one", symbolic=False),
    Case("kaiser", np.kaiser, (4, np.int8(3)), dtype="float32", rtol=1e-5, id="int-beta", symbolic=False),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic(case: Case) -> None:
    check_symbolic(ops_module, case)


def _bf16(*shape: int) -> np.ndarray:
    return np.ones(shape, dtype="float32").astype(ml_dtypes.bfloat16)


# Output dtypes of real Keras 3.15 (jax backend), probed on each listed input.
DTYPE_ROWS: list[tuple[str, Callable[[], Any], str]] = [
    ("arange(True, 3)", lambda: ops_module.arange(True, 3), "int32"),
    ("arange(int8)", lambda: ops_module.arange(np.int8(5)), "int8"),
    ("arange(0, 5, 1, dtype=int8)", lambda: ops_module.arange(0, 5, 1, dtype="int8"), "int8"),
    ("array(True)", lambda: ops_module.array(True), "bool"),
    ("array(3)", lambda: ops_module.array(3), "int32"),
    ("empty", lambda: ops_module.empty((2,)), "float32"),
    ("empty_like(float16)", lambda: ops_module.empty_like(np.ones(2, "float16")), "float16"),
    ("empty_like(dtype=int8)", lambda: ops_module.empty_like(np.ones(2), dtype="int8"), "int8"),
    ("ones_like(bf16)", lambda: ops_module.ones_like(_bf16(2)), "bfloat16"),
    ("full(np.int8 fill)", lambda: ops_module.full((2,), np.int8(1)), "float32"),
    ("full(int8 array fill)", lambda: ops_module.full((2,), np.ones(2, "int8")), "float32"),
    ("full_like(int8, 1.5)", lambda: ops_module.full_like(np.ones(2, "int8"), 1.5), "int8"),
    ("eye(dtype=int8)", lambda: ops_module.eye(3, dtype="int8"), "int8"),
    ("identity(dtype=bf16)", lambda: ops_module.identity(2, dtype="bfloat16"), "bfloat16"),
    ("tril(int8)", lambda: ops_module.tril(np.ones((3, 3), "int8")), "int8"),
    ("triu(bool)", lambda: ops_module.triu(np.ones((3, 3), "bool")), "bool"),
    ("diag(int8)", lambda: ops_module.diag(np.ones(3, "int8")), "int8"),
    ("diagflat(int8)", lambda: ops_module.diagflat(np.ones(3, "int8")), "int8"),
    ("diagonal(bf16)", lambda: ops_module.diagonal(_bf16(3, 3)), "bfloat16"),
    ("linspace(int8, int8)", lambda: ops_module.linspace(np.int8(0), np.int8(4), 5), "float32"),
    ("linspace(float16, int32)", lambda: ops_module.linspace(np.float16(0), np.int32(3), 3), "float16"),
    ("linspace(float16, weak float)", lambda: ops_module.linspace(np.float16(0), 1.0, 3), "float16"),
    ("linspace(dtype=int32)", lambda: ops_module.linspace(0, 10, 5, dtype="int32"), "int32"),
    ("logspace(int8)", lambda: ops_module.logspace(np.int8(0), np.int8(2), 5), "float32"),
    ("logspace(float16)", lambda: ops_module.logspace(np.float16(0), np.float16(2), 5), "float16"),
    ("logspace(base=float16)", lambda: ops_module.logspace(0, 2, 3, base=np.float16(2)), "float32"),
    ("geomspace(float16)", lambda: ops_module.geomspace(np.float16(1), np.float16(8), 4), "float16"),
    ("vander(int8)", lambda: ops_module.vander(np.array([1, 2, 3], "int8")), "int8"),
    ("bartlett(np.int64)", lambda: ops_module.bartlett(np.int64(5)), "float32"),
    ("kaiser(int beta)", lambda: ops_module.kaiser(5, 2), "float32"),
]


@pytest.mark.parametrize(
    ("call", "expected"), [(c, e) for _, c, e in DTYPE_ROWS], ids=[n for n, _, _ in DTYPE_ROWS]
)
def test_dtype(call: Callable[[], Any], expected: str) -> None:
    result = call()
    assert standardize_dtype(result.dtype) == expected


def test_linspace_retstep_int_gives_floatx_step() -> None:
    samples, step = ops_module.linspace(0, 10, 5, dtype="int32", retstep=True)
    np.testing.assert_array_equal(to_numpy(samples), [0, 2, 5, 7, 10])
    assert standardize_dtype(step.dtype) == "float32"
    np.testing.assert_allclose(to_numpy(step), 2.5)


def test_linspace_retstep_one_sample_step_is_nan() -> None:
    samples, step = ops_module.linspace(0.0, 10.0, 1, retstep=True)
    np.testing.assert_array_equal(to_numpy(samples), [0.0])
    assert np.isnan(to_numpy(step))


def test_empty_has_shape_and_dtype() -> None:
    result = ops_module.empty((2, 3), dtype="int32")
    assert to_numpy(result).shape == (2, 3)
    assert standardize_dtype(result.dtype) == "int32"


def test_symbolic_fill_value_gives_keras_tensor() -> None:
    result = ops_module.full((2, 3), KerasTensor((), "int8"))
    assert isinstance(result, KerasTensor)
    assert result.shape == (2, 3)
    assert result.dtype == "float32"


def test_symbolic_unknown_dims_propagate() -> None:
    x = KerasTensor((None, 4), "float32")
    assert ops_module.diagonal(x).shape == (None,)
    assert ops_module.tril(x).shape == (None, 4)
    assert ops_module.diag(KerasTensor((None,), "int8")).shape == (None, None)
    assert ops_module.diagflat(x).shape == (None, None)
    assert ops_module.zeros_like(x, dtype="int8").dtype == "int8"
    assert ops_module.vander(KerasTensor((None,), "float32"), 3).shape == (None, 3)
    assert ops_module.linspace(KerasTensor((None, 2), "float16"), 1.0, 5, axis=-1).shape == (None, 2, 5)


@dataclass(frozen=True)
class ErrorCase:
    op: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    exception: type[Exception]
    match: str
    id: str


ERROR_CASES = [
    ErrorCase("arange", (0, 5, 0), {}, ValueError, r"arange: `step` must be non-zero", "zero-step"),
    ErrorCase("zeros", ((None, 2),), {}, ValueError, r"zeros: `shape` must be fully defined", "unknown-dim"),
    ErrorCase("ones", ((-1, 2),), {}, ValueError, r"Negative dimensions are not allowed", "negative-dim"),
    ErrorCase("eye", (-1,), {}, ValueError, r"eye: `N` must be non-negative\. Received: N=-1", "negative"),
    ErrorCase("eye", (2.0,), {}, TypeError, r"eye: `N` must be an integer\. Received: N=2\.0", "float-n"),
    ErrorCase("eye", (2,), {"k": 0.5}, TypeError, r"eye: `k` must be an integer", "float-k"),
    ErrorCase("tri", (2, -3), {}, ValueError, r"tri: `M` must be non-negative", "negative-m"),
    ErrorCase("identity", (True,), {}, TypeError, r"identity: `n` must be an integer", "bool-n"),
    ErrorCase(
        "tril",
        (np.ones(3),),
        {},
        ValueError,
        r"tril: `x` must have rank at least 2\. Received: x\.shape=\(3,\)",
        "1d",
    ),
    ErrorCase("triu", (np.ones(()),), {}, ValueError, r"triu: `x` must have rank at least 2", "0d"),
    ErrorCase(
        "diag",
        (np.ones((2, 2, 2)),),
        {},
        ValueError,
        r"diag: `x` must have rank 1 or 2\. Received: x\.shape=\(2, 2, 2\)",
        "3d",
    ),
    ErrorCase(
        "diagonal",
        (np.ones((2, 2)), 0, 1, 1),
        {},
        ValueError,
        r"diagonal: `axis1` and `axis2` must differ",
        "same-axes",
    ),
    ErrorCase(
        "diagonal",
        (np.ones((2, 2)), 0, 0, 2),
        {},
        ValueError,
        r"diagonal: axis 2 is out of bounds for a tensor of rank 2",
        "bad-axis",
    ),
    ErrorCase("diagonal", (np.ones(3),), {}, ValueError, r"diagonal: `x` must have rank at least 2", "1d"),
    ErrorCase(
        "linspace",
        (0, 10, -1),
        {},
        ValueError,
        r"linspace: `num` must be non-negative\. Received: num=-1",
        "negative-num",
    ),
    ErrorCase("linspace", (0, 10, 2.5), {}, TypeError, r"linspace: `num` must be an integer", "float-num"),
    ErrorCase(
        "linspace",
        (0, 10, 3),
        {"axis": 2},
        ValueError,
        r"linspace: axis 2 is out of bounds for a tensor of rank 1",
        "bad-axis",
    ),
    ErrorCase(
        "logspace", (0, 2, -2), {}, ValueError, r"logspace: `num` must be non-negative", "negative-num"
    ),
    ErrorCase(
        "geomspace", (1, 2, 3), {"axis": -2}, ValueError, r"geomspace: axis -2 is out of bounds", "bad-axis"
    ),
    ErrorCase(
        "vander",
        (np.ones((2, 2)),),
        {},
        ValueError,
        r"vander: `x` must have rank 1\. Received: x\.shape=\(2, 2\)",
        "2d",
    ),
    ErrorCase("vander", (np.ones(2, "bool"),), {}, TypeError, r"vander: `x` must be numeric", "bool"),
    ErrorCase(
        "vander", (np.ones(2),), {"N": -1}, ValueError, r"vander: `N` must be non-negative", "negative-n"
    ),
    ErrorCase(
        "bartlett", (-1,), {}, ValueError, r"bartlett: `x` must be non-negative\. Received: x=-1", "negative"
    ),
    ErrorCase(
        "hanning", (2.5,), {}, TypeError, r"hanning: `x` must be an integer\. Received: x=2\.5", "float"
    ),
    ErrorCase(
        "kaiser", (np.ones(3, "int32"), 1.0), {}, TypeError, r"kaiser: `x` must be an integer", "array"
    ),
]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[f"{c.op}-{c.id}" for c in ERROR_CASES])
def test_errors(case: ErrorCase) -> None:
    with pytest.raises(case.exception, match=case.match):
        getattr(ops_module, case.op)(*case.args, **case.kwargs)


def test_symbolic_errors_match_eager() -> None:
    with pytest.raises(ValueError, match=r"diag: `x` must have rank 1 or 2"):
        ops_module.diag(KerasTensor((2, 2, 2), "float32"))
    with pytest.raises(ValueError, match=r"diagonal: `axis1` and `axis2` must differ"):
        ops_module.diagonal(KerasTensor((2, 2), "float32"), 0, 1, -1)


# --- gradients ----------------------------------------------------------------------------


def _grad(function: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    """Return the gradient of `sum(function(x))` at `x` with the active backend."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(jax.grad(lambda v: jnp.sum(function(v)))(jnp.asarray(x)))
    if name == "torch":
        import torch

        t = torch.tensor(x, requires_grad=True)
        function(t).sum().backward()
        assert t.grad is not None
        return t.grad.numpy()
    import tensorflow as tf

    v = tf.Variable(x)
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(tf.convert_to_tensor(v)))
    return np.asarray(tape.gradient(total, v))


def _numeric_grad(
    function: Callable[[np.ndarray], np.ndarray], x: np.ndarray, eps: float = 1e-6
) -> np.ndarray:
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = eps
        grad[index] = (np.sum(function(x + step)) - np.sum(function(x - step))) / (2 * eps)
    return grad


GRADIENT_ROWS: list[tuple[str, Callable[[Any], Any], Callable[[np.ndarray], np.ndarray], tuple[int, ...]]] = [
    ("tril", lambda x: ops_module.tril(x, -1) * x, lambda x: np.tril(x, -1) * x, (3, 3)),
    ("triu", lambda x: ops_module.triu(x) ** 2, lambda x: np.triu(x) ** 2, (3, 4)),
    ("diagonal", lambda x: ops_module.diagonal(x, 1) ** 2, lambda x: np.diagonal(x, 1) ** 2, (3, 4)),
    ("diag", lambda x: ops_module.diag(x) * 3.0, lambda x: np.diag(x) * 3.0, (3,)),
    ("vander", lambda x: ops_module.vander(x, 3), lambda x: np.vander(x, 3), (4,)),
    (
        "linspace",
        lambda x: ops_module.linspace(x, x * 2.0, 4, axis=-1),
        lambda x: np.linspace(x, x * 2.0, 4, axis=-1),
        (2,),
    ),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("function", "reference", "shape"), [r[1:] for r in GRADIENT_ROWS], ids=[r[0] for r in GRADIENT_ROWS]
)
def test_gradient(
    function: Callable[[Any], Any], reference: Callable[[np.ndarray], np.ndarray], shape: tuple[int, ...]
) -> None:
    x = rand(*shape, dtype="float64", low=0.5, high=2.0)
    np.testing.assert_allclose(_grad(function, x), _numeric_grad(reference, x), rtol=1e-5, atol=1e-6)
