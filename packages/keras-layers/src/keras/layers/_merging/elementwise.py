"""The element-wise merging layers and their functional forms.

`Add`, `Subtract`, `Multiply`, `Average`, `Maximum` and `Minimum` combine a list of
tensors of broadcastable shapes (the batch axis apart) into one; `add`, `subtract`, ...
build the layer and call it at once.
"""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._merging.base import Merge, expand_mask, masked_fold
from keras.ops._typing import Shape, Tensor

__all__ = [
    "Add",
    "Average",
    "Maximum",
    "Minimum",
    "Multiply",
    "Subtract",
    "add",
    "average",
    "maximum",
    "minimum",
    "multiply",
    "subtract",
]


class Add(Merge):
    """Add a list of tensors element-wise.

    The inputs' shapes must broadcast (the batch axis apart); the output mask is the
    OR of the input masks when every input has one.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = np.array([[1.0, 2.0]], dtype="float32")
    >>> x2 = np.array([[10.0, 20.0]], dtype="float32")
    >>> keras.layers.Add()([x1, x2])
    array([[11., 22.]], dtype=float32)
    """

    def merge(self, inputs: list[Tensor], masks: list[Tensor | None]) -> Tensor:
        output = inputs[0]
        for x in inputs[1:]:
            output = ops.add(output, x)
        return output


class Subtract(Merge):
    """Subtract the second of two tensors from the first, element-wise.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If called on a list of other than 2 inputs.

    Example:

    >>> x1 = np.array([[1.0, 2.0]], dtype="float32")
    >>> x2 = np.array([[10.0, 20.0]], dtype="float32")
    >>> keras.layers.Subtract()([x1, x2])
    array([[ -9., -18.]], dtype=float32)
    """

    def compute_output_shape(self, input_shape: Any) -> Shape:
        shape = super().compute_output_shape(input_shape)
        if len(input_shape) != 2:
            raise ValueError(
                f"A `Subtract` layer should be called on exactly 2 inputs. Received: input_shape={input_shape}"
            )
        return shape

    def merge(self, inputs: list[Tensor], masks: list[Tensor | None]) -> Tensor:
        if len(inputs) != 2:
            raise ValueError(
                f"A `Subtract` layer should be called on exactly 2 inputs. Received: inputs={inputs}"
            )
        return ops.subtract(inputs[0], inputs[1])


class Multiply(Merge):
    """Multiply a list of tensors element-wise.

    With masks on every input, masked-out entries count as 1 in the product, and an
    entry that every input masks out is 0; the output mask is the OR of the masks.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = np.array([[1.0, 2.0]], dtype="float32")
    >>> x2 = np.array([[10.0, 20.0]], dtype="float32")
    >>> keras.layers.Multiply()([x1, x2])
    array([[10., 40.]], dtype=float32)
    """

    def merge(self, inputs: list[Tensor], masks: list[Tensor | None]) -> Tensor:
        every_masked = all(m is not None for m in masks)
        output: Tensor = None
        output_mask: Tensor = None
        for x, mask in zip(inputs, masks, strict=True):
            if mask is not None:
                full = expand_mask(mask, x)
                x = ops.where(full, x, ops.cast(1, x.dtype))
                if every_masked:
                    output_mask = full if output_mask is None else ops.logical_or(output_mask, full)
            output = x if output is None else ops.multiply(output, x)
        if every_masked and output_mask is not None:
            output = ops.where(output_mask, output, ops.cast(0, output.dtype))
        return output


class Average(Merge):
    """Average a list of tensors element-wise.

    Integer inputs give a float result.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = np.array([[1.0, 2.0]], dtype="float32")
    >>> x2 = np.array([[10.0, 20.0]], dtype="float32")
    >>> keras.layers.Average()([x1, x2])
    array([[ 5.5, 11. ]], dtype=float32)
    """

    def merge(self, inputs: list[Tensor], masks: list[Tensor | None]) -> Tensor:
        output = inputs[0]
        for x in inputs[1:]:
            output = ops.add(output, x)
        return ops.divide(output, len(inputs))


