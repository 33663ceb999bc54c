"""Tests of the math ops at `keras.ops` (special functions, top-k, segments, Fourier
transforms, framing, cdist): values against numpy/scipy, dtypes against Keras 3, symbolic
specs, errors and gradients."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
import scipy.special
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, standardize_dtype
from keras.ops import _math as math_ops
from keras.ops._convert import to_numpy
from keras.ops._keras_tensor import KerasTensor

RNG = np.random.default_rng(11)


def _n(x: Any) -> np.ndarray:
    return np.asarray(to_numpy(x))


def _f32(reference: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: np.asarray(reference(*args, **kwargs)).astype("float32")


def _parts(reference: Callable[..., Any], dtype: str = "float32") -> Callable[..., Any]:
    """A numpy FFT on a `(real, imag)` pair, returning a `(real, imag)` pair of `dtype`."""

    def wrap(x: tuple[np.ndarray, np.ndarray], *args: Any) -> tuple[np.ndarray, np.ndarray]:
        out = reference(x[0].astype("float64") + 1j * x[1].astype("float64"), *args)
        return out.real.astype(dtype), out.imag.astype(dtype)

    return wrap


def _rfft(x: np.ndarray, fft_length: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    out = np.fft.rfft(x.astype("float64"), fft_length)
    return out.real.astype("float32"), out.imag.astype("float32")


def _irfft(x: tuple[np.ndarray, np.ndarray], fft_length: int | None = None) -> np.ndarray:
    return np.fft.irfft(x[0] + 1j * x[1], fft_length).astype("float32")


def _top_k(x: np.ndarray, k: int, sorted: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Stable descending order (ties in index order) through `np.argsort` of the reversed row."""
    n = x.shape[-1]
    indices = (n - 1 - np.argsort(x[..., ::-1], axis=-1, kind="stable")[..., ::-1])[..., :k]
    return np.take_along_axis(x, indices, axis=-1), indices.astype("int32")


def _segment(reduce: Callable[..., Any], identity: float) -> Callable[..., Any]:
    """A loop over segments: the reference for the segment ops."""

    def reference(
        data: np.ndarray, ids: np.ndarray, num_segments: int | None = None, sorted: bool = False
    ) -> Any:
        count = int(ids.max()) + 1 if num_segments is None else num_segments
        out = np.full((count, *data.shape[1:]), identity, dtype=data.dtype)
        for segment in range(count):
            rows = data[ids == segment]
            if len(rows):
                out[segment] = reduce(rows, axis=0)
        return out

    return reference


def _extract(x: np.ndarray, sequence_length: int, sequence_stride: int) -> np.ndarray:
    count = 1 + (x.shape[-1] - sequence_length) // sequence_stride
    return np.stack(
        [x[..., i * sequence_stride : i * sequence_stride + sequence_length] for i in range(count)], -2
    )


def _cdist(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.sqrt(((x[..., :, None, :] - y[..., None, :, :]) ** 2).sum(-1)).astype("float32")


def _stft_reference(
    x: np.ndarray, sequence_length: int, sequence_stride: int, fft_length: int
) -> tuple[Any, Any]:
    """A direct STFT: reflect padding, a periodic Hann window centered in each frame, rfft."""
    pad = fft_length // 2
    padded = np.pad(x.astype("float64"), [(0, 0)] * (x.ndim - 1) + [(pad, pad)], mode="reflect")
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(sequence_length) / sequence_length)
    left = (fft_length - sequence_length) // 2
    window = np.pad(window, (left, fft_length - sequence_length - left))
    out = np.fft.rfft(_extract(padded, fft_length, sequence_stride) * window, fft_length)
    return out.real.astype("float32"), out.imag.astype("float32")


SIGNAL = rand(2, 8)
PAIR = (rand(2, 8), rand(2, 8))
PAIR_2D = (rand(2, 4, 6), rand(2, 4, 6))
SEGMENT_DATA = rand(6, 3)
SEGMENT_IDS = np.array([0, 0, 2, 2, 3, 0], dtype="int32")
SPD = (lambda a: (a @ a.T + 3 * np.eye(3)).astype("float32"))(RNG.normal(size=(3, 3)))

