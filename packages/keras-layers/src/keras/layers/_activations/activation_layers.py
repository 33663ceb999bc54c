"""Activation layers: `Activation`, `ReLU`, `LeakyReLU`, `PReLU`, `ELU` and `Softmax`.

Each applies an element-wise (or, for `Softmax`, per-axis) activation from
`keras.activations`; all pass masks through; only `PReLU` has a weight.
"""

from __future__ import annotations

import warnings
from typing import Any

from keras import activations, constraints, initializers, ops, regularizers
from keras.backend._dtypes import standardize_dtype
from keras.backend._variable import Variable
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.ops._typing import Tensor

__all__ = ["ELU", "Activation", "LeakyReLU", "PReLU", "ReLU", "Softmax"]

Shape = tuple[int | None, ...]


def _is_non_negative(value: object) -> bool:
    return isinstance(value, (int, float)) and value >= 0


class _ElementwiseLayer(Layer):
    """A weightless layer that keeps its input's shape and passes masks through."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.supports_masking = True
        self.built = True

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return input_shape


class Activation(_ElementwiseLayer):
    """Apply an activation function to the inputs.

    Args:
        activation: The activation: a name from `keras.activations` (`"relu"`, ...), a
            callable, or `None` for the identity (`"linear"`).
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `activation` names no activation.

    Example:

    >>> keras.layers.Activation("relu")(np.array([-1.0, 0.0, 2.0], dtype="float32"))
    array([0., 0., 2.], dtype=float32)
    """

    def __init__(self, activation: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.activation = activations.get(activation)

    def call(self, inputs: Tensor) -> Tensor:
        return self.activation(inputs)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "activation": activations.serialize(self.activation)}


class ReLU(_ElementwiseLayer):
    """Apply the rectified linear unit, with an optional ceiling, slope and threshold.

    The output is `max_value` where `x >= max_value`, `x` where
    `threshold <= x < max_value`, and `negative_slope * (x - threshold)` below.

    Args:
        max_value: Non-negative ceiling of the output, or `None` for none.
        negative_slope: Non-negative slope below the threshold.
        threshold: Non-negative value below which the output is damped.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If an argument is negative (or `None`, for `negative_slope` and
            `threshold`).

    Example:

    >>> layer = keras.layers.ReLU(max_value=2.0, negative_slope=0.5)
    >>> layer(np.array([-2.0, 1.0, 5.0], dtype="float32"))
    array([-1.,  1.,  2.], dtype=float32)
    """

    def __init__(
        self,
        max_value: float | None = None,
        negative_slope: float = 0.0,
        threshold: float = 0.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        if max_value is not None and max_value < 0.0:
            raise ValueError(
                f"max_value of a ReLU layer cannot be a negative value. Received: max_value={max_value}"
            )
        if not _is_non_negative(negative_slope):
            raise ValueError(
                "negative_slope of a ReLU layer cannot be None or a negative value. "
                f"Received: negative_slope={negative_slope}"
            )
        if not _is_non_negative(threshold):
            raise ValueError(
                f"threshold of a ReLU layer cannot be None or a negative value. Received: threshold={threshold}"
            )
        self.max_value = max_value
        self.negative_slope = negative_slope
        self.threshold = threshold

    def call(self, inputs: Tensor) -> Tensor:
        return activations.relu(
            inputs, negative_slope=self.negative_slope, max_value=self.max_value, threshold=self.threshold
        )

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "max_value": self.max_value,
            "negative_slope": self.negative_slope,
            "threshold": self.threshold,
        }


class LeakyReLU(_ElementwiseLayer):
    """Apply the leaky rectifier: `x` where `x >= 0`, else `negative_slope * x`.

    Args:
        negative_slope: Non-negative slope for negative inputs.
        **kwargs: Base layer arguments (`name`, `dtype`, ...); the deprecated `alpha` is
            read as `negative_slope`.

    Raises:
        ValueError: If `negative_slope` is `None` or negative.

    Example:

    >>> keras.layers.LeakyReLU(negative_slope=0.5)(np.array([-2.0, 3.0], dtype="float32"))
    array([-1.,  3.], dtype=float32)
    """

    def __init__(self, negative_slope: float = 0.3, **kwargs: Any) -> None:
        if "alpha" in kwargs:
            negative_slope = kwargs.pop("alpha")
            warnings.warn("Argument `alpha` is deprecated. Use `negative_slope` instead.", stacklevel=2)
        super().__init__(**kwargs)
        if not _is_non_negative(negative_slope):
            raise ValueError(
                "The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. "
                f"Received: negative_slope={negative_slope}"
            )
        self.negative_slope = negative_slope

    def call(self, inputs: Tensor) -> Tensor:
        return activations.leaky_relu(inputs, negative_slope=self.negative_slope)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "negative_slope": self.negative_slope}


class PReLU(Layer):
    """Apply a leaky rectifier whose negative slope `alpha` is learned per position.

    The output is `x` where `x >= 0` and `alpha * x` elsewhere; `alpha` has the input's
    shape without the batch axis, with size 1 along `shared_axes` (e.g. `shared_axes=[1, 2]`
    shares one slope per channel across the height and width of images).

    Args:
        alpha_initializer: Initializer of `alpha`.
        alpha_regularizer: Regularizer of `alpha`.
        alpha_constraint: Constraint of `alpha`.
        shared_axes: An axis or a list of axes (counted with the batch axis as 0) along
            which `alpha` is shared.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(0.1))
    >>> layer(np.array([[-10.0, 5.0]], dtype="float32"))
    array([[-1.,  5.]], dtype=float32)
    """

    alpha: Variable

    def __init__(
        self,
        alpha_initializer: Any = "Zeros",
        alpha_regularizer: Any = None,
        alpha_constraint: Any = None,
        shared_axes: int | list[int] | tuple[int, ...] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.supports_masking = True
        self.alpha_initializer = initializers.get(alpha_initializer)
        self.alpha_regularizer = regularizers.get(alpha_regularizer)
        self.alpha_constraint = constraints.get(alpha_constraint)
        self.shared_axes: list[int] | None
        if shared_axes is None:
            self.shared_axes = None
        elif isinstance(shared_axes, (list, tuple)):
            self.shared_axes = list(shared_axes)
        else:
            self.shared_axes = [shared_axes]

    def build(self, input_shape: Shape) -> None:
        shared = {axis % len(input_shape) for axis in self.shared_axes or ()}
        alpha_shape = [1 if axis in shared else size for axis, size in enumerate(input_shape) if axis > 0]
        self.alpha = self.add_weight(
            name="alpha",
            shape=alpha_shape,  # type: ignore[arg-type]
            initializer=self.alpha_initializer,
            regularizer=self.alpha_regularizer,
            constraint=self.alpha_constraint,
        )
        axes = {
            axis: input_shape[axis] for axis in range(1, len(input_shape)) if shared and axis not in shared
        }
        self.input_spec = InputSpec(ndim=len(input_shape), axes=axes)
        self.built = True

    def call(self, inputs: Tensor) -> Tensor:
        positive = activations.relu(inputs)
        negative = ops.multiply(ops.negative(self.alpha), activations.relu(ops.negative(inputs)))
        return ops.add(positive, negative)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "alpha_initializer": initializers.serialize(self.alpha_initializer),
            "alpha_regularizer": regularizers.serialize(self.alpha_regularizer),
            "alpha_constraint": constraints.serialize(self.alpha_constraint),
            "shared_axes": self.shared_axes,
        }


class ELU(_ElementwiseLayer):
    """Apply the exponential linear unit: `x` where `x > 0`, else `alpha * (exp(x) - 1)`.

    Args:
        alpha: Scale of the negative part; outputs saturate at `-alpha`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> keras.layers.ELU(alpha=2.0)(np.array([0.0, 1.0], dtype="float32"))
    array([0., 1.], dtype=float32)
    """

    def __init__(self, alpha: float = 1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.alpha = alpha

    def call(self, inputs: Tensor) -> Tensor:
        return activations.elu(inputs, alpha=self.alpha)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "alpha": self.alpha}


def _large_negative(dtype: str) -> float:
    """A number whose exp is 0 in `dtype` while staying finite (float16 overflows at -1e9)."""
    return -3e4 if standardize_dtype(dtype) == "float16" else -1e9


def _check_mask_shape(inputs: Tensor, mask: Tensor) -> None:
    in_shape, mask_shape = tuple(inputs.shape), tuple(mask.shape)
    if len(mask_shape) > len(in_shape):
        raise ValueError(
            "The `mask` must be broadcastable to `inputs` and must not have more dimensions. "
            f"Received: inputs.shape={in_shape}, mask.shape={mask_shape}"
        )
    for mask_dim, in_dim in zip(mask_shape[::-1], in_shape[::-1], strict=False):
        if mask_dim is not None and in_dim is not None and mask_dim not in (1, in_dim):
            raise ValueError(
                "The `mask` must be broadcastable to `inputs`. Each mask dimension must be 1 or match the "
                f"corresponding input dimension. Received: inputs.shape={in_shape}, mask.shape={mask_shape}"
            )


class Softmax(_ElementwiseLayer):
    """Turn scores into probabilities along `axis`, ignoring masked positions.

    With a mask (boolean, or float where `> 0.5` keeps), masked scores are replaced by a
    large negative number before the softmax, so they get (about) zero probability, and
    their outputs are then set to exactly 0 (also when a whole row is masked).

    Args:
        axis: The axis, or a list of axes, to normalize over.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: The scores.
        mask: Optional mask broadcastable to `inputs`; `True` keeps a position.

    Example:

    >>> x = np.array([[1.0, 1.0, 5.0]], dtype="float32")
    >>> keras.layers.Softmax()(x, mask=np.array([[True, True, False]]))
    array([[0.5, 0.5, 0. ]], dtype=float32)
    """

    def __init__(self, axis: int | list[int] | tuple[int, ...] = -1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.axis = axis

    def call(self, inputs: Tensor, mask: Tensor | None = None) -> Tensor:
        if mask is not None:
            _check_mask_shape(inputs, mask)
            if standardize_dtype(mask.dtype) != "bool":
                mask = ops.greater(mask, 0.5)
            inputs = ops.where(mask, inputs, _large_negative(inputs.dtype))
        if isinstance(self.axis, (list, tuple)) and len(self.axis) > 1:
            axes = tuple(self.axis)
            outputs = ops.exp(ops.subtract(inputs, ops.logsumexp(inputs, axis=axes, keepdims=True)))
        else:
            axis = self.axis[0] if isinstance(self.axis, (list, tuple)) else self.axis
            outputs = activations.softmax(inputs, axis=axis)
        if mask is not None:
            outputs = ops.where(mask, outputs, ops.zeros_like(outputs))
        return outputs

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "axis": self.axis}
