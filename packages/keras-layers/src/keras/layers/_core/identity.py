"""`Identity`: a placeholder layer that returns its inputs unchanged."""

from __future__ import annotations

from typing import Any

from keras import tree
from keras.layers._layer import Layer
from keras.ops._keras_tensor import KerasTensor

__all__ = ["Identity"]


class Identity(Layer):
    """Return the inputs as they are (any structure, dtype and mask).

    Use it where a layer is required but nothing should happen, e.g. to switch off a
    block of a model by configuration.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = np.array([[1, 2]], dtype="int32")
    >>> keras.layers.Identity()(x)
    array([[1, 2]], dtype=int32)
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.supports_masking = True
        self.built = True

    def call(self, inputs: Any) -> Any:
        return inputs

    def compute_output_shape(self, input_shape: Any) -> Any:
        return input_shape

    def compute_output_spec(self, inputs: Any) -> Any:
        return tree.map_structure(lambda x: KerasTensor(x.shape, x.dtype, sparse=x.sparse), inputs)
