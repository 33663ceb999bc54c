"""Rectifier-like activations: `relu` and its variants, the exponential linear units, and
the smooth rectifiers (`gelu`, `silu`, `mish`, `softplus`, ...), plus `linear` and
`exponential`.

Each one is a thin composition of `keras.ops`, so it runs eagerly on every backend and on
`KerasTensor`s alike. Output dtypes are the ops' own: integer inputs give `floatx()`
except where an op keeps integers (`relu` without a slope, `linear`).
"""

from __future__ import annotations

from keras import ops
from keras.backend import standardize_dtype
from keras.ops._typing import ArrayLike, Tensor


def relu(
    x: ArrayLike, negative_slope: float = 0.0, max_value: float | None = None, threshold: float = 0.0
) -> Tensor:
    """Apply the rectified linear unit, with an optional slope, ceiling and threshold.

    With the defaults this is `max(x, 0)`. In general the result is `x` where
    `x > threshold` (clipped to `[0, max_value]` when `max_value` is given) and
    `negative_slope * (x - threshold)` elsewhere.

    Args:
        x: Input tensor.
        negative_slope: Slope below the threshold; `0` zeroes those values.
        max_value: Largest value returned for inputs above the threshold; `None` means
            no ceiling.
        threshold: Inputs at or below this value are damped (or zeroed).

    Returns:
        A tensor shaped like `x`. Integer inputs keep their dtype unless `negative_slope`
        is non-zero or `max_value` is 6 (then the result is `floatx()`).

    Example:

    >>> x = np.array([-10.0, -5.0, 0.0, 5.0, 10.0], dtype="float32")
    >>> keras.activations.relu(x)
    array([ 0.,  0.,  0.,  5., 10.], dtype=float32)
    >>> keras.activations.relu(x, negative_slope=0.5, max_value=5.0)
    array([-5. , -2.5,  0. ,  5. ,  5. ], dtype=float32)
    >>> keras.activations.relu(x, threshold=5.0)
    array([ 0.,  0.,  0.,  0., 10.], dtype=float32)
    """
    x = ops.convert_to_tensor(x)
    if max_value is None and threshold == 0:
        if negative_slope == 0:
            return ops.relu(x)
        return ops.leaky_relu(x, negative_slope=negative_slope)
    dtype = standardize_dtype(x.dtype)
    clip = max_value is not None
    if threshold != 0:
        positive = ops.where(ops.greater(x, threshold), x, 0)
    elif max_value == 6:
        positive, clip = ops.relu6(x), False
    else:
        positive = ops.relu(x)
    if clip:
        positive = ops.clip(positive, ops.cast(0, dtype), ops.cast(max_value, dtype))
    if negative_slope == 0:
        return positive
    below = ops.relu(ops.subtract(threshold, x)) if threshold != 0 else ops.relu(ops.negative(x))
    return ops.subtract(positive, ops.multiply(negative_slope, below))


def leaky_relu(x: ArrayLike, negative_slope: float = 0.2) -> Tensor:
    """Apply the leaky rectifier: `x` where `x >= 0`, else `negative_slope * x`.

    Args:
        x: Input tensor.
        negative_slope: Slope for negative inputs.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.leaky_relu(np.array([-2.0, 0.0, 3.0], dtype="float32"))
    array([-0.4,  0. ,  3. ], dtype=float32)
    """
    return ops.leaky_relu(x, negative_slope=negative_slope)


def relu6(x: ArrayLike) -> Tensor:
    """Apply the rectifier capped at 6: `min(max(x, 0), 6)`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.relu6(np.array([-1.0, 3.0, 9.0], dtype="float32"))
    array([0., 3., 6.], dtype=float32)
    """
    return ops.relu6(x)


def elu(x: ArrayLike, alpha: float = 1.0) -> Tensor:
    """Apply the exponential linear unit: `x` where `x > 0`, else `alpha * (exp(x) - 1)`.

    Negative inputs saturate smoothly at `-alpha`, which pushes mean activations toward
    zero ([Clevert et al., 2016](https://arxiv.org/abs/1511.07289)).

    Args:
        x: Input tensor.
        alpha: Value that large negative inputs approach (as `-alpha`).

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.elu(np.array([-1.0, 0.0, 2.0], dtype="float32"))
    array([-0.63212055,  0.        ,  2.        ], dtype=float32)
    """
    return ops.elu(x, alpha=alpha)


def selu(x: ArrayLike) -> Tensor:
    """Apply the scaled exponential linear unit: `scale * elu(x, alpha)`.

    The constants `alpha ~= 1.6733` and `scale ~= 1.0507` keep the mean and variance of
    activations fixed from layer to layer when weights use `LecunNormal` initialization
    ([Klambauer et al., 2017](https://arxiv.org/abs/1706.02515)).

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.selu(np.array([-1.0, 0.0, 1.0], dtype="float32"))
    array([-1.1113307,  0.       ,  1.050701 ], dtype=float32)
    """
    return ops.selu(x)


