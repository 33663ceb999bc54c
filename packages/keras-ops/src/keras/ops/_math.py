"""Math ops exported at `keras.ops` only: special functions, `logsumexp`, `logdet`,
top-k, segment reductions, Fourier transforms (on `(real, imag)` pairs), framing, `cdist`.

Ops with a float result send integer and boolean inputs to `floatx()`. Fourier ops take
and return complex values as a pair of float tensors `(real, imag)`; float16 and
bfloat16 pairs are transformed in float32 and come back in their own dtype.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import numpy as np

from keras.backend._active import K
from keras.backend._dtypes import FLOAT_TYPES, float_result, result_type
from keras.ops._convert import convert, default_dtype, dtype_for_promotion, infer_dtype, to_numpy
from keras.ops._op import op
from keras.ops._rules import broadcast_shapes, canonical_axes, reduced_shape
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, Axis, Shape, Tensor

__all__ = [
    "cdist",
    "erf",
    "erfc",
    "erfinv",
    "extract_sequences",
    "fft",
    "fft2",
    "ifft2",
    "in_top_k",
    "irfft",
    "istft",
    "logdet",
    "logsumexp",
    "rfft",
    "rsqrt",
    "segment_max",
    "segment_min",
    "segment_prod",
    "segment_sum",
    "stft",
    "top_k",
]

_HALF = ("float16", "bfloat16")
P = ParamSpec("P")
R = TypeVar("R")


def _dtype_of(x: Any) -> str:
    """Keras's dtype for an argument or a Spec (64-bit narrowed as `result_type` does)."""
    return result_type(x.python_type_or_dtype() if isinstance(x, Spec) else dtype_for_promotion(x))


def _float_of(*xs: Any) -> str:
    types = [x.python_type_or_dtype() if isinstance(x, Spec) else dtype_for_promotion(x) for x in xs]
    return float_result(result_type(*types))


def _compute(dtype: str) -> str:
    return "float32" if dtype in _HALF else dtype


def _finish(x: Tensor, dtype: str) -> Tensor:
    return convert(x, dtype)


