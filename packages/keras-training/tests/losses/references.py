"""Numpy closed forms of every loss (per sample), written from the formulas, for the tests."""

from __future__ import annotations

from typing import Any

import numpy as np

EPS = 1e-7
# Closed forms return numpy arrays; typed loosely (numpy's own stubs return Any here).
Array = Any


def mse(t: Array, p: Array) -> Array:
    return np.mean((t - p) ** 2, axis=-1)


def mae(t: Array, p: Array) -> Array:
    return np.mean(np.abs(t - p), axis=-1)


def mape(t: Array, p: Array) -> Array:
    return 100.0 * np.mean(np.abs(t - p) / np.maximum(np.abs(t), EPS), axis=-1)


def msle(t: Array, p: Array) -> Array:
    return np.mean((np.log1p(np.maximum(p, EPS)) - np.log1p(np.maximum(t, EPS))) ** 2, axis=-1)


def cosine(t: Array, p: Array, axis: int = -1) -> Array:
    def unit(x: Array) -> Array:
        return x / np.sqrt(np.maximum(np.sum(x * x, axis=axis, keepdims=True), 1e-12))

    return -np.sum(unit(t) * unit(p), axis=axis)


def huber(t: Array, p: Array, delta: float = 1.0) -> Array:
    e = np.abs(p - t)
    return np.mean(np.where(e <= delta, 0.5 * e**2, delta * e - 0.5 * delta**2), axis=-1)


def log_cosh(t: Array, p: Array) -> Array:
    return np.mean(np.log(np.cosh(p - t)), axis=-1)


def _signed(t: Array) -> Array:
    return 2.0 * t - 1.0 if np.all((t == 0) | (t == 1)) else t


def hinge(t: Array, p: Array) -> Array:
    return np.mean(np.maximum(1.0 - _signed(t) * p, 0.0), axis=-1)


def squared_hinge(t: Array, p: Array) -> Array:
    return np.mean(np.maximum(1.0 - _signed(t) * p, 0.0) ** 2, axis=-1)


def categorical_hinge(t: Array, p: Array) -> Array:
    return np.maximum(np.max((1 - t) * p, axis=-1) - np.sum(t * p, axis=-1) + 1.0, 0.0)


def kl(t: Array, p: Array) -> Array:
    t, p = np.clip(t, EPS, 1), np.clip(p, EPS, 1)
    return np.sum(t * np.log(t / p), axis=-1)


def poisson(t: Array, p: Array) -> Array:
    return np.mean(p - t * np.log(p + EPS), axis=-1)


def sigmoid(x: Array) -> Array:
    return 1.0 / (1.0 + np.exp(-x))


def softmax(x: Array, axis: int = -1) -> Array:
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _bce_terms(t: Array, p: Array) -> Array:
    p = np.clip(p, EPS, 1 - EPS)
    return -(t * np.log(p) + (1 - t) * np.log(1 - p))


def bce(t: Array, p: Array, from_logits: bool = False, label_smoothing: float = 0.0, axis: int = -1) -> Array:
    t = t * (1 - label_smoothing) + 0.5 * label_smoothing
    if from_logits:  # the exact, unclipped form
        return np.mean(np.maximum(p, 0) - p * t + np.log1p(np.exp(-np.abs(p))), axis=axis)
    return np.mean(_bce_terms(t, p), axis=axis)


def binary_focal(
    t: Array,
    p: Array,
    apply_class_balancing: bool = False,
    alpha: float = 0.25,
    gamma: float = 2.0,
    from_logits: bool = False,
    label_smoothing: float = 0.0,
) -> Array:
    t = t * (1 - label_smoothing) + 0.5 * label_smoothing
    p = sigmoid(p) if from_logits else p
    p_t = t * p + (1 - t) * (1 - p)
    loss = (1 - p_t) ** gamma * _bce_terms(t, p)
    if apply_class_balancing:
        loss = (t * alpha + (1 - t) * (1 - alpha)) * loss
    return np.mean(loss, axis=-1)


