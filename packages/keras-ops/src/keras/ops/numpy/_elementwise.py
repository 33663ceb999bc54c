"""Element-wise ops: binary arithmetic, bitwise and rounding ops, broadcasting like numpy.

Each op's output dtype comes from one small *dtype function* of its arguments (tensors,
`Spec`s or Python scalars alike), which both the eager body and the symbolic rule call,
so the two paths cannot disagree and every dtype check is written once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras.backend._active import K
from keras.backend._dtypes import BOOL_TYPES, INT_TYPES, float_result, result_type
from keras.ops._convert import convert, dtype_for_promotion, infer_dtype, promote
from keras.ops._op import op
from keras.ops._rules import broadcast_shapes
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Tensor

DtypeFn = Callable[..., str]

# --- dtype functions: arguments in, output dtype out (or a clear error) ---------------------


def _promoted(*xs: Any) -> str:
    """Keras's result type of the arguments; Python scalars are weak."""
    return result_type(*(dtype_for_promotion(x) for x in xs))


def _promoted_float(*xs: Any) -> str:
    """The float dtype an always-float op computes in: ints and bool give `floatx()`."""
    return float_result(_promoted(*xs))


def _strong_float(*xs: Any) -> str:
    """Like `_promoted_float`, but a Python float counts as `floatx()`, not as weak.

    Keras 3 converts the scalar to a tensor before promoting in `arctan2` and
    `logaddexp(2)`, so `arctan2(float16_tensor, 1.0)` is float32.
    """
    return float_result(result_type(*(infer_dtype(x) for x in xs)))


def _bool_as_int(*xs: Any) -> str:
    """The promoted dtype, with bool computed as int32 (`floor_divide`, `power`, shifts...)."""
    dtype = _promoted(*xs)
    return "int32" if dtype == "bool" else dtype


def _no_bool(name: str, base: DtypeFn = _promoted) -> DtypeFn:
    def dtype_fn(*xs: Any) -> str:
        dtype = base(*xs)
        if dtype == "bool":
            raise TypeError(f"{name}: boolean tensors are not supported. Received: dtype=bool")
        return dtype

    return dtype_fn


def _integer(name: str, base: DtypeFn, allow_bool: bool, error: type[Exception] = TypeError) -> DtypeFn:
    def dtype_fn(*xs: Any) -> str:
        dtype = base(*xs)
        if dtype not in INT_TYPES and not (allow_bool and dtype in BOOL_TYPES):
            kinds = "integer or boolean" if allow_bool else "integer"
            raise error(f"{name}: expected {kinds} tensors. Received: dtype={dtype}")
        return dtype

    return dtype_fn


def _unary_float(x: Any) -> str:
    return float_result(infer_dtype(x))


def _unary_same(x: Any) -> str:
    return infer_dtype(x)


def _square_dtype(x: Any) -> str:
    dtype = infer_dtype(x)
    return "int32" if dtype == "bool" else dtype


# --- rules built from dtype functions -----------------------------------------------------


def _unary_rule(dtype_fn: DtypeFn) -> Callable[[Any], Spec]:
    def rule(x: Any) -> Spec:
        return Spec(as_spec(x).shape, dtype_fn(x))

    return rule


def _binary_rule(dtype_fn: DtypeFn) -> Callable[[Any, Any], Spec]:
    def rule(x1: Any, x2: Any) -> Spec:
        return Spec(broadcast_shapes(as_spec(x1).shape, as_spec(x2).shape), dtype_fn(x1, x2))

    return rule


def _bitwise_rule(dtype_fn: DtypeFn) -> Callable[[Any, Any], Spec]:
    def rule(x: Any, y: Any) -> Spec:
        return Spec(broadcast_shapes(as_spec(x).shape, as_spec(y).shape), dtype_fn(x, y))

    return rule


