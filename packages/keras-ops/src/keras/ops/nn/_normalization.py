"""Normalization and statistics ops: `moments`, batch, layer, RMS and Lp normalization.

Half-precision inputs are computed in float32 and the result cast back, as Keras 3 does:
`moments` returns the input's float dtype, and `layer_normalization` and
`rms_normalization` return the input's own dtype (even an integer one).
"""

from __future__ import annotations

import warnings
from typing import Any

from keras.backend._active import K
from keras.backend._config import epsilon as default_epsilon
from keras.backend._dtypes import float_result, result_type
from keras.ops._convert import convert, infer_dtype
from keras.ops._op import op
from keras.ops._rules import canonical_axes, canonical_axis, reduced_shape
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Axis, Tensor

__all__ = ["batch_normalization", "layer_normalization", "moments", "normalize", "rms_normalization"]

_HALF = ("float16", "bfloat16")
_FLOAT16_MAX = 65504.0


def _axes(ndim: int, axis: Axis, name: str) -> tuple[int, ...]:
    axes = canonical_axes(axis, ndim, name)
    return tuple(range(ndim)) if axes is None else axes


# --- moments ---------------------------------------------------------------------------------


def _moments_rule(x: Any, axes: Any, keepdims: bool = False) -> tuple[Spec, Spec]:
    spec = as_spec(x)
    out = Spec(reduced_shape(spec.shape, axes, keepdims, "moments"), float_result(spec.dtype))
    return out, out


@op(_moments_rule)
def moments(
    x: ArrayLike, axes: Axis, keepdims: bool = False, synchronized: bool = False
) -> tuple[Tensor, Tensor]:
    """Return the mean and variance of `x` over `axes`.

    Args:
        x: Input tensor.
        axes: An axis or a sequence of axes to reduce; `None` reduces all.
        keepdims: Whether to keep the reduced axes with size 1.
        synchronized: Whether to aggregate the statistics across replicas in a
            distributed run. This suite runs on one replica, where the
            synchronized statistics are the local ones.

    Returns:
        A tuple `(mean, variance)` (the biased variance). Integer and bool inputs
        give `floatx()`; float16 and bfloat16 are computed in float32 and cast back
        (float16 results clipped to its finite range).

    Raises:
        ValueError: If an axis is out of bounds or repeated.

    Example:

    >>> keras.ops.moments(np.array([0.0, 1.0, 2.0, 3.0, 100.0], dtype="float32"), axes=[0])
    (array(21.2, dtype=float32), array(1553.3601, dtype=float32))
    """
    dtype = float_result(infer_dtype(x))
    t = convert(x, "float32" if dtype in _HALF else dtype)
    mean, variance = K.nn.moments(t, _axes(t.ndim, axes, "moments"), bool(keepdims))
    if dtype in _HALF:
        mean, variance = _to_half(mean, dtype), _to_half(variance, dtype)
    return mean, variance


def _to_half(t: Tensor, dtype: str) -> Tensor:
    if dtype == "float16":
        t = K.elementwise.clip(t, convert(-_FLOAT16_MAX, "float32"), convert(_FLOAT16_MAX, "float32"))
    return K.core.cast(t, dtype)


# --- batch normalization ------------------------------------------------------------------


def _batch_norm_dtype(*xs: Any) -> str:
    return float_result(result_type(*(infer_dtype(v) for v in xs if v is not None)))


def _check_vectors(x_shape: tuple[int | None, ...], axis: int, **vectors: Any) -> int:
    a = canonical_axis(axis, len(x_shape), "batch_normalization")
    for name, value in vectors.items():
        if value is None:
            continue
        shape = as_spec(value).shape
        if len(shape) != 1 or (None not in (shape[0], x_shape[a]) and shape[0] != x_shape[a]):
            raise ValueError(
                f"batch_normalization: `{name}` must be a vector of length x.shape[axis] = {x_shape[a]}. "
                f"Received: {name}.shape={shape}"
            )
    return a


