"""`ZeroPadding1D`, `ZeroPadding2D`, `ZeroPadding3D`: add zeros at the ends of spatial axes.

One private base does the work for any number of spatial axes; the public classes only
normalize their `padding` argument.
"""

from __future__ import annotations

from typing import Any

from keras import ops
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

__all__ = ["ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D"]


class _ZeroPadding(Layer):
    """Pad each spatial axis of the input with `(before, after)` zeros."""

    def __init__(self, pairs: tuple[Pair, ...], data_format: str | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self._pairs = pairs
        self._axes = spatial_axes(self.data_format, len(pairs))
        self.input_spec = InputSpec(ndim=len(pairs) + 2)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        shape = list(input_shape)
        for axis, (before, after) in zip(self._axes, self._pairs, strict=True):
            size = shape[axis]
            shape[axis] = None if size is None else size + before + after
        return tuple(shape)

    def call(self, inputs: Tensor) -> Tensor:
        widths: list[Pair] = [(0, 0)] * len(inputs.shape)
        for axis, pair in zip(self._axes, self._pairs, strict=True):
            widths[axis] = pair
        return ops.pad(inputs, widths)

    def get_config(self) -> dict[str, Any]:
        padding = self._pairs[0] if len(self._pairs) == 1 else self._pairs
        return {**super().get_config(), "padding": padding, "data_format": self.data_format}


class ZeroPadding1D(_ZeroPadding):
    """Add zeros at the start and end of the steps axis of 3D inputs.

    Args:
        padding: An int (the same at both ends) or a pair `(start, end)`: how many zero
            steps to add at each end.
        data_format: `"channels_last"` (inputs `(batch, steps, features)`) or
            `"channels_first"` (`(batch, features, steps)`); the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        A 3D tensor in `data_format`.

    Output shape:
        The same, with `start + end` more steps.

    Raises:
        ValueError: If `padding` is not an int or a pair of non-negative ints, or if
            `data_format` is unknown.

    Example:

    >>> x = np.array([[[1.0], [2.0]]], dtype="float32")
    >>> keras.layers.ZeroPadding1D(padding=(1, 2))(x)[0, :, 0]
    array([0., 1., 2., 0., 0.], dtype=float32)
    """

    def __init__(self, padding: Any = 1, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__((int_pair(padding, "padding"),), data_format, **kwargs)
        self.padding = self._pairs[0]


class ZeroPadding2D(_ZeroPadding):
    """Add rows and columns of zeros at the borders of images.

    Args:
        padding: An int (the same on every border), a pair `(rows, columns)` (the same at
            both ends of each axis), or a pair of pairs `((top, bottom), (left, right))`.
        data_format: `"channels_last"` (inputs `(batch, height, width, channels)`) or
            `"channels_first"` (`(batch, channels, height, width)`); the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        A 4D tensor in `data_format`.

    Output shape:
        The same, with `top + bottom` more rows and `left + right` more columns.

    Raises:
        ValueError: If `padding` has another form or a negative entry, or if
            `data_format` is unknown.

    Example:

    >>> x = np.ones((1, 1, 2, 1), dtype="float32")
    >>> keras.layers.ZeroPadding2D(padding=((1, 0), (0, 1)))(x)[0, :, :, 0]
    array([[0., 0., 0.],
           [1., 1., 0.]], dtype=float32)
    """

    def __init__(self, padding: Any = (1, 1), data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(int_pairs(padding, 2, "padding"), data_format, **kwargs)
        self.padding = self._pairs


class ZeroPadding3D(_ZeroPadding):
    """Add zeros at the borders of the three spatial axes of volumes.

    Args:
        padding: An int (the same on every border), three ints (the same at both ends of
            each axis), or three pairs `((start, end), (start, end), (start, end))`.
        data_format: `"channels_last"` (inputs `(batch, dim1, dim2, dim3, channels)`) or
            `"channels_first"` (`(batch, channels, dim1, dim2, dim3)`); the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        A 5D tensor in `data_format`.

    Output shape:
        The same, with each spatial axis longer by its `start + end`.

    Raises:
        ValueError: If `padding` has another form or a negative entry, or if
            `data_format` is unknown.

    Example:

    >>> x = np.ones((1, 1, 2, 3, 1), dtype="float32")
    >>> keras.layers.ZeroPadding3D(padding=(1, 0, (2, 1)))(x).shape
    (1, 3, 2, 6, 1)
    """

    def __init__(
        self, padding: Any = ((1, 1), (1, 1), (1, 1)), data_format: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(int_pairs(padding, 3, "padding"), data_format, **kwargs)
        self.padding = self._pairs