CASES = [
    Case("erf", _f32(scipy.special.erf), (rand(20, low=-3, high=3),), rtol=1e-6, atol=1e-6),
    Case("erf", _f32(scipy.special.erf), (np.array([-2, 0, 1], "int32"),), rtol=1e-6, id="int"),
    Case("erfc", _f32(scipy.special.erfc), (rand(20, low=-3, high=3),), rtol=1e-5, atol=1e-7),
    Case("erfinv", _f32(scipy.special.erfinv), (rand(20, low=-0.99, high=0.99),), rtol=1e-5, atol=1e-5),
    Case("rsqrt", _f32(lambda x: 1 / np.sqrt(x)), (rand(3, 4, low=0.1, high=4),), rtol=1e-6),
    Case("rsqrt", _f32(lambda x: 1 / np.sqrt(x)), (np.array([1, 4, 16], "int8"),), id="int8"),
    Case("logsumexp", _f32(scipy.special.logsumexp), (rand(3, 4),), rtol=1e-6, id="all"),
    Case(
        "logsumexp",
        _f32(scipy.special.logsumexp),
        (rand(3, 4, 2),),
        {"axis": (0, 2), "keepdims": True},
        rtol=1e-6,
        id="axes-keepdims",
    ),
    Case(
        "logsumexp",
        _f32(scipy.special.logsumexp),
        (np.array([[1000.0, 1000.0], [-1000.0, -1000.0]], "float32"),),
        {"axis": -1},
        rtol=1e-6,
        id="no-overflow",
    ),
    Case("logdet", _f32(lambda x: np.linalg.slogdet(x)[1]), (SPD,), rtol=1e-5),
    Case(
        "logdet",
        _f32(lambda x: np.linalg.slogdet(x)[1]),
        (np.stack([SPD, 2 * SPD]),),
        rtol=1e-5,
        id="batched",
    ),
    Case("top_k", _top_k, (rand(3, 6),), {"k": 3}),
    Case("top_k", _top_k, (np.array([[1, 5, 5, 2, 5], [3, 3, 3, 3, 3]], "int32"), 2), id="ties"),
    Case(
        "top_k",
        lambda x, k: tuple(
            a.astype(d) for a, d in zip(_top_k(x.astype("int32"), k), ("bool", "int32"), strict=True)
        ),
        (np.array([False, True, True, False]), 3),
        id="bool",
    ),
    Case(
        "in_top_k",
        lambda t, p, k: np.array([True, False, True]),
        (
            np.array([2, 0, 1]),
            np.array([[0.1, 0.4, 0.6, 0.9], [0.1, 0.7, 0.9, 0.8], [0.1, 0.6, 0.9, 0.9]], "float32"),
            3,
        ),
    ),
    Case(
        "in_top_k",
        lambda t, p, k: np.array([False, True]),
        (np.array([0, 0]), np.array([[np.nan, 0.5], [0.3, 0.1]], "float32"), 1),
        id="nan",
    ),
    Case("segment_sum", _segment(np.sum, 0), (SEGMENT_DATA, SEGMENT_IDS, 5), rtol=1e-6),
    Case(
        "segment_sum", _segment(np.sum, 0), (SEGMENT_DATA, SEGMENT_IDS), symbolic=False, id="inferred-count"
    ),
    Case("segment_prod", _segment(np.prod, 1), (SEGMENT_DATA, SEGMENT_IDS, 5), rtol=1e-6),
    Case("segment_max", _segment(np.max, -math.inf), (SEGMENT_DATA, SEGMENT_IDS, 5)),
    Case("segment_min", _segment(np.min, math.inf), (SEGMENT_DATA, SEGMENT_IDS, 5)),
    Case(
        "segment_max",
        _segment(np.max, np.iinfo("int32").min),
        (rand(6, dtype="int32", low=-9, high=9), SEGMENT_IDS, 5),
        id="int",
    ),
    Case(
        "segment_min",
        _segment(np.min, np.iinfo("int8").max),
        (rand(6, 2, dtype="int8", low=-9, high=9), SEGMENT_IDS, 5),
        {"sorted": False},
        id="int8",
    ),
    Case(
        "segment_sum",
        _segment(np.sum, 0),
        (SEGMENT_DATA[[0, 1, 5, 2, 3, 4]], np.array([0, 0, 0, 2, 2, 3]), 4),
        {"sorted": True},
        rtol=1e-6,
        id="sorted",
    ),
    Case("fft", _parts(np.fft.fft), (PAIR,), rtol=1e-5, atol=1e-5),
    Case("fft2", _parts(np.fft.fft2), (PAIR_2D,), rtol=1e-5, atol=1e-5),
    Case("ifft2", _parts(np.fft.ifft2), (PAIR_2D,), rtol=1e-5, atol=1e-6),
    Case("rfft", _rfft, (SIGNAL,), rtol=1e-5, atol=1e-5),
    Case("rfft", _rfft, (SIGNAL, 5), rtol=1e-5, atol=1e-5, id="crop-odd"),
    Case("rfft", _rfft, (SIGNAL, 12), rtol=1e-5, atol=1e-5, id="pad"),
    Case("rfft", _rfft, (np.arange(6, dtype="int32"),), rtol=1e-5, atol=1e-5, id="int"),
    Case("irfft", _irfft, ((rand(2, 5), rand(2, 5)),), rtol=1e-5, atol=1e-5),
    Case("irfft", _irfft, ((rand(2, 5), rand(2, 5)), 9), rtol=1e-5, atol=1e-5, id="odd-length"),
    Case("stft", _stft_reference, (rand(2, 16), 6, 3, 8), rtol=1e-4, atol=1e-5),
    Case("extract_sequences", _extract, (rand(2, 10), 4, 3)),
    Case("extract_sequences", _extract, (np.arange(7, dtype="int32"), 3, 1), id="int"),
    Case("cdist", _cdist, (rand(4, 3), rand(5, 3)), rtol=1e-5),
    Case("cdist", _cdist, (rand(2, 4, 3), rand(5, 3)), rtol=1e-5, id="batched"),
    Case("cdist", _cdist, (np.array([[0, 0], [3, 4]], "int32"), np.array([[0, 0]], "int32")), id="int"),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: Case) -> None:
    check_values(math_ops, case)


