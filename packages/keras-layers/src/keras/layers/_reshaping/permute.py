"""`Permute`: reorder the non-batch axes of the input."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Shape, Tensor

__all__ = ["Permute"]


class Permute(Layer):
    """Reorder the axes of each sample (the batch axis stays first).

    Args:
        dims: A permutation of `1, ..., rank - 1`: output axis `i + 1` is input axis
            `dims[i]` (axes count from 1, the batch axis being 0).
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        `(batch, ...)`, of rank `len(dims) + 1`.

    Output shape:
        The input shape with the non-batch axes reordered by `dims`.

    Raises:
        ValueError: If `dims` is not a permutation of `1, ..., len(dims)`.

    Example:

    >>> x = np.zeros((1, 2, 3, 4), dtype="float32")
    >>> keras.layers.Permute((3, 1, 2))(x).shape
    (1, 4, 2, 3)
    """

    def __init__(self, dims: Sequence[int], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dims = tuple(dims)
        if sorted(self.dims) != list(range(1, len(self.dims) + 1)):
            raise ValueError(
                "Invalid permutation argument `dims` for Permute Layer. The set of indices in `dims` must be "
                f"consecutive and start from 1. Received dims={self.dims}"
            )
        self.input_spec = InputSpec(ndim=len(self.dims) + 1)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return (input_shape[0], *(input_shape[d] for d in self.dims))

    def compute_output_spec(self, inputs: Any, *args: Any, **kwargs: Any) -> KerasTensor:
        shape = self.compute_output_shape(tuple(inputs.shape))
        return KerasTensor(shape, inputs.dtype, sparse=getattr(inputs, "sparse", False))

    def call(self, inputs: Tensor) -> Tensor:
        return ops.transpose(inputs, (0, *self.dims))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "dims": self.dims}
