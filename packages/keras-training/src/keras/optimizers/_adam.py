"""The Adam family: `Adam`, `AdamW`, `Adamax`, `Nadam` and `Lamb`.

All keep a first moment `m` and a second statistic `v` of the gradient per variable,
and correct their bias with `beta ** step`, where `step = iterations + 1`.
"""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend._variable import Variable
from keras.ops._typing import Tensor
from keras.optimizers._optimizer import Optimizer


def _moment_update(optimizer: Optimizer, slot: Variable, target: Tensor, beta: float) -> None:
    """`slot += (target - slot) * (1 - beta)`: the exponential moving average step."""
    optimizer.assign_add(slot, ops.multiply(ops.subtract(target, slot), 1 - beta))


class Adam(Optimizer):
    """Adam: steps scaled by running estimates of the gradient's first and second moments.

    With `t = iterations + 1`: `m = beta_1 * m + (1 - beta_1) * g`,
    `v = beta_2 * v + (1 - beta_2) * g**2` and
    `w = w - lr * sqrt(1 - beta_2**t) / (1 - beta_1**t) * m / (sqrt(v) + epsilon)`.
    With `amsgrad=True`, `v` in the step is replaced by its running maximum.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        beta_1: Decay rate of the first moment.
        beta_2: Decay rate of the second moment.
        epsilon: A small constant for numerical stability.
        amsgrad: Whether to use the AMSGrad variant.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.Adam(learning_rate=1e-3).get_config()["beta_2"]
    0.999
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-07,
        amsgrad: bool = False,
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
        self.amsgrad = amsgrad
        self._momentums: list[Variable | None] = []
        self._velocities: list[Variable | None] = []
        self._velocity_hats: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(var_list, ["momentum", "velocity"])
        if self.amsgrad:
            self._velocity_hats = self.add_optimizer_variables(var_list, "velocity_hat")

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        gradient = ops.cast(gradient, dtype)
        step = ops.cast(ops.add(self.iterations, 1), dtype)
        beta_1_power = ops.power(ops.cast(self.beta_1, dtype), step)
        beta_2_power = ops.power(ops.cast(self.beta_2, dtype), step)
        index = self._get_variable_index(variable)
        m, v = self._momentums[index], self._velocities[index]
        assert m is not None and v is not None
        alpha = ops.divide(
            ops.multiply(lr, ops.sqrt(ops.subtract(1, beta_2_power))), ops.subtract(1, beta_1_power)
        )
        _moment_update(self, m, gradient, self.beta_1)
        _moment_update(self, v, ops.square(gradient), self.beta_2)
        if self.amsgrad:
            v_hat = self._velocity_hats[index]
            assert v_hat is not None
            self.assign(v_hat, ops.maximum(v_hat, v))
            v = v_hat
        self.assign_sub(variable, ops.divide(ops.multiply(m, alpha), ops.add(ops.sqrt(v), self.epsilon)))

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
            "amsgrad": self.amsgrad,
        }


class AdamW(Adam):
    """Adam with decoupled weight decay (on by default).

    Before each Adam step, every variable not excluded from decay is shrunk:
    `w = w - w * weight_decay * learning_rate`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        weight_decay: The decay rate; required (not `None`).
        beta_1: Decay rate of the first moment.
        beta_2: Decay rate of the second moment.
        epsilon: A small constant for numerical stability.
        amsgrad: Whether to use the AMSGrad variant.
        clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Raises:
        ValueError: If `weight_decay` is `None`.

    Example:

    >>> keras.optimizers.AdamW().get_config()["weight_decay"]
    0.004
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        weight_decay: float | None = 0.004,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-07,
        amsgrad: bool = False,
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
            beta_1=beta_1,
            beta_2=beta_2,
            epsilon=epsilon,
            amsgrad=amsgrad,
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
        if self.weight_decay is None:
            raise ValueError("Argument `weight_decay` must be a float. Received: weight_decay=None")


