"""Tests of the control-flow ops: values against closed forms, tracing, symbolic specs, errors.

Every loop is checked against a numpy closed form (cumulative sums and products,
arithmetic series, counters), eagerly and inside `jax.jit` / `tf.function`; gradients of
loops against finite differences; `custom_gradient` against closed-form gradients.
"""

from __future__ import annotations

import doctest
import types
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras import ops as keras_ops
from keras import tree
from keras.backend import backend, standardize_dtype
from keras.ops import _control_flow as ops_module
from keras.ops import _core as core_module
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.numpy import _elementwise as ew
from keras.ops.numpy import _logic as lg
from keras.ops.numpy import _reductions as rd

V5 = rand(5)
M34 = rand(3, 4)
I6 = np.arange(1, 7, dtype="int32")


def _cumsum_step(carry: Any, x: Any) -> tuple[Any, Any]:
    total = ew.add(carry, x)
    return total, total


def _scan_cumsum(init: Any, xs: Any, **kwargs: Any) -> tuple[Any, Any]:
    out = np.cumsum(xs, axis=0) + init
    reverse = kwargs.get("reverse", False)
    if reverse:
        out = np.cumsum(xs[::-1], axis=0)[::-1] + init
    out = out.astype(xs.dtype)
    return out[0 if reverse else -1], out


def _scan(init: Any, xs: Any = None, **kwargs: Any) -> Any:
    return ops_module.scan(_cumsum_step, init, xs, **kwargs)


def _assoc(f: Callable[..., Any], np_f: Callable[..., Any]) -> tuple[Callable[..., Any], Callable[..., Any]]:
    def op(elems: Any, reverse: bool = False, axis: int = 0) -> Any:
        return ops_module.associative_scan(f, elems, reverse=reverse, axis=axis)

    def ref(elems: Any, reverse: bool = False, axis: int = 0) -> Any:
        x = np.flip(elems, axis) if reverse else elems
        out = np_f(x, axis=axis).astype(elems.dtype)
        return np.flip(out, axis) if reverse else out

    return op, ref


_assoc_add, _assoc_add_ref = _assoc(ew.add, np.cumsum)
_assoc_mul, _assoc_mul_ref = _assoc(ew.multiply, np.cumprod)
_assoc_max, _assoc_max_ref = _assoc(ew.maximum, np.maximum.accumulate)


def _map_square(xs: Any) -> Any:
    return ops_module.map(lambda x: ew.multiply(x, x), xs)


def _vmap_sum(xs: Any) -> Any:
    return ops_module.vectorized_map(lambda x: rd.sum(x), xs)


def _vmap_outer(xs: Any, ys: Any) -> Any:
    return ops_module.vectorized_map(lambda p: ew.multiply(p[0], rd.sum(p[1])), (xs, ys))


def _fori_series(x: Any) -> Any:
    return ops_module.fori_loop(0, 5, lambda i, v: ew.add(v, ew.multiply(x, i)), ew.multiply(x, 0))


def _while_double(x: Any) -> Any:
    return ops_module.while_loop(lambda v: lg.less(rd.sum(v), 100.0), lambda v: ew.multiply(v, 2.0), x)


def _cond_pick(pred: Any, x: Any) -> Any:
    return ops_module.cond(pred, lambda: ew.add(x, 1.0), lambda: ew.multiply(x, 2.0))


def _switch_pick(index: Any, x: Any) -> Any:
    branches = [lambda v: ew.add(v, 1.0), lambda v: ew.multiply(v, 2.0), lambda v: ew.subtract(v, 3.0)]
    return ops_module.switch(index, branches, x)


# Wrapper "ops" for the table: a module-like namespace of the functions above.
FUNCTIONS = types.SimpleNamespace(
    scan=_scan,
    assoc_add=_assoc_add,
    assoc_mul=_assoc_mul,
    assoc_max=_assoc_max,
    map_square=_map_square,
    vmap_sum=_vmap_sum,
    vmap_outer=_vmap_outer,
    fori_series=_fori_series,
    while_double=_while_double,
    cond_pick=_cond_pick,
    switch_pick=_switch_pick,
    stop_gradient=ops_module.stop_gradient,
)