def _positive_int(name: str, arg: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value <= 0:
        raise ValueError(f"{name}: `{arg}` must be a positive integer. Received: {arg}={value!r}")
    return int(value)


# --- element-wise -------------------------------------------------------------------------


def _float_rule(x: Any) -> Spec:
    spec = as_spec(x)
    return Spec(spec.shape, _float_of(spec))


def _unary_float(x: ArrayLike) -> Tensor:
    return convert(x, _float_of(x))


@op(_float_rule)
def erf(x: ArrayLike) -> Tensor:
    """Return the error function `2/sqrt(pi) * integral(exp(-t**2), 0, x)`, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer inputs give `floatx()`.

    Example:

    >>> keras.ops.erf(np.array([-1.0, 0.0, 0.5], dtype="float32"))
    array([-0.8427008,  0.       ,  0.5204999], dtype=float32)
    """
    return K.math_extra.erf(_unary_float(x))


@op(_float_rule)
def erfc(x: ArrayLike) -> Tensor:
    """Return the complementary error function `1 - erf(x)`, element-wise, without cancellation.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer inputs give `floatx()`.

    Example:

    >>> keras.ops.erfc(np.array([0.0, 1.0], dtype="float32"))
    array([1.       , 0.1572992], dtype=float32)
    """
    return K.math_extra.erfc(_unary_float(x))


@op(_float_rule)
def erfinv(x: ArrayLike) -> Tensor:
    """Return the inverse error function, element-wise: `erf(erfinv(x)) == x` on (-1, 1).

    `erfinv(1)` is `inf`, `erfinv(-1)` is `-inf`, and values outside [-1, 1] give NaN.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer inputs give `floatx()`.

    Example:

    >>> keras.ops.erfinv(np.array([0.0, 0.5], dtype="float32"))
    array([0.        , 0.47693628], dtype=float32)
    """
    return K.math_extra.erfinv(_unary_float(x))


@op(_float_rule)
def rsqrt(x: ArrayLike) -> Tensor:
    """Return `1 / sqrt(x)`, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A float tensor of `x`'s shape; integer inputs give `floatx()`.

    Example:

    >>> keras.ops.rsqrt(np.array([1.0, 4.0, 100.0], dtype="float32"))
    array([1. , 0.5, 0.1], dtype=float32)
    """
    return K.math_extra.rsqrt(_unary_float(x))


def _logsumexp_rule(x: Any, axis: Axis = None, keepdims: bool = False) -> Spec:
    spec = as_spec(x)
    return Spec(reduced_shape(spec.shape, axis, keepdims, "logsumexp"), _float_of(spec))


@op(_logsumexp_rule)
def logsumexp(x: ArrayLike, axis: Axis = None, keepdims: bool = False) -> Tensor:
    """Return `log(sum(exp(x)))` over `axis`, computed without overflow.

    Args:
        x: Input tensor.
        axis: An axis or tuple of axes to reduce; `None` reduces all. Defaults to `None`.
        keepdims: Whether to keep the reduced axes with length 1. Defaults to `False`.

    Returns:
        A float tensor; integer inputs give `floatx()`.

    Raises:
        ValueError: If an axis is out of range or repeated.

    Example:

    >>> keras.ops.logsumexp(np.array([1000.0, 1000.0], dtype="float32"))
    array(1000.6932, dtype=float32)
    """
    t = _unary_float(x)
    return K.math_extra.logsumexp(t, canonical_axes(axis, t.ndim, "logsumexp"), keepdims)


def _logdet_rule(x: Any) -> Spec:
    spec = as_spec(x)
    _square("logdet", spec.shape)
    return Spec(spec.shape[:-2], _float_of(spec))


def _square(name: str, shape: Shape) -> None:
    if len(shape) < 2 or (shape[-1] is not None and shape[-2] is not None and shape[-1] != shape[-2]):
        raise ValueError(f"{name}: expected square matrices of shape (..., M, M). Received: x.shape={shape}")


@op(_logdet_rule)
def logdet(x: ArrayLike) -> Tensor:
    """Return the natural log of the determinants of symmetric positive-definite matrices.

    Args:
        x: Input tensor of shape `(..., M, M)`.

    Returns:
        A float tensor of shape `(...)`: `log(|det(x)|)`, which is `log(det(x))` for
        the positive-definite matrices this op is meant for.

    Raises:
        ValueError: If `x` is not a batch of square matrices.

    Example:

    >>> keras.ops.logdet(np.array([[2.0, 0.0], [0.0, 3.0]], dtype="float32"))
    np.float32(1.7917595)
    """
    dtype = _float_of(x)
    t = convert(x, _compute(dtype))
    _square("logdet", tuple(t.shape))
    _, logabsdet = K.linear.slogdet(t)
    return _finish(logabsdet, dtype)


# --- ranking ------------------------------------------------------------------------------


def _top_k_shape(shape: Shape, k: Any) -> Shape:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"top_k: `k` must be a positive integer. Received: k={k!r}")
    if not shape:
        raise ValueError(f"top_k: expected an input of rank >= 1. Received: x.shape={shape}")
    if shape[-1] is not None and k > shape[-1]:
        raise ValueError(f"top_k: `k` must be at most the last axis' length {shape[-1]}. Received: k={k}")
    return (*shape[:-1], int(k))


def _top_k_rule(x: Any, k: Any, sorted: bool = True) -> tuple[Spec, Spec]:
    spec = as_spec(x)
    shape = _top_k_shape(spec.shape, k)
    return Spec(shape, _dtype_of(spec)), Spec(shape, "int32")


@op(_top_k_rule)
def top_k(x: ArrayLike, k: int, sorted: bool = True) -> tuple[Tensor, Tensor]:
    """Return the `k` largest entries along the last axis, and their positions.

    Args:
        x: Input tensor of rank 1 or more.
        k: How many entries to return, at most the length of the last axis.
        sorted: Whether the entries come in descending order (ties in index order).
            With `False` the order is unspecified. Defaults to `True`.

    Returns:
        A tuple `(values, indices)` of shape `(..., k)`: `values` in `x`'s dtype,
        `indices` int32.

    Raises:
        ValueError: If `k` is not a positive integer at most the last axis' length.

    Example:

    >>> values, indices = keras.ops.top_k(np.array([5, 2, 7, 1], dtype="int32"), k=2)
    >>> values, indices
    (array([7, 5], dtype=int32), array([2, 0], dtype=int32))
    """
    dtype = default_dtype(x)
    t = convert(x, "int32" if dtype == "bool" else dtype)
    _top_k_shape(tuple(t.shape), k)
    values, indices = K.math_extra.top_k(t, int(k), sorted)
    return convert(values, dtype), convert(indices, "int32")


def _in_top_k_shape(targets: Shape, predictions: Shape, k: Any) -> Shape:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"in_top_k: `k` must be an integer. Received: k={k!r}")
    if not predictions or len(targets) != len(predictions) - 1:
        raise ValueError(
            f"in_top_k: `targets` must have one axis fewer than `predictions`. "
            f"Received: targets.shape={targets}, predictions.shape={predictions}"
        )
    return broadcast_shapes(targets, predictions[:-1])


def _in_top_k_rule(targets: Any, predictions: Any, k: Any) -> Spec:
    return Spec(_in_top_k_shape(as_spec(targets).shape, as_spec(predictions).shape, k), "bool")


