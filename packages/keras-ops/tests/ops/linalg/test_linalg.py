"""Tests of `keras.ops.linalg`: values against numpy and by reconstruction, batched inputs,
dtypes against Keras 3, symbolic specs, errors, gradients and `jvp`."""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
import scipy.linalg
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, standardize_dtype
from keras.ops._convert import to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.linalg import _linalg as linalg

RNG = np.random.default_rng(7)


def _spd(*batch: int, n: int = 4) -> np.ndarray:
    """Symmetric positive-definite float32 matrices of shape `(*batch, n, n)`."""
    a = RNG.normal(size=(*batch, n, n))
    return (a @ np.swapaxes(a, -1, -2) + n * np.eye(n)).astype("float32")


def _general(*shape: int) -> np.ndarray:
    """Well-conditioned float32 matrices: random plus a diagonal shift where square."""
    x = RNG.normal(size=shape)
    if shape[-1] == shape[-2]:
        x = x + 3 * np.eye(shape[-1])
    return x.astype("float32")


def _n(x: Any) -> np.ndarray:
    return np.asarray(to_numpy(x))


def _t(x: np.ndarray) -> np.ndarray:
    return np.swapaxes(x, -1, -2)


# The module the table rows name their ops in: the ops, and views of tuple-returning ones.
under_test = types.ModuleType("linalg_under_test")
for _name in linalg.__all__:
    setattr(under_test, _name, getattr(linalg, _name))
under_test.eigh_values = lambda x: linalg.eigh(x)[0]  # type: ignore[attr-defined]
under_test.svd_values = lambda x: linalg.svd(x, compute_uv=False)  # type: ignore[attr-defined]
under_test.lu_factor_lu = lambda x: linalg.lu_factor(x)[0]  # type: ignore[attr-defined]
under_test.lu_factor_pivots = lambda x: linalg.lu_factor(x)[1]  # type: ignore[attr-defined]


