"""`GroupQueryAttention`: attention whose key/value heads are shared by groups of query heads.

Keras 3 exports it as `keras.layers.GroupQueryAttention` (its files name the class so);
its default layer name is `grouped_query_attention`. The projections are `EinsumDense`
sublayers with Keras 3's equations and names (`query`, `key`, `value`, `gate`,
`attention_output`), so Keras 3 weights files load.
"""

from __future__ import annotations

import math
from typing import Any

from keras import constraints, initializers, ops, regularizers
from keras.backend._naming import unique_name
from keras.backend._switches import is_flash_attention_enabled
from keras.layers._attention._common import (
    ProjectedAttention,
    check_flash_dropout,
    check_key_matches_value,
    check_sliding_window,
    input_masks,
    require_positive_int,
    serialize_common,
)
from keras.layers._core.einsum_dense import EinsumDense
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Tensor

__all__ = ["GroupQueryAttention"]

Shape = tuple[int | None, ...]


class GroupQueryAttention(ProjectedAttention):
    """Attend with `num_query_heads` query heads sharing `num_key_value_heads` key/value heads.

    Grouped-query attention (Ainslie et al., 2023): the query is projected to
    `num_query_heads` heads and the key and value to `num_key_value_heads` heads, each of
    size `head_dim`; every group of `num_query_heads // num_key_value_heads` query heads
    reads the same key/value head. One key/value head gives multi-query attention, as
    many as query heads gives multi-head attention. The heads are projected back to the
    query's feature size.

    Args:
        head_dim: Positive int, the size of every head.
        num_query_heads: Positive int, the number of query heads.
        num_key_value_heads: Positive int dividing `num_query_heads`, the number of key and
            value heads.
        dropout: Dropout rate applied to the attention weights in training.
        use_bias: Whether the projections have biases.
        sliding_window: Positive int: query position `i` attends only to key positions `j`
            with `|i - j| < sliding_window`; None attends everywhere.
        flash_attention: Whether to ask `ops.dot_product_attention` for a flash kernel;
            None follows `keras.config.is_flash_attention_enabled()`.
        kernel_initializer: Initializer of the projection kernels.
        bias_initializer: Initializer of the projection biases.
        kernel_regularizer: Regularizer of the projection kernels.
        bias_regularizer: Regularizer of the projection biases.
        activity_regularizer: Regularizer of the projections' outputs and of this layer's
            outputs.
        kernel_constraint: Constraint of the projection kernels.
        bias_constraint: Constraint of the projection biases.
        use_gate: Whether to multiply the attention output by a sigmoid gate projected
            from the query before the output projection.
        seed: Seed of the dropout.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        query: Tensor of shape `(B, T, dim)`.
        value: Tensor of shape `(B, S, dim)`.
        key: Optional tensor of shape `(B, S, dim)`; `value` by default.
        query_mask: Optional boolean `(B, T)` mask; the query's Keras mask by default.
        value_mask: Optional boolean `(B, S)` mask; the value's Keras mask by default.
        key_mask: Optional boolean `(B, S)` mask; the key's Keras mask by default.
        attention_mask: Optional boolean mask of shape `(B, T, S)` (broadcastable).
        return_attention_scores: Whether to also return the attention weights.
        training: Whether dropout is active.
        use_causal_mask: Whether query position `i` may attend only to key positions `j <= i`.

    Returns:
        The attention output, of shape `(B, T, dim)`; with `return_attention_scores`, also
        the weights, of shape `(B, num_query_heads, T, S)`.

    Raises:
        ValueError: If `num_query_heads` is not a multiple of `num_key_value_heads`, a head
            count or `sliding_window` is invalid, or dropout is combined with flash
            attention; on symbolic inputs, if `query` and `value` differ in their last axis.

    Example:

    >>> layer = keras.layers.GroupQueryAttention(head_dim=4, num_query_heads=4, num_key_value_heads=2)
    >>> x = np.ones((1, 3, 8), dtype="float32")
    >>> output, scores = layer(x, x, return_attention_scores=True)
    >>> output.shape, scores.shape
    ((1, 3, 8), (1, 4, 3, 3))
    >>> [tuple(w.shape) for w in layer.weights[:4]]
    [(8, 4, 4), (4, 4), (8, 2, 4), (2, 4)]
    """

    _query_dense: EinsumDense
    _key_dense: EinsumDense
    _value_dense: EinsumDense
    _gate_dense: EinsumDense
    _output_dense: EinsumDense

    def __init__(
        self,
        head_dim: int,
        num_query_heads: int,
        num_key_value_heads: int,
        dropout: float = 0.0,
        use_bias: bool = True,
        sliding_window: int | None = None,
        flash_attention: bool | None = None,
        kernel_initializer: Any = "glorot_uniform",
        bias_initializer: Any = "zeros",
        kernel_regularizer: Any = None,
        bias_regularizer: Any = None,
        activity_regularizer: Any = None,
        kernel_constraint: Any = None,
        bias_constraint: Any = None,
        use_gate: bool = False,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        require_positive_int("head_dim", head_dim)
        require_positive_int("num_query_heads", num_query_heads)
        require_positive_int("num_key_value_heads", num_key_value_heads)
        if kwargs.get("name") is None:
            kwargs["name"] = unique_name("grouped_query_attention")
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.supports_masking = True
        self.head_dim = head_dim
        self.num_query_heads = num_query_heads
        self.num_key_value_heads = num_key_value_heads
        if num_query_heads % num_key_value_heads != 0:
            raise ValueError(
                "`num_query_heads` must be divisible by `num_key_value_heads`. Received: "
                f"num_query_heads={num_query_heads}, num_key_value_heads={num_key_value_heads}"
            )
        self.num_repeats = num_query_heads // num_key_value_heads
        self._dropout = dropout
        self.use_bias = use_bias
        self.use_gate = use_gate
        check_sliding_window(sliding_window)
        self._sliding_window = sliding_window
        self._flash_attention = flash_attention or is_flash_attention_enabled()
        self._kernel_initializer = initializers.get(kernel_initializer)
        self._bias_initializer = initializers.get(bias_initializer)
        self._kernel_regularizer = regularizers.get(kernel_regularizer)
        self._bias_regularizer = regularizers.get(bias_regularizer)
        self._activity_regularizer = self.activity_regularizer
        self._kernel_constraint = constraints.get(kernel_constraint)
        self._bias_constraint = constraints.get(bias_constraint)
        self.seed = seed
        self._inverse_sqrt_key_dim = 1.0 / math.sqrt(float(head_dim))
        self._attention_axes = (1,)
        self._dot_product_equation = "bkuh,bquh->buqk"
        self._combine_equation = "buqk,bkuh->bquh"
        check_flash_dropout(self._flash_attention, dropout)

    @property
    def dropout(self) -> float:
        return self._dropout

    @property
    def sliding_window(self) -> int | None:
        return self._sliding_window

    def build(  # type: ignore[override]
        self, query_shape: Shape, value_shape: Shape, key_shape: Shape | None = None
    ) -> None:
        key_shape = value_shape if key_shape is None else key_shape
        self.feature_dim = query_shape[-1]
        query_heads = [None, self.num_query_heads, self.head_dim]
        key_value_heads = [None, self.num_key_value_heads, self.head_dim]
        self._query_dense = self._projection(
            "query", "bqm,muh->bquh", query_heads, "uh" if self.use_bias else None, query_shape
        )
        self._key_dense = self._projection(
            "key", "bkm,mvh->bkvh", key_value_heads, "vh" if self.use_bias else None, key_shape
        )
        if self.use_gate:
            self._gate_dense = self._projection(
                "gate",
                "bqm,muh->bquh",
                query_heads,
                "uh" if self.use_bias else None,
                query_shape,
                activation="sigmoid",
            )
        self._value_dense = self._projection(
            "value", "bkm,mvh->bkvh", key_value_heads, "vh" if self.use_bias else None, value_shape
        )
        self._build_softmax_and_dropout(4, self.seed)
        self._output_dense = self._projection(
            "attention_output",
            "bquh,uhm->bqm",
            [None, self.feature_dim],
            "m" if self.use_bias else None,
            (None, None, self.num_query_heads, self.head_dim),
        )
        self.built = True

    def call(
        self,
        query: Tensor,
        value: Tensor,
        key: Tensor | None = None,
        query_mask: Tensor | None = None,
        value_mask: Tensor | None = None,
        key_mask: Tensor | None = None,
        attention_mask: Tensor | None = None,
        return_attention_scores: bool = False,
        training: bool | None = None,
        use_causal_mask: bool = False,
    ) -> Tensor | tuple[Tensor, Tensor | None]:
        query_mask, value_mask, key_mask = input_masks(query, value, key, query_mask, value_mask, key_mask)
        key = value if key is None else key
        causal_only = self._is_causal_only(
            use_causal_mask, (query_mask, value_mask, key_mask, attention_mask)
        )
        if not causal_only:
            attention_mask = self._compute_attention_mask(
                query, value, query_mask, value_mask, key_mask, attention_mask, use_causal_mask
            )
        gate = self._gate_dense(query) if self.use_gate else None
        # Each key/value head serves `num_repeats` consecutive query heads.
        output, scores = self._attend(
            self._query_dense(query),
            ops.repeat(self._key_dense(key), self.num_repeats, axis=2),
            ops.repeat(self._value_dense(value), self.num_repeats, axis=2),
            attention_mask,
            training,
            return_attention_scores,
            causal_only,
        )
        output = self._output_dense(output if gate is None else ops.multiply(output, gate))
        if return_attention_scores:
            return output, scores
        return output

    def compute_output_shape(
        self, query_shape: Shape, value_shape: Shape, key_shape: Shape | None = None
    ) -> Shape:
        query_shape, value_shape = tuple(query_shape), tuple(value_shape)
        if query_shape[-1] != value_shape[-1]:
            raise ValueError(
                "The last dimension of `query_shape` and `value_shape` must be equal, but are "
                f"{query_shape[-1]}, {value_shape[-1]}. Received: query_shape={query_shape}, "
                f"value_shape={value_shape}"
            )
        check_key_matches_value(value_shape, value_shape if key_shape is None else tuple(key_shape))
        return query_shape

    def compute_output_spec(
        self,
        query: Any,
        value: Any,
        key: Any = None,
        return_attention_scores: bool = False,
        **kwargs: Any,
    ) -> Any:
        key_shape = None if key is None else tuple(key.shape)
        output = KerasTensor(
            self.compute_output_shape(tuple(query.shape), tuple(value.shape), key_shape), self.compute_dtype
        )
        if not return_attention_scores:
            return output
        source = (key_shape or tuple(value.shape))[1]
        return output, KerasTensor(
            (query.shape[0], self.num_query_heads, query.shape[1], source), self.compute_dtype
        )

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "head_dim": self.head_dim,
            "num_query_heads": self.num_query_heads,
            "num_key_value_heads": self.num_key_value_heads,
            "use_bias": self.use_bias,
            "use_gate": self.use_gate,
            "sliding_window": self._sliding_window,
            "dropout": self._dropout,
            **serialize_common(self),
            "seed": self.seed,
        }
