"""The deterministic initializers: `Constant`, `Zeros`, `Ones` and `Identity`."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend import standardize_dtype
from keras.initializers._base import Initializer, concrete_shape, deserialize_value, serialize_value
from keras.ops._typing import ArrayLike, DTypeLike, ShapeLike, Tensor


class Constant(Initializer):
    """Fill the tensor with one value.

    Args:
        value: A Python scalar, or an array broadcastable to the requested shape.

    Example:

    >>> init = keras.initializers.Constant(3.0)
    >>> keras.ops.convert_to_numpy(init((2, 2)))
    array([[3., 3.],
           [3., 3.]], dtype=float32)
    """

    def __init__(self, value: ArrayLike = 0.0) -> None:
        self.value = value

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        dtype = standardize_dtype(dtype)
        return ops.broadcast_to(ops.cast(self.value, dtype), concrete_shape(shape))

    def get_config(self) -> dict[str, Any]:
        value = self.value
        return {"value": value if isinstance(value, (bool, int, float)) else serialize_value(value)}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Constant:
        value = config["value"]
        return cls(deserialize_value(value) if isinstance(value, dict) else value)


class Zeros(Initializer):
    """Fill the tensor with zeros.

    Example:

    >>> keras.ops.convert_to_numpy(keras.initializers.Zeros()((3,), dtype="int32"))
    array([0, 0, 0], dtype=int32)
    """

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        return ops.zeros(concrete_shape(shape), dtype=standardize_dtype(dtype))


class Ones(Initializer):
    """Fill the tensor with ones.

    Example:

    >>> keras.ops.convert_to_numpy(keras.initializers.Ones()((2,)))
    array([1., 1.], dtype=float32)
    """

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        return ops.ones(concrete_shape(shape), dtype=standardize_dtype(dtype))


class Identity(Initializer):
    """Fill a matrix with `gain` times the identity (ones on the main diagonal).

    Args:
        gain: The value on the diagonal.

    Raises:
        ValueError: When called with a shape that is not 2-D.

    Example:

    >>> keras.ops.convert_to_numpy(keras.initializers.Identity(2.0)((2, 3)))
    array([[2., 0., 0.],
           [0., 2., 0.]], dtype=float32)
    """

    def __init__(self, gain: float = 1.0) -> None:
        self.gain = gain

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        dims = concrete_shape(shape)
        if len(dims) != 2:
            raise ValueError(
                "Identity matrix initializer can only be used for 2D matrices. "
                f"Received: shape={dims} of rank {len(dims)}."
            )
        return ops.multiply(self.gain, ops.eye(dims[0], dims[1], dtype=standardize_dtype(dtype)))

    def get_config(self) -> dict[str, Any]:
        # Keras 3.15 returns {} here and so loses `gain`; Keras reads this config too.
        return {"gain": self.gain}


constant = Constant
zeros = Zeros
ones = Ones
identity = Identity
IdentityInitializer = Identity
