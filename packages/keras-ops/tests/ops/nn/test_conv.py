"""Tests of the convolution ops against direct numpy loops: values, dtypes, specs, errors, gradients."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, image_data_format, set_image_data_format
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.nn import _conv as ops_module
from keras.ops.nn import _fold as fold_module

# --- references: plain loops over output positions and kernel taps -------------------------


def _per_axis(value: int | Sequence[int], ndim: int) -> tuple[int, ...]:
    return (value,) * ndim if isinstance(value, int) else tuple(value)


def _channels_last(x: np.ndarray, data_format: str) -> np.ndarray:
    return x if data_format == "channels_last" else np.moveaxis(x, 1, -1)


def _back(y: np.ndarray, data_format: str) -> np.ndarray:
    return y if data_format == "channels_last" else np.moveaxis(y, -1, 1)


def same_pads(size: int, extent: int, stride: int) -> tuple[int, int]:
    """TensorFlow's and JAX's "same" padding: `ceil(size / stride)` outputs, the odd pixel after."""
    total = max((-(-size // stride) - 1) * stride + extent - size, 0)
    return total // 2, total - total // 2


def ref_conv(
    x: np.ndarray,
    kernel: np.ndarray,
    strides: Any = 1,
    padding: str = "valid",
    data_format: str = "channels_last",
    dilation_rate: Any = 1,
) -> np.ndarray:
    ndim = x.ndim - 2
    x = _channels_last(x, data_format).astype(np.float64)
    steps, dilation = _per_axis(strides, ndim), _per_axis(dilation_rate, ndim)
    window, per_group, filters = kernel.shape[:ndim], kernel.shape[-2], kernel.shape[-1]
    groups = x.shape[-1] // per_group
    out_group = filters // groups
    extents = [(k - 1) * d + 1 for k, d in zip(window, dilation, strict=True)]
    pads = [
        same_pads(n, e, s) if padding.lower() == "same" else (0, 0)
        for n, e, s in zip(x.shape[1:-1], extents, steps, strict=True)
    ]
    xp = np.pad(x, [(0, 0), *pads, (0, 0)])
    out = [(n - e) // s + 1 for n, e, s in zip(xp.shape[1:-1], extents, steps, strict=True)]
    y = np.zeros((x.shape[0], *out, filters))
    for position in np.ndindex(*out):
        for tap in np.ndindex(*window):
            pixel = xp[
                (
                    slice(None),
                    *(p * s + t * d for p, s, t, d in zip(position, steps, tap, dilation, strict=True)),
                )
            ]
            for g in range(groups):
                w = kernel[tap][:, g * out_group : (g + 1) * out_group].astype(np.float64)
                y[(slice(None), *position, slice(g * out_group, (g + 1) * out_group))] += (
                    pixel[:, g * per_group : (g + 1) * per_group] @ w
                )
    return _back(y, data_format)


def ref_depthwise_conv(
    x: np.ndarray,
    kernel: np.ndarray,
    strides: Any = 1,
    padding: str = "valid",
    data_format: str = "channels_last",
    dilation_rate: Any = 1,
) -> np.ndarray:
    """Channel `c`, filter `m` lands on output channel `c * multiplier + m`."""
    channels = kernel.shape[-2]
    outputs = []
    for c in range(channels):
        single = np.take(x, [c], axis=-1 if data_format == "channels_last" else 1)
        outputs.append(
            ref_conv(single, kernel[..., c : c + 1, :], strides, padding, data_format, dilation_rate)
        )
    return np.concatenate(outputs, axis=-1 if data_format == "channels_last" else 1)


def ref_separable_conv(
    x: np.ndarray,
    depthwise: np.ndarray,
    pointwise: np.ndarray,
    strides: Any = 1,
    padding: str = "valid",
    data_format: str = "channels_last",
    dilation_rate: Any = 1,
) -> np.ndarray:
    middle = ref_depthwise_conv(x, depthwise, strides, padding, data_format, dilation_rate)
    return ref_conv(middle, pointwise, 1, "valid", data_format)


def _transpose_layout(n: int, extent: int, stride: int, padding: str, extra: int | None) -> tuple[int, int]:
    """Keras's (JAX backend's) output length and left crop of the full transposed convolution."""
    if padding == "valid":
        return (n - 1) * stride + (max(extent, stride) if extra is None else extent + extra), 0
    if extra is None:  # the adjoint of a "same" convolution of an input of n * stride
        return n * stride, max(extent - stride, 0) // 2
    total = extent + extent % 2 - 2 + extra
    return (n - 1) * stride + extent % 2 + extra, extent - 1 - min((total + 1) // 2, extent - 1)


def ref_conv_transpose(
    x: np.ndarray,
    kernel: np.ndarray,
    strides: Any = 1,
    padding: str = "valid",
    output_padding: Any = None,
    data_format: str = "channels_last",
    dilation_rate: Any = 1,
) -> np.ndarray:
    """Scatter each input pixel times the `(out, in)` kernel tap, then crop as Keras does."""
    ndim = x.ndim - 2
    x = _channels_last(x, data_format).astype(np.float64)
    steps, dilation = _per_axis(strides, ndim), _per_axis(dilation_rate, ndim)
    extras = [None] * ndim if output_padding is None else list(_per_axis(output_padding, ndim))
    window = kernel.shape[:ndim]
    extents = [(k - 1) * d + 1 for k, d in zip(window, dilation, strict=True)]
    full = [(n - 1) * s + e for n, s, e in zip(x.shape[1:-1], steps, extents, strict=True)]
    y_full = np.zeros((x.shape[0], *full, kernel.shape[-2]))
    for position in np.ndindex(*x.shape[1:-1]):
        for tap in np.ndindex(*window):
            target = tuple(p * s + t * d for p, s, t, d in zip(position, steps, tap, dilation, strict=True))
            y_full[(slice(None), *target)] += x[(slice(None), *position)] @ kernel[tap].astype(np.float64).T
    layouts = [
        _transpose_layout(n, e, s, padding.lower(), o)
        for n, e, s, o in zip(x.shape[1:-1], extents, steps, extras, strict=True)
    ]
    y = np.zeros((x.shape[0], *(length for length, _ in layouts), kernel.shape[-2]))
    for position in np.ndindex(*y.shape[1:-1]):
        source = tuple(p + crop for p, (_, crop) in zip(position, layouts, strict=True))
        if all(0 <= s < f for s, f in zip(source, full, strict=True)):
            y[(slice(None), *position)] = y_full[(slice(None), *source)]
    return _back(y, data_format)


def _as(dtype: str, reference: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: np.asarray(reference(*args, **kwargs)).astype(dtype)


# --- value tables -------------------------------------------------------------------------------

CL, CF = "channels_last", "channels_first"
TOL = {"rtol": 1e-4, "atol": 1e-4}


def _x(spatial: tuple[int, ...], channels: int, data_format: str, dtype: str = "float32") -> np.ndarray:
    shape = (2, *spatial, channels) if data_format == CL else (2, channels, *spatial)
    return rand(*shape, dtype=dtype)


def _conv_cases() -> list[Case]:
    cases = []
    for spatial in ((7,), (6, 5), (5, 4, 4)):
        nd = len(spatial)
        for fmt in (CL, CF):
            for padding, strides, dilation in (
                ("valid", 1, 1),
                ("same", 2, 1),
                ("SAME", 1, 2),
                ("Valid", 2, 1),
            ):
                kw = {"strides": strides, "padding": padding, "data_format": fmt, "dilation_rate": dilation}
                tag = f"{nd}d-{fmt}-{padding}-s{strides}-d{dilation}"
                x = _x(spatial, 4, fmt)
                cases.append(
                    Case("conv", ref_conv, (x, rand(*(3,) * nd, 4, 3)), kw, "float32", id=tag, **TOL)
                )
                cases.append(
                    Case(
                        "conv",
                        ref_conv,
                        (x, rand(*(2,) * nd, 2, 6)),
                        kw,
                        "float32",
                        id=f"grouped-{tag}",
                        **TOL,
                    )
                )
                cases.append(
                    Case(
                        "depthwise_conv",
                        ref_depthwise_conv,
                        (x, rand(*(2,) * nd, 4, 2)),
                        kw,
                        "float32",
                        id=tag,
                        **TOL,
                    )
                )
                pointwise = rand(*(1,) * nd, 8, 3)
                cases.append(
                    Case(
                        "separable_conv",
                        ref_separable_conv,
                        (x, rand(*(2,) * nd, 4, 2), pointwise),
                        kw,
                        "float32",
                        id=tag,
                        **TOL,
                    )
                )
    return cases


def _transpose_cases() -> list[Case]:
    cases = []
    for spatial in ((5,), (4, 3), (3, 3, 2)):
        nd = len(spatial)
        for fmt in (CL, CF):
            for padding, strides, dilation, extra in (
                ("valid", 2, 1, None),
                ("same", 2, 1, None),
                ("same", 3, 1, 1),
                ("valid", 1, 2, 1),
                ("SAME", 1, 2, None),
                ("same", 2, 1, 0),
            ):
                kw = {
                    "strides": strides,
                    "padding": padding,
                    "output_padding": extra,
                    "data_format": fmt,
                    "dilation_rate": dilation,
                }
                for window in (2, 3):
                    tag = f"{nd}d-{fmt}-{padding}-s{strides}-d{dilation}-op{extra}-k{window}"
                    args = (_x(spatial, 3, fmt), rand(*(window,) * nd, 2, 3))
                    cases.append(
                        Case("conv_transpose", ref_conv_transpose, args, kw, "float32", id=tag, **TOL)
                    )
    return cases


DTYPE_CASES = [
    Case(
        "conv",
        _as("int8", ref_conv),
        (rand(1, 5, 2, dtype="int8"), rand(2, 2, 3, dtype="int8")),
        dtype="int8",
        id="int8",
    ),
    Case(
        "conv",
        ref_conv,
        (rand(1, 5, 2, dtype="int32"), rand(2, 2, 3)),
        dtype="float32",
        id="int32-input-float32-kernel",
        **TOL,
    ),
    Case(
        "conv",
        ref_conv,
        (rand(1, 5, 2, dtype="float16"), rand(2, 2, 3)),
        dtype="float32",
        id="float16-input-float32-kernel",
        **TOL,
    ),
    Case(
        "conv",
        ref_conv,
        (rand(1, 5, 5, 2, dtype="float16"), rand(2, 2, 2, 3, dtype="float16")),
        dtype="float16",
        rtol=2e-2,
        atol=2e-2,
        id="float16",
    ),
    Case(
        "conv",
        ref_conv,
        (rand(1, 5, 2, dtype="bfloat16"), rand(2, 2, 3, dtype="bfloat16")),
        dtype="bfloat16",
        rtol=5e-2,
        atol=5e-2,
        id="bfloat16",
    ),
    Case(
        "conv",
        ref_conv,
        (rand(1, 5, 2, dtype="float64"), rand(2, 2, 3, dtype="float64")),
        dtype="float32",
        id="float64-narrows-as-keras-jax",
        **TOL,
    ),
    Case(
        "depthwise_conv",
        _as("int32", ref_depthwise_conv),
        (rand(1, 5, 2, dtype="int32"), rand(2, 2, 2, dtype="int32")),
        dtype="int32",
        id="int32",
    ),
    Case(
        "conv_transpose",
        ref_conv_transpose,
        (rand(1, 4, 2, dtype="float16"), rand(3, 3, 2, dtype="float16")),
        {"strides": 2},
        dtype="float16",
        rtol=2e-2,
        atol=2e-2,
        id="float16",
    ),
    Case(
        "conv_transpose",
        _as("int32", ref_conv_transpose),
        (rand(1, 4, 2, dtype="int32"), rand(3, 3, 2, dtype="int32")),
        {"strides": 2, "padding": "same"},
        dtype="int32",
        id="int32",
    ),
]

CASES = _conv_cases() + _transpose_cases() + DTYPE_CASES


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_loops(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


def test_unknown_batch_and_spatial_dims_propagate() -> None:
    x = KerasTensor((None, None, 8, 4), "float32")
    y = ops_module.conv(x, np.ones((3, 3, 4, 5), "float32"), strides=2, padding="same")
    assert y.shape == (None, None, 4, 5)
    t = ops_module.conv_transpose(KerasTensor((None, 4, 3), "float32"), np.ones((3, 6, 3), "float32"), 2)
    assert t.shape == (None, 9, 6)


def test_data_format_none_reads_image_data_format() -> None:
    x = rand(1, 2, 5, 5)
    kernel = rand(3, 3, 2, 4)
    previous = image_data_format()
    set_image_data_format("channels_first")
    try:
        got = to_numpy(ops_module.conv(x, kernel))
    finally:
        set_image_data_format(previous)
    np.testing.assert_allclose(got, ref_conv(x, kernel, data_format=CF), **TOL)


# --- errors -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErrorCase:
    op: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    match: str
    id: str


X1 = np.ones((1, 5, 4), "float32")
K1 = np.ones((2, 4, 3), "float32")

ERRORS = [
    ErrorCase(
        "conv", (np.ones((5, 4), "float32"), K1), {}, r"conv: `inputs` must have rank 3, 4 or 5", "rank-2"
    ),
    ErrorCase(
        "conv", (np.ones((1, 2, 2, 2, 2, 4), "float32"), K1), {}, r"must have rank 3, 4 or 5", "rank-6"
    ),
    ErrorCase(
        "conv", (X1, np.ones((2, 2, 4, 3), "float32")), {}, r"conv: `kernel` must have rank 3", "kernel-rank"
    ),
    ErrorCase(
        "conv",
        (X1, K1),
        {"padding": "full"},
        r"conv: `padding` must be 'valid' or 'same'. Received: padding='full'",
        "padding",
    ),
    ErrorCase("conv", (X1, K1), {"padding": None}, r"`padding` must be 'valid' or 'same'", "padding-none"),
    ErrorCase(
        "conv",
        (X1, np.ones((2, 3, 3), "float32")),
        {},
        r"conv: the input channels \(4\) must be a multiple of the kernel's input channels \(3\)",
        "channels",
    ),
    ErrorCase(
        "conv",
        (X1, np.ones((2, 2, 3), "float32")),
        {},
        r"output channels that are a multiple of the groups",
        "group-filters",
    ),
    ErrorCase(
        "conv", (X1, K1), {"data_format": "NHWC"}, r"`data_format` must be 'channels_last'", "data-format"
    ),
    ErrorCase(
        "conv", (X1, K1), {"strides": 0}, r"conv: `strides` must be an int or a sequence of 1 ints", "strides"
    ),
    ErrorCase(
        "conv",
        (X1, K1),
        {"strides": (1, 1)},
        r"`strides` must be an int or a sequence of 1 ints",
        "strides-len",
    ),
    ErrorCase("conv", (X1, K1), {"dilation_rate": 1.5}, r"`dilation_rate` must be an int", "dilation"),
    ErrorCase("conv", (X1, np.ones((6, 4, 3), "float32")), {}, r"larger than the input", "window-too-large"),
    ErrorCase(
        "depthwise_conv",
        (X1, np.ones((2, 3, 2), "float32")),
        {},
        r"depthwise_conv: the input channels \(4\) must equal the depthwise kernel's input channels \(3\)",
        "channels",
    ),
    ErrorCase(
        "separable_conv",
        (X1, np.ones((2, 4, 2), "float32"), np.ones((1, 4, 3), "float32")),
        {},
        r"`pointwise_kernel`'s input channels must equal channels \* multiplier of the depthwise step \(8\)",
        "pointwise-channels",
    ),
    ErrorCase(
        "separable_conv",
        (X1, np.ones((2, 4, 2), "float32"), np.ones((2, 8, 3), "float32")),
        {},
        r"`pointwise_kernel` must have a window of size 1",
        "pointwise-window",
    ),
    ErrorCase(
        "conv_transpose",
        (X1, np.ones((2, 3, 3), "float32")),
        {},
        r"conv_transpose: the input channels \(4\) must equal the kernel's last axis",
        "channels",
    ),
    ErrorCase(
        "conv_transpose",
        (X1, K1.transpose(0, 2, 1)),
        {"output_padding": -1},
        r"`output_padding` must be",
        "output-padding",
    ),
    ErrorCase(
        "conv_transpose", (X1, K1.transpose(0, 2, 1)), {"padding": "causal"}, r"`padding` must be", "padding"
    ),
]


@pytest.mark.parametrize("case", ERRORS, ids=lambda c: f"{c.op}-{c.id}")
def test_errors(case: ErrorCase) -> None:
    with pytest.raises(ValueError, match=case.match):
        getattr(ops_module, case.op)(*case.args, **case.kwargs)


@pytest.mark.parametrize("case", ERRORS, ids=lambda c: f"{c.op}-{c.id}")
def test_symbolic_errors(case: ErrorCase) -> None:
    args = tuple(KerasTensor(a.shape, "float32") if isinstance(a, np.ndarray) else a for a in case.args)
    with pytest.raises(ValueError, match=case.match):
        getattr(ops_module, case.op)(*args, **case.kwargs)


# --- gradients ----------------------------------------------------------------------------------


def backend_grad(
    function: Callable[..., Any], args: list[np.ndarray], index: int, weights: np.ndarray
) -> np.ndarray:
    """Return d(sum(function(*args) * weights)) / d(args[index]) by the backend's autodiff."""
    w = convert(weights)
    if backend() == "jax":
        import jax
        import jax.numpy as jnp

        return np.asarray(
            jax.grad(lambda v: jnp.sum(function(*args[:index], v, *args[index + 1 :]) * w))(
                jnp.asarray(args[index])
            )
        )
    if backend() == "torch":
        import torch

        value = torch.tensor(args[index], requires_grad=True)
        torch.sum(function(*args[:index], value, *args[index + 1 :]) * w).backward()
        assert value.grad is not None
        return value.grad.numpy()
    import tensorflow as tf

    variable = tf.Variable(args[index])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(function(*args[:index], tf.convert_to_tensor(variable), *args[index + 1 :]) * w)
    return np.asarray(tape.gradient(loss, variable))


