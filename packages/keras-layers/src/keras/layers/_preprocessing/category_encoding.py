"""`CategoryEncoding`: encode integer categories as one-hot, multi-hot or count vectors."""

from __future__ import annotations

from typing import Any

from keras.layers._layer import Layer
from keras.layers._preprocessing._data import encode_categories, encoded_shape
from keras.ops._typing import Shape, Tensor

__all__ = ["CategoryEncoding"]


class CategoryEncoding(Layer):
    """Encode integer categories in `[0, num_tokens)` as dense vectors of `num_tokens` entries.

    Args:
        num_tokens: The number of categories.
        output_mode: `"multi_hot"` (default: one vector per sample, 1 where a category
            occurs in the last axis), `"one_hot"` (one vector per input value) or
            `"count"` (how often each category occurs in the sample, optionally
            weighted by `count_weights` at call time). `"binary"` means `"multi_hot"`.
        sparse: Sparse outputs are not supported: only `False`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `num_tokens` is missing or below 1, or `output_mode` is unknown.

    Example:

    >>> layer = keras.layers.CategoryEncoding(num_tokens=4, output_mode="count")
    >>> layer(np.array([[0, 1, 1], [3, 3, 2]]))
    array([[1., 2., 0., 0.],
           [0., 0., 1., 2.]], dtype=float32)
    """

    def __init__(
        self,
        num_tokens: int | None = None,
        output_mode: str = "multi_hot",
        sparse: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode not in ("count", "one_hot", "multi_hot"):
            raise ValueError(f"Unknown arg for output_mode: {output_mode}")
        if num_tokens is None:
            raise ValueError(
                "num_tokens must be set to use this layer. If the number of tokens is not known "
                "beforehand, use the IntegerLookup layer instead."
            )
        if num_tokens < 1:
            raise ValueError(f"`num_tokens` must be >= 1. Received: num_tokens={num_tokens}.")
        if sparse:
            raise ValueError(f"`sparse=True` is not supported by CategoryEncoding. Received: sparse={sparse}")
        self.num_tokens = num_tokens
        self.output_mode = output_mode
        self.sparse = sparse

    def call(self, inputs: Tensor, count_weights: Tensor | None = None) -> Tensor:
        if count_weights is not None and self.output_mode != "count":
            raise ValueError(
                "`count_weights` is not used when `output_mode` is not `'count'`. "
                f"Received `count_weights={count_weights}`."
            )
        return encode_categories(
            inputs, self.output_mode, self.num_tokens, self.compute_dtype, count_weights=count_weights
        )

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return encoded_shape(tuple(input_shape), self.output_mode, self.num_tokens)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "num_tokens": self.num_tokens, "output_mode": self.output_mode}
