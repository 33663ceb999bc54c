"""`stateless_apply` gives what `apply` gives (under `jax.jit` too); `apply` works inside
`tf.function` and under `torch.no_grad`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from keras import ops, optimizers
from keras.backend import backend
from keras.backend._variable import Variable

pytestmark = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")

FACTORIES: dict[str, Callable[[], optimizers.Optimizer]] = {
    "SGD-momentum": lambda: optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True),
    "Adam-amsgrad": lambda: optimizers.Adam(learning_rate=0.1, amsgrad=True),
    "AdamW": lambda: optimizers.AdamW(learning_rate=0.1),
    "Adamax": lambda: optimizers.Adamax(learning_rate=0.1),
    "Adagrad": lambda: optimizers.Adagrad(learning_rate=0.1),
    "Adadelta": lambda: optimizers.Adadelta(learning_rate=1.0),
    "Adafactor": lambda: optimizers.Adafactor(learning_rate=0.1),
    "Ftrl": lambda: optimizers.Ftrl(learning_rate=0.1, l1_regularization_strength=0.01),
    "Lion": lambda: optimizers.Lion(learning_rate=0.1),
    "Lamb": lambda: optimizers.Lamb(learning_rate=0.1),
    "Muon": lambda: optimizers.Muon(learning_rate=0.1),
    "Nadam": lambda: optimizers.Nadam(learning_rate=0.1),
    "RMSprop-centered": lambda: optimizers.RMSprop(learning_rate=0.1, momentum=0.5, centered=True),
    "ScheduleFreeAdamW": lambda: optimizers.ScheduleFreeAdamW(learning_rate=0.1, warmup_steps=2),
    "SGD-accumulation-ema": lambda: optimizers.SGD(
        learning_rate=0.1,
        momentum=0.5,
        gradient_accumulation_steps=2,
        use_ema=True,
        ema_overwrite_frequency=2,
    ),
    "Adam-schedule-clip-decay": lambda: optimizers.Adam(
        learning_rate=optimizers.schedules.CosineDecay(0.1, 10, warmup_target=0.2, warmup_steps=2),
        global_clipnorm=1.0,
        weight_decay=0.1,
    ),
    "LossScale": lambda: optimizers.LossScaleOptimizer(optimizers.Adam(learning_rate=0.1), initial_scale=4.0),
}
GRADS = [
    [np.array([[0.5, -1.0, 2.0], [0.1, 0.2, -0.3]], "float32"), np.array([1.0, -2.0, 0.5], "float32")],
    [np.array([[-0.5, 1.5, 0.0], [0.3, -0.2, 0.4]], "float32"), np.array([-1.0, 0.5, 0.25], "float32")],
    [np.array([[1.0, 1.0, -1.0], [0.0, 0.7, 0.2]], "float32"), np.array([np.inf, 0.5, 0.1], "float32")],
    [np.array([[0.2, -0.4, 0.6], [1.0, -1.0, 0.5]], "float32"), np.array([0.3, 0.3, -0.3], "float32")],
]
FINITE_GRADS = GRADS[:2] + GRADS[3:]


def model_variables() -> list[Variable]:
    kernel = Variable(np.array([[1.0, 2.0, -1.0], [0.5, -0.5, 3.0]], "float32"), name="kernel")
    bias = Variable(np.array([0.1, -0.2, 0.3], "float32"), name="bias")
    return [kernel, bias]


def numpy_values(values: list[Any]) -> list[np.ndarray[Any, Any]]:
    return [np.asarray(ops.convert_to_numpy(v)) for v in values]


def assert_all_close(actual: list[Any], expected: list[Any], rtol: float, atol: float = 0.0) -> None:
    assert len(actual) == len(expected)
    for index, (a, b) in enumerate(zip(numpy_values(actual), numpy_values(expected), strict=True)):
        np.testing.assert_allclose(a, b, rtol=rtol, atol=atol, err_msg=f"value {index}")


def grads_for(name: str) -> list[list[np.ndarray[Any, Any]]]:
    return GRADS if name == "LossScale" else FINITE_GRADS


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_stateless_apply_equals_apply(name: str) -> None:
    stateful_vars, stateless_vars = model_variables(), model_variables()
    stateful, stateless = FACTORIES[name](), FACTORIES[name]()
    stateless.build(stateless_vars)
    trainable = [v.value for v in stateless_vars]
    optimizer_values = [v.value for v in stateless.variables]
    for grads in grads_for(name):
        stateful.apply(grads, stateful_vars)
        trainable, optimizer_values = stateless.stateless_apply(optimizer_values, grads, trainable)
    assert_all_close(trainable, stateful_vars, rtol=1e-6, atol=1e-7)
    assert_all_close(optimizer_values[1:], stateful.variables[1:], rtol=1e-6, atol=1e-7)
    # The stateless object's own variables did not move.
    assert_all_close(stateless_vars, model_variables(), rtol=0.0)


@pytest.mark.skipif(backend() != "jax", reason="jax.jit is the JAX trainer's path")
@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_stateless_apply_under_jax_jit(name: str) -> None:
    import jax

    eager_vars, jit_vars = model_variables(), model_variables()
    eager, jitted = FACTORIES[name](), FACTORIES[name]()
    jitted.build(jit_vars)

    @jax.jit
    def step(optimizer_values: list[Any], grads: list[Any], trainable: list[Any]) -> Any:
        return jitted.stateless_apply(optimizer_values, grads, trainable)

    trainable = [v.value for v in jit_vars]
    optimizer_values = [v.value for v in jitted.variables]
    for grads in grads_for(name):
        eager.apply(grads, eager_vars)
        trainable, optimizer_values = step(optimizer_values, grads, trainable)
    assert_all_close(trainable, eager_vars, rtol=1e-5, atol=1e-6)
    assert_all_close(optimizer_values[1:], eager.variables[1:], rtol=1e-5, atol=1e-6)


@pytest.mark.skipif(backend() != "tensorflow", reason="tf.function is the TensorFlow trainer's path")
@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_apply_inside_tf_function(name: str) -> None:
    import tensorflow as tf

    eager_vars, graph_vars = model_variables(), model_variables()
    eager, graph = FACTORIES[name](), FACTORIES[name]()
    graph.build(graph_vars)

    @tf.function
    def step(grads: list[Any]) -> None:
        graph.apply(grads, graph_vars)

    for grads in grads_for(name):
        eager.apply(grads, eager_vars)
        step([tf.constant(g) for g in grads])
    assert_all_close(graph_vars, eager_vars, rtol=1e-5, atol=1e-6)
    assert_all_close(graph.variables, eager.variables, rtol=1e-5, atol=1e-6)


@pytest.mark.skipif(backend() != "torch", reason="torch.no_grad is how torch training loops update")
def test_apply_under_torch_no_grad() -> None:
    import torch

    free_vars, no_grad_vars = model_variables(), model_variables()
    free, no_grad = optimizers.Adam(learning_rate=0.1), optimizers.Adam(learning_rate=0.1)
    for grads in FINITE_GRADS:
        free.apply(grads, free_vars)
        with torch.no_grad():
            no_grad.apply([torch.from_numpy(g) for g in grads], no_grad_vars)
    assert_all_close(no_grad_vars, free_vars, rtol=1e-6)
    assert all(v.value.requires_grad for v in no_grad_vars)


def test_stateless_apply_errors() -> None:
    variables = model_variables()
    optimizer = optimizers.SGD()
    with pytest.raises(ValueError, match="To call `stateless_apply`, SGD must be built"):
        optimizer.stateless_apply([], FINITE_GRADS[0], [v.value for v in variables])
    optimizer.build(variables)
    with pytest.raises(ValueError, match="Received list with length 1, but expected 2 variables"):
        optimizer.stateless_apply(
            [optimizer.variables[0].value], FINITE_GRADS[0], [v.value for v in variables]
        )
    with pytest.raises(
        ValueError, match=r"len\(trainable_variables\) == 1 whereas the optimizer was built with 2"
    ):
        optimizer.stateless_apply(
            [v.value for v in optimizer.variables], FINITE_GRADS[0], [variables[0].value]
        )
