"""`Dot` and its functional form `dot`: per-sample dot products of two tensors."""

from __future__ import annotations

import string
from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.layers._merging.base import Merge, check_shape_list, common_batch_size
from keras.ops._typing import Shape, Tensor

__all__ = ["Dot", "dot"]


def _check_axes(axes: Any) -> None:
    if isinstance(axes, int) and not isinstance(axes, bool):
        return
    if not isinstance(axes, (list, tuple)):
        raise TypeError(
            f"Invalid type for argument `axes`: it should be a list or an int. Received: axes={axes}"
        )
    if len(axes) != 2:
        raise ValueError(
            f"Invalid format for argument `axes`: it should contain two elements. Received: axes={axes}"
        )
    if not all(isinstance(a, int) and not isinstance(a, bool) for a in axes):
        raise ValueError(
            f"Invalid format for argument `axes`: list elements should be integers. Received: axes={axes}"
        )


def batch_dot(x: Tensor, y: Tensor, axes: tuple[int, int]) -> Tensor:
    """Contract axis `axes[0]` of `x` with axis `axes[1]` of `y`, sample by sample.

    Args:
        x: A tensor of rank 2 or more; axis 0 is the batch axis.
        y: A tensor of rank 2 or more with the same batch size.
        axes: Two non-negative, non-zero axes.

    Returns:
        `x`'s other axes followed by `y`'s other non-batch axes; `(batch, 1)` when that
        would leave only the batch axis.
    """
    letters = iter(string.ascii_letters[2:])
    x_letters = ["a"] + [next(letters) for _ in range(len(x.shape) - 1)]
    y_letters = ["a"] + [next(letters) for _ in range(len(y.shape) - 1)]
    y_letters[axes[1]] = x_letters[axes[0]] = "b"
    out_letters = [c for c in x_letters if c != "b"] + [c for c in y_letters[1:] if c != "b"]
    result = ops.einsum(f"{''.join(x_letters)},{''.join(y_letters)}->{''.join(out_letters)}", x, y)
    return ops.expand_dims(result, -1) if len(out_letters) == 1 else result


class Dot(Merge):
    """Take the dot product of two tensors along an axis of each, sample by sample.

    For inputs of shapes `(batch, 3, 5)` and `(batch, 10, 3)` and `axes=(1, 2)`, the
    output has shape `(batch, 5, 10)`: the first input's other axes, then the second
    input's other non-batch axes. Two 2D inputs give `(batch, 1)`.

    Args:
        axes: An int (the same axis of both inputs) or two ints (an axis of each);
            negative axes count from the end. The two axes must have the same size, and
            neither may be the batch axis 0.
        normalize: Whether to L2-normalize both inputs along their axis first, which
            makes the output the cosine similarity.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        TypeError: If `axes` is neither an int nor a list or tuple.
        ValueError: If `axes` is a sequence of other than two ints; when called, if the
            inputs are not two, their axes' sizes differ, or an axis is the batch axis.

    Example:

    >>> x = np.array([[1.0, 2.0]], dtype="float32")
    >>> y = np.array([[3.0, 4.0]], dtype="float32")
    >>> keras.layers.Dot(axes=1)([x, y])
    array([[11.]], dtype=float32)
    """

    def __init__(self, axes: int | Sequence[int], normalize: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        _check_axes(axes)
        self.axes = axes
        self.normalize = normalize

    def _resolve_axes(self, rank1: int, rank2: int) -> tuple[int, int]:
        pair = (self.axes, self.axes) if isinstance(self.axes, int) else tuple(self.axes)
        first, second = pair[0] % rank1, pair[1] % rank2
        if first == 0 or second == 0:
            raise ValueError(
                "Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy batch "
                "dimension to your inputs using keras.ops.expand_dims(x, 0)"
            )
        return first, second

    def compute_output_shape(self, input_shape: Any) -> Shape:
        shapes = check_shape_list(input_shape)
        if len(shapes) != 2:
            raise ValueError(
                f"A `Dot` layer should be called on a list of 2 inputs. Received: input_shape={input_shape}"
            )
        shape1, shape2 = shapes
        if len(shape1) < 2 or len(shape2) < 2:
            raise ValueError(
                f"Cannot do batch_dot on inputs with rank < 2. Received inputs with shapes {shape1} and {shape2}."
            )
        common_batch_size(shapes)
        first, second = self._resolve_axes(len(shape1), len(shape2))
        size1, size2 = shape1[first], shape2[second]
        if size1 is not None and size2 is not None and size1 != size2:
            raise ValueError(
                f"Incompatible input shapes: axis values {size1} (at axis {first}) != {size2} (at axis {second}). "
                f"Full input shapes: {shape1}, {shape2}"
            )
        output = [d for i, d in enumerate(shape1) if i != first]
        output += [d for i, d in enumerate(shape2) if i not in (0, second)]
        return (*output, 1) if len(output) == 1 else tuple(output)

    def call(self, inputs: Sequence[Tensor], mask: Any = None) -> Tensor:
        if not isinstance(inputs, (list, tuple)) or len(inputs) != 2:
            raise ValueError(f"A `Dot` layer should be called on exactly 2 inputs. Received: inputs={inputs}")
        x, y = inputs
        self.compute_output_shape([tuple(x.shape), tuple(y.shape)])
        axes = self._resolve_axes(len(x.shape), len(y.shape))
        if self.normalize:
            x = ops.normalize(x, axis=axes[0])
            y = ops.normalize(y, axis=axes[1])
        return batch_dot(x, y, axes)

    def compute_mask(self, inputs: Any, previous_mask: Any) -> Any:
        return None

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axes": self.axes, "normalize": self.normalize}


def dot(inputs: list[Any], axes: int | Sequence[int] = -1, **kwargs: Any) -> Any:
    """Take per-sample dot products of two tensors: `Dot(axes=axes, **kwargs)(inputs)`.

    Args:
        inputs: A list of 2 tensors.
        axes: An int or two ints: the axes to contract (never the batch axis 0).
        **kwargs: `normalize` and the base layer arguments (`name`, `dtype`, ...).

    Returns:
        The dot products, as `Dot` computes them.

    Example:

    >>> x = np.array([[1.0, 0.0]], dtype="float32")
    >>> y = np.array([[3.0, 4.0]], dtype="float32")
    >>> keras.layers.dot([x, y], axes=-1, normalize=True)
    array([[0.6]], dtype=float32)
    """
    return Dot(axes=axes, **kwargs)(inputs)
