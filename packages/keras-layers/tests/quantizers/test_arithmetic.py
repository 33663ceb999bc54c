"""The quantization arithmetic against numpy closed forms and Keras 3.15's outputs: abs-max and
grouped quantization (round trips), fake quantization (values and straight-through gradients),
float8 helpers and int4 packing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ml_dtypes
import numpy as np
import pytest

from keras import ops, quantizers
from keras.backend import backend, standardize_dtype

needs_gradients = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")

RNG = np.random.default_rng(0)
X = np.array([[1.0, -2.0, 3.0], [0.5, 0.25, -4.0]], dtype="float32")
KERNEL = RNG.normal(size=(10, 4)).astype("float32")


def np_(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x))


# --- abs-max -------------------------------------------------------------------------------


@pytest.mark.parametrize("to_numpy", [False, True])
@pytest.mark.parametrize(
    ("axis", "value_range"), [(-1, (-127, 127)), (0, (-127, 127)), ((0, 1), (-127, 127)), (-1, (-7, 7))]
)
def test_abs_max_quantize_matches_closed_form(
    axis: Any, value_range: tuple[int, int], to_numpy: bool
) -> None:
    q, scale = quantizers.abs_max_quantize(KERNEL, axis, value_range, to_numpy=to_numpy)
    expected_scale = value_range[1] / (np.max(np.abs(KERNEL), axis=axis, keepdims=True) + 1e-7)
    np.testing.assert_allclose(np_(scale), expected_scale, rtol=1e-6)
    expected_q = np.clip(np.round(KERNEL * expected_scale.astype("float32")), *value_range)
    np.testing.assert_array_equal(np_(q), expected_q.astype("int8"))
    assert standardize_dtype(q.dtype) == "int8"
    assert standardize_dtype(scale.dtype) == "float32"
    # round trip: the error is at most half a step
    assert np.all(np.abs(np_(q) / np_(scale) - KERNEL) <= 0.5 / np_(scale) + 1e-6)


def test_abs_max_quantize_keras_values() -> None:
    q, scale = quantizers.abs_max_quantize(X, -1)
    np.testing.assert_array_equal(np_(q), [[42, -85, 127], [16, 8, -127]])
    np.testing.assert_allclose(np_(scale), [[42.333332], [31.75]], rtol=1e-6)


def test_abs_max_quantizer_call_uses_its_axis() -> None:
    q0, s0 = quantizers.AbsMaxQuantizer(axis=0)(X)
    assert np_(s0).shape == (1, 3)
    np.testing.assert_array_equal(np_(q0), np.round(X * np_(s0)))
    q1, s1 = quantizers.AbsMaxQuantizer()(X)
    assert np_(s1).shape == (2, 1)
    np.testing.assert_array_equal(np_(q1), [[42, -85, 127], [16, 8, -127]])
    _, s2 = quantizers.AbsMaxQuantizer(axis=0)(X, axis=1)
    assert np_(s2).shape == (2, 1)


@pytest.mark.parametrize("to_numpy", [False, True])
@pytest.mark.parametrize("block_size", [2, 4, 3, 16])
def test_grouped_quantize_matches_closed_form(block_size: int, to_numpy: bool) -> None:
    q, scale, zero = quantizers.abs_max_quantize_grouped_with_zero_point(
        KERNEL, block_size, to_numpy=to_numpy
    )
    groups = -(-KERNEL.shape[0] // block_size)
    padded = np.concatenate([KERNEL, np.zeros((groups * block_size - KERNEL.shape[0], 4), "float32")])
    grouped = padded.reshape(groups, block_size, 4)
    low, high = grouped.min(axis=1), grouped.max(axis=1)
    expected_scale = (high - low + 1e-7) / 15
    expected_zero = np.clip(np.round(-low / expected_scale) - 8, -8, 7)
    np.testing.assert_allclose(np_(scale), expected_scale, rtol=1e-5)
    np.testing.assert_array_equal(np_(zero), expected_zero)
    assert np_(q).shape == KERNEL.shape and np_(scale).shape == (groups, 4)
    assert [standardize_dtype(t.dtype) for t in (q, scale, zero)] == ["int8", "float32", "int8"]
    rows = np.arange(KERNEL.shape[0]) // block_size
    expected_q = np.clip(np.round(KERNEL / np_(scale)[rows]) + expected_zero[rows], -8, 7)
    np.testing.assert_array_equal(np_(q), expected_q)
    # dequantizing is within one step where the group's range holds zero (the zero point is exact)
    holds_zero = ((low <= 0) & (high >= 0))[rows]
    restored = (np_(q).astype("float32") - np_(zero)[rows]) * np_(scale)[rows]
    assert np.all((np.abs(restored - KERNEL) <= np_(scale)[rows] + 1e-5) | ~holds_zero)


def test_grouped_quantize_keras_values() -> None:
    q, scale, zero = quantizers.abs_max_quantize_grouped_with_zero_point(X.T, 2)
    np.testing.assert_array_equal(np_(q), [[7, 7], [-8, 7], [7, -8]])
    np.testing.assert_allclose(np_(scale), [[0.2, 0.01666667], [0.2, 0.26666668]], rtol=1e-5)
    np.testing.assert_array_equal(np_(zero), [[2, -8], [-8, 7]])


def test_grouped_quantize_constant_group_is_widened() -> None:
    # [3, 3] widens to [2, 4]; the zero point -23 is clipped to -8, as Keras does
    x = np.full((2, 1), 3.0, dtype="float32")
    q, scale, zero = quantizers.abs_max_quantize_grouped_with_zero_point(x, 2)
    np.testing.assert_allclose(np_(scale), [[(2 + 1e-7) / 15]], rtol=1e-6)
    np.testing.assert_array_equal(np_(zero), [[-8]])
    np.testing.assert_array_equal(np_(q), [[7], [7]])


def test_grouped_quantize_errors() -> None:
    with pytest.raises(ValueError, match=r"rank 2 .*Received: inputs.shape=\(3,\)"):
        quantizers.abs_max_quantize_grouped_with_zero_point(np.ones(3, "float32"), 2)
    with pytest.raises(ValueError, match="Received: block_size=0"):
        quantizers.abs_max_quantize_grouped_with_zero_point(KERNEL, 0)


# --- fake quantization ---------------------------------------------------------------------


def fake_quant_ref(x: np.ndarray, low: Any, high: Any, num_bits: int = 8, narrow: bool = False) -> np.ndarray:
    qmin, qmax = (1 if narrow else 0), 2**num_bits - 1
    low, high = np.asarray(low, "float64"), np.asarray(high, "float64")
    scale = (high - low) / (qmax - qmin)
    zero = np.round(np.clip(qmin - low / scale, qmin, qmax))
    nmin, nmax = (qmin - zero) * scale, (qmax - zero) * scale
    return (np.floor((np.clip(x, nmin, nmax) - nmin) / scale + 0.5) * scale + nmin).astype(x.dtype)


FAKE_X = RNG.uniform(-2.5, 3.2, size=(2, 4)).astype("float32")  # no grid ties
FAKE_CASES = [
    ({"min_vals": -1.0, "max_vals": 2.0}, fake_quant_ref(FAKE_X, -1.0, 2.0)),
    (
        {"min_vals": -1.0, "max_vals": 2.0, "narrow_range": True},
        fake_quant_ref(FAKE_X, -1.0, 2.0, narrow=True),
    ),
    ({"min_vals": -1.0, "max_vals": 2.0, "num_bits": 4}, fake_quant_ref(FAKE_X, -1.0, 2.0, 4)),
    ({"min_vals": 0.5, "max_vals": 2.0}, fake_quant_ref(FAKE_X, 0.5, 2.0)),  # zero nudged in
    (
        {
            "min_vals": np.array([-1.0, -2.0], "float32"),
            "max_vals": np.array([1.0, 3.0], "float32"),
            "axis": 0,
        },
        fake_quant_ref(FAKE_X, [[-1.0], [-2.0]], [[1.0], [3.0]]),
    ),
    (
        {
            "min_vals": np.array([-1.0, -2.0, -0.4, -1.0], "float32"),
            "max_vals": np.array([1.0, 3.0, 0.6, 2.0], "float32"),
            "axis": -1,
            "num_bits": 6,
        },
        fake_quant_ref(FAKE_X, [-1.0, -2.0, -0.4, -1.0], [1.0, 3.0, 0.6, 2.0], 6),
    ),
]


@pytest.mark.parametrize(("kwargs", "expected"), FAKE_CASES)
def test_fake_quant_matches_closed_form(kwargs: dict[str, Any], expected: np.ndarray) -> None:
    out = quantizers.fake_quant_with_min_max_vars(FAKE_X, **kwargs)
    np.testing.assert_allclose(np_(out), expected, atol=1e-6)
    assert standardize_dtype(out.dtype) == "float32"


def test_fake_quant_keras_values() -> None:
    out = quantizers.fake_quant_with_min_max_vars(
        np.array([0.1, 0.7, -0.3], "float32"), -1.0, 2.0, narrow_range=True
    )
    np.testing.assert_allclose(np_(out), [0.09448819, 0.6968504, -0.2952756], rtol=1e-6)


def test_fake_quant_is_symbolic() -> None:
    from keras.layers import Input

    out = quantizers.fake_quant_with_min_max_vars(Input((3,)), -1.0, 2.0)
    assert tuple(out.shape) == (None, 3)


def backend_gradient(function: Callable[..., Any], *xs: np.ndarray) -> list[np.ndarray]:
    """Gradients of `sum(function(*xs))` with the active backend's autodiff."""
    name = backend()
    if name == "jax":
        import jax
        import jax.numpy as jnp

        grads = jax.grad(lambda *a: jnp.sum(function(*a)), argnums=tuple(range(len(xs))))(
            *map(jnp.asarray, xs)
        )
        return [np.asarray(g) for g in grads]
    if name == "torch":
        import torch

        tensors = [torch.tensor(x, requires_grad=True) for x in xs]
        function(*tensors).sum().backward()
        return [t.grad.detach().numpy() for t in tensors]  # type: ignore[union-attr]
    import tensorflow as tf

    variables = [tf.Variable(x) for x in xs]
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(function(*(tf.convert_to_tensor(v) for v in variables)))
    return [np.asarray(g) for g in tape.gradient(total, variables)]


