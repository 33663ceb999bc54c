"""`Rescaling`: multiply inputs by a scale and add an offset."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend import image_data_format
from keras.layers._layer import Layer
from keras.layers._serialization import deserialize_keras_object, serialize_keras_object
from keras.ops._typing import Shape, Tensor

__all__ = ["Rescaling"]


class Rescaling(Layer):
    """Rescale inputs to `inputs * scale + offset`, e.g. pixel values to `[0, 1]`.

    Args:
        scale: The multiplier: a float, or one value per channel.
        offset: The value added after scaling.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> keras.layers.Rescaling(scale=1.0 / 127.5, offset=-1.0)(np.array([0.0, 255.0], dtype="float32"))
    array([-1.,  1.], dtype=float32)
    """

    def __init__(self, scale: Any, offset: Any = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scale = scale
        self.offset = offset
        self.supports_masking = True

    def call(self, inputs: Tensor) -> Tensor:
        dtype = self.compute_dtype
        scale = ops.cast(self.scale, dtype)
        offset = ops.cast(self.offset, dtype)
        if len(scale.shape) > 0 and image_data_format() == "channels_first":
            scale = ops.reshape(scale, (*scale.shape, *(1,) * (3 - len(scale.shape))))
        return ops.add(ops.multiply(ops.cast(inputs, dtype), scale), offset)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return tuple(input_shape)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "scale": serialize_keras_object(self.scale),
            "offset": serialize_keras_object(self.offset),
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Rescaling:
        config = dict(config)
        config["scale"] = deserialize_keras_object(config["scale"])
        config["offset"] = deserialize_keras_object(config["offset"])
        layer = super().from_config(config)
        assert isinstance(layer, Rescaling)
        return layer