@pytest.mark.parametrize("case", [c for c in CASES if c.symbolic], ids=case_id)
def test_symbolic(case: Case) -> None:
    check_symbolic(math_ops, case)


# --- round trips and semantics ------------------------------------------------------------


@pytest.mark.parametrize("window", ["hann", "hamming", None, "tensor"])
@pytest.mark.parametrize("center", [True, False])
@pytest.mark.parametrize(
    ("sequence_length", "sequence_stride", "fft_length"), [(8, 2, 8), (6, 3, 8), (5, 1, 5)]
)
def test_stft_istft_round_trip(
    window: str | None, center: bool, sequence_length: int, sequence_stride: int, fft_length: int
) -> None:
    x = rand(2, 40)
    win: Any = rand(sequence_length, low=0.5, high=1.5) if window == "tensor" else window
    spectrum = math_ops.stft(x, sequence_length, sequence_stride, fft_length, window=win, center=center)
    y = _n(math_ops.istft(spectrum, sequence_length, sequence_stride, fft_length, window=win, center=center))
    # The frames cover the signal up to the last full hop: (6, 3, 8) gives 39 of 40 samples.
    x = x[..., : y.shape[-1]]
    if center:
        np.testing.assert_allclose(y, x, atol=1e-5)
    else:
        # Without padding the edges are covered by (near-)zero window samples only.
        inner = slice(fft_length, y.shape[-1] - fft_length)
        np.testing.assert_allclose(y[..., inner], x[..., inner], atol=1e-5)
    sized = math_ops.istft(spectrum, sequence_length, sequence_stride, fft_length, 45, win, center)
    assert _n(sized).shape == (2, 45)


def test_irfft_inverts_rfft() -> None:
    x = rand(3, 7)
    np.testing.assert_allclose(_n(math_ops.irfft(math_ops.rfft(x), 7)), x, atol=1e-5)


def test_ifft2_inverts_fft2() -> None:
    out = math_ops.ifft2(math_ops.fft2(PAIR_2D))
    np.testing.assert_allclose(_n(out[0]), PAIR_2D[0], atol=1e-5)
    np.testing.assert_allclose(_n(out[1]), PAIR_2D[1], atol=1e-5)


def test_erfinv_edges() -> None:
    got = _n(math_ops.erfinv(np.array([-1.0, 1.0, 1.5, 0.0], "float32")))
    assert got[0] == -np.inf and got[1] == np.inf and np.isnan(got[2]) and got[3] == 0


def test_top_k_unsorted_holds_the_same_entries() -> None:
    x = rand(4, 9)
    values, indices = (_n(t) for t in math_ops.top_k(x, 4, sorted=False))
    np.testing.assert_array_equal(np.sort(values, -1), np.sort(_top_k(x, 4)[0], -1))
    np.testing.assert_array_equal(np.take_along_axis(x, indices.astype("int64"), -1), values)