def numeric_grad(
    function: Callable[..., Any], args: list[np.ndarray], index: int, weights: np.ndarray, eps: float
) -> np.ndarray:
    """Central finite differences of `sum(function(*args) * weights)`, accumulated in float64."""
    grad = np.zeros_like(args[index])
    for position in np.ndindex(*args[index].shape):
        sums = []
        for step in (eps, -eps):
            moved = args[index].astype(np.float64)
            moved[position] += step
            moved = moved.astype(args[index].dtype)
            sums.append(float(np.sum(to_numpy(function(*args[:index], moved, *args[index + 1 :])) * weights)))
        grad[position] = (sums[0] - sums[1]) / (2 * eps)
    return grad


def check_grads(
    function: Callable[..., Any],
    args: list[np.ndarray],
    indices: Sequence[int],
    eps: float = 1e-2,
    tol: float = 1e-3,
) -> None:
    """Assert that the backend's gradients equal finite differences, for each argument in `indices`.

    Arguments are float32 (ops narrow float64 as Keras's JAX backend does): a linear op's
    central differences are exact up to rounding, so a large `eps` keeps them accurate.
    """
    weights = np.random.default_rng(7).standard_normal(to_numpy(function(*args)).shape).astype("float32")
    for index in indices:
        np.testing.assert_allclose(
            backend_grad(function, args, index, weights),
            numeric_grad(function, args, index, weights, eps),
            rtol=tol,
            atol=tol,
            err_msg=f"gradient with respect to argument {index}",
        )


