"""Fake quantization (quantize then dequantize in float) with a straight-through gradient.

The arithmetic is TensorFlow's `FakeQuantWithMinMaxVars`: the `[min, max]` range is nudged
so that zero is exactly representable, inputs are clamped to the nudged range and rounded
to its grid. The gradient passes through unchanged inside the range; outside it, it goes to
`min_vals` (below) or `max_vals` (above), summed per channel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras import ops
from keras.backend import result_type, standardize_dtype
from keras.ops._typing import ArrayLike, Tensor


def _nudged_range(
    min_vals: Tensor, max_vals: Tensor, num_bits: int, narrow_range: bool
) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """Return `(nudged_min, nudged_max, scale, 1 / scale)`: the range shifted so zero is on the grid."""
    quant_min = 1 if narrow_range else 0
    quant_max = (1 << num_bits) - 1
    width = ops.subtract(max_vals, min_vals)
    scale = ops.divide(width, quant_max - quant_min)
    inverse_scale = ops.divide(quant_max - quant_min, width)
    zero_point = ops.round(
        ops.clip(ops.subtract(quant_min, ops.divide(min_vals, scale)), quant_min, quant_max)
    )
    nudged_min = ops.multiply(ops.subtract(quant_min, zero_point), scale)
    nudged_max = ops.multiply(ops.subtract(quant_max, zero_point), scale)
    return nudged_min, nudged_max, scale, inverse_scale


def fake_quant_with_min_max_vars(
    inputs: ArrayLike,
    min_vals: ArrayLike,
    max_vals: ArrayLike,
    num_bits: int = 8,
    narrow_range: bool = False,
    axis: int | None = None,
) -> Tensor:
    """Quantize `inputs` to `num_bits` levels in `[min_vals, max_vals]` and back to floats.

    The integer grid is `[0, 2**num_bits - 1]` (`[1, 2**num_bits - 1]` with `narrow_range`).
    Gradients are straight-through inside the range, and flow to `min_vals` / `max_vals`
    for inputs below / above it, so the range can be trained.

    Args:
        inputs: A float tensor.
        min_vals: The lower bound: a scalar, or one value per channel when `axis` is set.
        max_vals: The upper bound, shaped like `min_vals`.
        num_bits: The bit width of the grid.
        narrow_range: Whether to leave out the lowest grid value.
        axis: The channel axis for per-channel ranges; `None` for one range.

    Returns:
        A tensor of the inputs' shape and dtype, on the quantization grid.

    Example:

    >>> keras.quantizers.fake_quant_with_min_max_vars(np.array([0.5, 5.0], dtype="float32"), -1.0, 2.0)
    array([0.5058824, 2.       ], dtype=float32)
    """
    x = ops.convert_to_tensor(inputs)
    dtype = standardize_dtype(x.dtype)
    compute_dtype = result_type(dtype, "float32")
    low = ops.cast(min_vals, compute_dtype)
    high = ops.cast(max_vals, compute_dtype)
    num_bits = int(num_bits)
    ndim = len(x.shape)
    reduce_axes: tuple[int, ...] | None = None
    channel_shape: tuple[int, ...] = ()
    if axis is not None:
        if not -ndim <= axis < ndim:
            raise ValueError(
                f"Expected `axis` in [{-ndim}, {ndim}) for inputs of rank {ndim}. Received: axis={axis}"
            )
        axis %= ndim
        reduce_axes = tuple(i for i in range(ndim) if i != axis)
        channel_shape = tuple(-1 if i == axis else 1 for i in range(ndim))

    def compute(values: Tensor, low: Tensor, high: Tensor) -> tuple[Tensor, Callable[..., Any]]:
        shaped_low = ops.reshape(low, channel_shape) if axis is not None else low
        shaped_high = ops.reshape(high, channel_shape) if axis is not None else high
        nudged_min, nudged_max, scale, inverse_scale = _nudged_range(
            shaped_low, shaped_high, num_bits, narrow_range
        )
        wide = ops.cast(values, compute_dtype)
        shifted = ops.subtract(ops.clip(wide, nudged_min, nudged_max), nudged_min)
        steps = ops.floor(ops.add(ops.multiply(shifted, inverse_scale), 0.5))
        result = ops.cast(ops.add(ops.multiply(steps, scale), nudged_min), dtype)
        below = ops.less(wide, nudged_min)
        above = ops.greater(wide, nudged_max)

        def grad(*args: Any, upstream: Any = None) -> tuple[Tensor, Tensor, Tensor]:
            if upstream is None:
                (upstream,) = args
            zeros = ops.zeros_like(upstream)
            inside = ops.where(ops.logical_or(below, above), zeros, upstream)
            grad_low = ops.sum(ops.cast(ops.where(below, upstream, zeros), compute_dtype), axis=reduce_axes)
            grad_high = ops.sum(ops.cast(ops.where(above, upstream, zeros), compute_dtype), axis=reduce_axes)
            return inside, ops.reshape(grad_low, ops.shape(low)), ops.reshape(grad_high, ops.shape(high))

        return result, grad

    return ops.custom_gradient(compute)(x, low, high)
