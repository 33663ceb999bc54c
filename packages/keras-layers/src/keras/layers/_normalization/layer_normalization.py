"""`LayerNormalization`: normalize each example over the feature axes, then scale and shift."""

from __future__ import annotations

import warnings
from typing import Any

from keras import constraints, initializers, ops, regularizers
from keras.backend._variable import Variable
from keras.layers._layer import Layer
from keras.layers._normalization.arguments import (
    AxisArg,
    Shape,
    as_axis_list,
    check_axes_in_bounds,
    defined_dims,
    standardize_axis,
)
from keras.ops._typing import Tensor

__all__ = ["LayerNormalization"]


class LayerNormalization(Layer):
    """Normalize each example over `axis`: `gamma * (x - mean) / sqrt(var + epsilon) + beta`.

    The mean and variance are taken per example over the axes in `axis` (computed in at
    least float32); `gamma` and `beta` have the shape of those axes. Unlike
    `BatchNormalization`, the layer behaves the same in training and inference. Masks
    pass through.

    Args:
        axis: An int or a list/tuple of ints, the axes to normalize over.
        epsilon: Small float added to the variance.
        center: Whether to add the learned offset `beta`.
        scale: Whether to multiply by the learned factor `gamma`.
        beta_initializer: Initializer of `beta`.
        gamma_initializer: Initializer of `gamma`.
        beta_regularizer: Regularizer of `beta`.
        gamma_regularizer: Regularizer of `gamma`.
        beta_constraint: Constraint of `beta`.
        gamma_constraint: Constraint of `gamma`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...), and the deprecated
            `rms_scaling=True` (divide by the standard deviation without centring; keeps
            only `gamma`; warns: use `RMSNormalization` instead).

    Raises:
        TypeError: If `axis` is not an int or a list/tuple of ints.
        ValueError: If an axis is outside the input's rank.

    Example:

    >>> layer = keras.layers.LayerNormalization(epsilon=0.0)
    >>> layer(np.array([[1.0, 3.0], [2.0, 6.0]], dtype="float32"))
    array([[-1.,  1.],
           [-1.,  1.]], dtype=float32)
    """

    gamma: Variable | None
    beta: Variable | None

    def __init__(
        self,
        axis: int | list[int] | tuple[int, ...] = -1,
        epsilon: float = 0.001,
        center: bool = True,
        scale: bool = True,
        beta_initializer: Any = "zeros",
        gamma_initializer: Any = "ones",
        beta_regularizer: Any = None,
        gamma_regularizer: Any = None,
        beta_constraint: Any = None,
        gamma_constraint: Any = None,
        **kwargs: Any,
    ) -> None:
        rms_scaling = bool(kwargs.pop("rms_scaling", False))
        if rms_scaling:
            warnings.warn(
                "`rms_scaling=True` is deprecated: it divides by the standard deviation, not the root mean "
                "square. Use `keras.layers.RMSNormalization` for RMS normalization.",
                stacklevel=2,
            )
        super().__init__(**kwargs)
        self.axis: AxisArg = standardize_axis(axis)
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.rms_scaling = rms_scaling
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)
        self.supports_masking = True
        self.autocast = False

    def build(self, input_shape: Shape) -> None:
        self.axis = sorted(as_axis_list(self.axis))
        shape = defined_dims(self.axis, input_shape, self.name)
        self.gamma = None
        self.beta = None
        if self.scale or self.rms_scaling:
            self.gamma = self.add_weight(
                shape=shape,
                name="gamma",
                initializer=self.gamma_initializer,
                regularizer=self.gamma_regularizer,
                constraint=self.gamma_constraint,
                autocast=False,
            )
        if self.center and not self.rms_scaling:
            self.beta = self.add_weight(
                shape=shape,
                name="beta",
                initializer=self.beta_initializer,
                regularizer=self.beta_regularizer,
                constraint=self.beta_constraint,
                autocast=False,
            )
        self.built = True

    def call(self, inputs: Tensor) -> Tensor:
        extra = {"rms_scaling": True} if self.rms_scaling else {}
        outputs = ops.layer_normalization(inputs, self.gamma, self.beta, self.axis, self.epsilon, **extra)
        return ops.cast(outputs, self.compute_dtype)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        check_axes_in_bounds(self.axis, input_shape)
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "rms_scaling": self.rms_scaling,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
        }
