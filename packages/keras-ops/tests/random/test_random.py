"""keras.random: reproducible draws, distribution moments against closed forms, errors.

Moments use 20,000 draws; tolerances are about five standard errors of the estimate.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from keras import ops, random
from keras.backend import floatx
from keras.ops._convert import to_numpy

N = 20_000


def draw(function: Callable[..., Any], *args: Any, **kwargs: Any) -> np.ndarray:
    return to_numpy(function(*args, **kwargs))


# (name, call, mean, variance, support) with closed-form moments.
DISTRIBUTIONS = [
    (
        "normal",
        lambda seed: random.normal((N,), mean=1.0, stddev=2.0, seed=seed),
        1.0,
        4.0,
        (-np.inf, np.inf),
    ),
    (
        "uniform",
        lambda seed: random.uniform((N,), minval=-1.0, maxval=3.0, seed=seed),
        1.0,
        16 / 12,
        (-1.0, 3.0),
    ),
    ("randint", lambda seed: random.randint((N,), 0, 10, seed=seed), 4.5, (100 - 1) / 12, (0, 9)),
    # A standard normal truncated at +-2: variance 1 - 2*2*phi(2)/(2*Phi(2)-1).
    (
        "truncated_normal",
        lambda seed: random.truncated_normal((N,), seed=seed),
        0.0,
        1 - 4 * math.exp(-2) / math.sqrt(2 * math.pi) / math.erf(2 / math.sqrt(2)),
        (-2.0, 2.0),
    ),
    ("gamma", lambda seed: random.gamma((N,), alpha=3.0, seed=seed), 3.0, 3.0, (0.0, np.inf)),
    ("binomial", lambda seed: random.binomial((N,), 10, 0.3, seed=seed), 3.0, 2.1, (0, 10)),
    ("beta", lambda seed: random.beta((N,), 2.0, 3.0, seed=seed), 0.4, 6 / (25 * 6), (0.0, 1.0)),
    # Concentrations given as tensors (Keras accepts them; layers such as CutMix draw them).
    (
        "gamma_of_tensor",
        lambda seed: random.gamma((N,), alpha=ops.convert_to_tensor(3.0), seed=seed),
        3.0,
        3.0,
        (0.0, np.inf),
    ),
    (
        "beta_of_tensors",
        lambda seed: random.beta((N,), ops.convert_to_tensor(2.0), ops.convert_to_tensor(3.0), seed=seed),
        0.4,
        6 / (25 * 6),
        (0.0, 1.0),
    ),
]


@pytest.mark.parametrize(
    ("name", "sample", "mean", "variance", "support"), DISTRIBUTIONS, ids=[d[0] for d in DISTRIBUTIONS]
)
def test_moments_and_support(name, sample, mean, variance, support) -> None:  # type: ignore[no-untyped-def]
    values = to_numpy(sample(1234)).astype("float64")
    assert values.shape == (N,)
    standard_error = math.sqrt(variance / N)
    assert abs(values.mean() - mean) < 5 * standard_error, values.mean()
    assert abs(values.var() - variance) < 0.05 * variance, values.var()
    assert values.min() >= support[0] and values.max() <= support[1]


@pytest.mark.parametrize(
    ("name", "sample", "mean", "variance", "support"), DISTRIBUTIONS, ids=[d[0] for d in DISTRIBUTIONS]
)
def test_int_seed_repeats_and_generator_advances(name, sample, mean, variance, support) -> None:  # type: ignore[no-untyped-def]
    np.testing.assert_array_equal(to_numpy(sample(7)), to_numpy(sample(7)))
    assert not np.array_equal(to_numpy(sample(7)), to_numpy(sample(8)))
    generator = random.SeedGenerator(7)
    first, second = to_numpy(sample(generator)), to_numpy(sample(generator))
    assert not np.array_equal(first, second)
    replay = random.SeedGenerator(7)
    np.testing.assert_array_equal(to_numpy(sample(replay)), first)


@pytest.mark.parametrize(
    ("call", "dtype"),
    [
        (lambda: random.normal((2,), seed=1), floatx()),
        (lambda: random.normal((2,), dtype="float64", seed=1), "float64"),
        (lambda: random.uniform((2,), dtype="float16", seed=1), "float16"),
        (lambda: random.randint((2,), 0, 3, seed=1), "int32"),
        (lambda: random.randint((2,), 0, 3, dtype="int64", seed=1), "int64"),
        (lambda: random.categorical(np.zeros((2, 3)), 4, seed=1), "int32"),
        (lambda: random.gamma((2,), 1.0, seed=1), floatx()),
        (lambda: random.binomial((2,), 3, 0.5, seed=1), floatx()),
        (lambda: random.beta((2,), 1.0, 1.0, seed=1), floatx()),
        (lambda: random.truncated_normal((2,), seed=1), floatx()),
    ],
    ids=[
        "normal",
        "normal-f64",
        "uniform-f16",
        "randint",
        "randint-i64",
        "categorical",
        "gamma",
        "binomial",
        "beta",
        "truncated",
    ],
)
def test_output_dtypes(call: Callable[[], Any], dtype: str) -> None:
    assert str(to_numpy(call()).dtype) == dtype


def test_categorical_frequencies_follow_the_softmax() -> None:
    logits = np.log(np.array([[0.2, 0.3, 0.5], [0.9, 0.05, 0.05]], dtype="float32"))
    samples = draw(random.categorical, logits, N, seed=3)
    assert samples.shape == (2, N)
    for row, expected in enumerate(([0.2, 0.3, 0.5], [0.9, 0.05, 0.05])):
        frequencies = np.bincount(samples[row], minlength=3) / N
        np.testing.assert_allclose(frequencies, expected, atol=0.015)


def test_dropout_drops_at_the_rate_and_rescales() -> None:
    out = draw(random.dropout, np.ones((N,), dtype="float32"), 0.25, seed=5)
    assert set(np.unique(out).tolist()) == {0.0, float(np.float32(1.0 / 0.75))}
    assert abs((out == 0).mean() - 0.25) < 0.015
    assert out.dtype == np.float32


def test_dropout_noise_shape_shares_the_mask() -> None:
    out = draw(random.dropout, np.ones((4, 50, 3), dtype="float32"), 0.5, noise_shape=(4, 1, 3), seed=5)
    np.testing.assert_array_equal(out, np.broadcast_to(out[:, :1, :], out.shape))


def test_shuffle_permutes_along_the_axis() -> None:
    x = np.arange(20).reshape(4, 5)
    rows = draw(random.shuffle, x, axis=0, seed=2)
    assert sorted(map(tuple, rows.tolist())) == sorted(map(tuple, x.tolist()))
    cols = draw(random.shuffle, x, axis=1, seed=2)
    np.testing.assert_array_equal(np.sort(cols, axis=1), x)
    assert not np.array_equal(draw(random.shuffle, np.arange(100), seed=2), np.arange(100))


def test_seed_generator_state_and_config() -> None:
    generator = random.SeedGenerator(42, name="gen")
    assert generator.state.path == "gen/seed_generator_state"
    assert generator.state.dtype == "uint32"
    np.testing.assert_array_equal(generator.state.numpy(), [42, 0])
    random.normal((1,), seed=generator)
    np.testing.assert_array_equal(generator.state.numpy(), [42, 1])
    assert generator.get_config() == {"seed": 42, "name": "gen"}


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: random.normal((2,), seed="a"),
            ValueError,
            "must be either an integer or an instance of `SeedGenerator`",
        ),
        (
            lambda: random.SeedGenerator("x"),
            ValueError,
            "Argument `seed` must be an integer. Received: seed=x",
        ),
        (lambda: random.uniform((2,), dtype="int32"), ValueError, "use `keras.random.randint`"),
        (lambda: random.randint((2,), 0, 3, dtype="float32"), ValueError, "must be an integer dtype"),
        (lambda: random.randint((2,), 3, 3), ValueError, "`maxval` must be greater than `minval`"),
        (
            lambda: random.categorical(np.zeros(3), 2),
            ValueError,
            r"should be a 2-D tensor .* Received: logits.shape=\(3,\)",
        ),
        (lambda: random.dropout(np.ones(2), 1.0), ValueError, r"`rate` must be in \[0, 1\)"),
        (lambda: random.normal((2, -1)), ValueError, "may not have negative dimensions"),
        (
            lambda: random.shuffle(np.ones(3), axis=2),
            ValueError,
            "axis 2 is out of bounds for a tensor of rank 1",
        ),
    ],
    ids=[
        "seed-str",
        "generator-seed",
        "uniform-int",
        "randint-float",
        "randint-range",
        "categorical-rank",
        "dropout-rate",
        "shape",
        "shuffle-axis",
    ],
)
def test_errors(call: Callable[[], Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()
