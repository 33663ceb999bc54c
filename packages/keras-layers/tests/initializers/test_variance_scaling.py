"""VarianceScaling and its presets: the fan rule, the variance of each distribution, the
presets' parameters, seeds and configs.

Statistical bounds as in test_random.py: 6 standard errors of the mean and of the
standard deviation.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from keras import initializers, ops
from keras.backend import standardize_dtype
from keras.initializers._variance_scaling import compute_fans


def to_numpy(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x), dtype="float64")


@pytest.mark.parametrize(
    ("shape", "input_axes", "output_axes", "fans"),
    [
        ((), None, None, (1, 1)),
        ((7,), None, None, (7, 7)),
        ((3, 5), None, None, (3, 5)),
        ((4, 3, 5), None, None, (12, 20)),  # Conv1D kernel: receptive field 4
        ((3, 3, 2, 4), None, None, (18, 36)),  # Conv2D kernel: receptive field 9
        ((2, 3, 3, 2, 4), None, None, (36, 72)),  # Conv3D kernel: receptive field 18
        ((2, 3, 4, 5), [0, 1], [2, 3], (6, 20)),  # einsum kernel with explicit axes
        ((2, 3, 4), [1], [0, 2], (3, 8)),
        ((2, 3, 4), [1], None, (6, 8)),  # both axes are needed to leave the default rule
    ],
)
def test_compute_fans(
    shape: tuple[int, ...], input_axes: Any, output_axes: Any, fans: tuple[int, int]
) -> None:
    assert compute_fans(shape, input_axes, output_axes) == fans


def sample_std(initializer: Any, shape: tuple[int, ...]) -> tuple[np.ndarray, float]:
    values = initializer(shape)
    assert tuple(values.shape) == shape
    assert standardize_dtype(values.dtype) == "float32"
    sample = to_numpy(values)
    return sample, float(sample.std())


def assert_std(sample: np.ndarray, expected: float) -> None:
    n = sample.size
    assert abs(sample.mean()) <= 6 * expected / math.sqrt(n)
    assert abs(sample.std() - expected) <= 6 * expected / math.sqrt(2 * n), (sample.std(), expected)


# (initializer, shape, fan the variance divides by, scale, distribution)
SHAPE_2D = (200, 300)
SHAPE_CONV = (3, 3, 40, 60)  # fan_in 360, fan_out 540
PRESETS = [
    (initializers.VarianceScaling(seed=1), SHAPE_2D, 200, 1.0, "truncated_normal"),
    (initializers.VarianceScaling(2.0, "fan_out", "uniform", seed=2), SHAPE_2D, 300, 2.0, "uniform"),
    (
        initializers.VarianceScaling(0.5, "fan_avg", "untruncated_normal", seed=3),
        SHAPE_2D,
        250,
        0.5,
        "untruncated_normal",
    ),
    (initializers.VarianceScaling(3.0, "fan_in", "normal", seed=4), SHAPE_CONV, 360, 3.0, "truncated_normal"),
    (initializers.VarianceScaling(1.0, "fan_avg", "uniform", seed=5), SHAPE_CONV, 450, 1.0, "uniform"),
    (initializers.GlorotNormal(seed=6), SHAPE_2D, 250, 1.0, "truncated_normal"),
    (initializers.GlorotUniform(seed=7), SHAPE_CONV, 450, 1.0, "uniform"),
    (initializers.HeNormal(seed=8), SHAPE_CONV, 360, 2.0, "truncated_normal"),
    (initializers.HeUniform(seed=9), SHAPE_2D, 200, 2.0, "uniform"),
    (initializers.LecunNormal(seed=10), SHAPE_2D, 200, 1.0, "truncated_normal"),
    (initializers.LecunUniform(seed=11), SHAPE_CONV, 360, 1.0, "uniform"),
    (initializers.glorot_uniform(seed=12), SHAPE_2D, 250, 1.0, "uniform"),
    (initializers.he_normal(seed=13), SHAPE_2D, 200, 2.0, "truncated_normal"),
    (initializers.lecun_uniform(seed=14), SHAPE_2D, 200, 1.0, "uniform"),
    (initializers.variance_scaling(seed=15), SHAPE_2D, 200, 1.0, "truncated_normal"),
    (initializers.glorot_normal(seed=16), SHAPE_2D, 250, 1.0, "truncated_normal"),
    (initializers.he_uniform(seed=17), SHAPE_2D, 200, 2.0, "uniform"),
    (initializers.lecun_normal(seed=18), SHAPE_2D, 200, 1.0, "truncated_normal"),
]


@pytest.mark.parametrize(
    ("initializer", "shape", "fan", "scale", "distribution"),
    PRESETS,
    ids=[f"{type(p[0]).__name__}-{p[4]}-{len(p[1])}d-{i}" for i, p in enumerate(PRESETS)],
)
def test_variance(
    initializer: Any, shape: tuple[int, ...], fan: int, scale: float, distribution: str
) -> None:
    assert initializer.distribution == distribution
    expected_std = math.sqrt(scale / fan)
    sample, _ = sample_std(initializer, shape)
    assert_std(sample, expected_std)
    if distribution == "uniform":
        assert np.abs(sample).max() <= math.sqrt(3.0) * expected_std + 1e-7
    if distribution == "truncated_normal":
        assert np.abs(sample).max() <= 2 * expected_std / 0.87962566103423978 + 1e-6


def test_small_fans_count_as_one() -> None:
    # scale / max(1, fan): a scalar weight uses the scale itself as the variance.
    sample = to_numpy(initializers.VarianceScaling(4.0, distribution="uniform", seed=1)(()))
    assert sample.shape == () and abs(float(sample)) <= math.sqrt(12.0)


def test_explicit_axes_change_the_fan() -> None:
    # The default rule would give fan_in = 40 * 50 = 2000; the axes make it 40.
    initializer = initializers.VarianceScaling(
        1.0, "fan_in", "uniform", seed=1, input_axes=[0], output_axes=[1, 2]
    )
    sample = to_numpy(initializer((40, 50, 20)))
    assert np.abs(sample).max() <= math.sqrt(3.0 / 40) + 1e-7
    assert_std(sample, math.sqrt(1.0 / 40))


def test_int_seed_repeats_and_dtype() -> None:
    a = to_numpy(initializers.GlorotUniform(seed=3)((4, 5)))
    np.testing.assert_array_equal(to_numpy(initializers.GlorotUniform(seed=3)((4, 5))), a)
    assert standardize_dtype(initializers.HeNormal(seed=3)((4, 5), dtype="float16").dtype) == "float16"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"scale": 0.0}, r"Argument `scale` must be positive float. Received: scale=0.0"),
        ({"scale": -1}, r"Received: scale=-1"),
        ({"mode": "fan_sum"}, r"Invalid `mode` argument: expected one of .*Received: mode='fan_sum'"),
        (
            {"distribution": "cauchy"},
            r"Invalid `distribution` argument: expected one of .*Received: distribution='cauchy'",
        ),
        ({"seed": "x"}, r"`seed` argument should be .* Received: seed='x'"),
    ],
)
def test_bad_arguments(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        initializers.VarianceScaling(**kwargs)


def test_distribution_names_are_normalized() -> None:
    assert initializers.VarianceScaling(distribution="Uniform").distribution == "uniform"
    assert initializers.VarianceScaling(distribution="normal").distribution == "truncated_normal"


# --- configs (the dicts Keras 3.15 returns) ---------------------------------------------------


@pytest.mark.parametrize(
    ("initializer", "config"),
    [
        (
            initializers.VarianceScaling(2.0, "fan_out", "uniform", seed=1),
            {
                "seed": 1,
                "scale": 2.0,
                "mode": "fan_out",
                "distribution": "uniform",
                "input_axes": None,
                "output_axes": None,
            },
        ),
        (
            initializers.VarianceScaling(distribution="normal"),
            {
                "seed": None,
                "scale": 1.0,
                "mode": "fan_in",
                "distribution": "truncated_normal",
                "input_axes": None,
                "output_axes": None,
            },
        ),
        (initializers.GlorotNormal(seed=1), {"seed": 1, "input_axes": None, "output_axes": None}),
        (
            initializers.GlorotUniform(seed=2, input_axes=[0], output_axes=[1]),
            {"seed": 2, "input_axes": [0], "output_axes": [1]},
        ),
        (initializers.GlorotUniform(), {"seed": None, "input_axes": None, "output_axes": None}),
        (initializers.HeNormal(), {"seed": None, "input_axes": None, "output_axes": None}),
        (initializers.HeUniform(), {"seed": None, "input_axes": None, "output_axes": None}),
        (initializers.LecunNormal(), {"seed": None, "input_axes": None, "output_axes": None}),
        (initializers.LecunUniform(), {"seed": None, "input_axes": None, "output_axes": None}),
    ],
    ids=[
        "vs",
        "vs-default",
        "glorot-normal",
        "glorot-uniform-axes",
        "glorot-uniform",
        "he-normal",
        "he-uniform",
        "lecun-normal",
        "lecun-uniform",
    ],
)
def test_config_matches_keras(initializer: Any, config: dict[str, Any]) -> None:
    assert initializer.get_config() == config
    rebuilt = type(initializer).from_config(config)
    assert type(rebuilt) is type(initializer)
    assert rebuilt.get_config() == config
    assert (rebuilt.scale, rebuilt.mode, rebuilt.distribution) == (
        initializer.scale,
        initializer.mode,
        initializer.distribution,
    )
    clone = initializer.clone()
    assert clone is not initializer and clone.get_config() == config
