"""`Flatten`: turn each sample into a vector (the batch axis stays)."""

from __future__ import annotations

import math
from typing import Any

from keras import ops
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.layers._reshaping._arguments import standardize_data_format
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Shape, Tensor

__all__ = ["Flatten"]


def _flat_size(sample_shape: Shape) -> int | None:
    if any(d is None for d in sample_shape):
        return None
    return math.prod(d for d in sample_shape if d is not None)


class Flatten(Layer):
    """Flatten each sample of the input into one axis; `(batch,)` becomes `(batch, 1)`.

    Args:
        data_format: `"channels_last"` or `"channels_first"`: with `"channels_first"`
            the channels axis (axis 1) is moved last before flattening, so the order of
            the entries matches a `"channels_last"` model's; the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        `(batch, ...)`, of rank 1 or more.

    Output shape:
        `(batch, product of the other sizes)`.

    Raises:
        ValueError: If `data_format` is unknown.

    Example:

    >>> x = np.arange(8, dtype="float32").reshape(1, 2, 2, 2)
    >>> keras.layers.Flatten()(x)
    array([[0., 1., 2., 3., 4., 5., 6., 7.]], dtype=float32)
    >>> keras.layers.Flatten(data_format="channels_first")(x)
    array([[0., 4., 1., 5., 2., 6., 3., 7.]], dtype=float32)
    """

    def __init__(self, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.input_spec = InputSpec(min_ndim=1)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return (input_shape[0], _flat_size(tuple(input_shape[1:])))

    def compute_output_spec(self, inputs: Any, *args: Any, **kwargs: Any) -> KerasTensor:
        shape = self.compute_output_shape(tuple(inputs.shape))
        return KerasTensor(shape, inputs.dtype, sparse=getattr(inputs, "sparse", False))

    def call(self, inputs: Tensor) -> Tensor:
        rank = len(inputs.shape)
        if self.data_format == "channels_first" and rank > 2:
            inputs = ops.transpose(inputs, (0, *range(2, rank), 1))
        size = _flat_size(tuple(inputs.shape)[1:])
        return ops.reshape(inputs, (ops.shape(inputs)[0], -1 if size is None else size))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "data_format": self.data_format}
