"""The public draws of `keras.random`: checks, dtypes and seeds once, one kernel each."""

from __future__ import annotations

from typing import Any

from keras.backend._active import K
from keras.backend._config import floatx
from keras.backend._dtypes import is_float_dtype, is_int_dtype, standardize_dtype
from keras.ops._convert import convert, infer_dtype
from keras.ops._typing import ArrayLike, Tensor
from keras.random._seed_generator import SeedGenerator, draw_seed

Seed = int | SeedGenerator | None


def _parameter(value: Any) -> Any:
    """A distribution parameter: a Python float, or a float32 tensor (Keras accepts both)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return convert(value, "float32")


def _shape(shape: Any, function: str) -> tuple[int, ...]:
    if isinstance(shape, int):
        shape = (shape,)
    try:
        dims = tuple(int(d) for d in shape)
    except (TypeError, ValueError):
        raise ValueError(f"{function}: `shape` must be a tuple of ints. Received: shape={shape!r}") from None
    if any(d < 0 for d in dims):
        raise ValueError(f"{function}: `shape` may not have negative dimensions. Received: shape={shape!r}")
    return dims


def _float_dtype(dtype: Any, function: str) -> str:
    name = standardize_dtype(dtype) if dtype is not None else floatx()
    if not is_float_dtype(name):
        raise ValueError(f"{function}: `dtype` must be a float dtype. Received: dtype={name}")
    return name


def normal(
    shape: Any, mean: float = 0.0, stddev: float = 1.0, dtype: Any = None, seed: Seed = None
) -> Tensor:
    """Draw from a normal distribution.

    Args:
        shape: The output shape.
        mean: The distribution's mean.
        stddev: Its standard deviation.
        dtype: A float dtype; `floatx()` by default.
        seed: An int (the same draw each time), a `SeedGenerator` (a new draw each call)
            or `None` (the global generator; not for use inside jit).

    Returns:
        A tensor of `shape`.

    Example:

    >>> keras.random.normal((2, 3), seed=1).shape
    (2, 3)
    """
    dtype = _float_dtype(dtype, "normal")
    return K.random.normal(_shape(shape, "normal"), float(mean), float(stddev), dtype, draw_seed(seed))


def uniform(
    shape: Any, minval: float = 0.0, maxval: float = 1.0, dtype: Any = None, seed: Seed = None
) -> Tensor:
    """Draw uniformly from `[minval, maxval)`.

    Args:
        shape: The output shape.
        minval: The lower bound, included.
        maxval: The upper bound, excluded.
        dtype: A float dtype; `floatx()` by default. For integers use `randint`.
        seed: An int, a `SeedGenerator` or `None` (see `normal`).

    Returns:
        A tensor of `shape`.

    Raises:
        ValueError: For an integer dtype.

    Example:

    >>> x = keras.random.uniform((100,), minval=2.0, maxval=3.0, seed=7)
    >>> bool(keras.ops.convert_to_numpy(x).min() >= 2.0)
    True
    """
    name = standardize_dtype(dtype) if dtype is not None else floatx()
    if not is_float_dtype(name):
        raise ValueError(
            "`keras.random.uniform` requires a floating point `dtype`. For integers, use "
            f"`keras.random.randint`. Received: dtype={name}"
        )
    return K.random.uniform(_shape(shape, "uniform"), float(minval), float(maxval), name, draw_seed(seed))


def randint(shape: Any, minval: int, maxval: int, dtype: Any = "int32", seed: Seed = None) -> Tensor:
    """Draw integers uniformly from `[minval, maxval)`.

    Args:
        shape: The output shape.
        minval: The lower bound, included.
        maxval: The upper bound, excluded.
        dtype: An integer dtype.
        seed: An int, a `SeedGenerator` or `None` (see `normal`).

    Returns:
        An integer tensor of `shape`.

    Example:

    >>> keras.random.randint((3,), 0, 5, seed=1).dtype
    dtype('int32')
    """
    name = standardize_dtype(dtype)
    if not is_int_dtype(name):
        raise ValueError(f"randint: `dtype` must be an integer dtype. Received: dtype={name}")
    if int(maxval) <= int(minval):
        raise ValueError(
            f"randint: `maxval` must be greater than `minval`. Received: minval={minval}, maxval={maxval}"
        )
    return K.random.randint(_shape(shape, "randint"), int(minval), int(maxval), name, draw_seed(seed))


def truncated_normal(
    shape: Any, mean: float = 0.0, stddev: float = 1.0, dtype: Any = None, seed: Seed = None
) -> Tensor:
    """Draw from a normal distribution, redrawing values beyond two standard deviations.

    Args:
        shape: The output shape.
        mean: The distribution's mean.
        stddev: The standard deviation before truncation.
        dtype: A float dtype; `floatx()` by default.
        seed: An int, a `SeedGenerator` or `None` (see `normal`).

    Returns:
        A tensor of `shape` whose values lie within `mean ± 2 * stddev`.

    Example:

    >>> x = keras.ops.convert_to_numpy(keras.random.truncated_normal((1000,), seed=3))
    >>> bool(abs(x).max() <= 2.0)
    True
    """
    dtype = _float_dtype(dtype, "truncated_normal")
    return K.random.truncated_normal(
        _shape(shape, "truncated_normal"), float(mean), float(stddev), dtype, draw_seed(seed)
    )


def categorical(logits: ArrayLike, num_samples: int, dtype: Any = "int32", seed: Seed = None) -> Tensor:
    """Draw class indices from unnormalized log-probabilities.

    Args:
        logits: A 2D tensor `(batch_size, num_classes)`.
        num_samples: Draws per row.
        dtype: An integer dtype for the indices.
        seed: An int, a `SeedGenerator` or `None` (see `normal`).

    Returns:
        An integer tensor `(batch_size, num_samples)`.

    Example:

    >>> keras.random.categorical(np.log(np.array([[0.0, 1.0]])), 3, seed=1)
    array([[1, 1, 1]], dtype=int32)
    """
    tensor = convert(logits)
    if len(tensor.shape) != 2:
        raise ValueError(
            "`logits` should be a 2-D tensor with shape [batch_size, num_classes]. "
            f"Received: logits.shape={tuple(tensor.shape)}"
        )
    name = standardize_dtype(dtype)
    if not is_int_dtype(name):
        raise ValueError(f"categorical: `dtype` must be an integer dtype. Received: dtype={name}")
    if not is_float_dtype(infer_dtype(logits)):
        tensor = convert(tensor, floatx())
    return K.random.categorical(tensor, int(num_samples), name, draw_seed(seed))


def dropout(inputs: ArrayLike, rate: float, noise_shape: Any = None, seed: Seed = None) -> Tensor:
    """Zero each value with probability `rate` and scale the rest by `1 / (1 - rate)`.

    Args:
        inputs: Input tensor.
        rate: The probability of dropping a value, in `[0, 1)`.
        noise_shape: The shape of the keep mask, broadcast against `inputs` (e.g.
            `(batch, 1, features)` to drop the same features at every step).
        seed: An int, a `SeedGenerator` or `None` (see `normal`).

    Returns:
        A tensor like `inputs`.

    Example:

    >>> y = keras.random.dropout(np.ones(1000, dtype="float32"), 0.5, seed=2)
    >>> sorted(set(keras.ops.convert_to_numpy(y).tolist()))
    [0.0, 2.0]
    """
    if not 0.0 <= float(rate) < 1.0:
        raise ValueError(f"dropout: `rate` must be in [0, 1). Received: rate={rate}")
    tensor = convert(inputs)
    dtype = K.core.dtype_of(tensor)
    if not is_float_dtype(dtype):
        dtype = floatx()
        tensor = convert(tensor, dtype)
    # Dynamic dimensions inside a traced step (tf.function with an unknown batch size).
    shape: tuple[Any, ...] = tuple(K.core.shape_of(tensor))
    mask_shape = shape if noise_shape is None else _noise_shape(noise_shape, shape)
    keep = K.random.uniform(mask_shape, 0.0, 1.0, dtype, draw_seed(seed)) >= float(rate)
    return tensor * K.core.cast(keep, dtype) * convert(1.0 / (1.0 - float(rate)), dtype)


def _noise_shape(noise_shape: Any, shape: tuple[int, ...]) -> tuple[int, ...]:
    dims = tuple(shape[i] if d is None else int(d) for i, d in enumerate(noise_shape))
    if len(dims) != len(shape) or any(d not in (1, s) for d, s in zip(dims, shape, strict=True)):
        raise ValueError(
            f"dropout: `noise_shape` {tuple(noise_shape)} must broadcast to the input shape {shape}."
        )
    return dims


def shuffle(x: ArrayLike, axis: int = 0, seed: Seed = None) -> Tensor:
    """Shuffle `x` along `axis`.

    Args:
        x: Input tensor.
        axis: The axis to permute.
        seed: An int, a `SeedGenerator` or `None` (see `normal`).

    Returns:
        `x` with its slices along `axis` in a random order.

    Example:

    >>> sorted(keras.ops.convert_to_numpy(keras.random.shuffle(np.arange(5), seed=1)).tolist())
    [0, 1, 2, 3, 4]
    """
    tensor = convert(x)
    ndim = len(tensor.shape)
    if not -ndim <= axis < ndim:
        raise ValueError(f"shuffle: axis {axis} is out of bounds for a tensor of rank {ndim}.")
    axis %= ndim
    return K.random.shuffle(tensor, axis, draw_seed(seed))


def gamma(shape: Any, alpha: float | ArrayLike, dtype: Any = None, seed: Seed = None) -> Tensor:
    """Draw from a gamma distribution with shape `alpha` and scale 1.

    Args:
        shape: The output shape.
        alpha: The concentration, positive: a number or a tensor that broadcasts to `shape`.
        dtype: A float dtype; `floatx()` by default.
        seed: An int, a `SeedGenerator` or `None` (see `normal`).

    Returns:
        A tensor of `shape`.

    Example:

    >>> keras.random.gamma((2,), alpha=2.0, seed=1).shape
    (2,)
    """
    dtype = _float_dtype(dtype, "gamma")
    return K.random.gamma(_shape(shape, "gamma"), _parameter(alpha), dtype, draw_seed(seed))


def binomial(shape: Any, counts: float, probabilities: float, dtype: Any = None, seed: Seed = None) -> Tensor:
    """Draw successes out of `counts` trials with success probability `probabilities`.

    Args:
        shape: The output shape.
        counts: The number of trials.
        probabilities: The success probability of each trial.
        dtype: A float dtype; `floatx()` by default.
        seed: An int, a `SeedGenerator` or `None` (see `normal`).

    Returns:
        A tensor of `shape` holding whole numbers in `[0, counts]`.

    Example:

    >>> x = keras.ops.convert_to_numpy(keras.random.binomial((50,), 5, 0.5, seed=1))
    >>> bool(x.min() >= 0 and x.max() <= 5)
    True
    """
    dtype = _float_dtype(dtype, "binomial")
    return K.random.binomial(
        _shape(shape, "binomial"), float(counts), float(probabilities), dtype, draw_seed(seed)
    )


def beta(
    shape: Any, alpha: float | ArrayLike, beta: float | ArrayLike, dtype: Any = None, seed: Seed = None
) -> Tensor:
    """Draw from a beta distribution with concentrations `alpha` and `beta`.

    Args:
        shape: The output shape.
        alpha: The first concentration, positive: a number or a tensor that broadcasts to `shape`.
        beta: The second concentration, likewise.
        dtype: A float dtype; `floatx()` by default.
        seed: An int, a `SeedGenerator` or `None` (see `normal`).

    Returns:
        A tensor of `shape` with values in `[0, 1]`.

    Example:

    >>> keras.random.beta((2,), 1.0, 2.0, seed=1).shape
    (2,)
    """
    dtype = _float_dtype(dtype, "beta")
    return K.random.beta(_shape(shape, "beta"), _parameter(alpha), _parameter(beta), dtype, draw_seed(seed))
