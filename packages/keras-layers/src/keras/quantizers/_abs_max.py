"""Integer quantization by range: symmetric abs-max scales, and grouped scales with zero points.

Each formula is written once over an array namespace `xp` (`keras.ops`, or numpy when the
caller asks for `to_numpy=True` to keep large weights off the device); the two share every
name used here (`abs`, `max`, `min`, `round`, `clip`, `where`, `reshape`, `pad`, ...).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from keras import ops
from keras.backend import standardize_dtype
from keras.ops._typing import ArrayLike, Tensor


def _cast(xp: Any, x: Any, dtype: str) -> Any:
    return x.astype(dtype) if xp is np else ops.cast(x, dtype)


def _to_numpy_input(inputs: ArrayLike) -> tuple[np.ndarray, str]:
    dtype = standardize_dtype(getattr(inputs, "dtype", None) or np.asarray(inputs).dtype)
    return np.asarray(ops.convert_to_numpy(inputs)), dtype


def _canonical_axis(axis: int | Sequence[int]) -> int | tuple[int, ...]:
    return axis if isinstance(axis, int) else tuple(axis)


def abs_max_quantize(
    inputs: ArrayLike,
    axis: int | Sequence[int],
    value_range: tuple[int, int] = (-127, 127),
    dtype: str = "int8",
    epsilon: float = 1e-07,
    to_numpy: bool = False,
) -> tuple[Tensor, Tensor]:
    """Quantize symmetrically: `q = clip(round(x * s), *value_range)`, `s = max_q / max|x|`.

    Args:
        inputs: The float tensor.
        axis: The axis (or axes) reduced to find each scale; the scale keeps it with size 1.
        value_range: The `(min, max)` range of the quantized integers.
        dtype: The dtype of the quantized values.
        epsilon: Added to `max|x|` to avoid division by zero.
        to_numpy: Whether to compute on the host with numpy (saves device memory).

    Returns:
        `(quantized, scale)`: `quantized` in `dtype`, `scale` in the input's dtype, and
        `inputs ≈ quantized / scale`.

    Example:

    >>> q, scale = keras.quantizers.abs_max_quantize(np.array([[1.0, -4.0]], dtype="float32"), axis=-1)
    >>> q, scale
    (array([[  32, -127]], dtype=int8), array([[31.75]], dtype=float32))
    """
    axis = _canonical_axis(axis)
    xp: Any
    if to_numpy:
        x, input_dtype = _to_numpy_input(inputs)
        xp = np
    else:
        x = ops.convert_to_tensor(inputs)
        input_dtype = standardize_dtype(x.dtype)
        xp = ops
    scale = xp.divide(value_range[1], xp.add(xp.max(xp.abs(x), axis=axis, keepdims=True), epsilon))
    scale = _cast(xp, scale, input_dtype)
    outputs = xp.clip(xp.round(xp.multiply(x, scale)), value_range[0], value_range[1])
    outputs = _cast(xp, outputs, dtype)
    if to_numpy:
        return ops.convert_to_tensor(outputs), ops.convert_to_tensor(scale)
    return outputs, scale


def abs_max_quantize_grouped_with_zero_point(
    inputs: ArrayLike,
    block_size: int,
    value_range: tuple[int, int] = (-8, 7),
    dtype: str = "int8",
    epsilon: float = 1e-07,
    to_numpy: bool = False,
) -> tuple[Tensor, Tensor, Tensor]:
    """Quantize a 2D kernel asymmetrically, one scale and zero point per group of rows.

    Rows (the input dimension) are split into groups of `block_size` (the last one
    zero-padded); each group and column gets `scale = (max - min + epsilon) / (q_max - q_min)`
    and `zero = clip(round(-min / scale) + q_min, q_min, q_max)`, and
    `q = clip(round(x / scale) + zero, q_min, q_max)`. Without `to_numpy`, a group whose
    values are all equal is widened by one on each side first (as Keras's two paths differ).

    Args:
        inputs: A float tensor of shape `(input_dim, output_dim)`.
        block_size: The number of rows per group.
        value_range: The `(q_min, q_max)` range, `2**bits` values wide.
        dtype: The dtype of the quantized values.
        epsilon: Added to each group's range.
        to_numpy: Whether to compute on the host with numpy.

    Returns:
        `(quantized, scale, zero_point)`: `quantized` has the input's shape; `scale` (input
        dtype) and `zero_point` (int8) have shape `(ceil(input_dim / block_size), output_dim)`.

    Raises:
        ValueError: If `inputs` is not 2D or `block_size` is not positive.

    Example:

    >>> x = np.array([[0.0], [1.5], [-1.5], [3.0]], dtype="float32")
    >>> q, scale, zero = keras.quantizers.abs_max_quantize_grouped_with_zero_point(x, block_size=2)
    >>> q[:, 0], zero[:, 0], np.round(scale[:, 0], 4)
    (array([-8,  7, -8,  7], dtype=int8), array([-8, -3], dtype=int8), array([0.1, 0.3], dtype=float32))
    """
    xp: Any
    if to_numpy:
        x, input_dtype = _to_numpy_input(inputs)
        xp = np
    else:
        x = ops.convert_to_tensor(inputs)
        input_dtype = standardize_dtype(x.dtype)
        xp = ops
    if len(x.shape) != 2:
        raise ValueError(
            f"Expected `inputs` of rank 2 (input_dim, output_dim). Received: inputs.shape={tuple(x.shape)}"
        )
    if block_size <= 0:
        raise ValueError(
            f"Expected `block_size` to be a positive integer. Received: block_size={block_size!r}"
        )
    input_dim, output_dim = int(x.shape[0]), int(x.shape[1])
    q_min, q_max = value_range
    num_groups = math.ceil(input_dim / block_size)
    padded = xp.pad(x, [[0, num_groups * block_size - input_dim], [0, 0]])
    grouped = xp.reshape(padded, (num_groups, block_size, output_dim))
    low = xp.min(grouped, axis=1)
    high = xp.max(grouped, axis=1)
    if not to_numpy:
        # Keras's tensor path widens flat groups; its host (numpy) path, which layers use
        # when they quantize their weights, does not.
        flat = xp.equal(low, high)
        low = xp.where(flat, xp.subtract(low, 1), low)
        high = xp.where(flat, xp.add(high, 1), high)
    levels = 2 ** int(math.log2(q_max - q_min + 1)) - 1
    width = xp.subtract(high, low)
    if epsilon > 0:
        width = xp.add(width, epsilon)
    scale = _cast(xp, xp.divide(width, levels), input_dtype)
    if not to_numpy:
        scale = xp.where(xp.less_equal(scale, 0), _cast(xp, xp.full_like(scale, 1e-8), input_dtype), scale)
    zero = xp.clip(xp.add(xp.round(xp.divide(xp.negative(low), scale)), q_min), q_min, q_max)
    outputs = xp.add(xp.round(xp.divide(grouped, xp.expand_dims(scale, 1))), xp.expand_dims(zero, 1))
    outputs = xp.clip(outputs, q_min, q_max)
    outputs = xp.reshape(outputs, (num_groups * block_size, output_dim))[:input_dim]
    results = (_cast(xp, outputs, dtype), scale, _cast(xp, zero, "int8"))
    if to_numpy:
        quantized, scale, zero = (ops.convert_to_tensor(r) for r in results)
        return quantized, scale, zero
    return results