def call_broadcasting(name: str, kernel: Callable[..., Tensor], *tensors: Tensor) -> Tensor:
    """Call `kernel`; if it fails on shapes that do not broadcast, say so in one way for all backends."""
    try:
        return kernel(*tensors)
    except Exception:
        shape: tuple[int | None, ...] = ()
        try:
            for tensor in tensors:
                if tensor is not None:
                    shape = broadcast_shapes(shape, tuple(tensor.shape))
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
        raise


# --- arithmetic ---------------------------------------------------------------------------

_subtract_dtype = _no_bool("subtract")


@op(_binary_rule(_promoted), fast="elementwise.add")
def add(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Add two tensors element-wise, broadcasting their shapes.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the broadcast shape and the promoted dtype; a Python scalar
        does not widen the other operand's dtype.

    Example:

    >>> keras.ops.add(np.array([1, 2], dtype="int8"), 3)
    array([4, 5], dtype=int8)
    """
    a, b = promote(x1, x2)
    return call_broadcasting("add", K.elementwise.add, a, b)


@op(_binary_rule(_subtract_dtype), fast="elementwise.subtract")
def subtract(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Subtract `x2` from `x1` element-wise, broadcasting their shapes.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the broadcast shape and the promoted dtype.

    Raises:
        TypeError: If both inputs are boolean.

    Example:

    >>> keras.ops.subtract(np.array([3.0, 5.0], dtype="float32"), 1)
    array([2., 4.], dtype=float32)
    """
    a, b = promote(x1, x2, dtype=_subtract_dtype(x1, x2))
    return call_broadcasting("subtract", K.elementwise.subtract, a, b)


@op(_binary_rule(_promoted), fast="elementwise.multiply")
def multiply(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Multiply two tensors element-wise, broadcasting their shapes.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the broadcast shape and the promoted dtype.

    Example:

    >>> keras.ops.multiply(np.array([1.5, 2.0], dtype="float32"), 2)
    array([3., 4.], dtype=float32)
    """
    a, b = promote(x1, x2)
    return call_broadcasting("multiply", K.elementwise.multiply, a, b)


@op(_binary_rule(_promoted_float), fast="elementwise.divide")
def divide(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Divide `x1` by `x2` element-wise (true division), broadcasting their shapes.

    Args:
        x1: Dividend tensor.
        x2: Divisor tensor, broadcastable with `x1`.

    Returns:
        A float tensor; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.divide(np.array([1, 3], dtype="int8"), 2)
    array([0.5, 1.5], dtype=float32)
    """
    a, b = promote(x1, x2, dtype=_promoted_float(x1, x2))
    return call_broadcasting("divide", K.elementwise.divide, a, b)


true_divide = divide


@op(_binary_rule(_promoted_float))
def divide_no_nan(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Divide `x1` by `x2` element-wise, giving 0 wherever `x2` is 0.

    Args:
        x1: Dividend tensor.
        x2: Divisor tensor, broadcastable with `x1`.

    Returns:
        A float tensor; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.divide_no_nan(np.array([1.0, 2.0], dtype="float32"), np.array([0.0, 4.0], dtype="float32"))
    array([0. , 0.5], dtype=float32)
    """
    a, b = promote(x1, x2, dtype=_promoted_float(x1, x2))
    return call_broadcasting("divide_no_nan", K.elementwise.divide_no_nan, a, b)


@op(_binary_rule(_bool_as_int), fast="elementwise.floor_divide")
def floor_divide(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Divide `x1` by `x2` element-wise and round towards negative infinity.

    Args:
        x1: Dividend tensor.
        x2: Divisor tensor, broadcastable with `x1`.

    Returns:
        A tensor of the promoted dtype (boolean inputs give int32).

    Example:

    >>> keras.ops.floor_divide(np.array([7, -7], dtype="int32"), 2)
    array([ 3, -4], dtype=int32)
    """
    a, b = promote(x1, x2, dtype=_bool_as_int(x1, x2))
    return call_broadcasting("floor_divide", K.elementwise.floor_divide, a, b)


@op(_binary_rule(_bool_as_int), fast="elementwise.mod")
def mod(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the remainder of `x1 / x2` element-wise, with the sign of the divisor.

    Args:
        x1: Dividend tensor.
        x2: Divisor tensor, broadcastable with `x1`.

    Returns:
        A tensor of the promoted dtype (boolean inputs give int32).

    Example:

    >>> keras.ops.mod(np.array([7, -7], dtype="int32"), 3)
    array([1, 2], dtype=int32)
    """
    a, b = promote(x1, x2, dtype=_bool_as_int(x1, x2))
    return call_broadcasting("mod", K.elementwise.mod, a, b)


@op(_binary_rule(_bool_as_int))
def fmod(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the remainder of `x1 / x2` element-wise, with the sign of the dividend.

    Args:
        x1: Dividend tensor.
        x2: Divisor tensor, broadcastable with `x1`.

    Returns:
        A tensor of the promoted dtype (boolean inputs give int32).

    Example:

    >>> keras.ops.fmod(np.array([7, -7], dtype="int32"), 3)
    array([ 1, -1], dtype=int32)
    """
    a, b = promote(x1, x2, dtype=_bool_as_int(x1, x2))
    return call_broadcasting("fmod", K.elementwise.fmod, a, b)


@op(_binary_rule(_bool_as_int), fast="elementwise.power")
def power(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Raise `x1` to the power `x2` element-wise.

    Args:
        x1: Base tensor.
        x2: Exponent tensor, broadcastable with `x1`.

    Returns:
        A tensor of the promoted dtype (boolean inputs give int32).

    Example:

    >>> keras.ops.power(np.array([2, 3], dtype="int8"), 2)
    array([4, 9], dtype=int8)
    """
    a, b = promote(x1, x2, dtype=_bool_as_int(x1, x2))
    return call_broadcasting("power", K.elementwise.power, a, b)


@op(_binary_rule(_promoted), fast="elementwise.maximum")
def maximum(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the element-wise maximum of two tensors; NaN wins.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the broadcast shape and the promoted dtype.

    Example:

    >>> keras.ops.maximum(np.array([1.0, np.nan], dtype="float32"), 2.0)
    array([ 2., nan], dtype=float32)
    """
    a, b = promote(x1, x2)
    return call_broadcasting("maximum", K.elementwise.maximum, a, b)


@op(_binary_rule(_promoted), fast="elementwise.minimum")
def minimum(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the element-wise minimum of two tensors; NaN wins.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the broadcast shape and the promoted dtype.

    Example:

    >>> keras.ops.minimum(np.array([1, 5], dtype="int32"), 2)
    array([1, 2], dtype=int32)
    """
    a, b = promote(x1, x2)
    return call_broadcasting("minimum", K.elementwise.minimum, a, b)


@op(_binary_rule(_promoted))
def fmax(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the element-wise maximum of two tensors, ignoring NaNs.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the promoted dtype; NaN only where both inputs are NaN.

    Example:

    >>> keras.ops.fmax(np.array([1.0, np.nan], dtype="float32"), 0.0)
    array([1., 0.], dtype=float32)
    """
    a, b = promote(x1, x2)
    return call_broadcasting("fmax", K.elementwise.fmax, a, b)


@op(_binary_rule(_promoted))
def fmin(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the element-wise minimum of two tensors, ignoring NaNs.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A tensor of the promoted dtype; NaN only where both inputs are NaN.

    Example:

    >>> keras.ops.fmin(np.array([1.0, np.nan], dtype="float32"), 0.0)
    array([0., 0.], dtype=float32)
    """
    a, b = promote(x1, x2)
    return call_broadcasting("fmin", K.elementwise.fmin, a, b)


@op(_binary_rule(_promoted_float))
def heaviside(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the Heaviside step of `x1`: 0 below zero, 1 above, `x2` at zero.

    Args:
        x1: Input tensor.
        x2: The values at `x1 == 0`, broadcastable with `x1`.

    Returns:
        A float tensor; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.heaviside(np.array([-1.0, 0.0, 3.0], dtype="float32"), 0.5)
    array([0. , 0.5, 1. ], dtype=float32)
    """
    a, b = promote(x1, x2, dtype=_promoted_float(x1, x2))
    return call_broadcasting("heaviside", K.elementwise.heaviside, a, b)


@op(_binary_rule(_promoted_float))
def hypot(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `sqrt(x1**2 + x2**2)` element-wise, the hypotenuse of a right triangle.

    Args:
        x1: First leg.
        x2: Second leg, broadcastable with `x1`.

    Returns:
        A float tensor; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.hypot(np.array([3, 5], dtype="int32"), np.array([4, 12], dtype="int32"))
    array([ 5., 13.], dtype=float32)
    """
    a, b = promote(x1, x2, dtype=_promoted_float(x1, x2))
    return call_broadcasting("hypot", K.elementwise.hypot, a, b)


@op(_binary_rule(_strong_float))
def arctan2(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the angle of the point `(x2, x1)` element-wise, in radians in `[-pi, pi]`.

    Args:
        x1: The y-coordinates.
        x2: The x-coordinates, broadcastable with `x1`.

    Returns:
        A float tensor. A Python float counts as `floatx()` here, so it widens
        float16 and bfloat16 tensors.

    Example:

    >>> keras.ops.arctan2(np.array([1.0, -1.0], dtype="float32"), np.array([1.0, 0.0], dtype="float32"))
    array([ 0.7853981, -1.5707964], dtype=float32)
    """
    a, b = promote(x1, x2, dtype=_strong_float(x1, x2))
    return call_broadcasting("arctan2", K.elementwise.arctan2, a, b)


@op(_binary_rule(_strong_float))
def logaddexp(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `log(exp(x1) + exp(x2))` element-wise, without overflow.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A float tensor. A Python float counts as `floatx()` here.

    Example:

    >>> keras.ops.logaddexp(np.array([0.0, 100.0], dtype="float32"), 0.0)
    array([  0.6931472, 100.       ], dtype=float32)
    """
    a, b = promote(x1, x2, dtype=_strong_float(x1, x2))
    return call_broadcasting("logaddexp", K.elementwise.logaddexp, a, b)


@op(_binary_rule(_strong_float))
def logaddexp2(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `log2(2**x1 + 2**x2)` element-wise, without overflow.

    Args:
        x1: First input tensor.
        x2: Second input tensor, broadcastable with `x1`.

    Returns:
        A float tensor. A Python float counts as `floatx()` here.

    Example:

    >>> keras.ops.logaddexp2(np.array([1.0, 3.0], dtype="float32"), 1.0)
    array([2.      , 3.321928], dtype=float32)
    """
    a, b = promote(x1, x2, dtype=_strong_float(x1, x2))
    return call_broadcasting("logaddexp2", K.elementwise.logaddexp2, a, b)


def _ldexp_dtypes(x1: Any, x2: Any) -> tuple[str, str]:
    exponent = infer_dtype(x2)
    if exponent not in INT_TYPES:
        raise TypeError(f"ldexp: `x2` must be an integer tensor. Received: x2 with dtype={exponent}")
    return float_result(infer_dtype(x1)), exponent


def _ldexp_rule(x1: Any, x2: Any) -> Spec:
    return Spec(broadcast_shapes(as_spec(x1).shape, as_spec(x2).shape), _ldexp_dtypes(x1, x2)[0])


@op(_ldexp_rule)
def ldexp(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return `x1 * 2**x2` element-wise.

    Args:
        x1: The mantissas.
        x2: Integer exponents, broadcastable with `x1`.

    Returns:
        A float tensor of `x1`'s float dtype (integer `x1` gives `floatx()`).

    Raises:
        TypeError: If `x2` is not an integer tensor.

    Example:

    >>> keras.ops.ldexp(np.array([1.5, 2.0], dtype="float32"), np.array([2, -1], dtype="int32"))
    array([6., 1.], dtype=float32)
    """
    dtype, exponent = _ldexp_dtypes(x1, x2)
    return call_broadcasting("ldexp", K.elementwise.ldexp, convert(x1, dtype), convert(x2, exponent))


@op(_binary_rule(_promoted_float))
def nextafter(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the next representable float after `x1` in the direction of `x2`.

    Args:
        x1: Start values.
        x2: Direction values, broadcastable with `x1`.

    Returns:
        A float tensor; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.nextafter(np.array([1.0], dtype="float32"), 2.0)
    array([1.0000001], dtype=float32)
    """
    a, b = promote(x1, x2, dtype=_promoted_float(x1, x2))
    return call_broadcasting("nextafter", K.elementwise.nextafter, a, b)


_gcd_dtype = _integer("gcd", _promoted, allow_bool=False, error=ValueError)
_lcm_dtype = _integer("lcm", _promoted, allow_bool=False, error=ValueError)


@op(_binary_rule(_gcd_dtype))
def gcd(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the greatest common divisor of `|x1|` and `|x2|` element-wise.

    Args:
        x1: First integer tensor.
        x2: Second integer tensor, broadcastable with `x1`.

    Returns:
        An integer tensor of the promoted dtype.

    Raises:
        ValueError: If the promoted dtype is not an integer dtype.

    Example:

    >>> keras.ops.gcd(np.array([12, -18], dtype="int32"), 8)
    array([4, 2], dtype=int32)
    """
    a, b = promote(x1, x2, dtype=_gcd_dtype(x1, x2))
    return call_broadcasting("gcd", K.elementwise.gcd, a, b)


@op(_binary_rule(_lcm_dtype))
def lcm(x1: ArrayLike, x2: ArrayLike) -> Tensor:
    """Return the least common multiple of `|x1|` and `|x2|` element-wise.

    Args:
        x1: First integer tensor.
        x2: Second integer tensor, broadcastable with `x1`.

    Returns:
        An integer tensor of the promoted dtype (0 where either input is 0).

    Raises:
        ValueError: If the promoted dtype is not an integer dtype.

    Example:

    >>> keras.ops.lcm(np.array([4, -6], dtype="int32"), 6)
    array([12,  6], dtype=int32)
    """
    a, b = promote(x1, x2, dtype=_lcm_dtype(x1, x2))
    return call_broadcasting("lcm", K.elementwise.lcm, a, b)


def _clip_dtype(x: Any, x_min: Any, x_max: Any) -> str:
    dtype = _promoted(*(v for v in (x, x_min, x_max) if v is not None))
    return "int32" if dtype == "bool" else dtype


def _clip_rule(x: Any, x_min: Any, x_max: Any) -> Spec:
    shape = as_spec(x).shape
    for bound in (x_min, x_max):
        if bound is not None:
            shape = broadcast_shapes(shape, as_spec(bound).shape)
    return Spec(shape, _clip_dtype(x, x_min, x_max))


@op(_clip_rule)
def clip(x: ArrayLike, x_min: ArrayLike, x_max: ArrayLike) -> Tensor:
    """Limit the values of `x` to `[x_min, x_max]` element-wise.

    Args:
        x: Input tensor.
        x_min: Lower bound (broadcastable with `x`), or `None` for no lower bound.
        x_max: Upper bound (broadcastable with `x`), or `None` for no upper bound.
            Where `x_min > x_max` the result is `x_max`.

    Returns:
        A tensor of the broadcast shape and the promoted dtype of the three
        arguments; a boolean `x` is clipped as int32.

    Example:

    >>> keras.ops.clip(np.array([-3, 0, 7], dtype="int8"), 0, 5)
    array([0, 0, 5], dtype=int8)
    """
    dtype = _clip_dtype(x, x_min, x_max)
    t = convert(x, dtype)
    low = None if x_min is None else convert(x_min, dtype)
    high = None if x_max is None else convert(x_max, dtype)
    return call_broadcasting("clip", K.elementwise.clip, t, low, high)


# --- unary: sign, magnitude, rounding ----------------------------------------------------

_negative_dtype = _no_bool("negative", _unary_same)
_sign_dtype = _no_bool("sign", _unary_same)


@op(_unary_rule(_negative_dtype), fast="elementwise.negative")
def negative(x: ArrayLike) -> Tensor:
    """Return `-x` element-wise (unsigned integers wrap around).

    Args:
        x: Input tensor.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        TypeError: If `x` is boolean.

    Example:

    >>> keras.ops.negative(np.array([1, -2], dtype="int8"))
    array([-1,  2], dtype=int8)
    """
    return K.elementwise.negative(convert(x, _negative_dtype(x)))


@op(_unary_rule(_sign_dtype), fast="elementwise.sign")
def sign(x: ArrayLike) -> Tensor:
    """Return -1, 0 or 1 element-wise by the sign of `x` (NaN stays NaN).

    Args:
        x: Input tensor.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        TypeError: If `x` is boolean.

    Example:

    >>> keras.ops.sign(np.array([-3.0, 0.0, 2.0], dtype="float32"))
    array([-1.,  0.,  1.], dtype=float32)
    """
    return K.elementwise.sign(convert(x, _sign_dtype(x)))


@op(_unary_rule(_unary_same), fast="elementwise.absolute")
def absolute(x: ArrayLike) -> Tensor:
    """Return the absolute value of `x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A tensor of `x`'s shape and dtype.

    Example:

    >>> keras.ops.absolute(np.array([-1.5, 2.0], dtype="float32"))
    array([1.5, 2. ], dtype=float32)
    """
    return K.elementwise.absolute(convert(x))


abs = absolute


@op(_unary_rule(_unary_float))
def fabs(x: ArrayLike) -> Tensor:
    """Return the absolute value of `x` element-wise, as floats.

    Args:
        x: Input tensor.

    Returns:
        A float tensor; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.fabs(np.array([-3, 2], dtype="int8"))
    array([3., 2.], dtype=float32)
    """
    return K.elementwise.absolute(convert(x, _unary_float(x)))


@op(_unary_rule(_square_dtype), fast="elementwise.square")
def square(x: ArrayLike) -> Tensor:
    """Return `x * x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A tensor of `x`'s dtype; a boolean input gives int32.

    Example:

    >>> keras.ops.square(np.array([-3, 2], dtype="int8"))
    array([9, 4], dtype=int8)
    """
    return K.elementwise.square(convert(x, _square_dtype(x)))


@op(_unary_rule(_unary_float), fast="elementwise.reciprocal")
def reciprocal(x: ArrayLike) -> Tensor:
    """Return `1 / x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.reciprocal(np.array([2, 4], dtype="int32"))
    array([0.5 , 0.25], dtype=float32)
    """
    return K.elementwise.reciprocal(convert(x, _unary_float(x)))


@op(_unary_rule(_unary_float))
def ceil(x: ArrayLike) -> Tensor:
    """Round `x` up to the nearest integer element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.ceil(np.array([-1.5, 1.2], dtype="float32"))
    array([-1.,  2.], dtype=float32)
    """
    return K.elementwise.ceil(convert(x, _unary_float(x)))


@op(_unary_rule(_unary_float))
def floor(x: ArrayLike) -> Tensor:
    """Round `x` down to the nearest integer element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.floor(np.array([-1.5, 1.2], dtype="float32"))
    array([-2.,  1.], dtype=float32)
    """
    return K.elementwise.floor(convert(x, _unary_float(x)))


@op(_unary_rule(_unary_same))
def trunc(x: ArrayLike) -> Tensor:
    """Round `x` towards zero element-wise.

    Args:
        x: Input tensor.

    Returns:
        A tensor of `x`'s shape and dtype (integers are returned unchanged).

    Example:

    >>> keras.ops.trunc(np.array([-1.7, 1.7], dtype="float32"))
    array([-1.,  1.], dtype=float32)
    """
    return K.elementwise.trunc(convert(x))


def _round_dtype(x: Any, decimals: Any) -> str:
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise TypeError(f"round: `decimals` must be an int. Received: decimals={decimals!r}")
    dtype = infer_dtype(x)
    if dtype == "bool":
        raise ValueError("round: boolean tensors cannot be rounded. Received: dtype=bool")
    return dtype


def _round_rule(x: Any, decimals: int = 0) -> Spec:
    return Spec(as_spec(x).shape, _round_dtype(x, decimals))


@op(_round_rule)
def round(x: ArrayLike, decimals: int = 0) -> Tensor:
    """Round `x` to `decimals` decimal places element-wise, halves to even.

    Args:
        x: Input tensor.
        decimals: Number of decimal places; negative values round to tens,
            hundreds, ... (this also applies to integer tensors).

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        ValueError: If `x` is boolean.
        TypeError: If `decimals` is not an integer.

    Example:

    >>> keras.ops.round(np.array([0.5, 1.5, 2.25], dtype="float32"), 1)
    array([0.5, 1.5, 2.2], dtype=float32)
    """
    return K.elementwise.round(convert(x, _round_dtype(x, decimals)), decimals)


# --- bitwise ------------------------------------------------------------------------------

_not_dtype = _integer("bitwise_not", _unary_same, allow_bool=True)
_and_dtype = _integer("bitwise_and", _promoted, allow_bool=True)
_or_dtype = _integer("bitwise_or", _promoted, allow_bool=True)
_xor_dtype = _integer("bitwise_xor", _promoted, allow_bool=True)
_left_shift_dtype = _integer("bitwise_left_shift", _bool_as_int, allow_bool=False)
_right_shift_dtype = _integer("bitwise_right_shift", _bool_as_int, allow_bool=False)


@op(_unary_rule(_not_dtype))
def bitwise_not(x: ArrayLike) -> Tensor:
    """Invert the bits of `x` element-wise (logical not for booleans).

    Args:
        x: Integer or boolean tensor.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        TypeError: If `x` is not an integer or boolean tensor.

    Example:

    >>> keras.ops.bitwise_not(np.array([0, 5], dtype="int8"))
    array([-1, -6], dtype=int8)
    """
    return K.elementwise.bitwise_not(convert(x, _not_dtype(x)))


bitwise_invert = bitwise_not


@op(_bitwise_rule(_and_dtype))
def bitwise_and(x: ArrayLike, y: ArrayLike) -> Tensor:
    """Compute the bit-wise AND of two tensors element-wise.

    Args:
        x: Integer or boolean tensor.
        y: Integer or boolean tensor, broadcastable with `x`.

    Returns:
        A tensor of the promoted dtype.

    Raises:
        TypeError: If the promoted dtype is not an integer or boolean dtype.

    Example:

    >>> keras.ops.bitwise_and(np.array([12, 10], dtype="uint8"), 6)
    array([4, 2], dtype=uint8)
    """
    a, b = promote(x, y, dtype=_and_dtype(x, y))
    return call_broadcasting("bitwise_and", K.elementwise.bitwise_and, a, b)


@op(_bitwise_rule(_or_dtype))
def bitwise_or(x: ArrayLike, y: ArrayLike) -> Tensor:
    """Compute the bit-wise OR of two tensors element-wise.

    Args:
        x: Integer or boolean tensor.
        y: Integer or boolean tensor, broadcastable with `x`.

    Returns:
        A tensor of the promoted dtype.

    Raises:
        TypeError: If the promoted dtype is not an integer or boolean dtype.

    Example:

    >>> keras.ops.bitwise_or(np.array([12, 10], dtype="uint8"), 6)
    array([14, 14], dtype=uint8)
    """
    a, b = promote(x, y, dtype=_or_dtype(x, y))
    return call_broadcasting("bitwise_or", K.elementwise.bitwise_or, a, b)


@op(_bitwise_rule(_xor_dtype))
def bitwise_xor(x: ArrayLike, y: ArrayLike) -> Tensor:
    """Compute the bit-wise exclusive OR of two tensors element-wise.

    Args:
        x: Integer or boolean tensor.
        y: Integer or boolean tensor, broadcastable with `x`.

    Returns:
        A tensor of the promoted dtype.

    Raises:
        TypeError: If the promoted dtype is not an integer or boolean dtype.

    Example:

    >>> keras.ops.bitwise_xor(np.array([12, 10], dtype="uint8"), 6)
    array([10, 12], dtype=uint8)
    """
    a, b = promote(x, y, dtype=_xor_dtype(x, y))
    return call_broadcasting("bitwise_xor", K.elementwise.bitwise_xor, a, b)


@op(_bitwise_rule(_left_shift_dtype))
def bitwise_left_shift(x: ArrayLike, y: ArrayLike) -> Tensor:
    """Shift the bits of `x` left by `y` places element-wise.

    Args:
        x: Integer tensor.
        y: Integer shift counts, broadcastable with `x`.

    Returns:
        A tensor of the promoted dtype (boolean inputs give int32); bits
        shifted past the width are lost.

    Raises:
        TypeError: If the promoted dtype is not an integer dtype.

    Example:

    >>> keras.ops.bitwise_left_shift(np.array([1, 3], dtype="int8"), 2)
    array([ 4, 12], dtype=int8)
    """
    a, b = promote(x, y, dtype=_left_shift_dtype(x, y))
    return call_broadcasting("bitwise_left_shift", K.elementwise.bitwise_left_shift, a, b)


@op(_bitwise_rule(_right_shift_dtype))
def bitwise_right_shift(x: ArrayLike, y: ArrayLike) -> Tensor:
    """Shift the bits of `x` right by `y` places element-wise (arithmetic for signed ints).

    Args:
        x: Integer tensor.
        y: Integer shift counts, broadcastable with `x`.

    Returns:
        A tensor of the promoted dtype (boolean inputs give int32).

    Raises:
        TypeError: If the promoted dtype is not an integer dtype.

    Example:

    >>> keras.ops.bitwise_right_shift(np.array([-8, 12], dtype="int8"), 2)
    array([-2,  3], dtype=int8)
    """
    a, b = promote(x, y, dtype=_right_shift_dtype(x, y))
    return call_broadcasting("bitwise_right_shift", K.elementwise.bitwise_right_shift, a, b)


left_shift = bitwise_left_shift
right_shift = bitwise_right_shift

__all__ = [
    "abs",
    "absolute",
    "add",
    "arctan2",
    "bitwise_and",
    "bitwise_invert",
    "bitwise_left_shift",
    "bitwise_not",
    "bitwise_or",
    "bitwise_right_shift",
    "bitwise_xor",
    "ceil",
    "clip",
    "divide",
    "divide_no_nan",
    "fabs",
    "floor",
    "floor_divide",
    "fmax",
    "fmin",
    "fmod",
    "gcd",
    "heaviside",
    "hypot",
    "lcm",
    "ldexp",
    "left_shift",
    "logaddexp",
    "logaddexp2",
    "maximum",
    "minimum",
    "mod",
    "multiply",
    "negative",
    "nextafter",
    "power",
    "reciprocal",
    "right_shift",
    "round",
    "sign",
    "square",
    "subtract",
    "true_divide",
    "trunc",
]
