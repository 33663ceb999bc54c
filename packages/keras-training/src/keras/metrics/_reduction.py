"""Reducing metrics: `Sum`, `Mean`, and `MeanMetricWrapper` (the mean of a function's values)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras import ops
from keras.metrics._metric import Metric, read
from keras.metrics._shapes import mask_weights, match_ranks, prediction_mask
from keras.ops._typing import Tensor


def samplewise_values(
    values: Any, sample_weight: Any, reduce_fn: Callable[..., Tensor], dtype: str
) -> tuple[Tensor, Tensor | None]:
    """Weight `values` and reduce them to one value per sample (axis 0).

    Returns the per-sample (weighted) values and the per-sample weights (`None`
    when there are no weights).
    """
    mask = prediction_mask(values)
    values = ops.cast(values, dtype)
    if sample_weight is not None:
        sample_weight = ops.cast(ops.convert_to_tensor(sample_weight), dtype)
        sample_weight = mask_weights(sample_weight, mask, dtype)
        values, sample_weight = match_ranks(values, sample_weight)
        weight_ndim, values_ndim = len(sample_weight.shape), len(values.shape)
        if values_ndim > weight_ndim:
            values = reduce_fn(values, axis=tuple(range(weight_ndim, values_ndim)))
        sample_weight = ops.broadcast_to(sample_weight, ops.shape(values))
        values = ops.multiply(values, sample_weight)
        if weight_ndim > 1:
            sample_weight = reduce_fn(sample_weight, axis=tuple(range(1, weight_ndim)))
    elif mask is not None:
        return samplewise_values(values, mask_weights(None, mask, dtype), reduce_fn, dtype)
    if len(values.shape) > 1:
        values = reduce_fn(values, axis=tuple(range(1, len(values.shape))))
    return values, sample_weight


class Sum(Metric):
    """Compute the (weighted) sum of the given values.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.Sum()
    >>> metric.update_state(np.array([1.0, 3.0, 5.0, 7.0]))
    >>> float(metric.result())
    16.0
    >>> metric.update_state(np.array([1.0, 3.0]), sample_weight=np.array([1.0, 0.0]))
    >>> float(metric.result())
    17.0
    """

    def __init__(self, name: str = "sum", dtype: Any = None) -> None:
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable(shape=(), initializer="zeros", dtype=self.dtype, name="total")

    def update_state(self, values: Any, sample_weight: Any = None) -> None:
        """Add the (weighted) sum of `values` to the total."""
        values, _ = samplewise_values(values, sample_weight, ops.sum, self.dtype)
        self.total.assign(ops.add(read(self.total), ops.sum(values)))

    def result(self) -> Tensor:
        return ops.cast(read(self.total), self.dtype)


class Mean(Metric):
    """Compute the (weighted) mean of the given values.

    With `sample_weight`, the result is `sum(values * weights) / sum(weights)`.

    Args:
        name: The metric's name.
        dtype: The dtype of the metric's computations.

    Example:

    >>> metric = keras.metrics.Mean()
    >>> metric.update_state(np.array([1.0, 3.0, 5.0, 7.0]))
    >>> float(metric.result())
    4.0
    >>> metric.reset_state()
    >>> metric.update_state(np.array([1.0, 3.0, 5.0, 7.0]), sample_weight=np.array([1.0, 1.0, 0.0, 0.0]))
    >>> float(metric.result())
    2.0
    """

    def __init__(self, name: str = "mean", dtype: Any = None) -> None:
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable(shape=(), initializer="zeros", dtype=self.dtype, name="total")
        self.count = self.add_variable(shape=(), initializer="zeros", dtype=self.dtype, name="count")

    def update_state(self, values: Any, sample_weight: Any = None) -> None:
        """Add the (weighted) values to the total and their weights to the count."""
        values, sample_weight = samplewise_values(values, sample_weight, ops.mean, self.dtype)
        self.total.assign(ops.add(read(self.total), ops.sum(values)))
        if sample_weight is not None:
            num_samples: Any = ops.sum(sample_weight)
        elif len(values.shape) >= 1:
            num_samples = ops.shape(values)[0]
        else:
            num_samples = 1
        self.count.assign(ops.add(read(self.count), ops.cast(num_samples, self.dtype)))

    def result(self) -> Tensor:
        return ops.divide_no_nan(read(self.total), ops.cast(read(self.count), self.dtype))


class MeanMetricWrapper(Mean):
    """Track the mean of `fn(y_true, y_pred, **kwargs)` over batches.

    Args:
        fn: The function computing per-sample values, `fn(y_true, y_pred, **kwargs)`.
        name: The metric's name.
        dtype: The dtype of the metric's computations.
        **kwargs: Keyword arguments passed to `fn`.

    Example:

    >>> def absolute_error(y_true, y_pred):
    ...     return keras.ops.abs(y_true - y_pred)
    >>> metric = keras.metrics.MeanMetricWrapper(absolute_error, name="mae")
    >>> metric.update_state(np.array([1.0, 2.0]), np.array([2.0, 4.0]))
    >>> float(metric.result())
    1.5
    """

    def __init__(
        self, fn: Callable[..., Any], name: str | None = None, dtype: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(name=name, dtype=dtype)  # type: ignore[arg-type]
        if not callable(fn):
            raise TypeError(f"Argument `fn` must be a callable. Received: fn={fn!r}")
        self._fn = fn
        self._fn_kwargs = kwargs

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:  # type: ignore[override]
        """Add the mean of `fn(y_true, y_pred)` over this batch (weighted)."""
        mask = prediction_mask(y_pred)
        values = self._fn(y_true, y_pred, **self._fn_kwargs)
        sample_weight = mask_weights(sample_weight, mask, self.dtype)
        super().update_state(values, sample_weight=sample_weight)

    def get_config(self) -> dict[str, Any]:
        from keras.metrics._registry import serialize_object

        config = {**super().get_config(), "fn": serialize_object(self._fn)}
        config.update({key: serialize_object(value) for key, value in self._fn_kwargs.items()})
        return config

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> MeanMetricWrapper:
        from keras.metrics._registry import deserialize_object

        config = dict(config)
        if "fn" in config:
            config["fn"] = deserialize_object(config["fn"])
        return cls(**config)


class FunctionMetric(MeanMetricWrapper):
    """A `MeanMetricWrapper` for a fixed function whose config is its constructor's arguments.

    Subclasses set `_config_keys`: the constructor arguments (besides name and dtype)
    that `get_config` reports.
    """

    _config_keys: tuple[str, ...] = ()

    def get_config(self) -> dict[str, Any]:
        config: dict[str, Any] = {"name": self.name, "dtype": self.dtype}
        config.update({key: getattr(self, key) for key in self._config_keys})
        return config

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> FunctionMetric:
        return cls(**config)
