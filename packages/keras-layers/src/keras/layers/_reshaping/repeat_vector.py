"""`RepeatVector`: repeat each input vector `n` times along a new axis."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.layers._reshaping._arguments import is_int
from keras.ops._typing import Shape, Tensor

__all__ = ["RepeatVector"]


class RepeatVector(Layer):
    """Repeat each sample vector `n` times: `(batch, features)` -> `(batch, n, features)`.

    Args:
        n: A positive int: the number of repetitions.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        `(batch, features)`.

    Output shape:
        `(batch, n, features)`.

    Raises:
        TypeError: If `n` is not an int.
        ValueError: If `n` is not positive.

    Example:

    >>> x = np.array([[1.0, 2.0]], dtype="float32")
    >>> keras.layers.RepeatVector(3)(x)
    array([[[1., 2.],
            [1., 2.],
            [1., 2.]]], dtype=float32)
    """

    def __init__(self, n: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not is_int(n):
            raise TypeError(f"Expected an integer value for `n`, got {type(n)}.")
        if n <= 0:
            raise ValueError(f"Argument `n` should be a positive integer. Received: n={n}")
        self.n = n
        self.input_spec = InputSpec(ndim=2)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return (input_shape[0], self.n, input_shape[1])

    def call(self, inputs: Tensor) -> Tensor:
        return ops.repeat(ops.expand_dims(inputs, 1), self.n, axis=1)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "n": self.n}
