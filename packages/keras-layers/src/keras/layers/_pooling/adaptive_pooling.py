"""`BaseAdaptivePooling` and `AdaptiveMaxPooling1D/2D/3D`, `AdaptiveAveragePooling1D/2D/3D`.

An adaptive pooling picks its windows from the input size so that the output has exactly
`output_size` positions per spatial axis (window `i` of `n` over length `L` spans
`floor(i * L / n)` to `ceil((i + 1) * L / n) - 1`).
"""

from __future__ import annotations

from typing import Any, Literal

from keras import ops
from keras.layers._convolutional.arguments import (
    IntOrInts,
    Shape,
    as_int,
    check_rank,
    fill_docstrings,
    standardize_data_format,
    standardize_tuple,
)
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer

__all__ = [
    "AdaptiveAveragePooling1D",
    "AdaptiveAveragePooling2D",
    "AdaptiveAveragePooling3D",
    "AdaptiveMaxPooling1D",
    "AdaptiveMaxPooling2D",
    "AdaptiveMaxPooling3D",
]


class BaseAdaptivePooling(Layer):
    """Pool every spatial axis into exactly `output_size` windows, by max or mean.

    Args:
        pool_dimensions: The number of spatial axes (1, 2 or 3).
        pool_mode: "max" or "average".
        output_size: An int or `pool_dimensions` ints: the output's spatial shape.
        data_format: "channels_last", "channels_first", or None for
            `keras.backend.image_data_format()`.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).
    """

    def __init__(
        self,
        pool_dimensions: int,
        pool_mode: Literal["max", "average"],
        output_size: IntOrInts,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if as_int(output_size) is None and not isinstance(output_size, (list, tuple)):
            raise TypeError(
                f"`output_size` must be an int or a tuple of {pool_dimensions} ints. "
                f"Received: output_size={output_size!r} of type {type(output_size)}"
            )
        self.pool_dimensions = pool_dimensions
        self.pool_mode = pool_mode
        self.output_size = standardize_tuple(output_size, pool_dimensions, "output_size")
        self.data_format = standardize_data_format(data_format)
        self.input_spec = InputSpec(ndim=pool_dimensions + 2)

    def call(self, inputs: Any) -> Any:
        pool = ops.adaptive_max_pool if self.pool_mode == "max" else ops.adaptive_average_pool
        return pool(inputs, output_size=self.output_size, data_format=self.data_format)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        shape = check_rank(self, input_shape, self.pool_dimensions)
        if self.data_format == "channels_last":
            return (shape[0], *self.output_size, shape[-1])
        return (shape[0], shape[1], *self.output_size)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "output_size": self.output_size, "data_format": self.data_format}


_ARGS_DOC = """
    Args:
        output_size: An int or {n} ints: the output's spatial shape.
        data_format: "channels_last" or "channels_first" (channels after or before the
            {n} spatial axes), or None for `keras.backend.image_data_format()`.
        **kwargs: Base `Layer` arguments (`name`, `dtype`, `trainable`, ...).

    Returns:
        A rank-{rank} tensor with spatial shape `output_size` and the input's channels.

    Raises:
        TypeError: If `output_size` is not an int or a sequence.
        ValueError: If `output_size` does not hold {n} positive ints, or for an unknown
            `data_format`.
"""


class AdaptiveMaxPooling1D(BaseAdaptivePooling):
    """Max-pool a sequence into exactly `output_size` steps.
    {args}
    Example:

    >>> x = np.arange(7, dtype="float32").reshape(1, 7, 1)
    >>> keras.layers.AdaptiveMaxPooling1D(3)(x)[0, :, 0]
    array([2., 4., 6.], dtype=float32)
    """

    def __init__(self, output_size: IntOrInts, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(1, "max", output_size, data_format, **kwargs)


class AdaptiveMaxPooling2D(BaseAdaptivePooling):
    """Max-pool images into exactly `output_size` (height, width) positions.
    {args}
    Example:

    >>> keras.layers.AdaptiveMaxPooling2D((2, 3))(np.ones((1, 7, 8, 4), "float32")).shape
    (1, 2, 3, 4)
    """

    def __init__(self, output_size: IntOrInts, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(2, "max", output_size, data_format, **kwargs)


class AdaptiveMaxPooling3D(BaseAdaptivePooling):
    """Max-pool volumes into exactly `output_size` (depth, height, width) positions.
    {args}
    Example:

    >>> keras.layers.AdaptiveMaxPooling3D(2)(np.ones((1, 5, 6, 7, 3), "float32")).shape
    (1, 2, 2, 2, 3)
    """

    def __init__(self, output_size: IntOrInts, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(3, "max", output_size, data_format, **kwargs)


class AdaptiveAveragePooling1D(BaseAdaptivePooling):
    """Average-pool a sequence into exactly `output_size` steps.
    {args}
    Example:

    >>> x = np.arange(7, dtype="float32").reshape(1, 7, 1)
    >>> keras.layers.AdaptiveAveragePooling1D(3)(x)[0, :, 0]
    array([1., 3., 5.], dtype=float32)
    """

    def __init__(self, output_size: IntOrInts, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(1, "average", output_size, data_format, **kwargs)


class AdaptiveAveragePooling2D(BaseAdaptivePooling):
    """Average-pool images into exactly `output_size` (height, width) positions.
    {args}
    Example:

    >>> keras.layers.AdaptiveAveragePooling2D(1)(np.ones((1, 7, 8, 4), "float32")).shape
    (1, 1, 1, 4)
    """

    def __init__(self, output_size: IntOrInts, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(2, "average", output_size, data_format, **kwargs)


class AdaptiveAveragePooling3D(BaseAdaptivePooling):
    """Average-pool volumes into exactly `output_size` (depth, height, width) positions.
    {args}
    Example:

    >>> keras.layers.AdaptiveAveragePooling3D((1, 2, 3))(np.ones((1, 5, 6, 7, 3), "float32")).shape
    (1, 1, 2, 3, 3)
    """

    def __init__(self, output_size: IntOrInts, data_format: str | None = None, **kwargs: Any) -> None:
        super().__init__(3, "average", output_size, data_format, **kwargs)


fill_docstrings(
    _ARGS_DOC,
    [
        (AdaptiveMaxPooling1D, 1),
        (AdaptiveMaxPooling2D, 2),
        (AdaptiveMaxPooling3D, 3),
        (AdaptiveAveragePooling1D, 1),
        (AdaptiveAveragePooling2D, 2),
        (AdaptiveAveragePooling3D, 3),
    ],
)
