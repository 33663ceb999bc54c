"""Float8 helpers: delayed-scaling statistics (amax history, scale) and a quantize round trip."""

from __future__ import annotations

from typing import Any

import ml_dtypes

from keras import ops
from keras.ops._typing import ArrayLike, Tensor


def compute_float8_scale(amax: ArrayLike, scale: ArrayLike, dtype_max: float, margin: int = 0) -> Tensor:
    """Return the new float8 scale `amax * 2**margin / dtype_max` (delayed scaling).

    Where `amax` is zero or not finite the previous `scale` is kept.

    Args:
        amax: The largest absolute value seen recently.
        scale: The current scale.
        dtype_max: The largest finite value of the float8 dtype (448 for e4m3fn).
        margin: Extra headroom, in powers of two.

    Returns:
        The new scale, such that `x / scale` fits the float8 range.

    Example:

    >>> round(float(keras.quantizers.compute_float8_scale(np.float32(2.0), np.float32(1.0), 448.0)), 6)
    0.004464
    """
    inverse = ops.reciprocal(scale)
    factor = ops.divide(ops.divide(dtype_max, amax), 2**margin)
    factor = ops.where(ops.greater(amax, 0.0), factor, inverse)
    factor = ops.where(ops.isfinite(amax), factor, inverse)
    return ops.reciprocal(factor)


def compute_float8_amax_history(x: ArrayLike, amax_history: ArrayLike) -> Tensor:
    """Roll the amax history one step left and write `max(|x|)` in its first slot.

    Args:
        x: The tensor whose absolute maximum is recorded.
        amax_history: The 1D history.

    Returns:
        The new history, in the history's dtype.

    Example:

    >>> keras.quantizers.compute_float8_amax_history(
    ...     np.array([-4.0, 1.0], dtype="float32"), np.array([1.0, 2.0, 3.0], dtype="float32"))
    array([4., 3., 1.], dtype=float32)
    """
    history = ops.convert_to_tensor(amax_history)
    amax = ops.cast(ops.max(ops.abs(x)), history.dtype)
    rolled = ops.roll(history, shift=-1)
    return ops.concatenate([ops.reshape(amax, (1,)), rolled[1:]], axis=0)


def quantize_and_dequantize(
    inputs: ArrayLike, scale: ArrayLike, quantized_dtype: str, compute_dtype: str
) -> Tensor:
    """Round `inputs / scale` to `quantized_dtype` (saturating) and multiply back by `scale`.

    Args:
        inputs: The tensor.
        scale: The scale.
        quantized_dtype: A float8 dtype, e.g. `"float8_e4m3fn"`.
        compute_dtype: The dtype of the arithmetic and of the result.

    Returns:
        The fake-quantized tensor in `compute_dtype`.

    Example:

    >>> keras.quantizers.quantize_and_dequantize(
    ...     np.array([200.0, 1000.0], dtype="float32"), np.float32(1.0), "float8_e4m3fn", "float32")
    array([192., 448.], dtype=float32)
    """
    finfo: Any = ml_dtypes.finfo
    limit = float(finfo(quantized_dtype).max)
    scale = ops.cast(scale, compute_dtype)
    x = ops.clip(ops.divide(inputs, scale), -limit, limit)
    x = ops.cast(ops.cast(x, quantized_dtype), compute_dtype)
    return ops.multiply(x, scale)
