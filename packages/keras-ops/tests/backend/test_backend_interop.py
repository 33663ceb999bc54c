"""Variables inside each backend's own machinery: jax.jit, torch autograd, tf.function."""

from __future__ import annotations

import numpy as np
import pytest

from keras.backend import backend
from keras.backend._variable import Variable


@pytest.mark.skipif(backend() != "jax", reason="jax.jit and jax.eval_shape exist on the jax backend only")
def test_variable_passes_through_jax_jit_and_eval_shape() -> None:
    import jax

    v = Variable(np.array([1.0, 2.0], dtype="float32"))
    doubled = jax.jit(lambda var: var.value * 2)(v)
    np.testing.assert_array_equal(np.asarray(doubled), [2.0, 4.0])
    shape = jax.eval_shape(lambda var: var.value + 1, v)
    assert (shape.shape, str(shape.dtype)) == ((2,), "float32")
    grad = jax.grad(lambda var: (var.value**2).sum())(v)
    np.testing.assert_allclose(np.asarray(grad.value), [2.0, 4.0])
    assert grad.path == v.path


@pytest.mark.skipif(backend() != "torch", reason="torch autograd exists on the torch backend only")
def test_torch_backward_fills_the_variable_grad() -> None:
    import torch

    v = Variable(np.array([1.0, 2.0], dtype="float32"))
    loss = torch.sum(v.value**2)
    loss.backward()
    np.testing.assert_allclose(v.value.grad.numpy(), [2.0, 4.0])
    np.testing.assert_allclose(torch.add(v, 1).detach().numpy(), [2.0, 3.0])


@pytest.mark.skipif(backend() != "tensorflow", reason="tf.function exists on the tensorflow backend only")
def test_tensorflow_ops_and_tape_accept_variables() -> None:
    import tensorflow as tf

    v = Variable(np.array([1.0, 2.0], dtype="float32"))
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.square(v))
    np.testing.assert_allclose(tape.gradient(loss, v.value).numpy(), [2.0, 4.0])

    @tf.function
    def step() -> tf.Tensor:
        v.assign(v.value * 2)
        return tf.add(v, 0.0)

    np.testing.assert_allclose(step().numpy(), [2.0, 4.0])
    np.testing.assert_allclose(v.numpy(), [2.0, 4.0])


@pytest.mark.skipif(backend() != "numpy", reason="the numpy-backend case of this table")
def test_numpy_variable_is_a_plain_array() -> None:
    v = Variable(np.array([1.0], dtype="float32"))
    assert isinstance(v.value, np.ndarray)