# --- dtypes -------------------------------------------------------------------------------

# (op, input dtype, expected output dtypes), from Keras 3.15's jax backend where it accepts the
# input; erf and rsqrt (which jax refuses on integers) follow erfc: integers give floatx().
DTYPE_ROWS: list[tuple[str, Callable[[Any], Any], str, tuple[str, ...]]] = [
    *[
        (name, getattr(math_ops, name), d, ("float32",))
        for name in ("erf", "erfc", "erfinv", "rsqrt", "logsumexp")
        for d in ("int8", "int32", "bool")
    ],
    *[
        (name, getattr(math_ops, name), d, (d,))
        for name in ("erf", "erfc", "erfinv", "rsqrt", "logsumexp")
        for d in ("float16", "bfloat16")
    ],
    ("erf", math_ops.erf, "float64", ("float32",)),
    ("top_k", lambda x: math_ops.top_k(x, 2), "int8", ("int8", "int32")),
    ("top_k", lambda x: math_ops.top_k(x, 2), "int64", ("int32", "int32")),
    ("top_k", lambda x: math_ops.top_k(x, 2), "bfloat16", ("bfloat16", "int32")),
    ("segment_sum", lambda x: math_ops.segment_sum(x, np.array([0, 1, 1, 0]), 2), "uint8", ("uint8",)),
    ("segment_max", lambda x: math_ops.segment_max(x, np.array([0, 1, 1, 0]), 2), "bool", ("bool",)),
    ("segment_prod", lambda x: math_ops.segment_prod(x, np.array([0, 1, 1, 0]), 2), "float16", ("float16",)),
    ("rfft", math_ops.rfft, "int32", ("float32", "float32")),
    ("rfft", math_ops.rfft, "float16", ("float16", "float16")),
    ("fft", lambda x: math_ops.fft((x, x)), "bfloat16", ("bfloat16", "bfloat16")),
    ("irfft", lambda x: math_ops.irfft((x, x)), "float16", ("float16",)),
    ("stft", lambda x: math_ops.stft(x, 2, 1, 2), "float64", ("float32", "float32")),
    ("extract_sequences", lambda x: math_ops.extract_sequences(x, 2, 1), "uint8", ("uint8",)),
    ("cdist", lambda x: math_ops.cdist(x[None], x[None]), "int8", ("float32",)),
    ("cdist", lambda x: math_ops.cdist(x[None], x[None]), "bool", ("float32",)),
    ("in_top_k", lambda x: math_ops.in_top_k(np.array([0]), x[None], 1), "int32", ("bool",)),
    ("logdet", lambda x: math_ops.logdet(np.diag(x)), "float16", ("float16",)),
]


@pytest.mark.parametrize(("name", "function", "dtype", "expected"), DTYPE_ROWS, ids=lambda v: str(v))
def test_dtypes(name: str, function: Callable[[Any], Any], dtype: str, expected: tuple[str, ...]) -> None:
    x = np.array([1, 0, 1, 1]).astype(dtype)
    outputs = function(x)
    outputs = outputs if isinstance(outputs, tuple) else (outputs,)
    assert tuple(standardize_dtype(o.dtype) for o in outputs) == expected
    if name in ("erf", "rsqrt", "logsumexp", "top_k"):
        symbolic = function(KerasTensor(x.shape, dtype))
        symbolic = symbolic if isinstance(symbolic, tuple) else (symbolic,)
        assert tuple(s.dtype for s in symbolic) == expected


def test_weak_scalars_and_lists() -> None:
    assert standardize_dtype(math_ops.erf(0.5).dtype) == "float32"
    assert standardize_dtype(math_ops.logsumexp([1, 2, 3]).dtype) == "float32"
    np.testing.assert_allclose(_n(math_ops.rsqrt(4)), 0.5)


def test_symbolic_shapes() -> None:
    real, imag = math_ops.stft(KerasTensor((None, 100), "float32"), 10, 5, 16)
    assert real.shape == (None, 21, 9) and imag.dtype == "float32"
    assert math_ops.istft((real, imag), 10, 5, 16).shape == (None, 100)
    assert math_ops.istft((real, imag), 10, 5, 16, length=90).shape == (None, 90)
    assert math_ops.segment_sum(KerasTensor((None, 3), "float32"), KerasTensor((None,), "int32")).shape == (
        None,
        3,
    )
    assert math_ops.rfft(KerasTensor((2, None), "float32"))[0].shape == (2, None)
    assert math_ops.extract_sequences(KerasTensor((2, None), "float32"), 4, 2).shape == (2, None, 4)


