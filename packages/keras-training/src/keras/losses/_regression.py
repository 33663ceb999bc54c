"""Regression losses: squared, absolute, percentage and log errors, Huber, log-cosh, cosine.

Each function returns one value per sample (the mean over the last axis; cosine
similarity sums over `axis`), and each class wraps its function with a reduction.
"""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend import epsilon
from keras.losses._loss import BuiltinLoss
from keras.losses._reduction import squeeze_or_expand_to_same_rank
from keras.ops._typing import ArrayLike, Tensor


def _prepare(y_true: ArrayLike, y_pred: ArrayLike) -> tuple[Tensor, Tensor]:
    """Convert both to tensors of `y_pred`'s dtype and align a trailing size-1 dimension."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    return squeeze_or_expand_to_same_rank(y_true, y_pred)


def mean_squared_error(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `mean(square(y_true - y_pred), axis=-1)` per sample.

    Args:
        y_true: Ground-truth values, shape `(batch, d0, ..., dN)`.
        y_pred: Predicted values, same shape.

    Returns:
        The losses, shape `(batch, d0, ..., dN-1)`.

    Example:

    >>> keras.losses.mean_squared_error(np.array([[0.0, 1.0]]), np.array([[1.0, 3.0]]))
    array([2.5], dtype=float32)
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    return ops.mean(ops.square(ops.subtract(y_true, y_pred)), axis=-1)


def mean_absolute_error(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `mean(abs(y_true - y_pred), axis=-1)` per sample.

    Args:
        y_true: Ground-truth values, shape `(batch, d0, ..., dN)`.
        y_pred: Predicted values, same shape.

    Returns:
        The losses, shape `(batch, d0, ..., dN-1)`.

    Example:

    >>> keras.losses.mean_absolute_error(np.array([[0.0, 1.0]]), np.array([[1.0, 3.0]]))
    array([1.5], dtype=float32)
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    return ops.mean(ops.abs(ops.subtract(y_true, y_pred)), axis=-1)


def mean_absolute_percentage_error(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `100 * mean(abs((y_true - y_pred) / y_true), axis=-1)` per sample.

    The denominator is `max(abs(y_true), epsilon())`, so zero targets do not divide by 0.

    Args:
        y_true: Ground-truth values, shape `(batch, d0, ..., dN)`.
        y_pred: Predicted values, same shape.

    Returns:
        The losses, shape `(batch, d0, ..., dN-1)`.

    Example:

    >>> keras.losses.mean_absolute_percentage_error(np.array([[2.0, 4.0]]), np.array([[1.0, 5.0]]))
    array([37.5], dtype=float32)
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    floor = ops.convert_to_tensor(epsilon(), dtype=y_pred.dtype)
    ratio = ops.abs(ops.divide(ops.subtract(y_true, y_pred), ops.maximum(ops.abs(y_true), floor)))
    return ops.multiply(100.0, ops.mean(ratio, axis=-1))


def mean_squared_logarithmic_error(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `mean(square(log(y_true + 1) - log(y_pred + 1)), axis=-1)` per sample.

    Values below `epsilon()` are raised to it before the logarithm.

    Args:
        y_true: Ground-truth values, shape `(batch, d0, ..., dN)`.
        y_pred: Predicted values, same shape.

    Returns:
        The losses, shape `(batch, d0, ..., dN-1)`.

    Example:

    >>> keras.losses.mean_squared_logarithmic_error(np.array([[0.0]]), np.array([[np.e - 1.0]]))
    array([0.99999976], dtype=float32)
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    log_pred = ops.log(ops.add(ops.maximum(y_pred, epsilon()), 1.0))
    log_true = ops.log(ops.add(ops.maximum(y_true, epsilon()), 1.0))
    return ops.mean(ops.square(ops.subtract(log_pred, log_true)), axis=-1)


def cosine_similarity(y_true: ArrayLike, y_pred: ArrayLike, axis: int = -1) -> Tensor:
    """Compute the negated cosine similarity of `y_true` and `y_pred` along `axis`.

    The result lies in [-1, 1]: -1 for vectors pointing the same way, 1 for opposite
    ones, 0 for orthogonal ones (or a zero vector). Minimizing it aligns the predictions.

    Args:
        y_true: Ground-truth vectors.
        y_pred: Predicted vectors, same shape.
        axis: The axis along which the similarity is computed.

    Returns:
        The losses: the inputs' shape without `axis`.

    Example:

    >>> keras.losses.cosine_similarity(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[2.0, 0.0], [1.0, 0.0]]))
    array([-1., -0.], dtype=float32)
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    y_pred = ops.normalize(y_pred, axis=axis)
    y_true = ops.normalize(y_true, axis=axis)
    return ops.negative(ops.sum(ops.multiply(y_true, y_pred), axis=axis))


