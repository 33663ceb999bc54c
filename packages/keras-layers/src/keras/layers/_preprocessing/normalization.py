"""`Normalization`: shift and scale features by a mean and variance, given or adapted."""

from __future__ import annotations

from typing import Any

import numpy as np

from keras import ops
from keras.backend import epsilon
from keras.layers._layer import Layer
from keras.layers._preprocessing._data import adapt_batches
from keras.ops._typing import Shape, Tensor

__all__ = ["Normalization"]


class Normalization(Layer):
    """Normalize features to zero mean and unit variance: `(x - mean) / sqrt(variance)`.

    The mean and variance are given at construction or computed from data by
    `adapt()`; they are kept separately for each index of the `axis` axes.

    Args:
        axis: The axis or axes that keep a separate mean and variance per index
            (`-1`, the features, by default); `None` for one mean and variance over
            everything.
        mean: The mean to use (broadcast over the kept axes), or `None` to adapt.
        variance: The variance to use, given together with `mean`.
        invert: If `True`, undo the normalization: `x * sqrt(variance) + mean`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If only one of `mean` and `variance` is given, if their shapes
            differ, or if an axis is out of range for the inputs.

    Example:

    >>> layer = keras.layers.Normalization()
    >>> layer.adapt(np.array([[1.0, 10.0], [3.0, 30.0]], dtype="float32"))
    >>> layer(np.array([[2.0, 50.0]], dtype="float32"))
    array([[0., 3.]], dtype=float32)
    """

    def __init__(
        self, axis: Any = -1, mean: Any = None, variance: Any = None, invert: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        if axis is None:
            self.axis: tuple[int, ...] = ()
        elif isinstance(axis, int):
            self.axis = (axis,)
        else:
            self.axis = tuple(axis)
        if (mean is None) != (variance is None):
            raise ValueError(
                "When setting values directly, both `mean` and `variance` must be set. "
                f"Received: mean={mean} and variance={variance}"
            )
        if mean is not None:
            if np.shape(mean) != np.shape(variance):
                raise ValueError(
                    "When setting values directly, `mean` and `variance` must have the same shape. "
                    f"Received: mean shape {np.shape(mean)} and variance shape {np.shape(variance)}"
                )
            if np.ndim(mean) > len(self.axis):
                raise ValueError(
                    f"The rank of `mean` must be less than or equal to the number of axes ({len(self.axis)}). "
                    f"Received: mean shape {np.shape(mean)} for axis {self.axis}"
                )
        self.input_mean = mean
        self.input_variance = variance
        self.invert = invert
        self.supports_masking = True
        self._build_input_shape: Shape | None = None
        self._broadcast_shape: tuple[int, ...] = ()
        self._reduce_axis: tuple[int, ...] = ()

    def build(self, input_shape: Shape) -> None:
        ndim = len(input_shape)
        if any(a < -ndim or a >= ndim for a in self.axis):
            raise ValueError(
                "All `axis` values must be in the range [-ndim, ndim). "
                f"Received inputs with ndim={ndim}, while axis={self.axis}"
            )
        keep = tuple(sorted(a % ndim for a in self.axis))
        for d in keep:
            if input_shape[d] is None:
                raise ValueError(
                    f"All `axis` values to be kept must have a known shape. Received axis={self.axis}, "
                    f"inputs.shape={tuple(input_shape)}, with unknown axis at index {d}"
                )
        self._build_input_shape = tuple(input_shape)
        self._keep_axis = keep
        self._reduce_axis = tuple(d for d in range(ndim) if d not in keep)
        self._broadcast_shape = tuple(int(input_shape[d]) if d in keep else 1 for d in range(ndim))  # type: ignore[arg-type]
        kept_shape = tuple(int(input_shape[d]) for d in keep)  # type: ignore[arg-type]
        if self.input_mean is None:
            self.adapt_mean = self.add_weight(
                name="mean", shape=kept_shape, initializer="zeros", trainable=False
            )
            self.adapt_variance = self.add_weight(
                name="variance", shape=kept_shape, initializer="ones", trainable=False
            )
            self.count = self.add_weight(
                name="count", shape=(), dtype="int", initializer="zeros", trainable=False
            )
        else:
            self._fixed = tuple(self._place(v) for v in (self.input_mean, self.input_variance))

    def _place(self, value: Any) -> np.ndarray[Any, Any]:
        """Broadcast a given mean or variance over the kept axes, right-aligned."""
        value = np.asarray(value, dtype="float64")
        expanded = [1] * len(self._broadcast_shape)
        for i in range(1, value.ndim + 1):
            expanded[self._keep_axis[-i]] = value.shape[-i]
        return np.broadcast_to(value.reshape(expanded), self._broadcast_shape)

    def adapt(self, data: Any) -> None:
        """Compute the mean and variance of `data` and store them in the layer's weights.

        Args:
            data: A numpy array or tensor, or a `tf.data.Dataset` or iterable of
                batches (an `(x, y)` element gives `x`).

        Raises:
            ValueError: If a batch's kept axes differ from the layer's.
        """
        count = 0
        mean: np.ndarray[Any, Any] | None = None
        var: np.ndarray[Any, Any] | None = None
        for batch in adapt_batches(data):
            batch = batch.astype("float64")
            if not self.built:
                self.build(batch.shape)
            elif self._build_input_shape is not None:
                built = self._build_input_shape
                if len(batch.shape) != len(built) or any(batch.shape[d] != built[d] for d in self._keep_axis):
                    raise ValueError(
                        f"The layer was built with input_shape={self._build_input_shape}, but adapt() is "
                        f"being called with data with an incompatible shape, data.shape={batch.shape}"
                    )
            batch_count = (
                int(np.prod([batch.shape[d] for d in self._reduce_axis])) if self._reduce_axis else 1
            )
            batch_mean = np.mean(batch, axis=self._reduce_axis)
            batch_var = np.var(batch, axis=self._reduce_axis)
            if mean is None or var is None:
                mean, var = batch_mean, batch_var
            else:
                total = count + batch_count
                delta = batch_mean - mean
                var = (var * count + batch_var * batch_count + delta**2 * count * batch_count / total) / total
                mean = mean + delta * batch_count / total
            count += batch_count
        if self.input_mean is not None or mean is None or var is None:
            return
        self.adapt_mean.assign(mean.astype(self.variable_dtype))
        self.adapt_variance.assign(var.astype(self.variable_dtype))

    def _statistics(self) -> tuple[Tensor, Tensor]:
        if self.input_mean is not None:
            mean, variance = self._fixed
            return ops.cast(mean, self.compute_dtype), ops.cast(variance, self.compute_dtype)
        mean = ops.reshape(self.adapt_mean, self._broadcast_shape)
        variance = ops.reshape(self.adapt_variance, self._broadcast_shape)
        return ops.cast(mean, self.compute_dtype), ops.cast(variance, self.compute_dtype)

    def call(self, inputs: Tensor) -> Tensor:
        inputs = ops.cast(inputs, self.compute_dtype)
        mean, variance = self._statistics()
        scale = ops.maximum(ops.sqrt(variance), epsilon())
        if self.invert:
            return ops.add(mean, ops.multiply(inputs, scale))
        return ops.divide(ops.subtract(inputs, mean), scale)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return tuple(input_shape)

    def get_build_config(self) -> dict[str, Any] | None:
        if self._build_input_shape is None:
            return None
        return {"input_shape": list(self._build_input_shape)}

    def build_from_config(self, config: dict[str, Any]) -> None:
        if config:
            self.build(tuple(config["input_shape"]))

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "axis": self.axis,
            "invert": self.invert,
            "mean": np.array(self.input_mean).tolist(),
            "variance": np.array(self.input_variance).tolist(),
        }
