"""GaussianDropout, GaussianNoise, AlphaDropout, ActivityRegularization: statistics, seeds, identity, errors."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.layers import Input
from keras.layers._layer import Layer
from keras.layers._regularization.activity_regularization import ActivityRegularization
from keras.layers._regularization.alpha_dropout import AlphaDropout
from keras.layers._regularization.gaussian import GaussianDropout, GaussianNoise

N = 200_000
SELU_SATURATION = -1.6732632423543772 * 1.0507009873554805


def numpy_of(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


def assert_normal_moments(y: np.ndarray[Any, Any], mean: float, std: float) -> None:
    """Sample mean and std within 5 standard errors of the expected ones."""
    n = y.size
    assert abs(y.mean() - mean) <= 5 * std / math.sqrt(n), (y.mean(), mean)
    assert abs(y.std() - std) <= 5 * std / math.sqrt(2 * n), (y.std(), std)


@pytest.mark.parametrize("rate", [0.1, 0.5])
def test_gaussian_dropout_multiplies_by_noise_of_mean_one(rate: float) -> None:
    x = np.full((N,), 2.0, dtype="float32")
    y = numpy_of(GaussianDropout(rate, seed=1)(x, training=True))
    assert_normal_moments(y / 2.0, 1.0, math.sqrt(rate / (1 - rate)))


@pytest.mark.parametrize("stddev", [0.1, 0.7])
def test_gaussian_noise_adds_zero_mean_noise(stddev: float) -> None:
    x = np.full((N,), -1.0, dtype="float32")
    y = numpy_of(GaussianNoise(stddev, seed=1)(x, training=True))
    assert_normal_moments(y + 1.0, 0.0, stddev)


@pytest.mark.parametrize("rate", [0.2, 0.5])
def test_alpha_dropout_sets_saturation_values_and_keeps_the_moments(rate: float) -> None:
    x = np.random.default_rng(0).standard_normal(N).astype("float32")
    y = numpy_of(AlphaDropout(rate, seed=3)(x, training=True))
    a = ((1 - rate) * (1 + rate * SELU_SATURATION**2)) ** -0.5
    b = -a * SELU_SATURATION * rate
    kept = np.isclose(y, a * x + b, rtol=1e-5, atol=1e-6)
    dropped = np.isclose(y, a * SELU_SATURATION + b, rtol=1e-5, atol=1e-6)
    assert np.all(kept | dropped)
    frac = dropped.mean()
    assert abs(frac - rate) <= 5 * math.sqrt(rate * (1 - rate) / N)
    # zero mean and unit variance are preserved (the point of alpha dropout)
    assert abs(y.mean()) < 0.02 and abs(y.std() - 1.0) < 0.02


def test_alpha_dropout_noise_shape_shares_decisions() -> None:
    x = np.zeros((4, 5, 3), dtype="float32")
    y = numpy_of(AlphaDropout(0.5, noise_shape=(None, 1, None), seed=1)(x, training=True))
    np.testing.assert_array_equal(y, y[:, :1, :].repeat(5, axis=1))


LAYERS = [
    (GaussianDropout, {"rate": 0.5}),
    (GaussianNoise, {"stddev": 0.5}),
    (AlphaDropout, {"rate": 0.5}),
]
IDS = ["gaussian-dropout", "gaussian-noise", "alpha-dropout"]


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
@pytest.mark.parametrize("training", [False, None])
def test_identity_at_inference(cls: type[Layer], kwargs: dict[str, Any], training: Any) -> None:
    x = np.random.default_rng(1).standard_normal((3, 4)).astype("float32")
    layer = cls(**kwargs, seed=1)
    out = layer(x) if training is None else layer(x, training=training)
    np.testing.assert_array_equal(numpy_of(out), x)


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_seeded_layers_draw_the_same_noise(cls: type[Layer], kwargs: dict[str, Any]) -> None:
    x = np.ones((4, 32), dtype="float32")
    first, second = cls(**kwargs, seed=9), cls(**kwargs, seed=9)
    a, b = numpy_of(first(x, training=True)), numpy_of(second(x, training=True))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, numpy_of(first(x, training=True)))
    assert [v.name for v in first.variables] == ["seed_generator_state"] and first.weights == []


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_shapes_and_dtypes(cls: type[Layer], kwargs: dict[str, Any]) -> None:
    layer = cls(**kwargs)
    assert layer.built and layer(Input(shape=(3, 2))).shape == (None, 3, 2)
    assert layer.compute_output_shape((None, 3, 2)) == (None, 3, 2)
    mixed = cls(**kwargs, dtype="mixed_float16")
    assert str(numpy_of(mixed(np.ones((2, 3), dtype="float32"), training=True)).dtype) == "float16"


@pytest.mark.parametrize(("cls", "kwargs"), LAYERS, ids=IDS)
def test_a_zero_rate_adds_no_noise_and_no_seed(cls: type[Layer], kwargs: dict[str, Any]) -> None:
    name = next(iter(kwargs))
    layer = cls(**{name: 0.0})
    x = np.arange(6, dtype="float32").reshape(2, 3)
    np.testing.assert_array_equal(numpy_of(layer(x, training=True)), x)
    assert layer.variables == []


@pytest.mark.parametrize(
    ("cls", "name"), [(GaussianDropout, "rate"), (GaussianNoise, "stddev"), (AlphaDropout, "rate")]
)
@pytest.mark.parametrize("value", [-0.5, 1.01, "x"])
def test_values_outside_the_unit_interval_are_rejected(cls: type[Layer], name: str, value: Any) -> None:
    with pytest.raises(
        ValueError,
        match=rf"Invalid value received for argument `{name}`. Expected a float value between 0 and 1. Received: {name}={value}",
    ):
        cls(value)


@pytest.mark.parametrize("cls", [GaussianDropout, AlphaDropout])
def test_a_rate_of_one_cannot_train(cls: type[Layer]) -> None:
    layer = cls(1.0, name="noisy")
    x = np.ones((2, 3), dtype="float32")
    np.testing.assert_array_equal(numpy_of(layer(x)), x)
    with pytest.raises(ValueError, match=r"Layer 'noisy' cannot run in training mode with rate=1"):
        layer(x, training=True)


# --- activity regularization -------------------------------------------------------------------


@pytest.mark.parametrize(("l1", "l2"), [(0.5, 0.0), (0.0, 0.25), (0.1, 0.2)])
def test_activity_regularization_adds_the_penalty_divided_by_the_batch(l1: float, l2: float) -> None:
    x = np.random.default_rng(2).standard_normal((4, 3)).astype("float32")
    layer = ActivityRegularization(l1=l1, l2=l2)
    out = layer(x)
    np.testing.assert_array_equal(numpy_of(out), x)
    expected = (l1 * np.abs(x).sum() + l2 * (x * x).sum()) / 4
    assert len(layer.losses) == 1
    np.testing.assert_allclose(float(numpy_of(layer.losses[0])), expected, rtol=1e-5)
    layer(x)
    assert len(layer.losses) == 1  # losses are those of the last call


def test_activity_regularization_shapes() -> None:
    layer = ActivityRegularization()
    assert layer.built and layer.weights == [] and layer(Input(shape=(3,))).shape == (None, 3)
    assert layer.name.startswith("activity_regularization")
