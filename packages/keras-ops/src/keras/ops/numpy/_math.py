"""Unary math ops: trigonometric, hyperbolic, exponential and logarithmic functions, complex parts.

Each op's output dtype comes from one small *dtype function* of its argument (a tensor, a
`Spec` or a Python scalar), which both the eager body and the symbolic rule call. Keras 3
uses four dtype rules here:

- `sin`, `exp`, `sinc`... (`float_dtype`): integers and bool give a float of `floatx()`'s
  width; float and complex dtypes stay (64-bit ones narrow to 32 bits).
- `log`, `sqrt`, `cbrt`, `deg2rad`, `rad2deg` (`_library_float_dtype`): Keras 3 leaves the
  integer case to the library, whose default float is float32 whatever `floatx()` is.
- `i0`: float16 and bfloat16 stay; everything else gives `floatx()`.
- `real`, `imag`, `conj`, `copy`, `nan_to_num` keep the dtype (`real`, `imag` and `angle`
  turn complex into the matching float).
"""

from __future__ import annotations

from collections.abc import Callable
from numbers import Real
from typing import Any

from keras.backend._active import K
from keras.backend._config import floatx
from keras.backend._dtypes import BOOL_TYPES, INT_TYPES, float_result
from keras.ops._convert import convert, default_dtype, float_dtype, infer_dtype
from keras.ops._op import op
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Tensor

DtypeFn = Callable[[Any], str]

_REAL_PART = {"complex64": "float32", "complex128": "float64"}

# --- dtype functions: the argument in, the output dtype out (or a clear error) --------------


def _library_float_dtype(x: Any) -> str:
    dtype = infer_dtype(x)
    return "float32" if dtype in INT_TYPES or dtype in BOOL_TYPES else float_result(dtype)


def _cbrt_dtype(x: Any) -> str:
    dtype = _library_float_dtype(x)
    if dtype in _REAL_PART:
        raise TypeError(f"cbrt: complex tensors are not supported. Received: dtype={dtype}")
    return dtype


def _i0_dtype(x: Any) -> str:
    dtype = infer_dtype(x)
    return dtype if dtype in ("float16", "bfloat16") else floatx()


def _angle_dtype(x: Any) -> str:
    dtype = float_dtype(x)
    return _REAL_PART.get(dtype, dtype)


def _real_part_dtype(x: Any) -> str:
    dtype = default_dtype(x)
    return _REAL_PART.get(dtype, dtype)


def _unary_rule(dtype_fn: DtypeFn) -> Callable[[Any], Spec]:
    def rule(x: Any) -> Spec:
        return Spec(as_spec(x).shape, dtype_fn(x))

    return rule


_to_float = _unary_rule(float_dtype)
_to_library_float = _unary_rule(_library_float_dtype)
_same = _unary_rule(default_dtype)
_to_real_part = _unary_rule(_real_part_dtype)


# --- trigonometric ------------------------------------------------------------------------


@op(_to_float, fast="math.sin")
def sin(x: ArrayLike) -> Tensor:
    """Compute the sine of `x` element-wise, in radians.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.sin(np.array([0.0, np.pi / 2], dtype="float32"))
    array([0., 1.], dtype=float32)
    """
    return K.math.sin(convert(x, float_dtype(x)))


@op(_to_float, fast="math.cos")
def cos(x: ArrayLike) -> Tensor:
    """Compute the cosine of `x` element-wise, in radians.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.cos(np.array([0, 0], dtype="int8"))
    array([1., 1.], dtype=float32)
    """
    return K.math.cos(convert(x, float_dtype(x)))


@op(_to_float)
def tan(x: ArrayLike) -> Tensor:
    """Compute the tangent of `x` element-wise, in radians.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.tan(np.array([0.0, np.pi / 4], dtype="float32"))
    array([0., 1.], dtype=float32)
    """
    return K.math.tan(convert(x, float_dtype(x)))


@op(_to_float)
def arcsin(x: ArrayLike) -> Tensor:
    """Compute the inverse sine of `x` element-wise; values outside [-1, 1] give NaN.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of angles in radians, in [-pi/2, pi/2].

    Example:

    >>> np.round(keras.ops.arcsin(np.array([0.0, 1.0], dtype="float32")), 4)
    array([0.    , 1.5708], dtype=float32)
    """
    return K.math.arcsin(convert(x, float_dtype(x)))


@op(_to_float)
def arccos(x: ArrayLike) -> Tensor:
    """Compute the inverse cosine of `x` element-wise; values outside [-1, 1] give NaN.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of angles in radians, in [0, pi].

    Example:

    >>> np.round(keras.ops.arccos(np.array([1.0, -1.0], dtype="float32")), 4)
    array([0.    , 3.1416], dtype=float32)
    """
    return K.math.arccos(convert(x, float_dtype(x)))


