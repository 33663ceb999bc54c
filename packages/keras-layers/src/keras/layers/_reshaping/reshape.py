"""`Reshape`: give each sample a new shape with the same number of entries."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.layers._layer import Layer
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Shape, Tensor

__all__ = ["Reshape"]


def _standardize_target_shape(target_shape: Any) -> tuple[int | None, ...]:
    if not isinstance(target_shape, Sequence) or isinstance(target_shape, str):
        raise TypeError(
            f"Argument `target_shape` must be a tuple or list of ints. Received: target_shape={target_shape}"
        )
    result: list[int | None] = []
    for dim in target_shape:
        if dim is None:
            result.append(None)
        elif hasattr(dim, "__index__") and not isinstance(dim, bool) and int(dim.__index__()) >= -1:
            result.append(int(dim.__index__()))
        else:
            raise ValueError(
                "Each dimension in `target_shape` must be a non-negative integer, or `-1` for a single "
                f"unknown dimension. Received: target_shape={tuple(target_shape)}."
            )
    if sum(1 for dim in result if dim is None or dim == -1) > 1:
        raise ValueError(
            "There must be at most one unknown dimension (-1) in `target_shape`. "
            f"Received: target_shape={tuple(target_shape)}."
        )
    return tuple(result)


def reshaped(sample_shape: Shape, target_shape: tuple[int | None, ...]) -> Shape:
    """Return `target_shape` with its unknown entry resolved when `sample_shape` allows.

    Args:
        sample_shape: The shape of one input sample (no batch axis).
        target_shape: The requested shape; one entry may be `-1` (or `None`).

    Returns:
        The sample's new shape; the unknown entry is `None` when an input size is.

    Raises:
        ValueError: If the sizes cannot match.
    """
    unknown = next((i for i, dim in enumerate(target_shape) if dim is None or dim == -1), None)
    if None in sample_shape:
        return tuple(None if i == unknown else dim for i, dim in enumerate(target_shape))
    size = math.prod(d for d in sample_shape if d is not None)
    known = math.prod(d for i, d in enumerate(target_shape) if i != unknown and d is not None)
    if unknown is None:
        if size != known:
            raise ValueError(
                "The total size of the tensor must be unchanged. "
                f"Received: input_shape={sample_shape}, target_shape={target_shape}"
            )
        return target_shape
    if known == 0 or size % known != 0:
        raise ValueError(
            "The total size of the tensor must be unchanged, however, the input size cannot be divided by "
            f"the specified dimensions in target_shape. Received: input_shape={sample_shape}, "
            f"target_shape={target_shape}"
        )
    return tuple(size // known if i == unknown else dim for i, dim in enumerate(target_shape))


class Reshape(Layer):
    """Reshape each sample (the batch axis stays) to `target_shape`.

    Args:
        target_shape: The shape of one output sample, without the batch axis; one entry
            may be `-1`, inferred from the input size.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Input shape:
        Any shape `(batch, ...)`.

    Output shape:
        `(batch, *target_shape)`.

    Raises:
        TypeError: If `target_shape` is not a sequence.
        ValueError: If `target_shape` has an entry below `-1` or several unknown
            entries; when called, if the input size does not fit `target_shape`.

    Example:

    >>> x = np.arange(6, dtype="float32").reshape(1, 6)
    >>> keras.layers.Reshape((3, -1))(x)
    array([[[0., 1.],
            [2., 3.],
            [4., 5.]]], dtype=float32)
    """

    def __init__(self, target_shape: Sequence[int | None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.target_shape = _standardize_target_shape(target_shape)
        self.built = True

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return (input_shape[0], *reshaped(tuple(input_shape[1:]), self.target_shape))

    def compute_output_spec(self, inputs: Any, *args: Any, **kwargs: Any) -> KerasTensor:
        shape = self.compute_output_shape(tuple(inputs.shape))
        return KerasTensor(shape, inputs.dtype, sparse=getattr(inputs, "sparse", False))

    def call(self, inputs: Tensor) -> Tensor:
        sample = reshaped(tuple(inputs.shape)[1:], self.target_shape)
        return ops.reshape(inputs, (ops.shape(inputs)[0], *(-1 if d is None else d for d in sample)))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "target_shape": self.target_shape}