# --- errors -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorCase:
    op: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    exception: type[Exception]
    match: str
    id: str


ERROR_CASES = [
    ErrorCase(
        "top_k", (np.ones(3), 4), {}, ValueError, r"top_k: `k` must be at most the last axis' length 3", "k"
    ),
    ErrorCase(
        "top_k",
        (np.ones(3), 0),
        {},
        ValueError,
        r"top_k: `k` must be a positive integer\. Received: k=0",
        "zero",
    ),
    ErrorCase(
        "top_k", (np.float32(1), 1), {}, ValueError, r"top_k: expected an input of rank >= 1", "scalar"
    ),
    ErrorCase(
        "in_top_k",
        (np.ones((2, 2), "int32"), np.ones((2, 3)), 1),
        {},
        ValueError,
        r"in_top_k: `targets` must have one axis fewer than `predictions`",
        "rank",
    ),
    ErrorCase(
        "segment_sum",
        (np.ones((3, 2)), np.zeros((3, 1), "int32"), 2),
        {},
        ValueError,
        r"segment_sum: `segment_ids` must be 1-D",
        "ids-rank",
    ),
    ErrorCase(
        "segment_max",
        (np.ones((3, 2)), np.zeros(4, "int32"), 2),
        {},
        ValueError,
        r"segment_max: `segment_ids` must have one entry per row of `data`",
        "ids-length",
    ),
    ErrorCase(
        "segment_min",
        (np.ones(3), np.zeros(3, "int32"), 0),
        {},
        ValueError,
        r"segment_min: `num_segments` must be a positive integer",
        "num-segments",
    ),
    ErrorCase(
        "segment_sum",
        (np.ones(3, bool), np.zeros(3, "int32"), 1),
        {},
        TypeError,
        r"segment_sum: boolean `data` is not supported",
        "bool",
    ),
    ErrorCase(
        "fft",
        (np.ones(3),),
        {},
        ValueError,
        r"fft: `x` must be a tuple `\(real, imag\)` of two tensors",
        "not-pair",
    ),
    ErrorCase(
        "fft",
        ((np.ones(3), np.ones(4)),),
        {},
        ValueError,
        r"fft: the real and imaginary parts must have the same shape",
        "shapes",
    ),
    ErrorCase(
        "fft2", ((np.ones(3), np.ones(3)),), {}, ValueError, r"fft2: expected parts of rank >= 2", "rank"
    ),
    ErrorCase(
        "ifft2",
        ((np.ones((2, 2), "int32"), np.ones((2, 2), "int32")),),
        {},
        ValueError,
        r"ifft2: the real and imaginary parts must be float tensors",
        "int",
    ),
    ErrorCase(
        "rfft", (np.ones(4), 0), {}, ValueError, r"rfft: `fft_length` must be a positive integer", "length"
    ),
    ErrorCase(
        "stft",
        (np.ones(8, "int32"), 4, 2, 4),
        {},
        TypeError,
        r"stft: expected a float32 or float64 input\. Received: dtype=int32",
        "dtype",
    ),
    ErrorCase(
        "stft",
        (np.ones(8, "float32"), 4, 0, 4),
        {},
        ValueError,
        r"stft: `sequence_stride` must be a positive integer",
        "stride",
    ),
    ErrorCase(
        "stft",
        (np.ones(8, "float32"), 4, 2, 3),
        {},
        ValueError,
        r"stft: `fft_length` must be at least `sequence_length`",
        "fft-length",
    ),
    ErrorCase(
        "stft",
        (np.ones(8, "float32"), 4, 2, 4),
        {"window": "blackman"},
        ValueError,
        r"stft: a string `window` must be 'hann' or 'hamming'",
        "window",
    ),
    ErrorCase(
        "stft",
        (np.ones(8, "float32"), 4, 2, 4),
        {"window": np.ones(3)},
        ValueError,
        r"stft: a tensor `window` must have shape \(sequence_length,\) = \(4,\)",
        "window-shape",
    ),
    ErrorCase(
        "istft",
        ((np.ones(3, "float32"), np.ones(3, "float32")), 4, 2, 4),
        {},
        ValueError,
        r"istft: expected parts of rank >= 2",
        "rank",
    ),
    ErrorCase(
        "extract_sequences",
        (np.ones(3), 4, 1),
        {},
        ValueError,
        r"extract_sequences: the signal \(3 samples\) is shorter than one sequence \(4\)",
        "short",
    ),
    ErrorCase(
        "cdist",
        (np.ones((2, 3)), np.ones((2, 4))),
        {},
        ValueError,
        r"cdist: the last axes of `x` and `y` must match",
        "last-axis",
    ),
    ErrorCase(
        "cdist", (np.ones(3), np.ones((2, 3))), {}, ValueError, r"cdist: inputs must have rank >= 2", "rank"
    ),
    ErrorCase(
        "logsumexp",
        (np.ones(3),),
        {"axis": 1},
        ValueError,
        r"logsumexp: axis 1 is out of bounds for a tensor of rank 1",
        "axis",
    ),
    ErrorCase("logdet", (np.ones((2, 3)),), {}, ValueError, r"logdet: expected square matrices", "square"),
]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[f"{c.op}-{c.id}" for c in ERROR_CASES])
def test_errors(case: ErrorCase) -> None:
    with pytest.raises(case.exception, match=case.match):
        getattr(math_ops, case.op)(*case.args, **case.kwargs)


