"""Tests of the sorting ops: values against numpy, dtypes against Keras 3, symbolic specs, errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, standardize_dtype
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.numpy import _sorting as ops_module

X234 = rand(2, 3, 4)
TIES = np.array([[3, 1, 3, 1, 2], [0, 0, 5, -1, 0]], dtype="int8")
WITH_NAN = np.array([1.0, np.nan, -2.0, np.inf, 0.5, np.nan, -np.inf], dtype="float32")
ROWS = np.array([[1, 0, 2], [0, 5, 1], [1, 0, 2], [0, 5, 0]], dtype="int32")


def _stable_argsort(x: Any, axis: Any = -1) -> Any:
    if np.ndim(x) == 0:
        return np.zeros((1,), dtype="int32")
    return np.argsort(x, axis=axis, kind="stable").astype("int32")


def _np_unique(x: Any, **kwargs: Any) -> Any:
    """np.unique with Keras's output dtypes (int32 bookkeeping) and `inverse` shaped like x."""
    size = kwargs.pop("size", None)
    fill_value = kwargs.pop("fill_value", None)
    kwargs.pop("sorted", None)
    axis = kwargs.get("axis")
    out = np.unique(x, **kwargs)
    if not isinstance(out, tuple):
        out = (out,)
    names = ["values"] + [n for n in ("index", "inverse", "counts") if kwargs.get(f"return_{n}")]
    result = dict(zip(names, out, strict=True))
    if "inverse" in result:
        result["inverse"] = result["inverse"].reshape(np.shape(x) if axis is None else (-1,))
    if size is not None:
        result = _resize(result, size, 0 if fill_value is None else fill_value, axis)
    values = result.pop("values")
    return (values, *(v.astype("int32") for v in result.values())) if result else values


def _resize(result: dict[str, Any], size: int, fill: Any, axis: Any) -> dict[str, Any]:
    values = np.moveaxis(result["values"], axis or 0, 0)
    pad = size - values.shape[0]
    if pad <= 0:
        out = {k: (v if k == "inverse" else v[:size]) for k, v in result.items()}
        out["values"] = np.moveaxis(values[:size], 0, axis or 0)
        return out
    padded = np.concatenate([values, np.full((pad, *values.shape[1:]), fill, dtype=values.dtype)])
    out = dict(result, values=np.moveaxis(padded, 0, axis or 0))
    if "index" in out:
        out["index"] = np.concatenate([out["index"], np.full((pad,), out["index"][0])])
    if "counts" in out:
        out["counts"] = np.concatenate([out["counts"], np.zeros((pad,), dtype=out["counts"].dtype)])
    return out


def _partition_ok(x: np.ndarray, indices: np.ndarray, kth: int, axis: int | None) -> None:
    """Assert `indices` partition `x` around `kth` along `axis` (order within sides is free)."""
    if axis is None:
        x, axis = x.reshape(-1), 0
    axis %= x.ndim
    picked = np.take_along_axis(x, indices, axis=axis)
    np.testing.assert_array_equal(
        np.sort(indices, axis=axis),
        np.broadcast_to(
            np.arange(x.shape[axis]).reshape([-1 if i == axis else 1 for i in range(x.ndim)]), x.shape
        ),
    )
    pivot = np.take(np.sort(x, axis=axis), [kth], axis=axis)
    np.testing.assert_array_equal(np.take(picked, [kth], axis=axis), pivot)
    assert (np.take(picked, range(kth), axis=axis) <= pivot).all()
    assert (np.take(picked, range(kth + 1, x.shape[axis]), axis=axis) >= pivot).all()


