"""`BatchNormalization`: normalize with batch statistics in training, moving averages at inference."""

from __future__ import annotations

from typing import Any

from keras import constraints, initializers, ops, regularizers
from keras.backend import backend, epsilon, result_type
from keras.backend._variable import Variable
from keras.layers._input_spec import InputSpec
from keras.layers._layer import Layer
from keras.layers._normalization.arguments import Shape, check_axes_in_bounds, defined_dims
from keras.ops._typing import Tensor

__all__ = ["BatchNormalization"]

_RENORM_KEYS = ("rmax", "rmin", "dmax")


def _check_renorm_clipping(clipping: dict[str, float]) -> None:
    unknown = set(clipping) - set(_RENORM_KEYS)
    if unknown:
        raise ValueError(
            f"Received invalid keys for `renorm_clipping` argument: {clipping}. Supported values: "
            f"{list(_RENORM_KEYS)}."
        )
    rmax, rmin, dmax = (clipping.get(key) for key in _RENORM_KEYS)
    if rmax is not None and rmin is not None and rmax < rmin:
        raise ValueError(
            f"`renorm_clipping['rmax']` must be at least `renorm_clipping['rmin']`. Received: rmax={rmax}, "
            f"rmin={rmin}"
        )
    if dmax is not None and dmax < 0:
        raise ValueError(f"`renorm_clipping['dmax']` must be non-negative. Received: dmax={dmax}")


def _fresh(initializer: Any) -> Any:
    """A copy of an initializer object (so a seeded one draws anew), or the callable itself."""
    if isinstance(initializer, initializers.Initializer):
        return type(initializer).from_config(initializer.get_config())
    return initializer


