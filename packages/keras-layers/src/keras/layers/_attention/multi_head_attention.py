"""`MultiHeadAttention`: scaled dot-product attention over several learned projections.

The projections are `EinsumDense` sublayers named and shaped as in Keras 3 (`query`,
`key`, `value`, optionally `gate`, and `attention_output`, reachable as `query_dense`,
`key_dense`, `value_dense` and `output_dense`), created in
`build(query_shape, value_shape, key_shape=None)`, so Keras 3 weights files load.
"""

from __future__ import annotations

import math
from typing import Any

from keras import constraints, initializers, ops, regularizers
from keras.backend._masking import set_keras_mask
from keras.backend._switches import is_flash_attention_enabled
from keras.layers._attention._common import (
    ProjectedAttention,
    attention_equations,
    check_flash_dropout,
    check_key_matches_value,
    check_sliding_window,
    input_masks,
    projection_equation,
    require_positive_int,
    serialize_common,
)
from keras.layers._core.einsum_dense import EinsumDense
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Tensor

__all__ = ["MultiHeadAttention"]

Shape = tuple[int | None, ...]


def _normalize_output_shape(output_shape: Any) -> Any:
    if not output_shape:
        return output_shape
    if isinstance(output_shape, int):
        return (output_shape,)
    try:
        return tuple(output_shape)
    except TypeError:
        raise ValueError(
            f"Invalid `output_shape`: {output_shape}. When specified, the `output_shape` should be of type "
            "tuple, list, or int."
        ) from None


def _normalize_attention_axes(attention_axes: Any) -> Any:
    if isinstance(attention_axes, int) and not isinstance(attention_axes, bool):
        return (attention_axes,)
    if attention_axes and not isinstance(attention_axes, (list, tuple)):
        raise ValueError(
            f"`attention_axes` must be an int, list, or tuple. Received: attention_axes={attention_axes}"
        )
    return attention_axes


def _resolve_axes(attention_axes: Any, rank: int) -> tuple[int, ...]:
    """Attention axes of projected tensors of `rank` (negative axes count from the query's end)."""
    if attention_axes is None:
        return tuple(range(1, rank - 2))
    return tuple(axis if axis >= 0 else (rank - 1) + axis for axis in attention_axes)


def _trailing(rank: int, last: list[int]) -> list[int | None]:
    """An `EinsumDense` output shape: unknown sizes, then the known trailing ones."""
    return [None] * (rank - len(last)) + list(last)


