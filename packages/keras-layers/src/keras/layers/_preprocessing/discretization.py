"""`Discretization`: bucket continuous values by boundaries, given or adapted as quantiles."""

from __future__ import annotations

from typing import Any

import numpy as np

from keras import ops
from keras.layers._layer import Layer
from keras.layers._preprocessing._data import (
    adapt_batches,
    encode_categories,
    encoded_shape,
    validate_output_mode,
)
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Shape, Tensor

__all__ = ["Discretization"]

Summary = np.ndarray[Any, Any]  # 2 rows: sorted values and their weights


def _summarize(values: np.ndarray[Any, Any], epsilon: float) -> Summary:
    """Keep about `1 / epsilon` evenly spaced order statistics of `values`, weighted."""
    values = np.sort(np.reshape(values, [-1]))
    step = max(values.size * epsilon, 1)
    kept = values[int(step - 1) :: int(step)]
    return np.stack([kept, np.full_like(kept, step)])


def _compress(summary: Summary, epsilon: float) -> Summary:
    """Re-sample a summary at the cumulative-weight quantiles `epsilon, 2 epsilon, ...`."""
    if summary.shape[1] * epsilon < 1:
        return summary
    targets = epsilon + np.arange(0.0, 1.0, epsilon)
    cumulative = summary[1].cumsum()
    fractions = cumulative / cumulative[-1]
    values = np.interp(targets, fractions, summary[0])
    cumulative = np.interp(targets, fractions, cumulative)
    weights = np.diff(cumulative, prepend=0.0)
    return np.stack((values, weights)).astype("float32")


def _merge(first: Summary, second: Summary, epsilon: float) -> Summary:
    merged = np.concatenate((first, second), axis=1)
    return _compress(np.take(merged, np.argsort(merged[0]), axis=1), epsilon)


class Discretization(Layer):
    """Map continuous values to the index of the bin they fall in.

    Bin `i` holds `bin_boundaries[i - 1] <= x < bin_boundaries[i]`: `len(bin_boundaries) + 1`
    bins in all. Give the boundaries, or `num_bins` and `adapt()` the layer to data, which
    finds (approximate) quantile boundaries.

    Args:
        bin_boundaries: The sorted boundaries, or `None` to adapt.
        num_bins: The number of bins `adapt()` makes (instead of `bin_boundaries`).
        epsilon: The error tolerance of the quantiles `adapt()` finds (about
            `1 / epsilon` values of each batch are kept).
        output_mode: `"int"` (bin indices, int32), `"one_hot"`, `"multi_hot"` or `"count"`.
        sparse: Sparse outputs are not supported: only `False`.
        dtype: The layer's dtype policy (output dtype of the non-int modes).
        name: The layer's name.

    Raises:
        ValueError: If both or neither of `bin_boundaries` and `num_bins` are given,
            `num_bins` is negative or `output_mode` is unknown.

    Example:

    >>> layer = keras.layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0])
    >>> layer(np.array([[-1.5, 0.5, 1.0, 9.0]], dtype="float32"))
    array([[0, 1, 2, 3]], dtype=int32)
    """

    def __init__(
        self,
        bin_boundaries: Any = None,
        num_bins: int | None = None,
        epsilon: float = 0.01,
        output_mode: str = "int",
        sparse: bool = False,
        dtype: Any = None,
        name: str | None = None,
    ) -> None:
        super().__init__(name=name, dtype=dtype)
        validate_output_mode(output_mode, ("int", "one_hot", "multi_hot", "count"))
        if sparse:
            raise ValueError(f"`sparse=True` is not supported by Discretization. Received: sparse={sparse}")
        if num_bins is not None and num_bins < 0:
            raise ValueError(
                f"`num_bins` must be greater than or equal to 0. Received: `num_bins={num_bins}`"
            )
        if num_bins is not None and bin_boundaries is not None:
            raise ValueError(
                "Both `num_bins` and `bin_boundaries` should not be set. "
                f"Received: `num_bins={num_bins}` and `bin_boundaries={bin_boundaries}`"
            )
        if num_bins is None and bin_boundaries is None:
            raise ValueError("You need to set either `num_bins` or `bin_boundaries`.")
        self.bin_boundaries = None if bin_boundaries is None else list(bin_boundaries)
        self.num_bins = num_bins
        self.epsilon = epsilon
        self.output_mode = output_mode
        self.sparse = sparse
        self.summary: Summary = np.zeros((2, 0), dtype="float32")

    @property
    def output_dtype(self) -> str:
        """The dtype of the outputs: int32 bin indices, else the compute dtype."""
        return "int32" if self.output_mode == "int" else self.compute_dtype

    def adapt(self, data: Any, steps: int | None = None) -> None:
        """Set `bin_boundaries` to `num_bins` quantiles of `data`.

        Args:
            data: A numpy array or tensor, or a `tf.data.Dataset` or iterable of batches.
            steps: The number of batches to read from an iterable (all by default).

        Raises:
            ValueError: If the layer was given `bin_boundaries` instead of `num_bins`.
        """
        if self.num_bins is None:
            raise ValueError(
                "Cannot adapt a Discretization layer that has been initialized with `bin_boundaries`, "
                "use `num_bins` instead."
            )
        self.summary = np.zeros((2, 0), dtype="float32")
        for i, batch in enumerate(adapt_batches(data)):
            if steps is not None and i >= steps:
                break
            batch_summary = _summarize(batch.astype("float32"), self.epsilon)
            self.summary = _merge(batch_summary, self.summary, self.epsilon)
        self.bin_boundaries = _compress(self.summary, 1.0 / self.num_bins)[0, :-1].tolist()

    def _depth(self) -> int:
        if self.bin_boundaries is not None:
            return len(self.bin_boundaries) + 1
        return int(self.num_bins or 0)

    def call(self, inputs: Tensor) -> Tensor:
        if self.bin_boundaries is None:
            raise ValueError(
                "You need to either pass the `bin_boundaries` argument at construction time or call "
                "`adapt(dataset)` before you can start using the `Discretization` layer."
            )
        boundaries = np.asarray(self.bin_boundaries, dtype="float32")
        indices = ops.digitize(ops.cast(inputs, "float32"), boundaries)
        return encode_categories(indices, self.output_mode, self._depth(), self.output_dtype)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return encoded_shape(tuple(input_shape), self.output_mode, self._depth())

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        return KerasTensor(self.compute_output_shape(tuple(args[0].shape)), self.output_dtype)

    def get_config(self) -> dict[str, Any]:
        return {
            "bin_boundaries": self.bin_boundaries,
            "num_bins": self.num_bins,
            "epsilon": self.epsilon,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
            "name": self.name,
            "dtype": self.dtype,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Discretization:
        config = dict(config)
        boundaries = config.pop("bin_boundaries", None)
        if boundaries is not None and config.get("num_bins") is None:
            return cls(bin_boundaries=boundaries, **config)
        layer = cls(**config)
        layer.bin_boundaries = boundaries
        return layer
