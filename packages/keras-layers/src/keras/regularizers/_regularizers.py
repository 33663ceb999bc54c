"""The weight regularizers: `Regularizer`, the L1/L2 penalties and `OrthogonalRegularizer`."""

from __future__ import annotations

import math
from typing import Any, Literal, TypeVar

import numpy as np

from keras import ops
from keras.backend import standardize_dtype
from keras.ops._typing import ArrayLike, Tensor

_R = TypeVar("_R", bound="Regularizer")


def _penalty_factor(value: Any, name: str) -> float:
    """Return `value` as a float, or raise unless it is a finite, non-negative number."""
    if (
        not isinstance(value, (int, float, np.integer, np.floating))
        or math.isinf(value)
        or math.isnan(value)
        or value < 0
    ):
        raise ValueError(
            f"Invalid value for argument {name}: expected a non-negative float. Received: {name}={value}"
        )
    return float(value)


def _as_float32(value: float) -> float:
    # Keras 3 keeps these factors as float32 tensors, so its configs report the float32
    # rounding (`L1(0.1)` -> 0.10000000149011612); ours report the same numbers.
    return float(np.float32(value))


class Regularizer:
    """The base class of weight regularizers: a penalty added to the loss.

    A subclass implements `__call__(x)`, returning a scalar penalty for the weight `x`,
    and `get_config`.

    Example:

    >>> class SumSquares(keras.regularizers.Regularizer):
    ...     def __call__(self, x):
    ...         return keras.ops.sum(keras.ops.square(x))
    ...     def get_config(self):
    ...         return {}
    >>> float(SumSquares()(np.array([1.0, 2.0])))
    5.0
    """

    def __call__(self, x: ArrayLike) -> Tensor:
        """Return the penalty for the weight `x`; zero on the base class.

        Args:
            x: The weight.

        Returns:
            A scalar.
        """
        return 0.0

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments as a JSON-serializable dict.

        Raises:
            NotImplementedError: On the base class: a subclass must say its config.
        """
        raise NotImplementedError(f"{self} does not implement get_config()")

    @classmethod
    def from_config(cls: type[_R], config: dict[str, Any]) -> _R:
        """Build a regularizer from the output of `get_config()`.

        Args:
            config: The dict `get_config()` returned.

        Returns:
            A new regularizer.
        """
        return cls(**config)


def _weighted_sum(factor: float, values: Tensor, dtype: str) -> Tensor:
    return ops.multiply(ops.cast(factor, dtype), ops.sum(values))


class L1L2(Regularizer):
    """Penalize `l1 * sum(abs(x)) + l2 * sum(square(x))`.

    Args:
        l1: The L1 factor, a non-negative float (`None` means 0).
        l2: The L2 factor, a non-negative float (`None` means 0).

    Raises:
        ValueError: If a factor is negative, infinite, NaN or not a number.

    Example:

    >>> reg = keras.regularizers.L1L2(l1=0.5, l2=0.25)
    >>> float(reg(np.array([1.0, -2.0], dtype="float32")))
    2.75
    """

    def __init__(self, l1: float | None = 0.0, l2: float | None = 0.0) -> None:
        self.l1 = _penalty_factor(0.0 if l1 is None else l1, "l1")
        self.l2 = _penalty_factor(0.0 if l2 is None else l2, "l2")

    def __call__(self, x: ArrayLike) -> Tensor:
        x = ops.convert_to_tensor(x)
        dtype = standardize_dtype(x.dtype)
        penalty = ops.zeros((), dtype=dtype)
        if self.l1:
            penalty = ops.add(penalty, _weighted_sum(self.l1, ops.absolute(x), dtype))
        if self.l2:
            penalty = ops.add(penalty, _weighted_sum(self.l2, ops.square(x), dtype))
        return penalty

    def get_config(self) -> dict[str, Any]:
        return {"l1": self.l1, "l2": self.l2}


class L1(Regularizer):
    """Penalize `l1 * sum(abs(x))`.

    Args:
        l1: The factor, a non-negative float (`None` means 0.01).

    Raises:
        ValueError: If `l1` is negative, infinite, NaN or not a number.

    Example:

    >>> float(keras.regularizers.L1(0.5)(np.array([1.0, -2.0], dtype="float32")))
    1.5
    """

    def __init__(self, l1: float | None = 0.01) -> None:
        self.l1 = _penalty_factor(0.01 if l1 is None else l1, "l1")

    def __call__(self, x: ArrayLike) -> Tensor:
        x = ops.convert_to_tensor(x)
        return _weighted_sum(self.l1, ops.absolute(x), standardize_dtype(x.dtype))

    def get_config(self) -> dict[str, Any]:
        return {"l1": _as_float32(self.l1)}


class L2(Regularizer):
    """Penalize `l2 * sum(square(x))`.

    Args:
        l2: The factor, a non-negative float (`None` means 0.01).

    Raises:
        ValueError: If `l2` is negative, infinite, NaN or not a number.

    Example:

    >>> float(keras.regularizers.L2(0.5)(np.array([1.0, -2.0], dtype="float32")))
    2.5
    """

    def __init__(self, l2: float | None = 0.01) -> None:
        self.l2 = _penalty_factor(0.01 if l2 is None else l2, "l2")

    def __call__(self, x: ArrayLike) -> Tensor:
        x = ops.convert_to_tensor(x)
        return _weighted_sum(self.l2, ops.square(x), standardize_dtype(x.dtype))

    def get_config(self) -> dict[str, Any]:
        return {"l2": self.l2}


class OrthogonalRegularizer(Regularizer):
    """Penalize non-orthogonal rows (or columns) of a matrix.

    The rows (`mode="rows"`) or columns are L2-normalized; the penalty is `factor`
    times the mean absolute dot product (cosine similarity) over the pairs of distinct
    rows (columns), so it is zero exactly when they are orthogonal.

    Args:
        factor: A non-negative float.
        mode: `"rows"` or `"columns"`.

    Raises:
        ValueError: For a bad `factor` or `mode`; when called on a tensor that is not 2-D.

    Example:

    >>> reg = keras.regularizers.OrthogonalRegularizer(factor=1.0)
    >>> float(reg(np.array([[1.0, 0.0], [1.0, 0.0]], dtype="float32")))
    1.0
    """

    def __init__(self, factor: float = 0.01, mode: Literal["rows", "columns"] = "rows") -> None:
        self.factor = _penalty_factor(factor, "factor")
        if mode not in ("rows", "columns"):
            raise ValueError(
                f'Invalid value for argument `mode`. Expected one of {{"rows", "columns"}}. Received: mode={mode}'
            )
        self.mode = mode

    def __call__(self, inputs: ArrayLike) -> Tensor:
        x = ops.convert_to_tensor(inputs)
        if len(x.shape) != 2:
            raise ValueError(
                f"Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape={tuple(x.shape)}"
            )
        if self.mode == "columns":
            x = ops.transpose(x)
        x = ops.normalize(x, axis=1)
        size = int(x.shape[0])
        product = ops.matmul(x, ops.transpose(x))
        off_diagonal = ops.multiply(product, ops.subtract(1.0, ops.eye(size, dtype=x.dtype)))
        num_pairs = size * (size - 1.0) / 2.0
        return ops.multiply(self.factor * 0.5 / num_pairs, ops.sum(ops.absolute(off_diagonal)))

    def get_config(self) -> dict[str, Any]:
        return {"factor": _as_float32(self.factor), "mode": self.mode}


l1 = L1
l2 = L2
l1_l2 = L1L2
orthogonal_regularizer = OrthogonalRegularizer