@op(_in_top_k_rule)
def in_top_k(targets: ArrayLike, predictions: ArrayLike, k: int) -> Tensor:
    """Return whether each target class is among the `k` highest predictions of its row.

    A target ranks `1 + (number of classes with a strictly higher score)`; NaN scores
    at the target never count as in the top `k`.

    Args:
        targets: Integer class indices, of shape `(...)`.
        predictions: Scores of shape `(..., num_classes)`.
        k: How many of the top predictions to consider.

    Returns:
        A bool tensor of `targets`' shape.

    Raises:
        ValueError: If the shapes do not fit or `k` is not an integer.

    Example:

    >>> predictions = np.array([[0.1, 0.9, 0.5], [0.8, 0.1, 0.3]], dtype="float32")
    >>> keras.ops.in_top_k(np.array([2, 2]), predictions, k=2)
    array([ True,  True])
    """
    ids = convert(targets, "int32")
    scores = convert(predictions, _float_of(predictions))
    _in_top_k_shape(tuple(ids.shape), tuple(scores.shape), k)
    return K.math_extra.in_top_k(ids, scores, int(k))


# --- segment reductions -------------------------------------------------------------------


def _segment_shape(name: str, data: Shape, ids: Shape, num_segments: Any) -> Shape:
    if len(ids) != 1:
        raise ValueError(f"{name}: `segment_ids` must be 1-D. Received: segment_ids.shape={ids}")
    if not data or (data[0] is not None and ids[0] is not None and data[0] != ids[0]):
        raise ValueError(
            f"{name}: `segment_ids` must have one entry per row of `data`. "
            f"Received: data.shape={data}, segment_ids.shape={ids}"
        )
    if num_segments is not None:
        _positive_int(name, "num_segments", num_segments)
    return (num_segments, *data[1:])


def _segment_rule(name: str, allow_bool: bool) -> Any:
    def rule(data: Any, segment_ids: Any, num_segments: Any = None) -> Spec:
        spec = as_spec(data)
        shape = _segment_shape(name, spec.shape, as_spec(segment_ids).shape, num_segments)
        return Spec(shape, _segment_dtype(name, spec, allow_bool))

    return rule


def _segment_dtype(name: str, data: Any, allow_bool: bool) -> str:
    dtype = _dtype_of(data)
    if dtype == "bool" and not allow_bool:
        raise TypeError(f"{name}: boolean `data` is not supported. Received: dtype=bool")
    return dtype


def _segment_args(
    name: str, data: ArrayLike, segment_ids: ArrayLike, num_segments: int | None, allow_bool: bool
) -> tuple[str, Tensor, Tensor, int]:
    dtype = _segment_dtype(name, data, allow_bool)
    values = convert(data, "int32" if dtype == "bool" else dtype)
    ids = convert(segment_ids, "int32")
    _segment_shape(name, tuple(values.shape), tuple(ids.shape), num_segments)
    if num_segments is None:
        num_segments = int(to_numpy(ids).max(initial=-1)) + 1
    return dtype, values, ids, int(num_segments)


def _extreme(dtype: str, high: bool) -> float | int:
    """The identity of `max` (`high=False`) or `min` in `dtype`: -inf/+inf, or the int bounds."""
    if dtype == "bool":
        return int(high)
    if dtype in FLOAT_TYPES:
        return math.inf if high else -math.inf
    info = np.iinfo(dtype)
    return int(info.max if high else info.min)


_SEGMENT_DOC = """Return the {what} of the rows of `data` in each segment.

    Row `i` of `data` belongs to segment `segment_ids[i]`; ids must lie in
    `[0, num_segments)`. An empty segment gives {empty}.

    Args:
        data: Input tensor of shape `(N, ...)`.
        segment_ids: 1-D integer tensor of shape `(N,)`.
        num_segments: The number of segments. Defaults to `None`: one more than the
            largest id (known only eagerly; a symbolic result then has an unknown first axis).
        sorted: Whether `segment_ids` is sorted, a hint some backends use. Defaults to `False`.

    Returns:
        A tensor of shape `(num_segments, ...)` in `data`'s dtype.

    Raises:
        ValueError: If `segment_ids` is not 1-D with one id per row, or
            `num_segments` is not a positive integer.{raises}

    Example:

    >>> data = np.array([1, 2, 3, 4], dtype="int32")
    >>> keras.ops.{name}(data, np.array([0, 0, 1, 1]), num_segments=2)
    {example}
    """