def cce(t: Array, p: Array, from_logits: bool = False, label_smoothing: float = 0.0, axis: int = -1) -> Array:
    t = t * (1 - label_smoothing) + label_smoothing / t.shape[-1]
    if from_logits:
        p = softmax(p, axis=axis)
    p = np.clip(p / p.sum(axis=axis, keepdims=True), EPS, 1 - EPS)
    return -np.sum(t * np.log(p), axis=axis)


def categorical_focal(
    t: Array,
    p: Array,
    alpha: float = 0.25,
    gamma: float = 2.0,
    from_logits: bool = False,
    label_smoothing: float = 0.0,
) -> Array:
    t = t * (1 - label_smoothing) + label_smoothing / t.shape[-1]
    p = softmax(p) if from_logits else p
    p = np.clip(p / p.sum(axis=-1, keepdims=True), EPS, 1 - EPS)
    return np.sum(alpha * (1 - p) ** gamma * -t * np.log(p), axis=-1)


def scce(t: Array, p: Array, from_logits: bool = False) -> Array:
    t = t.reshape(p.shape[:-1]).astype(int)
    probs = softmax(p) if from_logits else np.clip(p / p.sum(axis=-1, keepdims=True), EPS, 1 - EPS)
    return -np.log(np.take_along_axis(probs, t[..., None], axis=-1)[..., 0])


def gce(t: Array, p: Array, q: float) -> Array:
    true_p = np.take_along_axis(p, t.reshape(-1, 1).astype(int), axis=-1)[:, 0]
    return (1 - true_p**q) / q


def dice(t: Array, p: Array, axis: tuple[int, ...] | None = None) -> Array:
    return 1 - 2 * np.sum(t * p, axis=axis) / (np.sum(t, axis=axis) + np.sum(p, axis=axis) + EPS)


def tversky(
    t: Array, p: Array, alpha: float = 0.5, beta: float = 0.5, axis: tuple[int, ...] | None = None
) -> Array:
    tp = np.sum(t * p, axis=axis)
    fp = np.sum((1 - p) * t, axis=axis)
    fn = np.sum(p * (1 - t), axis=axis)
    return 1 - tp / (tp + alpha * fp + beta * fn + EPS)


def circle(
    labels: Array, emb: Array, gamma: float = 80.0, margin: float = 0.4, remove_diagonal: bool = True
) -> Array:
    d = np.maximum(1 - emb @ emb.T, 0.0)
    pos = labels[:, None] == labels[None, :]
    neg = ~pos
    if remove_diagonal:
        pos = pos & ~np.eye(len(labels), dtype=bool)
    out = np.zeros(len(labels))
    for i in range(len(labels)):
        sp = -gamma * np.maximum(margin + d[i], 0) * (margin - d[i])
        sn = gamma * np.maximum(1 + margin - d[i], 0) * (1 - margin - d[i])
        lp = np.log(np.sum(np.exp(sp[pos[i]]))) if pos[i].any() else -np.inf
        ln = np.log(np.sum(np.exp(sn[neg[i]]))) if neg[i].any() else -np.inf
        out[i] = np.logaddexp(0.0, lp + ln)
    return out


def ctc_single(labels: list[int], logits: Array) -> float:
    """Negative log-likelihood of `labels` (blank = 0) by the CTC forward recursion."""
    logp = np.log(softmax(logits))
    ext = [0]
    for label in labels:
        ext += [label, 0]
    alpha = np.full(len(ext), -np.inf)
    alpha[0] = logp[0, ext[0]]
    if len(ext) > 1:
        alpha[1] = logp[0, ext[1]]
    for t in range(1, len(logits)):
        new = np.full(len(ext), -np.inf)
        for s in range(len(ext)):
            terms = [alpha[s]]
            if s > 0:
                terms.append(alpha[s - 1])
            if s > 1 and ext[s] != 0 and ext[s] != ext[s - 2]:
                terms.append(alpha[s - 2])
            new[s] = np.logaddexp.reduce(terms) + logp[t, ext[s]]
        alpha = new
    return float(-np.logaddexp(alpha[-1], alpha[-2]) if len(ext) > 1 else -alpha[-1])
