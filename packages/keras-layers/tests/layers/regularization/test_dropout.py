"""Dropout and SpatialDropout1D/2D/3D: drop rates, scaling, seeds, noise shapes, inference identity, errors."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from keras import ops
from keras.backend._masking import get_keras_mask, set_keras_mask
from keras.layers import Input
from keras.layers._regularization.dropout import Dropout
from keras.layers._regularization.spatial_dropout import SpatialDropout1D, SpatialDropout2D, SpatialDropout3D


def numpy_of(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


def assert_binomial(dropped: int, total: int, rate: float) -> None:
    """The dropped fraction is within 5 standard deviations of `rate` (false alarm ~ 1e-6)."""
    tolerance = 5 * math.sqrt(rate * (1 - rate) / total)
    assert abs(dropped / total - rate) <= tolerance, (dropped / total, rate, tolerance)


@pytest.mark.parametrize("rate", [0.1, 0.5, 0.8])
def test_dropout_drops_a_binomial_fraction_and_rescales_the_rest(rate: float) -> None:
    x = np.full((100, 500), 3.0, dtype="float32")
    y = numpy_of(Dropout(rate, seed=1)(x, training=True))
    kept = y != 0
    assert_binomial(int((~kept).sum()), y.size, rate)
    np.testing.assert_allclose(y[kept], 3.0 / (1 - rate), rtol=1e-6)


@pytest.mark.parametrize("training", [False, None, 0])
def test_dropout_is_the_identity_at_inference(training: Any) -> None:
    x = np.arange(12, dtype="float32").reshape(3, 4)
    layer = Dropout(0.5, seed=1)
    out = layer(x) if training is None else layer(x, training=training)
    np.testing.assert_array_equal(numpy_of(out), x)


def test_a_zero_rate_is_the_identity_in_training_too() -> None:
    x = np.arange(6, dtype="float32").reshape(2, 3)
    layer = Dropout(0.0)
    np.testing.assert_array_equal(numpy_of(layer(x, training=True)), x)
    assert not hasattr(layer, "seed_generator") and layer.variables == []


def test_a_rate_of_one_drops_everything() -> None:
    out = Dropout(1.0)(np.ones((3, 4), dtype="float32"), training=True)
    np.testing.assert_array_equal(numpy_of(out), np.zeros((3, 4)))


def test_a_seed_makes_draws_reproducible_and_successive_calls_differ() -> None:
    x = np.ones((8, 64), dtype="float32")
    first, second = Dropout(0.5, seed=42), Dropout(0.5, seed=42)
    a1, a2 = numpy_of(first(x, training=True)), numpy_of(first(x, training=True))
    b1, b2 = numpy_of(second(x, training=True)), numpy_of(second(x, training=True))
    np.testing.assert_array_equal(a1, b1)
    np.testing.assert_array_equal(a2, b2)
    assert not np.array_equal(a1, a2)
    other = numpy_of(Dropout(0.5, seed=43)(x, training=True))
    assert not np.array_equal(a1, other)


def test_the_seed_state_lives_in_the_seed_generator() -> None:
    layer = Dropout(0.5, seed=3)
    assert layer.weights == []
    assert [v.name for v in layer.variables] == ["seed_generator_state"]
    assert layer.variables[0] is layer.seed_generator.state


@pytest.mark.parametrize(
    ("noise_shape", "shared_axes"), [((None, 1, None), (1,)), ((4, 1, 1), (1, 2)), ([None, 6, 1], (2,))]
)
def test_noise_shape_shares_decisions_along_its_unit_axes(
    noise_shape: Any, shared_axes: tuple[int, ...]
) -> None:
    x = np.ones((4, 6, 5), dtype="float32")
    y = numpy_of(Dropout(0.5, noise_shape=noise_shape, seed=5)(x, training=True))
    for axis in shared_axes:
        np.testing.assert_array_equal(y, np.take(y, [0], axis=axis).repeat(x.shape[axis], axis=axis))
    assert set(np.unique(y).tolist()) <= {0.0, 2.0}


def test_dropout_keeps_masks_and_the_compute_dtype() -> None:
    x = ops.convert_to_tensor(np.ones((2, 3, 4), dtype="float32"))
    mask = ops.convert_to_tensor(np.array([[True, False, True], [True, True, False]]))
    set_keras_mask(x, mask)
    out = Dropout(0.5, seed=1)(x, training=True)
    np.testing.assert_array_equal(numpy_of(get_keras_mask(out)), numpy_of(mask))
    mixed = Dropout(0.5, seed=1, dtype="mixed_float16")(np.ones((2, 3), dtype="float32"), training=True)
    assert str(numpy_of(mixed).dtype) == "float16"


def test_dropout_shapes() -> None:
    layer = Dropout(0.3)
    assert layer.built and layer.get_build_config() is None
    assert layer(Input(shape=(3, 4))).shape == (None, 3, 4)
    assert layer.compute_output_shape((None, 3, 4)) == (None, 3, 4)
    assert layer.name.startswith("dropout")


@pytest.mark.parametrize("rate", [-0.1, 1.5, "0.5", None])
def test_dropout_rejects_a_rate_outside_the_unit_interval(rate: Any) -> None:
    with pytest.raises(
        ValueError,
        match=rf"Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate={rate}",
    ):
        Dropout(rate)


@pytest.mark.parametrize(
    ("noise_shape", "match"),
    [
        ("ab", r"Expected a tuple or list of integers. Received: noise_shape=ab"),
        (3, r"Expected an iterable of integers \(e.g., a tuple or list\). Received: noise_shape=3"),
        (
            (2.0, 1),
            r"Expected all elements to be integers or None. Received element at index 0: 2.0 \(type: float\)",
        ),
        (
            (2, 0),
            r"Expected all dimensions to be positive integers or None. Received: noise_shape=\(2, 0\) \(index 1\)",
        ),
    ],
)
def test_dropout_rejects_a_bad_noise_shape(noise_shape: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Dropout(0.5, noise_shape=noise_shape)


# --- spatial dropout --------------------------------------------------------------------------

SPATIAL = [
    (SpatialDropout1D, {}, (6, 7, 50), -1),
    (SpatialDropout2D, {}, (6, 3, 4, 50), -1),
    (SpatialDropout2D, {"data_format": "channels_first"}, (6, 50, 3, 4), 1),
    (SpatialDropout3D, {}, (6, 2, 3, 2, 50), -1),
    (SpatialDropout3D, {"data_format": "channels_first"}, (6, 50, 2, 3, 2), 1),
]
SPATIAL_IDS = ["1d", "2d-last", "2d-first", "3d-last", "3d-first"]


@pytest.mark.parametrize(("cls", "kwargs", "shape", "channel_axis"), SPATIAL, ids=SPATIAL_IDS)
def test_spatial_dropout_drops_whole_channels(
    cls: type[Dropout], kwargs: dict[str, Any], shape: tuple[int, ...], channel_axis: int
) -> None:
    rate = 0.4
    y = numpy_of(cls(rate, seed=2, **kwargs)(np.ones(shape, dtype="float32"), training=True))
    per_channel = np.moveaxis(y, channel_axis, -1).reshape(shape[0], -1, shape[channel_axis])
    # every position of a channel shares one decision
    np.testing.assert_array_equal(per_channel, per_channel[:, :1, :].repeat(per_channel.shape[1], axis=1))
    decisions = per_channel[:, 0, :]
    assert_binomial(int((decisions == 0).sum()), decisions.size, rate)
    np.testing.assert_allclose(decisions[decisions != 0], 1 / (1 - rate), rtol=1e-6)


@pytest.mark.parametrize(("cls", "kwargs", "shape", "channel_axis"), SPATIAL, ids=SPATIAL_IDS)
def test_spatial_dropout_is_the_identity_at_inference_and_keeps_shapes(
    cls: type[Dropout], kwargs: dict[str, Any], shape: tuple[int, ...], channel_axis: int
) -> None:
    x = np.random.default_rng(0).standard_normal(shape).astype("float32")
    layer = cls(0.5, **kwargs)
    np.testing.assert_array_equal(numpy_of(layer(x)), x)
    assert layer(Input(shape=shape[1:])).shape == (None, *shape[1:])


@pytest.mark.parametrize(
    ("cls", "rank"), [(SpatialDropout1D, 3), (SpatialDropout2D, 4), (SpatialDropout3D, 5)]
)
def test_spatial_dropout_checks_the_input_rank(cls: type[Dropout], rank: int) -> None:
    layer = cls(0.5, name="sd")
    with pytest.raises(ValueError, match=rf"sd.*expected ndim={rank}, found ndim=2"):
        layer(np.ones((2, 3), dtype="float32"))


def test_spatial_dropout_rejects_a_bad_rate_and_data_format() -> None:
    with pytest.raises(ValueError, match=r"Received: rate=2"):
        SpatialDropout1D(2)
    with pytest.raises(
        ValueError, match=r"The `data_format` argument must be one of .* Received: data_format='nhwc'"
    ):
        SpatialDropout2D(0.5, data_format="nhwc")
    with pytest.raises(TypeError):
        SpatialDropout1D(0.5, noise_shape=(1, 2, 3))  # type: ignore[call-arg]  # not a Keras argument
