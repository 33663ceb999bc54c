"""Attention op: `dot_product_attention` (multi-head, grouped-query and multi-query)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from keras.backend._active import K
from keras.backend._config import backend
from keras.backend._dtypes import result_type
from keras.ops._convert import convert, promote
from keras.ops._op import op
from keras.ops._rules import dims_compatible
from keras.ops._spec import Spec, as_spec, spec_result_type
from keras.ops._typing import ArrayLike, Shape, Tensor
from keras.ops.nn._conv import known_ints

__all__ = ["dot_product_attention"]

_NAME = "dot_product_attention"


def _check_arguments(
    query: Shape,
    key: Shape,
    value: Shape,
    bias: Shape | None,
    mask: Shape | None,
    flash_attention: Any,
    attn_logits_soft_cap: Any,
) -> None:
    """Raise for shapes that do not fit `(B, T, N, H)`, `(B, S, K, H)`, `(B, S, K, Hv)`."""
    received = f"Received: query.shape={tuple(query)}, key.shape={tuple(key)}, value.shape={tuple(value)}"
    if len(query) != 4 or len(key) != 4 or len(value) != 4:
        raise ValueError(
            f"{_NAME}: `query`, `key` and `value` must have rank 4 (batch, sequence, heads, depth). {received}"
        )
    same = (
        dims_compatible(query[0], key[0])
        and all(dims_compatible(k, v) for k, v in zip(key[:3], value[:3], strict=True))
        and dims_compatible(query[3], key[3])
    )
    if not same:
        raise ValueError(
            f"{_NAME}: `query`, `key` and `value` must share the batch size, `key` and `value` the "
            f"sequence length and heads, and `query` and `key` the depth. {received}"
        )
    heads, kv_heads = query[2], key[2]
    if heads is not None and kv_heads is not None and (kv_heads == 0 or heads % kv_heads):
        raise ValueError(
            f"{_NAME}: the query heads ({heads}) must be a multiple of the key/value heads ({kv_heads}). {received}"
        )
    logits = (query[0], query[2], query[1], key[1])
    for name, shape in (("bias", bias), ("mask", mask)):
        if shape is None:
            continue
        if not 2 <= len(shape) <= 4 or not all(
            d in (1, None) or dims_compatible(d, t)
            for d, t in zip(_as_rank4_shape(shape), logits, strict=True)
        ):
            raise ValueError(
                f"{_NAME}: `{name}` must broadcast to (batch, heads, target, source) = {logits}; a rank 3 "
                f"`{name}` is read as (batch, target, source), a rank 2 one as (target, source). "
                f"Received: {name}.shape={tuple(shape)}"
            )
    if flash_attention:
        raise ValueError(
            f"{_NAME}: flash attention is not available with the {backend()} backend on this device. "
            f"Pass flash_attention=None or False. Received: flash_attention={flash_attention!r}"
        )
    if attn_logits_soft_cap is not None and not (
        isinstance(attn_logits_soft_cap, (int, float)) and attn_logits_soft_cap > 0
    ):
        raise ValueError(
            f"{_NAME}: `attn_logits_soft_cap` must be None or a positive number. "
            f"Received: attn_logits_soft_cap={attn_logits_soft_cap!r}"
        )


def _as_rank4_shape(shape: Shape) -> Shape:
    """A rank 3 `(B, T, S)` gains a heads axis; a rank 2 `(T, S)` two leading ones."""
    if len(shape) == 3:
        return (shape[0], 1, shape[1], shape[2])
    return (1,) * (4 - len(shape)) + tuple(shape)


def _shape_or_none(x: Any) -> Shape | None:
    return None if x is None else as_spec(x).shape


def _attention_rule(
    query: Any,
    key: Any,
    value: Any,
    bias: Any = None,
    mask: Any = None,
    scale: Any = None,
    is_causal: bool = False,
    flash_attention: Any = None,
    attn_logits_soft_cap: Any = None,
) -> Spec:
    q, k, v = as_spec(query), as_spec(key), as_spec(value)
    _check_arguments(
        q.shape,
        k.shape,
        v.shape,
        _shape_or_none(bias),
        _shape_or_none(mask),
        flash_attention,
        attn_logits_soft_cap,
    )
    return Spec((*q.shape[:3], v.shape[3]), spec_result_type(q, k, v))


def _to_rank4(x: Tensor) -> Tensor:
    shape = K.core.shape_of(x)
    if len(shape) == 4:
        return x
    return K.shape.reshape(x, tuple(int(d) for d in _as_rank4_shape(shape) if d is not None))


@op(_attention_rule)
def dot_product_attention(
    query: ArrayLike,
    key: ArrayLike,
    value: ArrayLike,
    bias: ArrayLike | None = None,
    mask: ArrayLike | None = None,
    scale: float | None = None,
    is_causal: bool = False,
    flash_attention: bool | None = None,
    attn_logits_soft_cap: float | None = None,
) -> Tensor:
    """Compute `softmax(query @ key^T * scale + bias) @ value` per head.

    Shapes use `B` batch, `T` query length, `S` key/value length, `N` query heads, `K`
    key/value heads and `H` depth. With `K == N` this is multi-head attention; with `N`
    a multiple of `K`, grouped-query attention (query head `n` reads key/value head
    `n // (N // K)`); with `K == 1`, multi-query attention. Logits are computed and
    normalized in float32 at least.

    Args:
        query: Tensor of shape `(B, T, N, H)`.
        key: Tensor of shape `(B, S, K, H)`.
        value: Tensor of shape `(B, S, K, Hv)`.
        bias: Optional tensor added to the logits, broadcastable to `(B, N, T, S)`; a
            rank 3 bias is read as `(B, T, S)`, a rank 2 one as `(T, S)`.
        mask: Optional tensor, broadcastable like `bias`; positions where it is false
            (zero) take no part in the attention.
        scale: Factor applied to the logits; None means `1 / sqrt(H)`.
        is_causal: Whether query position `t` attends only to key positions `s <= t`.
        flash_attention: None or False: the portable computation. True raises where no
            flash kernel is available (every CPU).
        attn_logits_soft_cap: Optional positive `c`: logits (after scale and bias)
            become `c * tanh(logits / c)` before masking.

    Returns:
        A tensor of shape `(B, T, N, Hv)` with the dtype `query`, `key` and `value`
        promote to.

    Raises:
        ValueError: For inputs that are not rank 4 or whose shapes disagree, a `bias` or
            `mask` that does not broadcast, `flash_attention=True` where unsupported,
            or a non-positive soft cap.

    Example:

    >>> q = np.ones((1, 2, 1, 4), "float32")
    >>> v = np.array([[1.0], [3.0]], "float32").reshape(1, 2, 1, 1)
    >>> keras.ops.nn.dot_product_attention(q, q, v, is_causal=True)[0, :, 0, 0]
    array([1., 2.], dtype=float32)
    """
    q, k, v = promote(query, key, value)
    bias_t = None if bias is None else convert(bias)
    mask_t = None if mask is None else convert(mask)
    shape = K.core.shape_of
    _check_arguments(
        shape(q),
        shape(k),
        shape(v),
        None if bias_t is None else shape(bias_t),
        None if mask_t is None else shape(mask_t),
        flash_attention,
        attn_logits_soft_cap,
    )
    dtype = K.core.dtype_of(q)
    compute = result_type(dtype, "float32")
    if compute != dtype:
        q, k, v = convert(q, compute), convert(k, compute), convert(v, compute)
    if bias_t is not None:
        bias_t = _to_rank4(convert(bias_t, compute))
    if mask_t is not None:
        mask_t = _to_rank4(convert(mask_t, "bool"))
    if is_causal:
        target, source = known_ints(shape(q))[1], known_ints(shape(k))[1]
        causal = convert(np.tril(np.ones((target, source), dtype=bool)))
        mask_t = causal if mask_t is None else K.logic.logical_and(mask_t, causal)
    depth = known_ints(shape(q))[3]
    out = K.conv.dot_product_attention(
        q,
        k,
        v,
        bias_t,
        mask_t,
        1.0 / math.sqrt(depth) if scale is None else float(scale),
        None if attn_logits_soft_cap is None else float(attn_logits_soft_cap),
        -0.7 * float(np.finfo(compute).max),
    )
    return out if compute == dtype else convert(out, dtype)