CASES = [
    # sort
    Case("sort", np.sort, (X234,)),
    Case("sort", np.sort, (X234,), {"axis": 0}, id="axis0"),
    Case("sort", np.sort, (X234,), {"axis": None}, id="flat"),
    Case("sort", np.sort, (TIES,), id="int8"),
    Case("sort", np.sort, (WITH_NAN,), id="nan-last"),
    Case("sort", np.sort, (X234 > 0,), {"axis": 1}, id="bool"),
    Case("sort", np.sort, (np.array([3, 1, 2], dtype="uint8"),), id="uint8"),
    # argsort
    Case("argsort", _stable_argsort, (X234,)),
    Case("argsort", _stable_argsort, (X234,), {"axis": 1}, id="axis1"),
    Case("argsort", _stable_argsort, (X234,), {"axis": None}, id="flat"),
    Case("argsort", _stable_argsort, (TIES,), id="ties-stable"),
    Case("argsort", _stable_argsort, (TIES,), {"axis": 0}, id="ties-axis0"),
    Case("argsort", _stable_argsort, (WITH_NAN,), id="nan-last"),
    Case("argsort", _stable_argsort, (X234 > 0,), id="bool"),
    Case("argsort", _stable_argsort, (np.array(2.0, dtype="float32"),), id="scalar"),
    # unique
    Case("unique", _np_unique, (TIES,), symbolic=False),
    Case(
        "unique",
        _np_unique,
        (TIES,),
        {"return_index": True, "return_inverse": True, "return_counts": True},
        id="all-outputs",
        symbolic=False,
    ),
    Case(
        "unique",
        _np_unique,
        (ROWS,),
        {"axis": 0, "return_inverse": True, "return_counts": True},
        id="rows",
        symbolic=False,
    ),
    Case("unique", _np_unique, (ROWS,), {"axis": 1, "return_index": True}, id="columns", symbolic=False),
    Case("unique", _np_unique, (ROWS,), {"axis": -1, "return_inverse": True, "size": 5}, id="columns-padded"),
    Case("unique", _np_unique, (X234 > 0,), {"return_counts": True}, id="bool", symbolic=False),
    Case("unique", _np_unique, (rand(7),), {"return_inverse": True}, id="float", symbolic=False),
    Case(
        "unique",
        _np_unique,
        (np.array([3, 1, 2, 1], dtype="int32"),),
        {"size": 5, "return_index": True, "return_counts": True},
        id="padded",
    ),
    Case(
        "unique",
        _np_unique,
        (np.array([3, 1, 2, 1], dtype="int32"),),
        {"size": 6, "fill_value": 7, "return_inverse": True},
        id="padded-fill",
    ),
    Case("unique", _np_unique, (TIES,), {"size": 2, "return_counts": True}, id="truncated"),
    Case("unique", _np_unique, (TIES,), {"sorted": False}, id="unsorted-flag", symbolic=False),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


PARTITIONS = [
    (X234, 2, -1),
    (X234, 0, 0),
    (X234, -1, 1),
    (X234, 5, None),
    (TIES, 2, -1),
    (X234 > 0, 1, -1),
]


@pytest.mark.parametrize(
    ("x", "kth", "axis"), PARTITIONS, ids=[f"{x.dtype}-{k}-{a}" for x, k, a in PARTITIONS]
)
def test_argpartition_partitions(x: np.ndarray, kth: int, axis: int | None) -> None:
    got = ops_module.argpartition(x, kth, axis=axis)
    assert standardize_dtype(got.dtype) == "int32"
    length = x.size if axis is None else x.shape[axis]
    _partition_ok(x, to_numpy(got).astype("int64"), kth % length, axis)
    symbolic = ops_module.argpartition(KerasTensor(x.shape, standardize_dtype(x.dtype)), kth, axis=axis)
    assert (symbolic.shape, symbolic.dtype) == (tuple(to_numpy(got).shape), "int32")


# --- dtypes: measured on Keras 3.15.1 -------------------------------------------------------

DTYPES = ["bool", "int8", "uint8", "int16", "int32", "int64", "float16", "bfloat16", "float32", "float64"]
DTYPE_CALLS: dict[str, tuple[Callable[[Any], Any], str | None]] = {
    "sort": (lambda x: ops_module.sort(x), None),
    "argsort": (lambda x: ops_module.argsort(x), "int32"),
    "argpartition": (lambda x: ops_module.argpartition(x, 1), "int32"),
    "unique": (lambda x: ops_module.unique(x), None),
    "unique_index": (lambda x: ops_module.unique(x, return_index=True)[1], "int32"),
    "unique_inverse": (lambda x: ops_module.unique(x, return_inverse=True)[1], "int32"),
    "unique_counts": (lambda x: ops_module.unique(x, return_counts=True)[1], "int32"),
}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", sorted(DTYPE_CALLS))
def test_dtypes_match_keras(name: str, dtype: str) -> None:
    call, expected = DTYPE_CALLS[name]
    x = convert(np.array([[3.0, 1.0, 2.0], [1.0, 0.0, 3.0]], dtype="float32"), dtype)
    got = call(x)
    assert standardize_dtype(got.dtype) == (expected or dtype)


# --- symbolic rules ------------------------------------------------------------------------


def test_symbolic_unique_shapes() -> None:
    x = KerasTensor((None, 3), dtype="int16")
    values = ops_module.unique(x)
    assert (values.shape, values.dtype) == ((None,), "int16")
    values, index, inverse, counts = ops_module.unique(
        x, return_index=True, return_inverse=True, return_counts=True, size=4
    )
    assert (values.shape, index.shape, inverse.shape, counts.shape) == ((4,), (4,), (None, 3), (4,))
    assert (index.dtype, inverse.dtype, counts.dtype) == ("int32", "int32", "int32")
    rows, inverse = ops_module.unique(x, axis=0, return_inverse=True)
    assert (rows.shape, inverse.shape) == ((None, 3), (None,))
    columns = ops_module.unique(x, axis=1, size=2)
    assert columns.shape == (None, 2)


def test_symbolic_sort_shapes() -> None:
    x = KerasTensor((None, 3), dtype="bfloat16")
    assert (ops_module.sort(x).shape, ops_module.sort(x).dtype) == ((None, 3), "bfloat16")
    assert ops_module.sort(x, axis=None).shape == (None,)
    assert ops_module.sort(KerasTensor((2, 3)), axis=None).shape == (6,)
    assert ops_module.argsort(KerasTensor(())).shape == (1,)
    assert ops_module.argpartition(x, 1, axis=None).shape == (None,)


# --- errors --------------------------------------------------------------------------------

ERRORS: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    ("sort", (X234,), {"axis": 3}, ValueError, r"sort: axis 3 is out of bounds for a tensor of rank 3"),
    ("sort", (1.0,), {}, ValueError, r"sort: axis -1 is out of bounds for a tensor of rank 0"),
    ("argsort", (X234,), {"axis": -4}, ValueError, r"argsort: axis -4 is out of bounds"),
    ("argpartition", (X234, 1.5), {}, ValueError, r"argpartition: `kth` must be an int. Received: kth=1.5"),
    ("argpartition", (X234, 4), {}, ValueError, r"`kth` 4 is out of bounds for an axis of size 4"),
    ("argpartition", (X234, -5), {}, ValueError, r"`kth` -5 is out of bounds for an axis of size 4"),
    ("unique", (X234,), {"axis": 3}, ValueError, r"unique: axis 3 is out of bounds"),
    ("unique", (X234,), {"size": -1}, ValueError, r"unique: `size` must be a non-negative int or None"),
]


