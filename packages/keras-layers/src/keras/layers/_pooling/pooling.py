"""`BasePooling` and the windowed pooling layers: `MaxPooling1D/2D/3D`, `AveragePooling1D/2D/3D`.

Also their aliases `MaxPool1D/2D/3D` and `AvgPool1D/2D/3D`.
"""

from __future__ import annotations

from typing import Any, Literal

from keras import ops
from keras.layers._convolutional.arguments import (
    IntOrInts,
    Shape,
    check_rank,
    fill_docstrings,
    standardize_data_format,
    standardize_padding,
    standardize_tuple,
    window_output_shape,
)
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer

__all__ = [
    "AveragePooling1D",
    "AveragePooling2D",
    "AveragePooling3D",
    "AvgPool1D",
    "AvgPool2D",
    "AvgPool3D",
    "MaxPool1D",
    "MaxPool2D",
    "MaxPool3D",
    "MaxPooling1D",
    "MaxPooling2D",
    "MaxPooling3D",
]


class BasePooling(Layer):
    """A window of `pool_size` sliding over the spatial axes, reduced by max or mean.

    Args:
        pool_size: An int or `pool_dimensions` ints: the window's size.
        strides: An int or `pool_dimensions` ints: the window's step; None means
            `pool_size`.
        pool_dimensions: The number of spatial axes (1, 2 or 3).
        pool_mode: "max" or "average".
        padding: "valid" or "same", in any letter case.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        name: The layer's name.
        **kwargs: Base `Layer` arguments (`dtype`, `trainable`, ...).
    """

    def __init__(
        self,
        pool_size: IntOrInts,
        strides: IntOrInts | None,
        pool_dimensions: int,
        pool_mode: Literal["max", "average"] = "max",
        padding: str = "valid",
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=name, **kwargs)
        self.pool_dimensions = pool_dimensions
        self.pool_size = standardize_tuple(pool_size, pool_dimensions, "pool_size")
        self.strides = standardize_tuple(
            pool_size if strides is None else strides, pool_dimensions, "strides"
        )
        self.pool_mode = pool_mode
        self.padding = standardize_padding(padding)
        self.data_format = standardize_data_format(data_format)
        self.input_spec = InputSpec(ndim=pool_dimensions + 2)
        self.built = True

    def call(self, inputs: Any) -> Any:
        # Built at construction, so check the window against the input here (a cheap
        # static-shape check) for an error that names the layer.
        self.compute_output_shape(tuple(inputs.shape))
        pool = ops.max_pool if self.pool_mode == "max" else ops.average_pool
        return pool(
            inputs,
            pool_size=self.pool_size,
            strides=self.strides,
            padding=self.padding,
            data_format=self.data_format,
        )

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        shape = check_rank(self, input_shape, self.pool_dimensions)
        channels = shape[-1] if self.data_format == "channels_last" else shape[1]
        return window_output_shape(
            self,
            shape,
            channels,
            self.pool_size,
            self.strides,
            (1,) * self.pool_dimensions,
            self.padding,
            self.data_format,
        )

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "pool_size": self.pool_size,
            "padding": self.padding,
            "strides": self.strides,
            "data_format": self.data_format,
        }


_ARGS_DOC = """
    Args:
        pool_size: An int or {n} ints: the window's size.
        strides: An int or {n} ints: the window's step; None means `pool_size`.
        padding: "valid" (windows inside the input) or "same" (zero padding so that
            each spatial axis has `ceil(size / strides)` windows), in any letter case.
        data_format: "channels_last" or "channels_first" (channels after or before the
            {n} spatial axes), or None for `keras.backend.image_data_format()`.
        name: The layer's name.
        **kwargs: Base `Layer` arguments (`dtype`, `trainable`, ...).

    Returns:
        A rank-{rank} tensor with the input's channels.

    Raises:
        ValueError: For non-positive sizes, an unknown `padding` or `data_format`, a
            rank other than {rank}, or a window larger than a "valid" input.
"""