class Adamax(Optimizer):
    """Adamax: Adam with the infinity norm of past gradients in place of the second moment.

    With `t = iterations + 1`: `m = beta_1 * m + (1 - beta_1) * g`,
    `u = max(beta_2 * u, |g|)` and `w = w - lr * m / ((1 - beta_1**t) * (u + epsilon))`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        beta_1: Decay rate of the first moment.
        beta_2: Decay rate of the infinity norm.
        epsilon: A small constant for numerical stability.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.Adamax().get_config()["epsilon"]
    1e-07
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
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
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self._m: list[Variable | None] = []
        self._u: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        super().build(var_list)
        self._m, self._u = self.add_optimizer_variables(var_list, ["momentum", "norm"])

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        gradient = ops.cast(gradient, dtype)
        step = ops.cast(ops.add(self.iterations, 1), dtype)
        beta_1_power = ops.power(ops.cast(self.beta_1, dtype), step)
        index = self._get_variable_index(variable)
        m, u = self._m[index], self._u[index]
        assert m is not None and u is not None
        _moment_update(self, m, gradient, self.beta_1)
        self.assign(u, ops.maximum(ops.multiply(self.beta_2, u), ops.abs(gradient)))
        denominator = ops.multiply(ops.subtract(1, beta_1_power), ops.add(u, self.epsilon))
        self.assign_sub(variable, ops.divide(ops.multiply(lr, m), denominator))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}


class Nadam(Optimizer):
    """Nadam: Adam with Nesterov momentum and a warming momentum schedule.

    With `t = iterations + 1` and `mu_t = beta_1 * (1 - 0.5 * 0.96**t)`, the product
    `P_t = mu_1 * ... * mu_t` is kept in a variable; then
    `m_hat = mu_{t+1} * m / (1 - P_t * mu_{t+1}) + (1 - mu_t) * g / (1 - P_t)`,
    `v_hat = v / (1 - beta_2**t)` and `w = w - lr * m_hat / (sqrt(v_hat) + epsilon)`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        beta_1: Decay rate of the first moment.
        beta_2: Decay rate of the second moment.
        epsilon: A small constant for numerical stability.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.Nadam().get_config()["beta_1"]
    0.9
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
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
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self._momentums: list[Variable | None] = []
        self._velocities: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        var_list = list(var_list)
        dtype = var_list[0].dtype if var_list else None
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(var_list, ["momentum", "velocity"])
        self._u_product = self.add_variable((), initializer="ones", dtype=dtype, name="u_product")

    def _mu(self, step: Tensor, dtype: str) -> Tensor:
        decay = ops.power(ops.cast(0.96, dtype), step)
        return ops.multiply(ops.cast(self.beta_1, dtype), ops.subtract(1.0, ops.multiply(0.5, decay)))

    def _update_variables(self, grads: list[Any], variables: list[Variable], learning_rate: Any) -> None:
        dtype = self._u_product.dtype
        step = ops.cast(ops.add(self.iterations, 1), dtype)
        self.assign(self._u_product, ops.multiply(self._u_product, self._mu(step, dtype)))
        super()._update_variables(grads, variables, learning_rate)

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        gradient = ops.cast(gradient, dtype)
        step = ops.cast(ops.add(self.iterations, 1), dtype)
        mu_t = self._mu(step, dtype)
        mu_next = self._mu(ops.add(step, 1), dtype)
        product = ops.cast(self._u_product, dtype)
        product_next = ops.multiply(product, mu_next)
        index = self._get_variable_index(variable)
        m, v = self._momentums[index], self._velocities[index]
        assert m is not None and v is not None
        _moment_update(self, m, gradient, self.beta_1)
        _moment_update(self, v, ops.square(gradient), self.beta_2)
        m_hat = ops.add(
            ops.divide(ops.multiply(mu_next, m), ops.subtract(1, product_next)),
            ops.divide(ops.multiply(ops.subtract(1, mu_t), gradient), ops.subtract(1, product)),
        )
        v_hat = ops.divide(v, ops.subtract(1, ops.power(ops.cast(self.beta_2, dtype), step)))
        self.assign_sub(variable, ops.divide(ops.multiply(m_hat, lr), ops.add(ops.sqrt(v_hat), self.epsilon)))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}


class Lamb(Optimizer):
    """LAMB: Adam steps rescaled per variable by the trust ratio `||w|| / ||step||`.

    With bias-corrected `m_hat = m / (1 - beta_1**t)`, `v_hat = v / (1 - beta_2**t)`
    and `step = m_hat / (sqrt(v_hat) + epsilon)`:
    `w = w - lr * ratio * step`, where `ratio = ||w|| / ||step||` (1 when either is 0).

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        beta_1: Decay rate of the first moment.
        beta_2: Decay rate of the second moment.
        epsilon: A small constant for numerical stability.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Example:

    >>> keras.optimizers.Lamb().get_config()["beta_1"]
    0.9
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
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
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self._momentums: list[Variable | None] = []
        self._velocities: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(var_list, ["momentum", "velocity"])

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        gradient = ops.cast(gradient, dtype)
        step = ops.cast(ops.add(self.iterations, 1), dtype)
        index = self._get_variable_index(variable)
        m, v = self._momentums[index], self._velocities[index]
        assert m is not None and v is not None
        _moment_update(self, m, gradient, self.beta_1)
        _moment_update(self, v, ops.square(gradient), self.beta_2)
        m_hat = ops.divide(m, ops.subtract(1.0, ops.power(ops.cast(self.beta_1, dtype), step)))
        v_hat = ops.divide(v, ops.subtract(1.0, ops.power(ops.cast(self.beta_2, dtype), step)))
        update = ops.divide(m_hat, ops.add(ops.sqrt(v_hat), self.epsilon))
        w_norm = ops.sqrt(ops.sum(ops.square(variable)))
        u_norm = ops.sqrt(ops.sum(ops.square(update)))
        both = ops.logical_and(ops.greater(w_norm, 0), ops.greater(u_norm, 0))
        ratio = ops.where(both, ops.divide(w_norm, ops.where(both, u_norm, 1.0)), 1.0)
        self.assign_sub(variable, ops.multiply(ops.multiply(ops.cast(ratio, dtype), lr), update))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}
