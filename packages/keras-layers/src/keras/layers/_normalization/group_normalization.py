"""`GroupNormalization`: normalize each example over groups of channels."""

from __future__ import annotations

from typing import Any

from keras import constraints, initializers, ops, regularizers
from keras.backend import result_type
from keras.backend._variable import Variable
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.layers._normalization.arguments import Shape, check_axes_in_bounds, defined_dims
from keras.ops._typing import Tensor

__all__ = ["GroupNormalization"]


class GroupNormalization(Layer):
    """Split the channels into `groups` and normalize each example within each group.

    The channels on `axis` are split into `groups` groups of equal size; each group of
    each example is normalized with its own mean and variance (taken over the group's
    channels and every other non-batch axis, in at least float32), then scaled by `gamma`
    and shifted by `beta` per channel. `groups=1` gives layer normalization over all
    non-batch axes, and `groups=-1` (one channel per group) instance normalization.
    Masks pass through.

    Args:
        groups: Positive int, the number of groups; it must divide the number of
            channels. `-1` means one group per channel.
        axis: The channel axis.
        epsilon: Small float added to the variance.
        center: Whether to add the learned offset `beta`.
        scale: Whether to multiply by the learned factor `gamma`.
        beta_initializer: Initializer of `beta`.
        gamma_initializer: Initializer of `gamma`.
        beta_regularizer: Regularizer of `beta`.
        gamma_regularizer: Regularizer of `gamma`.
        beta_constraint: Constraint of `beta`.
        gamma_constraint: Constraint of `gamma`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `groups` is not a positive int or -1, or does not divide the
            number of channels, or if `axis` is the batch axis or outside the input's rank.

    Example:

    >>> layer = keras.layers.GroupNormalization(groups=2, epsilon=0.0)
    >>> layer(np.array([[1.0, 3.0, 10.0, 30.0]], dtype="float32"))
    array([[-1.,  1., -1.,  1.]], dtype=float32)
    """

    gamma: Variable | None
    beta: Variable | None

    def __init__(
        self,
        groups: int = 32,
        axis: int = -1,
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
        value: Any = groups  # checked at run time: any value may come from a config
        if not isinstance(value, int) or isinstance(value, bool) or (value <= 0 and value != -1):
            raise ValueError(
                "Received an invalid value for argument `groups`, expected a positive integer (or `-1` for "
                f"instance normalization). Received: groups={groups}"
            )
        super().__init__(**kwargs)
        self.groups = groups
        self.axis = axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)
        self.supports_masking = True
        self.autocast = False

    def build(self, input_shape: Shape) -> None:
        (channels,) = defined_dims(self.axis, input_shape, self.name)
        if self.axis % len(input_shape) == 0:
            raise ValueError(
                f"Layer '{self.name}': `axis` must not be the batch axis. Received: axis={self.axis}"
            )
        if self.groups == -1:
            self.groups = channels
        if channels % self.groups != 0:
            raise ValueError(
                f"Layer '{self.name}': the number of channels ({channels}) on axis {self.axis} must be a "
                f"multiple of the number of groups. Received: groups={self.groups}"
            )
        self.input_spec = InputSpec(ndim=len(input_shape), axes={self.axis: channels})
        self.gamma = None
        self.beta = None
        if self.scale:
            self.gamma = self.add_weight(
                shape=(channels,),
                name="gamma",
                initializer=self.gamma_initializer,
                regularizer=self.gamma_regularizer,
                constraint=self.gamma_constraint,
                autocast=False,
            )
        if self.center:
            self.beta = self.add_weight(
                shape=(channels,),
                name="beta",
                initializer=self.beta_initializer,
                regularizer=self.beta_regularizer,
                constraint=self.beta_constraint,
                autocast=False,
            )
        self.built = True

    def call(self, inputs: Tensor) -> Tensor:
        ndim = len(inputs.shape)
        axis = self.axis % ndim
        channels = int(inputs.shape[axis])
        per_group = channels // self.groups
        dynamic = ops.shape(inputs)
        # (batch, ..., groups, channels per group, ...): the group axis sits at `axis`.
        grouped_shape = [-1, *(dynamic[1:axis]), self.groups, per_group, *(dynamic[axis + 1 :])]
        x = ops.reshape(ops.cast(inputs, result_type(inputs.dtype, "float32")), grouped_shape)
        reduce_axes = [a for a in range(1, ndim + 1) if a != axis]
        mean, variance = ops.moments(x, axes=reduce_axes, keepdims=True)
        per_channel = [1] * axis + [self.groups, per_group] + [1] * (ndim - axis - 1)
        inverse = ops.rsqrt(variance + self.epsilon)
        if self.gamma is not None:
            inverse = inverse * ops.reshape(ops.cast(self.gamma, x.dtype), per_channel)
        offset = -mean * inverse
        if self.beta is not None:
            offset = offset + ops.reshape(ops.cast(self.beta, x.dtype), per_channel)
        outputs = ops.reshape(x * inverse + offset, dynamic)
        return ops.cast(outputs, self.compute_dtype)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        check_axes_in_bounds(self.axis, input_shape)
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "groups": self.groups,
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
        }
