"""`AdditiveAttention`: Bahdanau-style attention, scores `sum(scale * tanh(query + key), -1)`."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._attention.attention import Attention
from keras.ops._typing import Tensor

__all__ = ["AdditiveAttention"]


class AdditiveAttention(Attention):
    """Attend from `query` to `value` by additive scores (Bahdanau-style attention).

    For `query` `(B, Tq, dim)` and `key` `(B, Tv, dim)` (`value` by default) the score of
    every query-key pair is `sum(scale * tanh(query + key))` over `dim`, with a learned
    `scale` vector of size `dim` (or 1 without `use_scale`); the weights are their softmax
    over `Tv`, and the output is `weights @ value`, of shape `(B, Tq, dim_v)`.

    Args:
        use_scale: Whether to learn the `(dim,)` scale vector (Glorot-uniform initialized).
        dropout: Dropout rate applied to the attention weights in training.
        **kwargs: Base layer arguments (`name`, `dtype`, ...) and `seed`, the seed of the
            dropout.

    Call arguments:
        inputs: A list `[query, value]` or `[query, value, key]`.
        mask: Optional list `[query_mask, value_mask]` of boolean `(B, Tq)` and `(B, Tv)`
            masks; the inputs' Keras masks by default.
        training: Whether dropout is active.
        return_attention_scores: Whether to also return the attention weights.
        use_causal_mask: Whether query position `i` may attend only to positions `j <= i`.

    Returns:
        The attention output, of shape `(B, Tq, dim_v)`; with `return_attention_scores`,
        also the weights, of shape `(B, Tq, Tv)`.

    Raises:
        ValueError: If the inputs or masks are not lists of 2 or 3 entries, or `query`
            and `key` differ in their last axis.

    Example:

    >>> query = np.zeros((1, 1, 2), dtype="float32")
    >>> value = np.array([[[1.0, 1.0], [-1.0, -1.0]]], dtype="float32")
    >>> layer = keras.layers.AdditiveAttention(use_scale=False)
    >>> np.round(layer([query, value]), 4)
    array([[[0.9093, 0.9093]]], dtype=float32)
    """

    def __init__(self, use_scale: bool = True, dropout: float = 0.0, **kwargs: Any) -> None:
        super().__init__(use_scale=use_scale, dropout=dropout, **kwargs)

    def build(self, input_shape: Any) -> None:
        query_shape, _ = self._validate_shapes(input_shape)
        self.scale = None
        self.concat_score_weight = None
        if self.use_scale:
            self.scale = self.add_weight(
                name="scale",
                shape=(query_shape[-1],),  # type: ignore[arg-type]
                initializer="glorot_uniform",
                dtype=self.dtype,
            )
        self.built = True

    def _calculate_scores(self, query: Tensor, key: Tensor) -> Tensor:
        pairs = ops.tanh(ops.add(ops.expand_dims(query, -2), ops.expand_dims(key, -3)))  # (B, Tq, Tv, dim)
        if self.scale is not None:
            pairs = ops.multiply(self.scale, pairs)
        return ops.sum(pairs, axis=-1)

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        del config["score_mode"]
        return config
