"""`ReversibleEmbedding`: an `Embedding` that can also project vectors back to logits."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend._masking import set_keras_mask
from keras.backend._variable import Variable
from keras.layers._core.embedding import Embedding
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Shape, Tensor

__all__ = ["ReversibleEmbedding"]


class ReversibleEmbedding(Embedding):
    """An embedding whose `call(x, reverse=True)` maps vectors back to vocabulary logits.

    The forward call looks indices up as `Embedding` does. The reverse call
    multiplies `(..., output_dim)` vectors by the transposed embedding table
    (`tie_weights=True`, the usual tied input/output embedding of language models)
    or by a separate `(output_dim, input_dim)` `reverse_embeddings` weight, giving
    `(..., input_dim)` logits; with `logit_soft_cap=c` they become `c * tanh(logits /
    c)`.

    Args:
        input_dim: Positive int, the vocabulary size.
        output_dim: Positive int, the size of each embedding vector.
        tie_weights: Whether the reverse projection reuses the embedding table.
        embeddings_initializer: Initializer of the table (and of the reverse
            weight when the weights are not tied).
        embeddings_regularizer: Regularizer of the table.
        embeddings_constraint: Constraint of the table.
        mask_zero: Whether index 0 is padding (the forward output then carries the
            mask `inputs != 0`).
        reverse_dtype: A dtype to compute the reverse projection in (inputs and
            weights are cast to it), e.g. `"float32"` under mixed precision;
            `None` keeps the dtypes as they are.
        logit_soft_cap: A positive cap on the logits' size, or `None`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: Integer indices (forward), or vectors `(..., output_dim)` (reverse).
        reverse: Whether to project vectors back to logits.

    Raises:
        ValueError: If `input_dim` or `output_dim` is not a positive int.

    Example:

    >>> table = np.array([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]], dtype="float32")
    >>> layer = keras.layers.ReversibleEmbedding(3, 2)
    >>> layer.build()
    >>> layer.set_weights([table])
    >>> layer(np.array([2]))
    array([[1., 1.]], dtype=float32)
    >>> layer(np.array([[1.0, 1.0]], dtype="float32"), reverse=True)
    array([[1., 2., 2.]], dtype=float32)
    """

    reverse_embeddings: Variable

    def __init__(
        self,
        input_dim: int,
        output_dim: int,
        tie_weights: bool = True,
        embeddings_initializer: Any = "uniform",
        embeddings_regularizer: Any = None,
        embeddings_constraint: Any = None,
        mask_zero: bool = False,
        reverse_dtype: Any = None,
        logit_soft_cap: float | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            input_dim,
            output_dim,
            embeddings_initializer=embeddings_initializer,
            embeddings_regularizer=embeddings_regularizer,
            embeddings_constraint=embeddings_constraint,
            mask_zero=mask_zero,
            **kwargs,
        )
        self.tie_weights = tie_weights
        self.reverse_dtype = reverse_dtype
        self.logit_soft_cap = logit_soft_cap

    def build(self, input_shape: Shape | None = None) -> None:
        if self.built:
            return
        super().build(input_shape)
        if not self.tie_weights:
            self.reverse_embeddings = self.add_weight(
                name="reverse_embeddings",
                shape=(self.output_dim, self.input_dim),
                initializer=self.embeddings_initializer,
                trainable=True,
            )

    def call(self, inputs: Tensor, reverse: bool = False) -> Tensor:
        if not reverse:
            outputs = super().call(inputs)
            if self.mask_zero:
                set_keras_mask(outputs, ops.not_equal(inputs, 0))
            return outputs
        kernel = ops.transpose(self.embeddings) if self.tie_weights else self.reverse_embeddings
        if self.reverse_dtype is not None:
            inputs = ops.cast(inputs, self.reverse_dtype)
            kernel = ops.cast(kernel, self.reverse_dtype)
        logits = ops.matmul(inputs, kernel)
        if self.logit_soft_cap is not None:
            cap = self.logit_soft_cap
            logits = ops.multiply(ops.tanh(ops.divide(logits, cap)), cap)
        return logits

    def compute_mask(self, inputs: Tensor, previous_mask: Any = None) -> Tensor | None:
        # The forward call attaches its own mask; reverse outputs have none.
        return None

    def compute_output_shape(self, input_shape: Shape, reverse: bool = False) -> Shape:
        if reverse:
            return (*input_shape[:-1], self.input_dim)
        return (*input_shape, self.output_dim)

    def compute_output_spec(self, inputs: Any, reverse: bool = False) -> KerasTensor:
        return KerasTensor(self.compute_output_shape(tuple(inputs.shape), reverse), dtype=self.compute_dtype)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "tie_weights": self.tie_weights,
            "reverse_dtype": self.reverse_dtype,
            "logit_soft_cap": self.logit_soft_cap,
        }
