"""Tests of the indexing ops: values against numpy, dtypes against Keras 3, symbolic specs, errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras import ops as keras_ops
from keras.backend import backend, standardize_dtype
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.numpy import _indexing as ops_module

X23 = rand(2, 3)
X234 = rand(2, 3, 4)
I8 = rand(4, 5, dtype="int8", low=-5, high=5)
BINS = np.array([-1.0, 0.0, 0.5, 1.5], dtype="float32")


def _int32(f: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a numpy reference so that its integer outputs read as int32 (Keras's index dtype)."""

    def ref(*args: Any, **kwargs: Any) -> Any:
        out = f(*args, **kwargs)
        if isinstance(out, tuple):
            return tuple(np.asarray(o).astype("int32") for o in out)
        return np.asarray(out).astype("int32")

    return ref


def _np_select(condlist: Any, choicelist: Any, default: Any = 0) -> Any:
    return np.select(condlist, choicelist, default)


def _np_hist(x: Any, bins: int = 10, range: Any = None) -> Any:
    counts, edges = np.histogram(x, bins=bins, range=range)
    dtype = x.dtype if x.dtype.kind == "f" else np.float32
    return counts.astype(dtype), edges.astype(dtype)


CASES = [
    # take
    Case("take", np.take, (X23, np.array([0, 5, -1]))),
    Case("take", np.take, (X23, np.array([[2, 0]]), 1), id="axis1-2d-indices"),
    Case(
        "take",
        np.take,
        (
            X234,
            np.array([1, -1]),
        ),
        {"axis": -1},
        id="neg-axis",
    ),
    Case("take", np.take, (X23, 1), {"axis": 0}, id="scalar-index"),
    Case("take", np.take, (X23, [0, 1, 0]), {"axis": 0}, id="list-index"),
    Case("take", np.take, (I8, np.array([3, 1], dtype="int8")), {"axis": 1}, id="int8-indices"),
    Case("take", np.take, (X23, np.array([2, 0], dtype="uint8")), {"axis": 1}, id="uint8-indices"),
    # take_along_axis
    Case("take_along_axis", np.take_along_axis, (X23, np.array([[0, 2], [1, -1]])), {"axis": 1}),
    Case("take_along_axis", np.take_along_axis, (X23, np.array([[1, 0, 1]])), {"axis": 0}, id="axis0"),
    Case("take_along_axis", np.take_along_axis, (X23, np.array([[2], [0]])), {"axis": -1}, id="one-column"),
    Case(
        "take_along_axis",
        np.take_along_axis,
        (X234, np.array([[[0], [3], [1]]])),
        {"axis": 2},
        id="broadcast",
    ),
    Case("take_along_axis", np.take_along_axis, (X23, np.array([5, 0, 2])), {"axis": None}, id="flat"),
    # where
    Case("where", np.where, (X23 > 0, X23, -X23)),
    Case("where", np.where, (X23 > 0, X23, 0.0), dtype="float32", id="weak-float"),
    Case("where", np.where, (I8 > 0, I8, 7), dtype="int8", id="int8-weak-int"),
    Case("where", np.where, (I8 > 0, I8, 0.5), dtype="float32", id="int8-weak-float"),
    Case("where", np.where, (np.array([1.0, 0.0, 2.0]), 1, 2), dtype="int32", id="float-condition"),
    Case("where", np.where, (np.array([[True], [False]]), X23, rand(3)), id="broadcast"),
    Case("where", _int32(np.where), (I8 > 0,), id="one-argument", symbolic=False),
    # select
    Case("select", _np_select, ([X23 > 1, X23 < -1], [X23, -X23]), {"default": 9.0}),
    Case("select", _np_select, ([I8 > 1], [I8], 3), dtype="int8", id="int8-weak-default"),
    Case("select", _np_select, ([I8 > 1], [I8], 0.5), dtype="float32", id="int8-float-default"),
    Case("select", _np_select, ([np.array([True, False])], [rand(2, 1)]), id="broadcast"),
    # get_item
    Case("get_item", lambda x, k: x[k], (X234, 1)),
    Case("get_item", lambda x, k: x[k], (X234, -1), id="negative"),
    Case("get_item", lambda x, k: x[k], (X234, (slice(None), slice(1, None, 2))), id="slices"),
    Case("get_item", lambda x, k: x[k], (X234, (Ellipsis, None, 2)), id="ellipsis-newaxis"),
    Case("get_item", lambda x, k: x[k], (X234, (None, 0, Ellipsis, slice(None, None, -1))), id="reverse"),
    Case("get_item", lambda x, k: x[k], (X234, np.array([1, 0, 1])), id="int-array"),
    Case("get_item", lambda x, k: x[k], (X234, (slice(None), np.array([[2], [0]]))), id="int-array-2d"),
    Case(
        "get_item",
        lambda x, k: x[k],
        (X234, (slice(None), np.array([0, 2]), np.array([1, 3]))),
        id="adjacent-arrays",
    ),
    Case(
        "get_item",
        lambda x, k: x[k],
        (X234, (np.array([0, 1]), slice(None), np.array([1, 3]))),
        id="separated-arrays",
    ),
    Case("get_item", lambda x, k: x[k], (X234, (0, slice(None), np.array([1, 3]))), id="int-and-array"),
    Case("get_item", lambda x, k: x[k], (X23, X23 > 0), id="bool-mask", symbolic=False),
    Case("get_item", lambda x, k: x[k], (X234, (np.array([True, False]), 1)), id="bool-rows", symbolic=False),
    Case("get_item", lambda x, k: x[k], (I8, (slice(1, 3), np.int64(2))), id="numpy-int"),
    # nonzero
    Case("nonzero", _int32(np.nonzero), (I8,), symbolic=False),
    Case("nonzero", _int32(np.nonzero), (X234 > 0,), id="bool-3d", symbolic=False),
    # unravel_index
    Case("unravel_index", np.unravel_index, (np.array([0, 5, 11], dtype="int32"), (3, 4)), dtype="int32"),
    Case("unravel_index", np.unravel_index, (np.array([[7], [3]], dtype="int64"), (2, 2, 2)), id="int64"),
    Case(
        "unravel_index", np.unravel_index, (np.array([5, 2], dtype="int8"), (2, 3)), dtype="int8", id="int8"
    ),
    Case("unravel_index", _int32(np.unravel_index), (7, (2, 4)), id="python-int", symbolic=False),
    Case(
        "unravel_index",
        _int32(lambda i, s: np.unravel_index(i % 6, s)),
        (np.array([-1, -6], dtype="int32"), (2, 3)),
        id="neg",
    ),
    # digitize
    Case("digitize", _int32(np.digitize), (X23, BINS)),
    Case(
        "digitize",
        _int32(np.digitize),
        (np.array([0.0, 0.5, 1.0, 3.0]), np.array([3.0, 1.0, 0.5])),
        id="decr",
    ),
    Case("digitize", _int32(np.digitize), (I8, np.array([-2, 0, 3])), id="int8"),
    Case(
        "digitize", _int32(np.digitize), (np.array([1.0, 2.0]), np.array([], dtype="float32")), id="no-bins"
    ),
    # searchsorted
    Case("searchsorted", _int32(np.searchsorted), (BINS, X23)),
    Case("searchsorted", _int32(np.searchsorted), (BINS, X23), {"side": "right"}, id="right"),
    Case("searchsorted", _int32(np.searchsorted), (np.array([0, 2, 2, 5]), np.array([2, 6, -1])), id="int"),
    Case(
        "searchsorted",
        _int32(np.searchsorted),
        (np.array([0, 2, 2, 5]), np.array([2, 3])),
        {"side": "right"},
        id="r",
    ),
    Case("searchsorted", _int32(np.searchsorted), (np.array([0, 1, 2], dtype="int32"), 1.5), id="weak-float"),
    # bincount
    Case("bincount", _int32(np.bincount), (np.array([0, 1, 1, 4, 1]),), symbolic=False),
    Case(
        "bincount",
        _int32(np.bincount),
        (np.array([0, 1, 1], dtype="int8"),),
        {"minlength": 5},
        id="minlength",
        symbolic=False,
    ),
    Case(
        "bincount",
        lambda x, weights: np.bincount(x, weights).astype("float32"),
        (np.array([2, 0, 2]), np.array([0.5, 1.0, 2.0], dtype="float32")),
        id="weights",
        symbolic=False,
    ),
    Case(
        "bincount",
        lambda x, weights: np.bincount(x, weights).astype("int8"),
        (np.array([2, 0, 2], dtype="uint8"), np.array([1, 2, 3], dtype="int8")),
        id="int8-weights",
        symbolic=False,
    ),
    Case(
        "bincount",
        lambda x, minlength: np.stack(
            [np.bincount(r, minlength=max(minlength, x.max() + 1)) for r in x]
        ).astype("int32"),
        (np.array([[0, 1], [3, 3]]),),
        {"minlength": 2},
        id="2d",
        symbolic=False,
    ),
    # histogram
    Case("histogram", _np_hist, (rand(20),), rtol=1e-5, symbolic=True),
    Case("histogram", _np_hist, (rand(20),), {"bins": 3, "range": (-1.0, 1.0)}, rtol=1e-5, id="range"),
    Case(
        "histogram", _np_hist, (np.array([0, 1, 1, 5, 3], dtype="int32"),), {"bins": 5}, rtol=1e-5, id="int"
    ),
    Case("histogram", _np_hist, (np.full((4,), 2.0, dtype="float32"),), {"bins": 2}, id="constant"),
    # isin
    Case("isin", np.isin, (I8, np.array([1, -2, 3]))),
    Case("isin", np.isin, (I8, np.array([[1], [0]])), {"invert": True}, id="invert"),
    Case("isin", np.isin, (np.array([1.0, 2.5]), np.array([2, 1], dtype="int8")), id="mixed-dtypes"),
    Case("isin", np.isin, (np.array([1, 2, 3]), 2), id="scalar"),
    # diff
    Case("diff", np.diff, (X234,)),
    Case("diff", np.diff, (X234,), {"n": 2, "axis": 1}, id="n2-axis1"),
    Case("diff", np.diff, (I8,), {"n": 7}, id="n-too-large"),
    Case("diff", np.diff, (I8,), {"n": 0}, id="n0"),
    Case("diff", np.diff, (X23 > 0,), {"axis": 0}, id="bool"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


# --- dtypes: expected values measured on Keras 3.15.1 (jax backend) -----------------------

DTYPES = ["bool", "int8", "uint8", "int16", "int32", "int64", "float16", "bfloat16", "float32", "float64"]


def _data(dtype: str, shape: tuple[int, ...] = (2, 3)) -> Any:
    return convert(rand(*shape, low=0, high=4).astype("float32"), dtype)


# op name -> (call, dtype -> expected output dtype; "same" = the input's)
DTYPE_TABLE: dict[str, tuple[Callable[[Any], Any], dict[str, str] | str]] = {
    "take": (lambda x: ops_module.take(x, [0, 1], axis=1), "same"),
    "take_along_axis": (lambda x: ops_module.take_along_axis(x, np.array([[0], [1]]), axis=1), "same"),
    "get_item": (lambda x: ops_module.get_item(x, (slice(None), np.array([0]))), "same"),
    # Promoting ops narrow 64-bit to 32-bit (the suite's one promotion table).
    "where_weak_int": (
        lambda x: ops_module.where(np.array([True, False, True]), x, 0),
        {"bool": "int32", "int64": "int32", "float64": "float32"},
    ),
    "where_weak_float": (
        lambda x: ops_module.where(np.array([True, False, True]), x, 0.5),
        {"float16": "float16", "bfloat16": "bfloat16"},
    ),
    "where_int8": (
        lambda x: ops_module.where(np.array([True, False, True]), x, np.int8(1)),
        {"bool": "int8", "uint8": "int16", "int64": "int32", "float64": "float32"},
    ),
    "select": (
        lambda x: ops_module.select([np.array([True, False, True])], [x], 0),
        {"bool": "int32", "int64": "int32", "float64": "float32"},
    ),
    "diff": (lambda x: ops_module.diff(x), "same"),
    "digitize": (lambda x: ops_module.digitize(x, np.array([0.0, 1.0])), {}),
    "searchsorted": (lambda x: ops_module.searchsorted(x[0], x[1]), {}),
    "isin": (lambda x: ops_module.isin(x, np.array([1])), {}),
    "nonzero": (lambda x: ops_module.nonzero(x)[0], {}),
    "histogram": (
        lambda x: ops_module.histogram(x[0], bins=2)[0],
        {"float16": "float16", "bfloat16": "bfloat16"},
    ),
    "bincount_weights": (lambda x: ops_module.bincount(np.array([0, 1, 1]), weights=x[0]), {"bool": "int32"}),
}


def _expected(op_name: str, dtype: str) -> str:
    rule = DTYPE_TABLE[op_name][1]
    if rule == "same":
        return dtype
    assert isinstance(rule, dict)
    default = {
        "where_weak_int": "same",
        "where_weak_float": "float32",
        "where_int8": "same",
        "select": "same",
        "histogram": "float32",
        "bincount_weights": "same",
        "isin": "bool",
        "digitize": "int32",
        "searchsorted": "int32",
        "nonzero": "int32",
    }[op_name]
    return rule.get(dtype, dtype if default == "same" else default)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("op_name", sorted(DTYPE_TABLE))
def test_dtypes_match_keras(op_name: str, dtype: str) -> None:
    x = _data(
        dtype, (3,) if op_name in ("where_weak_int", "where_weak_float", "where_int8", "select") else (2, 3)
    )
    got = DTYPE_TABLE[op_name][0](x)
    assert standardize_dtype(got.dtype) == _expected(op_name, dtype)


def test_unravel_index_keeps_integer_dtype() -> None:
    for dtype in ("int8", "uint8", "int16", "int32", "int64"):
        rows, cols = ops_module.unravel_index(np.array([4, 1], dtype=dtype), (2, 3))
        assert standardize_dtype(rows.dtype) == dtype and standardize_dtype(cols.dtype) == dtype
        np.testing.assert_array_equal(to_numpy(rows), [1, 0])
        np.testing.assert_array_equal(to_numpy(cols), [1, 1])


def test_searchsorted_symbolic_dtype_grows_past_int32() -> None:
    assert ops_module.searchsorted(KerasTensor((2**31,)), KerasTensor((3,))).dtype == "int64"
    assert ops_module.searchsorted(KerasTensor((None,)), KerasTensor((3,))).dtype == "int64"


# --- symbolic rules for data-dependent and structural shapes ------------------------------


def test_symbolic_data_dependent_shapes() -> None:
    x = KerasTensor((None, 3), dtype="float16")
    rows, cols = ops_module.nonzero(x)
    assert (rows.shape, rows.dtype, cols.shape) == ((None,), "int32", (None,))
    assert len(ops_module.where(KerasTensor((2, 3, 4)))) == 3
    counts = ops_module.bincount(KerasTensor((5,), dtype="int32"))
    assert (counts.shape, counts.dtype) == ((None,), "int32")
    weighted = ops_module.bincount(
        KerasTensor((2, 5), dtype="int32"), weights=KerasTensor((2, 5), dtype="float16")
    )
    assert (weighted.shape, weighted.dtype) == ((2, None), "float16")
    masked = ops_module.get_item(x, KerasTensor((None, 3), dtype="bool"))
    assert (masked.shape, masked.dtype) == ((None,), "float16")
    counts, edges = ops_module.histogram(KerasTensor((None,), dtype="int8"), bins=4)
    assert (counts.shape, edges.shape, counts.dtype, edges.dtype) == ((4,), (5,), "float32", "float32")


def test_symbolic_none_dims_propagate() -> None:
    x = KerasTensor((None, 4, 5))
    assert ops_module.take(x, KerasTensor((2, 3), dtype="int32"), axis=1).shape == (None, 2, 3, 5)
    assert ops_module.take(x, [1, 2]).shape == (2,)
    assert ops_module.take_along_axis(x, KerasTensor((1, 4, 2), dtype="int32"), axis=2).shape == (None, 4, 2)
    assert ops_module.take_along_axis(x, KerasTensor((7,), dtype="int32")).shape == (7,)
    assert ops_module.diff(x, n=2, axis=0).shape == (None, 4, 5)
    assert ops_module.diff(x, n=9).shape == (None, 4, 0)
    assert ops_module.where(KerasTensor((None, 1, 5), dtype="bool"), x, 1.0).shape == (None, 4, 5)
    assert ops_module.get_item(x, (slice(1, None), None, 0)).shape == (None, 1, 5)


@pytest.mark.skipif(
    not hasattr(keras_ops, "get_item"), reason="keras.ops does not export get_item yet (the lead lifts it)"
)
def test_keras_tensor_getitem_uses_get_item() -> None:
    x = KerasTensor((None, 4, 5), dtype="int8")
    y = x[..., 1:3]
    assert (y.shape, y.dtype) == ((None, 4, 2), "int8")
    assert x[0, None].shape == (1, 4, 5)
    assert x[:, KerasTensor((2, 3), dtype="int32")].shape == (None, 2, 3, 5)


# --- errors --------------------------------------------------------------------------------

ERRORS: list[tuple[str, tuple[Any, ...], dict[str, Any], type[Exception], str]] = [
    ("take", (X23, np.array([0.0])), {}, ValueError, r"take: `indices` must be a tensor of integers"),
    ("take", (X23, [0]), {"axis": 2}, ValueError, r"take: axis 2 is out of bounds for a tensor of rank 2"),
    ("take_along_axis", (X23, np.array([0])), {"axis": 1}, ValueError, r"must have the same rank"),
    ("take_along_axis", (X23, np.array([[0, 1]])), {"axis": 0}, ValueError, r"Cannot broadcast shape"),
    ("where", (X23 > 0, X23), {}, ValueError, r"where: `x1` and `x2` must be both given or both `None`"),
    ("where", (True,), {}, ValueError, r"nonzero: the input must have at least one dimension"),
    ("nonzero", (3.0,), {}, ValueError, r"nonzero: the input must have at least one dimension"),
    ("select", (X23 > 0, [X23]), {}, ValueError, r"select: `condlist` and `choicelist` must be lists"),
    ("select", ([X23 > 0], [X23, X23]), {}, ValueError, r"len\(condlist\)=1, len\(choicelist\)=2"),
    (
        "get_item",
        (X23, (0, 0, 0)),
        {},
        ValueError,
        r"get_item: too many indices for a tensor of shape \(2, 3\)",
    ),
    ("get_item", (X23, (Ellipsis, Ellipsis)), {}, ValueError, r"only have a single ellipsis"),
    ("get_item", (X23, (0, 3)), {}, ValueError, r"index 3 is out of bounds for axis 1 of size 3"),
    ("get_item", (X23, np.array([0.5])), {}, ValueError, r"`key` must be a tensor of integers"),
    (
        "unravel_index",
        (np.array([1.0]), (2, 2)),
        {},
        ValueError,
        r"unravel_index: `indices` must be integers",
    ),
    (
        "unravel_index",
        (np.array([1]), (2, 0)),
        {},
        ValueError,
        r"`shape` must be a sequence of positive ints",
    ),
    ("digitize", (X23, np.ones((2, 2))), {}, ValueError, r"digitize: `bins` must be 1-D"),
    ("searchsorted", (BINS, X23), {"side": "middle"}, ValueError, r"`side` must be 'left' or 'right'"),
    ("searchsorted", (np.ones((2, 2)), X23), {}, ValueError, r"`sorted_sequence` must be 1-D"),
    (
        "bincount",
        (np.array([0.0, 1.0]),),
        {},
        ValueError,
        r"bincount: `x` must be a tensor of non-negative integers",
    ),
    ("bincount", (np.zeros((1, 1, 1), dtype="int32"),), {}, ValueError, r"`x` must be 1-D or 2-D"),
    ("bincount", (np.array([0, 1]), np.ones(3)), {}, ValueError, r"`weights` must have the shape of `x`"),
    (
        "bincount",
        (np.array([0, 1]),),
        {"minlength": -1},
        ValueError,
        r"`minlength` must be a non-negative int",
    ),
    ("histogram", (rand(4),), {"bins": 2.0}, TypeError, r"histogram: `bins` must be an int"),
    ("histogram", (rand(4),), {"bins": 0}, ValueError, r"`bins` must be positive"),
    ("histogram", (rand(4),), {"range": (1.0, 0.0)}, ValueError, r"must not be less than `range\[0\]`"),
    ("histogram", (rand(4),), {"range": (1.0,)}, ValueError, r"`range` must be a tuple of two numbers"),
    ("histogram", (rand(2, 2),), {}, ValueError, r"histogram: `x` must be 1-D"),
    ("diff", (X23,), {"n": -1}, ValueError, r"diff: `n` must be a non-negative int"),
    ("diff", (X23,), {"axis": 2}, ValueError, r"diff: axis 2 is out of bounds"),
    ("diff", (1.0,), {}, ValueError, r"diff: the input must have at least one dimension"),
]


@pytest.mark.parametrize(
    ("op_name", "args", "kwargs", "error", "match"), ERRORS, ids=[e[4][:40] for e in ERRORS]
)
def test_errors(
    op_name: str, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*args, **kwargs)


@pytest.mark.parametrize(
    ("op_name", "args", "kwargs", "error", "match"), ERRORS, ids=[e[4][:40] for e in ERRORS]
)
def test_symbolic_errors(
    op_name: str, args: tuple[Any, ...], kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    symbolic = tuple(
        KerasTensor(a.shape, standardize_dtype(a.dtype)) if isinstance(a, np.ndarray) else a for a in args
    )
    with pytest.raises(error, match=match):
        getattr(ops_module, op_name)(*symbolic, **kwargs)


# --- sparse bincount ----------------------------------------------------------------------


def test_bincount_sparse() -> None:
    x = np.array([0, 3, 3, 1])
    if backend() in ("numpy", "torch"):
        with pytest.raises(ValueError, match=f"sparse=True is not supported on the {backend()} backend"):
            ops_module.bincount(x, sparse=True)
        return
    result = ops_module.bincount(x, sparse=True)
    dense = result.todense() if backend() == "jax" else _tf_to_dense(result)
    np.testing.assert_array_equal(np.asarray(dense), [1, 1, 0, 2])
    assert standardize_dtype(dense.dtype) == "int32"


def _tf_to_dense(x: Any) -> Any:
    import tensorflow as tf

    return tf.sparse.to_dense(x)


# --- gradients ----------------------------------------------------------------------------

needs_gradients = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")


def _backend_gradient(f: Callable[[Any], Any], x: np.ndarray) -> np.ndarray:
    """Return d/dx sum(f(x) * weights) with the active backend's autodiff (weights fixed)."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(jax.grad(lambda t: jnp.sum(f(t) * _weights(f(t))))(convert(x)))
    if name == "torch":
        import torch

        t = convert(x).requires_grad_(True)
        y = f(t)
        torch.sum(y * _weights(y)).backward()
        return np.asarray(t.grad.numpy())
    import tensorflow as tf

    v = tf.Variable(x)
    with tf.GradientTape() as tape:
        y = f(v.value())
        total = tf.reduce_sum(y * _weights(y))
    return np.asarray(tape.gradient(total, v))


def _weights(y: Any) -> Any:
    """Fixed weights 1, 2, 3... shaped like `y`, so each output counts differently."""
    shape = tuple(int(d) for d in y.shape)
    return convert(np.arange(1, int(np.prod(shape)) + 1, dtype="float32").reshape(shape))


def _numeric_gradient(f: Callable[[Any], Any], x: np.ndarray, eps: float = 1e-2) -> np.ndarray:
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += eps
        down[i] -= eps
        y_up, y_down = to_numpy(f(up)), to_numpy(f(down))
        weights = np.arange(1, y_up.size + 1, dtype="float64").reshape(y_up.shape)
        grad[i] = ((y_up - y_down) * weights).sum() / (2 * eps)
    return grad


# float32: promoting ops (where, select) compute in 32 bits. The cases are piecewise
# linear in x, so central differences with a large step are exact up to rounding.
X64 = rand(3, 4).astype("float32")
GRADIENT_CASES: dict[str, Callable[[Any], Any]] = {
    "take": lambda x: ops_module.take(x, np.array([[0, 2], [2, 3]]), axis=1),
    "take_along_axis": lambda x: ops_module.take_along_axis(x, np.array([[0, 0, 1, 2]]), axis=0),
    "where": lambda x: ops_module.where(X64 > 0, x, 2.0 * x),
    "select": lambda x: ops_module.select([X64 > 1, X64 < 0], [x, -3.0 * x], 1.0),
    "get_item": lambda x: ops_module.get_item(x, (slice(None, None, -1), np.array([3, 0]))),
    "diff": lambda x: ops_module.diff(x, n=2, axis=1),
}


@needs_gradients
@pytest.mark.parametrize("op_name", sorted(GRADIENT_CASES))
def test_gradients_match_finite_differences(op_name: str) -> None:
    f = GRADIENT_CASES[op_name]
    np.testing.assert_allclose(_backend_gradient(f, X64), _numeric_gradient(f, X64), rtol=1e-4, atol=2e-3)
