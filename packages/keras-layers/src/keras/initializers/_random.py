"""The random initializers with fixed parameters: `RandomNormal`, `RandomUniform`,
`TruncatedNormal` and `Orthogonal`."""

from __future__ import annotations

import math
from typing import Any

from keras import ops, random
from keras.initializers._base import RandomInitializer, Seed, concrete_shape
from keras.ops._typing import DTypeLike, ShapeLike, Tensor


class RandomNormal(RandomInitializer):
    """Draw from a normal distribution.

    Args:
        mean: The distribution's mean.
        stddev: Its standard deviation.
        seed: An int (each call returns the same values), a `keras.random.SeedGenerator`
            (each call draws anew) or `None` (a random int seed, chosen once).

    Example:

    >>> init = keras.initializers.RandomNormal(stddev=1.0, seed=1)
    >>> init((2, 3)).shape
    (2, 3)
    """

    def __init__(self, mean: float = 0.0, stddev: float = 0.05, seed: Seed = None) -> None:
        self.mean = mean
        self.stddev = stddev
        super().__init__(seed=seed)

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        return random.normal(concrete_shape(shape), self.mean, self.stddev, dtype=dtype, seed=self.seed)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "mean": self.mean, "stddev": self.stddev}


class TruncatedNormal(RandomInitializer):
    """Draw from a normal distribution cut at two standard deviations from the mean.

    Values further than `2 * stddev` from `mean` are drawn again.

    Args:
        mean: The distribution's mean.
        stddev: The standard deviation before truncation.
        seed: An int, a `keras.random.SeedGenerator` or `None` (see `RandomNormal`).

    Example:

    >>> x = keras.initializers.TruncatedNormal(stddev=1.0, seed=2)((1000,))
    >>> bool(np.abs(keras.ops.convert_to_numpy(x)).max() <= 2.0)
    True
    """

    def __init__(self, mean: float = 0.0, stddev: float = 0.05, seed: Seed = None) -> None:
        self.mean = mean
        self.stddev = stddev
        super().__init__(seed=seed)

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        return random.truncated_normal(
            concrete_shape(shape), self.mean, self.stddev, dtype=dtype, seed=self.seed
        )

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "mean": self.mean, "stddev": self.stddev}


class RandomUniform(RandomInitializer):
    """Draw uniformly from `[minval, maxval)`.

    Args:
        minval: The lower bound.
        maxval: The upper bound.
        seed: An int, a `keras.random.SeedGenerator` or `None` (see `RandomNormal`).

    Example:

    >>> x = keras.initializers.RandomUniform(0.0, 1.0, seed=3)((100,))
    >>> bool(keras.ops.convert_to_numpy(x).min() >= 0.0)
    True
    """

    def __init__(self, minval: float = -0.05, maxval: float = 0.05, seed: Seed = None) -> None:
        self.minval = minval
        self.maxval = maxval
        super().__init__(seed=seed)

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        return random.uniform(concrete_shape(shape), self.minval, self.maxval, dtype=dtype, seed=self.seed)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "minval": self.minval, "maxval": self.maxval}


class Orthogonal(RandomInitializer):
    """Draw a random orthogonal matrix, scaled by `gain`.

    The shape is read as a matrix of `prod(shape[:-1])` rows and `shape[-1]` columns;
    its rows (when there are fewer rows than columns) or its columns are orthonormal,
    from the QR decomposition of a normal draw, then multiplied by `gain`.

    Args:
        gain: The factor applied to the orthogonal matrix.
        seed: An int, a `keras.random.SeedGenerator` or `None` (see `RandomNormal`).

    Raises:
        ValueError: When called with a shape of rank below 2.

    Example:

    >>> w = keras.ops.convert_to_numpy(keras.initializers.Orthogonal(seed=1)((4, 3)))
    >>> np.allclose(w.T @ w, np.eye(3), atol=1e-5)
    True
    """

    def __init__(self, gain: float = 1.0, seed: Seed = None) -> None:
        self.gain = gain
        super().__init__(seed=seed)

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        dims = concrete_shape(shape)
        if len(dims) < 2:
            raise ValueError(
                "The tensor to initialize must be at least two-dimensional. "
                f"Received: shape={dims} of rank {len(dims)}."
            )
        rows, cols = math.prod(dims[:-1]), dims[-1]
        draw = random.normal((max(rows, cols), min(rows, cols)), dtype=dtype, seed=self.seed)
        q, r = ops.qr(draw)
        # Fix the signs so that the result is uniform over orthogonal matrices.
        q = ops.multiply(q, ops.sign(ops.diagonal(r)))
        if rows < cols:
            q = ops.transpose(q)
        return ops.multiply(self.gain, ops.reshape(q, dims))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "gain": self.gain}


random_normal = RandomNormal
truncated_normal = TruncatedNormal
random_uniform = RandomUniform
orthogonal = Orthogonal
OrthogonalInitializer = Orthogonal
