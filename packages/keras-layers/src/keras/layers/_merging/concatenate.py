"""`Concatenate` and its functional form `concatenate`: join tensors along one axis."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.layers._merging.base import Merge, check_masks
from keras.ops._typing import Shape, Tensor

__all__ = ["Concatenate", "concatenate"]


class Concatenate(Merge):
    """Join a list of tensors along `axis`.

    The inputs must have the same rank and the same sizes on every other axis (the
    batch axis included; unknown sizes match any). With masks, the output mask is the
    inputs' masks (all true for an input without one) joined the same way and reduced
    with OR over the last axis.

    Args:
        axis: The axis to join along; negative counts from the end.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: When called, if the inputs are not a list or their shapes differ
            off `axis`.

    Example:

    >>> x1 = np.array([[1.0, 2.0]], dtype="float32")
    >>> x2 = np.array([[3.0]], dtype="float32")
    >>> keras.layers.Concatenate()([x1, x2])
    array([[1., 2., 3.]], dtype=float32)
    """

    def __init__(self, axis: int = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.axis = axis

    def _check_shapes(self, input_shape: Any) -> list[Shape]:
        if (
            not isinstance(input_shape, (list, tuple))
            or not input_shape
            or not all(isinstance(s, (list, tuple)) for s in input_shape)
        ):
            raise ValueError(
                f"A `Concatenate` layer should be called on a list of at least 1 input. Received: "
                f"input_shape={input_shape}"
            )
        shapes = [tuple(s) for s in input_shape]
        mismatch = ValueError(
            "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. "
            f"Received: input_shape={input_shape}"
        )
        if len({len(s) for s in shapes}) != 1:
            raise mismatch
        rank = len(shapes[0])
        if not -rank <= self.axis < rank:
            raise ValueError(
                f"Argument `axis` is out of range for inputs of rank {rank}. Received: axis={self.axis}, "
                f"input_shape={input_shape}"
            )
        axis = self.axis % rank
        for dim in range(rank):
            if dim != axis and len({s[dim] for s in shapes if s[dim] is not None}) > 1:
                raise mismatch
        return shapes

    def compute_output_shape(self, input_shape: Any) -> Shape:
        shapes = self._check_shapes(input_shape)
        axis = self.axis % len(shapes[0])
        sizes = [s[axis] for s in shapes]
        # Like Keras, the other axes take the first input's sizes.
        total = None if None in sizes else sum(d for d in sizes if d is not None)
        return (*shapes[0][:axis], total, *shapes[0][axis + 1 :])

    def call(self, inputs: Sequence[Tensor], mask: Any = None) -> Tensor:
        if not isinstance(inputs, (list, tuple)):
            raise ValueError(
                f"A merge layer should be called on a list of inputs. Received: inputs={inputs} "
                "(not a list of tensors)"
            )
        return ops.concatenate(list(inputs), axis=self.axis)

    def compute_mask(self, inputs: Any, previous_mask: Any) -> Any:
        masks = check_masks(inputs, previous_mask)
        if masks is None or all(m is None for m in masks):
            return None
        full = []
        for x, mask in zip(inputs, masks, strict=True):
            if mask is None:
                full.append(ops.ones_like(x, dtype="bool"))
            elif len(mask.shape) < len(x.shape):
                full.append(ops.logical_or(ops.expand_dims(mask, -1), ops.zeros_like(x, dtype="bool")))
            else:
                full.append(mask)
        return ops.any(ops.concatenate(full, axis=self.axis), axis=-1)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axis": self.axis}


def concatenate(inputs: list[Any], axis: int = -1, **kwargs: Any) -> Any:
    """Join a list of tensors along `axis`: `Concatenate(axis=axis, **kwargs)(inputs)`.

    Args:
        inputs: A list of tensors with the same sizes off `axis`.
        axis: The axis to join along.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Returns:
        The joined tensor.

    Example:

    >>> x = np.zeros((2, 3, 4), dtype="float32")
    >>> keras.layers.concatenate([x, x], axis=1).shape
    (2, 6, 4)
    """
    return Concatenate(axis=axis, **kwargs)(inputs)