def celu(x: ArrayLike, alpha: float = 1.0) -> Tensor:
    """Apply the continuously differentiable ELU: `max(x, 0) + min(0, alpha * (exp(x / alpha) - 1))`.

    See [Barron, 2017](https://arxiv.org/abs/1704.07483).

    Args:
        x: Input tensor.
        alpha: Scale of the negative part; must be non-zero.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.celu(np.array([-2.0, 0.0, 2.0], dtype="float32"), alpha=2.0)
    array([-1.2642411,  0.       ,  2.       ], dtype=float32)
    """
    return ops.celu(x, alpha=alpha)


def gelu(x: ArrayLike, approximate: bool = False) -> Tensor:
    """Apply the Gaussian error linear unit: `x * Phi(x)`, `Phi` the standard normal CDF.

    The exact form is `0.5 * x * (1 + erf(x / sqrt(2)))`; with `approximate=True` the
    tanh approximation is used ([Hendrycks et al., 2016](https://arxiv.org/abs/1606.08415)).

    Args:
        x: Input tensor.
        approximate: Whether to use the tanh approximation instead of `erf`.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> np.round(keras.activations.gelu(np.array([-1.0, 0.0, 1.0], dtype="float32")), 4)
    array([-0.1587,  0.    ,  0.8413], dtype=float32)
    """
    return ops.gelu(x, approximate=approximate)


def silu(x: ArrayLike) -> Tensor:
    """Apply the sigmoid linear unit (swish): `x * sigmoid(x)`.

    See [Ramachandran et al., 2017](https://arxiv.org/abs/1710.05941).
    `keras.activations.swish` is the same function.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> np.round(keras.activations.silu(np.array([-1.0, 0.0, 1.0], dtype="float32")), 4)
    array([-0.2689,  0.    ,  0.7311], dtype=float32)
    """
    return ops.silu(x)


def hard_silu(x: ArrayLike) -> Tensor:
    """Apply the hard SiLU (hard swish): `x * relu6(x + 3) / 6`.

    It is `0` below `-3`, `x` above `3`, and `x * (x + 3) / 6` in between
    ([Howard et al., 2019](https://arxiv.org/abs/1905.02244)).
    `keras.activations.hard_swish` is the same function.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.hard_silu(np.array([-4.0, 0.0, 1.0, 4.0], dtype="float32"))
    array([-0.       ,  0.       ,  0.6666667,  4.       ], dtype=float32)
    """
    return ops.hard_silu(x)


def mish(x: ArrayLike) -> Tensor:
    """Apply the Mish activation: `x * tanh(softplus(x))`.

    See [Misra, 2019](https://arxiv.org/abs/1908.08681).

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> np.round(keras.activations.mish(np.array([-1.0, 0.0, 1.0], dtype="float32")), 4)
    array([-0.3034,  0.    ,  0.8651], dtype=float32)
    """
    return ops.multiply(x, ops.tanh(ops.softplus(x)))


def softplus(x: ArrayLike) -> Tensor:
    """Apply the softplus function: `log(exp(x) + 1)`, computed without overflow.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> np.round(keras.activations.softplus(np.array([-1.0, 0.0, 1.0], dtype="float32")), 4)
    array([0.3133, 0.6931, 1.3133], dtype=float32)
    """
    return ops.softplus(x)


def squareplus(x: ArrayLike, b: float = 4) -> Tensor:
    """Apply squareplus: `(x + sqrt(x**2 + b)) / 2`, an algebraic smooth rectifier.

    See [Barron, 2021](https://arxiv.org/abs/2112.11687).

    Args:
        x: Input tensor.
        b: Non-negative smoothness; `b=0` gives `relu`.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.squareplus(np.array([-2.0, 0.0, 2.0], dtype="float32"))
    array([0.41421354, 1.        , 2.4142137 ], dtype=float32)
    """
    return ops.squareplus(x, b=b)


def sparse_plus(x: ArrayLike) -> Tensor:
    """Apply SparsePlus: `0` for `x <= -1`, `x` for `x >= 1`, `(x + 1)**2 / 4` in between.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.activations.sparse_plus(np.array([-2.0, 0.0, 0.5, 2.0], dtype="float32"))
    array([0.    , 0.25  , 0.5625, 2.    ], dtype=float32)
    """
    return ops.sparse_plus(x)


def exponential(x: ArrayLike) -> Tensor:
    """Apply the exponential function, `exp(x)`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> np.round(keras.activations.exponential(np.array([0.0, 1.0], dtype="float32")), 4)
    array([1.    , 2.7183], dtype=float32)
    """
    return ops.exp(x)


def linear(x: ArrayLike) -> ArrayLike:
    """Return `x` unchanged: the identity activation, and what `get(None)` gives.

    Args:
        x: Input tensor (or any value).

    Returns:
        `x` itself.

    Example:

    >>> keras.activations.linear(np.array([-1, 2], dtype="int32"))
    array([-1,  2], dtype=int32)
    """
    return x
