"""`RMSNormalization`: divide by the root mean square over the given axes, then scale."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend._variable import Variable
from keras.layers._layer import Layer
from keras.layers._normalization.arguments import (
    AxisArg,
    Shape,
    as_axis_list,
    check_axes_in_bounds,
    defined_dims,
    standardize_axis,
)
from keras.ops._typing import Tensor

__all__ = ["RMSNormalization"]


class RMSNormalization(Layer):
    """Normalize each example by its root mean square: `x / sqrt(mean(x ** 2) + epsilon) * scale`.

    The mean is taken over `axis`; `scale` is a learned weight with the shape of those
    axes, initialized to ones. There is no centring and no offset (Zhang and Sennrich,
    2019).

    Args:
        axis: An int or a list/tuple of ints, the axes to normalize over.
        epsilon: Small float added to the mean square.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        TypeError: If `axis` is not an int or a list/tuple of ints.
        ValueError: If an axis is outside the input's rank.

    Example:

    >>> layer = keras.layers.RMSNormalization(epsilon=0.0)
    >>> layer(np.array([[3.0, 4.0]], dtype="float32"))
    array([[0.84852815, 1.1313709 ]], dtype=float32)
    """

    scale: Variable

    def __init__(
        self, axis: int | list[int] | tuple[int, ...] = -1, epsilon: float = 1e-06, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.axis: AxisArg = standardize_axis(axis)
        self.epsilon = epsilon

    def build(self, input_shape: Shape) -> None:
        self.axis = sorted(as_axis_list(self.axis))
        shape = defined_dims(self.axis, input_shape, self.name)
        self.scale = self.add_weight(name="scale", shape=shape, initializer="ones")
        self.built = True

    def call(self, inputs: Tensor) -> Tensor:
        ndim = len(inputs.shape)
        positions = [a % ndim for a in as_axis_list(self.axis)]
        scale: Tensor = self.scale
        if positions == sorted(positions):
            # Place the scale's axes where they sit in the input, so that an axis other than
            # the last ones broadcasts (e.g. axis=1 of a rank-3 input).
            shape: list[Any] = [1] * ndim
            for position, size in zip(positions, self.scale.shape, strict=True):
                shape[position] = size
            scale = ops.reshape(scale, shape)
        return ops.rms_normalization(inputs, scale=scale, axis=self.axis, epsilon=self.epsilon)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        check_axes_in_bounds(self.axis, input_shape)
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axis": self.axis, "epsilon": self.epsilon}
