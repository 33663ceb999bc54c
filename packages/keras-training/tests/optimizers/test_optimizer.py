"""The base `Optimizer`: weight decay, clipping, EMA, gradient accumulation, loss scaling,
learning rates, variables, state and argument errors."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest

from keras import ops, optimizers
from keras.backend import backend
from keras.backend._name_scope import name_scope
from keras.backend._variable import Variable

needs_training = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")
RTOL = 1e-6


def variable(values: Any, name: str = "w") -> Variable:
    return Variable(np.asarray(values, dtype="float32"), name=name)


def f32(values: Any) -> np.ndarray[Any, Any]:
    return np.asarray(values, dtype="float32")


def value(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


# --- gradient transforms ------------------------------------------------------------------


@needs_training
@pytest.mark.parametrize(
    ("kwargs", "grads", "expected_steps"),
    [
        ({"clipnorm": 1.0}, [[3.0, 4.0], [0.3, 0.4]], [[0.6, 0.8], [0.3, 0.4]]),
        ({"clipnorm": 1.0}, [[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]),
        ({"clipvalue": 0.5}, [[3.0, -4.0], [0.25, -0.1]], [[0.5, -0.5], [0.25, -0.1]]),
        ({"global_clipnorm": 1.0}, [[3.0, 0.0], [0.0, 4.0]], [[0.6, 0.0], [0.0, 0.8]]),
        ({"global_clipnorm": 10.0}, [[3.0, 0.0], [0.0, 4.0]], [[3.0, 0.0], [0.0, 4.0]]),
        ({"loss_scale_factor": 4.0}, [[4.0, 8.0], [-4.0, 2.0]], [[1.0, 2.0], [-1.0, 0.5]]),
    ],
    ids=[
        "clipnorm",
        "clipnorm-zero",
        "clipvalue",
        "global_clipnorm",
        "global_clipnorm-inactive",
        "loss_scale_factor",
    ],
)
def test_gradient_transforms(
    kwargs: dict[str, Any], grads: list[list[float]], expected_steps: list[list[float]]
) -> None:
    a, b = variable([1.0, 2.0], "a"), variable([-1.0, 0.5], "b")
    optimizer = optimizers.SGD(learning_rate=1.0, **kwargs)
    optimizer.apply([f32(g) for g in grads], [a, b])
    np.testing.assert_allclose(a.numpy(), f32([1.0, 2.0]) - expected_steps[0], rtol=RTOL, atol=1e-7)
    np.testing.assert_allclose(b.numpy(), f32([-1.0, 0.5]) - expected_steps[1], rtol=RTOL, atol=1e-7)


@needs_training
def test_weight_decay_shrinks_before_the_step_and_respects_exclusions() -> None:
    kernel, bias, other = (
        variable([1.0, -2.0], "kernel"),
        variable([1.0, 1.0], "bias"),
        variable([4.0, 4.0], "other"),
    )
    optimizer = optimizers.SGD(learning_rate=0.1, weight_decay=0.5)
    optimizer.exclude_from_weight_decay(var_list=[other], var_names=["bias"])
    grads = [f32([1.0, 1.0])] * 3
    optimizer.apply(grads, [kernel, bias, other])
    np.testing.assert_allclose(kernel.numpy(), f32([1.0, -2.0]) * (1 - 0.05) - 0.1, rtol=RTOL)
    np.testing.assert_allclose(bias.numpy(), f32([0.9, 0.9]), rtol=RTOL)
    np.testing.assert_allclose(other.numpy(), f32([3.9, 3.9]), rtol=RTOL)


@needs_training
def test_ema_averages_and_overwrites_every_frequency_steps() -> None:
    w = variable([1.0, 2.0])
    optimizer = optimizers.SGD(learning_rate=0.5, use_ema=True, ema_momentum=0.5, ema_overwrite_frequency=3)
    grad = f32([1.0, -1.0])
    current, average = f32([1.0, 2.0]), None
    for step in range(1, 4):
        optimizer.apply([grad], [w])
        current = current - 0.5 * grad
        average = current if average is None else 0.5 * average + 0.5 * current
        if step < 3:
            np.testing.assert_allclose(w.numpy(), current, rtol=RTOL)
    # The third step overwrote the variables with the average.
    np.testing.assert_allclose(w.numpy(), average, rtol=RTOL)
    np.testing.assert_allclose(optimizer.variables[2].numpy(), average, rtol=RTOL)


@needs_training
def test_finalize_variable_values_writes_the_ema() -> None:
    w = variable([1.0, 2.0])
    optimizer = optimizers.SGD(learning_rate=1.0, use_ema=True, ema_momentum=0.9)
    for _ in range(2):
        optimizer.apply([f32([1.0, 1.0])], [w])
    np.testing.assert_allclose(w.numpy(), [-1.0, 0.0], rtol=RTOL)
    optimizer.finalize_variable_values([w])
    np.testing.assert_allclose(w.numpy(), 0.9 * f32([0.0, 1.0]) + 0.1 * f32([-1.0, 0.0]), rtol=RTOL)


@needs_training
def test_gradient_accumulation_updates_with_the_mean_every_n_steps() -> None:
    w = variable([1.0, 2.0])
    optimizer = optimizers.SGD(learning_rate=1.0, momentum=0.5, gradient_accumulation_steps=3)
    grads = [f32([1.0, 0.0]), f32([2.0, 3.0]), f32([3.0, 6.0]), f32([6.0, 6.0])]
    optimizer.apply([grads[0]], [w])
    optimizer.apply([grads[1]], [w])
    np.testing.assert_allclose(w.numpy(), [1.0, 2.0], rtol=RTOL)
    accumulator, momentum = optimizer.variables[2], optimizer.variables[3]
    np.testing.assert_allclose(accumulator.numpy(), [3.0, 3.0], rtol=RTOL)
    np.testing.assert_allclose(momentum.numpy(), [0.0, 0.0], rtol=RTOL)
    assert int(value(optimizer.iterations)) == 0
    optimizer.apply([grads[2]], [w])
    np.testing.assert_allclose(w.numpy(), [-1.0, -1.0], rtol=RTOL)
    np.testing.assert_allclose(accumulator.numpy(), [0.0, 0.0], rtol=RTOL)
    np.testing.assert_allclose(momentum.numpy(), [-2.0, -3.0], rtol=RTOL)
    assert int(value(optimizer.iterations)) == 1
    optimizer.apply([grads[3]], [w])
    np.testing.assert_allclose(w.numpy(), [-1.0, -1.0], rtol=RTOL)
    np.testing.assert_allclose(accumulator.numpy(), [6.0, 6.0], rtol=RTOL)


def test_scale_loss() -> None:
    assert float(value(optimizers.SGD(loss_scale_factor=8.0).scale_loss(0.5))) == 4.0
    assert optimizers.SGD().scale_loss(0.5) == 0.5


# --- learning rates --------------------------------------------------------------------------


def test_learning_rate_variable_and_setter() -> None:
    optimizer = optimizers.Adam(learning_rate=0.5)
    assert isinstance(optimizer.learning_rate, Variable)
    optimizer.learning_rate = 0.25
    assert float(value(optimizer.learning_rate)) == 0.25
    assert optimizer.get_config()["learning_rate"] == 0.25


@needs_training
def test_schedule_learning_rate_follows_iterations() -> None:
    schedule = optimizers.schedules.ExponentialDecay(1.0, decay_steps=1, decay_rate=0.5)
    optimizer = optimizers.SGD(learning_rate=schedule)
    w = variable([0.0])
    for _ in range(3):
        optimizer.apply([f32([1.0])], [w])
    np.testing.assert_allclose(w.numpy(), [-(1.0 + 0.5 + 0.25)], rtol=RTOL)
    np.testing.assert_allclose(value(optimizer.learning_rate), 0.125, rtol=RTOL)
    assert [v.name for v in optimizer.variables] == ["iteration"]


def test_schedule_learning_rate_is_not_settable_to_a_float() -> None:
    optimizer = optimizers.SGD(learning_rate=optimizers.schedules.InverseTimeDecay(1.0, 10, 0.5))
    with pytest.raises(TypeError, match="hence its learning rate is not settable"):
        optimizer.learning_rate = 0.1


def test_replacing_the_rate_variable_by_a_schedule_untracks_it() -> None:
    optimizer = optimizers.SGD(learning_rate=0.1)
    optimizer.learning_rate = optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)
    assert [v.name for v in optimizer.variables] == ["iteration"]


@needs_training
def test_callable_learning_rate() -> None:
    optimizer = optimizers.SGD(learning_rate=lambda: 0.25)
    w = variable([1.0])
    optimizer.apply([f32([2.0])], [w])
    np.testing.assert_allclose(w.numpy(), [0.5], rtol=RTOL)


# --- variables and state -------------------------------------------------------------------


def test_slot_names_and_order_follow_keras() -> None:
    with name_scope("dense"):
        kernel = variable(np.ones((2, 2)), "kernel")
    bias = variable([0.0, 0.0], "bias")
    optimizer = optimizers.Adam(name="opt", amsgrad=True, use_ema=True, gradient_accumulation_steps=2)
    optimizer.build([kernel, bias])
    assert [v.path for v in optimizer.variables] == [
        "opt/iteration",
        "opt/learning_rate",
        "opt/dense_kernel_average",
        "opt/bias_average",
        "opt/dense_kernel_gradient_accumulator",
        "opt/bias_gradient_accumulator",
        "opt/dense_kernel_momentum",
        "opt/dense_kernel_velocity",
        "opt/bias_momentum",
        "opt/bias_velocity",
        "opt/dense_kernel_velocity_hat",
        "opt/bias_velocity_hat",
    ]
    assert all(not v.trainable for v in optimizer.variables)


def test_default_names_are_unique_snake_case() -> None:
    first, second = optimizers.RMSprop(), optimizers.RMSprop()
    assert re.fullmatch(r"rm_sprop(_\d+)?", first.name)
    assert first.name != second.name


def test_set_weights_save_and_load_own_variables() -> None:
    w = variable([1.0, 2.0])
    source = optimizers.Adagrad(name="source")
    source.build([w])
    source.variables[2].assign(f32([5.0, 6.0]))
    store: dict[str, Any] = {}
    source.save_own_variables(store)
    target = optimizers.Adagrad(name="target")
    target.build([w])
    target.load_own_variables(store)
    np.testing.assert_allclose(target.variables[2].numpy(), [5.0, 6.0])
    target.set_weights([np.array(0, dtype="int32"), np.array(0.5, dtype="float32"), f32([7.0, 8.0])])
    np.testing.assert_allclose(target.variables[2].numpy(), [7.0, 8.0])
    with pytest.warns(UserWarning, match="Skipping variable loading for optimizer 'target'"):
        target.load_own_variables({"0": 1})


@needs_training
def test_constraints_apply_after_the_step() -> None:
    w = variable([1.0, -1.0])
    w.constraint = lambda x: ops.maximum(x, 0.0)
    optimizers.SGD(learning_rate=1.0).apply([f32([2.0, 0.5])], [w])
    np.testing.assert_allclose(w.numpy(), [0.0, 0.0])


@needs_training
def test_overwrite_with_gradient_sets_the_variable() -> None:
    scale, w = variable([1.0, 1.0], "scale"), variable([1.0, 1.0])
    scale.overwrite_with_gradient = True
    optimizer = optimizers.Adam()
    optimizer.apply([f32([3.0, 4.0]), f32([1.0, 1.0])], [scale, w])
    np.testing.assert_allclose(scale.numpy(), [3.0, 4.0])
    assert len(optimizer.variables) == 4  # no slots for `scale`


@needs_training
def test_missing_gradients_warn_and_are_skipped() -> None:
    a, b = variable([1.0], "a"), variable([1.0], "b")
    optimizer = optimizers.SGD(learning_rate=1.0)
    with pytest.warns(UserWarning, match=r"Gradients do not exist for variables \['b'\]"):
        optimizer.apply([f32([1.0]), None], [a, b])
    assert (float(a.numpy()[0]), float(b.numpy()[0])) == (0.0, 1.0)
    with pytest.raises(ValueError, match=r"No gradients provided for any variable\."):
        optimizer.apply([None, None], [a, b])


@needs_training
def test_apply_gradients_takes_pairs_and_returns_iterations() -> None:
    w = variable([1.0])
    optimizer = optimizers.SGD(learning_rate=1.0)
    iterations = optimizer.apply_gradients([(f32([1.0]), w)])
    assert iterations is optimizer.variables[0]
    assert int(iterations.numpy()) == 1


# --- errors ---------------------------------------------------------------------------------


@needs_training
def test_apply_errors() -> None:
    w, stranger = variable([1.0]), variable([1.0], "stranger")
    with pytest.raises(ValueError, match="must already be built"):
        optimizers.SGD().apply([f32([1.0])])
    optimizer = optimizers.SGD()
    optimizer.build([w])
    with pytest.raises(ValueError, match="Unknown variable"):
        optimizer.apply([f32([1.0])], [stranger])
    with pytest.raises(ValueError, match="Received a list of 2 gradients, but the optimizer is tracking 1"):
        optimizer.apply([f32([1.0]), f32([1.0])])


@pytest.mark.skipif(backend() != "numpy", reason="only the numpy backend cannot train")
def test_numpy_backend_cannot_apply() -> None:
    optimizer = optimizers.Adam()
    with pytest.raises(
        NotImplementedError, match=r"Use one of the backends that can train: jax, torch, tensorflow"
    ):
        optimizer.apply([f32([1.0])], [variable([1.0])])


@pytest.mark.parametrize(
    ("factory", "error", "match"),
    [
        (lambda: optimizers.SGD(foo=1), ValueError, r"Argument\(s\) not recognized: \{'foo': 1\}"),
        (lambda: optimizers.SGD(learning_rate=1), ValueError, "Argument `learning_rate` should be float"),
        (
            lambda: optimizers.SGD(clipnorm=1.0, clipvalue=1.0),
            ValueError,
            "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set",
        ),
        (
            lambda: optimizers.SGD(gradient_accumulation_steps=1),
            ValueError,
            "`gradient_accumulation_steps` must be an integer >= 2. Received: gradient_accumulation_steps=1",
        ),
        (
            lambda: optimizers.SGD(use_ema=True, ema_momentum=1.5),
            ValueError,
            r"`ema_momentum` must be in the range \[0, 1\]. Received: ema_momentum=1.5",
        ),
        (
            lambda: optimizers.SGD(use_ema=True, ema_overwrite_frequency=2.5),
            ValueError,
            "`ema_overwrite_frequency` must be an integer >= 1 or None",
        ),
        (lambda: optimizers.SGD(momentum=1), ValueError, r"`momentum` must be a float between \[0, 1\]"),
        (lambda: optimizers.Lion(beta_1=0.0), ValueError, "Argument `beta_1` must be in the"),
        (lambda: optimizers.AdamW(weight_decay=None), ValueError, "Argument `weight_decay` must be a float"),
        (
            lambda: optimizers.Ftrl(l1_regularization_strength=-1.0),
            ValueError,
            "`l1_regularization_strength` needs to be positive or zero. Received: l1_regularization_strength=-1.0.",
        ),
        (
            lambda: optimizers.Ftrl(learning_rate_power=0.5),
            ValueError,
            "`learning_rate_power` needs to be negative or zero",
        ),
    ],
    ids=[
        "unknown-kwarg",
        "int-learning-rate",
        "two-clips",
        "accumulation-1",
        "ema-momentum",
        "ema-frequency",
        "sgd-momentum-int",
        "lion-beta_1",
        "adamw-no-decay",
        "ftrl-l1",
        "ftrl-power",
    ],
)
def test_bad_arguments(factory: Any, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        factory()


def test_decay_argument_is_ignored_with_a_warning() -> None:
    with pytest.warns(UserWarning, match="Argument `decay` is no longer supported and will be ignored."):
        optimizers.SGD(decay=0.1)


def test_subclass_must_call_super_init_first() -> None:
    class Broken(optimizers.Optimizer):
        def __init__(self) -> None:
            self.rate = 1.0
            super().__init__(learning_rate=0.1)

    with pytest.raises(RuntimeError, match=r"you forgot to call `super\(\)\.__init__\(\)`"):
        Broken()


def test_update_step_is_abstract() -> None:
    with pytest.raises(NotImplementedError, match="must implement `update_step\\(\\)`"):
        optimizers.Optimizer(learning_rate=0.1).update_step(None, variable([1.0]), 0.1)