def test_symbolic_errors_match_eager() -> None:
    with pytest.raises(ValueError, match=r"top_k: `k` must be at most the last axis' length 3"):
        math_ops.top_k(KerasTensor((2, 3), "float32"), 4)
    with pytest.raises(ValueError, match=r"cdist: the last axes of `x` and `y` must match"):
        math_ops.cdist(KerasTensor((2, 3), "float32"), KerasTensor((2, 4), "float32"))


# --- gradients ----------------------------------------------------------------------------


def _grad(function: Callable[..., Any], x: np.ndarray) -> np.ndarray:
    """Return the gradient of `sum(function(x))` with the active backend."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(jax.grad(lambda v: jnp.sum(function(v)))(jnp.asarray(x)))
    if name == "torch":
        import torch

        tensor = torch.tensor(x, requires_grad=True)
        function(tensor).sum().backward()
        assert tensor.grad is not None
        return np.asarray(tensor.grad.numpy())
    import tensorflow as tf

    variable = tf.Variable(x)
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(tf.convert_to_tensor(variable)))
    return np.asarray(tape.gradient(total, variable))


def _numeric_grad(function: Callable[[np.ndarray], Any], x: np.ndarray, eps: float = 1e-4) -> np.ndarray:
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = eps
        grad[index] = (np.sum(function(x + step)) - np.sum(function(x - step))) / (2 * eps)
    return grad


POINTS = RNG.uniform(-1.0, 0.0, size=(2, 4)).astype("float32")
GRADIENT_ROWS: list[tuple[str, Callable[..., Any], Callable[..., Any]]] = [
    ("logsumexp", lambda x: math_ops.logsumexp(x, axis=1), lambda x: scipy.special.logsumexp(x, axis=1)),
    ("erf", math_ops.erf, scipy.special.erf),
    ("rsqrt", math_ops.rsqrt, lambda x: 1 / np.sqrt(x)),
    (
        "cdist",
        lambda x: math_ops.cdist(x, POINTS),
        lambda x: np.sqrt(((x[:, None] - POINTS[None]) ** 2).sum(-1)),
    ),
    ("rfft", lambda x: math_ops.rfft(x)[0] ** 2, lambda x: np.fft.rfft(x).real ** 2),
    (
        "segment_max",
        lambda x: math_ops.segment_max(x, np.array([0, 1, 0]), 2),
        lambda x: _segment(np.max, 0)(x, np.array([0, 1, 0]), 2),
    ),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(
    ("function", "reference"), [r[1:] for r in GRADIENT_ROWS], ids=[r[0] for r in GRADIENT_ROWS]
)
def test_gradient(function: Callable[..., Any], reference: Callable[..., Any]) -> None:
    x = RNG.uniform(0.5, 2.0, size=(3, 4)).astype("float32")
    expected = _numeric_grad(reference, x.astype("float64"))
    np.testing.assert_allclose(_grad(function, x), expected, rtol=2e-3, atol=2e-4)