def _f32(*shape: int) -> np.ndarray:
    return rand(*shape, dtype="float32")


GRADIENTS = [
    ("conv-1d-same-stride", lambda x, k: ops_module.conv(x, k, 2, "same"), [_f32(1, 5, 2), _f32(3, 2, 2)]),
    (
        "conv-2d-channels-first-dilated",
        lambda x, k: ops_module.conv(x, k, 1, "valid", CF, 2),
        [_f32(1, 2, 5, 4), _f32(2, 2, 2, 2)],
    ),
    ("conv-grouped", lambda x, k: ops_module.conv(x, k, 1, "same"), [_f32(1, 4, 4), _f32(2, 2, 2)]),
    ("depthwise", lambda x, k: ops_module.depthwise_conv(x, k, 1, "same"), [_f32(1, 4, 2), _f32(3, 2, 2)]),
    (
        "separable",
        lambda x, d, p: ops_module.separable_conv(x, d, p),
        [_f32(1, 4, 2), _f32(2, 2, 1), _f32(1, 2, 2)],
    ),
    (
        "conv-transpose",
        lambda x, k: ops_module.conv_transpose(x, k, 2, "same", 1),
        [_f32(1, 3, 2), _f32(3, 3, 2)],
    ),
    (
        "conv-transpose-2d-channels-first",
        lambda x, k: ops_module.conv_transpose(x, k, 2, "valid", None, CF),
        [_f32(1, 2, 2, 2), _f32(2, 2, 1, 2)],
    ),
]


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
@pytest.mark.parametrize(("name", "function", "args"), GRADIENTS, ids=[g[0] for g in GRADIENTS])
def test_gradients_match_finite_differences(
    name: str, function: Callable[..., Any], args: list[np.ndarray]
) -> None:
    check_grads(function, args, range(len(args)))


