"""Tests of the linear-algebra-like ops: values against numpy, dtypes against Keras 3, errors."""

from __future__ import annotations

import warnings
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
from keras.ops.numpy import _linear as ops_module


def _slogdet(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    sign, logabsdet = np.linalg.slogdet(x.astype("float64"))
    return sign, logabsdet


def _as(dtype: str) -> Callable[..., Any]:
    """Wrap a numpy reference so its result is cast to `dtype` (Keras's dtype, not numpy's)."""

    def wrap(reference: Callable[..., Any]) -> Callable[..., Any]:
        return lambda *args, **kwargs: np.asarray(reference(*args, **kwargs)).astype(dtype)

    return wrap


def _bool_product(reference: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: reference(*(np.asarray(a, "int32") for a in args), **kwargs) != 0


def _cross(*args: Any, **kwargs: Any) -> Any:
    """numpy's `cross`, without its deprecation warning for 2-vectors."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return np.cross(*args, **kwargs)


SQUARE = rand(3, 3, dtype="float64").astype("float32") + 3 * np.eye(3, dtype="float32")

CASES = [
    Case("matmul", np.matmul, (rand(2, 3), rand(3, 4)), rtol=1e-5),
    Case("matmul", np.matmul, (rand(2, 1, 3, 4), rand(5, 4, 2)), rtol=1e-5, id="batch-broadcast"),
    Case("matmul", np.matmul, (rand(3), rand(3)), rtol=1e-5, id="vec-vec"),
    Case("matmul", np.matmul, (rand(3), rand(2, 3, 4)), rtol=1e-5, id="vec-batch"),
    Case("matmul", np.matmul, (rand(2, 3, 4), rand(4)), rtol=1e-5, id="batch-vec"),
    Case(
        "matmul",
        _as("int32")(np.matmul),
        (rand(3, 4, dtype="int8"), rand(4, 2, dtype="int8")),
        dtype="int32",
        id="int8-int32",
    ),
    Case("matmul", np.matmul, (rand(3, 4, dtype="int8"), rand(4, 2, dtype="int32")), id="int8-int32-mixed"),
    Case("matmul", _bool_product(np.matmul), (rand(3, 4, dtype="bool"), rand(4, 2, dtype="bool")), id="bool"),
    Case(
        "matmul",
        np.matmul,
        (rand(2, 3, dtype="float16"), rand(3, 2, dtype="float16")),
        rtol=1e-2,
        atol=1e-2,
        id="float16",
    ),
    Case("dot", np.dot, (rand(2, 3), rand(3, 4)), rtol=1e-5),
    Case("dot", np.dot, (rand(2, 3, 4), rand(4)), rtol=1e-5, id="nd-vec"),
    Case("dot", np.dot, (rand(2, 3, 4), rand(5, 4, 6)), rtol=1e-5, id="nd-nd"),
    Case("dot", np.dot, (rand(2, 3), 2.0), dtype="float32", id="weak-scalar", symbolic=False),
    Case("dot", np.dot, (rand(3, dtype="int8"), rand(3, dtype="int8")), id="int8-stays"),
    Case("dot", _bool_product(np.dot), (rand(3, 2, dtype="bool"), rand(2, dtype="bool")), id="bool"),
    Case("vdot", np.vdot, (rand(2, 3), rand(6)), rtol=1e-5),
    Case("vdot", np.vdot, (rand(4, dtype="int16"), rand(4, dtype="int16")), id="int16"),
    Case("inner", np.inner, (rand(2, 3), rand(5, 4, 3)), rtol=1e-5),
    Case("inner", np.inner, (rand(3), rand(3)), rtol=1e-5, id="vec"),
    Case(
        "inner",
        np.inner,
        (rand(3, dtype="float16"), 2),
        dtype="float16",
        rtol=1e-3,
        id="weak-int",
        symbolic=False,
    ),
    Case("outer", np.outer, (rand(3), rand(4)), rtol=1e-6),
    Case("outer", np.outer, (rand(2, 3), rand(4)), rtol=1e-6, id="flattens"),
    Case("outer", np.outer, (rand(3, dtype="bool"), rand(2, dtype="bool")), id="bool"),
    Case("outer", np.outer, (rand(3, dtype="int8"), rand(2, dtype="int32")), id="int-promote"),
    Case("tensordot", np.tensordot, (rand(2, 3, 4), rand(3, 4, 5)), rtol=1e-5),
    Case(
        "tensordot",
        np.tensordot,
        (rand(2, 3, 4), rand(4, 3, 5)),
        {"axes": ([1, 2], [1, 0])},
        rtol=1e-5,
        id="pairs",
    ),
    Case("tensordot", np.tensordot, (rand(2, 3), rand(4, 5)), {"axes": 0}, rtol=1e-6, id="outer"),
    Case("tensordot", np.tensordot, (rand(2, 3), rand(3, 2)), {"axes": (1, 0)}, rtol=1e-5, id="int-pair"),
    Case(
        "tensordot",
        np.tensordot,
        (rand(3, 3, dtype="int8"), rand(3, 3, dtype="int8")),
        {"axes": 1},
        id="int8",
    ),
    Case("einsum", np.einsum, ("ij,jk->ik", rand(2, 3), rand(3, 4)), rtol=1e-5),
    Case("einsum", np.einsum, ("ij,jk", rand(2, 3), rand(3, 4)), rtol=1e-5, id="implicit"),
    Case("einsum", np.einsum, ("...ij,...jk->...ik", rand(5, 2, 3), rand(3, 4)), rtol=1e-5, id="ellipsis"),
    Case("einsum", np.einsum, ("ii->i", rand(3, 3)), id="diagonal"),
    Case("einsum", np.einsum, ("ij->", rand(3, 3)), rtol=1e-5, id="total"),
    Case("einsum", np.einsum, ("i,j,k->ijk", rand(2), rand(3), rand(4)), id="three"),
    Case(
        "einsum",
        _as("int32")(np.einsum),
        ("ij,jk->ik", rand(2, 2, dtype="int8"), rand(2, 2, dtype="int8")),
        dtype="int32",
        id="int8",
    ),
    Case(
        "einsum",
        np.einsum,
        ("ij,jk->ik", rand(2, 2, dtype="int8"), rand(2, 2, dtype="int32")),
        id="int8-int32",
    ),
    Case("einsum", np.einsum, ("ij,jk->ik", rand(2, 2, dtype="bool"), rand(2, 2, dtype="bool")), id="bool"),
    Case("kron", np.kron, (rand(2, 3), rand(4, 1, 2)), rtol=1e-6),
    Case("kron", np.kron, (rand(3, dtype="int8"), rand(2, dtype="int8")), id="int8"),
    Case("kron", np.kron, (rand(2, 2, dtype="bool"), rand(2, dtype="bool")), id="bool"),
    Case("cross", _cross, (rand(3), rand(3)), rtol=1e-5),
    Case("cross", _cross, (rand(4, 3), rand(3)), rtol=1e-5, id="broadcast"),
    Case("cross", _cross, (rand(2), rand(3)), rtol=1e-5, id="2-3"),
    Case("cross", _cross, (rand(3), rand(5, 2)), rtol=1e-5, id="3-2"),
    Case("cross", _cross, (rand(4, 2), rand(4, 2)), rtol=1e-5, id="2-2"),
    Case("cross", _cross, (rand(3, 4), rand(4, 3)), {"axisa": 0, "axisc": 0}, rtol=1e-5, id="axes"),
    Case("cross", _cross, (rand(3, 2), rand(3, 2)), {"axis": 0}, rtol=1e-5, id="axis"),
    Case("cross", _cross, (rand(3, dtype="int8"), rand(3, dtype="int8")), id="int8"),
    Case("trace", np.trace, (rand(3, 4),), rtol=1e-5),
    Case("trace", np.trace, (rand(2, 3, 4),), {"offset": 1, "axis1": 2, "axis2": 0}, rtol=1e-5, id="axes"),
    Case("trace", _as("int32")(np.trace), (rand(3, 3, dtype="int8"),), dtype="int32", id="int8"),
    Case("trace", _as("int32")(np.trace), (rand(3, 3, dtype="bool"),), dtype="int32", id="bool"),
    Case("trace", _as("uint32")(np.trace), (rand(3, 3, dtype="uint8", high=9),), dtype="uint32", id="uint8"),
    Case("correlate", np.correlate, (rand(5), rand(3)), rtol=1e-5),
    Case("correlate", np.correlate, (rand(5), rand(3)), {"mode": "same"}, rtol=1e-5, id="same"),
    Case("correlate", np.correlate, (rand(5), rand(3)), {"mode": "full"}, rtol=1e-5, id="full"),
    Case("correlate", np.correlate, (rand(3), rand(5)), rtol=1e-5, id="short-first"),
    Case("correlate", np.correlate, (rand(2), rand(5)), {"mode": "same"}, rtol=1e-5, id="short-same"),
    Case("correlate", np.correlate, (rand(4), rand(6)), {"mode": "full"}, rtol=1e-5, id="short-full"),
    Case(
        "correlate", np.correlate, (rand(4, dtype="int8"), rand(2, dtype="int8")), dtype="float32", id="int8"
    ),
    Case("slogdet", _slogdet, (SQUARE,), rtol=1e-5, atol=1e-6, dtype="float32"),
    Case("slogdet", _slogdet, (rand(2, 3, 3),), rtol=1e-4, atol=1e-5, dtype="float32", id="batch"),
    Case(
        "slogdet",
        _slogdet,
        (np.array([[2, 1], [1, 3]], dtype="int8"),),
        dtype="float32",
        rtol=1e-6,
        id="int8",
    ),
    Case("trapezoid", np.trapezoid, (rand(5),), rtol=1e-5),
    Case("trapezoid", np.trapezoid, (rand(4, 3),), {"axis": 0}, rtol=1e-5, id="axis"),
    Case("trapezoid", np.trapezoid, (rand(4, 3), np.sort(rand(3))), rtol=1e-5, id="x-1d"),
    Case("trapezoid", np.trapezoid, (rand(2, 3), rand(2, 3)), rtol=1e-5, id="x-nd"),
    Case("trapezoid", np.trapezoid, (rand(3, 4),), {"dx": 0.5, "axis": 0}, rtol=1e-5, id="dx"),
    Case("trapezoid", np.trapezoid, (np.array([1, 2, 3], dtype="int32"),), dtype="float32", id="int"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic(case: Case) -> None:
    check_symbolic(ops_module, case)


def _array(dtype: str, *shape: int) -> np.ndarray:
    x = np.ones(shape, dtype="float32")
    return x.astype(ml_dtypes.bfloat16) if dtype == "bfloat16" else x.astype(dtype)


# (x1 dtype, x2 dtype) -> Keras 3.15's output dtype for matmul, dot, vdot, inner, outer,
# kron and tensordot. matmul alone widens int8 x int8 to int32.
PRODUCT_DTYPES = [
    ("int8", "int8", "int8"),
    ("int8", "int32", "int32"),
    ("uint8", "uint8", "uint8"),
    ("int16", "int16", "int16"),
    ("int32", "int32", "int32"),
    ("float16", "float16", "float16"),
    ("bfloat16", "bfloat16", "bfloat16"),
    ("float32", "float32", "float32"),
    ("int8", "float16", "float16"),
    ("int32", "float16", "float16"),
    ("bool", "int8", "int8"),
    ("int8", "bfloat16", "bfloat16"),
    ("float16", "bfloat16", "float32"),
    ("bool", "bool", "bool"),
]
PRODUCTS: dict[str, Callable[[np.ndarray, np.ndarray], Any]] = {
    "matmul": lambda a, b: ops_module.matmul(a.reshape(3, 1), b.reshape(1, 3)),
    "dot": ops_module.dot,
    "vdot": ops_module.vdot,
    "inner": ops_module.inner,
    "outer": ops_module.outer,
    "kron": ops_module.kron,
    "tensordot": lambda a, b: ops_module.tensordot(a, b, axes=1),
    "einsum": lambda a, b: ops_module.einsum("i,i->", a, b),
}


@pytest.mark.parametrize("name", sorted(PRODUCTS))
@pytest.mark.parametrize(
    ("dtype1", "dtype2", "expected"), PRODUCT_DTYPES, ids=[f"{a}-{b}" for a, b, _ in PRODUCT_DTYPES]
)
def test_product_dtypes(name: str, dtype1: str, dtype2: str, expected: str) -> None:
    if name in ("matmul", "einsum") and dtype1 == dtype2 == "int8":
        expected = "int32"
    result = PRODUCTS[name](_array(dtype1, 3), _array(dtype2, 3))
    assert standardize_dtype(result.dtype) == expected


DTYPE_ROWS: list[tuple[str, Callable[[], Any], str]] = [
    ("dot(float16, weak int)", lambda: ops_module.dot(_array("float16", 3), 2), "float16"),
    ("dot(int8, weak float)", lambda: ops_module.dot(_array("int8", 3), 2.0), "float32"),
    ("outer(int8, weak float)", lambda: ops_module.outer(_array("int8", 3), 2.0), "float32"),
    ("kron(float16, weak int)", lambda: ops_module.kron(_array("float16", 3), 2), "float16"),
    (
        "einsum(uint8)",
        lambda: ops_module.einsum("ij,jk->ik", _array("uint8", 2, 2), _array("uint8", 2, 2)),
        "uint8",
    ),
    ("einsum(int8 x3)", lambda: ops_module.einsum("i,i,i->", *(_array("int8", 2),) * 3), "int32"),
    ("einsum(ii->i, int8)", lambda: ops_module.einsum("ii->i", _array("int8", 2, 2)), "int32"),
    (
        "einsum(int8, float16)",
        lambda: ops_module.einsum("i,i->i", _array("int8", 2), _array("float16", 2)),
        "float16",
    ),
    ("cross(int8, float16)", lambda: ops_module.cross(_array("int8", 3), _array("float16", 3)), "float16"),
    ("cross(bfloat16)", lambda: ops_module.cross(_array("bfloat16", 3), _array("bfloat16", 3)), "bfloat16"),
    ("trace(int16)", lambda: ops_module.trace(_array("int16", 3, 3)), "int32"),
    ("trace(int32)", lambda: ops_module.trace(_array("int32", 3, 3)), "int32"),
    ("trace(float16)", lambda: ops_module.trace(_array("float16", 3, 3)), "float16"),
    ("trace(bfloat16)", lambda: ops_module.trace(_array("bfloat16", 3, 3)), "bfloat16"),
    ("correlate(bool)", lambda: ops_module.correlate(_array("bool", 3), _array("bool", 3)), "float32"),
    (
        "correlate(float16)",
        lambda: ops_module.correlate(_array("float16", 3), _array("float16", 3)),
        "float16",
    ),
    (
        "correlate(int8, bfloat16)",
        lambda: ops_module.correlate(_array("int8", 3), _array("bfloat16", 3)),
        "bfloat16",
    ),
    (
        "correlate(float16, bfloat16)",
        lambda: ops_module.correlate(_array("float16", 3), _array("bfloat16", 3)),
        "float32",
    ),
    (
        "slogdet(int32)",
        lambda: ops_module.slogdet(_array("int32", 2, 2) + np.eye(2, dtype="int32")),
        "float32",
    ),
    ("slogdet(bool)", lambda: ops_module.slogdet(np.eye(2, dtype="bool")), "float32"),
    ("trapezoid(int8)", lambda: ops_module.trapezoid(_array("int8", 3)), "float32"),
    ("trapezoid(float16)", lambda: ops_module.trapezoid(_array("float16", 3)), "float16"),
    ("trapezoid(bfloat16)", lambda: ops_module.trapezoid(_array("bfloat16", 3)), "bfloat16"),
    ("trapezoid(float16, dx=2)", lambda: ops_module.trapezoid(_array("float16", 3), dx=2), "float16"),
    ("trapezoid(int8, dx=2)", lambda: ops_module.trapezoid(_array("int8", 3), dx=2), "float32"),
    (
        "trapezoid(float32, x=int8)",
        lambda: ops_module.trapezoid(_array("float32", 3), _array("int8", 3)),
        "float32",
    ),
    (
        "trapezoid(float16, x=int8)",
        lambda: ops_module.trapezoid(_array("float16", 3), _array("int8", 3)),
        "float16",
    ),
    (
        "trapezoid(float16, x=float32)",
        lambda: ops_module.trapezoid(_array("float16", 3), _array("float32", 3)),
        "float32",
    ),
    (
        "trapezoid(float16, x=bf16)",
        lambda: ops_module.trapezoid(_array("float16", 3), _array("bfloat16", 3)),
        "float32",
    ),
    (
        "trapezoid(float32, x=bool)",
        lambda: ops_module.trapezoid(_array("float32", 3), _array("bool", 3)),
        "float32",
    ),
]


@pytest.mark.parametrize(
    ("call", "expected"), [(c, e) for _, c, e in DTYPE_ROWS], ids=[n for n, _, _ in DTYPE_ROWS]
)
def test_dtype(call: Callable[[], Any], expected: str) -> None:
    result = call()
    for item in result if isinstance(result, tuple) else (result,):
        assert standardize_dtype(item.dtype) == expected


def test_slogdet_float16_is_computed_in_float32() -> None:
    sign, logabsdet = ops_module.slogdet(np.array([[2.0, 0.0], [0.0, -3.0]], dtype="float16"))
    assert standardize_dtype(sign.dtype) == standardize_dtype(logabsdet.dtype) == "float16"
    assert float(to_numpy(sign)) == -1.0
    np.testing.assert_allclose(to_numpy(logabsdet).astype("float64"), np.log(6.0), rtol=1e-3)


def test_symbolic_unknown_dims_propagate() -> None:
    x = KerasTensor((None, 3, 4), "float32")
    assert ops_module.matmul(x, KerasTensor((4, None), "float32")).shape == (None, 3, None)
    assert ops_module.matmul(KerasTensor((2, 3), "int8"), KerasTensor((3, 2), "int8")).dtype == "int32"
    assert ops_module.dot(x, KerasTensor((4,), "float32")).shape == (None, 3)
    assert ops_module.tensordot(x, KerasTensor((4, 5), "float32"), axes=1).shape == (None, 3, 5)
    assert ops_module.einsum("bij,bjk->bik", x, KerasTensor((None, 4, 6), "float32")).shape == (None, 3, 6)
    assert ops_module.outer(x, KerasTensor((2,), "float32")).shape == (None, 2)
    assert ops_module.kron(x, KerasTensor((2, 1), "float32")).shape == (None, 6, 4)
    assert ops_module.trace(x, axis1=1, axis2=2).shape == (None,)
    assert ops_module.correlate(KerasTensor((None,), "int32"), KerasTensor((3,), "int32")).shape == (None,)
    sign, logabsdet = ops_module.slogdet(KerasTensor((None, 3, 3), "int32"))
    assert sign.shape == logabsdet.shape == (None,)
    assert sign.dtype == "float32"
    assert ops_module.trapezoid(x, axis=1).shape == (None, 4)


@dataclass(frozen=True)
class ErrorCase:
    op: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    exception: type[Exception]
    match: str
    id: str


ERROR_CASES = [
    ErrorCase(
        "matmul",
        (np.ones((2, 3)), np.ones((4, 2))),
        {},
        ValueError,
        r"matmul: the last axis of `x1` \(3\) must match the contracted axis of `x2` \(4\)",
        "mismatch",
    ),
    ErrorCase(
        "matmul", (np.ones(3), 2.0), {}, ValueError, r"matmul: inputs must have rank 1 or more", "scalar"
    ),
    ErrorCase(
        "matmul",
        (np.ones((2, 2, 3)), np.ones((3, 3, 2))),
        {},
        ValueError,
        r"matmul: the batch axes of `x1` and `x2` do not broadcast",
        "batch",
    ),
    ErrorCase(
        "dot",
        (np.ones((2, 3)), np.ones((4, 2))),
        {},
        ValueError,
        r"dot: the last axis of `x1` \(3\) must match axis -2 of `x2` \(4\)",
        "mismatch",
    ),
    ErrorCase(
        "vdot",
        (np.ones(3), np.ones(4)),
        {},
        ValueError,
        r"vdot: `x1` and `x2` must have the same number of elements",
        "sizes",
    ),
    ErrorCase(
        "inner",
        (np.ones(3), np.ones(4)),
        {},
        ValueError,
        r"inner: the last axes of `x1` and `x2` must match",
        "mismatch",
    ),
    ErrorCase(
        "tensordot",
        (np.ones((2, 3)), np.ones((3, 2))),
        {"axes": 3},
        ValueError,
        r"tensordot: `axes` must be between 0 and the smaller rank \(2\)",
        "too-many",
    ),
    ErrorCase(
        "tensordot",
        (np.ones((2, 3)), np.ones((3, 2))),
        {"axes": ([0], [0])},
        ValueError,
        r"tensordot: axis 0 of `x1` \(2\) does not match axis 0 of `x2` \(3\)",
        "sizes",
    ),
    ErrorCase(
        "tensordot",
        (np.ones((2, 3)), np.ones((3, 2))),
        {"axes": ([0, 1], [0])},
        ValueError,
        r"tensordot: both lists in `axes` must have one length",
        "lengths",
    ),
    ErrorCase(
        "tensordot",
        (np.ones((2, 3)), np.ones((3, 2))),
        {"axes": ([5], [0])},
        ValueError,
        r"tensordot: axis 5 is out of bounds for a tensor of rank 2",
        "bad-axis",
    ),
    ErrorCase(
        "einsum",
        ("ij,jk->ik", np.ones((2, 3))),
        {},
        ValueError,
        r"einsum: `subscripts` names 2 operand\(s\) but 1 were given",
        "operands",
    ),
    ErrorCase(
        "einsum",
        ("ij->i", np.ones(3)),
        {},
        ValueError,
        r"einsum: term 'ij' does not match the rank of operand 0",
        "rank",
    ),
    ErrorCase(
        "einsum",
        ("ij,jk->ik", np.ones((2, 3)), np.ones((4, 2))),
        {},
        ValueError,
        r"einsum: subscript 'j' has size 3 and 4",
        "sizes",
    ),
    ErrorCase(
        "einsum",
        ("ij->z", np.ones((2, 3))),
        {},
        ValueError,
        r"einsum: output subscript 'z' does not appear in the inputs",
        "output",
    ),
    ErrorCase(
        "einsum",
        ("ij->i", np.ones((2, 3))),
        {"precision": "high"},
        TypeError,
        r"einsum: unexpected keyword arguments \['precision'\]",
        "kwargs",
    ),
    ErrorCase(
        "cross",
        (np.ones(4), np.ones(3)),
        {},
        ValueError,
        r"cross: the vector axis of `x1` must have size 2 or 3",
        "size",
    ),
    ErrorCase(
        "cross",
        (np.ones(3, "bool"), np.ones(3, "bool")),
        {},
        TypeError,
        r"cross: inputs must be numeric, not bool",
        "bool",
    ),
    ErrorCase(
        "cross",
        (np.ones(3), np.ones(3)),
        {"axis": 1},
        ValueError,
        r"cross: axis 1 is out of bounds for a tensor of rank 1",
        "bad-axis",
    ),
    ErrorCase(
        "trace",
        (np.ones(3),),
        {},
        ValueError,
        r"trace: `x` must have rank 2 or more\. Received: x\.shape=\(3,\)",
        "1d",
    ),
    ErrorCase(
        "trace",
        (np.ones((2, 2)),),
        {"axis1": 1, "axis2": -1},
        ValueError,
        r"trace: `axis1` and `axis2` must differ",
        "same-axes",
    ),
    ErrorCase(
        "correlate",
        (np.ones(3), np.ones(2)),
        {"mode": "bad"},
        ValueError,
        r"correlate: `mode` must be one of \('valid', 'same', 'full'\)\. Received: mode='bad'",
        "mode",
    ),
    ErrorCase(
        "correlate", (np.ones((2, 2)), np.ones(2)), {}, ValueError, r"correlate: inputs must be 1-D", "2d"
    ),
    ErrorCase(
        "correlate", (np.ones(0), np.ones(2)), {}, ValueError, r"correlate: inputs must not be empty", "empty"
    ),
    ErrorCase(
        "slogdet",
        (np.ones((2, 3)),),
        {},
        ValueError,
        r"slogdet: `x` must be a \(batch of\) square matrices\. Received: x\.shape=\(2, 3\)",
        "not-square",
    ),
    ErrorCase(
        "trapezoid",
        (np.ones((2, 3)), np.ones(2)),
        {},
        ValueError,
        r"trapezoid: a 1-D `x` must have one point per sample of `y` along axis 1",
        "x-length",
    ),
    ErrorCase(
        "trapezoid",
        (np.ones((2, 3)),),
        {"axis": 2},
        ValueError,
        r"trapezoid: axis 2 is out of bounds for a tensor of rank 2",
        "bad-axis",
    ),
    ErrorCase(
        "trapezoid",
        (np.ones((2, 3, 4)), np.ones((3, 4))),
        {},
        ValueError,
        r"trapezoid: `x` must be 1-D or of `y`'s rank",
        "x-rank",
    ),
]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[f"{c.op}-{c.id}" for c in ERROR_CASES])
def test_errors(case: ErrorCase) -> None:
    with pytest.raises(case.exception, match=case.match):
        getattr(ops_module, case.op)(*case.args, **case.kwargs)


def test_symbolic_errors_match_eager() -> None:
    with pytest.raises(ValueError, match=r"matmul: the last axis of `x1` \(3\) must match"):
        ops_module.matmul(KerasTensor((2, 3), "float32"), KerasTensor((4, 2), "float32"))
    with pytest.raises(ValueError, match=r"einsum: subscript 'j' has size 3 and 4"):
        ops_module.einsum("ij,jk->ik", KerasTensor((2, 3), "float32"), KerasTensor((4, 2), "float32"))


# --- gradients ----------------------------------------------------------------------------


def _grad(function: Callable[..., Any], *xs: np.ndarray) -> list[np.ndarray]:
    """Return the gradients of `sum(function(*xs))` with the active backend."""
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
        return [t.grad.numpy() for t in tensors if t.grad is not None]
    import tensorflow as tf

    variables = [tf.Variable(x) for x in xs]
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(*(tf.convert_to_tensor(v) for v in variables)))
    return [np.asarray(g) for g in tape.gradient(total, variables)]


def _numeric_grad(
    function: Callable[..., Any], xs: tuple[np.ndarray, ...], eps: float = 1e-6
) -> list[np.ndarray]:
    grads = []
    for position, x in enumerate(xs):
        grad = np.zeros_like(x)
        for index in np.ndindex(x.shape):
            step = np.zeros_like(x)
            step[index] = eps
            plus = [*xs[:position], x + step, *xs[position + 1 :]]
            minus = [*xs[:position], x - step, *xs[position + 1 :]]
            grad[index] = (np.sum(function(*plus)) - np.sum(function(*minus))) / (2 * eps)
        grads.append(grad)
    return grads


def _squared(function: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *xs: function(*xs) ** 2


GRADIENT_ROWS: list[tuple[str, Callable[..., Any], Callable[..., Any], tuple[tuple[int, ...], ...]]] = [
    ("matmul", _squared(ops_module.matmul), _squared(np.matmul), ((2, 3), (3, 2))),
    ("dot", _squared(ops_module.dot), _squared(np.dot), ((2, 3), (3,))),
    ("vdot", _squared(ops_module.vdot), _squared(np.vdot), ((2, 2), (4,))),
    ("inner", _squared(ops_module.inner), _squared(np.inner), ((2, 3), (3,))),
    ("outer", _squared(ops_module.outer), _squared(np.outer), ((2,), (3,))),
    (
        "tensordot",
        _squared(lambda a, b: ops_module.tensordot(a, b, 1)),
        _squared(lambda a, b: np.tensordot(a, b, 1)),
        ((2, 3), (3, 2)),
    ),
    (
        "einsum",
        _squared(lambda a, b: ops_module.einsum("ij,jk->ik", a, b)),
        _squared(lambda a, b: np.einsum("ij,jk->ik", a, b)),
        ((2, 3), (3, 2)),
    ),
    ("kron", _squared(ops_module.kron), _squared(np.kron), ((2,), (2, 2))),
    ("cross", _squared(ops_module.cross), _squared(_cross), ((2, 3), (3,))),
    ("trace", _squared(ops_module.trace), _squared(np.trace), ((3, 3),)),
    (
        "correlate",
        _squared(lambda a, b: ops_module.correlate(a, b, "full")),
        _squared(lambda a, b: np.correlate(a, b, "full")),
        ((4,), (2,)),
    ),
    ("slogdet", lambda x: ops_module.slogdet(x)[1], lambda x: np.linalg.slogdet(x)[1], ((3, 3),)),
    ("trapezoid", _squared(ops_module.trapezoid), _squared(np.trapezoid), ((2, 4), (4,))),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("function", "reference", "shapes"), [r[1:] for r in GRADIENT_ROWS], ids=[r[0] for r in GRADIENT_ROWS]
)
def test_gradient(
    function: Callable[..., Any], reference: Callable[..., Any], shapes: tuple[tuple[int, ...], ...]
) -> None:
    xs = tuple(rand(*shape, dtype="float64", low=0.5, high=2.0) for shape in shapes)
    if shapes == ((3, 3),):
        xs = (xs[0] + 3 * np.eye(3),)
    for got, expected in zip(_grad(function, *xs), _numeric_grad(reference, xs), strict=True):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
