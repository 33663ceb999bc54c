"""`ActivityRegularization`: an identity layer that adds an L1/L2 penalty on its inputs."""

from __future__ import annotations

from typing import Any

from keras import regularizers
from keras.layers._layer import Layer
from keras.ops._typing import Tensor

__all__ = ["ActivityRegularization"]

Shape = tuple[int | None, ...]


class ActivityRegularization(Layer):
    """Return the inputs unchanged and add `l1 * sum(|x|) + l2 * sum(x ** 2)` to `losses`.

    The penalty is divided by the batch size (the size of the inputs' first axis), as
    for every layer's `activity_regularizer`. Masks pass through.

    Args:
        l1: L1 regularization factor.
        l2: L2 regularization factor.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras.layers.ActivityRegularization(l1=0.5)
    >>> layer(np.array([[1.0, -3.0]], dtype="float32"))
    array([[ 1., -3.]], dtype=float32)
    >>> [float(loss) for loss in layer.losses]
    [2.0]
    """

    def __init__(self, l1: float = 0.0, l2: float = 0.0, **kwargs: Any) -> None:
        super().__init__(activity_regularizer=regularizers.L1L2(l1=l1, l2=l2), **kwargs)
        self.l1 = l1
        self.l2 = l2
        self.supports_masking = True
        self.built = True

    def call(self, inputs: Tensor) -> Tensor:
        return inputs

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return input_shape

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        config.pop("activity_regularizer", None)
        return {**config, "l1": self.l1, "l2": self.l2}