class BatchNormalization(Layer):
    """Normalize each channel with the batch's statistics in training, moving averages otherwise.

    With `training=True` (and a trainable layer) the output is
    `gamma * (x - mean(x)) / sqrt(var(x) + epsilon) + beta`, the moments taken over every
    axis but `axis`, and the moving statistics are updated as
    `moving = moving * momentum + batch_statistic * (1 - momentum)`. Otherwise the moving
    mean and variance take the batch's place and nothing is updated. Masked positions
    (a mask of the input's rank minus one) are left out of the batch statistics. The
    statistics are computed in at least float32, also under mixed precision; a frozen
    layer (`trainable=False`) always runs in inference mode.

    Args:
        axis: The channel axis (the one that is not reduced), e.g. `1` after a
            `channels_first` convolution.
        momentum: Momentum of the moving averages.
        epsilon: Small float added to the variance.
        center: Whether to add the learned offset `beta`.
        scale: Whether to multiply by the learned factor `gamma`.
        beta_initializer: Initializer of `beta`.
        gamma_initializer: Initializer of `gamma`.
        moving_mean_initializer: Initializer of the moving mean.
        moving_variance_initializer: Initializer of the moving variance.
        beta_regularizer: Regularizer of `beta`.
        gamma_regularizer: Regularizer of `gamma`.
        beta_constraint: Constraint of `beta`.
        gamma_constraint: Constraint of `gamma`.
        renorm: Whether to use batch renormalization (Ioffe, 2017), which corrects the
            batch statistics towards running ones in training (three more weights).
        renorm_clipping: With `renorm`, a dict of optional `"rmax"`, `"rmin"`, `"dmax"`
            bounds on the correction `r` (to `[rmin, rmax]`) and `d` (to `[-dmax, dmax]`).
        renorm_momentum: With `renorm`, momentum of the running statistics the correction
            uses.
        synchronized: Whether to aggregate the batch statistics across replicas; only the
            TensorFlow backend accepts `True`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: For `synchronized=True` off TensorFlow, bad `renorm_clipping`, or an
            axis outside the input's rank.

    Example:

    >>> layer = keras.layers.BatchNormalization(momentum=0.5, epsilon=0.0)
    >>> x = np.array([[0.0], [2.0]], dtype="float32")
    >>> layer(x, training=True)
    array([[-1.],
           [ 1.]], dtype=float32)
    >>> keras.ops.convert_to_numpy(layer.moving_mean), keras.ops.convert_to_numpy(layer.moving_variance)
    (array([0.5], dtype=float32), array([1.], dtype=float32))
    """

    gamma: Variable | None
    beta: Variable | None
    moving_mean: Variable
    moving_variance: Variable

    def __init__(
        self,
        axis: int = -1,
        momentum: float = 0.99,
        epsilon: float = 0.001,
        center: bool = True,
        scale: bool = True,
        beta_initializer: Any = "zeros",
        gamma_initializer: Any = "ones",
        moving_mean_initializer: Any = "zeros",
        moving_variance_initializer: Any = "ones",
        beta_regularizer: Any = None,
        gamma_regularizer: Any = None,
        beta_constraint: Any = None,
        gamma_constraint: Any = None,
        renorm: bool = False,
        renorm_clipping: dict[str, float] | None = None,
        renorm_momentum: float = 0.99,
        synchronized: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.axis = int(axis)
        if synchronized and backend() != "tensorflow":
            raise ValueError(
                "Argument synchronized=True is only supported with the TensorFlow backend. "
                f"Received: synchronized={synchronized} on the {backend()} backend"
            )
        self.synchronized = synchronized
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.moving_mean_initializer = initializers.get(moving_mean_initializer)
        self.moving_variance_initializer = initializers.get(moving_variance_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)
        self.renorm = renorm
        if renorm:
            renorm_clipping = renorm_clipping or {}
            _check_renorm_clipping(renorm_clipping)
        self.renorm_clipping = renorm_clipping
        self.renorm_momentum = renorm_momentum
        self.supports_masking = True
        self.gamma = None
        self.beta = None

    def build(self, input_shape: Shape) -> None:
        (channels,) = defined_dims(self.axis, input_shape, self.name)
        shape = (channels,)
        if self.scale:
            self.gamma = self.add_weight(
                shape=shape,
                name="gamma",
                initializer=self.gamma_initializer,
                regularizer=self.gamma_regularizer,
                constraint=self.gamma_constraint,
                autocast=False,
            )
        if self.center:
            self.beta = self.add_weight(
                shape=shape,
                name="beta",
                initializer=self.beta_initializer,
                regularizer=self.beta_regularizer,
                constraint=self.beta_constraint,
                autocast=False,
            )
        self.moving_mean = self._statistic("moving_mean", shape, self.moving_mean_initializer)
        self.moving_variance = self._statistic("moving_variance", shape, self.moving_variance_initializer)
        if self.renorm:
            variance_initializer = _fresh(self.moving_variance_initializer)

            def stddev_initializer(shape: Any, dtype: Any = None) -> Tensor:
                return ops.sqrt(variance_initializer(shape, dtype=dtype))

            self.moving_stddev = self._statistic("moving_stddev", shape, stddev_initializer)
            self.renorm_mean = self._statistic("renorm_mean", shape, _fresh(self.moving_mean_initializer))
            self.renorm_stddev = self._statistic("renorm_stddev", shape, stddev_initializer)
        self.input_spec = InputSpec(ndim=len(input_shape), axes={self.axis: channels})
        self.built = True

    def _statistic(self, name: str, shape: tuple[int, ...], initializer: Any) -> Variable:
        return self.add_weight(
            shape=shape, name=name, initializer=initializer, trainable=False, autocast=False
        )

    def call(self, inputs: Tensor, training: Any = None, mask: Tensor | None = None) -> Tensor:
        if mask is not None and len(mask.shape) != len(inputs.shape) - 1:
            raise ValueError(
                f"Layer '{self.name}': the mask must have one dimension less than the inputs. Received: "
                f"mask.shape={tuple(mask.shape)}, inputs.shape={tuple(inputs.shape)}"
            )
        dtype = result_type(inputs.dtype, "float32")
        x = ops.cast(inputs, dtype)
        gamma = None if self.gamma is None else ops.cast(self.gamma, dtype)
        beta = None if self.beta is None else ops.cast(self.beta, dtype)
        if training and self.trainable:
            mean, variance = self._moments(x, mask)
            if self.renorm:
                gamma, beta = self._renorm_transform(mean, variance, gamma, beta)
                self._update_renorm_statistics(mean, variance)
            else:
                self._update_moving(self.moving_mean, mean, self.momentum)
                self._update_moving(self.moving_variance, variance, self.momentum)
        else:
            mean = ops.cast(self.moving_mean, dtype)
            variance = ops.cast(self.moving_variance, dtype)
        outputs = ops.batch_normalization(
            x, mean, variance, axis=self.axis, offset=beta, scale=gamma, epsilon=self.epsilon
        )
        return ops.cast(outputs, self.compute_dtype)

    def _reduction_axes(self, ndim: int) -> list[int]:
        return [a for a in range(ndim) if a != self.axis % ndim]

    def _moments(self, x: Tensor, mask: Tensor | None) -> tuple[Tensor, Tensor]:
        axes = self._reduction_axes(len(x.shape))
        if mask is None:
            mean, variance = ops.moments(x, axes=axes, synchronized=self.synchronized)
            return mean, variance
        keep = ops.broadcast_to(ops.expand_dims(ops.cast(mask, "bool"), -1), ops.shape(x))
        count = ops.sum(ops.cast(keep, x.dtype), axes, keepdims=True) + epsilon()
        mean = ops.sum(ops.where(keep, x, 0.0), axes, keepdims=True) / count
        variance = ops.sum(ops.square(ops.where(keep, x - mean, 0.0)), axes, keepdims=True) / count
        return ops.reshape(mean, (-1,)), ops.reshape(variance, (-1,))

    @staticmethod
    def _update_moving(variable: Variable, value: Tensor, momentum: float) -> Tensor:
        """Assign `variable * momentum + value * (1 - momentum)`, and return it."""
        new = ops.cast(variable, value.dtype) * momentum + value * (1.0 - momentum)
        variable.assign(new)
        return new

    def _renorm_transform(
        self, mean: Tensor, variance: Tensor, gamma: Tensor | None, beta: Tensor | None
    ) -> tuple[Tensor, Tensor]:
        """Fold the renorm correction `(x_hat * r + d)` into an effective `gamma` and `beta`."""
        clipping = self.renorm_clipping or {}
        stddev = ops.sqrt(variance + self.epsilon)
        renorm_stddev = ops.maximum(ops.cast(self.renorm_stddev, mean.dtype), ops.sqrt(self.epsilon))
        r = stddev / renorm_stddev
        d = (mean - ops.cast(self.renorm_mean, mean.dtype)) / renorm_stddev
        if clipping.get("rmin") is not None:
            r = ops.maximum(r, clipping["rmin"])
        if clipping.get("rmax") is not None:
            r = ops.minimum(r, clipping["rmax"])
        if clipping.get("dmax") is not None:
            d = ops.clip(d, -clipping["dmax"], clipping["dmax"])
        r, d = ops.stop_gradient(r), ops.stop_gradient(d)
        new_gamma = r if gamma is None else r * gamma
        new_beta = d if gamma is None else d * gamma
        return new_gamma, new_beta if beta is None else new_beta + beta

    def _update_renorm_statistics(self, mean: Tensor, variance: Tensor) -> None:
        stddev = ops.sqrt(variance + self.epsilon)
        self._update_moving(self.renorm_mean, mean, float(self.renorm_momentum))
        self._update_moving(self.renorm_stddev, stddev, float(self.renorm_momentum))
        self._update_moving(self.moving_mean, mean, self.momentum)
        moving_stddev = self._update_moving(self.moving_stddev, stddev, self.momentum)
        self.moving_variance.assign(ops.relu(moving_stddev * moving_stddev - self.epsilon))

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        check_axes_in_bounds(self.axis, input_shape)
        return input_shape

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "axis": self.axis,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "moving_mean_initializer": initializers.serialize(self.moving_mean_initializer),
            "moving_variance_initializer": initializers.serialize(self.moving_variance_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
            "synchronized": self.synchronized,
            "renorm": self.renorm,
            "renorm_clipping": self.renorm_clipping,
            "renorm_momentum": self.renorm_momentum,
        }