# --- unfold and fold (im2col and col2im, channels-first) ------------------------------------------


def _pair(value: int | Sequence[int]) -> tuple[int, int]:
    return (value, value) if isinstance(value, int) else (value[0], value[1])


def ref_unfold(
    x: np.ndarray, kernel_size: Any, dilation: Any = 1, padding: Any = 0, stride: Any = 1
) -> np.ndarray:
    (kh, kw), (dh, dw), (ph, pw), (sh, sw) = map(_pair, (kernel_size, dilation, padding, stride))
    xp = np.pad(x, [(0, 0), (0, 0), (ph, ph), (pw, pw)])
    oh = (xp.shape[2] - dh * (kh - 1) - 1) // sh + 1
    ow = (xp.shape[3] - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((x.shape[0], x.shape[1] * kh * kw, oh * ow), x.dtype)
    for c, i, j, r, q in np.ndindex(x.shape[1], kh, kw, oh, ow):
        out[:, c * kh * kw + i * kw + j, r * ow + q] = xp[:, c, r * sh + i * dh, q * sw + j * dw]
    return out


def ref_fold(
    x: np.ndarray, output_size: Any, kernel_size: Any, dilation: Any = 1, padding: Any = 0, stride: Any = 1
) -> np.ndarray:
    (h, w), (kh, kw), (dh, dw), (ph, pw), (sh, sw) = map(
        _pair, (output_size, kernel_size, dilation, padding, stride)
    )
    channels = x.shape[1] // (kh * kw)
    oh = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    ow = (w + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((x.shape[0], channels, h + 2 * ph, w + 2 * pw), x.dtype)
    for c, i, j, r, q in np.ndindex(channels, kh, kw, oh, ow):
        out[:, c, r * sh + i * dh, q * sw + j * dw] += x[:, c * kh * kw + i * kw + j, r * ow + q]
    return out[:, :, ph : ph + h, pw : pw + w]


PATCH_SETTINGS = [
    {"kernel_size": 2},
    {"kernel_size": 3, "padding": 1, "stride": 2},
    {"kernel_size": 2, "dilation": 2, "padding": 1},
    {"kernel_size": (2, 3), "dilation": (1, 2), "padding": (0, 1), "stride": (2, 1)},
]
IMAGE = rand(2, 3, 7, 6)


def _blocks(settings: dict[str, Any]) -> int:
    return int(ref_unfold(IMAGE, **settings).shape[-1])


PATCH_CASES = (
    [
        Case("unfold", ref_unfold, (IMAGE,), settings, "float32", id=f"setting{index}")
        for index, settings in enumerate(PATCH_SETTINGS)
    ]
    + [
        Case(
            "fold",
            ref_fold,
            (rand(2, 3 * int(np.prod(_pair(settings["kernel_size"]))), _blocks(settings)),),
            {"output_size": (7, 6), **settings},
            "float32",
            id=f"setting{index}",
            **TOL,
        )
        for index, settings in enumerate(PATCH_SETTINGS)
    ]
    + [
        Case(
            "unfold", ref_unfold, (rand(1, 2, 4, 4, dtype="int32"),), {"kernel_size": 2}, "int32", id="int32"
        ),
        Case(
            "fold",
            ref_fold,
            (rand(1, 8, 9, dtype="int32"),),
            {"output_size": 4, "kernel_size": 2},
            "int32",
            id="int32",
        ),
        Case(
            "unfold",
            ref_unfold,
            (rand(1, 2, 4, 4, dtype="bfloat16"),),
            {"kernel_size": 3, "padding": 1},
            "bfloat16",
            id="bfloat16",
        ),
    ]
)


@pytest.mark.parametrize("case", PATCH_CASES, ids=case_id)
def test_patches_match_loops(case: Case) -> None:
    check_values(fold_module, case)


@pytest.mark.parametrize("case", PATCH_CASES, ids=case_id)
def test_patches_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(fold_module, case)


def test_fold_of_unfold_counts_overlaps() -> None:
    patches = fold_module.unfold(np.ones((1, 1, 4, 4), "float32"), 3, padding=1)
    counts = to_numpy(fold_module.fold(patches, 4, 3, padding=1))[0, 0]
    np.testing.assert_array_equal(counts, [[4, 6, 6, 4], [6, 9, 9, 6], [6, 9, 9, 6], [4, 6, 6, 4]])


PATCH_ERRORS = [
    ("unfold", (np.ones((1, 4, 4), "float32"), 2), {}, r"unfold: `x` must have rank 4", "rank"),
    ("unfold", (np.ones((1, 1, 4, 4), "float32"), 5), {}, r"unfold: the kernel .* does not fit", "too-large"),
    (
        "unfold",
        (np.ones((1, 1, 4, 4), "float32"), 2),
        {"padding": -1},
        r"unfold: `padding` must be",
        "padding",
    ),
    ("fold", (np.ones((1, 4, 4, 1), "float32"), 4, 2), {}, r"fold: `x` must have rank 3", "rank"),
    (
        "fold",
        (np.ones((1, 6, 9), "float32"), 4, 2),
        {},
        r"fold: the second axis of `x` \(6\) must be a multiple",
        "channels",
    ),
    (
        "fold",
        (np.ones((1, 4, 8), "float32"), 4, 2),
        {},
        r"fold: `x` has 8 blocks, but output_size=4",
        "blocks",
    ),
]


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "match"),
    [e[:4] for e in PATCH_ERRORS],
    ids=[f"{e[0]}-{e[4]}" for e in PATCH_ERRORS],
)
def test_patch_errors(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        getattr(fold_module, name)(*args, **kwargs)
    with pytest.raises(ValueError, match=match):
        getattr(fold_module, name)(KerasTensor(args[0].shape, "float32"), *args[1:], **kwargs)
