"""What `MultiHeadAttention` and `GroupQueryAttention` share: the projected-attention core.

`ProjectedAttention` is their private base: it merges the masks a call gives (Keras masks
of the inputs, an explicit `attention_mask`, causal and sliding-window masks) into one
boolean `(B, T, S)` mask, and runs the attention of projected heads, either through the
fused `ops.dot_product_attention` or, when the scores are wanted or dropout is set,
explicitly with `ops.einsum` and a masked `Softmax`. The einsum equations of the
projections and of the attention product are worked out here too, as Keras 3 writes them,
so weight shapes and results are the same.
"""

from __future__ import annotations

import string
from typing import Any

from keras import constraints, initializers, ops, regularizers
from keras.backend._masking import get_keras_mask
from keras.layers._activations.activation_layers import Softmax
from keras.layers._core.einsum_dense import EinsumDense
from keras.layers._layer import Layer
from keras.layers._regularization.dropout import Dropout
from keras.ops._typing import Tensor

Shape = tuple[int | None, ...]

_LETTERS = string.ascii_lowercase


def require_positive_int(name: str, value: Any, allow_none: bool = False) -> None:
    """Raise a `ValueError` naming `name` unless `value` is a positive int (or None if allowed)."""
    if allow_none and value is None:
        return
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return
    expected = "a positive integer or `None`" if allow_none else "a positive integer"
    raise ValueError(
        f"Received an invalid value for argument `{name}`, expected {expected}. Received: {name}={value}"
    )


def check_sliding_window(sliding_window: Any) -> None:
    """Raise a `ValueError` unless `sliding_window` is None or a positive int."""
    if sliding_window is not None and (
        not isinstance(sliding_window, int) or isinstance(sliding_window, bool) or sliding_window <= 0
    ):
        raise ValueError(
            f"`sliding_window` must be `None` or a positive integer. Received: sliding_window={sliding_window}"
        )


def check_flash_dropout(flash_attention: Any, dropout: float) -> None:
    """Raise a `ValueError` when flash attention is asked for together with dropout."""
    if flash_attention and dropout > 0.0:
        raise ValueError(
            "Dropout is not supported when flash attention is enabled. "
            "Please set dropout to 0.0 to use flash attention."
        )


def check_key_matches_value(value_shape: Shape, key_shape: Shape) -> None:
    """Raise a `ValueError` unless `key` and `value` agree on every axis but the last."""
    if tuple(value_shape[1:-1]) != tuple(key_shape[1:-1]):
        raise ValueError(
            "All dimensions of `value` and `key`, except the last one, must be equal. "
            f"Received: value_shape={tuple(value_shape)} and key_shape={tuple(key_shape)}"
        )


def projection_equation(free_dims: int, bound_dims: int, output_dims: int) -> tuple[str, str]:
    """Return the einsum equation and bias letters of a projection, as Keras 3 spells them.

    The input keeps its `free_dims` leading axes and contracts its `bound_dims` trailing
    axes with the kernel, which adds `output_dims` new axes; e.g. `(2, 1, 2)` gives
    `"abc,cde->abde"` with bias axes `"de"`.
    """
    free = _LETTERS[:free_dims]
    bound = _LETTERS[free_dims : free_dims + bound_dims]
    new = _LETTERS[free_dims + bound_dims : free_dims + bound_dims + output_dims]
    return f"{free}{bound},{bound}{new}->{free}{new}", new


def attention_equations(rank: int, attention_axes: tuple[int, ...]) -> tuple[str, str, int]:
    """Return the score and combine einsum equations for projected tensors of `rank`.

    Projected tensors are `(batch, <other axes>, heads, depth)`; `attention_axes` index the
    axes attended over. The score equation takes `(key, query)` to
    `(<batch axes>, <query attention axes>, <key attention axes>)`, where the batch axes
    are all but the attention axes and the depth (the heads included); the combine
    equation takes `(scores, value)` back to the query's layout.

    Returns:
        `(dot_product_equation, combine_equation, scores_rank)`.
    """
    target = _LETTERS[:rank]
    batch_axes = [i for i in range(rank) if i not in attention_axes and i != rank - 1]
    source = list(target)
    next_letter = rank
    for i in range(rank):
        if i in attention_axes:
            source[i] = _LETTERS[next_letter]
            next_letter += 1
    source_notation = "".join(source)
    product = "".join(
        [target[i] for i in batch_axes]
        + [target[i] for i in attention_axes]
        + [source[i] for i in attention_axes]
    )
    return f"{source_notation},{target}->{product}", f"{product},{source_notation}->{target}", len(product)


