"""`BaseGlobalPooling` and `GlobalMaxPooling1D/2D/3D`, `GlobalAveragePooling1D/2D/3D` (+ aliases).

A global pooling reduces every spatial axis (max or mean), keeping it with length 1 when
`keepdims`. `GlobalAveragePooling1D` honours a mask over the steps.
"""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._convolutional.arguments import (
    Shape,
    check_rank,
    fill_docstrings,
    standardize_data_format,
)
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer

__all__ = [
    "GlobalAveragePooling1D",
    "GlobalAveragePooling2D",
    "GlobalAveragePooling3D",
    "GlobalAvgPool1D",
    "GlobalAvgPool2D",
    "GlobalAvgPool3D",
    "GlobalMaxPool1D",
    "GlobalMaxPool2D",
    "GlobalMaxPool3D",
    "GlobalMaxPooling1D",
    "GlobalMaxPooling2D",
    "GlobalMaxPooling3D",
]


class BaseGlobalPooling(Layer):
    """Reduce all spatial axes of the input; subclasses pick the reduction in `call`.

    Args:
        pool_dimensions: The number of spatial axes (1, 2 or 3).
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        keepdims: Whether to keep the spatial axes with length 1.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).
    """

    def __init__(
        self, pool_dimensions: int, data_format: str | None = None, keepdims: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.pool_dimensions = pool_dimensions
        self.data_format = standardize_data_format(data_format)
        self.keepdims = keepdims
        self.input_spec = InputSpec(ndim=pool_dimensions + 2)
        self.built = True

    @property
    def spatial_axes(self) -> tuple[int, ...]:
        first = 1 if self.data_format == "channels_last" else 2
        return tuple(range(first, first + self.pool_dimensions))

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        shape = check_rank(self, input_shape, self.pool_dimensions)
        if self.data_format == "channels_last":
            batch, channels = shape[0], shape[-1]
            return (batch, *(1,) * self.pool_dimensions, channels) if self.keepdims else (batch, channels)
        batch, channels = shape[0], shape[1]
        return (batch, channels, *(1,) * self.pool_dimensions) if self.keepdims else (batch, channels)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "data_format": self.data_format, "keepdims": self.keepdims}


class _GlobalMax(BaseGlobalPooling):
    def call(self, inputs: Any) -> Any:
        return ops.max(inputs, axis=self.spatial_axes, keepdims=self.keepdims)


class _GlobalAverage(BaseGlobalPooling):
    def call(self, inputs: Any) -> Any:
        return ops.mean(inputs, axis=self.spatial_axes, keepdims=self.keepdims)


_ARGS_DOC = """
    Args:
        data_format: "channels_last" or "channels_first" (channels after or before the
            {n} spatial axes), or None for `keras.backend.image_data_format()`.
        keepdims: Whether to keep the spatial axes with length 1 (output rank {rank})
            rather than drop them (output `(batch, channels)`).
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        `(batch, channels)`, or with `keepdims` the input's rank with spatial axes of 1.
"""


class GlobalMaxPooling1D(_GlobalMax):
    """Take the maximum over the steps of a sequence.
    {args}
    Example:

    >>> x = np.array([[[1.0, 6.0], [4.0, 2.0], [3.0, 5.0]]], "float32")
    >>> keras.layers.GlobalMaxPooling1D()(x)
    array([[4., 6.]], dtype=float32)
    """

    def __init__(self, data_format: str | None = None, keepdims: bool = False, **kwargs: Any) -> None:
        super().__init__(1, data_format, keepdims, **kwargs)


class GlobalMaxPooling2D(_GlobalMax):
    """Take the maximum over the height and width of images.
    {args}
    Example:

    >>> keras.layers.GlobalMaxPooling2D(keepdims=True)(np.ones((2, 4, 5, 3), "float32")).shape
    (2, 1, 1, 3)
    """

    def __init__(self, data_format: str | None = None, keepdims: bool = False, **kwargs: Any) -> None:
        super().__init__(2, data_format, keepdims, **kwargs)


class GlobalMaxPooling3D(_GlobalMax):
    """Take the maximum over the three spatial axes of volumes.
    {args}
    Example:

    >>> keras.layers.GlobalMaxPooling3D()(np.ones((2, 3, 4, 5, 6), "float32")).shape
    (2, 6)
    """

    def __init__(self, data_format: str | None = None, keepdims: bool = False, **kwargs: Any) -> None:
        super().__init__(3, data_format, keepdims, **kwargs)


class GlobalAveragePooling1D(_GlobalAverage):
    """Average over the steps of a sequence; with a mask, over the unmasked steps only.

    The layer consumes the mask: its output has none.
    {args}
    Example:

    >>> x = np.array([[[1.0, 6.0], [4.0, 2.0], [4.0, 4.0]]], "float32")
    >>> keras.layers.GlobalAveragePooling1D()(x)
    array([[3., 4.]], dtype=float32)
    >>> keras.layers.GlobalAveragePooling1D()(x, mask=np.array([[True, True, False]]))
    array([[2.5, 4. ]], dtype=float32)
    """

    supports_masking = True

    def __init__(self, data_format: str | None = None, keepdims: bool = False, **kwargs: Any) -> None:
        super().__init__(1, data_format, keepdims, **kwargs)

    def call(self, inputs: Any, mask: Any = None) -> Any:
        if mask is None:
            return super().call(inputs)
        channel_axis = 2 if self.data_format == "channels_last" else 1
        keep = ops.expand_dims(ops.cast(mask, "bool"), channel_axis)
        steps = self.spatial_axes
        # `where`, not a product: masked steps may hold inf or nan.
        total = ops.sum(ops.where(keep, inputs, 0), axis=steps, keepdims=self.keepdims)
        count = ops.sum(ops.cast(keep, inputs.dtype), axis=steps, keepdims=self.keepdims)
        return ops.divide(total, count)

    def compute_mask(self, inputs: Any, previous_mask: Any) -> Any:
        return None


class GlobalAveragePooling2D(_GlobalAverage):
    """Average over the height and width of images.
    {args}
    Example:

    >>> keras.layers.GlobalAveragePooling2D()(np.ones((2, 4, 5, 3), "float32")).shape
    (2, 3)
    """

    def __init__(self, data_format: str | None = None, keepdims: bool = False, **kwargs: Any) -> None:
        super().__init__(2, data_format, keepdims, **kwargs)


class GlobalAveragePooling3D(_GlobalAverage):
    """Average over the three spatial axes of volumes.
    {args}
    Example:

    >>> keras.layers.GlobalAveragePooling3D(data_format="channels_first")(np.ones((2, 3, 4, 5, 6), "float32")).shape
    (2, 3)
    """

    def __init__(self, data_format: str | None = None, keepdims: bool = False, **kwargs: Any) -> None:
        super().__init__(3, data_format, keepdims, **kwargs)


fill_docstrings(
    _ARGS_DOC,
    [
        (GlobalMaxPooling1D, 1),
        (GlobalMaxPooling2D, 2),
        (GlobalMaxPooling3D, 3),
        (GlobalAveragePooling1D, 1),
        (GlobalAveragePooling2D, 2),
        (GlobalAveragePooling3D, 3),
    ],
)

GlobalMaxPool1D = GlobalMaxPooling1D
GlobalMaxPool2D = GlobalMaxPooling2D
GlobalMaxPool3D = GlobalMaxPooling3D
GlobalAvgPool1D = GlobalAveragePooling1D
GlobalAvgPool2D = GlobalAveragePooling2D
GlobalAvgPool3D = GlobalAveragePooling3D