def _segment_op(
    name: str, what: str, empty: str, example: str, allow_bool: bool
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    raises = "" if allow_bool else "\n        TypeError: If `data` is boolean."
    doc = _SEGMENT_DOC.format(what=what, empty=empty, name=name, example=example, raises=raises)

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        function.__doc__ = doc
        return op(_segment_rule(name, allow_bool), name=name)(function)

    return decorate


@_segment_op("segment_sum", "sums", "0", "array([3, 7], dtype=int32)", allow_bool=False)
def segment_sum(
    data: ArrayLike, segment_ids: ArrayLike, num_segments: int | None = None, sorted: bool = False
) -> Tensor:
    _, values, ids, count = _segment_args("segment_sum", data, segment_ids, num_segments, False)
    return K.math_extra.segment_sum(values, ids, count, sorted)


@_segment_op("segment_prod", "products", "1", "array([ 2, 12], dtype=int32)", allow_bool=False)
def segment_prod(
    data: ArrayLike, segment_ids: ArrayLike, num_segments: int | None = None, sorted: bool = False
) -> Tensor:
    _, values, ids, count = _segment_args("segment_prod", data, segment_ids, num_segments, False)
    return K.math_extra.segment_prod(values, ids, count, sorted)


@_segment_op(
    "segment_max", "maxima", "-inf (the lowest integer for ints)", "array([2, 4], dtype=int32)", True
)
def segment_max(
    data: ArrayLike, segment_ids: ArrayLike, num_segments: int | None = None, sorted: bool = False
) -> Tensor:
    dtype, values, ids, count = _segment_args("segment_max", data, segment_ids, num_segments, True)
    result = K.math_extra.segment_max(values, ids, count, sorted, _extreme(dtype, high=False))
    return convert(result, dtype)


@_segment_op(
    "segment_min", "minima", "+inf (the highest integer for ints)", "array([1, 3], dtype=int32)", True
)
def segment_min(
    data: ArrayLike, segment_ids: ArrayLike, num_segments: int | None = None, sorted: bool = False
) -> Tensor:
    dtype, values, ids, count = _segment_args("segment_min", data, segment_ids, num_segments, True)
    result = K.math_extra.segment_min(values, ids, count, sorted, _extreme(dtype, high=True))
    return convert(result, dtype)


# --- Fourier transforms -------------------------------------------------------------------


def _pair_specs(name: str, x: Any, min_rank: int) -> tuple[Spec, Spec]:
    """Check that `x` is a `(real, imag)` pair of float tensors of one shape and rank."""
    if not isinstance(x, (tuple, list)) or len(x) != 2:
        raise ValueError(f"{name}: `x` must be a tuple `(real, imag)` of two tensors. Received: x={x!r}")
    real, imag = as_spec(x[0]), as_spec(x[1])
    if real.shape != imag.shape:
        raise ValueError(
            f"{name}: the real and imaginary parts must have the same shape. "
            f"Received: x[0].shape={real.shape}, x[1].shape={imag.shape}"
        )
    if len(real.shape) < min_rank:
        raise ValueError(f"{name}: expected parts of rank >= {min_rank}. Received: x[0].shape={real.shape}")
    for part in (real, imag):
        if part.dtype not in FLOAT_TYPES:
            raise ValueError(
                f"{name}: the real and imaginary parts must be float tensors. "
                f"Received: dtypes {real.dtype} and {imag.dtype}"
            )
    return real, imag


def _pair(name: str, x: Any, min_rank: int) -> tuple[str, Tensor, Tensor]:
    """Return the pair's dtype and its parts as tensors of the dtype they are transformed in."""
    if not isinstance(x, (tuple, list)) or len(x) != 2:
        raise ValueError(f"{name}: `x` must be a tuple `(real, imag)` of two tensors. Received: x={x!r}")
    real, imag = _pair_specs(name, (_tensor_spec(x[0]), _tensor_spec(x[1])), min_rank)
    dtype = result_type(real.dtype, imag.dtype)
    compute = _compute(dtype)
    return dtype, convert(x[0], compute), convert(x[1], compute)


def _tensor_spec(x: Any) -> Spec:
    """The spec of a tensor argument as `convert` would make it (not a weak scalar)."""
    return Spec(tuple(np.shape(x)) if not hasattr(x, "shape") else tuple(x.shape), default_dtype(x))


def _pair_rule(name: str, min_rank: int) -> Any:
    def rule(x: Any) -> tuple[Spec, Spec]:
        real, imag = _pair_specs(name, x, min_rank)
        dtype = result_type(real.dtype, imag.dtype)
        return Spec(real.shape, dtype), Spec(real.shape, dtype)

    return rule


def _transform_pair(name: str, x: Any, min_rank: int, kernel: Any) -> tuple[Tensor, Tensor]:
    dtype, real, imag = _pair(name, x, min_rank)
    out_real, out_imag = kernel(real, imag)
    return _finish(out_real, dtype), _finish(out_imag, dtype)


@op(_pair_rule("fft", 1))
def fft(x: tuple[ArrayLike, ArrayLike]) -> tuple[Tensor, Tensor]:
    """Return the discrete Fourier transform along the last axis.

    Args:
        x: A tuple `(real, imag)` of float tensors of one shape: the complex input.

    Returns:
        A tuple `(real, imag)` of the transform, in the input's shape and dtype.

    Raises:
        ValueError: If `x` is not a pair of float tensors of one shape and rank >= 1.

    Example:

    >>> real = np.array([1.0, 0.0, 0.0, 0.0], dtype="float32")
    >>> keras.ops.fft((real, np.zeros(4, dtype="float32")))
    (array([1., 1., 1., 1.], dtype=float32), array([0., 0., 0., 0.], dtype=float32))
    """
    return _transform_pair("fft", x, 1, K.math_extra.fft)


@op(_pair_rule("fft2", 2))
def fft2(x: tuple[ArrayLike, ArrayLike]) -> tuple[Tensor, Tensor]:
    """Return the 2-D discrete Fourier transform over the last two axes.

    Args:
        x: A tuple `(real, imag)` of float tensors of one shape, of rank 2 or more.

    Returns:
        A tuple `(real, imag)` of the transform, in the input's shape and dtype.

    Raises:
        ValueError: If `x` is not a pair of float tensors of one shape and rank >= 2.

    Example:

    >>> real = np.ones((2, 2), dtype="float32")
    >>> keras.ops.fft2((real, np.zeros((2, 2), dtype="float32")))[0]
    array([[4., 0.],
           [0., 0.]], dtype=float32)
    """
    return _transform_pair("fft2", x, 2, K.math_extra.fft2)


@op(_pair_rule("ifft2", 2))
def ifft2(x: tuple[ArrayLike, ArrayLike]) -> tuple[Tensor, Tensor]:
    """Return the inverse 2-D discrete Fourier transform over the last two axes.

    Args:
        x: A tuple `(real, imag)` of float tensors of one shape, of rank 2 or more.

    Returns:
        A tuple `(real, imag)`, in the input's shape and dtype; `ifft2(fft2(x))` is `x`.

    Raises:
        ValueError: If `x` is not a pair of float tensors of one shape and rank >= 2.

    Example:

    >>> real = np.array([[4.0, 0.0], [0.0, 0.0]], dtype="float32")
    >>> keras.ops.ifft2((real, np.zeros((2, 2), dtype="float32")))[0]
    array([[1., 1.],
           [1., 1.]], dtype=float32)
    """
    return _transform_pair("ifft2", x, 2, K.math_extra.ifft2)


def _rfft_length(shape: Shape, fft_length: Any) -> int | None:
    if not shape:
        raise ValueError(f"rfft: expected an input of rank >= 1. Received: x.shape={shape}")
    if fft_length is not None:
        return _positive_int("rfft", "fft_length", fft_length)
    return shape[-1]


def _rfft_rule(x: Any, fft_length: Any = None) -> tuple[Spec, Spec]:
    spec = as_spec(x)
    n = _rfft_length(spec.shape, fft_length)
    shape = (*spec.shape[:-1], None if n is None else n // 2 + 1)
    dtype = _float_of(spec)
    return Spec(shape, dtype), Spec(shape, dtype)


@op(_rfft_rule)
def rfft(x: ArrayLike, fft_length: int | None = None) -> tuple[Tensor, Tensor]:
    """Return the Fourier transform of a real signal along the last axis: its
    `fft_length // 2 + 1` non-negative frequency terms.

    Args:
        x: Real input tensor of rank 1 or more.
        fft_length: The transform length: the last axis is cropped or zero-padded to it.
            Defaults to `None`: the length of the last axis.

    Returns:
        A tuple `(real, imag)` of shape `(..., fft_length // 2 + 1)`; integer inputs
        give `floatx()`.

    Raises:
        ValueError: If `x` is a scalar or `fft_length` is not a positive integer.

    Example:

    >>> keras.ops.rfft(np.array([1.0, 2.0, 3.0, 4.0], dtype="float32"))
    (array([10., -2., -2.], dtype=float32), array([0., 2., 0.], dtype=float32))
    """
    dtype = _float_of(x)
    t = convert(x, _compute(dtype))
    n = _rfft_length(tuple(t.shape), fft_length)
    real, imag = K.math_extra.rfft(t, int(t.shape[-1]) if n is None else n)
    return _finish(real, dtype), _finish(imag, dtype)


def _irfft_length(m: int | None, fft_length: Any) -> int | None:
    if fft_length is not None:
        return _positive_int("irfft", "fft_length", fft_length)
    return None if m is None else 2 * (m - 1)


def _irfft_rule(x: Any, fft_length: Any = None) -> Spec:
    real, imag = _pair_specs("irfft", x, 1)
    n = _irfft_length(real.shape[-1], fft_length)
    return Spec((*real.shape[:-1], n), result_type(real.dtype, imag.dtype))


@op(_irfft_rule)
def irfft(x: tuple[ArrayLike, ArrayLike], fft_length: int | None = None) -> Tensor:
    """Return the real signal whose `rfft` is `x`, along the last axis.

    Args:
        x: A tuple `(real, imag)` of float tensors holding the non-negative frequency
            terms, of shape `(..., M)`.
        fft_length: The length of the output signal (the terms are cropped or
            zero-padded to `fft_length // 2 + 1`). Defaults to `None`: `2 * (M - 1)`;
            pass it for odd lengths, which cannot be inferred.

    Returns:
        A float tensor of shape `(..., fft_length)`, in the parts' dtype.

    Raises:
        ValueError: If `x` is not a pair of float tensors of one shape, or
            `fft_length` is not a positive integer.

    Example:

    >>> real = np.array([10.0, -2.0, -2.0], dtype="float32")
    >>> imag = np.array([0.0, 2.0, 0.0], dtype="float32")
    >>> keras.ops.irfft((real, imag))
    array([1., 2., 3., 4.], dtype=float32)
    """
    dtype, real, imag = _pair("irfft", x, 1)
    n = _irfft_length(int(real.shape[-1]), fft_length)
    return _finish(K.math_extra.irfft(real, imag, int(n or 0)), dtype)


# --- framing and short-time transforms ----------------------------------------------------


def _sequences_count(name: str, length: int | None, sequence_length: int, sequence_stride: int) -> int | None:
    if length is None:
        return None
    if length < sequence_length:
        raise ValueError(
            f"{name}: the signal ({length} samples) is shorter than one sequence ({sequence_length})."
        )
    return 1 + (length - sequence_length) // sequence_stride


def _extract_shape(shape: Shape, sequence_length: Any, sequence_stride: Any) -> Shape:
    length = _positive_int("extract_sequences", "sequence_length", sequence_length)
    stride = _positive_int("extract_sequences", "sequence_stride", sequence_stride)
    if not shape:
        raise ValueError(f"extract_sequences: expected an input of rank >= 1. Received: x.shape={shape}")
    return (*shape[:-1], _sequences_count("extract_sequences", shape[-1], length, stride), length)


def _extract_rule(x: Any, sequence_length: Any, sequence_stride: Any) -> Spec:
    spec = as_spec(x)
    return Spec(_extract_shape(spec.shape, sequence_length, sequence_stride), _dtype_of(spec))


@op(_extract_rule)
def extract_sequences(x: ArrayLike, sequence_length: int, sequence_stride: int) -> Tensor:
    """Slide a window along the last axis and return the windows as a new axis.

    Args:
        x: Input tensor of rank 1 or more, with `N` samples in its last axis.
        sequence_length: The window length.
        sequence_stride: The step between the starts of consecutive windows.

    Returns:
        A tensor of shape `(..., 1 + (N - sequence_length) // sequence_stride,
        sequence_length)`, in `x`'s dtype.

    Raises:
        ValueError: If the lengths are not positive integers or `N < sequence_length`.

    Example:

    >>> keras.ops.extract_sequences(np.array([1, 2, 3, 4, 5], dtype="int32"), 3, 2)
    array([[1, 2, 3],
           [3, 4, 5]], dtype=int32)
    """
    t = convert(x, _dtype_of(x))
    _extract_shape(tuple(t.shape), sequence_length, sequence_stride)
    return K.math_extra.extract_sequences(t, int(sequence_length), int(sequence_stride))


_WINDOWS = ("hann", "hamming")


def _check_stft_args(
    name: str, sequence_length: Any, sequence_stride: Any, fft_length: Any, window: Any
) -> None:
    length = _positive_int(name, "sequence_length", sequence_length)
    _positive_int(name, "sequence_stride", sequence_stride)
    if _positive_int(name, "fft_length", fft_length) < length:
        raise ValueError(
            f"{name}: `fft_length` must be at least `sequence_length`. "
            f"Received: sequence_length={sequence_length}, fft_length={fft_length}"
        )
    if isinstance(window, str) and window not in _WINDOWS:
        raise ValueError(
            f"{name}: a string `window` must be 'hann' or 'hamming'. Received: window={window!r}"
        )


def _window(name: str, window: Any, sequence_length: int, fft_length: int, dtype: str) -> Tensor:
    """The window as a tensor: `sequence_length` samples (`fft_length` ones for `None`)."""
    if window is None:
        return convert(np.ones(fft_length), dtype)
    if isinstance(window, str):
        if sequence_length == 1:
            return convert(np.ones(1), dtype)
        phase = np.cos(2 * np.pi * np.arange(sequence_length) / sequence_length)
        values = 0.5 - 0.5 * phase if window == "hann" else 0.54 - 0.46 * phase
        return convert(values, dtype)
    t = convert(window, dtype)
    if tuple(t.shape) != (sequence_length,):
        raise ValueError(
            f"{name}: a tensor `window` must have shape (sequence_length,) = ({sequence_length},). "
            f"Received: window.shape={tuple(t.shape)}"
        )
    return t


def _stft_frames(length: int | None, sequence_stride: int, fft_length: int, center: bool) -> int | None:
    if length is None:
        return None
    if center and length <= fft_length // 2:
        raise ValueError(
            f"stft: with `center=True` the signal must be longer than fft_length // 2 = {fft_length // 2}. "
            f"Received: {length} samples"
        )
    padded = length + 2 * (fft_length // 2) if center else length
    return _sequences_count("stft", padded, fft_length, sequence_stride)


def _stft_dtype(x: Any) -> str:
    source = x.dtype if isinstance(x, Spec) else infer_dtype(x)
    if source not in ("float32", "float64"):
        raise TypeError(f"stft: expected a float32 or float64 input. Received: dtype={source}")
    return result_type(source)


def _stft_rule(
    x: Any,
    sequence_length: Any,
    sequence_stride: Any,
    fft_length: Any,
    window: Any = "hann",
    center: bool = True,
) -> tuple[Spec, Spec]:
    spec = as_spec(x)
    _check_stft_args("stft", sequence_length, sequence_stride, fft_length, window)
    if not spec.shape:
        raise ValueError(f"stft: expected an input of rank >= 1. Received: x.shape={spec.shape}")
    frames = _stft_frames(spec.shape[-1], sequence_stride, fft_length, center)
    shape = (*spec.shape[:-1], frames, fft_length // 2 + 1)
    dtype = _stft_dtype(spec)
    return Spec(shape, dtype), Spec(shape, dtype)


@op(_stft_rule)
def stft(
    x: ArrayLike,
    sequence_length: int,
    sequence_stride: int,
    fft_length: int,
    window: str | ArrayLike | None = "hann",
    center: bool = True,
) -> tuple[Tensor, Tensor]:
    """Return the short-time Fourier transform of real signals along the last axis.

    Frames of `fft_length` samples, `sequence_stride` apart, are multiplied by the
    window (of `sequence_length` samples, centered in the frame with zeros around it)
    and transformed with `rfft`.

    Args:
        x: Float32 or float64 signals, of shape `(..., N)`.
        sequence_length: The window length.
        sequence_stride: The hop between frames.
        fft_length: The frame and transform length, at least `sequence_length`.
        window: `"hann"` or `"hamming"` (periodic windows), a 1-D tensor of
            `sequence_length` samples, or `None` (no window: `fft_length` ones).
            Defaults to `"hann"`.
        center: Whether to reflect-pad `fft_length // 2` samples at both ends, so that
            frame `t` is centered at sample `t * sequence_stride`. Defaults to `True`.

    Returns:
        A tuple `(real, imag)` of shape `(..., num_frames, fft_length // 2 + 1)`.

    Raises:
        TypeError: If `x` is not float32 or float64.
        ValueError: If a length is not a positive integer, `fft_length <
            sequence_length`, the window is unknown or misshapen, or the signal is too short.

    Example:

    >>> x = np.array([0.0, 1.0, 2.0, 3.0, 4.0], dtype="float32")
    >>> real, imag = keras.ops.stft(x, 3, 2, 4, window=None, center=False)
    >>> real
    array([[ 6., -2., -2.]], dtype=float32)
    """
    _check_stft_args("stft", sequence_length, sequence_stride, fft_length, window)
    dtype = _stft_dtype(x)
    t = convert(x, dtype)
    if t.ndim < 1:
        raise ValueError(f"stft: expected an input of rank >= 1. Received: x.shape={tuple(t.shape)}")
    _stft_frames(int(t.shape[-1]), sequence_stride, fft_length, center)
    window_t = _window("stft", window, sequence_length, fft_length, dtype)
    return K.math_extra.stft(t, window_t, int(sequence_stride), int(fft_length), bool(center))


def _istft_length(
    frames: int | None, sequence_stride: int, fft_length: int, length: Any, center: bool
) -> int | None:
    if length is not None:
        return _positive_int("istft", "length", length)
    if frames is None:
        return None
    total = (frames - 1) * sequence_stride + fft_length
    return total - 2 * (fft_length // 2) if center else total


def _istft_rule(
    x: Any,
    sequence_length: Any,
    sequence_stride: Any,
    fft_length: Any,
    length: Any = None,
    window: Any = "hann",
    center: bool = True,
) -> Spec:
    _check_stft_args("istft", sequence_length, sequence_stride, fft_length, window)
    real, imag = _pair_specs("istft", x, 2)
    size = _istft_length(real.shape[-2], sequence_stride, fft_length, length, center)
    return Spec((*real.shape[:-2], size), result_type(real.dtype, imag.dtype))


@op(_istft_rule)
def istft(
    x: tuple[ArrayLike, ArrayLike],
    sequence_length: int,
    sequence_stride: int,
    fft_length: int,
    length: int | None = None,
    window: str | ArrayLike | None = "hann",
    center: bool = True,
) -> Tensor:
    """Return the signals whose short-time Fourier transform is `x`: the inverse of `stft`.

    Each frame is inverted with `irfft`, multiplied by the window and overlap-added;
    the sum is divided by the overlap-added squared window (where it is not ~0).

    Args:
        x: A tuple `(real, imag)` of float tensors of shape
            `(..., num_frames, fft_length // 2 + 1)`, as `stft` returns.
        sequence_length: The window length used by `stft`.
        sequence_stride: The hop between frames used by `stft`.
        fft_length: The frame and transform length used by `stft`.
        length: The output length: the signal is cropped or zero-padded to it.
            Defaults to `None`: every sample the frames cover (less the `center` padding).
        window: The window used by `stft`: `"hann"`, `"hamming"`, a tensor or `None`.
            Defaults to `"hann"`.
        center: Whether `stft` padded the signal, whose padding is then dropped.
            Defaults to `True`.

    Returns:
        A float tensor of shape `(..., length)`, in the parts' dtype.

    Raises:
        ValueError: If `x` is not a pair of float tensors of rank >= 2, or an argument
            is invalid as for `stft`.

    Example:

    >>> x = np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0], dtype="float32")
    >>> keras.ops.istft(keras.ops.stft(x, 4, 1, 4), 4, 1, 4)
    array([0., 1., 2., 3., 4., 5.], dtype=float32)
    """
    _check_stft_args("istft", sequence_length, sequence_stride, fft_length, window)
    dtype, real, imag = _pair("istft", x, 2)
    window_t = _window("istft", window, sequence_length, fft_length, _compute(dtype))
    if length is not None:
        _positive_int("istft", "length", length)
    result = K.math_extra.istft(
        real, imag, window_t, int(sequence_stride), int(fft_length), length, bool(center)
    )
    return _finish(result, dtype)


# --- distances ----------------------------------------------------------------------------


def _cdist_shape(x: Shape, y: Shape) -> Shape:
    if len(x) < 2 or len(y) < 2:
        raise ValueError(f"cdist: inputs must have rank >= 2. Received: x.shape={x}, y.shape={y}")
    if x[-1] is not None and y[-1] is not None and x[-1] != y[-1]:
        raise ValueError(
            f"cdist: the last axes of `x` and `y` must match. Received: x.shape={x}, y.shape={y}"
        )
    try:
        batch = broadcast_shapes(x[:-2], y[:-2])
    except ValueError:
        raise ValueError(
            f"cdist: the batch axes do not broadcast. Received: x.shape={x}, y.shape={y}"
        ) from None
    return (*batch, x[-2], y[-2])


def _cdist_rule(x: Any, y: Any) -> Spec:
    sx, sy = as_spec(x), as_spec(y)
    return Spec(_cdist_shape(sx.shape, sy.shape), _float_of(sx, sy))


@op(_cdist_rule)
def cdist(x: ArrayLike, y: ArrayLike) -> Tensor:
    """Return the Euclidean distances between every row of `x` and every row of `y`.

    Args:
        x: Tensor of shape `(..., M, D)`.
        y: Tensor of shape `(..., N, D)`; batch axes broadcast with `x`'s.

    Returns:
        A float tensor of shape `(..., M, N)`; integer inputs give `floatx()`.

    Raises:
        ValueError: If a rank is below 2, the last axes differ, or the batch axes do
            not broadcast.

    Example:

    >>> x = np.array([[0.0, 0.0], [1.0, 1.0]], dtype="float32")
    >>> keras.ops.cdist(x, np.array([[1.0, 0.0]], dtype="float32"))
    array([[1.],
           [1.]], dtype=float32)
    """
    dtype = _float_of(x, y)
    tx, ty = convert(x, dtype), convert(y, dtype)
    _cdist_shape(tuple(tx.shape), tuple(ty.shape))
    return K.math_extra.cdist(tx, ty)