def input_masks(
    query: Any, value: Any, key: Any, query_mask: Any, value_mask: Any, key_mask: Any
) -> tuple[Any, Any, Any]:
    """Fill each missing `*_mask` from the Keras mask its tensor carries (none for an absent key)."""
    if query_mask is None:
        query_mask = get_keras_mask(query)
    if value_mask is None:
        value_mask = get_keras_mask(value)
    if key_mask is None and key is not None:
        key_mask = get_keras_mask(key)
    return query_mask, value_mask, key_mask


def causal_mask(target_length: Any, source_length: Any) -> Tensor:
    """The `(1, T, S)` boolean mask where query position `i` sees key positions `j <= i`."""
    rows = ops.expand_dims(ops.arange(target_length, dtype="int32"), -1)
    columns = ops.expand_dims(ops.arange(source_length, dtype="int32"), 0)
    return ops.expand_dims(ops.greater_equal(rows, columns), 0)


def sliding_window_mask(target_length: Any, source_length: Any, window: int) -> Tensor:
    """The `(1, T, S)` boolean band where query position `i` sees keys with `|i - j| < window`."""
    rows = ops.expand_dims(ops.arange(target_length, dtype="int32"), -1)
    columns = ops.expand_dims(ops.arange(source_length, dtype="int32"), 0)
    return ops.expand_dims(ops.less(ops.abs(ops.subtract(rows, columns)), window), 0)


def _and(mask: Tensor | None, other: Tensor) -> Tensor:
    return other if mask is None else ops.logical_and(mask, other)


