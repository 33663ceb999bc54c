"""The weight constraints: `Constraint` and the norm and sign projections
(`MaxNorm`, `MinMaxNorm`, `NonNeg`, `UnitNorm`)."""

from __future__ import annotations

from typing import Any, TypeVar

from keras import ops
from keras.backend import epsilon
from keras.ops._typing import ArrayLike, Axis, Tensor

_C = TypeVar("_C", bound="Constraint")


class Constraint:
    """The base class of weight constraints: a projection applied after each optimizer update.

    A subclass implements `__call__(w)`, returning the projected weight, and
    `get_config` when its constructor takes arguments.

    Example:

    >>> class Clip(keras.constraints.Constraint):
    ...     def __call__(self, w):
    ...         return keras.ops.clip(w, -1.0, 1.0)
    >>> keras.ops.convert_to_numpy(Clip()(np.array([-3.0, 0.5], dtype="float32")))
    array([-1. ,  0.5], dtype=float32)
    """

    def __call__(self, w: ArrayLike) -> Tensor:
        """Return the projection of `w`; the identity on the base class.

        Args:
            w: The weight.

        Returns:
            The constrained weight, shaped like `w`.
        """
        return w

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments as a JSON-serializable dict."""
        return {}

    @classmethod
    def from_config(cls: type[_C], config: dict[str, Any]) -> _C:
        """Build a constraint from the output of `get_config()`.

        Args:
            config: The dict `get_config()` returned.

        Returns:
            A new constraint.
        """
        return cls(**config)


def _norms(w: Tensor, axis: Axis) -> Tensor:
    return ops.sqrt(ops.sum(ops.square(w), axis=axis, keepdims=True))


def _rescale(w: Tensor, norms: Tensor, desired: Tensor) -> Tensor:
    """Scale `w` from its `norms` to the `desired` norms (epsilon keeps zero norms finite)."""
    return ops.multiply(ops.cast(w, norms.dtype), ops.divide(desired, ops.add(norms, epsilon())))


class MaxNorm(Constraint):
    """Scale down weights whose norm along `axis` exceeds `max_value`.

    Args:
        max_value: The largest norm allowed.
        axis: The axis (or axes) the norm is taken over: in a `Dense` kernel
            `(input_dim, units)`, `axis=0` bounds the weight vector of each unit; in a
            `Conv2D` kernel `(rows, cols, in, out)` in the `"channels_last"` layout, use
            `axis=[0, 1, 2]`.

    Example:

    >>> w = np.array([[3.0, 0.3], [4.0, 0.4]], dtype="float32")
    >>> np.round(keras.ops.convert_to_numpy(keras.constraints.MaxNorm(2.0)(w)), 4)
    array([[1.2, 0.3],
           [1.6, 0.4]], dtype=float32)
    """

    def __init__(self, max_value: float = 2, axis: Axis = 0) -> None:
        self.max_value = max_value
        self.axis = axis

    def __call__(self, w: ArrayLike) -> Tensor:
        w = ops.convert_to_tensor(w)
        norms = _norms(w, self.axis)
        return _rescale(w, norms, ops.clip(norms, 0, self.max_value))

    def get_config(self) -> dict[str, Any]:
        return {"max_value": self.max_value, "axis": self.axis}


class MinMaxNorm(Constraint):
    """Move the norm of the weights along `axis` towards `[min_value, max_value]`.

    The new norm is `rate * clip(norm, min_value, max_value) + (1 - rate) * norm`: `rate=1`
    enforces the bounds at once, a smaller rate approaches them over several steps.

    Args:
        min_value: The smallest norm allowed.
        max_value: The largest norm allowed.
        rate: How far each call moves towards the bounds, in `[0, 1]`.
        axis: The axis (or axes) the norm is taken over (see `MaxNorm`).

    Example:

    >>> w = np.array([[0.3], [0.4]], dtype="float32")
    >>> np.round(keras.ops.convert_to_numpy(keras.constraints.MinMaxNorm(1.0, 2.0)(w)), 4)
    array([[0.6],
           [0.8]], dtype=float32)
    """

    def __init__(
        self, min_value: float = 0.0, max_value: float = 1.0, rate: float = 1.0, axis: Axis = 0
    ) -> None:
        self.min_value = min_value
        self.max_value = max_value
        self.rate = rate
        self.axis = axis

    def __call__(self, w: ArrayLike) -> Tensor:
        w = ops.convert_to_tensor(w)
        norms = _norms(w, self.axis)
        clipped = ops.clip(norms, self.min_value, self.max_value)
        desired = ops.add(ops.multiply(self.rate, clipped), ops.multiply(1 - self.rate, norms))
        return _rescale(w, norms, desired)

    def get_config(self) -> dict[str, Any]:
        return {
            "min_value": self.min_value,
            "max_value": self.max_value,
            "rate": self.rate,
            "axis": self.axis,
        }


class NonNeg(Constraint):
    """Replace negative weights with zero.

    Example:

    >>> keras.ops.convert_to_numpy(keras.constraints.NonNeg()(np.array([-1.0, 2.0], dtype="float32")))
    array([0., 2.], dtype=float32)
    """

    def __call__(self, w: ArrayLike) -> Tensor:
        return ops.maximum(ops.convert_to_tensor(w), 0)


class UnitNorm(Constraint):
    """Scale the weights to norm 1 along `axis`.

    Args:
        axis: The axis (or axes) the norm is taken over (see `MaxNorm`).

    Example:

    >>> w = np.array([[3.0], [4.0]], dtype="float32")
    >>> np.round(keras.ops.convert_to_numpy(keras.constraints.UnitNorm()(w)), 4)
    array([[0.6],
           [0.8]], dtype=float32)
    """

    def __init__(self, axis: Axis = 0) -> None:
        self.axis = axis

    def __call__(self, w: ArrayLike) -> Tensor:
        w = ops.convert_to_tensor(w)
        norms = _norms(w, self.axis)
        return ops.divide(ops.cast(w, norms.dtype), ops.add(norms, epsilon()))

    def get_config(self) -> dict[str, Any]:
        return {"axis": self.axis}


max_norm = MaxNorm
min_max_norm = MinMaxNorm
non_neg = NonNeg
unit_norm = UnitNorm