def _f32(reference: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: np.asarray(reference(*args, **kwargs)).astype("float32")


def _lu_reference(x: np.ndarray, part: int) -> np.ndarray:
    flat = x.reshape((-1, *x.shape[-2:]))
    results = [scipy.linalg.lu_factor(m.astype("float64"))[part] for m in flat]
    k = min(x.shape[-2:])
    shape = (*x.shape[:-2], *(x.shape[-2:] if part == 0 else (k,)))
    return np.stack(results).reshape(shape).astype("float32" if part == 0 else "int32")


SPD = _spd(2, 3)
SQUARE = _general(2, 4, 4)
WIDE = _general(2, 3, 5)
B_VECTOR = rand(2, 4)
B_MATRIX = rand(2, 4, 3)
TRI = np.tril(_general(3, 3)) + 2 * np.eye(3, dtype="float32")
_TALL_LU = (
    []
    if backend() == "tensorflow"
    else [  # tensorflow's LU factors square matrices only
        Case("lu_factor_lu", lambda x: _lu_reference(x, 0), (WIDE,), rtol=1e-4, atol=1e-5, id="wide"),
        Case("lu_factor_pivots", lambda x: _lu_reference(x, 1), (_t(WIDE),), id="tall"),
    ]
)

CASES = [
    Case("det", _f32(np.linalg.det), (SQUARE,), rtol=1e-4, id="batched"),
    Case("det", _f32(np.linalg.det), (np.arange(9, dtype="int32").reshape(3, 3) % 4,), atol=1e-5, id="int"),
    Case("inv", _f32(np.linalg.inv), (SQUARE,), rtol=1e-4, atol=1e-5, id="batched"),
    Case("cholesky", _f32(np.linalg.cholesky), (SPD,), rtol=1e-4, atol=1e-5, id="batched"),
    Case(
        "cholesky",
        lambda x, upper: _t(np.linalg.cholesky(x)),
        (SPD,),
        {"upper": True},
        rtol=1e-4,
        atol=1e-5,
        id="upper",
    ),
    Case(
        "cholesky_inverse",
        lambda x: np.linalg.inv(x @ _t(x)).astype("float32"),
        (np.linalg.cholesky(SPD),),
        rtol=1e-3,
        atol=1e-5,
    ),
    Case("eigh_values", _f32(np.linalg.eigvalsh), (SPD,), rtol=1e-4, atol=1e-4),
    Case("svd_values", _f32(lambda x: np.linalg.svd(x, compute_uv=False)), (WIDE,), rtol=1e-4, atol=1e-5),
    Case("lu_factor_lu", lambda x: _lu_reference(x, 0), (SQUARE,), rtol=1e-4, atol=1e-5, id="square"),
    Case("lu_factor_pivots", lambda x: _lu_reference(x, 1), (SQUARE,), id="square"),
    *_TALL_LU,
    Case(
        "solve",
        _f32(lambda a, b: np.linalg.solve(a, b[..., None])[..., 0]),
        (SQUARE, B_VECTOR),
        rtol=1e-4,
        atol=1e-5,
        id="vector",
    ),
    Case("solve", _f32(np.linalg.solve), (SQUARE, B_MATRIX), rtol=1e-4, atol=1e-5, id="matrix"),
    Case("solve", _f32(np.linalg.solve), (SQUARE[0], B_MATRIX), rtol=1e-4, atol=1e-5, id="broadcast"),
    Case(
        "solve_triangular",
        _f32(lambda a, b, lower: np.linalg.solve(np.tril(a), b)),
        (TRI + 5 * np.triu(TRI, 1).T, rand(3, 2)),
        {"lower": True},
        rtol=1e-4,
        atol=1e-5,
        id="lower",
    ),
    Case(
        "solve_triangular",
        _f32(lambda a, b: np.linalg.solve(np.triu(a), b)),
        (TRI.T, rand(3)),
        rtol=1e-4,
        atol=1e-5,
        id="upper-vector",
    ),
    Case(
        "lstsq",
        _f32(lambda a, b: np.linalg.lstsq(a, b, rcond=None)[0]),
        (_general(5, 3), rand(5)),
        rtol=1e-4,
        atol=1e-5,
        id="vector",
    ),
    Case(
        "lstsq",
        _f32(lambda a, b: np.linalg.lstsq(a, b, rcond=None)[0]),
        (_general(5, 3), rand(5, 2)),
        rtol=1e-4,
        atol=1e-5,
        id="matrix",
    ),
    Case("pinv", _f32(np.linalg.pinv), (WIDE,), rtol=1e-4, atol=1e-5),
    Case(
        "matrix_rank",
        lambda x: np.linalg.matrix_rank(x).astype("int32"),
        (np.ones((2, 3, 3), "float32"),),
        id="rank-one",
    ),
    Case(
        "matrix_rank",
        lambda x, tol: np.linalg.matrix_rank(x, tol=tol).astype("int32"),
        (np.diag([1.0, 1e-3, 0.0]).astype("float32"),),
        {"tol": 1e-2},
        id="tol",
    ),
    Case("norm", _f32(np.linalg.norm), (WIDE,), rtol=1e-5, id="all"),
    Case("norm", _f32(np.linalg.norm), (WIDE,), {"axis": -1, "keepdims": True}, rtol=1e-5, id="keepdims"),
    *[
        Case("norm", _f32(np.linalg.norm), (WIDE,), {"ord": o, "axis": 1}, rtol=1e-5, id=f"vector-{o}")
        for o in (None, 2, 1, -1, np.inf, -np.inf, 0, 3, 0.5)
    ],
    *[
        Case("norm", _f32(np.linalg.norm), (WIDE,), {"ord": o, "axis": (2, 1)}, rtol=1e-4, id=f"matrix-{o}")
        for o in (None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf)
    ],
    Case("norm", _f32(np.linalg.norm), (WIDE[0],), {"ord": 1}, rtol=1e-5, id="2d-no-axis"),
    Case("norm", _f32(np.linalg.norm), (np.array([3, -4], "int8"),), {"ord": 1}, id="int8"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(under_test, case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_symbolic(case: Case) -> None:
    check_symbolic(under_test, case)


# --- reconstruction -----------------------------------------------------------------------

BATCHES = [(), (3,), (2, 2)]


@pytest.mark.parametrize("batch", BATCHES, ids=str)
@pytest.mark.parametrize("shape", [(4, 4), (5, 3), (3, 5)], ids=str)
@pytest.mark.parametrize("mode", ["reduced", "complete"])
def test_qr_reconstructs(batch: tuple[int, ...], shape: tuple[int, int], mode: str) -> None:
    x = _general(*batch, *shape)
    q, r = (_n(t) for t in linalg.qr(x, mode=mode))
    k = min(shape) if mode == "reduced" else shape[0]
    assert q.shape == (*batch, shape[0], k)
    np.testing.assert_allclose(q @ r, x, atol=1e-5)
    np.testing.assert_allclose(_t(q) @ q, np.broadcast_to(np.eye(k), (*batch, k, k)), atol=1e-5)
    np.testing.assert_allclose(np.tril(r, -1), 0, atol=1e-6)


@pytest.mark.parametrize("batch", BATCHES, ids=str)
@pytest.mark.parametrize("full_matrices", [True, False])
def test_svd_reconstructs(batch: tuple[int, ...], full_matrices: bool) -> None:
    x = _general(*batch, 3, 5)
    u, s, vh = (_n(t) for t in linalg.svd(x, full_matrices=full_matrices))
    assert (u.shape, s.shape, vh.shape) == (
        (*batch, 3, 3),
        (*batch, 3),
        (*batch, 5 if full_matrices else 3, 5),
    )
    np.testing.assert_allclose((u * s[..., None, :]) @ vh[..., :3, :], x, atol=1e-5)
    assert np.all(np.diff(s, axis=-1) <= 0)


@pytest.mark.parametrize("batch", BATCHES, ids=str)
@pytest.mark.parametrize("upper", [False, True])
def test_cholesky_reconstructs(batch: tuple[int, ...], upper: bool) -> None:
    x = _spd(*batch)
    factor = _n(linalg.cholesky(x, upper=upper))
    product = _t(factor) @ factor if upper else factor @ _t(factor)
    np.testing.assert_allclose(product, x, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(factor, np.triu(factor) if upper else np.tril(factor))
    inverse = _n(linalg.cholesky_inverse(factor, upper=upper))
    np.testing.assert_allclose(inverse @ x, np.broadcast_to(np.eye(4), x.shape), atol=1e-4)


@pytest.mark.parametrize("batch", BATCHES, ids=str)
def test_inv_and_solve_reconstruct(batch: tuple[int, ...]) -> None:
    x = _general(*batch, 4, 4)
    np.testing.assert_allclose(
        x @ _n(linalg.inv(x)), np.broadcast_to(np.eye(4), x.shape), rtol=1e-5, atol=1e-5
    )
    b = rand(*batch, 4)
    solution = _n(linalg.solve(x, b))
    np.testing.assert_allclose((x @ solution[..., None])[..., 0], b, rtol=1e-5, atol=1e-5)
    lower = np.tril(x)
    solution = _n(linalg.solve_triangular(x, b, lower=True))
    np.testing.assert_allclose((lower @ solution[..., None])[..., 0], b, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("batch", BATCHES, ids=str)
def test_eigh_reconstructs(batch: tuple[int, ...]) -> None:
    x = _spd(*batch)
    values, vectors = (_n(t) for t in linalg.eigh(x))
    np.testing.assert_allclose((vectors * values[..., None, :]) @ _t(vectors), x, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(values, np.linalg.eigvalsh(x), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("batch", BATCHES, ids=str)
def test_eig_reconstructs(batch: tuple[int, ...]) -> None:
    x = _general(*batch, 3, 3)
    values, vectors = linalg.eig(x)
    assert standardize_dtype(values.dtype) == "complex64"
    assert standardize_dtype(vectors.dtype) == "complex64"
    w, v = _n(values), _n(vectors)
    np.testing.assert_allclose(x.astype("complex64") @ v, v * w[..., None, :], atol=1e-4)


@pytest.mark.parametrize("batch", BATCHES, ids=str)
def test_lu_factor_reconstructs(batch: tuple[int, ...]) -> None:
    x = _general(*batch, 4, 4)
    lu, pivots = (_n(t) for t in linalg.lu_factor(x))
    lower = np.tril(lu, -1) + np.eye(4)
    upper = np.triu(lu)
    permuted = np.array(x, copy=True).reshape(-1, 4, 4)
    for matrix, swaps in zip(permuted, pivots.reshape(-1, 4), strict=True):
        for i, j in enumerate(swaps):
            matrix[[i, j]] = matrix[[j, i]]
    np.testing.assert_allclose(lower @ upper, permuted.reshape(x.shape), atol=1e-5)


def test_lstsq_and_pinv_solve_least_squares() -> None:
    a = _general(6, 3)
    b = rand(6)
    x = _n(linalg.lstsq(a, b))
    np.testing.assert_allclose(_t(a) @ (a @ x - b), 0, atol=1e-4)  # the normal equations hold
    np.testing.assert_allclose(_n(linalg.pinv(a)) @ b, x, atol=1e-5)


# --- dtypes -------------------------------------------------------------------------------

# (op, input dtype, expected output dtypes). Integers and bool give floatx(), as in Keras 3;
# float16 and bfloat16 keep their dtype (Keras's jax backend does so for det, norm and
# cholesky_inverse and refuses half precision elsewhere; ours computes it in float32).
DTYPE_ROWS = [
    *[
        (name, d, ("float32",))
        for name in ("det", "inv", "cholesky", "norm")
        for d in ("int8", "int32", "bool")
    ],
    *[
        (name, d, (d,))
        for name in ("det", "inv", "cholesky", "cholesky_inverse", "norm")
        for d in ("float16", "bfloat16")
    ],
    ("eig", "int32", ("complex64", "complex64")),
    ("eigh", "float16", ("float16", "float16")),
    ("lu_factor", "int32", ("float32", "int32")),
    ("lu_factor", "bfloat16", ("bfloat16", "int32")),
    ("qr", "int8", ("float32", "float32")),
    ("svd", "int32", ("float32", "float32", "float32")),
    ("matrix_rank", "int32", ("int32",)),
    ("matrix_rank", "float16", ("int32",)),
    ("pinv", "bool", ("float32",)),
    ("float64-narrows", "float64", ("float32",)),
]


@pytest.mark.parametrize(("name", "dtype", "expected"), DTYPE_ROWS, ids=lambda v: str(v))
def test_dtypes(name: str, dtype: str, expected: tuple[str, ...]) -> None:
    x = (np.eye(2) if dtype == "bool" else np.array([[2, 1], [1, 2]])).astype(dtype)
    function = linalg.det if name == "float64-narrows" else getattr(linalg, name)
    outputs = function(x)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    assert tuple(standardize_dtype(o.dtype) for o in outputs) == expected
    symbolic = function(KerasTensor(x.shape, dtype))
    symbolic = symbolic if isinstance(symbolic, tuple) else (symbolic,)
    assert tuple(s.dtype for s in symbolic) == expected
    if name == "det" and dtype != "bool":  # det([[2, 1], [1, 2]]) == 3
        np.testing.assert_allclose(_n(outputs[0]).astype("float32"), 3.0, rtol=1e-2)


def test_mixed_dtypes_promote() -> None:
    result = linalg.solve(np.eye(2, dtype="int32"), np.ones(2, dtype="float16"))
    assert standardize_dtype(result.dtype) == "float16"  # Keras's result_type(int32, float16)
    result = linalg.lstsq(np.eye(2, dtype="int8"), np.ones(2, dtype="int32"))
    assert standardize_dtype(result.dtype) == "float32"


def test_symbolic_unknown_dims_propagate() -> None:
    q, r = linalg.qr(KerasTensor((None, 5, 3), "float32"))
    assert (q.shape, r.shape) == ((None, 5, 3), (None, 3, 3))
    u, s, vh = linalg.svd(KerasTensor((2, None, 3), "float32"))
    assert (u.shape, s.shape, vh.shape) == ((2, None, None), (2, None), (2, 3, 3))
    assert linalg.solve(KerasTensor((None, 3, 3), "float32"), KerasTensor((None, 3), "float32")).shape == (
        None,
        3,
    )
    assert linalg.norm(KerasTensor((None, 4), "int32"), axis=1).dtype == "float32"


# --- errors -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorCase:
    op: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    exception: type[Exception]
    match: str
    id: str


ERROR_CASES = [
    *[
        ErrorCase(
            name,
            (np.ones((2, 3)),),
            {},
            ValueError,
            rf"{name}: expected square matrices\. "
            r"Received: x\.shape=\(2, 3\)",
            "not-square",
        )
        for name in ("inv", "det", "cholesky", "cholesky_inverse", "eig", "eigh")
    ],
    *[
        ErrorCase(name, (np.ones(3),), {}, ValueError, rf"{name}: expected `x` to have rank >= 2", "rank-1")
        for name in ("inv", "det", "cholesky", "qr", "svd", "lu_factor", "matrix_rank", "pinv")
    ],
    ErrorCase(
        "cholesky",
        (-np.eye(2, dtype="float32"),),
        {},
        ValueError,
        r"cholesky: the factorization failed; the input must be symmetric positive-definite",
        "not-spd",
    ),
    ErrorCase(
        "qr",
        (np.ones((2, 2)),),
        {"mode": "full"},
        ValueError,
        r"qr: `mode` must be 'reduced' or 'complete'\. Received: mode='full'",
        "mode",
    ),
    ErrorCase(
        "solve",
        (np.eye(3), np.ones(4)),
        {},
        ValueError,
        r"solve: the rows of `b` \(4\) must match the size of `a` \(3\)",
        "rows",
    ),
    ErrorCase(
        "solve", (np.ones((3, 2)), np.ones(3)), {}, ValueError, r"solve: expected square matrices", "square"
    ),
    ErrorCase(
        "solve",
        (np.eye(3), np.float32(1)),
        {},
        ValueError,
        r"solve: expected `b` to have rank >= 1",
        "scalar-b",
    ),
    ErrorCase(
        "solve_triangular",
        (np.ones(3), np.ones(3)),
        {},
        ValueError,
        r"solve_triangular: expected `a` to have rank >= 2",
        "rank-a",
    ),
    ErrorCase(
        "lstsq",
        (np.ones((2, 3, 3)), np.ones(3)),
        {},
        ValueError,
        r"lstsq: expected `a` to have rank 2",
        "rank-a",
    ),
    ErrorCase(
        "lstsq",
        (np.ones((3, 2)), np.ones(4)),
        {},
        ValueError,
        r"lstsq: `b.shape\[0\]` must equal `a.shape\[0\]`",
        "rows",
    ),
    ErrorCase(
        "norm",
        (np.ones(3),),
        {"ord": "fro"},
        ValueError,
        r"norm: ord='fro' is a matrix norm, but one axis was given",
        "fro-vector",
    ),
    ErrorCase(
        "norm",
        (np.ones((2, 2)),),
        {"ord": 3, "axis": (0, 1)},
        ValueError,
        r"norm: matrix norms take `ord` in",
        "matrix-ord",
    ),
    ErrorCase(
        "norm",
        (np.ones((2, 2)),),
        {"ord": "max"},
        ValueError,
        r"norm: a string `ord` must be 'fro' or 'nuc'\. Received: ord='max'",
        "string-ord",
    ),
    ErrorCase(
        "norm",
        (np.ones((2, 2, 2)),),
        {"ord": 1},
        ValueError,
        r"norm: with `ord` set and `axis=None`, the input must have rank 1 or 2",
        "rank-3",
    ),
    ErrorCase(
        "norm",
        (np.ones((2, 2)),),
        {"axis": 2},
        ValueError,
        r"norm: axis 2 is out of bounds for a tensor of rank 2",
        "axis",
    ),
    ErrorCase(
        "jvp",
        (lambda x: x, (np.ones(2),), (np.ones(2), np.ones(2))),
        {},
        ValueError,
        r"jvp: `primals` and `tangents` must have the same length",
        "length",
    ),
    ErrorCase(
        "jvp",
        (lambda x: x, np.ones(2), np.ones(2)),
        {},
        ValueError,
        r"jvp: `primals` and `tangents` must be tuples or lists",
        "not-tuple",
    ),
    ErrorCase(
        "jvp",
        (lambda x: x, (np.ones(2),), (np.ones(3),)),
        {},
        ValueError,
        r"jvp: each tangent must have its primal's shape",
        "shape",
    ),
]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[f"{c.op}-{c.id}" for c in ERROR_CASES])
def test_errors(case: ErrorCase) -> None:
    with pytest.raises(case.exception, match=case.match):
        getattr(linalg, case.op)(*case.args, **case.kwargs)


def test_symbolic_errors_match_eager() -> None:
    with pytest.raises(ValueError, match=r"inv: expected square matrices\. Received: x\.shape=\(2, 3\)"):
        linalg.inv(KerasTensor((2, 3), "float32"))
    with pytest.raises(ValueError, match=r"solve: the rows of `b` \(4\) must match"):
        linalg.solve(KerasTensor((3, 3), "float32"), KerasTensor((4,), "float32"))


# --- gradients and jvp --------------------------------------------------------------------


def _grad(function: Callable[..., Any], x: np.ndarray) -> np.ndarray:
    """Return the gradient of `sum(function(x))` with the active backend."""
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


def _numeric_grad(function: Callable[[np.ndarray], Any], x: np.ndarray, eps: float = 1e-4) -> np.ndarray:
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = eps
        grad[index] = (np.sum(function(x + step)) - np.sum(function(x - step))) / (2 * eps)
    return grad


GRADIENT_ROWS: list[tuple[str, Callable[..., Any], Callable[..., Any]]] = [
    ("det", linalg.det, np.linalg.det),
    ("inv", lambda x: linalg.inv(x) ** 2, lambda x: np.linalg.inv(x) ** 2),
    ("norm", linalg.norm, np.linalg.norm),
    ("norm-p3-rows", lambda x: linalg.norm(x, ord=3, axis=1), lambda x: np.linalg.norm(x, ord=3, axis=1)),
    ("norm-nuc", lambda x: linalg.norm(x, ord="nuc"), lambda x: np.linalg.norm(x, ord="nuc")),
    ("solve", lambda x: linalg.solve(x, np.ones(3, "float32")), lambda x: np.linalg.solve(x, np.ones(3))),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("function", "reference"), [r[1:] for r in GRADIENT_ROWS], ids=[r[0] for r in GRADIENT_ROWS]
)
def test_gradient(function: Callable[..., Any], reference: Callable[..., Any]) -> None:
    x = (RNG.uniform(0.5, 2.0, size=(3, 3)) + 3 * np.eye(3)).astype("float32")
    expected = _numeric_grad(reference, x.astype("float64"))
    np.testing.assert_allclose(_grad(function, x), expected, rtol=2e-3, atol=2e-4)


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no automatic differentiation")
def test_jvp_matches_directional_derivative() -> None:
    def cube_and_sum(x: Any, y: Any) -> Any:
        return x * x * x + y

    x, y = np.array([1.0, 2.0], "float32"), np.array([3.0, 4.0], "float32")
    dx, dy = np.array([1.0, 0.5], "float32"), np.array([2.0, 0.0], "float32")
    out, tangent = linalg.jvp(cube_and_sum, (x, y), (dx, dy))
    np.testing.assert_allclose(_n(out), x**3 + y)
    np.testing.assert_allclose(_n(tangent), 3 * x**2 * dx + dy, rtol=1e-6)
    out, tangent, aux = linalg.jvp(lambda v: (v * v, v + 1), (x,), (dx,), has_aux=True)
    np.testing.assert_allclose(_n(tangent), 2 * x * dx, rtol=1e-6)
    np.testing.assert_allclose(_n(aux), x + 1)


@pytest.mark.skipif(backend() != "numpy", reason="only the numpy backend lacks automatic differentiation")
def test_jvp_numpy_backend_explains() -> None:
    with pytest.raises(NotImplementedError, match=r"jvp: the numpy backend has no automatic differentiation"):
        linalg.jvp(lambda v: v * 2, (np.ones(2, "float32"),), (np.ones(2, "float32"),))


def test_jvp_symbolic() -> None:
    out, tangent = linalg.jvp(
        lambda v: v * 2, (KerasTensor((None, 3), "float32"),), (KerasTensor((None, 3), "float32"),)
    )
    assert isinstance(out, KerasTensor) and isinstance(tangent, KerasTensor)
    assert (out.shape, tangent.shape, tangent.dtype) == ((None, 3), (None, 3), "float32")
