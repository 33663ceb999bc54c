"""SpectralNormalization: the power iteration against numpy, convergence to the top singular value, errors."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._activations.activation_layers import ReLU
from keras.layers._convolutional.conv import Conv2D
from keras.layers._core.dense import Dense
from keras.layers._core.embedding import Embedding
from keras.layers._normalization.spectral_normalization import SpectralNormalization

RNG = np.random.default_rng(4)
RTOL = ATOL = 1e-5


def numpy_of(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


def with_singular_values(shape: tuple[int, int], values: list[float]) -> np.ndarray[Any, Any]:
    """A float32 matrix of `shape` with the given singular values (well separated: fast convergence)."""
    left, _ = np.linalg.qr(RNG.standard_normal((shape[0], shape[0])))
    right, _ = np.linalg.qr(RNG.standard_normal((shape[1], shape[1])))
    middle = np.zeros(shape)
    middle[np.arange(len(values)), np.arange(len(values))] = values
    return (left @ middle @ right.T).astype("float32")


def start_vector(size: int) -> np.ndarray[Any, Any]:
    return np.full((1, size), 1.0, dtype="float32")


def l2_normalize(v: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    return v / max(float(np.sqrt((v * v).sum())), 1e-7)


def power_iteration_ref(
    kernel: np.ndarray[Any, Any], u: np.ndarray[Any, Any], steps: int
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """(new u, kernel / sigma) with sigma = v W u^T after `steps` steps from `u`."""
    w = kernel.reshape(-1, kernel.shape[-1]).astype("float64")
    v = u
    for _ in range(steps):
        v = l2_normalize(u @ w.T)
        u = l2_normalize(v @ w)
    sigma = (v @ w @ u.T).item()
    return u, kernel / sigma


@pytest.mark.parametrize("steps", [1, 3])
def test_training_call_normalizes_the_kernel_as_numpy(steps: int) -> None:
    layer = SpectralNormalization(Dense(3), power_iterations=steps)
    layer.build((None, 4))
    kernel = RNG.standard_normal((4, 3)).astype("float32")
    u = RNG.standard_normal((1, 3)).astype("float32")
    bias = RNG.standard_normal(3).astype("float32")
    layer.set_weights([kernel, u, bias])
    x = RNG.standard_normal((2, 4)).astype("float32")
    new_u, new_kernel = power_iteration_ref(kernel, u.astype("float64"), steps)
    out = layer(x, training=True)
    np.testing.assert_allclose(numpy_of(out), x @ new_kernel + bias, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(numpy_of(layer.layer.kernel), new_kernel, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(numpy_of(layer.vector_u), new_u, rtol=1e-4, atol=1e-6)


def test_inference_calls_the_layer_as_it_is() -> None:
    layer = SpectralNormalization(Dense(2, use_bias=False))
    x = RNG.standard_normal((3, 4)).astype("float32")
    layer.build((None, 4))
    kernel = numpy_of(layer.layer.kernel)
    np.testing.assert_allclose(numpy_of(layer(x)), x @ kernel, rtol=RTOL, atol=ATOL)
    np.testing.assert_array_equal(numpy_of(layer.layer.kernel), kernel)


def test_repeated_training_calls_converge_to_unit_spectral_norm() -> None:
    layer = SpectralNormalization(Dense(4, use_bias=False), power_iterations=5)
    layer.build((None, 6))
    layer.set_weights([with_singular_values((6, 4), [4.0, 1.0, 0.5, 0.1]), start_vector(4)])
    x = np.ones((1, 6), dtype="float32")
    for _ in range(4):
        layer(x, training=True)
    top = np.linalg.svd(numpy_of(layer.layer.kernel), compute_uv=False)[0]
    np.testing.assert_allclose(top, 1.0, rtol=1e-3)


def test_convolution_kernels_are_reshaped_to_matrices() -> None:
    conv = Conv2D(3, 2, use_bias=False)
    layer = SpectralNormalization(conv, power_iterations=30)
    layer.build((None, 4, 4, 2))
    layer.set_weights([with_singular_values((8, 3), [2.0, 0.5, 0.1]).reshape(2, 2, 2, 3), start_vector(3)])
    x = RNG.standard_normal((1, 4, 4, 2)).astype("float32")
    out = layer(x, training=True)
    assert tuple(out.shape) == (1, 3, 3, 3)
    matrix = numpy_of(conv.kernel).reshape(-1, 3)
    np.testing.assert_allclose(np.linalg.svd(matrix, compute_uv=False)[0], 1.0, rtol=1e-3)
    assert tuple(layer.vector_u.shape) == (1, 3)


def test_embeddings_are_normalized_too() -> None:
    embedding = Embedding(5, 3)
    layer = SpectralNormalization(embedding, power_iterations=30)
    layer.build((None, 2))
    layer.set_weights([with_singular_values((5, 3), [0.2, 0.05, 0.01]), start_vector(3)])
    out = layer(np.array([[0, 4]]), training=True)
    assert tuple(out.shape) == (1, 2, 3) and str(numpy_of(out).dtype) == "float32"
    np.testing.assert_allclose(
        np.linalg.svd(numpy_of(embedding.embeddings), compute_uv=False)[0], 1.0, rtol=1e-3
    )


def test_a_zero_kernel_is_left_unchanged() -> None:
    layer = SpectralNormalization(Dense(2, kernel_initializer="zeros", use_bias=False))
    layer.build((None, 3))
    u = numpy_of(layer.vector_u)
    out = layer(np.ones((1, 3), dtype="float32"), training=True)
    np.testing.assert_array_equal(numpy_of(out), np.zeros((1, 2)))
    np.testing.assert_array_equal(numpy_of(layer.vector_u), u)


def test_weights_are_named_and_ordered_as_keras() -> None:
    layer = SpectralNormalization(Dense(3, name="d"), name="sn")
    layer(np.ones((2, 4), dtype="float32"))
    assert [w.path for w in layer.weights] == ["sn/d/kernel", "sn/vector_u", "sn/d/bias"]
    assert [w.trainable for w in layer.weights] == [True, False, True]
    assert SpectralNormalization(Dense(1)).name.startswith("spectral_normalization")


def test_symbolic_shape_matches_eager() -> None:
    layer = SpectralNormalization(Dense(5))
    assert layer(Input(shape=(3, 4))).shape == (None, 3, 5)
    assert tuple(layer(np.ones((2, 3, 4), dtype="float32")).shape) == (2, 3, 5)
    assert layer.compute_output_shape((None, 3, 4)) == (None, 3, 5)


@pytest.mark.parametrize("steps", [0, -1])
def test_power_iterations_must_be_positive(steps: int) -> None:
    with pytest.raises(
        ValueError,
        match=rf"`power_iterations` should be greater than zero. Received: power_iterations={steps}",
    ):
        SpectralNormalization(Dense(2), power_iterations=steps)


def test_the_wrapped_layer_needs_a_kernel() -> None:
    with pytest.raises(ValueError, match=r"ReLU object has no attribute 'kernel' nor 'embeddings'"):
        SpectralNormalization(ReLU())(np.ones((2, 3), dtype="float32"))
