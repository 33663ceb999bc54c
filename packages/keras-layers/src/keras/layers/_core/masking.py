"""`Masking`: mark the time steps whose features all equal a value as padding."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._layer import Layer
from keras.layers._serialization import deserialize_keras_object
from keras.ops._typing import Tensor

__all__ = ["Masking"]

Shape = tuple[int | None, ...]


class Masking(Layer):
    """Mask the steps of a sequence whose features all equal `mask_value`.

    For inputs of shape `(batch, steps, features)`, a step is masked (mask `False`) when
    every feature equals `mask_value`; masked steps are set to 0 in the output, and the
    mask (shape `(batch, steps)`) travels with the output to the layers that use it
    (recurrent layers, attention, pooling, losses).

    Args:
        mask_value: The padding value.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x = np.array([[[1.0, 2.0], [9.0, 9.0], [3.0, 9.0]]], dtype="float32")
    >>> layer = keras.layers.Masking(mask_value=9.0)
    >>> layer(x)
    array([[[1., 2.],
            [0., 0.],
            [3., 9.]]], dtype=float32)
    >>> layer.compute_mask(x)
    array([[ True, False,  True]])
    """

    def __init__(self, mask_value: Any = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(mask_value, dict) and mask_value.get("config", None):
            mask_value = deserialize_keras_object(mask_value)
        self.mask_value = mask_value
        self.supports_masking = True
        self.built = True

    def compute_mask(self, inputs: Tensor, previous_mask: Any = None) -> Tensor:
        return ops.any(ops.not_equal(inputs, self.mask_value), axis=-1)

    def call(self, inputs: Tensor) -> Tensor:
        keep = ops.any(ops.not_equal(inputs, self.mask_value), axis=-1, keepdims=True)
        return ops.where(keep, inputs, ops.zeros_like(inputs))

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "mask_value": self.mask_value}
