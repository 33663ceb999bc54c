"""`corrcoef`: Pearson correlation coefficients, composed from other ops."""

from __future__ import annotations

from typing import Any

from keras.backend._dtypes import float_result
from keras.ops._convert import convert, infer_dtype
from keras.ops._op import op
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Tensor
from keras.ops.numpy._creation import diagonal
from keras.ops.numpy._elementwise import clip, divide, subtract
from keras.ops.numpy._linear import matmul, outer
from keras.ops.numpy._math import sqrt
from keras.ops.numpy._reductions import mean
from keras.ops.numpy._shape import swapaxes


def _corrcoef_rule(x: Any) -> Spec:
    spec = as_spec(x)
    if spec.ndim not in (1, 2):
        raise ValueError(f"corrcoef: `x` must be 1-D or 2-D. Received: x.shape={spec.shape}")
    shape = () if spec.ndim == 1 else (spec.shape[0], spec.shape[0])
    return Spec(shape, float_result(spec.dtype))


@op(_corrcoef_rule)
def corrcoef(x: ArrayLike) -> Tensor:
    """Return the Pearson correlation coefficients of the rows of `x`.

    Each row is a variable and each column an observation, as in `numpy.corrcoef`.

    Args:
        x: A 1-D tensor (one variable) or a 2-D tensor `(variables, observations)`.

    Returns:
        A `(variables, variables)` float tensor (a scalar `1.0` for 1-D input), with values
        clipped to `[-1, 1]`. Integer input gives `floatx()`.

    Raises:
        ValueError: For input of rank other than 1 or 2.

    Example:

    >>> keras.ops.corrcoef(np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]], dtype="float32"))
    array([[ 1., -1.],
           [-1.,  1.]], dtype=float32)
    """
    spec = _corrcoef_rule(x)
    # Low-precision floats lose too much in the sums: compute in float32, return in their dtype.
    compute = "float32" if spec.dtype in ("float16", "bfloat16") else spec.dtype
    t = convert(x, compute if infer_dtype(x) != compute else None)
    if t.ndim == 1:
        return convert(1.0, spec.dtype)
    centered = subtract(t, mean(t, axis=1, keepdims=True))
    covariance = matmul(centered, swapaxes(centered, 0, 1))
    deviation = sqrt(diagonal(covariance))
    correlation = clip(divide(covariance, outer(deviation, deviation)), -1.0, 1.0)
    return convert(correlation, spec.dtype)


__all__ = ["corrcoef"]
