"""Tests of the core ops (slices, scatters, saturate_cast, unstack, views, rearrange).

Values against numpy index assignment or closed forms, dtypes against Keras 3.15's jax
backend, symbolic specs against eager results, exact errors, gradients, and the same
calls traced by `jax.jit` / `tf.function`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ml_dtypes
import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, standardize_dtype
from keras.ops import _core as ops_module
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor

X34 = np.arange(12, dtype="int32").reshape(3, 4)
F234 = rand(2, 3, 4)
F64 = rand(3, 4).astype("float64")


def _slice(x: Any, start: Any, shape: Any) -> Any:
    starts = [int(s) for s in start]
    return np.asarray(x)[
        tuple(slice(s, s + (d - s if n == -1 else n)) for s, n, d in zip(starts, shape, x.shape, strict=True))
    ]


def _slice_update(x: Any, start: Any, updates: Any) -> Any:
    out = np.array(x, copy=True)
    updates = np.asarray(updates)
    out[tuple(slice(s, s + n) for s, n in zip(start, updates.shape, strict=True))] = updates
    return out


def _scatter(indices: Any, values: Any, shape: Any) -> Any:
    values = np.asarray(values)
    out = np.zeros(shape, dtype=values.dtype)
    indices = np.asarray(indices)
    np.add.at(out, tuple(np.moveaxis(indices, -1, 0)), values)
    return out


_UFUNCS = {"add": np.add, "max": np.maximum, "min": np.minimum, "mul": np.multiply}


def _scatter_update(inputs: Any, indices: Any, updates: Any, reduction: str | None = None) -> Any:
    out = np.array(inputs, copy=True)
    key = tuple(np.moveaxis(np.asarray(indices), -1, 0))
    if reduction is None:
        out[key] = updates
    else:
        _UFUNCS[reduction.lower()].at(out, key, np.asarray(updates, dtype=out.dtype))
    return out


def _const(value: Any, dtype: str) -> Callable[..., Any]:
    return lambda *args, **kwargs: np.asarray(
        value, dtype=ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype
    )


def _unstack(x: Any, num: Any = None, axis: int = 0) -> list[Any]:
    x = np.asarray(x)
    return [np.take(x, i, axis=axis) for i in range(x.shape[axis])]


def _rearrange_ref(transform: Callable[[Any], Any]) -> Callable[..., Any]:
    return lambda tensor, pattern, **axes: transform(np.asarray(tensor))


SAT_F = np.array([-1e10, 1e10, np.nan, 300.7, -3.5, 1.5], dtype="float32")

CASES = [
    # slice
    Case("slice", _slice, (X34, (1, 1), (2, 2))),
    Case("slice", _slice, (X34, (0, 2), (-1, 2)), id="minus-one"),
    Case("slice", _slice, (X34, np.array([2, 0]), (1, 4)), id="array-starts"),
    Case("slice", _slice, (F234, [1, 0, 3], [1, 3, 1]), id="3d"),
    Case(
        "slice",
        lambda x, s, n: _slice(x, s, n).astype("float32"),
        (F64, (1, 1), (2, 3)),
        dtype="float32",
        id="f64",
    ),
    Case("slice", _slice, (X34, (0, 0), (0, 4)), id="empty"),
    # slice_update
    Case("slice_update", _slice_update, (X34, (1, 1), np.full((2, 3), 7, "int32"))),
    Case("slice_update", _slice_update, (rand(4, 5), (0, 4), rand(4, 1)), id="float-edge"),
    Case(
        "slice_update",
        _slice_update,
        (X34, (1, 1), np.ones((2, 2), "float32")),
        dtype="int32",
        id="cast-updates",
    ),
    Case(
        "slice_update", _slice_update, (np.zeros((2, 2), "float16"), [0, 0], [[1.5, 2.5]]), id="list-updates"
    ),
    # scatter
    Case(
        "scatter",
        _scatter,
        (np.array([[0], [2], [0]]), np.array([1.0, 2.0, 3.0], "float32"), (4,)),
        id="duplicates",
    ),
    Case(
        "scatter", _scatter, (np.array([[0, 1], [2, 0]]), np.array([1, 2], "int8"), (3, 2)), id="int8-points"
    ),
    Case("scatter", _scatter, (np.array([[1]]), rand(1, 2), (3, 2)), id="rows"),
    Case("scatter", _scatter, (np.array([[[0], [1]], [[1], [-1]]]), rand(2, 2), (3,)), id="batched-negative"),
    Case(
        "scatter",
        lambda i, v, s: _scatter(i, np.asarray(v, "float32"), s),
        ([[0], [1]], [1.5, 2.5], (2,)),
        dtype="float32",
        id="lists",
        symbolic=False,
    ),
    Case(
        "scatter",
        lambda i, v, s: _scatter(i, np.asarray(v, "int32"), s),
        ([[1]], [3], (2,)),
        id="int-list",
        symbolic=False,
    ),
    # scatter_update
    Case("scatter_update", _scatter_update, (rand(4, 3), np.array([[1], [3]]), rand(2, 3))),
    Case(
        "scatter_update",
        _scatter_update,
        (X34, np.array([[0, 1], [2, -1]]), np.array([50, 60], "int32")),
        id="points",
    ),
    Case(
        "scatter_update",
        _scatter_update,
        (np.zeros(4, "int32"), np.array([[1]]), np.array([2.7], "float32")),
        dtype="int32",
        id="cast",
    ),
    Case(
        "scatter_update", _scatter_update, (np.zeros(3, "bool"), np.array([[1]]), np.array([True])), id="bool"
    ),
    *[
        Case(
            "scatter_update",
            _scatter_update,
            (np.full(4, 2.0, "float32"), np.array([[1], [1], [-1]]), np.array([2.0, 3.0, -1.0], "float32")),
            {"reduction": reduction},
            id=f"reduce-{reduction}",
        )
        for reduction in ("add", "max", "min", "mul", "ADD")
    ],
    Case(
        "scatter_update",
        _scatter_update,
        (rand(3, 2, dtype="int32"), np.array([[0], [0], [2]]), rand(3, 2, dtype="int32")),
        {"reduction": "mul"},
        id="reduce-mul-rows",
    ),
    # saturate_cast: clipped to the target's range, NaN -> 0, truncation toward zero
    Case("saturate_cast", _const([-128, 127, 0, 127, -3, 1], "int8"), (SAT_F, "int8"), id="f32-int8"),
    Case("saturate_cast", _const([0, 255, 0, 255, 0, 1], "uint8"), (SAT_F, "uint8"), id="f32-uint8"),
    # the largest float32 below 2**31 - 1 is 2147483520
    Case(
        "saturate_cast",
        _const([-(2**31), 2147483520, 0, 300, -3, 1], "int32"),
        (SAT_F, "int32"),
        id="f32-int32",
    ),
    Case(
        "saturate_cast",
        _const([0, 255, 7], "uint8"),
        (np.array([-5, 300, 7], "int32"), "uint8"),
        id="i32-uint8",
    ),
    Case(
        "saturate_cast",
        _const([0, 100, 7], "uint32"),
        (np.array([-5, 100, 7], "int8"), "uint32"),
        id="i8-uint32",
    ),
    Case("saturate_cast", _const([127, 5], "int8"), (np.array([200, 5], "uint8"), "int8"), id="uint8-int8"),
    Case("saturate_cast", _const([1, 0], "int8"), (np.array([True, False]), "int8"), id="bool-int8"),
    Case(
        "saturate_cast",
        _const([65504.0, -65504.0, 1.0], "float16"),
        (np.array([1e10, -np.inf, 1.0], "float32"), "float16"),
        id="f32-f16",
    ),
    Case(
        "saturate_cast",
        _const([5.0, 0.0, -2.0], "float32"),
        (np.array([5, 0, -2], "int32"), "float32"),
        id="i32-f32",
    ),
    Case(
        "saturate_cast",
        _const([9.969209968386869e37, 3.0], "bfloat16"),
        (np.array([1e38, 3.0], "float32"), "bfloat16"),
        rtol=1e-2,
        id="f32-bf16",
    ),
    Case(
        "saturate_cast",
        _const([True, False, False], "bool"),
        (np.array([0.5, 0, -2], "float32"), "bool"),
        id="bool",
    ),
    Case("saturate_cast", _const([1, 255], "uint8"), ([1.5, 300.0], "uint8"), id="list", symbolic=False),
    # unstack
    Case("unstack", _unstack, (X34,)),
    Case("unstack", _unstack, (F234,), {"axis": -1}, id="last-axis"),
    Case("unstack", _unstack, (F234,), {"num": 3, "axis": 1}, id="num"),
    Case(
        "unstack",
        lambda x, **k: [v.astype("int32") for v in _unstack(x, **k)],
        (np.arange(4).reshape(2, 2),),
        dtype="int32",
        id="int64",
    ),
    # view_as_complex / view_as_real
    Case("view_as_complex", lambda x: x[..., 0] + 1j * x[..., 1], (rand(3, 2),), dtype="complex64"),
    Case(
        "view_as_complex",
        lambda x: (x[..., 0] + 1j * x[..., 1]).astype("complex64"),
        (F64.reshape(6, 2),),
        id="f64",
    ),
    Case(
        "view_as_complex",
        lambda x: (x[..., 0] + 1j * x[..., 1]).astype("complex64"),
        (X34.reshape(2, 3, 2),),
        id="int",
    ),
    Case("view_as_real", lambda x: np.stack([x.real, x.imag], -1), (np.array([1 + 2j, -3.5j], "complex64"),)),
    Case(
        "view_as_real",
        lambda x: np.stack([x.real, x.imag], -1).astype("float32"),
        (np.array([[1.5 + 2j]], "complex128"),),
        id="c128",
    ),
    Case("view_as_real", lambda x: np.stack([x, np.zeros_like(x)], -1), (X34[0],), id="int"),
    # rearrange
    Case(
        "rearrange", _rearrange_ref(lambda x: x.transpose(2, 0, 1).reshape(4, 6)), (F234, "a b c -> c (a b)")
    ),
    Case(
        "rearrange",
        _rearrange_ref(lambda x: x.reshape(2, 3, 4).transpose(1, 0, 2)),
        (F234.reshape(6, 4), "(a b) c -> b a c"),
        {"a": 2},
        id="split",
    ),
    Case(
        "rearrange",
        _rearrange_ref(lambda x: x.reshape(2, 3, 2, 2).transpose(0, 2, 1, 3).reshape(2, 2, 6)),
        (F234, "b h (w w1) -> b w (h w1)"),
        {"w1": 2},
        id="space-to-depth",
    ),
    Case(
        "rearrange", _rearrange_ref(lambda x: np.moveaxis(x, 0, -1)), (F234, "a ... -> ... a"), id="ellipsis"
    ),
    Case("rearrange", _rearrange_ref(lambda x: x.reshape(3, 1, 4)), (X34, "a b -> a 1 b"), id="unit"),
    Case("rearrange", _rearrange_ref(lambda x: x[0]), (F234[:1], "() b c -> b c"), id="drop-unit"),
    Case(
        "rearrange",
        _rearrange_ref(lambda x: x.astype("float32")),
        (F64, "a b -> a b"),
        dtype="float32",
        id="f64",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


# --- dtypes: Keras 3.15 on jax (64-bit inputs narrow to 32 bits, as jax without x64) ---------

DTYPES = ["bool", "int8", "int32", "int64", "uint8", "float16", "bfloat16", "float32", "float64"]
NARROW = {"int64": "int32", "float64": "float32"}


def _array(dtype: str) -> np.ndarray:
    return rand(2, 4, dtype="float32" if dtype == "bfloat16" else dtype).astype(
        ml_dtypes.bfloat16 if dtype == "bfloat16" else dtype
    )


DTYPE_CALLS: dict[str, Callable[[np.ndarray], Any]] = {
    "slice": lambda x: ops_module.slice(x, (0, 1), (2, 2)),
    "slice_update": lambda x: ops_module.slice_update(x, (0, 1), np.ones((1, 2), "float32")),
    "scatter_update": lambda x: ops_module.scatter_update(x, [[1, 0]], np.ones(1, "int8")),
    "unstack": lambda x: ops_module.unstack(x)[0],
    "rearrange": lambda x: ops_module.rearrange(x, "a b -> b a"),
    "view_as_real": lambda x: ops_module.view_as_real(x),
}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("op_name", sorted(DTYPE_CALLS))
def test_dtypes_match_keras(op_name: str, dtype: str) -> None:
    got = DTYPE_CALLS[op_name](_array(dtype))
    assert standardize_dtype(got.dtype) == NARROW.get(dtype, dtype)


@pytest.mark.parametrize("dtype", ["int8", "int32", "bool", "float16", "bfloat16", "float64"])
def test_scatter_and_casts_dtypes(dtype: str) -> None:
    x = _array(dtype)
    assert standardize_dtype(ops_module.view_as_complex(x[:, :2]).dtype) == "complex64"
    assert standardize_dtype(ops_module.saturate_cast(x, "int16").dtype) == "int16"
    if dtype != "bool":
        values = x[0, :1]
        got = ops_module.scatter(np.array([[2]]), values, (3,))
        assert standardize_dtype(got.dtype) == NARROW.get(dtype, dtype)


def test_weak_scalars_take_default_dtypes() -> None:
    assert standardize_dtype(ops_module.scatter([[0]], [1.0], (2,)).dtype) == "float32"
    assert standardize_dtype(ops_module.scatter([[0]], [1], (2,)).dtype) == "int32"
    got = ops_module.scatter_update(np.zeros(2, "int8"), [[0]], [100])
    assert standardize_dtype(got.dtype) == "int8"
    np.testing.assert_array_equal(to_numpy(got), [100, 0])


# --- symbolic details -----------------------------------------------------------------------


def test_symbolic_none_dims() -> None:
    x = KerasTensor((None, 6), "float32")
    assert ops_module.rearrange(x, "a (b c) -> c (a b)", c=2).shape == (2, None)
    assert ops_module.rearrange(x, "a b -> b a").shape == (6, None)
    assert ops_module.slice(x, (0, 1), (-1, 5)).shape == (None, 5)
    assert ops_module.slice(x, KerasTensor((2,), "int32"), (3, 5)).shape == (3, 5)
    assert [t.shape for t in ops_module.unstack(x, num=2, axis=0)] == [(6,), (6,)]
    assert [t.shape for t in ops_module.unstack(x, axis=1)] == [(None,)] * 6
    assert ops_module.scatter_update(x, KerasTensor((None, 1), "int32"), KerasTensor((None, 6))).shape == (
        None,
        6,
    )
    assert ops_module.view_as_real(KerasTensor((None,), "complex64")).dtype == "float32"


# --- errors -----------------------------------------------------------------------------------

ERROR_CASES: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    (
        "slice",
        (X34, (2, 1), (2, 2)),
        {},
        ValueError,
        r"window of shape \(2, 2\) starting at \(2, 1\) does not fit",
    ),
    ("slice", (X34, (-1, 0), (1, 1)), {}, ValueError, "does not fit in `inputs` of shape"),
    (
        "slice",
        (X34, (0,), (1, 1)),
        {},
        ValueError,
        r"`start_indices` must have one entry per dimension of `inputs` \(2\)",
    ),
    (
        "slice",
        (X34, (0, 0), (1,)),
        {},
        ValueError,
        r"`shape` must have one entry per dimension of `inputs` \(2\)",
    ),
    ("slice", (X34, (0, 0), (1, -2)), {}, ValueError, "`shape` must hold non-negative integers"),
    (
        "slice_update",
        (X34, (1, 3), np.ones((1, 2), "int32")),
        {},
        ValueError,
        "does not fit in `inputs` of shape",
    ),
    (
        "slice_update",
        (X34, (0, 0), np.ones(2, "int32")),
        {},
        ValueError,
        "`updates.shape` must have one entry",
    ),
    (
        "scatter",
        ([[1]], np.ones((1, 3), "float32"), (3, 2)),
        {},
        ValueError,
        r"`values` must have shape indices.shape\[:-1\] \+ shape\[k:\] = \(1, 2\) .*Received: values.shape=\(1, 3\)",
    ),
    (
        "scatter",
        ([[1, 0, 0]], np.ones(1, "float32"), (3, 2)),
        {},
        ValueError,
        r"`indices` must have shape \(..., k\) with k <= 2",
    ),
    ("scatter", ([[0.5]], np.ones(1, "float32"), (3,)), {}, ValueError, "`indices` must be integers"),
    (
        "scatter",
        ([[0]], np.ones(1, "float32"), (3, -1)),
        {},
        ValueError,
        "`shape` must be a tuple of non-negative ints",
    ),
    ("scatter", ([[0]], np.ones(1, "bool"), (3,)), {}, TypeError, "`values` cannot be bool"),
    (
        "scatter_update",
        (np.zeros((3, 2)), [[1]], np.ones((2, 2))),
        {},
        ValueError,
        r"`updates` must have shape .* = \(1, 2\)",
    ),
    (
        "scatter_update",
        (np.zeros(3), [[1]], np.ones(1)),
        {"reduction": "sub"},
        ValueError,
        r"`reduction` must be None, 'add', 'max', 'min' or 'mul'. Received: reduction='sub'",
    ),
    (
        "scatter_update",
        (np.zeros(3, "bool"), [[1]], np.ones(1, "bool")),
        {"reduction": "add"},
        TypeError,
        "`inputs` with a `reduction` cannot be bool",
    ),
    (
        "saturate_cast",
        (np.ones(2, "complex64"), "float32"),
        {},
        ValueError,
        "complex dtypes are not supported",
    ),
    (
        "unstack",
        (X34,),
        {"num": 2, "axis": 1},
        ValueError,
        r"`num` must equal x.shape\[1\] = 4. Received: num=2",
    ),
    ("unstack", (X34,), {"axis": 2}, ValueError, "axis 2 is out of bounds for a tensor of rank 2"),
    (
        "view_as_complex",
        (np.ones((3, 3), "float32"),),
        {},
        ValueError,
        r"last dimension of `x` must be 2 .*x.shape=\(3, 3\)",
    ),
    (
        "rearrange",
        (X34, "a b c -> a b c"),
        {},
        ValueError,
        "left side of `pattern` has 3 axes but the input has rank 2",
    ),
    ("rearrange", (X34, "a b -> a"), {}, ValueError, r"must name the same axes. Only on the left: \['b'\]"),
    ("rearrange", (X34, "a b"), {}, ValueError, "`pattern` must look like 'a b -> b a'"),
    ("rearrange", (X34, "a (b c) -> a b c"), {}, ValueError, r"cannot infer the lengths of \['b', 'c'\]"),
    ("rearrange", (X34, "a (b c) -> a b c"), {"c": 3}, ValueError, "the dimension 4 cannot be split into"),
    (
        "rearrange",
        (X34, "a b -> a b"),
        {"z": 3},
        ValueError,
        r"`axes_lengths` names axes not in the pattern: \['z'\]",
    ),
    ("rearrange", (X34, "a a -> a"), {}, ValueError, "an axis appears twice"),
    ("rearrange", (X34, "a (b -> a b"), {}, ValueError, "unbalanced parentheses"),
    ("rearrange", (X34, "a 2 -> a"), {}, ValueError, "unexpected '2'"),
]


@pytest.mark.parametrize(
    ("op_name", "args", "kwargs", "error", "match"),
    ERROR_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(ERROR_CASES)],
)
def test_errors(
    op_name: str, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*args, **kwargs)


def test_symbolic_errors() -> None:
    x = KerasTensor((None, 3), "float32")
    with pytest.raises(ValueError, match=r"cannot infer the number of outputs from x.shape=\(None, 3\)"):
        ops_module.unstack(x)
    with pytest.raises(ValueError, match="a size of -1 in `shape` needs static `start_indices`"):
        ops_module.slice(x, KerasTensor((2,), "int32"), (-1, 1))
    with pytest.raises(ValueError, match=r"does not fit in `inputs` of shape \(None, 3\)"):
        ops_module.slice(x, (0, 2), (1, 2))
    with pytest.raises(ValueError, match=r"`values` must have shape"):
        ops_module.scatter(KerasTensor((4, 1), "int32"), KerasTensor((3,)), (5,))


# --- dynamic start indices and traced calls ---------------------------------------------------


def test_tensor_start_indices() -> None:
    start = convert(np.array([1, 2], "int32"))
    np.testing.assert_array_equal(to_numpy(ops_module.slice(X34, start, (2, 2))), X34[1:3, 2:4])
    got = ops_module.slice_update(X34, start, np.zeros((1, 2), "int32"))
    np.testing.assert_array_equal(to_numpy(got), _slice_update(X34, (1, 2), np.zeros((1, 2), "int32")))


def _traced(fn: Callable[..., Any]) -> Callable[..., Any]:
    if backend() == "jax":
        import jax

        return jax.jit(fn)
    import tensorflow as tf

    return tf.function(fn)


needs_tracing = pytest.mark.skipif(
    backend() not in ("jax", "tensorflow"), reason="only jax and tensorflow trace functions into graphs"
)


@needs_tracing
def test_traced_calls_match_eager() -> None:
    def f(x: Any, start: Any) -> Any:
        window = ops_module.slice(x, start, (2, 2))
        updated = ops_module.slice_update(x, start, window * 2)
        scattered = ops_module.scatter_update(
            updated, np.array([[0, 0]]), np.array([-1], "int32"), reduction="min"
        )
        total = ops_module.scatter(np.array([[1], [1]]), np.array([3, 4], "int32"), (3,))
        parts = ops_module.unstack(ops_module.rearrange(scattered, "a b -> b a"))
        return scattered, total, parts[1], ops_module.saturate_cast(x * 100, "int8")

    start = convert(np.array([1, 1], "int32"))
    eager = f(convert(X34), start)
    traced = _traced(f)(convert(X34), start)
    for e, t in zip(eager, traced, strict=True):
        np.testing.assert_array_equal(to_numpy(t), to_numpy(e))
    expected = _slice_update(X34, (1, 1), X34[1:3, 1:3] * 2)
    expected[0, 0] = -1
    np.testing.assert_array_equal(to_numpy(traced[0]), expected)
    np.testing.assert_array_equal(to_numpy(traced[1]), [0, 7, 0])


# --- gradients ----------------------------------------------------------------------------------

needs_gradients = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")


def _weights(shape: tuple[int, ...]) -> np.ndarray:
    return np.arange(1, int(np.prod(shape)) + 1, dtype="float32").reshape(shape)


def backend_gradient(f: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    """Return d/dx sum(f(x) * w), w = 1, 2, 3... shaped like f(x), by the backend's autodiff."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(jax.grad(lambda t: jnp.sum(f(t) * _weights(tuple(f(t).shape))))(convert(x)))
    if name == "torch":
        import torch

        t = convert(x).requires_grad_(True)
        y = f(t)
        torch.sum(y * torch.as_tensor(_weights(tuple(y.shape)))).backward()
        return np.asarray(t.grad.numpy())
    import tensorflow as tf

    v = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = f(v.value())
        total = tf.reduce_sum(y * _weights(tuple(y.shape)))
    return np.asarray(tape.gradient(total, v))


