"""`VarianceScaling`, the fan rule it scales by, and its named presets
(Glorot, He and LeCun, each normal or uniform)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

from keras import random
from keras.initializers._base import RandomInitializer, Seed, concrete_shape
from keras.ops._typing import DTypeLike, ShapeLike, Tensor

# The standard deviation of a unit normal truncated to [-2, 2]: dividing by it makes a
# truncated draw have the requested variance.
_TRUNCATED_STDDEV = 0.87962566103423978
_MODES = ("fan_in", "fan_out", "fan_avg")
_DISTRIBUTIONS = ("truncated_normal", "untruncated_normal", "uniform")


def compute_fans(
    shape: ShapeLike, input_axes: Sequence[int] | None = None, output_axes: Sequence[int] | None = None
) -> tuple[int, int]:
    """Return `(fan_in, fan_out)` of a weight of `shape`.

    With both `input_axes` and `output_axes`, the fans are the products of those
    dimensions. Otherwise: a scalar has fans 1, a vector its length twice, a matrix
    `(fan_in, fan_out)`, and a convolution kernel `(..., in_channels, out_channels)`
    multiplies both channel counts by its receptive field (the product of the leading
    dimensions).

    Args:
        shape: The weight's shape.
        input_axes: The axes that count towards `fan_in`.
        output_axes: The axes that count towards `fan_out`.

    Returns:
        The pair of ints `(fan_in, fan_out)`.
    """
    dims = concrete_shape(shape)
    if input_axes is not None and output_axes is not None:
        return math.prod(dims[axis] for axis in input_axes), math.prod(dims[axis] for axis in output_axes)
    if not dims:
        return 1, 1
    if len(dims) == 1:
        return dims[0], dims[0]
    receptive_field = math.prod(dims[:-2])
    return dims[-2] * receptive_field, dims[-1] * receptive_field


class VarianceScaling(RandomInitializer):
    """Draw with a variance of `scale / n`, where `n` is a fan of the weight's shape.

    `n` is `fan_in`, `fan_out` or their mean (see `mode`); the fans of a convolution
    kernel include its receptive field. Then a `"truncated_normal"` draw has standard
    deviation `sqrt(scale / n)` after truncation at two standard deviations, an
    `"untruncated_normal"` draw that standard deviation, and a `"uniform"` draw lies in
    `[-limit, limit)` with `limit = sqrt(3 * scale / n)`.

    Args:
        scale: A positive scaling factor.
        mode: `"fan_in"`, `"fan_out"` or `"fan_avg"`.
        distribution: `"truncated_normal"` (`"normal"` means the same),
            `"untruncated_normal"` or `"uniform"`.
        seed: An int (each call returns the same values), a `keras.random.SeedGenerator`
            (each call draws anew) or `None` (a random int seed, chosen once).
        input_axes: The axes whose product is `fan_in`; with `output_axes`, replaces
            the default fan rule (for einsum-shaped kernels).
        output_axes: The axes whose product is `fan_out`.

    Raises:
        ValueError: If `scale` is not positive, or `mode` or `distribution` is unknown.

    Example:

    >>> init = keras.initializers.VarianceScaling(2.0, "fan_in", "uniform", seed=1)
    >>> w = keras.ops.convert_to_numpy(init((50, 10)))
    >>> bool(np.abs(w).max() <= np.sqrt(3 * 2.0 / 50))
    True
    """

    def __init__(
        self,
        scale: float = 1.0,
        mode: Literal["fan_in", "fan_out", "fan_avg"] = "fan_in",
        distribution: str = "truncated_normal",
        seed: Seed = None,
        input_axes: Sequence[int] | None = None,
        output_axes: Sequence[int] | None = None,
    ) -> None:
        if scale <= 0.0:
            raise ValueError(f"Argument `scale` must be positive float. Received: scale={scale}")
        if mode not in _MODES:
            raise ValueError(f"Invalid `mode` argument: expected one of {_MODES}. Received: mode={mode!r}")
        name = str(distribution).lower()
        name = "truncated_normal" if name == "normal" else name
        if name not in _DISTRIBUTIONS:
            raise ValueError(
                f"Invalid `distribution` argument: expected one of {_DISTRIBUTIONS}. "
                f"Received: distribution={distribution!r}"
            )
        self.scale = scale
        self.mode = mode
        self.distribution = name
        self.input_axes = input_axes
        self.output_axes = output_axes
        super().__init__(seed=seed)

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        dims = concrete_shape(shape)
        fan_in, fan_out = compute_fans(dims, self.input_axes, self.output_axes)
        fan = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}[self.mode]
        variance = self.scale / max(1.0, fan)
        if self.distribution == "truncated_normal":
            stddev = math.sqrt(variance) / _TRUNCATED_STDDEV
            return random.truncated_normal(dims, 0.0, stddev, dtype=dtype, seed=self.seed)
        if self.distribution == "untruncated_normal":
            return random.normal(dims, 0.0, math.sqrt(variance), dtype=dtype, seed=self.seed)
        limit = math.sqrt(3.0 * variance)
        return random.uniform(dims, -limit, limit, dtype=dtype, seed=self.seed)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "scale": self.scale,
            "mode": self.mode,
            "distribution": self.distribution,
            "input_axes": self.input_axes,
            "output_axes": self.output_axes,
        }


class _Preset(VarianceScaling):
    """A `VarianceScaling` whose scale, mode and distribution are fixed by the class."""

    _SCALE: float
    _MODE: Literal["fan_in", "fan_out", "fan_avg"]
    _DISTRIBUTION: str

    def __init__(
        self,
        seed: Seed = None,
        input_axes: Sequence[int] | None = None,
        output_axes: Sequence[int] | None = None,
    ) -> None:
        super().__init__(self._SCALE, self._MODE, self._DISTRIBUTION, seed, input_axes, output_axes)

    def get_config(self) -> dict[str, Any]:
        config = super().get_config()
        return {key: config[key] for key in ("seed", "input_axes", "output_axes")}


class GlorotNormal(_Preset):
    """Glorot (Xavier) normal: truncated normal with variance `1 / fan_avg`.

    Args:
        seed: An int, a `keras.random.SeedGenerator` or `None` (see `VarianceScaling`).
        input_axes: The axes whose product is `fan_in` (see `VarianceScaling`).
        output_axes: The axes whose product is `fan_out`.

    Example:

    >>> keras.initializers.GlorotNormal(seed=1)((3, 4)).shape
    (3, 4)
    """

    _SCALE, _MODE, _DISTRIBUTION = 1.0, "fan_avg", "truncated_normal"


class GlorotUniform(_Preset):
    """Glorot (Xavier) uniform: uniform in `±sqrt(6 / (fan_in + fan_out))`.

    Args:
        seed: An int, a `keras.random.SeedGenerator` or `None` (see `VarianceScaling`).
        input_axes: The axes whose product is `fan_in` (see `VarianceScaling`).
        output_axes: The axes whose product is `fan_out`.

    Example:

    >>> w = keras.ops.convert_to_numpy(keras.initializers.GlorotUniform(seed=1)((3, 5)))
    >>> bool(np.abs(w).max() <= np.sqrt(6 / 8))
    True
    """

    _SCALE, _MODE, _DISTRIBUTION = 1.0, "fan_avg", "uniform"


class HeNormal(_Preset):
    """He normal: truncated normal with variance `2 / fan_in`, for ReLU networks.

    Args:
        seed: An int, a `keras.random.SeedGenerator` or `None` (see `VarianceScaling`).
        input_axes: The axes whose product is `fan_in` (see `VarianceScaling`).
        output_axes: The axes whose product is `fan_out`.

    Example:

    >>> keras.initializers.HeNormal(seed=1)((3, 3, 2, 4)).shape
    (3, 3, 2, 4)
    """

    _SCALE, _MODE, _DISTRIBUTION = 2.0, "fan_in", "truncated_normal"


class HeUniform(_Preset):
    """He uniform: uniform in `±sqrt(6 / fan_in)`.

    Args:
        seed: An int, a `keras.random.SeedGenerator` or `None` (see `VarianceScaling`).
        input_axes: The axes whose product is `fan_in` (see `VarianceScaling`).
        output_axes: The axes whose product is `fan_out`.

    Example:

    >>> w = keras.ops.convert_to_numpy(keras.initializers.HeUniform(seed=1)((6, 2)))
    >>> bool(np.abs(w).max() <= 1.0)
    True
    """

    _SCALE, _MODE, _DISTRIBUTION = 2.0, "fan_in", "uniform"


class LecunNormal(_Preset):
    """LeCun normal: truncated normal with variance `1 / fan_in`, for SELU networks.

    Args:
        seed: An int, a `keras.random.SeedGenerator` or `None` (see `VarianceScaling`).
        input_axes: The axes whose product is `fan_in` (see `VarianceScaling`).
        output_axes: The axes whose product is `fan_out`.

    Example:

    >>> keras.initializers.LecunNormal(seed=1)((4,)).shape
    (4,)
    """

    _SCALE, _MODE, _DISTRIBUTION = 1.0, "fan_in", "truncated_normal"


class LecunUniform(_Preset):
    """LeCun uniform: uniform in `±sqrt(3 / fan_in)`.

    Args:
        seed: An int, a `keras.random.SeedGenerator` or `None` (see `VarianceScaling`).
        input_axes: The axes whose product is `fan_in` (see `VarianceScaling`).
        output_axes: The axes whose product is `fan_out`.

    Example:

    >>> w = keras.ops.convert_to_numpy(keras.initializers.LecunUniform(seed=1)((3, 2)))
    >>> bool(np.abs(w).max() <= 1.0)
    True
    """

    _SCALE, _MODE, _DISTRIBUTION = 1.0, "fan_in", "uniform"


variance_scaling = VarianceScaling
glorot_normal = GlorotNormal
glorot_uniform = GlorotUniform
he_normal = HeNormal
he_uniform = HeUniform
lecun_normal = LecunNormal
lecun_uniform = LecunUniform
