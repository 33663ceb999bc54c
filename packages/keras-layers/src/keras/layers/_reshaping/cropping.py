"""`Cropping1D`, `Cropping2D`, `Cropping3D`: remove rows at the ends of spatial axes.

One private base does the work for any number of spatial axes; the public classes only
normalize their `cropping` argument.
"""

from __future__ import annotations

from typing import Any

from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.layers._reshaping._arguments import (
    Pair,
    int_pair,
    int_pairs,
    spatial_axes,
    standardize_data_format,
)
from keras.ops._typing import Shape, Tensor

__all__ = ["Cropping1D", "Cropping2D", "Cropping3D"]


class _Cropping(Layer):
    """Crop `(before, after)` entries off each spatial axis of the input."""

    cropping: Any  # the normalized argument, as the public class reports it

    def __init__(self, pairs: tuple[Pair, ...], data_format: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._pairs = pairs
        self.data_format = data_format
        self._axes = spatial_axes(data_format, len(pairs))
        self.input_spec = InputSpec(ndim=len(pairs) + 2)

    def _cropped_shape(self, input_shape: Shape) -> Shape:
        shape = list(input_shape)
        for axis, (before, after) in zip(self._axes, self._pairs, strict=True):
            size = shape[axis]
            if size is None:
                continue
            if before + after >= size:
                raise ValueError(
                    "Values in `cropping` argument should be smaller than the corresponding spatial dimension "
                    f"of the input. Received: input_shape={tuple(input_shape)}, cropping={self.cropping}"
                )
            shape[axis] = size - before - after
        return tuple(shape)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return self._cropped_shape(tuple(input_shape))

    def call(self, inputs: Tensor) -> Tensor:
        self._cropped_shape(tuple(inputs.shape))
        index = [slice(None)] * len(inputs.shape)
        for axis, (before, after) in zip(self._axes, self._pairs, strict=True):
            index[axis] = slice(before, -after if after else None)
        return inputs[tuple(index)]


class Cropping1D(_Cropping):
    """Crop entries at the start and end of the steps axis of `(batch, steps, features)` inputs.

    Args:
        cropping: An int (the same at both ends) or a pair `(start, end)`: how many steps
            to remove at each end.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        `(batch, steps, features)`.

    Output shape:
        `(batch, steps - start - end, features)`.

    Raises:
        ValueError: If `cropping` is not an int or a pair of non-negative ints, or if it
            removes every step of the input.

    Example:

    >>> x = np.arange(12, dtype="float32").reshape(1, 4, 3)
    >>> keras.layers.Cropping1D(cropping=(1, 2))(x)
    array([[[3., 4., 5.]]], dtype=float32)
    """

    def __init__(self, cropping: Any = (1, 1), **kwargs: Any) -> None:
        pair = int_pair(cropping, "cropping")
        super().__init__((pair,), "channels_last", **kwargs)
        self.cropping = pair

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "cropping": self.cropping}


class Cropping2D(_Cropping):
    """Crop rows and columns at the borders of images.

    Args:
        cropping: An int (the same on every border), a pair `(rows, columns)` (the same
            at both ends of each axis), or a pair of pairs
            `((top, bottom), (left, right))`.
        data_format: `"channels_last"` (inputs `(batch, height, width, channels)`) or
            `"channels_first"` (`(batch, channels, height, width)`); the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        A 4D tensor in `data_format`.

    Output shape:
        The same, with `top + bottom` fewer rows and `left + right` fewer columns.

    Raises:
        ValueError: If `cropping` has another form, a negative entry, or removes a whole
            spatial axis; or if `data_format` is unknown.

    Example:

    >>> x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    >>> keras.layers.Cropping2D(cropping=((1, 0), (1, 2)))(x)[0, :, :, 0]
    array([[ 5.],
           [ 9.],
           [13.]], dtype=float32)
    """

    def __init__(
        self, cropping: Any = ((0, 0), (0, 0)), data_format: str | None = None, **kwargs: Any
    ) -> None:
        pairs = int_pairs(cropping, 2, "cropping")
        super().__init__(pairs, standardize_data_format(data_format), **kwargs)
        self.cropping = pairs

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "cropping": self.cropping, "data_format": self.data_format}


class Cropping3D(_Cropping):
    """Crop entries at the borders of the three spatial axes of volumes.

    Args:
        cropping: An int (the same on every border), three ints (the same at both ends
            of each axis), or three pairs `((start, end), (start, end), (start, end))`.
        data_format: `"channels_last"` (inputs `(batch, dim1, dim2, dim3, channels)`)
            or `"channels_first"` (`(batch, channels, dim1, dim2, dim3)`); the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        A 5D tensor in `data_format`.

    Output shape:
        The same, with each spatial axis shorter by its `start + end`.

    Raises:
        ValueError: If `cropping` has another form, a negative entry, or removes a whole
            spatial axis; or if `data_format` is unknown.

    Example:

    >>> x = np.zeros((1, 4, 5, 6, 2), dtype="float32")
    >>> keras.layers.Cropping3D(cropping=(1, (0, 2), 2))(x).shape
    (1, 2, 3, 2, 2)
    """

    def __init__(
        self, cropping: Any = ((1, 1), (1, 1), (1, 1)), data_format: str | None = None, **kwargs: Any
    ) -> None:
        pairs = int_pairs(cropping, 3, "cropping")
        super().__init__(pairs, standardize_data_format(data_format), **kwargs)
        self.cropping = pairs

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "cropping": self.cropping, "data_format": self.data_format}
