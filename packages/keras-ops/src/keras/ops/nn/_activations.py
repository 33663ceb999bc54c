"""Activation ops: element-wise non-linearities, `glu`, `sparsemax` and the softmax family.

The output dtype follows Keras 3 on its JAX backend: every activation computes in float
(integers and bool give `floatx()`, float64 narrows to float32), except `relu` and
`hard_tanh`, which keep integer dtypes, and the ops with a scalar argument
(`leaky_relu`, `threshold`), which promote it like a weak Python scalar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras.backend._active import K
from keras.backend._dtypes import result_type
from keras.ops._convert import convert, dtype_for_promotion, float_dtype, infer_dtype
from keras.ops._op import op
from keras.ops._rules import canonical_axes, canonical_axis
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Axis, Tensor

__all__ = [
    "celu",
    "elu",
    "gelu",
    "glu",
    "hard_shrink",
    "hard_sigmoid",
    "hard_silu",
    "hard_swish",
    "hard_tanh",
    "leaky_relu",
    "log_sigmoid",
    "log_softmax",
    "relu",
    "relu6",
    "selu",
    "sigmoid",
    "silu",
    "soft_shrink",
    "softmax",
    "softplus",
    "softsign",
    "sparse_plus",
    "sparse_sigmoid",
    "sparsemax",
    "squareplus",
    "swish",
    "tanh_shrink",
    "threshold",
]

# --- dtype functions and rules ------------------------------------------------------------


def _integer_keeping_dtype(x: Any) -> str:
    """`relu`, `hard_tanh`: integers keep their (narrowed) dtype; bool computes as int32."""
    dtype = result_type(infer_dtype(x))
    return "int32" if dtype == "bool" else dtype


def _promoted_dtype(*xs: Any) -> str:
    """The promoted dtype of a tensor and its scalar arguments; bool computes as int32."""
    dtype = result_type(*(dtype_for_promotion(x) for x in xs))
    return "int32" if dtype == "bool" else dtype


def _float_rule(x: Any) -> Spec:
    return Spec(as_spec(x).shape, float_dtype(x))


def _integer_keeping_rule(x: Any) -> Spec:
    return Spec(as_spec(x).shape, _integer_keeping_dtype(x))


def _float(x: ArrayLike) -> Tensor:
    return convert(x, float_dtype(x))


def _scalar_float_rule(name: str) -> Callable[..., Spec]:
    """Rule of a float op with one scalar argument (`elu`'s `alpha`, `soft_shrink`'s `threshold`)."""

    def rule(x: Any, **kwargs: Any) -> Spec:
        return _float_rule(x)

    rule.__name__ = f"{name}_rule"
    return rule


# --- simple activations ---------------------------------------------------------------------


@op(_integer_keeping_rule, fast="nn.relu")
def relu(x: ArrayLike) -> Tensor:
    """Apply the rectified linear unit, `max(x, 0)`, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A tensor shaped like `x`. Integer dtypes are kept (int64 narrows to int32,
        bool gives int32); floats keep their dtype.

    Example:

    >>> keras.ops.relu(np.array([-1.0, 0.0, 2.5], dtype="float32"))
    array([0. , 0. , 2.5], dtype=float32)
    """
    return K.nn.relu(convert(x, _integer_keeping_dtype(x)))


@op(_float_rule)
def relu6(x: ArrayLike) -> Tensor:
    """Apply `min(max(x, 0), 6)` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`; integer inputs give `floatx()`.

    Example:

    >>> keras.ops.relu6(np.array([-1, 3, 9], dtype="int32"))
    array([0., 3., 6.], dtype=float32)
    """
    return K.nn.relu6(_float(x))


@op(_float_rule, fast="nn.sigmoid")
def sigmoid(x: ArrayLike) -> Tensor:
    """Apply the logistic sigmoid, `1 / (1 + exp(-x))`, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`, with values in `[0, 1]`.

    Example:

    >>> keras.ops.sigmoid(np.array([-2.0, 0.0, 2.0], dtype="float32"))
    array([0.11920292, 0.5       , 0.880797  ], dtype=float32)
    """
    return K.nn.sigmoid(_float(x))


@op(_float_rule)
def sparse_sigmoid(x: ArrayLike) -> Tensor:
    """Apply the sparse sigmoid: 0 below -1, 1 above 1, `(x + 1) / 2` between.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`, with values in `[0, 1]`.

    Example:

    >>> keras.ops.sparse_sigmoid(np.array([-2.0, 0.0, 0.5, 3.0], dtype="float32"))
    array([0.  , 0.5 , 0.75, 1.  ], dtype=float32)
    """
    return K.nn.sparse_sigmoid(_float(x))


@op(_float_rule, fast="nn.softplus")
def softplus(x: ArrayLike) -> Tensor:
    """Apply `log(1 + exp(x))` element-wise, without overflow for large `x`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.softplus(np.array([-1.0, 0.0, 100.0], dtype="float32"))
    array([  0.31326163,   0.6931472 , 100.        ], dtype=float32)
    """
    return K.nn.softplus(_float(x))


@op(_float_rule)
def softsign(x: ArrayLike) -> Tensor:
    """Apply `x / (1 + |x|)` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`, with values in `(-1, 1)`.

    Example:

    >>> keras.ops.softsign(np.array([-3.0, 0.0, 1.0], dtype="float32"))
    array([-0.75,  0.  ,  0.5 ], dtype=float32)
    """
    return K.nn.softsign(_float(x))


@op(_scalar_float_rule("soft_shrink"))
def soft_shrink(x: ArrayLike, threshold: float = 0.5) -> Tensor:
    """Shrink `x` towards zero by `threshold`; values within `threshold` of zero become 0.

    Args:
        x: Input tensor.
        threshold: The non-negative amount to shrink by.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.soft_shrink(np.array([-1.0, 0.2, 2.0], dtype="float32"), 0.5)
    array([-0.5,  0. ,  1.5], dtype=float32)
    """
    t = _float(x)
    return K.nn.soft_shrink(t, convert(threshold, K.core.dtype_of(t)))


@op(_float_rule)
def sparse_plus(x: ArrayLike) -> Tensor:
    """Apply the sparse plus: 0 below -1, `x` above 1, `(x + 1)**2 / 4` between.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.sparse_plus(np.array([-2.0, 0.0, 3.0], dtype="float32"))
    array([0.  , 0.25, 3.  ], dtype=float32)
    """
    return K.nn.sparse_plus(_float(x))


@op(_float_rule, fast="nn.silu")
def silu(x: ArrayLike) -> Tensor:
    """Apply the sigmoid linear unit, `x * sigmoid(x)` (also called swish), element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.silu(np.array([-1.0, 0.0, 1.0], dtype="float32"))
    array([-0.2689414,  0.       ,  0.7310586], dtype=float32)
    """
    return K.nn.silu(_float(x))


@op(_float_rule, fast="nn.silu")
def swish(x: ArrayLike) -> Tensor:
    """Apply swish, `x * sigmoid(x)`: the same function as `silu`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.swish(np.array([-1.0, 0.0, 1.0], dtype="float32"))
    array([-0.2689414,  0.       ,  0.7310586], dtype=float32)
    """
    return K.nn.silu(_float(x))


@op(_float_rule)
def log_sigmoid(x: ArrayLike) -> Tensor:
    """Apply `log(sigmoid(x))` element-wise, accurate for large `|x|`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`, with values at most 0.

    Example:

    >>> keras.ops.log_sigmoid(np.array([-100.0, 0.0], dtype="float32"))
    array([-100.       ,   -0.6931472], dtype=float32)
    """
    return K.nn.log_sigmoid(_float(x))


def _leaky_relu_rule(x: Any, negative_slope: Any = 0.2) -> Spec:
    return Spec(as_spec(x).shape, _promoted_dtype(x, negative_slope))


@op(_leaky_relu_rule)
def leaky_relu(x: ArrayLike, negative_slope: float = 0.2) -> Tensor:
    """Apply `x` where `x >= 0`, else `negative_slope * x`, element-wise.

    Args:
        x: Input tensor.
        negative_slope: The slope for negative inputs, a Python number.

    Returns:
        A tensor shaped like `x`. The dtype promotes `x` with `negative_slope` as a
        weak scalar: an int8 `x` with the default float slope gives `floatx()`.

    Example:

    >>> keras.ops.leaky_relu(np.array([-2.0, 3.0], dtype="float32"), 0.1)
    array([-0.2,  3. ], dtype=float32)
    """
    dtype = _promoted_dtype(x, negative_slope)
    return K.nn.leaky_relu(convert(x, dtype), convert(negative_slope, dtype))


@op(_float_rule)
def hard_sigmoid(x: ArrayLike) -> Tensor:
    """Apply the piecewise-linear sigmoid, `relu6(x + 3) / 6`, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`, with values in `[0, 1]`.

    Example:

    >>> keras.ops.hard_sigmoid(np.array([-4.0, 0.0, 1.5], dtype="float32"))
    array([0.  , 0.5 , 0.75], dtype=float32)
    """
    return K.nn.hard_sigmoid(_float(x))


@op(_float_rule)
def hard_silu(x: ArrayLike) -> Tensor:
    """Apply `x * hard_sigmoid(x)` (also called hard swish) element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.hard_silu(np.array([-4.0, 0.0, 3.0], dtype="float32"))
    array([-0.,  0.,  3.], dtype=float32)
    """
    return K.nn.hard_silu(_float(x))


@op(_float_rule)
def hard_swish(x: ArrayLike) -> Tensor:
    """Apply `x * hard_sigmoid(x)`: the same function as `hard_silu`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.hard_swish(np.array([-4.0, 0.0, 3.0], dtype="float32"))
    array([-0.,  0.,  3.], dtype=float32)
    """
    return K.nn.hard_silu(_float(x))


@op(_integer_keeping_rule)
def hard_tanh(x: ArrayLike) -> Tensor:
    """Clip `x` to `[-1, 1]` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A tensor shaped like `x`. Integer dtypes are kept (int64 narrows to int32,
        bool gives int32); unsigned integers are only clipped above.

    Example:

    >>> keras.ops.hard_tanh(np.array([-3, 0, 5], dtype="int8"))
    array([-1,  0,  1], dtype=int8)
    """
    dtype = _integer_keeping_dtype(x)
    low = None if dtype.startswith("uint") else convert(-1, dtype)
    return K.elementwise.clip(convert(x, dtype), low, convert(1, dtype))


@op(_scalar_float_rule("hard_shrink"))
def hard_shrink(x: ArrayLike, threshold: float = 0.5) -> Tensor:
    """Keep `x` where `|x| > threshold`, else 0, element-wise.

    Args:
        x: Input tensor.
        threshold: The non-negative magnitude below which values become 0.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.hard_shrink(np.array([-1.0, 0.3, 0.8], dtype="float32"))
    array([-1. ,  0. ,  0.8], dtype=float32)
    """
    t = _float(x)
    return K.nn.hard_shrink(t, convert(threshold, K.core.dtype_of(t)))


@op(_float_rule)
def tanh_shrink(x: ArrayLike) -> Tensor:
    """Apply `x - tanh(x)` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.tanh_shrink(np.array([-1.0, 0.0, 1.0], dtype="float32"))
    array([-0.23840582,  0.        ,  0.23840582], dtype=float32)
    """
    return K.nn.tanh_shrink(_float(x))


def _threshold_rule(x: Any, threshold: Any, default_value: Any) -> Spec:
    return Spec(as_spec(x).shape, _promoted_dtype(x, threshold, default_value))


@op(_threshold_rule)
def threshold(x: ArrayLike, threshold: float, default_value: float) -> Tensor:
    """Keep `x` where `x > threshold`, else put `default_value`, element-wise.

    Args:
        x: Input tensor.
        threshold: The value `x` must exceed to be kept.
        default_value: The value put where `x <= threshold`.

    Returns:
        A tensor shaped like `x`, of the dtype `x`, `threshold` and `default_value`
        promote to (Python scalars are weak: an int8 `x` with int scalars stays int8).

    Example:

    >>> keras.ops.threshold(np.array([1.0, 2.5, 4.0], dtype="float32"), 2.0, -1.0)
    array([-1. ,  2.5,  4. ], dtype=float32)
    """
    dtype = _promoted_dtype(x, threshold, default_value)
    return K.nn.threshold(convert(x, dtype), convert(threshold, dtype), convert(default_value, dtype))


def _check_alpha(name: str, alpha: Any) -> float:
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float)):
        raise TypeError(f"{name}: `alpha` must be a Python number. Received: alpha={alpha!r}")
    return float(alpha)


@op(_scalar_float_rule("elu"))
def elu(x: ArrayLike, alpha: float = 1.0) -> Tensor:
    """Apply the exponential linear unit: `x` where `x > 0`, else `alpha * (exp(x) - 1)`.

    Args:
        x: Input tensor.
        alpha: The scale of the negative part, a Python number.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.elu(np.array([-1.0, 0.0, 2.0], dtype="float32"))
    array([-0.63212055,  0.        ,  2.        ], dtype=float32)
    """
    return K.nn.elu(_float(x), _check_alpha("elu", alpha))


@op(_float_rule)
def selu(x: ArrayLike) -> Tensor:
    """Apply the scaled exponential linear unit, `scale * elu(x, alpha)`, element-wise.

    `alpha` is about 1.67326 and `scale` about 1.05070 (Klambauer et al., 2017).

    Args:
        x: Input tensor.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.selu(np.array([-1.0, 0.0, 1.0], dtype="float32"))
    array([-1.1113307,  0.       ,  1.050701 ], dtype=float32)
    """
    return K.nn.selu(_float(x))


@op(_scalar_float_rule("celu"))
def celu(x: ArrayLike, alpha: float = 1.0) -> Tensor:
    """Apply the continuously differentiable ELU, `max(x, 0) + alpha * expm1(min(x, 0) / alpha)`.

    Args:
        x: Input tensor.
        alpha: The scale of the negative part, a non-zero Python number.

    Returns:
        A float tensor shaped like `x`.

    Raises:
        ValueError: If `alpha` is 0.

    Example:

    >>> keras.ops.celu(np.array([-1.0, 0.0, 2.0], dtype="float32"), alpha=2.0)
    array([-0.78693867,  0.        ,  2.        ], dtype=float32)
    """
    a = _check_alpha("celu", alpha)
    if a == 0:
        raise ValueError(f"celu: `alpha` must be non-zero. Received: alpha={alpha!r}")
    return K.nn.celu(_float(x), a)


def _gelu_rule(x: Any, approximate: bool = True) -> Spec:
    return _float_rule(x)


@op(_gelu_rule)
def gelu(x: ArrayLike, approximate: bool = True) -> Tensor:
    """Apply the Gaussian error linear unit, `x * Phi(x)`, element-wise.

    Args:
        x: Input tensor.
        approximate: Whether to use the tanh approximation
            `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x**3)))`
            rather than the exact `0.5 * x * (1 + erf(x / sqrt(2)))`.

    Returns:
        A float tensor shaped like `x`.

    Example:

    >>> keras.ops.gelu(np.array([-1.0, 0.0, 1.0], dtype="float32"), approximate=False)
    array([-0.15865526,  0.        ,  0.8413447 ], dtype=float32)
    """
    return K.nn.gelu(_float(x), bool(approximate))


def _glu_axis(shape: tuple[int | None, ...], axis: int) -> int:
    a = canonical_axis(axis, len(shape), "glu")
    size = shape[a]
    if size is not None and size % 2:
        raise ValueError(
            f"glu: the size of axis {axis} must be even, to split it in two halves. Received: x.shape={shape}"
        )
    return a


def _glu_rule(x: Any, axis: int = -1) -> Spec:
    spec = as_spec(x)
    a = _glu_axis(spec.shape, axis)
    size = spec.shape[a]
    half = None if size is None else size // 2
    return Spec((*spec.shape[:a], half, *spec.shape[a + 1 :]), float_dtype(x))


@op(_glu_rule)
def glu(x: ArrayLike, axis: int = -1) -> Tensor:
    """Apply the gated linear unit: split `x` in two halves `a, b` along `axis`, return `a * sigmoid(b)`.

    Args:
        x: Input tensor.
        axis: The axis to split; its size must be even.

    Returns:
        A float tensor shaped like `x` with `axis` halved.

    Raises:
        ValueError: If `axis` is out of bounds or its size is odd.

    Example:

    >>> keras.ops.glu(np.array([1.0, 2.0, 0.0, 100.0], dtype="float32"))
    array([0.5, 2. ], dtype=float32)
    """
    t = _float(x)
    return K.nn.glu(t, _glu_axis(tuple(t.shape), axis))


def _is_negative_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and value < 0


def _squareplus_rule(x: Any, b: Any = 4) -> Spec:
    return _float_rule(x)


@op(_squareplus_rule)
def squareplus(x: ArrayLike, b: float = 4) -> Tensor:
    """Apply `(x + sqrt(x**2 + b)) / 2`, a smooth approximation of `relu`, element-wise.

    Args:
        x: Input tensor.
        b: The non-negative smoothness; `b=0` gives `relu`.

    Returns:
        A float tensor shaped like `x`.

    Raises:
        ValueError: If `b` is a negative Python number.

    Example:

    >>> keras.ops.squareplus(np.array([-1.0, 0.0, 1.0], dtype="float32"))
    array([0.618034, 1.      , 1.618034], dtype=float32)
    """
    if _is_negative_number(b):
        raise ValueError(f"squareplus: `b` must be non-negative. Received: b={b!r}")
    t = _float(x)
    return K.nn.squareplus(t, convert(b, K.core.dtype_of(t)))


def _axis_rule(name: str) -> Callable[..., Spec]:
    def rule(x: Any, axis: Any = -1) -> Spec:
        spec = as_spec(x)
        canonical_axes(axis, spec.ndim, name)
        return Spec(spec.shape, float_dtype(x))

    return rule


@op(_axis_rule("sparsemax"))
def sparsemax(x: ArrayLike, axis: int = -1) -> Tensor:
    """Project `x` onto the probability simplex along `axis` (sparse softmax).

    The result sums to 1 along `axis` like `softmax`, but small logits get exactly 0
    (Martins and Astudillo, 2016).

    Args:
        x: Input tensor.
        axis: The axis to normalize along.

    Returns:
        A float tensor shaped like `x`.

    Raises:
        ValueError: If `axis` is out of bounds.

    Example:

    >>> keras.ops.sparsemax(np.array([0.0, 1.0, 3.0], dtype="float32"))
    array([0., 0., 1.], dtype=float32)
    """
    t = _float(x)
    return K.nn.sparsemax(t, canonical_axis(axis, t.ndim, "sparsemax"))


def _softmax_axes(t: Tensor, axis: Axis, name: str) -> tuple[int, ...]:
    axes = canonical_axes(axis, t.ndim, name)
    return tuple(range(t.ndim)) if axes is None else axes


@op(_axis_rule("softmax"))
def softmax(x: ArrayLike, axis: Axis = -1) -> Tensor:
    """Apply `exp(x) / sum(exp(x))` along `axis`, without overflow.

    Args:
        x: Input tensor.
        axis: An axis or a tuple of axes normalized together; `None` normalizes
            over all axes.

    Returns:
        A float tensor shaped like `x`, summing to 1 over `axis`.

    Raises:
        ValueError: If an axis is out of bounds or repeated.

    Example:

    >>> keras.ops.softmax(np.array([1.0, 2.0, 3.0], dtype="float32"))
    array([0.09003057, 0.24472846, 0.66524094], dtype=float32)
    """
    t = _float(x)
    return K.nn.softmax(t, _softmax_axes(t, axis, "softmax"))


@op(_axis_rule("log_softmax"))
def log_softmax(x: ArrayLike, axis: Axis = -1) -> Tensor:
    """Apply `x - log(sum(exp(x)))` along `axis`, without overflow.

    Args:
        x: Input tensor.
        axis: An axis or a tuple of axes normalized together; `None` normalizes
            over all axes.

    Returns:
        A float tensor shaped like `x`.

    Raises:
        ValueError: If an axis is out of bounds or repeated.

    Example:

    >>> keras.ops.log_softmax(np.array([1.0, 2.0, 3.0], dtype="float32"))
    array([-2.4076061, -1.407606 , -0.407606 ], dtype=float32)
    """
    t = _float(x)
    return K.nn.log_softmax(t, _softmax_axes(t, axis, "log_softmax"))
