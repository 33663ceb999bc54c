"""`ScheduleFreeAdamW`: AdamW without a learning-rate schedule (Defazio et al., 2024)."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend._variable import Variable
from keras.ops._typing import Tensor
from keras.optimizers._optimizer import Optimizer


class ScheduleFreeAdamW(Optimizer):
    """Schedule-free AdamW: iterate averaging in place of a decaying learning rate.

    The model variable holds `y`, an interpolation between the averaged iterate `x` and
    the base iterate `z` (kept in the `momentum` slot, which starts at the variable's
    value). With `t = iterations + 1` and an optional linear warmup of the rate:
    `v = beta_2 * v + (1 - beta_2) * g**2`,
    `z_new = z - lr * g / (sqrt(v / (1 - beta_2**t)) + epsilon)`,
    `x = (y - (1 - beta_1) * z) / beta_1`, `x_new = (1 - 1/t) * x + z_new / t` and
    `y = (1 - beta_1) * z_new + beta_1 * x_new`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        beta_1: The interpolation between the averaged and base iterates.
        beta_2: Decay rate of the second moment.
        epsilon: A small constant for numerical stability.
        warmup_steps: Steps of linear learning-rate warmup; 0 for none.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.ScheduleFreeAdamW().get_config()["learning_rate"]
    0.0024999999441206455
    """

    def __init__(
        self,
        learning_rate: Any = 0.0025,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-08,
        warmup_steps: int = 0,
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
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.warmup_steps = warmup_steps
        self._momentums: list[Variable | None] = []
        self._velocities: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        var_list = list(var_list)
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(var_list, ["momentum", "velocity"])
        for momentum, variable in zip(self._momentums, var_list, strict=True):
            if momentum is not None:
                self.assign(momentum, ops.copy(variable.value))

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        gradient = ops.cast(gradient, dtype)
        step = ops.cast(ops.add(self.iterations, 1), dtype)
        beta_1 = ops.cast(self.beta_1, dtype)
        beta_2 = ops.cast(self.beta_2, dtype)
        if self.warmup_steps > 0:
            lr = ops.multiply(lr, ops.minimum(ops.divide(step, ops.cast(self.warmup_steps, dtype)), 1.0))
        index = self._get_variable_index(variable)
        z, velocity = self._momentums[index], self._velocities[index]
        assert z is not None and velocity is not None
        z_old = ops.copy(z.value)
        y_old = ops.copy(variable.value)
        self.assign_add(
            velocity, ops.multiply(ops.subtract(ops.square(gradient), velocity), ops.subtract(1, beta_2))
        )
        corrected = ops.divide(velocity, ops.subtract(1, ops.power(beta_2, step)))
        denominator = ops.add(ops.sqrt(corrected), ops.cast(self.epsilon, dtype))
        self.assign_sub(z, ops.divide(ops.multiply(lr, gradient), denominator))
        weight = ops.divide(1.0, step)
        x_old = ops.divide(ops.subtract(y_old, ops.multiply(ops.subtract(1, beta_1), z_old)), beta_1)
        x_new = ops.add(ops.multiply(ops.subtract(1, weight), x_old), ops.multiply(weight, z))
        self.assign(variable, ops.add(ops.multiply(ops.subtract(1, beta_1), z), ops.multiply(beta_1, x_new)))

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
            "warmup_steps": self.warmup_steps,
        }