@op(_to_float)
def arctan(x: ArrayLike) -> Tensor:
    """Compute the inverse tangent of `x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of angles in radians, in (-pi/2, pi/2).

    Example:

    >>> np.round(keras.ops.arctan(np.array([0.0, 1.0], dtype="float32")), 4)
    array([0.    , 0.7854], dtype=float32)
    """
    return K.math.arctan(convert(x, float_dtype(x)))


@op(_to_library_float)
def deg2rad(x: ArrayLike) -> Tensor:
    """Convert angles from degrees to radians element-wise.

    Args:
        x: Angles in degrees.

    Returns:
        A float tensor of angles in radians; integer and boolean inputs give float32.

    Example:

    >>> np.round(keras.ops.deg2rad(np.array([180, 90], dtype="int32")), 4)
    array([3.1416, 1.5708], dtype=float32)
    """
    return K.math.deg2rad(convert(x, _library_float_dtype(x)))


@op(_to_library_float)
def rad2deg(x: ArrayLike) -> Tensor:
    """Convert angles from radians to degrees element-wise.

    Args:
        x: Angles in radians.

    Returns:
        A float tensor of angles in degrees; integer and boolean inputs give float32.

    Example:

    >>> np.round(keras.ops.rad2deg(np.array([np.pi, np.pi / 2], dtype="float32")), 4)
    array([180.,  90.], dtype=float32)
    """
    return K.math.rad2deg(convert(x, _library_float_dtype(x)))


@op(_to_float)
def sinc(x: ArrayLike) -> Tensor:
    """Compute the normalized sinc function `sin(pi * x) / (pi * x)` element-wise.

    The value at 0 is its limit, 1.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> np.round(keras.ops.sinc(np.array([0.0, 0.5], dtype="float32")), 4)
    array([1.    , 0.6366], dtype=float32)
    """
    return K.math.sinc(convert(x, float_dtype(x)))


# --- hyperbolic ---------------------------------------------------------------------------


@op(_to_float)
def sinh(x: ArrayLike) -> Tensor:
    """Compute the hyperbolic sine of `x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> np.round(keras.ops.sinh(np.array([0.0, 1.0], dtype="float32")), 4)
    array([0.    , 1.1752], dtype=float32)
    """
    return K.math.sinh(convert(x, float_dtype(x)))


@op(_to_float)
def cosh(x: ArrayLike) -> Tensor:
    """Compute the hyperbolic cosine of `x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> np.round(keras.ops.cosh(np.array([0.0, 1.0], dtype="float32")), 4)
    array([1.    , 1.5431], dtype=float32)
    """
    return K.math.cosh(convert(x, float_dtype(x)))


@op(_to_float, fast="math.tanh")
def tanh(x: ArrayLike) -> Tensor:
    """Compute the hyperbolic tangent of `x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of values in [-1, 1]; integer and boolean inputs give `floatx()`.

    Example:

    >>> np.round(keras.ops.tanh(np.array([0.0, 1.0], dtype="float32")), 4)
    array([0.    , 0.7616], dtype=float32)
    """
    return K.math.tanh(convert(x, float_dtype(x)))


@op(_to_float)
def arcsinh(x: ArrayLike) -> Tensor:
    """Compute the inverse hyperbolic sine of `x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> np.round(keras.ops.arcsinh(np.array([0.0, 1.0], dtype="float32")), 4)
    array([0.    , 0.8814], dtype=float32)
    """
    return K.math.arcsinh(convert(x, float_dtype(x)))


@op(_to_float)
def arccosh(x: ArrayLike) -> Tensor:
    """Compute the inverse hyperbolic cosine of `x` element-wise; values below 1 give NaN.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> np.round(keras.ops.arccosh(np.array([1.0, 2.0], dtype="float32")), 4)
    array([0.   , 1.317], dtype=float32)
    """
    return K.math.arccosh(convert(x, float_dtype(x)))


@op(_to_float)
def arctanh(x: ArrayLike) -> Tensor:
    """Compute the inverse hyperbolic tangent of `x` element-wise.

    Values outside (-1, 1) give NaN; -1 and 1 give infinities.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> np.round(keras.ops.arctanh(np.array([0.0, 0.5], dtype="float32")), 4)
    array([0.    , 0.5493], dtype=float32)
    """
    return K.math.arctanh(convert(x, float_dtype(x)))


# --- exponential and logarithmic ----------------------------------------------------------