class MultiHeadAttention(ProjectedAttention):
    """Attend from `query` to `value` with several heads, as in "Attention Is All You Need".

    The layer projects `query` and `key` to `num_heads` heads of size `key_dim` and
    `value` to heads of size `value_dim`, computes `softmax(q k^T / sqrt(key_dim))` per
    head over the attention axes, averages the value heads by these weights, and
    projects the concatenated heads back to the query's feature size (or to
    `output_shape`). When `query`, `key` and `value` are the same tensor this is
    self-attention.

    Args:
        num_heads: Positive int, the number of heads.
        key_dim: Positive int, the size of each query and key head.
        value_dim: Positive int, the size of each value head; `key_dim` by default.
        dropout: Dropout rate applied to the attention weights in training.
        use_bias: Whether the projections have biases.
        output_shape: The output's trailing shape (int, tuple or list); the query's last
            axis size by default.
        attention_axes: The axes attention runs over (int, tuple or list; negative axes
            count from the query's end); all axes but the batch and the features by default.
        sliding_window: Positive int: query position `i` attends only to key positions `j`
            with `|i - j| < sliding_window`; None attends everywhere.
        flash_attention: Whether to ask `ops.dot_product_attention` for a flash kernel;
            None follows `keras.config.is_flash_attention_enabled()`.
        kernel_initializer: Initializer of the projection kernels.
        bias_initializer: Initializer of the projection biases.
        kernel_regularizer: Regularizer of the projection kernels.
        bias_regularizer: Regularizer of the projection biases.
        activity_regularizer: Regularizer of the projections' outputs.
        kernel_constraint: Constraint of the projection kernels.
        bias_constraint: Constraint of the projection biases.
        use_gate: Whether to multiply the attention output by a sigmoid gate projected
            from the query (gated attention) before the output projection.
        seed: Seed of the dropout.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        query: Tensor of shape `(B, T, dim)` (or `(B, *T, dim)` with several attention axes).
        value: Tensor of shape `(B, S, dim_v)`.
        key: Optional tensor of shape `(B, S, dim_k)`; `value` by default.
        query_mask: Optional boolean `(B, T)` mask; the query's Keras mask by default.
        value_mask: Optional boolean `(B, S)` mask; the value's Keras mask by default.
        key_mask: Optional boolean `(B, S)` mask; the key's Keras mask by default.
        attention_mask: Optional boolean mask of shape `(B, T, S)` (broadcastable): 1 lets
            a query position attend to a key position, 0 stops it.
        return_attention_scores: Whether to also return the attention weights.
        training: Whether dropout is active.
        use_causal_mask: Whether query position `i` may attend only to key positions `j <= i`.

    Returns:
        The attention output, of shape `(B, T, E)` with `E` the query's last axis size
        (or `output_shape`); with `return_attention_scores`, also the weights, of shape
        `(B, num_heads, T, S)`.

    Raises:
        ValueError: If `num_heads`, `key_dim`, `value_dim`, `output_shape`,
            `attention_axes` or `sliding_window` is invalid, if dropout is combined with
            flash attention, or when building, if `query` and `value` differ in rank or
            `key` and `value` differ on an axis but the last.

    Example:

    >>> layer = keras.layers.MultiHeadAttention(num_heads=2, key_dim=4)
    >>> query = np.ones((1, 3, 8), dtype="float32")
    >>> value = np.ones((1, 5, 6), dtype="float32")
    >>> output, scores = layer(query, value, return_attention_scores=True)
    >>> output.shape, scores.shape
    ((1, 3, 8), (1, 2, 3, 5))
    >>> [tuple(w.shape) for w in layer.query_dense.weights]
    [(8, 2, 4), (2, 4)]
    """

    _query_dense: EinsumDense
    _key_dense: EinsumDense
    _value_dense: EinsumDense
    _gate_dense: EinsumDense
    _output_dense: EinsumDense

    def __init__(
        self,
        num_heads: int,
        key_dim: int,
        value_dim: int | None = None,
        dropout: float = 0.0,
        use_bias: bool = True,
        output_shape: int | tuple[int, ...] | list[int] | None = None,
        attention_axes: int | tuple[int, ...] | list[int] | None = None,
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
        require_positive_int("num_heads", num_heads)
        require_positive_int("key_dim", key_dim)
        require_positive_int("value_dim", value_dim, allow_none=True)
        super().__init__(**kwargs)
        self.supports_masking = True
        self._num_heads = num_heads
        self._key_dim = key_dim
        self._value_dim = value_dim if value_dim else key_dim
        self._dropout = dropout
        self._use_bias = use_bias
        self._use_gate = use_gate
        self._output_shape = _normalize_output_shape(output_shape)
        self._flash_attention = flash_attention or is_flash_attention_enabled()
        self._kernel_initializer = initializers.get(kernel_initializer)
        self._bias_initializer = initializers.get(bias_initializer)
        self._kernel_regularizer = regularizers.get(kernel_regularizer)
        self._bias_regularizer = regularizers.get(bias_regularizer)
        self._activity_regularizer = regularizers.get(activity_regularizer)
        self._kernel_constraint = constraints.get(kernel_constraint)
        self._bias_constraint = constraints.get(bias_constraint)
        self._attention_axes = _normalize_attention_axes(attention_axes)
        check_sliding_window(sliding_window)
        self._sliding_window = sliding_window
        self.seed = seed
        self._inverse_sqrt_key_dim = 1.0 / math.sqrt(float(key_dim))
        check_flash_dropout(self._flash_attention, dropout)

    @property
    def num_heads(self) -> int:
        return self._num_heads

    @property
    def key_dim(self) -> int:
        return self._key_dim

    @property
    def value_dim(self) -> int:
        return self._value_dim

    @property
    def dropout(self) -> float:
        return self._dropout

    @property
    def use_bias(self) -> bool:
        return self._use_bias

    @property
    def attention_axes(self) -> Any:
        return self._attention_axes

    @property
    def query_dense(self) -> EinsumDense:
        return self._query_dense

    @property
    def key_dense(self) -> EinsumDense:
        return self._key_dense

    @property
    def value_dense(self) -> EinsumDense:
        return self._value_dense

    @property
    def output_dense(self) -> EinsumDense:
        return self._output_dense

    def _head_projection(
        self, name: str, input_shape: Shape, head_size: int, activation: Any = None
    ) -> EinsumDense:
        """Project the last axis of an input of `input_shape` to `(num_heads, head_size)`."""
        rank = len(input_shape)
        equation, bias_axes = projection_equation(rank - 1, bound_dims=1, output_dims=2)
        return self._projection(
            name,
            equation,
            _trailing(rank, [self._num_heads, head_size]),
            bias_axes if self._use_bias else None,
            input_shape,
            activation=activation,
        )

    def build(  # type: ignore[override]
        self, query_shape: Shape, value_shape: Shape, key_shape: Shape | None = None
    ) -> None:
        key_shape = value_shape if key_shape is None else key_shape
        check_key_matches_value(value_shape, key_shape)
        if len(query_shape) != len(value_shape):
            raise ValueError(
                f"MultiHeadAttention '{self.name}': `query` and `value` must have the same rank. "
                f"Received: query_shape={tuple(query_shape)}, value_shape={tuple(value_shape)}"
            )
        rank = len(query_shape)
        self._query_dense = self._head_projection("query", query_shape, self._key_dim)
        self._key_dense = self._head_projection("key", key_shape, self._key_dim)
        if self._use_gate:
            self._gate_dense = self._head_projection(
                "gate", query_shape, self._value_dim, activation="sigmoid"
            )
        self._value_dense = self._head_projection("value", value_shape, self._value_dim)

        self._attention_axes = _resolve_axes(self._attention_axes, rank + 1)
        self._dot_product_equation, self._combine_equation, scores_rank = attention_equations(
            rank + 1, self._attention_axes
        )
        self._build_softmax_and_dropout(scores_rank, self.seed)

        output_shape = list(self._output_shape) if self._output_shape else [query_shape[-1]]
        equation, bias_axes = projection_equation(rank - 1, bound_dims=2, output_dims=len(output_shape))
        self._output_dense = self._projection(
            "attention_output",
            equation,
            _trailing(rank - 1 + len(output_shape) - 1, output_shape),  # type: ignore[arg-type]
            bias_axes if self._use_bias else None,
            (*query_shape[:-1], self._num_heads, self._value_dim),
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
        gate = self._gate_dense(query) if self._use_gate else None
        output, scores = self._attend(
            self._query_dense(query),
            self._key_dense(key),
            self._value_dense(value),
            attention_mask,
            training,
            return_attention_scores,
            causal_only,
        )
        output = self._output_dense(output if gate is None else ops.multiply(output, gate))
        if query_mask is not None:
            set_keras_mask(output, query_mask)
        if return_attention_scores:
            return output, scores
        return output

    def compute_output_shape(
        self, query_shape: Shape, value_shape: Shape, key_shape: Shape | None = None
    ) -> Shape:
        query_shape, value_shape = tuple(query_shape), tuple(value_shape)
        check_key_matches_value(value_shape, value_shape if key_shape is None else tuple(key_shape))
        if self._output_shape:
            return (*query_shape[:-1], *self._output_shape)
        return query_shape

    def _scores_shape(self, query_shape: Shape, key_shape: Shape) -> Shape:
        """The shape of the attention weights: batch axes and heads, query then key attention axes."""
        heads = (self._num_heads, self._key_dim)
        projected_query = (*query_shape[:-1], *heads)
        projected_key = (*key_shape[:-1], *heads)
        rank = len(projected_query)
        axes = _resolve_axes(self._attention_axes, rank)
        batch = [projected_query[i] for i in range(rank) if i not in axes and i != rank - 1]
        return (*batch, *(projected_query[i] for i in axes), *(projected_key[i] for i in axes))

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
        scores_shape = self._scores_shape(tuple(query.shape), key_shape or tuple(value.shape))
        return output, KerasTensor(scores_shape, self.compute_dtype)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "num_heads": self._num_heads,
            "key_dim": self._key_dim,
            "value_dim": self._value_dim,
            "dropout": self._dropout,
            "use_bias": self._use_bias,
            "use_gate": self._use_gate,
            "output_shape": self._output_shape,
            "attention_axes": self._attention_axes,
            "sliding_window": self._sliding_window,
            **serialize_common(self),
            "seed": self.seed,
        }