def numeric_gradient(f: Callable[[Any], Any], x: np.ndarray, eps: float = 1e-2) -> np.ndarray:
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += eps
        down[i] -= eps
        y_up, y_down = to_numpy(f(up)), to_numpy(f(down))
        grad[i] = ((y_up - y_down) * _weights(y_up.shape)).sum() / (2 * eps)
    return grad


XG = rand(3, 4)
UPDATES = rand(1, 2)
GRADIENT_CASES: dict[str, Callable[[Any], Any]] = {
    "slice": lambda x: ops_module.slice(x, (1, 1), (2, 3)),
    "slice_update": lambda x: ops_module.slice_update(x, (1, 2), UPDATES),
    "scatter_update": lambda x: ops_module.scatter_update(
        x, np.array([[0, 1], [2, 3]]), np.ones(2, "float32")
    ),
    "scatter": lambda x: ops_module.scatter(np.array([[0], [2], [0]]), x, (4, 4)),
    "rearrange": lambda x: ops_module.rearrange(x, "a (b c) -> (c a) b", c=2),
    "unstack": lambda x: ops_module.unstack(x, axis=1)[2],
}


@needs_gradients
@pytest.mark.parametrize("op_name", sorted(GRADIENT_CASES))
def test_gradients_match_finite_differences(op_name: str) -> None:
    f = GRADIENT_CASES[op_name]
    np.testing.assert_allclose(backend_gradient(f, XG), numeric_gradient(f, XG), rtol=1e-3, atol=2e-3)