class MaxPooling1D(BasePooling):
    """Downsample a sequence by the maximum of each window of `pool_size` steps.
    {args}
    Example:

    >>> x = np.array([1.0, 3.0, 2.0, 5.0, 4.0], "float32").reshape(1, 5, 1)
    >>> keras.layers.MaxPooling1D(2, strides=1)(x)[0, :, 0]
    array([3., 3., 5., 5.], dtype=float32)
    """

    def __init__(
        self,
        pool_size: IntOrInts = 2,
        strides: IntOrInts | None = None,
        padding: str = "valid",
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(pool_size, strides, 1, "max", padding, data_format, name, **kwargs)


class MaxPooling2D(BasePooling):
    """Downsample images by the maximum of each `pool_size` window.
    {args}
    Example:

    >>> x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    >>> keras.layers.MaxPooling2D()(x)[0, :, :, 0]
    array([[ 5.,  7.],
           [13., 15.]], dtype=float32)
    """

    def __init__(
        self,
        pool_size: IntOrInts = (2, 2),
        strides: IntOrInts | None = None,
        padding: str = "valid",
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(pool_size, strides, 2, "max", padding, data_format, name, **kwargs)


class MaxPooling3D(BasePooling):
    """Downsample volumes by the maximum of each `pool_size` window.
    {args}
    Example:

    >>> keras.layers.MaxPooling3D()(np.ones((1, 4, 4, 5, 2), "float32")).shape
    (1, 2, 2, 2, 2)
    """

    def __init__(
        self,
        pool_size: IntOrInts = (2, 2, 2),
        strides: IntOrInts | None = None,
        padding: str = "valid",
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(pool_size, strides, 3, "max", padding, data_format, name, **kwargs)


class AveragePooling1D(BasePooling):
    """Downsample a sequence by the mean of each window of `pool_size` steps.

    With "same" padding, a window overlapping the padding averages only the input
    steps it covers.
    {args}
    Example:

    >>> x = np.array([1.0, 3.0, 2.0, 5.0, 4.0], "float32").reshape(1, 5, 1)
    >>> keras.layers.AveragePooling1D(2, padding="same")(x)[0, :, 0]
    array([2. , 3.5, 4. ], dtype=float32)
    """

    def __init__(
        self,
        pool_size: IntOrInts,
        strides: IntOrInts | None = None,
        padding: str = "valid",
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(pool_size, strides, 1, "average", padding, data_format, name, **kwargs)


class AveragePooling2D(BasePooling):
    """Downsample images by the mean of each `pool_size` window.

    With "same" padding, a window overlapping the padding averages only the input
    positions it covers.
    {args}
    Example:

    >>> x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    >>> keras.layers.AveragePooling2D(2)(x)[0, :, :, 0]
    array([[ 2.5,  4.5],
           [10.5, 12.5]], dtype=float32)
    """

    def __init__(
        self,
        pool_size: IntOrInts,
        strides: IntOrInts | None = None,
        padding: str = "valid",
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(pool_size, strides, 2, "average", padding, data_format, name, **kwargs)


class AveragePooling3D(BasePooling):
    """Downsample volumes by the mean of each `pool_size` window.

    With "same" padding, a window overlapping the padding averages only the input
    positions it covers.
    {args}
    Example:

    >>> keras.layers.AveragePooling3D(2)(np.ones((1, 4, 4, 5, 2), "float32")).shape
    (1, 2, 2, 2, 2)
    """

    def __init__(
        self,
        pool_size: IntOrInts,
        strides: IntOrInts | None = None,
        padding: str = "valid",
        data_format: str | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(pool_size, strides, 3, "average", padding, data_format, name, **kwargs)


fill_docstrings(
    _ARGS_DOC,
    [
        (MaxPooling1D, 1),
        (MaxPooling2D, 2),
        (MaxPooling3D, 3),
        (AveragePooling1D, 1),
        (AveragePooling2D, 2),
        (AveragePooling3D, 3),
    ],
)

MaxPool1D = MaxPooling1D
MaxPool2D = MaxPooling2D
MaxPool3D = MaxPooling3D
AvgPool1D = AveragePooling1D
AvgPool2D = AveragePooling2D
AvgPool3D = AveragePooling3D