@needs_gradients
def test_fake_quant_gradient_is_straight_through_per_tensor() -> None:
    weights = np.arange(6, dtype="float32").reshape(2, 3)
    grads = backend_gradient(
        lambda x, a, b: ops.multiply(quantizers.fake_quant_with_min_max_vars(x, a, b), weights),
        X,
        np.array(-1.0, "float32"),
        np.array(2.0, "float32"),
    )
    # inside [-1, 2]: 1.0, 0.5, 0.25; below: -2, -4 (weights 1, 5); above: 3 (weight 2)
    np.testing.assert_allclose(grads[0], [[0.0, 0.0, 0.0], [3.0, 4.0, 0.0]])
    np.testing.assert_allclose(grads[1], 6.0)
    np.testing.assert_allclose(grads[2], 2.0)


@needs_gradients
def test_fake_quant_gradient_per_channel() -> None:
    weights = np.arange(6, dtype="float32").reshape(2, 3) + 1
    grads = backend_gradient(
        lambda x, a, b: ops.multiply(quantizers.fake_quant_with_min_max_vars(x, a, b, axis=-1), weights),
        X,
        np.array([-1.0, -1.0, -5.0], "float32"),
        np.array([2.0, 2.0, 2.0], "float32"),
    )
    np.testing.assert_allclose(grads[0], [[1.0, 0.0, 0.0], [4.0, 5.0, 6.0]])
    np.testing.assert_allclose(grads[1], [0.0, 2.0, 0.0])
    np.testing.assert_allclose(grads[2], [0.0, 0.0, 3.0])


