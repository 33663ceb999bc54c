"""Tests of the shape ops: values against numpy, dtypes against Keras 3, symbolic specs, errors, gradients."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, standardize_dtype
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.numpy import _shape as ops_module

X234 = rand(2, 3, 4)
X23 = rand(2, 3)
I8 = rand(2, 3, dtype="int8", low=-5, high=5)
B23 = rand(2, 3, dtype="bool")
V5 = np.array([3, -1, 4, 1, -5], dtype="int32")


def _list_ref(function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a numpy function returning a list, for `check_values`."""
    return lambda *a, **k: list(function(*a, **k))


def _promoted(dtype: str, function: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *a, **k: np.asarray(function(*a, **k)).astype(dtype)


def _pad_ref(x: Any, pad_width: Any, mode: str = "constant", constant_values: Any = None) -> Any:
    if mode == "circular":
        mode = "wrap"
    if mode == "empty":
        return np.pad(x, pad_width, mode="constant")
    kwargs = {} if constant_values is None else {"constant_values": constant_values}
    return np.pad(x, pad_width, mode=mode, **kwargs)


CASES = [
    # reshape / ravel / expand_dims / squeeze / broadcast_to
    Case("reshape", np.reshape, (X234, (4, 6))),
    Case("reshape", np.reshape, (X234, (-1, 4)), id="infer"),
    Case("reshape", lambda x, s: np.reshape(x, (2, -1)), (X234, (2, None)), id="none-infers"),
    Case("reshape", np.reshape, (I8, 6), id="int-newshape"),
    Case("reshape", np.reshape, (np.float32(3.0), (1, 1)), id="scalar", symbolic=False),
    Case("reshape", np.reshape, (np.zeros((0, 3), "float32"), (3, 0)), id="empty"),
    Case(
        "reshape",
        lambda x, s: np.reshape(np.asarray(x, "int32"), s),
        ([1, 2, 3, 4], (2, 2)),
        dtype="int32",
        id="list",
        symbolic=False,
    ),
    Case("ravel", np.ravel, (X234,)),
    Case("ravel", np.ravel, (np.float32(2.0),), id="scalar", symbolic=False),
    Case("ravel", np.ravel, (B23,), id="bool"),
    Case("expand_dims", np.expand_dims, (X23, 0)),
    Case("expand_dims", np.expand_dims, (X23, -1), id="last"),
    Case("expand_dims", np.expand_dims, (X23, (0, 3)), id="tuple"),
    Case("squeeze", np.squeeze, (np.zeros((1, 3, 1), "int8"),)),
    Case("squeeze", np.squeeze, (np.zeros((1, 3, 1), "int8"),), {"axis": -1}, id="axis"),
    Case("squeeze", np.squeeze, (np.zeros((1, 3, 1), "int8"),), {"axis": (0, 2)}, id="axes"),
    Case("broadcast_to", np.broadcast_to, (np.array([1, 2, 3], "int16"), (2, 3))),
    Case("broadcast_to", np.broadcast_to, (rand(3, 1), (2, 3, 4)), id="expand"),
    Case("broadcast_to", np.broadcast_to, (np.float32(1.5), 4), id="scalar-int-shape", symbolic=False),
    # permutations
    Case("transpose", np.transpose, (X234,)),
    Case("transpose", np.transpose, (X234, (1, 0, 2)), id="axes"),
    Case("transpose", np.transpose, (X234, (-1, 0, 1)), id="negative"),
    Case("transpose", np.transpose, (B23,), id="bool"),
    Case("moveaxis", np.moveaxis, (X234, 0, -1)),
    Case("moveaxis", np.moveaxis, (X234, (0, 1), (2, 0)), id="tuple"),
    Case("swapaxes", np.swapaxes, (X234, 0, 2)),
    Case("swapaxes", np.swapaxes, (I8, -1, 0), id="int8"),
    # joining
    Case("concatenate", np.concatenate, ([X23, rand(1, 3)],)),
    Case("concatenate", np.concatenate, ([X23, rand(2, 2)],), {"axis": 1}, id="axis1"),
    Case("concatenate", np.concatenate, ([X23, I8],), {"axis": -1}, id="promote-float32"),
    Case("concatenate", np.concatenate, ([X234, X23],), {"axis": None}, id="flat"),
    Case(
        "concatenate",
        _promoted("float16", np.concatenate),
        ([I8, rand(2, 3, dtype="float16")],),
        id="int8-float16",
    ),
    Case(
        "concatenate", _promoted("int16", np.concatenate), ([I8, rand(1, 3, dtype="uint8")],), id="int8-uint8"
    ),
    Case("concatenate", _promoted("int8", np.concatenate), ([B23, I8],), id="bool-int8"),
    Case("concatenate", np.concatenate, ([B23, B23],), id="bool"),
    Case("concatenate", np.concatenate, ([rand(2, dtype="int64")],), id="single"),
    Case("stack", np.stack, ([X23, X23],)),
    Case("stack", np.stack, ([X23, X23, X23],), {"axis": -1}, id="last"),
    Case(
        "stack",
        _promoted("float16", np.stack),
        ([I8, rand(2, 3, dtype="float16")],),
        {"axis": 1},
        id="promote",
    ),
    Case("stack", np.stack, ([np.int8(1), 3],), dtype="int8", id="weak-scalar", symbolic=False),
    Case("hstack", np.hstack, ([X23, rand(2, 1)],)),
    Case("hstack", np.hstack, ([V5, V5[:2]],), id="1d"),
    Case("hstack", _promoted("float16", np.hstack), ([I8, rand(2, 2, dtype="float16")],), id="promote"),
    Case("vstack", np.vstack, ([X23, rand(1, 3)],)),
    Case("vstack", np.vstack, ([V5, V5],), id="1d"),
    Case("dstack", np.dstack, ([X23, X23],)),
    Case("dstack", np.dstack, ([V5, V5],), id="1d"),
    Case("dstack", np.dstack, ([X234, rand(2, 3)],), id="3d-2d"),
    Case("append", np.append, (X23, rand(4))),
    Case("append", np.append, (X23, rand(1, 3)), {"axis": 0}, id="axis"),
    Case("append", lambda a, b: np.append(a, b).astype("int8"), (I8, 3), dtype="int8", id="weak-int"),
    Case(
        "append",
        lambda a, b: np.append(a, b).astype("float32"),
        (I8, 3.0),
        dtype="float32",
        id="weak-float-int8",
    ),
    Case(
        "append",
        lambda a, b: np.append(a, b).astype("float16"),
        (rand(2, dtype="float16"), 3.0),
        id="weak-float16",
    ),
    Case("append", lambda a, b: np.append(a, b).astype("int32"), (I8, [3]), dtype="int32", id="list-strong"),
    # splitting
    Case("split", _list_ref(np.split), (X234, 2)),
    Case("split", _list_ref(np.split), (X234, 3), {"axis": 1}, id="axis1"),
    Case("split", _list_ref(np.split), (np.arange(10, dtype="int32"), [3, 5]), id="indices"),
    Case("split", _list_ref(np.split), (np.arange(10, dtype="int32"), [-3, 20]), id="indices-clamped"),
    Case("split", _list_ref(np.split), (np.arange(10, dtype="int32"), [6, 2]), id="indices-decreasing"),
    Case("array_split", _list_ref(np.array_split), (np.arange(10, dtype="int32"), 3)),
    Case("array_split", _list_ref(np.array_split), (X234, 3), {"axis": -1}, id="axis"),
    Case("array_split", _list_ref(np.array_split), (np.arange(10, dtype="int32"), [3, 5]), id="indices"),
    Case("hsplit", _list_ref(np.hsplit), (rand(2, 4), 2)),
    Case("hsplit", _list_ref(np.hsplit), (V5, [2]), id="1d"),
    Case("vsplit", _list_ref(np.vsplit), (rand(4, 2), [1, 3])),
    Case("dsplit", _list_ref(np.dsplit), (X234, 2)),
    # flips, rolls, rotations
    Case("flip", np.flip, (X234,)),
    Case("flip", np.flip, (X234,), {"axis": 1}, id="axis"),
    Case("flip", np.flip, (X234,), {"axis": (0, -1)}, id="axes"),
    Case("flip", np.flip, (B23,), {"axis": 0}, id="bool"),
    Case("flip", np.flip, (np.float32(2.0),), id="scalar", symbolic=False),
    Case("fliplr", np.fliplr, (X234,)),
    Case("flipud", np.flipud, (V5,)),
    Case("roll", np.roll, (X234, 2)),
    Case("roll", np.roll, (X234, -1), {"axis": 1}, id="axis"),
    Case("roll", np.roll, (X234, (1, 2)), {"axis": (0, 2)}, id="axes"),
    Case("roll", np.roll, (X234, (1, 2)), {"axis": (1, 1)}, id="repeated-axis"),
    Case("roll", np.roll, (X234, 1), {"axis": (0, 1)}, id="one-shift"),
    Case("roll", np.roll, (B23, 1), {"axis": 1}, id="bool"),
    Case("rot90", np.rot90, (X234,)),
    Case("rot90", np.rot90, (X234, 2), id="k2"),
    Case("rot90", np.rot90, (X234, 3, (2, 0)), id="k3-axes"),
    Case("rot90", np.rot90, (X234, -1, (1, 2)), id="negative-k"),
    Case("rot90", np.rot90, (X234, 4), id="k4"),
    # repetition
    Case("tile", np.tile, (X23, 2)),
    Case("tile", np.tile, (X23, (2, 1, 3)), id="more-reps"),
    Case("tile", np.tile, (X234, (2, 1)), id="fewer-reps"),
    Case("tile", np.tile, (I8, 0), id="zero"),
    Case("repeat", np.repeat, (X23, 2)),
    Case("repeat", np.repeat, (X23, 2), {"axis": 1}, id="axis"),
    Case("repeat", np.repeat, (X23, [1, 0, 3]), {"axis": -1}, id="counts"),
    Case("repeat", np.repeat, (X23, [2]), {"axis": 0}, id="one-count"),
    Case("repeat", np.repeat, (B23, 3), {"axis": 0}, id="bool"),
    Case(
        "repeat", np.repeat, (X23, np.array([1, 2], "int32")), {"axis": 0}, id="tensor-counts", symbolic=False
    ),
    # padding
    Case("pad", _pad_ref, (X23, 1)),
    Case("pad", _pad_ref, (X23, ((1, 2), (0, 3)))),
    Case("pad", _pad_ref, (X23, (2, 1)), id="pair"),
    Case("pad", _pad_ref, (X23, ((2, 1),)), id="one-pair"),
    Case("pad", _pad_ref, (X23, ((1,), (2,))), id="singletons"),
    Case("pad", _pad_ref, (I8, 1), {"constant_values": 3.7}, dtype="int8", id="int8-constant-cast"),
    Case("pad", _pad_ref, (B23, 1), {"constant_values": True}, id="bool"),
    Case("pad", _pad_ref, (X23, 0), id="zero-width"),
    *[
        Case("pad", _pad_ref, (X234, ((1, 2), (3, 0), (2, 5))), {"mode": mode}, id=mode)
        for mode in (
            "edge",
            "reflect",
            "symmetric",
            "wrap",
            "circular",
            "maximum",
            "minimum",
            "mean",
            "median",
        )
    ],
    Case("pad", _pad_ref, (X23, ((2, 3), (1, 4))), {"mode": "linear_ramp"}, rtol=1e-5, id="linear_ramp"),
    Case("pad", _pad_ref, (V5, (2, 3)), {"mode": "linear_ramp"}, id="linear_ramp-int"),
    Case("pad", _pad_ref, (V5, (7, 9)), {"mode": "reflect"}, id="reflect-wide"),
    Case("pad", _pad_ref, (V5, (7, 12)), {"mode": "symmetric"}, id="symmetric-wide"),
    Case("pad", _pad_ref, (V5, (7, 12)), {"mode": "wrap"}, id="wrap-wide"),
    Case("pad", _pad_ref, (np.array([1, 2, 4, 6], "int32"), (1, 2)), {"mode": "mean"}, id="mean-int-rounds"),
    Case(
        "pad", _pad_ref, (np.array([[1, 2], [4, 7]], "int16"), 1), {"mode": "median"}, id="median-int-rounds"
    ),
    Case(
        "pad", _pad_ref, (np.array([[1, 2], [4, 5]], "int32"), 1), {"mode": "median"}, id="median-half-even"
    ),
    Case("pad", _pad_ref, (I8, 2), {"mode": "maximum"}, id="maximum-int8"),
    Case("pad", _pad_ref, (X23, 1), {"mode": "empty"}, id="empty-zeros"),
    Case("pad", _pad_ref, (np.zeros((0, 2), "float32"), 1), id="empty-axis-constant"),
    # grids and views
    Case("meshgrid", _list_ref(np.meshgrid), (rand(3), rand(2))),
    Case("meshgrid", _list_ref(np.meshgrid), (rand(3), rand(2), rand(4)), {"indexing": "ij"}, id="ij"),
    Case("meshgrid", _list_ref(np.meshgrid), (rand(3), rand(2), rand(4)), id="xy-3"),
    Case("meshgrid", _list_ref(np.meshgrid), (rand(3),), id="single"),
    Case(
        "meshgrid",
        _list_ref(np.meshgrid),
        (rand(3, dtype="int8"), rand(2, dtype="float16")),
        id="keeps-dtypes",
    ),
    Case("view", lambda x, d: x.view(d), (np.array([1.0, -2.0], "float32"), "int32")),
    Case("view", lambda x, d: x.view(d), (np.array([[1.0, -2.0]], "float32"), "int8"), id="smaller"),
    Case("view", lambda x, d: x.view(d), (np.arange(8, dtype="int8").reshape(2, 4), "int32"), id="larger"),
    Case("view", lambda x, d: x.view(d), (np.array([True, False]), "uint8"), id="bool"),
    Case("view", lambda x, d: x.view(d), (np.array([1, 0, 1], "uint8"), "bool"), id="to-bool"),
    Case("view", lambda x, d: x, (X23, None), id="none"),
    Case("view", lambda x, d: x.view(d), (np.float32(1.0), "int32"), id="scalar", symbolic=False),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


def test_view_bfloat16_bits() -> None:
    x = convert(np.array([1.0, -2.5], "float16"))
    got = ops_module.view(ops_module.view(x, "bfloat16"), "float16")
    assert standardize_dtype(ops_module.view(x, "bfloat16").dtype) == "bfloat16"
    np.testing.assert_array_equal(to_numpy(got), np.array([1.0, -2.5], "float16"))
    np.testing.assert_array_equal(
        to_numpy(ops_module.view(x, "int16")), np.array([1.0, -2.5], "float16").view("int16")
    )


def test_queries() -> None:
    assert ops_module.ndim(X234) == 3
    assert ops_module.ndim(np.float32(1.0)) == 0
    assert ops_module.ndim([[1, 2]]) == 2
    assert ops_module.size(X234) == 24
    assert ops_module.size(np.zeros((2, 0))) == 0
    assert ops_module.size(convert(X23)) == 6
    assert type(ops_module.ndim(convert(X23))) is int and type(ops_module.size(convert(X23))) is int
    for name in ("ndim", "size"):
        symbolic = getattr(ops_module, name)(KerasTensor((None, 3), "float32"))
        assert (symbolic.shape, symbolic.dtype) == ((), "int32")


# --- dtypes: measured on Keras 3.15.1 (jax backend) ------------------------------------------------

DTYPES = ["bool", "int8", "uint8", "int16", "int32", "int64", "float16", "bfloat16", "float32", "float64"]
# Every single-input op keeps its input's dtype (Keras's jax backend reads int64/float64 as
# 32-bit only because it runs without x64; its other backends keep them, and so do we).
SAME_DTYPE_CALLS: dict[str, Callable[[Any], Any]] = {
    "reshape": lambda x: ops_module.reshape(x, (3, 2)),
    "ravel": ops_module.ravel,
    "expand_dims": lambda x: ops_module.expand_dims(x, 1),
    "squeeze": lambda x: ops_module.squeeze(ops_module.expand_dims(x, 0)),
    "broadcast_to": lambda x: ops_module.broadcast_to(x, (2, 2, 3)),
    "transpose": ops_module.transpose,
    "moveaxis": lambda x: ops_module.moveaxis(x, 0, 1),
    "swapaxes": lambda x: ops_module.swapaxes(x, 0, 1),
    "concatenate": lambda x: ops_module.concatenate([x, x]),
    "stack": lambda x: ops_module.stack([x, x]),
    "hstack": lambda x: ops_module.hstack([x, x]),
    "vstack": lambda x: ops_module.vstack([x, x]),
    "dstack": lambda x: ops_module.dstack([x, x]),
    "append": lambda x: ops_module.append(x, x),
    "split": lambda x: ops_module.split(x, 3, axis=1)[0],
    "array_split": lambda x: ops_module.array_split(x, 2, axis=1)[1],
    "hsplit": lambda x: ops_module.hsplit(x, 3)[0],
    "vsplit": lambda x: ops_module.vsplit(x, 2)[0],
    "flip": ops_module.flip,
    "fliplr": ops_module.fliplr,
    "flipud": ops_module.flipud,
    "roll": lambda x: ops_module.roll(x, 1),
    "rot90": ops_module.rot90,
    "tile": lambda x: ops_module.tile(x, 2),
    "repeat": lambda x: ops_module.repeat(x, 2),
    "pad": lambda x: ops_module.pad(x, 1),
    "pad_edge": lambda x: ops_module.pad(x, 1, mode="edge"),
    "meshgrid": lambda x: ops_module.meshgrid(ops_module.ravel(x), ops_module.ravel(x))[1],
    "view": ops_module.view,
}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", sorted(SAME_DTYPE_CALLS))
def test_dtype_is_kept(name: str, dtype: str) -> None:
    x = convert(np.array([[1, 0, 1], [0, 1, 1]], dtype="float32"), dtype)
    got = SAME_DTYPE_CALLS[name](x)
    assert standardize_dtype(got.dtype) == dtype
    symbolic = SAME_DTYPE_CALLS[name](KerasTensor((2, 3), dtype))
    assert symbolic.dtype == dtype


def _t(dtype: str, shape: tuple[int, ...] = (2,)) -> Any:
    return convert(np.ones(shape, dtype="float32"), dtype)


@dataclass(frozen=True)
class JoinDtype:
    """A join of mixed inputs (dtype names, or Python values kept as they are) and Keras's result."""

    op: str
    inputs: tuple[Any, ...]
    expected: str
    kwargs: dict[str, Any] = field(default_factory=dict)


JOIN_DTYPES = [
    JoinDtype("concatenate", ("int8", "float16"), "float16"),
    JoinDtype("concatenate", ("int8", "uint8"), "int16"),
    JoinDtype("concatenate", ("bool", "int8"), "int8"),
    JoinDtype("concatenate", ("bfloat16", "int8"), "bfloat16"),
    JoinDtype("concatenate", ("float16", "bfloat16"), "float32"),
    JoinDtype("concatenate", ("int32", "float16"), "float16"),
    JoinDtype("concatenate", ("int64", "int64"), "int64"),
    JoinDtype("concatenate", ("int8", [3]), "int32"),
    JoinDtype("concatenate", ("int8", [3.0]), "float32"),
    JoinDtype("concatenate", ("float16", [3.0]), "float32"),
    JoinDtype("concatenate", ([True], [False]), "bool"),
    JoinDtype("stack", ("uint8", "int8"), "int16"),
    JoinDtype("hstack", ("uint32", "int32"), "int32"),
    JoinDtype("vstack", ("bool", "float32"), "float32"),
    JoinDtype("dstack", ("int16", "uint16"), "int32"),
    JoinDtype("append", ("int8", 3), "int8"),
    JoinDtype("append", ("int8", 3.0), "float32"),
    JoinDtype("append", ("float16", 3.0), "float16"),
    JoinDtype("append", ("bool", 1), "int32"),
    JoinDtype("append", ("bool", True), "bool"),
    JoinDtype("append", ("int8", [3]), "int32"),
    JoinDtype("append", ("int32", "float64"), "float32"),
    JoinDtype("append", ("float16", "int64"), "float16"),
    JoinDtype("append", ("bfloat16", "float16"), "float32"),
]


def _join_inputs(row: JoinDtype, symbolic: bool) -> list[Any]:
    shape = () if row.op == "append" and any(not isinstance(v, str) for v in row.inputs) else (2,)
    return [
        (KerasTensor(shape or (2,), v) if symbolic else _t(v, shape or (2,))) if isinstance(v, str) else v
        for v in row.inputs
    ]


def _call_join(row: JoinDtype, inputs: list[Any]) -> Any:
    if row.op == "append":
        return ops_module.append(*inputs)
    return getattr(ops_module, row.op)(inputs)


@pytest.mark.parametrize("row", JOIN_DTYPES, ids=lambda r: f"{r.op}-{'-'.join(map(str, r.inputs))}")
def test_join_dtypes_match_keras(row: JoinDtype) -> None:
    got = _call_join(row, _join_inputs(row, symbolic=False))
    assert standardize_dtype(got.dtype) == row.expected
    if any(isinstance(v, str) for v in row.inputs):
        assert _call_join(row, _join_inputs(row, symbolic=True)).dtype == row.expected


def test_stack_weak_scalars() -> None:
    got = ops_module.stack([_t("float16", ()), 3.0])
    assert standardize_dtype(got.dtype) == "float16"
    assert standardize_dtype(ops_module.stack([_t("bool", ()), 1.0]).dtype) == "float32"
    symbolic = ops_module.stack([KerasTensor((), "int8"), 3])
    assert (symbolic.shape, symbolic.dtype) == ((2,), "int8")


def test_meshgrid_keeps_each_dtype() -> None:
    grids = ops_module.meshgrid(_t("bool", (2,)), _t("uint16", (3,)))
    assert [standardize_dtype(g.dtype) for g in grids] == ["bool", "uint16"]
    symbolic = ops_module.meshgrid(KerasTensor((2,), "bool"), KerasTensor((None,), "uint16"))
    assert [(s.shape, s.dtype) for s in symbolic] == [((None, 2), "bool"), ((None, 2), "uint16")]


# --- symbolic shapes with unknown dimensions ---------------------------------------------------------


def _kt(*shape: int | None, dtype: str = "float32") -> KerasTensor:
    return KerasTensor(shape, dtype)


SYMBOLIC_SHAPES: list[tuple[str, Callable[[], Any], Any]] = [
    ("reshape-infer-unknown", lambda: ops_module.reshape(_kt(None, 4), (-1, 2)), (None, 2)),
    ("reshape-none-unknown", lambda: ops_module.reshape(_kt(None, 4), (None, 2, 2)), (None, 2, 2)),
    ("reshape-known-from-unknown", lambda: ops_module.reshape(_kt(None, 4), (8, 2)), (8, 2)),
    ("reshape-none-resolved", lambda: ops_module.reshape(_kt(3, 4), (None, 6)), (2, 6)),
    ("ravel", lambda: ops_module.ravel(_kt(None, 4)), (None,)),
    ("squeeze-unknown-kept", lambda: ops_module.squeeze(_kt(None, 1, 3)), (None, 3)),
    ("squeeze-unknown-axis", lambda: ops_module.squeeze(_kt(None, 3), 0), (3,)),
    ("broadcast_to", lambda: ops_module.broadcast_to(_kt(None, 1), (2, 5, 3)), (2, 5, 3)),
    ("transpose", lambda: ops_module.transpose(_kt(None, 2, 3)), (3, 2, None)),
    ("concatenate-unknown", lambda: ops_module.concatenate([_kt(None, 2), _kt(3, 2)]), (None, 2)),
    ("concatenate-merge", lambda: ops_module.concatenate([_kt(None, 2), _kt(3, None)], axis=1), (3, None)),
    ("concatenate-flat", lambda: ops_module.concatenate([_kt(2, 2), _kt(3)], axis=None), (7,)),
    ("stack-merge", lambda: ops_module.stack([_kt(None, 2), _kt(3, None)], axis=1), (3, 2, 2)),
    ("hstack", lambda: ops_module.hstack([_kt(None, 2), _kt(None, 3)]), (None, 5)),
    ("split-unknown", lambda: [s.shape for s in ops_module.split(_kt(None, 4), 2)], [(None, 4), (None, 4)]),
    (
        "split-known",
        lambda: [s.shape for s in ops_module.split(_kt(None, 4), [1], axis=1)],
        [(None, 1), (None, 3)],
    ),
    (
        "array_split",
        lambda: [s.shape for s in ops_module.array_split(_kt(5, None), 2)],
        [(3, None), (2, None)],
    ),
    ("tile", lambda: ops_module.tile(_kt(None, 3), (2, 2, 2)), (2, None, 6)),
    ("repeat-tensor-counts", lambda: ops_module.repeat(_kt(4, 3), _kt(4, dtype="int32"), axis=0), (None, 3)),
    ("repeat-flat", lambda: ops_module.repeat(_kt(4, 3), 2), (24,)),
    ("repeat-counts-unknown-axis", lambda: ops_module.repeat(_kt(None, 3), [1, 2, 3], axis=0), (6, 3)),
    ("pad", lambda: ops_module.pad(_kt(None, 3), ((1, 2), (0, 1))), (None, 4)),
    ("rot90", lambda: ops_module.rot90(_kt(None, 3, 4)), (3, None, 4)),
    ("view-unknown-last", lambda: ops_module.view(_kt(2, None), "int8"), (2, None)),
    ("view-known-last", lambda: ops_module.view(_kt(None, 2), "int8"), (None, 8)),
]


@pytest.mark.parametrize(("name", "call", "expected"), SYMBOLIC_SHAPES, ids=[r[0] for r in SYMBOLIC_SHAPES])
def test_symbolic_shapes(name: str, call: Callable[[], Any], expected: Any) -> None:
    got = call()
    assert (got.shape if isinstance(got, KerasTensor) else got) == expected


# --- errors ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorCase:
    op: str
    args: tuple[Any, ...]
    exc: type[Exception]
    match: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    id: str = ""


ERROR_CASES = [
    ErrorCase(
        "reshape",
        (X23, (4, 2)),
        ValueError,
        r"reshape: cannot reshape a tensor of shape \(2, 3\) \(size 6\) into shape \(4, 2\)",
    ),
    ErrorCase(
        "reshape",
        (X23, (-1, -1)),
        ValueError,
        r"reshape: .*at most one -1 \(or None\).*newshape=\(-1, -1\)",
        id="two-inferred",
    ),
    ErrorCase(
        "reshape",
        (X23, (-2, -3)),
        ValueError,
        r"reshape: each dimension of `newshape` must be a non-negative int",
        id="negative",
    ),
    ErrorCase(
        "reshape",
        (X23, (2.0, 3)),
        TypeError,
        r"reshape: `newshape` must be an int or a sequence of ints",
        id="float-dim",
    ),
    ErrorCase(
        "expand_dims", (X23, 4), ValueError, r"expand_dims: axis 4 is out of bounds for a tensor of rank 3"
    ),
    ErrorCase("expand_dims", (X23, (0, 0)), ValueError, r"expand_dims: repeated axis", id="repeated"),
    ErrorCase("squeeze", (X23, 0), ValueError, r"squeeze: cannot squeeze axis 0 of size 2"),
    ErrorCase(
        "squeeze",
        (X23, 2),
        ValueError,
        r"squeeze: axis 2 is out of bounds for a tensor of rank 2",
        id="bounds",
    ),
    ErrorCase(
        "broadcast_to",
        (X23, (3, 3)),
        ValueError,
        r"broadcast_to: cannot broadcast a tensor of shape \(2, 3\) to shape \(3, 3\)",
    ),
    ErrorCase("broadcast_to", (X23, (3,)), ValueError, r"broadcast_to: cannot broadcast", id="fewer-dims"),
    ErrorCase(
        "transpose",
        (X23, (0,)),
        ValueError,
        r"transpose: `axes` must be a permutation of the 2 axes.*axes=\(0,\)",
    ),
    ErrorCase(
        "transpose", (X23, (0, 0)), ValueError, r"transpose: `axes` must be a permutation", id="repeated"
    ),
    ErrorCase(
        "transpose", (X23, (0, 2)), ValueError, r"transpose: `axes` must be a permutation", id="bounds"
    ),
    ErrorCase(
        "moveaxis",
        (X234, (0, 1), 2),
        ValueError,
        r"moveaxis: `source` and `destination` must have the same number of axes",
    ),
    ErrorCase("moveaxis", (X234, (0, 0), (1, 2)), ValueError, r"moveaxis: repeated axis", id="repeated"),
    ErrorCase(
        "moveaxis",
        (X234, 3, 0),
        ValueError,
        r"moveaxis: axis 3 is out of bounds for a tensor of rank 3",
        id="bounds",
    ),
    ErrorCase(
        "swapaxes", (X23, 0, 5), ValueError, r"swapaxes: axis 5 is out of bounds for a tensor of rank 2"
    ),
    ErrorCase("concatenate", ([],), ValueError, r"concatenate: `xs` must be a non-empty list of tensors"),
    ErrorCase(
        "concatenate",
        ([X23, rand(2, 2)],),
        ValueError,
        r"concatenate: all tensors must have the same shape except along axis 0. Received shapes: \[\(2, 3\), \(2, 2\)\]",
        id="shapes",
    ),
    ErrorCase(
        "concatenate",
        ([X23, X234],),
        ValueError,
        r"concatenate: all tensors must have the same shape",
        id="ranks",
    ),
    ErrorCase(
        "concatenate",
        ([np.float32(1), np.float32(2)],),
        ValueError,
        r"concatenate: zero-dimensional tensors cannot be concatenated",
        id="scalars",
    ),
    ErrorCase(
        "concatenate",
        ([X23, X23],),
        ValueError,
        r"concatenate: axis 2 is out of bounds",
        {"axis": 2},
        id="axis",
    ),
    ErrorCase("stack", ([X23, rand(3, 2)],), ValueError, r"stack: all tensors must have the same shape"),
    ErrorCase(
        "stack",
        ([X23, X23],),
        ValueError,
        r"stack: axis 3 is out of bounds for a tensor of rank 3",
        {"axis": 3},
        id="axis",
    ),
    ErrorCase(
        "hstack",
        ([X23, rand(3, 3)],),
        ValueError,
        r"hstack: all tensors must have the same shape except along axis 1",
    ),
    ErrorCase(
        "vstack",
        ([X23, rand(2, 2)],),
        ValueError,
        r"vstack: all tensors must have the same shape except along axis 0",
    ),
    ErrorCase("dstack", ([],), ValueError, r"dstack: `xs` must be a non-empty list"),
    ErrorCase(
        "append",
        (X23, rand(2, 2)),
        ValueError,
        r"append: all tensors must have the same shape except along axis 0",
        {"axis": 0},
    ),
    ErrorCase(
        "split",
        (X23, 2),
        ValueError,
        r"split: an axis of size 2 cannot be split into 2 equal sections".replace("size 2", "size 3"),
        {"axis": 1},
    ),
    ErrorCase("split", (X23, 0), ValueError, r"split: the number of sections must be positive", id="zero"),
    ErrorCase("split", (np.float32(1), 1), ValueError, r"split: a scalar cannot be split", id="scalar"),
    ErrorCase(
        "split",
        (X23, 1.5),
        TypeError,
        r"split: `indices_or_sections` must be an int or a sequence of ints",
        id="float",
    ),
    ErrorCase("array_split", (X23, -1), ValueError, r"array_split: the number of sections must be positive"),
    ErrorCase(
        "hsplit",
        (np.float32(1), 1),
        ValueError,
        r"hsplit: expected a tensor of rank 1 or more. Received: a tensor of rank 0",
    ),
    ErrorCase(
        "vsplit",
        (V5, 1),
        ValueError,
        r"vsplit: expected a tensor of rank 2 or more. Received: a tensor of rank 1",
    ),
    ErrorCase(
        "dsplit",
        (X23, 1),
        ValueError,
        r"dsplit: expected a tensor of rank 3 or more. Received: a tensor of rank 2",
    ),
    ErrorCase(
        "flip", (X23,), ValueError, r"flip: axis 2 is out of bounds for a tensor of rank 2", {"axis": 2}
    ),
    ErrorCase("flip", (X23,), ValueError, r"flip: repeated axis", {"axis": (0, -2)}, id="repeated"),
    ErrorCase(
        "fliplr",
        (V5,),
        ValueError,
        r"fliplr: expected a tensor of rank 2 or more. Received: a tensor of rank 1",
    ),
    ErrorCase("flipud", (np.float32(1),), ValueError, r"flipud: expected a tensor of rank 1 or more"),
    ErrorCase(
        "roll",
        (X23, (1, 2, 3)),
        ValueError,
        r"roll: `shift` and `axis` must have the same length",
        {"axis": (0, 1)},
    ),
    ErrorCase(
        "roll",
        (X23, 1),
        ValueError,
        r"roll: axis 2 is out of bounds for a tensor of rank 2",
        {"axis": 2},
        id="bounds",
    ),
    ErrorCase(
        "roll", (X23, 1.5), TypeError, r"roll: `shift` must be an int or a sequence of ints", id="float-shift"
    ),
    ErrorCase(
        "rot90",
        (V5,),
        ValueError,
        r"rot90: expected a tensor of rank 2 or more. Received: a tensor of rank 1",
    ),
    ErrorCase(
        "rot90",
        (X23, 1, (0, 0)),
        ValueError,
        r"rot90: `axes` must name two different axes. Received: axes=\(0, 0\)",
        id="same-axes",
    ),
    ErrorCase(
        "rot90", (X23, 1, (0, 1, 2)), ValueError, r"rot90: `axes` must hold exactly two axes", id="three-axes"
    ),
    ErrorCase("rot90", (X23, 1.0), TypeError, r"rot90: `k` must be an int. Received: k=1.0", id="float-k"),
    ErrorCase("tile", (X23, -1), ValueError, r"tile: `repeats` must be non-negative. Received: repeats=-1"),
    ErrorCase("repeat", (X23, -1), ValueError, r"repeat: `repeats` must be non-negative"),
    ErrorCase(
        "repeat",
        (X23, [1, 2]),
        ValueError,
        r"repeat: `repeats` must hold one count, or one per entry along the axis \(3\). Received: 2 counts",
        {"axis": 1},
        id="counts",
    ),
    ErrorCase("repeat", (X23, [1.5]), TypeError, r"repeat: `repeats` must hold integers", id="float"),
    ErrorCase("repeat", (X23, 2), ValueError, r"repeat: axis 2 is out of bounds", {"axis": 2}, id="axis"),
    ErrorCase(
        "pad",
        (X23, 1),
        ValueError,
        r"pad: `mode` must be one of constant, edge, .*Received: mode='foo'",
        {"mode": "foo"},
    ),
    ErrorCase(
        "pad",
        (X23, 1),
        ValueError,
        r"pad: `constant_values` can only be given when `mode` is 'constant'. Received: mode='reflect'",
        {"mode": "reflect", "constant_values": 0},
        id="constant-with-reflect",
    ),
    ErrorCase(
        "pad",
        (X23, ((1, 2), (1, 2), (1, 2))),
        ValueError,
        r"pad: `pad_width` must be an int, a `\(before, after\)` pair, or one pair per axis \(2\)",
        id="too-many",
    ),
    ErrorCase(
        "pad",
        (X23, -1),
        ValueError,
        r"pad: `pad_width` .* non-negative widths. Received: pad_width=-1",
        id="negative",
    ),
    ErrorCase("pad", (X23, 1.5), ValueError, r"pad: `pad_width` must be", id="float"),
    ErrorCase(
        "pad",
        (np.zeros((0, 2), "float32"), 1),
        ValueError,
        r"pad: an empty axis cannot be padded in mode 'edge'",
        {"mode": "edge"},
        id="empty-axis",
    ),
    ErrorCase(
        "pad",
        (X23, 1),
        ValueError,
        r"pad: `constant_values` must be a scalar",
        {"constant_values": [1, 2]},
        id="vector-constant",
    ),
    ErrorCase(
        "meshgrid",
        (V5, V5),
        ValueError,
        r"meshgrid: `indexing` must be 'xy' or 'ij'. Received: indexing='yx'",
        {"indexing": "yx"},
    ),
    ErrorCase(
        "meshgrid",
        (X23, V5),
        ValueError,
        r"meshgrid: every input must be 1-D. Received shapes: \[\(2, 3\), \(5,\)\]",
        id="2d",
    ),
    ErrorCase(
        "view",
        (np.float32(1), "int8"),
        ValueError,
        r"view: a scalar cannot be viewed as a dtype of another item size",
    ),
    ErrorCase(
        "view",
        (np.ones(3, "int8"), "int16"),
        ValueError,
        r"view: a tensor of shape \(3,\) and dtype int8 cannot be viewed as int16: the last axis \(3 bytes\)",
        id="bytes",
    ),
]


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: f"{c.op}-{c.id}" if c.id else c.op)
def test_errors(case: ErrorCase) -> None:
    with pytest.raises(case.exc, match=case.match):
        getattr(ops_module, case.op)(*case.args, **case.kwargs)


SYMBOLIC_ERRORS: list[tuple[str, Callable[[], Any], str]] = [
    (
        "reshape",
        lambda: ops_module.reshape(_kt(2, 3), (4, 2)),
        r"reshape: cannot reshape a tensor of shape \(2, 3\)",
    ),
    (
        "concatenate",
        lambda: ops_module.concatenate([_kt(None, 3), _kt(None, 2)]),
        r"concatenate: all tensors must have the same shape",
    ),
    (
        "split",
        lambda: ops_module.split(_kt(None, 3), 2, axis=1),
        r"split: an axis of size 3 cannot be split into 2 equal sections",
    ),
    ("squeeze", lambda: ops_module.squeeze(_kt(None, 2), 1), r"squeeze: cannot squeeze axis 1 of size 2"),
    ("pad", lambda: ops_module.pad(_kt(None, 2), 1, mode="bad"), r"pad: `mode` must be one of"),
    ("rot90", lambda: ops_module.rot90(_kt(None)), r"rot90: expected a tensor of rank 2 or more"),
    (
        "view",
        lambda: ops_module.view(_kt(None, 3, dtype="int8"), "int16"),
        r"view: a tensor of shape \(None, 3\) and dtype int8",
    ),
]


@pytest.mark.parametrize(("name", "call", "match"), SYMBOLIC_ERRORS, ids=[r[0] for r in SYMBOLIC_ERRORS])
def test_symbolic_errors(name: str, call: Callable[[], Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


# --- gradients ---------------------------------------------------------------------------------------


def _grad(function: Callable[[Any], Any], x: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Return the gradient of `sum(function(x) * weights)` at `x` with the active backend."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(jax.grad(lambda v: jnp.sum(function(v) * weights))(jnp.asarray(x)))
    if name == "torch":
        import torch

        t = torch.tensor(x, requires_grad=True)
        (function(t) * torch.as_tensor(weights)).sum().backward()
        assert t.grad is not None
        return np.asarray(t.grad.numpy())
    import tensorflow as tf

    v = tf.Variable(x)
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(v) * weights)
    return np.asarray(tf.convert_to_tensor(tape.gradient(total, v)))


def _numeric_grad(
    function: Callable[[np.ndarray], np.ndarray], x: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = 1e-6
        grad[index] = (np.sum(function(x + step) * weights) - np.sum(function(x - step) * weights)) / 2e-6
    return grad


GRADIENT_ROWS: list[tuple[str, Callable[[Any], Any], Callable[[np.ndarray], np.ndarray]]] = [
    ("reshape", lambda x: ops_module.reshape(x, (3, -1)), lambda x: np.reshape(x, (3, -1))),
    ("transpose", lambda x: ops_module.transpose(x, (2, 0, 1)), lambda x: np.transpose(x, (2, 0, 1))),
    (
        "broadcast_to",
        lambda x: ops_module.broadcast_to(x[:1], (3, 3, 4)),
        lambda x: np.broadcast_to(x[:1], (3, 3, 4)),
    ),
    (
        "concatenate",
        lambda x: ops_module.concatenate([x, x[:, :1] * 2.0], axis=1),
        lambda x: np.concatenate([x, x[:, :1] * 2.0], 1),
    ),
    ("stack", lambda x: ops_module.stack([x, x * x], axis=-1), lambda x: np.stack([x, x * x], -1)),
    ("split", lambda x: ops_module.split(x, [1], axis=2)[1], lambda x: np.split(x, [1], axis=2)[1]),
    ("flip", lambda x: ops_module.flip(x, (0, 2)), lambda x: np.flip(x, (0, 2))),
    ("roll", lambda x: ops_module.roll(x, (1, -2), (1, 2)), lambda x: np.roll(x, (1, -2), (1, 2))),
    ("rot90", lambda x: ops_module.rot90(x, 3, (1, 2)), lambda x: np.rot90(x, 3, (1, 2))),
    ("tile", lambda x: ops_module.tile(x, (1, 2, 1)), lambda x: np.tile(x, (1, 2, 1))),
    ("repeat", lambda x: ops_module.repeat(x, [1, 0, 3], axis=1), lambda x: np.repeat(x, [1, 0, 3], axis=1)),
    (
        "pad-constant",
        lambda x: ops_module.pad(x, ((1, 0), (0, 2), (1, 1))),
        lambda x: np.pad(x, ((1, 0), (0, 2), (1, 1))),
    ),
    ("pad-reflect", lambda x: ops_module.pad(x, 2, mode="reflect"), lambda x: np.pad(x, 2, mode="reflect")),
    ("pad-mean", lambda x: ops_module.pad(x, 1, mode="mean"), lambda x: np.pad(x, 1, mode="mean")),
    (
        "pad-linear_ramp",
        lambda x: ops_module.pad(x, 2, mode="linear_ramp"),
        lambda x: np.pad(x, 2, mode="linear_ramp"),
    ),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("function", "reference"), [r[1:] for r in GRADIENT_ROWS], ids=[r[0] for r in GRADIENT_ROWS]
)
def test_gradient(function: Callable[[Any], Any], reference: Callable[[np.ndarray], np.ndarray]) -> None:
    x = rand(2, 3, 4, dtype="float64", low=0.5, high=2.0)
    weights = rand(*np.shape(reference(x)), dtype="float64")
    np.testing.assert_allclose(
        _grad(function, x, weights), _numeric_grad(reference, x, weights), rtol=1e-5, atol=1e-6
    )