def huber(y_true: ArrayLike, y_pred: ArrayLike, delta: float = 1.0) -> Tensor:
    """Compute the Huber loss per sample: quadratic near 0, linear beyond `delta`.

    For each error `e = y_pred - y_true`: `0.5 * e**2` if `abs(e) <= delta`, else
    `delta * abs(e) - 0.5 * delta**2`; then the mean over the last axis.

    Args:
        y_true: Ground-truth values, shape `(batch, d0, ..., dN)`.
        y_pred: Predicted values, same shape.
        delta: Where the loss turns from quadratic to linear.

    Returns:
        The losses, shape `(batch, d0, ..., dN-1)`.

    Example:

    >>> keras.losses.huber(np.array([[0.0, 0.0]]), np.array([[0.5, 3.0]]))
    array([1.3125], dtype=float32)
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    delta_t = ops.convert_to_tensor(delta, dtype=y_pred.dtype)
    error = ops.subtract(y_pred, y_true)
    abs_error = ops.abs(error)
    quadratic = ops.multiply(0.5, ops.square(error))
    linear = ops.subtract(ops.multiply(delta_t, abs_error), ops.multiply(0.5, ops.square(delta_t)))
    return ops.mean(ops.where(ops.less_equal(abs_error, delta_t), quadratic, linear), axis=-1)


def log_cosh(y_true: ArrayLike, y_pred: ArrayLike) -> Tensor:
    """Compute `mean(log(cosh(y_pred - y_true)), axis=-1)` per sample, without overflow.

    Close to `x**2 / 2` for small errors and to `abs(x) - log(2)` for large ones.

    Args:
        y_true: Ground-truth values, shape `(batch, d0, ..., dN)`.
        y_pred: Predicted values, same shape.

    Returns:
        The losses, shape `(batch, d0, ..., dN-1)`.

    Example:

    >>> keras.losses.log_cosh(np.array([[0.0, 0.0]]), np.array([[0.0, 100.0]]))
    array([49.653427], dtype=float32)
    """
    y_true, y_pred = _prepare(y_true, y_pred)
    x = ops.subtract(y_pred, y_true)
    log2 = ops.convert_to_tensor(0.6931471805599453, dtype=y_pred.dtype)
    return ops.mean(ops.subtract(ops.add(x, ops.softplus(ops.multiply(x, -2.0))), log2), axis=-1)


class MeanSquaredError(BuiltinLoss):
    """Mean of the squared errors: `mean(square(y_true - y_pred))`.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.MeanSquaredError()(np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[1.0, 3.0], [0.0, 1.0]]))
    array(1.5, dtype=float32)
    """

    def __init__(
        self,
        reduction: str | None = "sum_over_batch_size",
        name: str = "mean_squared_error",
        dtype: Any = None,
    ) -> None:
        super().__init__(mean_squared_error, reduction, name, dtype)


class MeanAbsoluteError(BuiltinLoss):
    """Mean of the absolute errors: `mean(abs(y_true - y_pred))`.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.MeanAbsoluteError()(np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[1.0, 3.0], [0.0, 1.0]]))
    array(1., dtype=float32)
    """

    def __init__(
        self,
        reduction: str | None = "sum_over_batch_size",
        name: str = "mean_absolute_error",
        dtype: Any = None,
    ) -> None:
        super().__init__(mean_absolute_error, reduction, name, dtype)


class MeanAbsolutePercentageError(BuiltinLoss):
    """Mean absolute percentage error: `100 * mean(abs((y_true - y_pred) / y_true))`.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.MeanAbsolutePercentageError()(np.array([[2.0, 4.0]]), np.array([[1.0, 5.0]]))
    array(37.5, dtype=float32)
    """

    def __init__(
        self,
        reduction: str | None = "sum_over_batch_size",
        name: str = "mean_absolute_percentage_error",
        dtype: Any = None,
    ) -> None:
        super().__init__(mean_absolute_percentage_error, reduction, name, dtype)


class MeanSquaredLogarithmicError(BuiltinLoss):
    """Mean squared logarithmic error: `mean(square(log(y_true + 1) - log(y_pred + 1)))`.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.MeanSquaredLogarithmicError()(np.array([[0.0]]), np.array([[np.e - 1.0]]))
    array(0.99999976, dtype=float32)
    """

    def __init__(
        self,
        reduction: str | None = "sum_over_batch_size",
        name: str = "mean_squared_logarithmic_error",
        dtype: Any = None,
    ) -> None:
        super().__init__(mean_squared_logarithmic_error, reduction, name, dtype)


class CosineSimilarity(BuiltinLoss):
    """Negated cosine similarity of labels and predictions along `axis`.

    Note: like Keras 3, `get_config` does not record `axis`.

    Args:
        axis: The axis along which the similarity is computed.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.CosineSimilarity()(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[2.0, 0.0], [1.0, 0.0]]))
    array(-0.5, dtype=float32)
    """

    axis: int

    def __init__(
        self,
        axis: int = -1,
        reduction: str | None = "sum_over_batch_size",
        name: str = "cosine_similarity",
        dtype: Any = None,
    ) -> None:
        super().__init__(cosine_similarity, reduction, name, dtype, axis=axis)


class Huber(BuiltinLoss):
    """Huber loss: quadratic for errors up to `delta`, linear beyond.

    Note: like Keras 3, `get_config` does not record `delta`.

    Args:
        delta: Where the loss turns from quadratic to linear.
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.Huber()(np.array([[0.0, 0.0]]), np.array([[0.5, 3.0]]))
    array(1.3125, dtype=float32)
    """

    delta: float

    def __init__(
        self,
        delta: float = 1.0,
        reduction: str | None = "sum_over_batch_size",
        name: str = "huber_loss",
        dtype: Any = None,
    ) -> None:
        super().__init__(huber, reduction, name, dtype, delta=delta)


class LogCosh(BuiltinLoss):
    """Logarithm of the hyperbolic cosine of the prediction error.

    Args:
        reduction: How per-sample losses are reduced (see `keras.losses.Loss`).
        name: Name of the loss instance.
        dtype: The dtype the loss computes in; `floatx()` when None.

    Example:

    >>> keras.losses.LogCosh()(np.array([[0.0, 0.0]]), np.array([[0.0, 100.0]]))
    array(49.653427, dtype=float32)
    """

    def __init__(
        self, reduction: str | None = "sum_over_batch_size", name: str = "log_cosh", dtype: Any = None
    ) -> None:
        super().__init__(log_cosh, reduction, name, dtype)
