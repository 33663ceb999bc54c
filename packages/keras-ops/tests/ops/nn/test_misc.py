"""Tests of one_hot, multi_hot, polar, depth_to_space and space_to_depth: values against numpy,
dtypes against Keras 3 (JAX backend), symbolic specs and errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from op_testing import Case, case_id, check_symbolic, check_values, rand

from keras.backend import backend, floatx, standardize_dtype
from keras.ops._convert import convert, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops.nn import _misc as ops_module

LABELS = np.array([[0, 2, 1], [3, 3, -1]], dtype="int32")


def np_one_hot(x: Any, num_classes: int, axis: int = -1, dtype: Any = None, sparse: bool = False) -> Any:
    x = np.asarray(x)
    encoded = (x[..., None] == np.arange(num_classes)).astype(dtype or "float32")
    return np.moveaxis(encoded, -1, axis)


def np_multi_hot(inputs: Any, num_classes: int, axis: int = -1, dtype: Any = None, **_: Any) -> Any:
    encoded = np_one_hot(np.asarray(inputs).astype("int32"), num_classes, axis, dtype)
    return encoded.max(axis=1 if np.ndim(inputs) > 1 else 0)


def np_polar(abs_: Any, angle: Any) -> Any:
    return np.asarray(abs_, "float64") * np.exp(1j * np.asarray(angle, "float64"))


def _block_channel(i: int, j: int, c: int, r: int, channels: int, channels_last: bool) -> int:
    """The input channel that block position (i, j) of output channel c comes from.

    As in Keras 3: channels-last orders channels (i, j, c) (TensorFlow's layout),
    channels-first orders them (c, i, j) (PyTorch's `pixel_shuffle` layout).
    """
    return (i * r + j) * channels + c if channels_last else (c * r + i) * r + j


def np_depth_to_space(x: Any, block_size: int, data_format: str = "channels_last") -> Any:
    """Pixel shuffle by its definition: out[h*r + i, w*r + j, c] = in[h, w, channel(i, j, c)]."""
    last = data_format == "channels_last"
    x = np.asarray(x) if last else np.moveaxis(np.asarray(x), 1, -1)
    n, h, w, c = x.shape
    r = block_size
    out = np.empty((n, h * r, w * r, c // r**2), dtype=x.dtype)
    for i in range(r):
        for j in range(r):
            for k in range(c // r**2):
                out[:, i::r, j::r, k] = x[..., _block_channel(i, j, k, r, c // r**2, last)]
    return out if last else np.moveaxis(out, -1, 1)


def np_space_to_depth(x: Any, block_size: int, data_format: str = "channels_last") -> Any:
    last = data_format == "channels_last"
    x = np.asarray(x) if last else np.moveaxis(np.asarray(x), 1, -1)
    n, h, w, c = x.shape
    r = block_size
    out = np.empty((n, h // r, w // r, c * r**2), dtype=x.dtype)
    for i in range(r):
        for j in range(r):
            for k in range(c):
                out[..., _block_channel(i, j, k, r, c, last)] = x[:, i::r, j::r, k]
    return out if last else np.moveaxis(out, -1, 1)


def _case(
    name: str, ref: Callable[..., Any], *args: Any, id: str = "", expected: str | None = None, **kwargs: Any
) -> Case:
    return Case(name, ref, args, kwargs, dtype=expected, rtol=1e-6, atol=1e-6, id=id)


IMAGE = np.arange(2 * 2 * 3 * 8, dtype="float32").reshape(2, 2, 3, 8)
IMAGE_FIRST = np.arange(2 * 8 * 2 * 3, dtype="int32").reshape(2, 8, 2, 3)
CASES = [
    _case("one_hot", np_one_hot, LABELS, 4, expected="float32"),
    _case("one_hot", np_one_hot, LABELS, 4, id="axis0", expected="float32", axis=0),
    _case("one_hot", np_one_hot, LABELS, 4, id="axis1", expected="float32", axis=1),
    _case("one_hot", np_one_hot, LABELS, 3, id="int8-out", expected="int8", dtype="int8"),
    _case("one_hot", np_one_hot, np.array([0.0, 1.5, 2.0]), 3, id="float-labels", expected="float32"),
    _case("one_hot", np_one_hot, np.array([True, False]), 2, id="bool-labels", expected="float32"),
    _case("one_hot", np_one_hot, np.array(2, "int64"), 3, id="scalar", expected="float32"),
    _case("multi_hot", np_multi_hot, LABELS, 4, expected="float32"),
    _case("multi_hot", np_multi_hot, np.array([0, 3, 3]), 5, id="1d", expected="float32"),
    _case("multi_hot", np_multi_hot, LABELS, 4, id="axis0", expected="float32", axis=0),
    _case("multi_hot", np_multi_hot, LABELS.reshape(1, 2, 3), 4, id="rank3", expected="float32"),
    _case(
        "multi_hot",
        np_multi_hot,
        np.array([[0.0, 2.7]]),
        4,
        id="float-labels-truncate",
        expected="int32",
        dtype="int32",
    ),
    _case("polar", np_polar, rand(2, 3), rand(2, 3), expected="complex64"),
    _case("polar", np_polar, rand(3), rand(2, 1), id="broadcast", expected="complex64"),
    _case(
        "polar",
        np_polar,
        np.array([1, 2], "int32"),
        np.array([0, 3], "int32"),
        id="int",
        expected="complex64",
    ),
    _case("depth_to_space", np_depth_to_space, IMAGE, 2),
    _case(
        "depth_to_space", np_depth_to_space, IMAGE_FIRST, 2, id="channels-first", data_format="channels_first"
    ),
    _case("space_to_depth", np_space_to_depth, IMAGE[:, :, :2], 2),
    _case("space_to_depth", np_space_to_depth, IMAGE.reshape(2, 4, 6, 2), 2, id="6-wide"),
    _case(
        "space_to_depth",
        np_space_to_depth,
        IMAGE_FIRST.reshape(2, 3, 4, 4),
        2,
        id="channels-first",
        data_format="channels_first",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_matches_numpy(case: Case) -> None:
    check_values(ops_module, case)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_symbolic_matches_eager(case: Case) -> None:
    check_symbolic(ops_module, case)


@pytest.mark.parametrize("block_size", [2, 3])
@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_space_to_depth_inverts_depth_to_space(block_size: int, data_format: str) -> None:
    x = (
        rand(2, 3 * block_size, 2 * block_size, 5)
        if data_format == "channels_last"
        else rand(2, 5, 3 * block_size, 2 * block_size)
    )
    back = ops_module.depth_to_space(
        ops_module.space_to_depth(x, block_size, data_format), block_size, data_format
    )
    np.testing.assert_array_equal(to_numpy(back), x)


def test_one_hot_default_dtype_follows_floatx() -> None:
    assert standardize_dtype(ops_module.one_hot(LABELS, 4).dtype) == floatx()
    assert standardize_dtype(ops_module.multi_hot(LABELS, num_tokens=4).dtype) == floatx()


# --- dtypes: expected values recorded from Keras 3.15.1 on its JAX backend ---------------------

DTYPE_ROWS: list[tuple[str, Callable[[], Any], str]] = [
    ("one-hot-int8", lambda: ops_module.one_hot(LABELS.astype("int8"), 4), "float32"),
    ("one-hot-uint8", lambda: ops_module.one_hot(np.array([1, 2], "uint8"), 4), "float32"),
    ("one-hot-dtype-int32", lambda: ops_module.one_hot(LABELS, 4, dtype="int32"), "int32"),
    ("one-hot-dtype-bool", lambda: ops_module.one_hot(LABELS, 4, dtype="bool"), "bool"),
    ("multi-hot-float16-in", lambda: ops_module.multi_hot(LABELS.astype("float16"), 4), "float32"),
    ("multi-hot-dtype-bfloat16", lambda: ops_module.multi_hot(LABELS, 4, dtype="bfloat16"), "bfloat16"),
    ("polar-float16", lambda: ops_module.polar(np.ones(2, "float16"), np.ones(2, "float32")), "complex64"),
    ("polar-float64", lambda: ops_module.polar(np.ones(2, "float64"), np.ones(2, "float64")), "complex64"),
    ("depth-to-space-int8", lambda: ops_module.depth_to_space(np.ones((1, 1, 1, 4), "int8"), 2), "int8"),
    ("depth-to-space-bool", lambda: ops_module.depth_to_space(np.ones((1, 1, 1, 4), "bool"), 2), "bool"),
    (
        "depth-to-space-float64",
        lambda: ops_module.depth_to_space(np.ones((1, 1, 1, 4), "float64"), 2),
        "float32",
    ),
    (
        "space-to-depth-bfloat16",
        lambda: ops_module.space_to_depth(convert(np.ones((1, 2, 2, 1)), "bfloat16"), 2),
        "bfloat16",
    ),
]


@pytest.mark.parametrize(
    ("function", "expected"), [r[1:] for r in DTYPE_ROWS], ids=[r[0] for r in DTYPE_ROWS]
)
def test_output_dtype(function: Callable[[], Any], expected: str) -> None:
    assert standardize_dtype(function().dtype) == expected


# --- errors ------------------------------------------------------------------------------------

ERROR_ROWS: list[tuple[str, Callable[[], Any], type[Exception], str]] = [
    (
        "one-hot-sparse",
        lambda: ops_module.one_hot(LABELS, 4, sparse=True),
        ValueError,
        r"one_hot: sparse=True is not supported yet",
    ),
    (
        "multi-hot-sparse",
        lambda: ops_module.multi_hot(LABELS, 4, sparse=True),
        ValueError,
        r"multi_hot: sparse=True is not supported yet",
    ),
    (
        "one-hot-classes",
        lambda: ops_module.one_hot(LABELS, 0),
        ValueError,
        r"`num_classes` must be a positive int. Received: num_classes=0",
    ),
    (
        "one-hot-axis",
        lambda: ops_module.one_hot(LABELS, 4, axis=2),
        ValueError,
        r"one_hot: `axis` must be -1 or in \[0, 2\)",
    ),
    (
        "one-hot-axis-negative",
        lambda: ops_module.one_hot(LABELS, 4, axis=-2),
        ValueError,
        r"Received: axis=-2",
    ),
    (
        "multi-hot-missing",
        lambda: ops_module.multi_hot(LABELS),
        ValueError,
        r"multi_hot: `num_classes` must be specified",
    ),
    (
        "multi-hot-kwarg",
        lambda: ops_module.multi_hot(LABELS, 4, classes=3),
        TypeError,
        r"unexpected keyword arguments: \['classes'\]",
    ),
    (
        "polar-shapes",
        lambda: ops_module.polar(np.ones(3), np.ones(2)),
        ValueError,
        r"polar: Cannot broadcast shape \(3,\) with shape \(2,\)",
    ),
    (
        "d2s-rank",
        lambda: ops_module.depth_to_space(np.ones((2, 2, 4)), 2),
        ValueError,
        r"depth_to_space: `x` must be a 4-D tensor",
    ),
    (
        "d2s-block",
        lambda: ops_module.depth_to_space(IMAGE, 1),
        ValueError,
        r"`block_size` must be an int >= 2. Received: block_size=1",
    ),
    (
        "d2s-channels",
        lambda: ops_module.depth_to_space(IMAGE, 3),
        ValueError,
        r"the number of channels \(8\) must be divisible by block_size\*\*2 \(9\)",
    ),
    (
        "d2s-format",
        lambda: ops_module.depth_to_space(IMAGE, 2, "nhwc"),
        ValueError,
        r"`data_format` must be 'channels_last' or 'channels_first'",
    ),
    (
        "s2d-height",
        lambda: ops_module.space_to_depth(IMAGE, 2),
        ValueError,
        r"space_to_depth: the width \(3\) must be divisible by block_size \(2\)",
    ),
]


@pytest.mark.parametrize(
    ("function", "error", "match"), [r[1:] for r in ERROR_ROWS], ids=[r[0] for r in ERROR_ROWS]
)
def test_errors(function: Callable[[], Any], error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        function()


def test_symbolic_shapes_with_unknown_dimensions() -> None:
    labels = KerasTensor((None, 3), "int32")
    assert ops_module.one_hot(labels, 5, axis=0).shape == (5, None, 3)
    assert ops_module.multi_hot(labels, 5).shape == (None, 5)
    image = KerasTensor((None, None, 4, 8), "float16")
    out = ops_module.depth_to_space(image, 2)
    assert (out.shape, out.dtype) == ((None, None, 8, 2), "float16")
    assert ops_module.space_to_depth(image, 2).shape == (None, None, 2, 32)
    with pytest.raises(ValueError, match=r"one_hot: sparse=True is not supported yet"):
        ops_module.one_hot(labels, 5, sparse=True)


@pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
def test_depth_to_space_passes_gradients_through() -> None:
    """A pure re-arrangement: the gradient of a weighted sum is the weights, re-arranged back."""
    weights = rand(2, 4, 6, 2)
    if backend() == "jax":
        import jax
        import jax.numpy as jnp

        grad = jax.grad(lambda x: jnp.sum(ops_module.depth_to_space(x, 2) * weights))(jnp.asarray(IMAGE))
    elif backend() == "torch":
        import torch

        x = torch.tensor(IMAGE, requires_grad=True)
        (ops_module.depth_to_space(x, 2) * torch.tensor(weights)).sum().backward()
        grad = x.grad
    else:
        import tensorflow as tf

        v = tf.Variable(IMAGE)
        with tf.GradientTape() as tape:
            total = tf.reduce_sum(ops_module.depth_to_space(tf.convert_to_tensor(v), 2) * weights)
        grad = tape.gradient(total, v)
    np.testing.assert_allclose(np.asarray(grad), np_space_to_depth(weights, 2))