class Maximum(Merge):
    """Take the element-wise maximum of a list of tensors.

    Masks are applied as `Minimum` describes.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = np.array([[1.0, 20.0]], dtype="float32")
    >>> x2 = np.array([[10.0, 2.0]], dtype="float32")
    >>> keras.layers.Maximum()([x1, x2])
    array([[10., 20.]], dtype=float32)
    """

    def merge(self, inputs: list[Tensor], masks: list[Tensor | None]) -> Tensor:
        return masked_fold(ops.maximum, inputs, masks)


class Minimum(Merge):
    """Take the element-wise minimum of a list of tensors.

    Masks are applied as Keras does: folding left to right, a masked-out entry of the
    next input is replaced by the running result, and a masked-out entry of the running
    result by the next input; after an input without a mask, the running result is
    treated as unmasked.

    Args:
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> x1 = np.array([[1.0, 20.0]], dtype="float32")
    >>> x2 = np.array([[10.0, 2.0]], dtype="float32")
    >>> keras.layers.Minimum()([x1, x2])
    array([[1., 2.]], dtype=float32)
    """

    def merge(self, inputs: list[Tensor], masks: list[Tensor | None]) -> Tensor:
        return masked_fold(ops.minimum, inputs, masks)


def add(inputs: list[Any], **kwargs: Any) -> Any:
    """Add a list of tensors element-wise: `Add(**kwargs)(inputs)`.

    Args:
        inputs: A list of tensors of broadcastable shapes.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Returns:
        The element-wise sum.

    Example:

    >>> x = np.array([[1.0, 2.0]], dtype="float32")
    >>> keras.layers.add([x, x, x])
    array([[3., 6.]], dtype=float32)
    """
    return Add(**kwargs)(inputs)


def subtract(inputs: list[Any], **kwargs: Any) -> Any:
    """Subtract the second of two tensors from the first: `Subtract(**kwargs)(inputs)`.

    Args:
        inputs: A list of 2 tensors of broadcastable shapes.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Returns:
        `inputs[0] - inputs[1]`.

    Example:

    >>> x = np.array([[1.0, 2.0]], dtype="float32")
    >>> keras.layers.subtract([x, 2 * x])
    array([[-1., -2.]], dtype=float32)
    """
    return Subtract(**kwargs)(inputs)


def multiply(inputs: list[Any], **kwargs: Any) -> Any:
    """Multiply a list of tensors element-wise: `Multiply(**kwargs)(inputs)`.

    Args:
        inputs: A list of tensors of broadcastable shapes.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Returns:
        The element-wise product.

    Example:

    >>> x = np.array([[1.0, 2.0]], dtype="float32")
    >>> keras.layers.multiply([x, x, x])
    array([[1., 8.]], dtype=float32)
    """
    return Multiply(**kwargs)(inputs)


def average(inputs: list[Any], **kwargs: Any) -> Any:
    """Average a list of tensors element-wise: `Average(**kwargs)(inputs)`.

    Args:
        inputs: A list of tensors of broadcastable shapes.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Returns:
        The element-wise mean.

    Example:

    >>> x = np.array([[1.0, 2.0]], dtype="float32")
    >>> keras.layers.average([x, 2 * x])
    array([[1.5, 3. ]], dtype=float32)
    """
    return Average(**kwargs)(inputs)


def maximum(inputs: list[Any], **kwargs: Any) -> Any:
    """Take the element-wise maximum of a list of tensors: `Maximum(**kwargs)(inputs)`.

    Args:
        inputs: A list of tensors of broadcastable shapes.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Returns:
        The element-wise maximum.

    Example:

    >>> x = np.array([[1.0, -2.0]], dtype="float32")
    >>> keras.layers.maximum([x, -x])
    array([[1., 2.]], dtype=float32)
    """
    return Maximum(**kwargs)(inputs)


def minimum(inputs: list[Any], **kwargs: Any) -> Any:
    """Take the element-wise minimum of a list of tensors: `Minimum(**kwargs)(inputs)`.

    Args:
        inputs: A list of tensors of broadcastable shapes.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Returns:
        The element-wise minimum.

    Example:

    >>> x = np.array([[1.0, -2.0]], dtype="float32")
    >>> keras.layers.minimum([x, -x])
    array([[-1., -2.]], dtype=float32)
    """
    return Minimum(**kwargs)(inputs)
