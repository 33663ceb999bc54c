"""RandomNormal, RandomUniform, TruncatedNormal and Orthogonal: sample statistics, seeds,
orthogonality and configs.

Statistical bounds: for n draws of standard deviation s, the sample mean lies within
6 s / sqrt(n) of the true mean and the sample standard deviation within 6 s / sqrt(2 n)
of the true one, except with probability about 1e-9.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from keras import initializers, ops, random
from keras.backend import backend, standardize_dtype

N = 100_000
SHAPE = (250, 400)
TRUNCATED_FACTOR = 0.87962566103423978  # std of a unit normal cut at +-2


def to_numpy(x: Any) -> np.ndarray:
    return np.asarray(ops.convert_to_numpy(x), dtype="float64")


def assert_moments(sample: np.ndarray, mean: float, std: float) -> None:
    n = sample.size
    assert abs(sample.mean() - mean) <= 6 * std / math.sqrt(n), (sample.mean(), mean)
    assert abs(sample.std() - std) <= 6 * std / math.sqrt(2 * n), (sample.std(), std)


STATS = [
    (initializers.RandomNormal(seed=1), 0.0, 0.05, None, "normal-default"),
    (initializers.RandomNormal(mean=1.0, stddev=2.0, seed=2), 1.0, 2.0, None, "normal"),
    (initializers.RandomUniform(seed=3), 0.0, 0.1 / math.sqrt(12), 0.05, "uniform-default"),
    (initializers.RandomUniform(-1.0, 3.0, seed=4), 1.0, 4.0 / math.sqrt(12), None, "uniform"),
    (initializers.TruncatedNormal(seed=5), 0.0, 0.05 * TRUNCATED_FACTOR, 0.1, "truncated-default"),
    (initializers.TruncatedNormal(0.5, 2.0, seed=6), 0.5, 2.0 * TRUNCATED_FACTOR, None, "truncated"),
    (initializers.random_normal(seed=7), 0.0, 0.05, None, "alias-random-normal"),
    (initializers.random_uniform(seed=8), 0.0, 0.1 / math.sqrt(12), 0.05, "alias-random-uniform"),
    (initializers.truncated_normal(seed=9), 0.0, 0.05 * TRUNCATED_FACTOR, 0.1, "alias-truncated-normal"),
]


@pytest.mark.parametrize(("initializer", "mean", "std", "bound", "label"), STATS, ids=[s[-1] for s in STATS])
def test_sample_moments(initializer: Any, mean: float, std: float, bound: float | None, label: str) -> None:
    values = initializer(SHAPE)
    assert tuple(values.shape) == SHAPE
    assert standardize_dtype(values.dtype) == "float32"
    sample = to_numpy(values)
    assert_moments(sample, mean, std)
    if bound is not None:
        assert np.abs(sample - mean).max() <= bound + 1e-7


def test_uniform_and_truncated_limits() -> None:
    uniform = to_numpy(initializers.RandomUniform(-1.0, 3.0, seed=1)((N,)))
    assert uniform.min() >= -1.0 and uniform.max() < 3.0
    truncated = to_numpy(initializers.TruncatedNormal(0.5, 2.0, seed=1)((N,)))
    assert np.abs(truncated - 0.5).max() <= 4.0 + 1e-6


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
@pytest.mark.parametrize(
    "initializer",
    [
        initializers.RandomNormal(seed=1),
        initializers.RandomUniform(seed=1),
        initializers.TruncatedNormal(seed=1),
    ],
    ids=["normal", "uniform", "truncated"],
)
def test_dtype(initializer: Any, dtype: str) -> None:
    assert standardize_dtype(initializer((3, 2), dtype=dtype).dtype) == dtype


@pytest.mark.parametrize(
    "initializer",
    [
        initializers.RandomNormal(seed=1),
        initializers.RandomUniform(seed=1),
        initializers.TruncatedNormal(seed=1),
        initializers.Orthogonal(seed=1),
        initializers.GlorotUniform(seed=1),
    ],
    ids=["normal", "uniform", "truncated", "orthogonal", "glorot"],
)
def test_integer_dtype_is_an_error(initializer: Any) -> None:
    with pytest.raises(ValueError, match="int32"):
        initializer((2, 2), dtype="int32")


@pytest.mark.parametrize(
    "cls", [initializers.RandomNormal, initializers.RandomUniform, initializers.TruncatedNormal]
)
def test_int_seed_repeats(cls: Any) -> None:
    first = cls(seed=42)
    again = to_numpy(first((50,)))
    np.testing.assert_array_equal(to_numpy(first((50,))), again)  # same instance, same values
    np.testing.assert_array_equal(to_numpy(cls(seed=42)((50,))), again)  # same seed, same values
    assert not np.array_equal(to_numpy(cls(seed=43)((50,))), again)


@pytest.mark.parametrize(
    "cls", [initializers.RandomNormal, initializers.RandomUniform, initializers.TruncatedNormal]
)
def test_none_seed_is_fixed_per_instance(cls: Any) -> None:
    # Keras 3 picks a random int seed once, at construction.
    initializer = cls()
    assert isinstance(initializer.seed, int)
    np.testing.assert_array_equal(to_numpy(initializer((50,))), to_numpy(initializer((50,))))
    assert not np.array_equal(to_numpy(cls()((50,))), to_numpy(initializer((50,))))


def test_seed_generator_advances() -> None:
    initializer = initializers.RandomNormal(seed=random.SeedGenerator(7))
    first, second = to_numpy(initializer((50,))), to_numpy(initializer((50,)))
    assert not np.array_equal(first, second)
    replay = initializers.RandomNormal(seed=random.SeedGenerator(7))
    np.testing.assert_array_equal(to_numpy(replay((50,))), first)


def test_numpy_int_seed_is_accepted() -> None:
    initializer = initializers.RandomNormal(seed=np.int64(5))
    np.testing.assert_array_equal(
        to_numpy(initializer((4,))), to_numpy(initializers.RandomNormal(seed=5)((4,)))
    )


@pytest.mark.parametrize("seed", ["a", 1.5, True, [1]])
def test_bad_seed(seed: Any) -> None:
    with pytest.raises(
        ValueError,
        match=r"`seed` argument should be an instance of `keras.random.SeedGenerator\(\)` or an integer. Received: seed=",
    ):
        initializers.RandomNormal(seed=seed)


# --- Orthogonal ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shape", "gain"),
    [((4, 4), 1.0), ((6, 3), 1.0), ((3, 6), 2.0), ((2, 3, 4), 0.5), ((2, 2, 3, 8), 1.5)],
    ids=["square", "tall", "wide-gain", "conv1d", "conv2d-wide"],
)
def test_orthogonal_gram_matrix(shape: tuple[int, ...], gain: float) -> None:
    values = initializers.Orthogonal(gain=gain, seed=3)(shape)
    assert tuple(values.shape) == shape
    matrix = to_numpy(values).reshape(-1, shape[-1])
    rows, cols = matrix.shape
    gram = matrix.T @ matrix if rows >= cols else matrix @ matrix.T
    np.testing.assert_allclose(gram, gain**2 * np.eye(min(rows, cols)), atol=1e-5)


def test_orthogonal_seeds_and_aliases() -> None:
    a = to_numpy(initializers.Orthogonal(seed=1)((3, 3)))
    np.testing.assert_array_equal(to_numpy(initializers.orthogonal(seed=1)((3, 3))), a)
    np.testing.assert_array_equal(to_numpy(initializers.OrthogonalInitializer(seed=1)((3, 3))), a)
    assert not np.array_equal(to_numpy(initializers.Orthogonal(seed=2)((3, 3))), a)


def test_orthogonal_rejects_vectors() -> None:
    with pytest.raises(ValueError, match=r"at least two-dimensional. Received: shape=\(3,\) of rank 1"):
        initializers.Orthogonal()((3,))


# --- configs (the dicts Keras 3.15 returns) ---------------------------------------------------


@pytest.mark.parametrize(
    ("initializer", "config"),
    [
        (initializers.RandomNormal(1.0, 2.0, seed=3), {"seed": 3, "mean": 1.0, "stddev": 2.0}),
        (initializers.RandomNormal(), {"seed": None, "mean": 0.0, "stddev": 0.05}),
        (initializers.RandomUniform(-1.0, 1.0, seed=3), {"seed": 3, "minval": -1.0, "maxval": 1.0}),
        (initializers.TruncatedNormal(0.5, 0.1, seed=7), {"seed": 7, "mean": 0.5, "stddev": 0.1}),
        (initializers.Orthogonal(2.0, seed=5), {"seed": 5, "gain": 2.0}),
    ],
    ids=["normal", "normal-default", "uniform", "truncated", "orthogonal"],
)
def test_config_matches_keras(initializer: Any, config: dict[str, Any]) -> None:
    assert initializer.get_config() == config
    rebuilt = type(initializer).from_config(config)
    assert rebuilt.get_config() == config
    if config["seed"] is not None:
        np.testing.assert_array_equal(to_numpy(rebuilt((3, 3))), to_numpy(initializer((3, 3))))


def test_seed_generator_config_round_trip() -> None:
    initializer = initializers.RandomUniform(seed=random.SeedGenerator(11))
    config = initializer.get_config()
    assert config["seed"]["class_name"] == "SeedGenerator"
    assert config["seed"]["module"] == "keras.random"
    assert config["seed"]["config"]["seed"] == 11
    rebuilt = initializers.RandomUniform.from_config(config)
    assert isinstance(rebuilt.seed, random.SeedGenerator)
    fresh = initializers.RandomUniform(seed=random.SeedGenerator(11))
    np.testing.assert_array_equal(to_numpy(rebuilt((5,))), to_numpy(fresh((5,))))


@pytest.mark.skipif(backend() != "jax", reason="jax.jit is the jax backend's compiler")
@pytest.mark.parametrize(
    "initializer",
    [
        initializers.RandomNormal(seed=1),
        initializers.TruncatedNormal(seed=1),
        initializers.GlorotUniform(seed=1),
        initializers.Orthogonal(seed=1),
    ],
    ids=["normal", "truncated", "glorot", "orthogonal"],
)
def test_int_seeded_under_jax_jit(initializer: Any) -> None:
    import jax

    traced = jax.jit(lambda: initializer((4, 3)))()
    np.testing.assert_allclose(np.asarray(traced), to_numpy(initializer((4, 3))), rtol=1e-6, atol=1e-7)
