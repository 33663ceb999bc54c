"""`UpSampling1D`, `UpSampling2D`, `UpSampling3D`: repeat entries along spatial axes.

One private base repeats each spatial axis by its factor (nearest-neighbour upsampling);
`UpSampling2D` can resize images with another interpolation instead.
"""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.layers._reshaping._arguments import (
    is_int,
    spatial_axes,
    standardize_data_format,
    standardize_tuple,
)
from keras.ops._typing import Shape, Tensor

__all__ = ["UpSampling1D", "UpSampling2D", "UpSampling3D"]

# The methods `keras.ops.image.resize` supports.
INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic")


class _UpSampling(Layer):
    """Repeat each spatial axis of the input `factor` times."""

    interpolation = "nearest"

    def __init__(self, factors: tuple[int, ...], data_format: str | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.data_format = standardize_data_format(data_format)
        self._factors = factors
        self._axes = spatial_axes(self.data_format, len(factors))
        self.input_spec = InputSpec(ndim=len(factors) + 2)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        shape = list(input_shape)
        for axis, factor in zip(self._axes, self._factors, strict=True):
            size = shape[axis]
            shape[axis] = None if size is None else size * factor
        return tuple(shape)

    def call(self, inputs: Tensor) -> Tensor:
        if self.interpolation != "nearest":
            shape = inputs.shape
            (rows, columns), (row_factor, column_factor) = self._axes, self._factors
            target = (int(shape[rows]) * row_factor, int(shape[columns]) * column_factor)
            return ops.image.resize(
                inputs, target, interpolation=self.interpolation, data_format=self.data_format
            )
        outputs = inputs
        for axis, factor in zip(self._axes, self._factors, strict=True):
            outputs = ops.repeat(outputs, factor, axis=axis)
        return outputs


class UpSampling1D(_UpSampling):
    """Repeat each step of `(batch, steps, features)` inputs `size` times.

    Args:
        size: A positive int: how many times each step is repeated.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        `(batch, steps, features)`.

    Output shape:
        `(batch, steps * size, features)`.

    Raises:
        TypeError: If `size` is not an int.
        ValueError: If `size` is not positive.

    Example:

    >>> x = np.array([[[1.0], [2.0]]], dtype="float32")
    >>> keras.layers.UpSampling1D(size=3)(x)[0, :, 0]
    array([1., 1., 1., 2., 2., 2.], dtype=float32)
    """

    def __init__(self, size: int = 2, **kwargs: Any) -> None:
        if not is_int(size):
            raise TypeError(f"Expected an integer value for `size`, got {type(size)}.")
        if size <= 0:
            raise ValueError(f"Argument `size` should be a positive integer. Received: size={size}")
        super().__init__((size,), "channels_last", **kwargs)
        self.size = size

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "size": self.size}


class UpSampling2D(_UpSampling):
    """Enlarge images by whole factors along rows and columns.

    With `interpolation="nearest"` every pixel is repeated `size[0]` times down and
    `size[1]` times across; other methods resize with `keras.ops.image.resize`.

    Args:
        size: An int (the same for rows and columns) or a pair of positive ints
            `(rows, columns)`: the upsampling factors.
        data_format: `"channels_last"` (inputs `(batch, height, width, channels)`) or
            `"channels_first"` (`(batch, channels, height, width)`); the global
            `keras.backend.image_data_format()` by default.
        interpolation: `"nearest"`, `"bilinear"`, `"bicubic"`, `"lanczos3"` or
            `"lanczos5"` (any case).
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        A 4D tensor in `data_format`.

    Output shape:
        The same, with `size[0]` times the rows and `size[1]` times the columns.

    Raises:
        ValueError: If `size` is not one or two positive ints, or if `data_format` or
            `interpolation` is unknown.

    Example:

    >>> x = np.array([[[[1.0], [2.0]]]], dtype="float32")
    >>> keras.layers.UpSampling2D(size=(2, 2))(x)[0, :, :, 0]
    array([[1., 1., 2., 2.],
           [1., 1., 2., 2.]], dtype=float32)
    """

    def __init__(
        self,
        size: Any = (2, 2),
        data_format: str | None = None,
        interpolation: str = "nearest",
        **kwargs: Any,
    ) -> None:
        factors = standardize_tuple(size, 2, "size")
        method = str(interpolation).lower()
        if method not in INTERPOLATIONS:
            raise ValueError(
                f"Invalid value for argument `interpolation`. Expected one of {INTERPOLATIONS}. "
                f"Received: interpolation={interpolation}"
            )
        super().__init__(factors, data_format, **kwargs)
        self.size = factors
        self.interpolation = method

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "size": self.size,
            "data_format": self.data_format,
            "interpolation": self.interpolation,
        }


class UpSampling3D(_UpSampling):
    """Repeat each entry of volumes along the three spatial axes.

    Args:
        size: An int (the same for every axis) or three positive ints: the factors of
            the three spatial axes.
        data_format: `"channels_last"` (inputs `(batch, dim1, dim2, dim3, channels)`) or
            `"channels_first"` (`(batch, channels, dim1, dim2, dim3)`); the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        A 5D tensor in `data_format`.

    Output shape:
        The same, with each spatial axis `size[i]` times longer.

    Raises:
        ValueError: If `size` is not one or three positive ints, or if `data_format` is
            unknown.

    Example:

    >>> x = np.ones((1, 1, 2, 3, 4), dtype="float32")
    >>> keras.layers.UpSampling3D(size=(2, 1, 3))(x).shape
    (1, 2, 2, 9, 4)
    """

    def __init__(self, size: Any = (2, 2, 2), data_format: str | None = None, **kwargs: Any) -> None:
        factors = standardize_tuple(size, 3, "size")
        super().__init__(factors, data_format, **kwargs)
        self.size = factors

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "size": self.size, "data_format": self.data_format}