class ProjectedAttention(Layer):
    """Private base: masks and the attention of projected heads, shared by the head layers.

    A subclass sets, in `__init__`, `_dropout`, `_sliding_window`, `_flash_attention`,
    `_inverse_sqrt_key_dim` and the initializer/regularizer/constraint attributes named
    in `_sublayer_kwargs`, and, in `build`, `_dot_product_equation`, `_combine_equation`,
    `_attention_axes`, `_softmax` and `_dropout_layer`.
    """

    _dropout: float
    _sliding_window: int | None
    _flash_attention: Any
    _inverse_sqrt_key_dim: float
    _attention_axes: Any
    _dot_product_equation: str
    _combine_equation: str
    _softmax: Softmax
    _dropout_layer: Dropout
    _kernel_initializer: Any
    _bias_initializer: Any
    _kernel_regularizer: Any
    _bias_regularizer: Any
    _activity_regularizer: Any
    _kernel_constraint: Any
    _bias_constraint: Any

    def _sublayer_kwargs(self) -> dict[str, Any]:
        """Arguments of every projection, each with its own copy of the initializers."""
        return {
            "kernel_initializer": type(self._kernel_initializer).from_config(
                self._kernel_initializer.get_config()
            ),
            "bias_initializer": type(self._bias_initializer).from_config(self._bias_initializer.get_config()),
            "kernel_regularizer": self._kernel_regularizer,
            "bias_regularizer": self._bias_regularizer,
            "activity_regularizer": self._activity_regularizer,
            "kernel_constraint": self._kernel_constraint,
            "bias_constraint": self._bias_constraint,
            "dtype": self.dtype_policy,
        }

    def _projection(
        self,
        name: str,
        equation: str,
        output_shape: list[int | None],
        bias_axes: str | None,
        input_shape: Shape,
        activation: Any = None,
    ) -> EinsumDense:
        """A built `EinsumDense` projection named `name` (`bias_axes=None`: no bias)."""
        layer = EinsumDense(
            equation,
            output_shape=output_shape,
            bias_axes=bias_axes,
            activation=activation,
            name=name,
            **self._sublayer_kwargs(),
        )
        layer.build(input_shape)
        return layer

    def _build_softmax_and_dropout(self, scores_rank: int, seed: int | None) -> None:
        num_axes = len(self._attention_axes)
        self._softmax = Softmax(
            axis=tuple(range(scores_rank - num_axes, scores_rank)), dtype=self.dtype_policy
        )
        self._dropout_layer = Dropout(self._dropout, seed=seed, dtype=self.dtype_policy)

    def _compute_attention_mask(
        self,
        query: Tensor,
        value: Tensor,
        query_mask: Any = None,
        value_mask: Any = None,
        key_mask: Any = None,
        attention_mask: Any = None,
        use_causal_mask: bool = False,
    ) -> Tensor | None:
        """AND together every mask that applies, as a boolean `(B, T, S)` (or broadcastable) mask.

        The query mask becomes `(B, T, 1)`, the value and key masks `(B, 1, S)`, the causal
        and sliding-window masks `(1, T, S)`; `T` and `S` are the lengths of axis 1.
        """
        mask: Tensor | None = None
        if query_mask is not None:
            mask = ops.expand_dims(ops.cast(query_mask, "bool"), -1)
        for other in (value_mask, key_mask):
            if other is not None:
                mask = _and(mask, ops.expand_dims(ops.cast(other, "bool"), -2))
        target, source = ops.shape(query)[1], ops.shape(value)[1]
        if use_causal_mask:
            mask = _and(mask, causal_mask(target, source))
        if self._sliding_window is not None:
            mask = _and(mask, sliding_window_mask(target, source, self._sliding_window))
        if attention_mask is None:
            return mask
        attention_mask = ops.cast(attention_mask, "bool")
        return attention_mask if mask is None else ops.logical_and(attention_mask, mask)

    def _expand_mask(self, mask: Tensor, rank: int) -> Tensor:
        """Add the axes (heads, other batch axes) a `(B, T, S)` mask lacks against `rank` scores."""
        axis = -len(self._attention_axes) * 2 - 1
        for _ in range(rank - len(mask.shape)):
            mask = ops.expand_dims(mask, axis=axis)
        return mask

    def _masked_softmax(self, attention_scores: Tensor, attention_mask: Tensor | None = None) -> Tensor:
        if attention_mask is not None:
            attention_mask = self._expand_mask(attention_mask, len(attention_scores.shape))
        return self._softmax(attention_scores, mask=attention_mask)

    def _compute_attention(
        self,
        query: Tensor,
        key: Tensor,
        value: Tensor,
        attention_mask: Tensor | None = None,
        training: bool | None = None,
        return_attention_scores: bool = False,
        use_causal_mask: bool = False,
    ) -> tuple[Tensor, Tensor | None]:
        """Attend with projected `query` `(B, T, N, H)`, `key` and `value` `(B, S, N, H)`.

        Uses the fused `ops.dot_product_attention` unless the scores are wanted, dropout is
        set or the tensors are not rank 4 (then the scores come back too, else None).
        """
        if self._flash_attention and return_attention_scores:
            raise ValueError(
                "Returning attention scores is not supported when flash attention is enabled. "
                "Please disable flash attention to access attention scores."
            )
        if not (self._dropout > 0.0 or return_attention_scores or len(query.shape) != 4):
            mask = None
            if attention_mask is not None:
                mask = ops.cast(self._expand_mask(attention_mask, 4), "bool")
            output = ops.dot_product_attention(
                query,
                key,
                value,
                mask=mask,
                scale=self._inverse_sqrt_key_dim,
                is_causal=use_causal_mask,
                flash_attention=self._flash_attention,
            )
            return output, None
        if use_causal_mask:
            causal = causal_mask(ops.shape(query)[1], ops.shape(value)[1])
            attention_mask = _and(
                None if attention_mask is None else ops.cast(attention_mask, "bool"), causal
            )
        query = ops.multiply(query, ops.cast(self._inverse_sqrt_key_dim, query.dtype))
        scores = ops.einsum(self._dot_product_equation, key, query)
        scores = self._masked_softmax(scores, attention_mask)
        dropped = self._dropout_layer(scores, training=training) if self._dropout > 0.0 else scores
        return ops.einsum(self._combine_equation, dropped, value), scores

    def _attend(
        self,
        query: Tensor,
        key: Tensor,
        value: Tensor,
        attention_mask: Tensor | None,
        training: bool | None,
        return_attention_scores: bool,
        causal_only: bool,
    ) -> tuple[Tensor, Tensor | None]:
        # Only pass `use_causal_mask` when set, so subclasses that override
        # `_compute_attention` without it keep working (as in Keras).
        extra = {"use_causal_mask": True} if causal_only else {}
        return self._compute_attention(
            query, key, value, attention_mask, training, return_attention_scores, **extra
        )

    def _is_causal_only(self, use_causal_mask: bool, masks: tuple[Any, ...]) -> bool:
        """Whether the causal mask is the only mask, so the fused causal kernel can serve.

        Not when a subclass overrides `_compute_attention`: it would get no mask at all.
        """
        return (
            use_causal_mask
            and all(m is None for m in masks)
            and self._sliding_window is None
            and type(self)._compute_attention is ProjectedAttention._compute_attention
        )


def serialize_common(layer: ProjectedAttention) -> dict[str, Any]:
    """The initializer, regularizer and constraint entries of a head layer's config."""
    return {
        "kernel_initializer": initializers.serialize(layer._kernel_initializer),
        "bias_initializer": initializers.serialize(layer._bias_initializer),
        "kernel_regularizer": regularizers.serialize(layer._kernel_regularizer),
        "bias_regularizer": regularizers.serialize(layer._bias_regularizer),
        "activity_regularizer": regularizers.serialize(layer._activity_regularizer),
        "kernel_constraint": constraints.serialize(layer._kernel_constraint),
        "bias_constraint": constraints.serialize(layer._bias_constraint),
    }
