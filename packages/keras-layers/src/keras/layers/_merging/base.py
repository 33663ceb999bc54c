"""`Merge`: the private base of the layers that combine a list of tensors.

It owns what the merging layers share: the checks on the list of inputs, the
broadcast shape of element-wise merges (the batch axis apart), the alignment of
lower-rank inputs (size-1 axes inserted after the batch axis), the masked fold used by
`Maximum` and `Minimum`, and the default output mask (the OR of the input masks, or
None when an input has none).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from keras import ops
from keras.layers._layer import Layer
from keras.ops._typing import Shape, Tensor

__all__: list[str] = []

Shapes = list[Shape]


def check_shape_list(input_shape: Any) -> Shapes:
    """Return `input_shape` as a list of shapes, or raise if it is not a non-empty list."""
    if not isinstance(input_shape, (list, tuple)) or not all(
        isinstance(s, (list, tuple)) for s in input_shape
    ):
        raise ValueError(
            "A merge layer should be called on a list of inputs. "
            f"Received: input_shape={input_shape} (not a list of shapes)"
        )
    if not input_shape:
        raise ValueError(
            "A merge layer should be called on a list of at least 1 input. "
            f"Received 0 inputs. Full input_shape received: {input_shape}"
        )
    return [tuple(s) for s in input_shape]


def common_batch_size(shapes: Shapes) -> int | None:
    """Return the one known batch size of `shapes` (None if none is known)."""
    sizes = {s[0] for s in shapes if s and s[0] is not None}
    if len(sizes) > 1:
        raise ValueError(
            f"Cannot merge tensors with different batch sizes. Received tensors with shapes {shapes}"
        )
    return next(iter(sizes), None)


def broadcast_sample_shapes(shape1: Shape, shape2: Shape) -> Shape:
    """Broadcast two per-sample shapes, aligned on the right; an unknown size stays unknown."""
    if len(shape1) < len(shape2):
        shape1, shape2 = shape2, shape1
    if not shape2:
        return shape1
    head = shape1[: len(shape1) - len(shape2)]
    tail: list[int | None] = []
    for i, j in zip(shape1[len(head) :], shape2, strict=True):
        if i is None or j is None:
            tail.append(None)
        elif i == 1 or j == 1:
            tail.append(j if i == 1 else i)
        elif i != j:
            raise ValueError(f"Inputs have incompatible shapes. Received shapes {shape1} and {shape2}")
        else:
            tail.append(i)
    return (*head, *tail)


def expand_mask(mask: Tensor, x: Tensor) -> Tensor:
    """Broadcast a per-step mask (one axis fewer than `x`, or as many) to `x`'s shape."""
    if len(mask.shape) < len(x.shape):
        mask = ops.expand_dims(mask, -1)
    return ops.broadcast_to(mask, ops.shape(x))


class Merge(Layer):
    """Combine a list of tensors into one (subclasses define `merge`)."""

    supports_masking = True

    def merge(self, inputs: list[Tensor], masks: list[Tensor | None]) -> Tensor:
        """Combine `inputs` (of equal rank), each with its mask or None."""
        raise NotImplementedError

    def build(self, input_shape: Any = None) -> None:
        self.compute_output_shape(input_shape)
        self.built = True

    def compute_output_shape(self, input_shape: Any) -> Shape:
        shapes = check_shape_list(input_shape)
        batch = common_batch_size(shapes)
        sample = shapes[0][1:]
        for shape in shapes[1:]:
            sample = broadcast_sample_shapes(sample, shape[1:])
        return (batch, *sample)

    def call(self, inputs: Sequence[Tensor], mask: Any = None) -> Tensor:
        if not isinstance(inputs, (list, tuple)):
            raise ValueError(
                f"A merge layer should be called on a list of inputs. Received: inputs={inputs} "
                "(not a list of tensors)"
            )
        tensors = list(inputs)
        masks: list[Tensor | None] = list(mask) if isinstance(mask, (list, tuple)) else [None] * len(tensors)
        rank = max(len(x.shape) for x in tensors)
        for i, x in enumerate(tensors):
            # A lower-rank input gets size-1 axes after the batch axis; its mask no longer
            # lines up with it, so it is dropped (as Keras does).
            for _ in range(rank - len(x.shape)):
                tensors[i] = ops.expand_dims(tensors[i], 1)
                masks[i] = None
        return self.merge(tensors, masks)

    def compute_mask(self, inputs: Any, previous_mask: Any) -> Any:
        masks = check_masks(inputs, previous_mask)
        if masks is None or any(m is None for m in masks):
            return None
        output_mask = masks[0]
        for m in masks[1:]:
            output_mask = ops.logical_or(output_mask, m)
        return output_mask


def check_masks(inputs: Any, mask: Any) -> list[Any] | None:
    """Return `mask` as a list matching `inputs`, or None when there is no mask."""
    if mask is None:
        return None
    if not isinstance(mask, (list, tuple)):
        raise ValueError(f"`mask` should be a list. Received: mask={mask}")
    if not isinstance(inputs, (list, tuple)):
        raise ValueError(f"`inputs` should be a list. Received: inputs={inputs}")
    if len(mask) != len(inputs):
        raise ValueError(
            "The lists `inputs` and `mask` should have the same length. "
            f"Received: inputs={inputs} of length {len(inputs)}, and mask={mask} of length {len(mask)}"
        )
    return list(mask)


def masked_fold(
    op: Callable[[Tensor, Tensor], Tensor], inputs: list[Tensor], masks: list[Tensor | None]
) -> Tensor:
    """Fold `op` over `inputs`, where a masked-out entry takes the running result's value.

    A masked-out entry of the running result takes the next input's value instead, so an
    entry that only some inputs mask is `op` of the inputs that keep it. Once an input
    has no mask, the running result has none either.
    """
    output = inputs[0]
    output_mask = None if masks[0] is None else expand_mask(masks[0], output)
    for x, mask in zip(inputs[1:], masks[1:], strict=True):
        x_mask = None if mask is None else expand_mask(mask, x)
        if x_mask is not None:
            x = ops.where(x_mask, x, output)
        if output_mask is not None:
            output = ops.where(output_mask, output, x)
        output_mask = None if x_mask is None or output_mask is None else ops.logical_or(output_mask, x_mask)
        output = op(output, x)
    return output
