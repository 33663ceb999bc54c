"""`Attention`: unprojected dot-product (Luong) attention over `[query, value, key]` lists.

It also holds what `AdditiveAttention` reuses: input checks, the score mask (value
padding and causal), the masked softmax with dropout, and the query-mask zeroing; a
subclass only changes how scores are computed and which weights that needs.
"""

from __future__ import annotations

from typing import Any

from keras import ops, random
from keras.backend._dtypes import standardize_dtype
from keras.backend._variable import Variable
from keras.layers._attention._common import causal_mask
from keras.layers._layer import Layer
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Tensor

__all__ = ["Attention"]

Shape = tuple[int | None, ...]

_SCORE_MODES = ("dot", "concat")


class Attention(Layer):
    """Attend from `query` to `value` by dot-product scores (Luong-style attention).

    For `query` `(B, Tq, dim)`, `value` `(B, Tv, dim_v)` and `key` `(B, Tv, dim)` (`value`
    by default) the layer computes `scores = query @ key^T` (`(B, Tq, Tv)`), turns them
    into weights with a softmax over `Tv`, and returns `weights @ value` (`(B, Tq, dim_v)`).
    No projections are learned; at most two scalars (`use_scale`, `score_mode="concat"`).

    Args:
        use_scale: Whether to learn a scalar that multiplies the scores (initialized to 1).
        score_mode: `"dot"` for `query @ key^T`, or `"concat"` for
            `sum(tanh(query + key), -1)` over every query-key pair, times a learned scalar.
        dropout: Dropout rate applied to the attention weights in training.
        seed: Seed of the dropout.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: A list `[query, value]` or `[query, value, key]`.
        mask: Optional list `[query_mask, value_mask]` of boolean `(B, Tq)` and `(B, Tv)`
            masks; the inputs' Keras masks by default. Outputs at masked query positions
            are zero; masked values take no part.
        training: Whether dropout is active.
        return_attention_scores: Whether to also return the attention weights.
        use_causal_mask: Whether query position `i` may attend only to positions `j <= i`.

    Returns:
        The attention output, of shape `(B, Tq, dim_v)`; with `return_attention_scores`,
        also the weights, of shape `(B, Tq, Tv)`.

    Raises:
        ValueError: If `score_mode` is unknown, the inputs or masks are not lists of 2 or
            3 entries, or `query` and `key` differ in their last axis.

    Example:

    >>> query = np.array([[[1.0, 0.0]]], dtype="float32")
    >>> value = np.array([[[1.0, 0.0], [0.0, 1.0]]], dtype="float32")
    >>> output, scores = keras.layers.Attention()([query, value], return_attention_scores=True)
    >>> np.round(scores, 4)
    array([[[0.7311, 0.2689]]], dtype=float32)
    >>> np.round(output, 4)
    array([[[0.7311, 0.2689]]], dtype=float32)
    """

    scale: Variable | None
    concat_score_weight: Variable | None

    def __init__(
        self,
        use_scale: bool = False,
        score_mode: str = "dot",
        dropout: float = 0.0,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.use_scale = use_scale
        self.score_mode = score_mode
        self.dropout = dropout
        self.seed = seed
        if dropout > 0:
            self.seed_generator = random.SeedGenerator(seed=seed)
        if score_mode not in _SCORE_MODES:
            raise ValueError(
                "Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. "
                f"Received: score_mode={score_mode}"
            )

    # --- checks -------------------------------------------------------------------------

    def _validate_inputs(self, inputs: Any, mask: Any = None) -> None:
        name = type(self).__name__
        if not isinstance(inputs, list):
            raise ValueError(
                f"{name} layer must be called on a list of inputs, namely [query, value] or [query, value, key]. "
                f"Received: inputs={inputs}."
            )
        if not 2 <= len(inputs) <= 3:
            raise ValueError(
                f"{name} layer accepts inputs list of length 2 or 3, namely [query, value] or "
                f"[query, value, key]. Received length: {len(inputs)}."
            )
        if mask is None:
            return
        if not isinstance(mask, list):
            raise ValueError(
                f"{name} layer mask must be a list, namely [query_mask, value_mask]. Received: mask={mask}."
            )
        if not 2 <= len(mask) <= 3:
            raise ValueError(f"{name} layer accepts mask list of length 2 or 3. Received: mask={mask}.")

    def _validate_shapes(self, input_shape: Any) -> tuple[Shape, Shape]:
        """Check a `[query, value, (key)]` shape list; return the query and key shapes."""
        self._validate_inputs(input_shape)
        query_shape = tuple(input_shape[0])
        key_shape = tuple(input_shape[2] if len(input_shape) > 2 else input_shape[1])
        if query_shape[-1] is not None and key_shape[-1] is not None and query_shape[-1] != key_shape[-1]:
            raise ValueError(
                f"{type(self).__name__} layer '{self.name}': `query` and `key` must have the same last "
                f"dimension. Received: query_shape={query_shape}, key_shape={key_shape}"
            )
        return query_shape, key_shape

    # --- weights and scores -------------------------------------------------------------

    def build(self, input_shape: Any) -> None:
        self._validate_shapes(input_shape)
        self.scale = None
        self.concat_score_weight = None
        if self.use_scale:
            self.scale = self.add_weight(name="scale", shape=(), initializer="ones", dtype=self.dtype)
        if self.score_mode == "concat":
            self.concat_score_weight = self.add_weight(
                name="concat_score_weight", shape=(), initializer="ones", dtype=self.dtype
            )
        self.built = True

    def _calculate_scores(self, query: Tensor, key: Tensor) -> Tensor:
        """Return the `(B, Tq, Tv)` scores of `query` `(B, Tq, dim)` against `key` `(B, Tv, dim)`."""
        if self.score_mode == "dot":
            scores = ops.matmul(query, ops.swapaxes(key, -2, -1))
            return scores if self.scale is None else ops.multiply(scores, self.scale)
        pairs = ops.add(ops.expand_dims(query, -2), ops.expand_dims(key, -3))  # (B, Tq, Tv, dim)
        if self.scale is not None:
            pairs = ops.multiply(self.scale, pairs)
        return ops.multiply(self.concat_score_weight, ops.sum(ops.tanh(pairs), axis=-1))

    def _score_mask(self, scores: Tensor, value_mask: Tensor | None, use_causal_mask: bool) -> Tensor | None:
        """The mask of allowed scores: `(B, Tv)` value padding and/or `(1, Tq, Tv)` causal."""
        if not use_causal_mask:
            return value_mask
        causal = causal_mask(ops.shape(scores)[-2], ops.shape(scores)[-1])
        if value_mask is None:
            return causal
        return ops.logical_and(ops.expand_dims(ops.cast(value_mask, "bool"), -2), causal)

    def _apply_scores(
        self, scores: Tensor, value: Tensor, scores_mask: Tensor | None = None, training: Any = False
    ) -> tuple[Tensor, Tensor]:
        """Softmax the masked `scores`, drop out in training, and average `value` by them."""
        if scores_mask is not None:
            blocked = ops.logical_not(ops.cast(scores_mask, "bool"))
            if len(blocked.shape) == 2:
                blocked = ops.expand_dims(blocked, -2)
            # Masked scores get a large negative bias (65504 is float16's largest value).
            large = 65504.0 if standardize_dtype(scores.dtype) == "float16" else 1.0e9
            scores = ops.where(blocked, ops.subtract(scores, large), scores)
        weights = ops.softmax(scores, axis=-1)
        if training and self.dropout > 0:
            weights = random.dropout(weights, self.dropout, seed=self.seed_generator)
        return ops.matmul(weights, value), weights

    # --- calling ------------------------------------------------------------------------

    def call(
        self,
        inputs: list[Tensor],
        mask: list[Tensor | None] | None = None,
        training: Any = False,
        return_attention_scores: bool = False,
        use_causal_mask: bool = False,
    ) -> Tensor | tuple[Tensor, Tensor]:
        self._validate_inputs(inputs, mask)
        query, value = inputs[0], inputs[1]
        key = inputs[2] if len(inputs) > 2 else value
        query_mask = mask[0] if mask else None
        value_mask = mask[1] if mask else None
        scores = self._calculate_scores(query, key)
        scores_mask = self._score_mask(scores, value_mask, use_causal_mask)
        output, weights = self._apply_scores(scores, value, scores_mask, training)
        if query_mask is not None:
            keep = ops.expand_dims(ops.cast(query_mask, "bool"), -1)
            output = ops.where(keep, output, ops.zeros_like(output))
        if return_attention_scores:
            return output, weights
        return output

    def compute_mask(self, inputs: Any, previous_mask: Any = None) -> Any:
        self._validate_inputs(inputs, previous_mask)
        if not previous_mask or previous_mask[0] is None:
            return None
        return ops.convert_to_tensor(previous_mask[0])

    def compute_output_shape(self, input_shape: Any) -> Shape:
        return (*tuple(input_shape[0])[:-1], tuple(input_shape[1])[-1])

    def compute_output_spec(
        self, inputs: Any, mask: Any = None, return_attention_scores: bool = False, **kwargs: Any
    ) -> Any:
        self._validate_inputs(inputs, mask)
        query, value = inputs[0], inputs[1]
        key = inputs[2] if len(inputs) > 2 else value
        output = KerasTensor(self.compute_output_shape([query.shape, value.shape]), self.compute_dtype)
        if not return_attention_scores:
            return output
        return output, KerasTensor((*query.shape[:-1], key.shape[-2]), self.compute_dtype)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "use_scale": self.use_scale,
            "score_mode": self.score_mode,
            "dropout": self.dropout,
            "seed": self.seed,
        }
