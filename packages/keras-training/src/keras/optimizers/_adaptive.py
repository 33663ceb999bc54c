"""Per-coordinate adaptive optimizers: `Adagrad`, `Adadelta`, `RMSprop` and `Adafactor`.

Each scales the step by running statistics of the squared gradient.
"""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend._variable import Variable
from keras.ops._typing import Tensor
from keras.optimizers._optimizer import Optimizer
from keras.optimizers._support import constant_initializer, slot_name


def _average(optimizer: Optimizer, slot: Variable, value: Tensor, rho: Any) -> Tensor:
    """Set `slot = rho * slot + (1 - rho) * value` and return the new value."""
    averaged = ops.add(ops.multiply(rho, slot), ops.multiply(ops.subtract(1, rho), value))
    optimizer.assign(slot, averaged)
    return averaged


class Adagrad(Optimizer):
    """Adagrad: steps scaled down by the sum of all past squared gradients.

    `a = a + g**2` and `w = w - lr * g / sqrt(a + epsilon)`, where `a` starts at
    `initial_accumulator_value`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        initial_accumulator_value: The accumulators' starting value.
        epsilon: A small constant for numerical stability.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.Adagrad().get_config()["initial_accumulator_value"]
    0.1
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        initial_accumulator_value: float = 0.1,
        epsilon: float = 1e-07,
        weight_decay: float | None = None,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
        use_ema: bool = False,
        ema_momentum: float = 0.99,
        ema_overwrite_frequency: int | None = None,
        loss_scale_factor: float | None = None,
        gradient_accumulation_steps: int | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            learning_rate=learning_rate,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            name=name,
            **kwargs,
        )
        self.initial_accumulator_value = initial_accumulator_value
        self.epsilon = epsilon
        self._accumulators: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        super().build(var_list)
        initializer = constant_initializer(self.initial_accumulator_value)
        self._accumulators = self.add_optimizer_variables(var_list, "accumulator", initializer=initializer)

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        lr = ops.cast(learning_rate, variable.dtype)
        gradient = ops.cast(gradient, variable.dtype)
        accumulator = self._accumulators[self._get_variable_index(variable)]
        assert accumulator is not None
        self.assign_add(accumulator, ops.square(gradient))
        step = ops.divide(ops.multiply(lr, gradient), ops.sqrt(ops.add(accumulator, self.epsilon)))
        self.assign_sub(variable, step)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "initial_accumulator_value": self.initial_accumulator_value,
            "epsilon": self.epsilon,
        }


class Adadelta(Optimizer):
    """Adadelta: steps sized by the ratio of running RMS of past steps to past gradients.

    `a = rho * a + (1 - rho) * g**2`, `delta = -sqrt(d + epsilon) / sqrt(a + epsilon) * g`,
    `d = rho * d + (1 - rho) * delta**2` and `w = w + lr * delta`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        rho: Decay rate of the running averages.
        epsilon: A small constant for numerical stability.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.Adadelta().get_config()["rho"]
    0.95
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        rho: float = 0.95,
        epsilon: float = 1e-07,
        weight_decay: float | None = None,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
        use_ema: bool = False,
        ema_momentum: float = 0.99,
        ema_overwrite_frequency: int | None = None,
        loss_scale_factor: float | None = None,
        gradient_accumulation_steps: int | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            learning_rate=learning_rate,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            name=name,
            **kwargs,
        )
        self.rho = rho
        self.epsilon = epsilon
        self._accumulated_grads: list[Variable | None] = []
        self._accumulated_delta_vars: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        super().build(var_list)
        self._accumulated_grads, self._accumulated_delta_vars = self.add_optimizer_variables(
            var_list, ["accumulated_grad", "accumulated_delta_var"]
        )

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        lr = ops.cast(learning_rate, variable.dtype)
        gradient = ops.cast(gradient, variable.dtype)
        index = self._get_variable_index(variable)
        grad_average, delta_average = self._accumulated_grads[index], self._accumulated_delta_vars[index]
        assert grad_average is not None and delta_average is not None
        _average(self, grad_average, ops.square(gradient), self.rho)
        rms_delta = ops.sqrt(ops.add(delta_average, self.epsilon))
        rms_grad = ops.sqrt(ops.add(grad_average, self.epsilon))
        delta = ops.negative(ops.divide(ops.multiply(rms_delta, gradient), rms_grad))
        _average(self, delta_average, ops.square(delta), self.rho)
        self.assign_add(variable, ops.multiply(lr, delta))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "rho": self.rho, "epsilon": self.epsilon}