def _doubling(x: Any) -> Any:
    out = np.array(x, copy=True)
    while out.sum() < 100.0:
        out = out * 2.0
    return out


CASES = [
    Case("scan", _scan_cumsum, (np.float32(0.0), V5), rtol=1e-5, id="cumsum"),
    Case(
        "scan", _scan_cumsum, (np.zeros(4, "float32"), M34), {"reverse": True}, rtol=1e-5, id="reverse-rows"
    ),
    Case("scan", _scan_cumsum, (np.int32(10), I6), {"unroll": 2}, id="int-unroll"),
    Case("scan", _scan_cumsum, (np.float32(1.0), V5), {"unroll": True}, rtol=1e-5, id="unroll-all"),
    *[
        Case(name, ref, (x,), kwargs, rtol=1e-5, id=f"n{x.shape[0]}-{kid}")
        for name, ref in (
            ("assoc_add", _assoc_add_ref),
            ("assoc_mul", _assoc_mul_ref),
            ("assoc_max", _assoc_max_ref),
        )
        for x in (rand(1), rand(2), rand(7), rand(8))
        for kid, kwargs in (("forward", {}), ("reverse", {"reverse": True}))
    ],
    Case("assoc_add", _assoc_add_ref, (M34,), {"axis": 1}, rtol=1e-5, id="axis1"),
    Case("assoc_mul", _assoc_mul_ref, (M34,), {"axis": -1, "reverse": True}, rtol=1e-5, id="axis-1-reverse"),
    Case("assoc_mul", _assoc_mul_ref, (I6.reshape(2, 3),), {"axis": 1}, id="int-axis1"),
    Case("assoc_add", _assoc_add_ref, (rand(2, 5, 3),), {"axis": 1, "reverse": True}, rtol=1e-5, id="3d"),
    Case("map_square", lambda x: x * x, (M34,), id="rows"),
    Case("map_square", lambda x: x * x, (I6,), id="int"),
    Case("vmap_sum", lambda x: x.sum(axis=1), (M34,), rtol=1e-5),
    Case(
        "vmap_outer", lambda x, y: x * y.sum(axis=1, keepdims=True), (M34, rand(3, 2)), rtol=1e-5, id="tuple"
    ),
    Case("fori_series", lambda x: x * 10, (M34,), rtol=1e-5),
    Case("while_double", _doubling, (np.abs(M34) + 0.1,), rtol=1e-6),
    Case("cond_pick", lambda p, x: x + 1 if p else x * 2, (np.array(True), M34), id="true"),
    Case("cond_pick", lambda p, x: x + 1 if p else x * 2, (np.array(False), M34), id="false"),
    *[
        Case(
            "switch_pick",
            lambda i, x: [x + 1, x * 2, x - 3][min(max(int(i), 0), 2)],
            (np.int32(i), M34),
            id=f"i{i}",
        )
        for i in (-2, 0, 1, 2, 7)
    ],
    Case("stop_gradient", lambda x: x, (M34,)),
    Case("stop_gradient", lambda x: x, (I6,), id="int32"),
    Case("stop_gradient", lambda x: x.astype("float32"), (M34.astype("float64"),), dtype="float32", id="f64"),
    Case("stop_gradient", lambda x: np.asarray(x, "int32"), ([1, 2],), id="list", symbolic=False),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(FUNCTIONS, case)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(FUNCTIONS, case)  # type: ignore[arg-type]


# --- nested structures, edge lengths, loop forms --------------------------------------------


def test_scan_nested_carry_and_xs() -> None:
    xs = {"a": np.arange(3, dtype="float32"), "b": np.arange(1, 4, dtype="float32")}

    def step(carry: Any, x: Any) -> Any:
        total, product = carry
        return (ew.add(total, x["a"]), ew.multiply(product, x["b"])), {
            "before": total,
            "pair": [x["a"], x["b"]],
        }

    (total, product), ys = ops_module.scan(step, (np.float32(0), np.float32(1)), xs)
    assert float(to_numpy(total)) == 3.0 and float(to_numpy(product)) == 6.0
    np.testing.assert_array_equal(to_numpy(ys["before"]), [0.0, 0.0, 1.0])
    np.testing.assert_array_equal(to_numpy(ys["pair"][1]), xs["b"])


def test_scan_without_xs_and_without_outputs() -> None:
    carry, ys = ops_module.scan(lambda c, x: (ew.add(c, 2), c), 1, length=4)
    assert int(to_numpy(carry)) == 9 and standardize_dtype(carry.dtype) == "int32"
    np.testing.assert_array_equal(to_numpy(ys), [1, 3, 5, 7])
    carry, ys = ops_module.scan(lambda c, x: (ew.add(c, x), None), np.float32(0), V5)
    assert ys is None
    np.testing.assert_allclose(to_numpy(carry), V5.sum(), rtol=1e-5)


def test_scan_of_length_zero_keeps_init() -> None:
    carry, ys = ops_module.scan(_cumsum_step, np.float32(3.0), np.zeros((0,), "float32"))
    assert float(to_numpy(carry)) == 3.0
    assert to_numpy(ys).shape == (0,)


def test_associative_scan_nested() -> None:
    a, b = rand(6), rand(6)

    def combine(x: Any, y: Any) -> Any:
        return {"sum": ew.add(x["sum"], y["sum"]), "max": ew.maximum(x["max"], y["max"])}

    out = ops_module.associative_scan(combine, {"sum": a, "max": b})
    np.testing.assert_allclose(to_numpy(out["sum"]), np.cumsum(a), rtol=1e-5)
    np.testing.assert_array_equal(to_numpy(out["max"]), np.maximum.accumulate(b))


def test_while_loop_forms() -> None:
    counter = ops_module.while_loop(lambda i: lg.less(i, 10), lambda i: ew.add(i, 3), 0)
    assert int(to_numpy(counter)) == 12 and standardize_dtype(counter.dtype) == "int32"
    pair = ops_module.while_loop(
        lambda i, s: lg.less(i, 5), lambda i, s: [ew.add(i, 1), ew.add(s, i)], [0, 0]
    )
    assert isinstance(pair, tuple) and [int(to_numpy(v)) for v in pair] == [5, 10]
    limited = ops_module.while_loop(lambda i: lg.less(i, 50), lambda i: ew.add(i, 2), 0, maximum_iterations=3)
    assert int(to_numpy(limited)) == 6
    nested = ops_module.while_loop(
        lambda s: lg.less(s["n"], 3),
        lambda s: {"n": ew.add(s["n"], 1), "x": ew.multiply(s["x"], 2.0)},
        {"n": 0, "x": 1.0},
    )
    assert float(to_numpy(nested["x"])) == 8.0


def test_fori_loop_forms() -> None:
    total = ops_module.fori_loop(0, 5, lambda i, v: ew.add(v, i), 0)
    assert int(to_numpy(total)) == 10 and standardize_dtype(total.dtype) == "int32"
    pair = ops_module.fori_loop(
        1, 4, lambda i, v: (ew.multiply(v[0], i), ew.add(v[1], 1)), (np.float32(1), 0)
    )
    assert float(to_numpy(pair[0])) == 6.0 and int(to_numpy(pair[1])) == 3
    assert float(to_numpy(ops_module.fori_loop(3, 3, lambda i, v: ew.add(v, 1.0), np.float32(7)))) == 7.0


def test_map_nested_outputs() -> None:
    pairs = rand(6, 2)
    ys = ops_module.map(lambda x: {"sq": ew.multiply(x[0], x[0]), "sum": rd.sum(x[1])}, (I6, pairs))
    np.testing.assert_array_equal(to_numpy(ys["sq"]), I6 * I6)
    np.testing.assert_allclose(to_numpy(ys["sum"]), pairs.sum(axis=1), rtol=1e-5)


def test_cond_with_python_bool_and_structures() -> None:
    out = ops_module.cond(
        True, lambda: (np.float32(1), [np.int32(2)]), lambda: (np.float32(3), [np.int32(4)])
    )
    assert float(to_numpy(out[0])) == 1.0 and int(to_numpy(out[1][0])) == 2


def test_switch_without_operands() -> None:
    out = ops_module.switch(1, [lambda: np.float32(1.0), lambda: np.float32(2.0)])
    assert float(to_numpy(out)) == 2.0


# --- inside jax.jit / tf.function -----------------------------------------------------------

needs_tracing = pytest.mark.skipif(
    backend() not in ("jax", "tensorflow"), reason="only jax and tensorflow trace functions into graphs"
)


def _traced(fn: Callable[..., Any]) -> Callable[..., Any]:
    if backend() == "jax":
        import jax

        return jax.jit(fn)
    import tensorflow as tf

    return tf.function(fn)


def _flat_numpy(value: Any) -> list[np.ndarray]:
    return [to_numpy(v) for v in tree.flatten(value)]


@needs_tracing
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_traced_matches_eager(case: Case) -> None:
    if not all(isinstance(a, np.ndarray | np.generic) for a in case.args):
        pytest.skip("a Python-list argument is not a tensor and cannot be traced")
    fn = getattr(FUNCTIONS, case.op)
    args = [convert(a) for a in case.args]
    traced = _traced(lambda *a: fn(*a, **case.kwargs))(*args)
    expected = case.ref(*case.args, **case.kwargs)
    for got, ref in zip(_flat_numpy(traced), [np.asarray(e) for e in tree.flatten(expected)], strict=True):
        np.testing.assert_allclose(got.astype("float64"), ref.astype("float64"), rtol=max(case.rtol, 1e-5))


@needs_tracing
def test_traced_bounds_and_nested_loops() -> None:
    def f(n: Any, x: Any) -> Any:
        # fori_loop with a traced bound, a scan and a while_loop inside its body.
        def body(i: Any, acc: Any) -> Any:
            _, ys = ops_module.scan(_cumsum_step, ew.multiply(x[0], 0.0), x)
            count = ops_module.while_loop(lambda k: lg.less(k, i), lambda k: ew.add(k, 1), 0)
            return ew.add(acc, ew.multiply(ys, ew.add(count, 0.0)))

        return ops_module.fori_loop(0, n, body, ew.multiply(x, 0.0))

    x = rand(4)
    got = _traced(f)(convert(np.int32(4)), convert(x))
    np.testing.assert_allclose(to_numpy(got), np.cumsum(x) * (0 + 1 + 2 + 3), rtol=1e-5)


# --- symbolic -------------------------------------------------------------------------------


def test_symbolic_control_flow_specs() -> None:
    x = KerasTensor((None, 3), "float32")
    carry, ys = ops_module.scan(lambda c, v: (ew.add(c, v), lg.less(c, v)), np.zeros(3, "float32"), x)
    assert (carry.shape, carry.dtype, ys.shape, ys.dtype) == ((3,), "float32", (None, 3), "bool")
    carry, ys = ops_module.scan(lambda c, v: (ew.add(c, 1), None), KerasTensor((), "int32"), length=4)
    assert (carry.shape, carry.dtype, ys) == ((), "int32", None)
    out = ops_module.map(lambda v: {"s": rd.sum(v)}, x)
    assert out["s"].shape == (None,)
    assert ops_module.fori_loop(0, 3, lambda i, v: ew.add(v, 1.0), x).shape == (None, 3)
    pair = ops_module.while_loop(lambda i, v: lg.less(i, 3), lambda i, v: (ew.add(i, 1), v), (0, x))
    assert [p.shape for p in pair] == [(), (None, 3)]
    assert ops_module.associative_scan(ew.add, KerasTensor((2, 5), "int8"), axis=1).shape == (2, 5)
    assert ops_module.cond(KerasTensor((), "bool"), lambda: x, lambda: ew.add(x, 1.0)).shape == (None, 3)
    picked = ops_module.switch(KerasTensor((), "int32"), [lambda v: v, lambda v: ew.multiply(v, 2.0)], x)
    assert picked.shape == (None, 3)
    assert ops_module.stop_gradient(KerasTensor((2,), "float64")).dtype == "float32"


def test_symbolic_graph_replays() -> None:
    from keras.ops._function import Function

    x = KerasTensor((None, 3), "float32")
    _, ys = ops_module.scan(_cumsum_step, np.zeros(3, "float32"), x)
    function = Function(inputs=x, outputs=ys)
    data = rand(4, 3)
    np.testing.assert_allclose(to_numpy(function(data)), np.cumsum(data, axis=0), rtol=1e-5)


# --- errors ---------------------------------------------------------------------------------


def test_cond_branches_must_agree() -> None:
    pred = KerasTensor((), "bool")
    with pytest.raises(
        ValueError,
        match=r"cond: the output of `true_fn` and the output of `false_fn` must have the same "
        r"structure, shapes and dtypes. Received: the output of `true_fn`=float32\[2\], the output "
        r"of `false_fn`=float32\[3\]",
    ):
        ops_module.cond(pred, lambda: np.ones(2, "float32"), lambda: np.ones(3, "float32"))
    with pytest.raises(ValueError, match=r"`true_fn`=int32\[2\], the output of `false_fn`=float32\[2\]"):
        ops_module.cond(pred, lambda: np.ones(2, "int32"), lambda: np.ones(2, "float32"))
    with pytest.raises(ValueError, match="must have the same structure"):
        ops_module.cond(pred, lambda: (np.ones(2),), lambda: [np.ones(2), np.ones(2)])


ERROR_CASES: list[tuple[Callable[[], Any], type[Exception], str]] = [
    (
        lambda: ops_module.cond(np.array([True, False]), lambda: 1, lambda: 2),
        ValueError,
        r"cond: `pred` must be a scalar boolean. Received: pred.shape=\(2,\)",
    ),
    (
        lambda: ops_module.cond(True, 1, lambda: 2),
        TypeError,
        "cond: `true_fn` must be callable. Received: true_fn=1",
    ),
    (
        lambda: ops_module.switch(0, []),
        ValueError,
        "switch: `branches` must be a non-empty list of functions",
    ),
    (
        lambda: ops_module.scan(_cumsum_step, 0.0),
        ValueError,
        "scan: there is nothing to scan over: pass `xs` or `length`",
    ),
    (
        lambda: ops_module.scan(_cumsum_step, 0.0, V5, unroll=0),
        ValueError,
        "scan: `unroll` must be a positive integer or a bool. Received: unroll=0",
    ),
    (
        lambda: ops_module.scan(_cumsum_step, 0.0, [V5, rand(4)]),
        ValueError,
        "scan: every leaf of `xs` must have the same leading dimension. Received: xs=",
    ),
    (
        lambda: ops_module.scan(_cumsum_step, 0.0, V5, length=3),
        ValueError,
        "must have the same leading dimension as `length`",
    ),
    (
        lambda: ops_module.scan(_cumsum_step, 0.0, np.float32(1.0)),
        ValueError,
        "scan: every leaf of `xs` must have a leading axis to loop over",
    ),
    (
        lambda: ops_module.associative_scan(lambda a, b: a, [rand(3), rand(4)]),
        ValueError,
        "associative_scan: every leaf of `elems` must have the same size along axis 0",
    ),
    (
        lambda: ops_module.associative_scan(ew.add, rand(3), axis=1),
        ValueError,
        "associative_scan: axis 1 is out of bounds for a tensor of rank 1",
    ),
    (
        lambda: ops_module.map(lambda x: x, [V5, rand(3)]),
        ValueError,
        "map: every leaf of `xs` must have the same leading dimension",
    ),
    (
        lambda: ops_module.while_loop(lambda i, j: lg.less(i, 3), lambda i, j: ew.add(i, 1), (0, 0)),
        ValueError,
        r"while_loop: `body` must return as many values as there are loop variables \(2\). Received 1 values.",
    ),
    (
        lambda: ops_module.while_loop(
            lambda i: lg.less(i, 3), lambda i: ew.add(i, 1), 0, maximum_iterations=-1
        ),
        ValueError,
        "while_loop: `maximum_iterations` must be a non-negative integer or None",
    ),
    (lambda: ops_module.custom_gradient(3), TypeError, "custom_gradient: `f` must be callable"),
]


@pytest.mark.parametrize(
    ("call", "error", "match"), ERROR_CASES, ids=[str(i) for i in range(len(ERROR_CASES))]
)
def test_errors(call: Callable[[], Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        call()


def test_symbolic_errors() -> None:
    x = KerasTensor((None, 3), "float32")
    with pytest.raises(
        ValueError,
        match=r"scan: `init` and the carry returned by `f` must have the same structure, "
        r"shapes and dtypes. Received: `init`=float32\[3\], the carry returned by `f`=bool\[3\]",
    ):
        ops_module.scan(lambda c, v: (lg.less(c, v), v), np.zeros(3, "float32"), x)
    with pytest.raises(
        ValueError, match=r"fori_loop: `init_val` and the output of `body_fun` must have the same"
    ):
        ops_module.fori_loop(0, 2, lambda i, v: rd.sum(v), x)
    with pytest.raises(ValueError, match="while_loop: `cond` must return a scalar boolean"):
        ops_module.while_loop(lambda v: lg.less(v, 1.0), lambda v: v, x)
    with pytest.raises(
        ValueError, match=r"switch: the output of `branches\[0\]` and the output of `branches\[1\]`"
    ):
        ops_module.switch(KerasTensor((), "int32"), [lambda v: v, lambda v: rd.sum(v)], x)
    with pytest.raises(
        ValueError, match=r"cond: `pred` must be a scalar boolean. Received: pred.shape=\(None,\)"
    ):
        ops_module.cond(KerasTensor((None,), "bool"), lambda: x, lambda: x)


# --- gradients ------------------------------------------------------------------------------

needs_gradients = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")


def _weights(shape: tuple[int, ...]) -> np.ndarray:
    return np.arange(1, int(np.prod(shape)) + 1, dtype="float32").reshape(shape)


def backend_gradient(f: Callable[..., Any], *xs: np.ndarray) -> list[np.ndarray]:
    """Return d/dx_i sum(f(*xs) * w), w = 1, 2, 3... shaped like the output, by autodiff."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        def total(*ts: Any) -> Any:
            y = f(*ts)
            return jnp.sum(y * _weights(tuple(y.shape)))

        grads = jax.grad(total, argnums=tuple(range(len(xs))))(*[convert(x) for x in xs])
        return [np.asarray(g) for g in grads]
    if name == "torch":
        import torch

        ts = [convert(x).requires_grad_(True) for x in xs]
        y = f(*ts)
        torch.sum(y * torch.as_tensor(_weights(tuple(y.shape)))).backward()
        return [np.asarray(t.grad.numpy()) for t in ts]
    import tensorflow as tf

    variables = [tf.Variable(x) for x in xs]
    with tf.GradientTape() as tape:
        y = f(*[v.value() for v in variables])
        total = tf.reduce_sum(y * _weights(tuple(y.shape)))
    return [np.asarray(tf.convert_to_tensor(g)) for g in tape.gradient(total, variables)]


def numeric_gradient(f: Callable[[Any], Any], x: np.ndarray, eps: float = 1e-3) -> np.ndarray:
    x = x.astype("float64")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        up, down = x.copy(), x.copy()
        up[i] += eps
        down[i] -= eps
        y_up, y_down = to_numpy(f(up.astype("float32"))), to_numpy(f(down.astype("float32")))
        grad[i] = ((y_up.astype("float64") - y_down) * _weights(y_up.shape)).sum() / (2 * eps)
    return grad


XG = rand(4, low=0.5, high=1.5)
LOOP_GRADIENTS: dict[str, Callable[[Any], Any]] = {
    "scan-cumprod": lambda x: ops_module.scan(lambda c, v: (ew.multiply(c, v), ew.multiply(c, v)), 1.0, x)[1],
    "fori_loop-power": lambda x: ops_module.fori_loop(
        0, 3, lambda i, v: ew.multiply(v, x), ew.add(ew.multiply(x, 0.0), 1.0)
    ),
    "associative_scan-cumprod": lambda x: ops_module.associative_scan(ew.multiply, x),
    "map-square": lambda x: ops_module.map(lambda v: ew.multiply(v, v), x),
    "vectorized_map-square": lambda x: ops_module.vectorized_map(lambda v: ew.multiply(v, v), x),
    "cond": lambda x: ops_module.cond(True, lambda: ew.multiply(x, x), lambda: x),
    "stop_gradient": lambda x: ew.multiply(x, ops_module.stop_gradient(x)),
}


@needs_gradients
@pytest.mark.parametrize("name", sorted(LOOP_GRADIENTS))
def test_loop_gradients_match_finite_differences(name: str) -> None:
    f = LOOP_GRADIENTS[name]
    (got,) = backend_gradient(f, XG)
    if name == "stop_gradient":
        np.testing.assert_allclose(got, XG * _weights(XG.shape), rtol=1e-5)  # d(x * const)/dx = const
        return
    np.testing.assert_allclose(got, numeric_gradient(f, XG), rtol=2e-3, atol=2e-3)


@ops_module.custom_gradient
def _cube(x: Any) -> Any:
    def grad_fn(upstream: Any) -> Any:
        return ew.multiply(upstream, ew.multiply(3.0, ew.multiply(x, x)))

    return ew.multiply(x, ew.multiply(x, x)), grad_fn


@ops_module.custom_gradient
def _square_with_fake_gradient(x: Any) -> Any:
    # The forward value is x**2, but the declared gradient is a constant 5: autodiff must use it.
    return ew.multiply(x, x), lambda upstream: ew.multiply(upstream, 5.0)


@ops_module.custom_gradient
def _product(x: Any, y: Any) -> Any:
    return ew.multiply(x, y), lambda upstream: (
        ew.multiply(upstream, y),
        ew.multiply(upstream, ew.add(x, 100.0)),
    )


@needs_gradients
def test_custom_gradient_matches_closed_forms() -> None:
    w = _weights(XG.shape)
    np.testing.assert_allclose(to_numpy(_cube(XG)), XG**3, rtol=1e-5)
    (cube_grad,) = backend_gradient(_cube, XG)
    np.testing.assert_allclose(cube_grad, 3 * XG**2 * w, rtol=1e-5)
    (fake_grad,) = backend_gradient(_square_with_fake_gradient, XG)
    np.testing.assert_allclose(fake_grad, 5.0 * w, rtol=1e-6)
    y = rand(4)
    grad_x, grad_y = backend_gradient(_product, XG, y)
    np.testing.assert_allclose(grad_x, y * w, rtol=1e-5)
    np.testing.assert_allclose(grad_y, (XG + 100.0) * w, rtol=1e-5)


def test_custom_gradient_forward_value_and_symbolic_call() -> None:
    np.testing.assert_allclose(to_numpy(_square_with_fake_gradient(XG)), XG * XG, rtol=1e-6)
    out = _cube(KerasTensor((None, 2), "float32"))
    assert isinstance(out, KerasTensor) and out.shape == (None, 2)
    assert _cube.__name__ == "_cube"


# --- docstring examples (numpy backend) -----------------------------------------------------


@pytest.mark.skipif(backend() != "numpy", reason="docstring examples show numpy-backend outputs")
@pytest.mark.parametrize("module", [ops_module, core_module], ids=lambda m: m.__name__)
def test_docstring_examples(module: Any) -> None:
    ops_namespace = types.SimpleNamespace(
        **{n: getattr(keras_ops, n) for n in dir(keras_ops) if not n.startswith("_")}
    )
    for name in module.__all__:
        setattr(ops_namespace, name, getattr(module, name))
    globs = {"keras": types.SimpleNamespace(ops=ops_namespace), "np": np}
    finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for name in module.__all__:
        for example in finder.find(getattr(module, name), name, globs=globs):
            runner.run(example)
    result = runner.summarize(verbose=False)
    assert result.attempted >= len(module.__all__)
    assert result.failed == 0