def _batch_norm_rule(
    x: Any, mean: Any, variance: Any, axis: int, offset: Any = None, scale: Any = None
) -> Spec:
    spec = as_spec(x)
    _check_vectors(spec.shape, axis, mean=mean, variance=variance, offset=offset, scale=scale)
    return Spec(spec.shape, _batch_norm_dtype(x, mean, variance, offset, scale))


@op(_batch_norm_rule)
def batch_normalization(
    x: ArrayLike,
    mean: ArrayLike,
    variance: ArrayLike,
    axis: int,
    offset: ArrayLike | None = None,
    scale: ArrayLike | None = None,
    epsilon: float = 0.001,
) -> Tensor:
    """Normalize `x` with given statistics: `(x - mean) / sqrt(variance + epsilon) * scale + offset`.

    Args:
        x: Input tensor.
        mean: The mean, a vector of length `x.shape[axis]`.
        variance: The variance, a vector of length `x.shape[axis]`.
        axis: The axis of `x` the vectors run along.
        offset: Optional vector added after normalizing.
        scale: Optional vector multiplied after normalizing.
        epsilon: Small float added to the variance.

    Returns:
        A float tensor shaped like `x`, of the promoted dtype of all the tensor
        arguments (integers give `floatx()`).

    Raises:
        ValueError: If `axis` is out of bounds or a vector has the wrong shape.

    Example:

    >>> x = np.array([[1.0, 10.0], [3.0, 30.0]], dtype="float32")
    >>> keras.ops.batch_normalization(x, np.array([2.0, 20.0]), np.array([1.0, 100.0]), axis=1, epsilon=0.0)
    array([[-1., -1.],
           [ 1.,  1.]], dtype=float32)
    """
    dtype = _batch_norm_dtype(x, mean, variance, offset, scale)
    t = convert(x, dtype)
    a = _check_vectors(tuple(t.shape), axis, mean=mean, variance=variance, offset=offset, scale=scale)
    return K.nn.batch_normalization(
        t,
        convert(mean, dtype),
        convert(variance, dtype),
        a,
        None if offset is None else convert(offset, dtype),
        None if scale is None else convert(scale, dtype),
        float(epsilon),
    )


# --- Lp normalization ---------------------------------------------------------------------


def _check_order(order: Any) -> int:
    if isinstance(order, bool) or not isinstance(order, int) or order < 1:
        raise ValueError(f"normalize: `order` must be an int >= 1. Received: order={order!r}")
    return order


def _normalize_rule(x: Any, axis: Any = -1, order: Any = 2) -> Spec:
    spec = as_spec(x)
    _check_order(order)
    shape = spec.shape or (1,)
    canonical_axes(axis, len(shape), "normalize")
    return Spec(shape, float_result(spec.dtype))


@op(_normalize_rule)
def normalize(x: ArrayLike, axis: Axis = -1, order: int = 2, epsilon: float | None = None) -> Tensor:
    """Divide `x` by its Lp norm over `axis`: `x / max(norm(x, order), epsilon)`.

    Args:
        x: Input tensor; a scalar is treated as a vector of length 1.
        axis: An axis or a sequence of axes the norm is taken over.
        order: The exponent `p` of the norm, an int >= 1.
        epsilon: Lower bound of the norm; `None` means `keras.backend.epsilon()`.

    Returns:
        A float tensor shaped like `x`; integers give `floatx()`.

    Raises:
        ValueError: If `order` is not an int >= 1, or an axis is out of bounds.

    Example:

    >>> keras.ops.normalize(np.array([[3.0, 4.0]], dtype="float32"))
    array([[0.6, 0.8]], dtype=float32)
    """
    p = _check_order(order)
    t = convert(x, float_result(infer_dtype(x)))
    eps = default_epsilon() if epsilon is None else float(epsilon)
    return K.nn.normalize(t, _axes(max(t.ndim, 1), axis, "normalize"), p, eps)


# --- layer and RMS normalization -----------------------------------------------------------


def _compute_dtype(x: Any) -> str:
    """Keras computes these in at least float32 and casts the result back to `x`'s dtype."""
    return result_type(infer_dtype(x), "float32")


