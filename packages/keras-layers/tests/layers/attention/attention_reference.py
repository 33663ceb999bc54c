"""Numpy references for the attention tests: softmax(q k^T / sqrt(d)) v with masks."""

from __future__ import annotations

from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]


def softmax(x: Array, axis: int | tuple[int, ...] = -1) -> Array:
    shifted = np.exp(x - x.max(axis=axis, keepdims=True))
    return shifted / shifted.sum(axis=axis, keepdims=True)


def masked_softmax(logits: Array, mask: Array | None, axis: int | tuple[int, ...] = -1) -> Array:
    """Softmax where masked logits get -1e9 and masked outputs are set to 0 (as the Softmax layer)."""
    if mask is None:
        return softmax(logits, axis)
    weights = softmax(np.where(mask, logits, -1e9), axis)
    return np.where(mask, weights, 0.0)


def heads_attention(q: Array, k: Array, v: Array, mask: Array | None = None) -> tuple[Array, Array]:
    """Per-head attention of `(B, T, N, H)` q and `(B, S, N, H)` k, v; mask broadcasts to `(B, N, T, S)`."""
    logits = np.einsum("btnh,bsnh->bnts", q, k) / np.sqrt(q.shape[-1])
    weights = masked_softmax(logits, mask)
    return np.einsum("bnts,bsnh->btnh", weights, v), weights


def project(x: Array, kernel: Array, bias: Array | None) -> Array:
    """`x @ kernel` over the last axis of `x` and the first of `kernel`, plus the bias."""
    y = np.tensordot(x, kernel, axes=([x.ndim - 1], [0]))
    return y if bias is None else y + bias


def mha(
    query: Array, value: Array, weights: list[Array], mask: Array | None = None, key: Array | None = None
) -> tuple[Array, Array]:
    """Multi-head attention of rank 3 inputs with `[Wq, bq, Wk, bk, Wv, bv, Wo, bo]`."""
    wq, bq, wk, bk, wv, bv, wo, bo = weights
    key = value if key is None else key
    out, scores = heads_attention(project(query, wq, bq), project(key, wk, bk), project(value, wv, bv), mask)
    return np.tensordot(out, wo, axes=([2, 3], [0, 1])) + bo, scores


def causal(target: int, source: int) -> Array:
    return np.tril(np.ones((target, source), dtype=bool))


def random_weights(rng: np.random.Generator, shapes: list[tuple[int, ...]]) -> list[Array]:
    return [(0.3 * rng.standard_normal(shape)).astype("float32") for shape in shapes]