@op(_to_float, fast="math.exp")
def exp(x: ArrayLike) -> Tensor:
    """Compute `e ** x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> np.round(keras.ops.exp(np.array([0, 1], dtype="int32")), 4)
    array([1.    , 2.7183], dtype=float32)
    """
    return K.math.exp(convert(x, float_dtype(x)))


@op(_to_float)
def exp2(x: ArrayLike) -> Tensor:
    """Compute `2 ** x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.exp2(np.array([0, 3], dtype="int8"))
    array([1., 8.], dtype=float32)
    """
    return K.math.exp2(convert(x, float_dtype(x)))


@op(_to_float, fast="math.expm1")
def expm1(x: ArrayLike) -> Tensor:
    """Compute `exp(x) - 1` element-wise, accurately for small `x`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give `floatx()`.

    Example:

    >>> keras.ops.expm1(np.array([0.0, 1e-10], dtype="float32"))
    array([0.e+00, 1.e-10], dtype=float32)
    """
    return K.math.expm1(convert(x, float_dtype(x)))


@op(_to_library_float, fast="math.log")
def log(x: ArrayLike) -> Tensor:
    """Compute the natural logarithm of `x` element-wise.

    Zero gives `-inf` and negative values give NaN.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give float32.

    Example:

    >>> np.round(keras.ops.log(np.array([1.0, np.e], dtype="float32")), 4)
    array([0., 1.], dtype=float32)
    """
    return K.math.log(convert(x, _library_float_dtype(x)))


@op(_to_library_float)
def log10(x: ArrayLike) -> Tensor:
    """Compute the base-10 logarithm of `x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give float32.

    Example:

    >>> np.round(keras.ops.log10(np.array([1, 100], dtype="int32")), 4)
    array([0., 2.], dtype=float32)
    """
    return K.math.log10(convert(x, _library_float_dtype(x)))


@op(_to_library_float, fast="math.log1p")
def log1p(x: ArrayLike) -> Tensor:
    """Compute `log(1 + x)` element-wise, accurately for small `x`.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give float32.

    Example:

    >>> keras.ops.log1p(np.array([0.0, 1e-10], dtype="float32"))
    array([0.e+00, 1.e-10], dtype=float32)
    """
    return K.math.log1p(convert(x, _library_float_dtype(x)))


@op(_to_library_float)
def log2(x: ArrayLike) -> Tensor:
    """Compute the base-2 logarithm of `x` element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give float32.

    Example:

    >>> np.round(keras.ops.log2(np.array([1, 8], dtype="uint8")), 4)
    array([0., 3.], dtype=float32)
    """
    return K.math.log2(convert(x, _library_float_dtype(x)))


@op(_to_library_float, fast="math.sqrt")
def sqrt(x: ArrayLike) -> Tensor:
    """Compute the non-negative square root of `x` element-wise; negative values give NaN.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give float32.

    Example:

    >>> keras.ops.sqrt(np.array([4, 9], dtype="int32"))
    array([2., 3.], dtype=float32)
    """
    return K.math.sqrt(convert(x, _library_float_dtype(x)))


@op(_unary_rule(_cbrt_dtype))
def cbrt(x: ArrayLike) -> Tensor:
    """Compute the real cube root of `x` element-wise (negative for negative `x`).

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer and boolean inputs give float32.

    Raises:
        TypeError: If `x` is complex.

    Example:

    >>> np.round(keras.ops.cbrt(np.array([-8.0, 27.0], dtype="float32")), 4)
    array([-2.,  3.], dtype=float32)
    """
    return K.math.cbrt(convert(x, _cbrt_dtype(x)))


@op(_unary_rule(_i0_dtype))
def i0(x: ArrayLike) -> Tensor:
    """Compute the modified Bessel function of the first kind, order 0, element-wise.

    Args:
        x: Input tensor; a complex input keeps its real part only.

    Returns:
        A float tensor of `x`'s shape: float16 and bfloat16 inputs keep their dtype,
        every other input gives `floatx()`.

    Example:

    >>> np.round(keras.ops.i0(np.array([0.0, 1.0], dtype="float32")), 4)
    array([1.    , 1.2661], dtype=float32)
    """
    return K.math.i0(convert(x, _i0_dtype(x)))


# --- complex parts and copies -------------------------------------------------------------


@op(_unary_rule(_angle_dtype))
def angle(x: ArrayLike) -> Tensor:
    """Return the counterclockwise angle of each complex element, in radians.

    A real input gives 0 for non-negative values and pi for negative ones.

    Args:
        x: Input tensor.

    Returns:
        A real float tensor of `x`'s shape (complex64 gives float32); integer and
        boolean inputs give `floatx()`.

    Example:

    >>> np.round(keras.ops.angle(np.array([1j, -1.0], dtype="complex64")), 4)
    array([1.5708, 3.1416], dtype=float32)
    """
    return K.math.angle(convert(x, float_dtype(x)))