def test_fake_quant_axis_error() -> None:
    with pytest.raises(ValueError, match="Received: axis=2"):
        quantizers.fake_quant_with_min_max_vars(X, -1.0, 1.0, axis=2)


# --- float8 --------------------------------------------------------------------------------

SCALE_CASES = [
    (2.0, 1.0, 448.0, 0, 2.0 / 448.0),
    (2.0, 1.0, 448.0, 2, 8.0 / 448.0),
    (0.0, 0.5, 448.0, 0, 0.5),  # amax 0 keeps the scale
    (np.inf, 0.25, 57344.0, 0, 0.25),  # amax not finite keeps the scale
]


@pytest.mark.parametrize(("amax", "scale", "dtype_max", "margin", "expected"), SCALE_CASES)
def test_compute_float8_scale(
    amax: float, scale: float, dtype_max: float, margin: int, expected: float
) -> None:
    out = quantizers.compute_float8_scale(np.float32(amax), np.float32(scale), dtype_max, margin)
    np.testing.assert_allclose(np_(out), expected, rtol=1e-6)


def test_compute_float8_amax_history() -> None:
    out = quantizers.compute_float8_amax_history(X, np.array([1.0, 2.0, 3.0, 5.0], "float32"))
    np.testing.assert_array_equal(np_(out), [4.0, 3.0, 5.0, 1.0])  # roll left, then slot 0 = max|x|


