"""Tests of `dot_product_attention` against numpy softmax(Q K^T * scale + bias) V."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend
from keras.ops._convert import to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.nn import _attention as ops_module

# The finite-difference helper lives in test_conv.py, loaded by path (pytest runs in importlib
# mode, so sibling test modules are not importable by name).
_spec = importlib.util.spec_from_file_location("_conv_test_helpers", Path(__file__).with_name("test_conv.py"))
assert _spec is not None and _spec.loader is not None
_conv_tests = sys.modules.setdefault(_spec.name, importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(_conv_tests)
check_grads = _conv_tests.check_grads


def _to_rank4(t: np.ndarray) -> np.ndarray:
    if t.ndim == 3:
        return t[:, None]
    return t.reshape((1,) * (4 - t.ndim) + t.shape)


def ref_attention(
    query: np.ndarray,
    key: np.ndarray,
    value: np.ndarray,
    bias: np.ndarray | None = None,
    mask: np.ndarray | None = None,
    scale: float | None = None,
    is_causal: bool = False,
    flash_attention: Any = None,
    attn_logits_soft_cap: float | None = None,
) -> np.ndarray:
    q, k, v = (np.asarray(t, np.float64) for t in (query, key, value))
    groups = q.shape[2] // k.shape[2]
    k, v = np.repeat(k, groups, axis=2), np.repeat(v, groups, axis=2)  # head n reads kv head n // groups
    scale = 1 / np.sqrt(q.shape[-1]) if scale is None else scale
    logits = np.einsum("btnh,bsnh->bnts", q, k) * scale
    if bias is not None:
        logits = logits + _to_rank4(bias)
    if attn_logits_soft_cap is not None:
        logits = attn_logits_soft_cap * np.tanh(logits / attn_logits_soft_cap)
    keep = np.ones(logits.shape, bool)
    if mask is not None:
        keep &= _to_rank4(mask).astype(bool)
    if is_causal:
        keep &= np.tril(np.ones(logits.shape[-2:], bool))
    logits = np.where(keep, logits, -1e30)  # a fully masked row attends uniformly, as in Keras
    probs = np.exp(logits - logits.max(-1, keepdims=True))
    probs /= probs.sum(-1, keepdims=True)
    return np.einsum("bnts,bsnh->btnh", probs, v)


def _as(dtype: str) -> Any:
    return lambda *args, **kwargs: ref_attention(*args, **kwargs).astype(dtype)


TOL = {"rtol": 1e-5, "atol": 1e-5}
Q, K, V = rand(2, 5, 4, 8), rand(2, 6, 4, 8), rand(2, 6, 4, 3)
K2, V2 = rand(2, 6, 2, 8), rand(2, 6, 2, 8)
K1, V1 = rand(2, 6, 1, 8), rand(2, 6, 1, 8)
MASK4 = rand(2, 1, 5, 6, dtype="bool")
MASK4[..., 0] = True  # every row keeps a position

CASES = [
    Case("dot_product_attention", ref_attention, (Q, K, V), {}, "float32", id="mha-value-depth-3", **TOL),
    Case("dot_product_attention", ref_attention, (Q, K2, V2), {}, "float32", id="gqa", **TOL),
    Case("dot_product_attention", ref_attention, (Q, K1, V1), {}, "float32", id="mqa", **TOL),
    Case("dot_product_attention", ref_attention, (Q, K, V), {"scale": 0.3}, "float32", id="scale", **TOL),
    Case(
        "dot_product_attention",
        ref_attention,
        (Q, K2, V2),
        {"bias": rand(2, 4, 5, 6)},
        "float32",
        id="bias-4d",
        **TOL,
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (Q, K, V),
        {"bias": rand(1, 4, 1, 6)},
        "float32",
        id="bias-broadcast",
        **TOL,
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (Q, K, V),
        {"bias": rand(2, 5, 6)},
        "float32",
        id="bias-3d",
        **TOL,
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (Q, K, V),
        {"bias": rand(5, 6)},
        "float32",
        id="bias-2d",
        **TOL,
    ),
    Case(
        "dot_product_attention", ref_attention, (Q, K2, V2), {"mask": MASK4}, "float32", id="mask-4d", **TOL
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (Q, K, V),
        {"mask": MASK4[:, 0]},
        "float32",
        id="mask-3d",
        **TOL,
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (Q, K, V),
        {"mask": MASK4.astype("int32")},
        "float32",
        id="mask-int",
        **TOL,
    ),
    Case(
        "dot_product_attention", ref_attention, (Q, K, V), {"is_causal": True}, "float32", id="causal", **TOL
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (rand(2, 7, 4, 8), K, V),
        {"is_causal": True},
        "float32",
        id="causal-longer-query",
        **TOL,
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (Q, K2, V2),
        {"is_causal": True, "mask": MASK4, "bias": rand(2, 4, 5, 6)},
        "float32",
        id="causal-mask-bias",
        **TOL,
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (Q, K, V),
        {"mask": np.zeros((5, 6), bool)},
        "float32",
        id="fully-masked-is-uniform",
        **TOL,
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (4 * Q, 4 * K, V),
        {"attn_logits_soft_cap": 2.0, "flash_attention": False},
        "float32",
        id="soft-cap",
        **TOL,
    ),
    Case(
        "dot_product_attention",
        _as("float16"),
        (Q.astype("float16"), K.astype("float16"), V.astype("float16")),
        {},
        "float16",
        rtol=1e-2,
        atol=1e-2,
        id="float16",
    ),
    Case(
        "dot_product_attention",
        _as("bfloat16"),
        (Q.astype("bfloat16"), K2.astype("bfloat16"), V2.astype("bfloat16")),
        {"is_causal": True},
        "bfloat16",
        rtol=3e-2,
        atol=3e-2,
        id="bfloat16",
    ),
    Case(
        "dot_product_attention",
        ref_attention,
        (Q.astype("float16"), K, V),
        {},
        "float32",
        id="float16-float32",
        **TOL,
    ),
    Case(
        "dot_product_attention",
        _as("int32"),
        (rand(1, 3, 2, 4, dtype="int32"), rand(1, 1, 2, 4, dtype="int32"), np.full((1, 1, 2, 2), 3, "int32")),
        {},
        "int32",
        id="int32-one-source-is-exact",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_numpy(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


def test_unknown_batch_propagates() -> None:
    y = ops_module.dot_product_attention(
        KerasTensor((None, 5, 4, 8), "float16"),
        KerasTensor((None, 6, 2, 8), "float16"),
        KerasTensor((None, 6, 2, 3), "float32"),
    )
    assert (y.shape, y.dtype) == ((None, 5, 4, 3), "float32")


def test_causal_first_query_sees_only_first_key() -> None:
    got = to_numpy(ops_module.dot_product_attention(Q, K, V, is_causal=True))
    np.testing.assert_allclose(got[:, 0], V[:, 0], rtol=1e-6)


ERRORS = [
    ((Q[0], K[0], V[0]), {}, r"`query`, `key` and `value` must have rank 4", "rank"),
    ((Q, rand(2, 6, 4, 7), V), {}, r"must share the batch size", "depth"),
    ((Q, K, rand(2, 5, 4, 3)), {}, r"must share the batch size", "value-length"),
    (
        (Q, rand(2, 6, 3, 8), rand(2, 6, 3, 8)),
        {},
        r"the query heads \(4\) must be a multiple of the key/value heads \(3\)",
        "heads",
    ),
    (
        (Q, K, V),
        {"bias": rand(2, 4, 5, 5)},
        r"`bias` must broadcast to \(batch, heads, target, source\)",
        "bias",
    ),
    ((Q, K, V), {"mask": np.ones((6,), bool)}, r"`mask` must broadcast", "mask-rank"),
    ((Q, K, V), {"flash_attention": True}, r"flash attention is not available", "flash"),
    (
        (Q, K, V),
        {"attn_logits_soft_cap": -1.0},
        r"`attn_logits_soft_cap` must be None or a positive number",
        "soft-cap",
    ),
]


@pytest.mark.parametrize(("args", "kwargs", "match"), [e[:3] for e in ERRORS], ids=[e[3] for e in ERRORS])
def test_errors(args: tuple[np.ndarray, ...], kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        ops_module.dot_product_attention(*args, **kwargs)
    symbolic = tuple(KerasTensor(a.shape, "float32") for a in args)
    with pytest.raises(ValueError, match=match):
        ops_module.dot_product_attention(*symbolic, **kwargs)


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
def test_gradients_match_finite_differences() -> None:
    bias = rand(1, 2, 3, 4)
    mask = np.array([[1, 1, 0, 1], [1, 0, 1, 1], [0, 1, 1, 1]], bool)

    def attention(q: Any, k: Any, v: Any) -> Any:
        return ops_module.dot_product_attention(q, k, v, bias=bias, mask=mask, attn_logits_soft_cap=3.0)

    check_grads(
        attention, [rand(1, 3, 2, 4), rand(1, 4, 1, 4), rand(1, 4, 1, 2)], (0, 1, 2), eps=1e-3, tol=2e-3
    )
