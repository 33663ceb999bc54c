"""Shared base of the image preprocessing layers: data format, batched or single images.

Image layers take a batch `(batch, height, width, channels)` or a single image
`(height, width, channels)` (channels first with `data_format="channels_first"`);
this module owns the axis bookkeeping and the base config (`data_format`) they share.
"""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._layer import Layer
from keras.layers._reshaping._arguments import standardize_data_format
from keras.ops._typing import Shape, Tensor

__all__ = ["ImageLayer"]


class ImageLayer(Layer):
    """Base of layers over images, batched (rank 4) or not (rank 3)."""

    def __init__(self, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self.supports_masking = False

    def _height_axis(self, rank: int) -> int:
        """Return the axis of the image height for inputs of `rank`."""
        self._check_rank(rank)
        return rank - 2 if self.data_format == "channels_first" else rank - 3

    def _check_rank(self, rank: int) -> None:
        if rank not in (3, 4):
            raise ValueError(
                f"Layer {type(self).__name__} expects images of rank 3 (one image) or 4 (a batch). "
                f"Received: inputs with rank {rank}"
            )

    def _with_size(self, input_shape: Shape, height: Any, width: Any) -> Shape:
        """Return `input_shape` with the image height and width replaced."""
        shape = list(input_shape)
        axis = self._height_axis(len(shape))
        shape[axis], shape[axis + 1] = height, width
        return tuple(shape)

    def _as_batch(self, images: Tensor) -> tuple[Tensor, bool]:
        """Return `images` as a rank-4 batch and whether a batch axis was added."""
        self._check_rank(len(images.shape))
        if len(images.shape) == 3:
            return ops.expand_dims(images, 0), True
        return images, False

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "data_format": self.data_format}