def _same_rule(x: Any, **kwargs: Any) -> Spec:
    spec = as_spec(x)
    canonical_axes(kwargs.get("axis", -1), spec.ndim, "normalization")
    return Spec(spec.shape, result_type(spec.dtype))


@op(_same_rule)
def layer_normalization(
    x: ArrayLike,
    gamma: ArrayLike | None = None,
    beta: ArrayLike | None = None,
    axis: Axis = -1,
    epsilon: float | None = None,
    **kwargs: Any,
) -> Tensor:
    """Normalize `x` to zero mean and unit variance over `axis`, then scale and shift.

    Computes `(x - mean) / sqrt(variance + epsilon) * gamma + beta` with the
    statistics taken over `axis` (Ba et al., 2016).

    Args:
        x: Input tensor.
        gamma: Optional scale, shaped like the normalized axes (or of `x`'s rank
            and broadcastable against it).
        beta: Optional offset, shaped like `gamma`.
        axis: An axis or a sequence of axes to normalize over.
        epsilon: Small float added to the variance; `None` means
            `keras.backend.epsilon()`.
        **kwargs: Only the deprecated `rms_scaling=True` (divide by the standard
            deviation without centring, and ignore `beta`), which warns.

    Returns:
        A tensor shaped like `x`, of `x`'s dtype (half precision is computed in
        float32).

    Raises:
        TypeError: If another keyword argument is given.
        ValueError: If an axis is out of bounds or `gamma`/`beta` have the wrong shape.

    Example:

    >>> keras.ops.layer_normalization(np.array([1.0, 2.0, 3.0], dtype="float32"), epsilon=0.0)
    array([-1.2247448,  0.       ,  1.2247448], dtype=float32)
    """
    rms_scaling = bool(kwargs.pop("rms_scaling", False))
    if kwargs:
        raise TypeError(f"layer_normalization() got unexpected keyword arguments: {sorted(kwargs)}")
    original = result_type(infer_dtype(x))
    dtype = _compute_dtype(x)
    t = convert(x, dtype)
    axes = _axes(t.ndim, axis, "layer_normalization")
    g = None if gamma is None else convert(gamma, dtype)
    eps = default_epsilon() if epsilon is None else float(epsilon)
    if rms_scaling:
        warnings.warn(
            "layer_normalization: `rms_scaling=True` is deprecated: it divides by the standard deviation, "
            "not the root mean square. Use `keras.ops.rms_normalization` instead.",
            stacklevel=2,
        )
        out = K.nn.layer_normalization_rms_scaling(t, g, axes, eps)
    else:
        out = K.nn.layer_normalization(t, g, None if beta is None else convert(beta, dtype), axes, eps)
    return K.core.cast(out, original)


@op(_same_rule)
def rms_normalization(
    x: ArrayLike, scale: ArrayLike | None = None, axis: Axis = -1, epsilon: float | None = None
) -> Tensor:
    """Divide `x` by its root mean square over `axis`, then multiply by `scale`.

    Computes `x / sqrt(mean(x**2) + epsilon) * scale` (Zhang and Sennrich, 2019).

    Args:
        x: Input tensor.
        scale: Optional scale, broadcastable against `x`.
        axis: An axis or a sequence of axes the mean is taken over.
        epsilon: Small float added to the mean square; `None` means
            `keras.backend.epsilon()`.

    Returns:
        A tensor shaped like `x`, of `x`'s dtype (half precision is computed in
        float32).

    Raises:
        ValueError: If an axis is out of bounds.

    Example:

    >>> keras.ops.rms_normalization(np.array([3.0, 4.0], dtype="float32"), epsilon=0.0)
    array([0.84852815, 1.1313709 ], dtype=float32)
    """
    original = result_type(infer_dtype(x))
    dtype = _compute_dtype(x)
    t = convert(x, dtype)
    axes = _axes(t.ndim, axis, "rms_normalization")
    eps = default_epsilon() if epsilon is None else float(epsilon)
    out = K.nn.rms_normalization(t, None if scale is None else convert(scale, dtype), axes, eps)
    return K.core.cast(out, original)