@pytest.mark.parametrize("quantized_dtype", ["float8_e4m3fn", "float8_e5m2"])
def test_quantize_and_dequantize(quantized_dtype: str) -> None:
    x = (X * 100).astype("float32")
    out = quantizers.quantize_and_dequantize(x, np.float32(0.5), quantized_dtype, "float32")
    limit = float(ml_dtypes.finfo(quantized_dtype).max)
    expected = (
        np.clip(x / 0.5, -limit, limit).astype(getattr(ml_dtypes, quantized_dtype)).astype("float32") * 0.5
    )
    np.testing.assert_array_equal(np_(out), expected)
    assert standardize_dtype(out.dtype) == "float32"


def test_quantize_and_dequantize_keras_values() -> None:
    out = quantizers.quantize_and_dequantize(X * 100, np.float32(0.5), "float8_e4m3fn", "float32")
    np.testing.assert_array_equal(np_(out), [[96.0, -192.0, 224.0], [48.0, 24.0, -224.0]])


# --- int4 ----------------------------------------------------------------------------------


def test_pack_int4_keras_values() -> None:
    packed, shape, length = quantizers.pack_int4(np.array([[-3, 7], [2, -8], [1, 0]], "int8"))
    np.testing.assert_array_equal(np_(packed), [[45, -121], [1, 0]])
    assert (shape, length) == ((2, 2), 3)
    packed, shape, length = quantizers.pack_int4(np.array([[-3, 7, 2], [-8, 1, 0]], "int8"), axis=1)
    np.testing.assert_array_equal(np_(packed), [[125, 2], [24, 0]])
    assert (shape, length) == ((2, 2), 3)


@pytest.mark.parametrize("dtype", ["int8", "uint8"])
@pytest.mark.parametrize(
    ("shape", "axis"), [((5,), 0), ((4, 3), 0), ((3, 5), 1), ((2, 3, 5), -1), ((3, 2, 4), 0)]
)
def test_pack_unpack_round_trip(shape: tuple[int, ...], axis: int, dtype: str) -> None:
    low, high = (-8, 8) if dtype == "int8" else (0, 16)
    x = RNG.integers(low, high, size=shape).astype(dtype)
    packed, packed_shape, length = quantizers.pack_int4(x, axis=axis, dtype=dtype)
    expected_shape = list(shape)
    expected_shape[axis] = (shape[axis] + 1) // 2
    assert packed_shape == tuple(expected_shape) and length == shape[axis]
    # closed form of one byte: low nibble = even element, high nibble = odd element
    moved = np.moveaxis(x, axis, 0).astype("int32")
    if moved.shape[0] % 2:
        moved = np.concatenate([moved, np.zeros_like(moved[:1])])
    byte = (moved[0::2] & 15) | ((moved[1::2] & 15) << 4)
    np.testing.assert_array_equal(np_(packed), np.moveaxis(byte.astype("uint8").view(dtype), 0, axis))
    unpacked = quantizers.unpack_int4(packed, length, axis=axis, dtype=dtype)
    np.testing.assert_array_equal(np_(unpacked), x)
    assert standardize_dtype(unpacked.dtype) == dtype


def test_int4_errors() -> None:
    with pytest.raises(ValueError, match=r"Expected dtype to be 'int8' or 'uint8', but got 'int4'\."):
        quantizers.pack_int4(np.zeros(2, "int8"), dtype="int4")
    with pytest.raises(TypeError, match=r"Expected int8 tensor for packing, got int32\."):
        quantizers.pack_int4(np.zeros(2, "int32"))
    with pytest.raises(TypeError, match="Expected int8 or uint8 tensor for unpacking, got float32"):
        quantizers.unpack_int4(np.zeros(2, "float32"), 3)
    with pytest.raises(ValueError, match="Received: axis=1"):
        quantizers.pack_int4(np.zeros(2, "int8"), axis=1)
