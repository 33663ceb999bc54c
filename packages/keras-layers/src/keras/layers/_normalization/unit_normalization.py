"""`UnitNormalization`: scale each example to unit L2 norm over the given axes."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._layer import Layer
from keras.layers._normalization.arguments import AxisArg, Shape, check_axes_in_bounds, standardize_axis
from keras.ops._typing import Tensor

__all__ = ["UnitNormalization"]


class UnitNormalization(Layer):
    """Divide each example by its L2 norm over `axis`: `x / max(sqrt(sum(x ** 2)), 1e-12)`.

    The layer has no weights. Integer inputs give floats; masks pass through.

    Args:
        axis: An int or a list/tuple of ints, the axes the norm is taken over.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        TypeError: If `axis` is not an int or a list/tuple of ints.
        ValueError: If an axis is outside the input's rank.

    Example:

    >>> layer = keras.layers.UnitNormalization()
    >>> layer(np.array([[3.0, 4.0], [0.0, 2.0]], dtype="float32"))
    array([[0.6, 0.8],
           [0. , 1. ]], dtype=float32)
    """

    def __init__(self, axis: int | list[int] | tuple[int, ...] = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.axis: AxisArg = standardize_axis(axis)
        self.supports_masking = True
        self.built = True

    def call(self, inputs: Tensor) -> Tensor:
        check_axes_in_bounds(self.axis, tuple(inputs.shape))
        return ops.normalize(inputs, axis=self.axis, order=2, epsilon=1e-12)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        check_axes_in_bounds(self.axis, input_shape)
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axis": self.axis}
