"""The wrapping optimizers: `LossScaleOptimizer` (dynamic scaling, skipped overflow steps)
and `MultiOptimizer` / `OptimizerMap` (an optimizer per variable)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import ops, optimizers
from keras.backend import backend
from keras.backend._name_scope import name_scope
from keras.backend._variable import Variable

needs_training = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")


def f32(values: Any) -> np.ndarray[Any, Any]:
    return np.asarray(values, dtype="float32")


def number(x: Any) -> float:
    return float(np.asarray(ops.convert_to_numpy(x)))


@needs_training
def test_loss_scale_skips_a_non_finite_step_and_halves_the_scale() -> None:
    w = Variable(f32([1.0, 2.0]), name="w")
    inner = optimizers.Adam(learning_rate=0.1)
    lso = optimizers.LossScaleOptimizer(inner, initial_scale=8.0)
    lso.apply([f32([8.0, -8.0])], [w])  # unscaled gradient [1, -1]
    after_first = w.numpy().copy()
    slots_after_first = [v.numpy().copy() for v in inner.variables]
    np.testing.assert_allclose(after_first, [0.9, 2.1], rtol=1e-5)  # Adam: lr * sign(g), up to epsilon
    lso.apply([f32([np.inf, 1.0])], [w])
    np.testing.assert_array_equal(w.numpy(), after_first)
    for slot, before in zip(inner.variables, slots_after_first, strict=True):
        np.testing.assert_array_equal(slot.numpy(), before)
    assert number(lso.dynamic_scale) == 4.0
    assert number(lso.step_counter) == 0
    assert number(lso.iterations) == 1
    lso.apply([f32([np.nan, 1.0])], [w])
    assert number(lso.dynamic_scale) == 2.0
    np.testing.assert_array_equal(w.numpy(), after_first)


@needs_training
def test_loss_scale_doubles_after_growth_steps() -> None:
    w = Variable(f32([1.0]), name="w")
    lso = optimizers.LossScaleOptimizer(
        optimizers.SGD(learning_rate=1.0), initial_scale=2.0, dynamic_growth_steps=3
    )
    scales = []
    for _ in range(7):
        lso.apply([lso.scale_loss(f32([0.125]))], [w])
        scales.append(number(lso.dynamic_scale))
    assert scales == [2.0, 2.0, 4.0, 4.0, 4.0, 8.0, 8.0]
    np.testing.assert_allclose(w.numpy(), [1.0 - 7 * 0.125], rtol=1e-6)
    assert number(lso.step_counter) == 1


def test_loss_scale_delegates_and_scales_the_loss() -> None:
    inner = optimizers.SGD(learning_rate=0.5, loss_scale_factor=3.0)
    lso = optimizers.LossScaleOptimizer(inner, initial_scale=16.0)
    assert inner.loss_scale_factor is None
    assert number(lso.scale_loss(0.5)) == 8.0
    assert lso.learning_rate is inner.learning_rate
    lso.learning_rate = 0.25
    assert number(inner.learning_rate) == 0.25
    lso.build([Variable(f32([1.0]), name="w")])
    assert [v.name for v in lso.variables] == [
        "iteration",
        "learning_rate",
        "step_counter",
        "dynamic_scale",
        "iteration",
        "learning_rate",
    ]
    assert number(lso.scale_loss(0.5)) == 8.0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"dynamic": False}, "LossScaleOptimizer no longer supports `dynamic=False`"),
        ({"clipnorm": 1.0}, "LossScaleOptimizer does not support `clipnorm`. Instead, set `clipnorm` on the"),
        ({"foo": 1}, "LossScaleOptimizer does not support arguments: `foo`."),
    ],
    ids=["dynamic", "base-argument", "unknown"],
)
def test_loss_scale_bad_arguments(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        optimizers.LossScaleOptimizer(optimizers.SGD(), **kwargs)


def test_loss_scale_accepts_base_defaults() -> None:
    lso = optimizers.LossScaleOptimizer(optimizers.SGD(), use_ema=False, clipnorm=None)
    assert lso.get_config()["initial_scale"] == 32768.0


def test_optimizer_map_lookup() -> None:
    adam, sgd, rms = optimizers.Adam(), optimizers.SGD(), optimizers.RMSprop()
    mapping = optimizers.OptimizerMap(rms)
    mapping["encoder/layer_0/dense"] = adam
    mapping["encoder/.*"] = sgd
    assert mapping["encoder/layer_0/dense"] is adam
    assert mapping["encoder/layer_0/attention/query"] is sgd
    assert mapping["decoder/kernel"] is rms
    assert len(mapping) == 2 and list(mapping) == ["encoder/layer_0/dense", "encoder/.*"]
    mapping["enc.*"] = adam
    with pytest.raises(ValueError, match=r"Multiple optimizers assigned to variable encoder/x\."):
        mapping["encoder/x"]
    del mapping["enc.*"]
    with pytest.raises(ValueError, match="already exists in the OptimizerMap"):
        mapping["encoder/.*"] = adam
    with pytest.raises(ValueError, match=r"optimizer cannot be LossScaleOptimizer\."):
        mapping["x"] = optimizers.LossScaleOptimizer(optimizers.SGD())
    with pytest.raises(TypeError, match="default_optimizer must be a Keras Optimizer instance"):
        optimizers.OptimizerMap("sgd")  # type: ignore[arg-type]


@needs_training
def test_multi_optimizer_routes_each_variable() -> None:
    with name_scope("dense"):
        kernel = Variable(f32([1.0, 1.0]), name="kernel")
        bias = Variable(f32([1.0, 1.0]), name="bias")
    sgd, adam = optimizers.SGD(learning_rate=0.1), optimizers.Adam(learning_rate=0.1)
    multi = optimizers.MultiOptimizer(optimizers.OptimizerMap(sgd, {".*bias": adam}))
    multi.apply([f32([1.0, -1.0]), f32([1.0, -1.0])], [kernel, bias])
    np.testing.assert_allclose(kernel.numpy(), [0.9, 1.1], rtol=1e-6)
    np.testing.assert_allclose(bias.numpy(), [0.9, 1.1], rtol=1e-5)
    assert [number(o.iterations) for o in (multi, sgd, adam)] == [1.0, 1.0, 1.0]
    assert multi.optimizers == [adam, sgd]
    assert len(multi.variables) == 2 + 4 + 2
    with pytest.raises(AttributeError, match="Learning rate cannot be accessed on a MultiOptimizer"):
        _ = multi.learning_rate


@needs_training
def test_multi_optimizer_with_a_callable_map_and_stateless_apply() -> None:
    a = Variable(f32([1.0]), name="a")
    b = Variable(f32([2.0]), name="b")
    first, second = optimizers.SGD(learning_rate=1.0), optimizers.SGD(learning_rate=0.5)
    multi = optimizers.MultiOptimizer(lambda v: first if v.name == "a" else second, loss_scale_factor=2.0)
    multi.build([a, b])
    assert first.loss_scale_factor == 2.0
    new_trainable, _ = multi.stateless_apply(
        [v.value for v in multi.variables], [f32([2.0]), f32([2.0])], [a.value, b.value]
    )
    np.testing.assert_allclose([np.asarray(ops.convert_to_numpy(t)) for t in new_trainable], [[0.0], [1.5]])
    np.testing.assert_allclose(a.numpy(), [1.0])