@op(_same)
def conjugate(x: ArrayLike) -> Tensor:
    """Return the complex conjugate of `x` element-wise; real inputs are returned unchanged.

    Args:
        x: Input tensor.

    Returns:
        A tensor of `x`'s shape and dtype.

    Example:

    >>> keras.ops.conjugate(np.array([1 + 2j, 3 - 1j], dtype="complex64"))
    array([1.-2.j, 3.+1.j], dtype=complex64)
    """
    return K.math.conjugate(convert(x, default_dtype(x)))


conj = conjugate


@op(_to_real_part)
def real(x: ArrayLike) -> Tensor:
    """Return the real part of `x` element-wise; real inputs are returned unchanged.

    Args:
        x: Input tensor.

    Returns:
        A tensor of `x`'s shape; complex64 gives float32, other dtypes stay.

    Example:

    >>> keras.ops.real(np.array([1 + 2j, 3 - 1j], dtype="complex64"))
    array([1., 3.], dtype=float32)
    """
    return K.math.real(convert(x, default_dtype(x)))


@op(_to_real_part)
def imag(x: ArrayLike) -> Tensor:
    """Return the imaginary part of `x` element-wise; real inputs give zeros.

    Args:
        x: Input tensor.

    Returns:
        A tensor of `x`'s shape; complex64 gives float32, other dtypes stay.

    Example:

    >>> keras.ops.imag(np.array([1 + 2j, 3 - 1j], dtype="complex64"))
    array([ 2., -1.], dtype=float32)
    """
    return K.math.imag(convert(x, default_dtype(x)))


def _check_fill(name: str, value: Any, allow_none: bool) -> None:
    if value is None and allow_none:
        return
    if not isinstance(value, Real):
        expected = "a real number or None" if allow_none else "a real number"
        raise TypeError(f"nan_to_num: `{name}` must be {expected}. Received: {name}={value!r}")


def _nan_to_num_rule(x: Any, nan: Any = 0.0, posinf: Any = None, neginf: Any = None) -> Spec:
    _check_fill("nan", nan, allow_none=False)
    _check_fill("posinf", posinf, allow_none=True)
    _check_fill("neginf", neginf, allow_none=True)
    return _same(x)


@op(_nan_to_num_rule)
def nan_to_num(
    x: ArrayLike, nan: float = 0.0, posinf: float | None = None, neginf: float | None = None
) -> Tensor:
    """Replace NaN and infinite values of `x` with finite numbers.

    Complex inputs have their real and imaginary parts replaced separately; integer and
    boolean inputs are returned unchanged.

    Args:
        x: Input tensor.
        nan: The value that replaces NaN.
        posinf: The value that replaces `inf`; `None` means the largest finite value
            of `x`'s dtype.
        neginf: The value that replaces `-inf`; `None` means the most negative finite
            value of `x`'s dtype.

    Returns:
        A tensor of `x`'s shape and dtype.

    Raises:
        TypeError: If `nan`, `posinf` or `neginf` is not a real number (or `None`
            for the last two).

    Example:

    >>> x = np.array([np.nan, np.inf, -np.inf, 1.0], dtype="float32")
    >>> keras.ops.nan_to_num(x, posinf=9.0, neginf=-9.0)
    array([ 0.,  9., -9.,  1.], dtype=float32)
    """
    _nan_to_num_rule(x, nan, posinf, neginf)
    return K.math.nan_to_num(
        convert(x, default_dtype(x)),
        float(nan),
        None if posinf is None else float(posinf),
        None if neginf is None else float(neginf),
    )


@op(_same)
def copy(x: ArrayLike) -> Tensor:
    """Return a new tensor with the values and dtype of `x`.

    Args:
        x: Input tensor.

    Returns:
        A tensor of `x`'s shape and dtype; 64-bit inputs narrow to 32 bits as
        everywhere in Keras.

    Example:

    >>> keras.ops.copy(np.array([1, 2], dtype="int8"))
    array([1, 2], dtype=int8)
    """
    return K.math.copy(convert(x, default_dtype(x)))


__all__ = [
    "angle",
    "arccos",
    "arccosh",
    "arcsin",
    "arcsinh",
    "arctan",
    "arctanh",
    "cbrt",
    "conj",
    "conjugate",
    "copy",
    "cos",
    "cosh",
    "deg2rad",
    "exp",
    "exp2",
    "expm1",
    "i0",
    "imag",
    "log",
    "log10",
    "log1p",
    "log2",
    "nan_to_num",
    "rad2deg",
    "real",
    "sin",
    "sinc",
    "sinh",
    "sqrt",
    "tan",
    "tanh",
]