@pytest.mark.parametrize(
    ("op_name", "args", "kwargs", "error", "match"), ERRORS, ids=[e[4][:40] for e in ERRORS]
)
def test_errors(
    op_name: str, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*args, **kwargs)
    symbolic = tuple(
        KerasTensor(np.shape(a), standardize_dtype(a.dtype)) if hasattr(a, "dtype") else a for a in args
    )
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*symbolic, **kwargs)


# --- gradients ----------------------------------------------------------------------------

needs_gradients = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")


def _weights(shape: tuple[int, ...]) -> np.ndarray:
    return np.arange(1, int(np.prod(shape)) + 1, dtype="float64").reshape(shape)


def _backend_gradient(f: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    """Return d/dx sum(f(x) * (1, 2, 3...)) with the active backend's autodiff."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(jax.grad(lambda t: jnp.sum(f(t) * _weights(tuple(f(t).shape))))(convert(x)))
    if name == "torch":
        import torch

        t = convert(x).requires_grad_(True)
        y = f(t)
        torch.sum(y * convert(_weights(tuple(y.shape)))).backward()
        return np.asarray(t.grad.numpy())
    import tensorflow as tf

    v = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = f(v.value())
        total = tf.reduce_sum(y * _weights(tuple(y.shape)))
    return np.asarray(tape.gradient(total, v))


def _numeric_gradient(f: Callable[[Any], Any], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += eps
        down[i] -= eps
        delta = to_numpy(f(up)) - to_numpy(f(down))
        grad[i] = (delta * _weights(delta.shape)).sum() / (2 * eps)
    return grad


@needs_gradients
@pytest.mark.parametrize("axis", [-1, 0, None])
def test_sort_gradient_matches_finite_differences(axis: int | None) -> None:
    x = rand(3, 4).astype("float64")

    def f(t: Any) -> Any:
        return ops_module.sort(t, axis=axis)

    np.testing.assert_allclose(_backend_gradient(f, x), _numeric_gradient(f, x), rtol=1e-6, atol=1e-6)