class RMSprop(Optimizer):
    """RMSprop: steps divided by a running root mean square of the gradient.

    `v = rho * v + (1 - rho) * g**2`; the step is `lr * g / sqrt(v + epsilon)`, or with
    `centered=True` `lr * g / sqrt(v - mg**2 + epsilon)` with `mg` the running mean
    gradient. With `momentum > 0`, `mom = momentum * mom + step` and `w = w - mom`;
    otherwise `w = w - step`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        rho: Decay rate of the running averages.
        momentum: Momentum of the steps; 0 for none.
        epsilon: A small constant for numerical stability.
        centered: Whether to divide by the running variance instead of the second moment.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.RMSprop(centered=True).get_config()["centered"]
    True
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        rho: float = 0.9,
        momentum: float = 0.0,
        epsilon: float = 1e-07,
        centered: bool = False,
        weight_decay: float | None = None,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
        use_ema: bool = False,
        ema_momentum: float = 0.99,
        ema_overwrite_frequency: int | None = None,
        loss_scale_factor: float | None = None,
        gradient_accumulation_steps: int | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            learning_rate=learning_rate,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            name=name,
            **kwargs,
        )
        self.rho = rho
        self.momentum = momentum
        self.epsilon = epsilon
        self.centered = centered
        self._velocities: list[Variable | None] = []
        self._momentums: list[Variable | None] = []
        self._average_gradients: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        super().build(var_list)
        self._velocities = self.add_optimizer_variables(var_list, "velocity")
        if self.momentum > 0:
            self._momentums = self.add_optimizer_variables(var_list, "momentum")
        if self.centered:
            self._average_gradients = self.add_optimizer_variables(var_list, "average_gradient")

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        lr = ops.cast(learning_rate, variable.dtype)
        gradient = ops.cast(gradient, variable.dtype)
        index = self._get_variable_index(variable)
        velocity = self._velocities[index]
        assert velocity is not None
        _average(self, velocity, ops.square(gradient), self.rho)
        if self.centered:
            average_gradient = self._average_gradients[index]
            assert average_gradient is not None
            _average(self, average_gradient, gradient, self.rho)
            denominator = ops.add(ops.subtract(velocity, ops.square(average_gradient)), self.epsilon)
        else:
            denominator = ops.add(velocity, self.epsilon)
        increment = ops.divide(ops.multiply(lr, gradient), ops.sqrt(denominator))
        if self.momentum > 0:
            momentum = self._momentums[index]
            assert momentum is not None
            self.assign(momentum, ops.add(ops.multiply(self.momentum, momentum), increment))
            self.assign_sub(variable, momentum)
        else:
            self.assign_sub(variable, increment)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "rho": self.rho,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "centered": self.centered,
        }


def _rms(x: Tensor) -> Tensor:
    return ops.sqrt(ops.mean(ops.square(x)))


class Adafactor(Optimizer):
    """Adafactor: Adam-like steps with the second moment of a matrix kept as row and
    column statistics (sublinear memory).

    With `t = iterations + 1`, `rho = min(lr, 1 / sqrt(t))`,
    `alpha = max(epsilon_2, rms(w)) * rho` and `beta = 1 - t**beta_2_decay`: for a
    variable of rank >= 2 the row and column means `r`, `c` of `g**2 + epsilon_1` are
    averaged with `beta`, and `v = (r / mean(r))[..., None] * c[..., None, :]`; for a
    smaller variable `v` is averaged directly. Then `u = g / sqrt(v)`,
    `u = u / max(1, rms(u) / clip_threshold)` and `w = w - alpha * u`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate. With
            `relative_step` and a float rate, the rate is capped at `1 / sqrt(t)`.
        beta_2_decay: The exponent of the second moment's decay schedule.
        epsilon_1: Added to the squared gradient.
        epsilon_2: The smallest scale of a step relative to the variable.
        clip_threshold: The largest RMS of the normalized update.
        relative_step: Whether to cap a float learning rate at `1 / sqrt(t)`.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.Adafactor().get_config()["beta_2_decay"]
    -0.8
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        beta_2_decay: float = -0.8,
        epsilon_1: float = 1e-30,
        epsilon_2: float = 0.001,
        clip_threshold: float = 1.0,
        relative_step: bool = True,
        weight_decay: float | None = None,
        clipnorm: float | None = None,
        clipvalue: float | None = None,
        global_clipnorm: float | None = None,
        use_ema: bool = False,
        ema_momentum: float = 0.99,
        ema_overwrite_frequency: int | None = None,
        loss_scale_factor: float | None = None,
        gradient_accumulation_steps: int | None = None,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            learning_rate=learning_rate,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            name=name,
            **kwargs,
        )
        self.beta_2_decay = beta_2_decay
        self.epsilon_1 = epsilon_1
        self.epsilon_2 = epsilon_2
        self.clip_threshold = clip_threshold
        self.relative_step = relative_step
        self._r: list[Variable | None] = []
        self._c: list[Variable | None] = []
        self._v: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        var_list = list(var_list)
        super().build(var_list)
        for variable in var_list:
            if getattr(variable, "overwrite_with_gradient", False):
                self._r.append(None)
                self._c.append(None)
                self._v.append(None)
                continue
            shape = tuple(variable.shape)
            # Vectors and scalars keep the full second moment in `v`; their r and c are unused.
            row_shape = shape[:-1] if len(shape) >= 2 else ()
            column_shape = (*shape[:-2], shape[-1]) if len(shape) >= 2 else ()
            dtype = variable.dtype
            self._r.append(self.add_variable(row_shape, dtype=dtype, name=slot_name(variable, "row")))
            self._c.append(self.add_variable(column_shape, dtype=dtype, name=slot_name(variable, "column")))
            self._v.append(self.add_variable_from_reference(variable, "velocity"))

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        gradient = ops.cast(gradient, dtype)
        step = ops.cast(ops.add(self.iterations, 1), dtype)
        inverse_sqrt_step = ops.divide(1.0, ops.sqrt(step))
        if not callable(self._learning_rate) and self.relative_step:
            lr = ops.minimum(lr, inverse_sqrt_step)
        index = self._get_variable_index(variable)
        r, c, v = self._r[index], self._c[index], self._v[index]
        assert r is not None and c is not None and v is not None
        rho = ops.minimum(lr, inverse_sqrt_step)
        alpha = ops.multiply(ops.maximum(ops.cast(self.epsilon_2, dtype), _rms(variable)), rho)
        squared = ops.add(ops.square(gradient), self.epsilon_1)
        beta = ops.subtract(1.0, ops.power(step, self.beta_2_decay))
        if len(variable.shape) >= 2:
            rows = _average(self, r, ops.mean(squared, axis=-1), beta)
            columns = _average(self, c, ops.mean(squared, axis=-2), beta)
            row_factor = ops.divide(rows, ops.mean(rows, axis=-1, keepdims=True))
            self.assign(v, ops.multiply(ops.expand_dims(row_factor, -1), ops.expand_dims(columns, -2)))
        else:
            _average(self, v, squared, beta)
        update = ops.divide(gradient, ops.sqrt(v))
        update = ops.divide(update, ops.maximum(1.0, ops.divide(_rms(update), self.clip_threshold)))
        self.assign_sub(variable, ops.multiply(alpha, update))

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "beta_2_decay": self.beta_2_decay,
            "epsilon_1": self.epsilon_1,
            "epsilon_2": self.epsilon_2,
            "clip_threshold": self.clip_threshold,
            "relative_step": self.relative_step,
        }
