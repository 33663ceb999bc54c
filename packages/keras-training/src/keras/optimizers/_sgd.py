"""`SGD` and `Lion`: momentum-based first-order optimizers without second moments."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend._variable import Variable
from keras.ops._typing import Tensor
from keras.optimizers._optimizer import Optimizer


class SGD(Optimizer):
    """Gradient descent, optionally with (Nesterov) momentum.

    Without momentum: `w = w - learning_rate * g`. With momentum `m`:
    `velocity = m * velocity - learning_rate * g`, then `w = w + velocity`, or with
    `nesterov=True`, `w = w + m * velocity - learning_rate * g`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        momentum: A float in `[0, 1]`; 0 is plain gradient descent.
        nesterov: Whether to use Nesterov momentum.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Raises:
        ValueError: If `momentum` is not a float in `[0, 1]`.

    Example:

    >>> optimizer = keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)
    >>> optimizer.get_config()["momentum"]
    0.9
    """

    def __init__(
        self,
        learning_rate: Any = 0.01,
        momentum: float = 0.0,
        nesterov: bool = False,
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
        value: object = momentum
        if not isinstance(value, float) or not 0 <= value <= 1:
            raise ValueError(f"`momentum` must be a float between [0, 1]. Received: momentum={momentum}")
        self.momentum = momentum
        self.nesterov = nesterov
        self.momentums: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        super().build(var_list)
        if self.momentum != 0:
            self.momentums = self.add_optimizer_variables(var_list, "momentum")

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        lr = ops.cast(learning_rate, variable.dtype)
        gradient = ops.cast(gradient, variable.dtype)
        step = ops.multiply(gradient, lr)
        if self.momentum == 0:
            self.assign_sub(variable, step)
            return
        velocity = self.momentums[self._get_variable_index(variable)]
        assert velocity is not None
        momentum = ops.cast(self.momentum, variable.dtype)
        self.assign(velocity, ops.subtract(ops.multiply(velocity, momentum), step))
        if self.nesterov:
            self.assign_add(variable, ops.subtract(ops.multiply(velocity, momentum), step))
        else:
            self.assign_add(variable, velocity)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}


class Lion(Optimizer):
    """The Lion optimizer: steps of fixed size along the sign of a momentum blend.

    `w = w - learning_rate * sign(beta_1 * m + (1 - beta_1) * g)`, then
    `m = beta_2 * m + (1 - beta_2) * g`. Its steps are larger than Adam's for the same
    rate: use a 3-10x smaller learning rate.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        beta_1: Weight of the momentum in the step's sign; in `(0, 1]`.
        beta_2: Decay rate of the momentum.
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Raises:
        ValueError: If `beta_1` is not in `(0, 1]`.

    Example:

    >>> keras.optimizers.Lion(learning_rate=1e-4).get_config()["beta_2"]
    0.99
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.99,
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
        if beta_1 <= 0 or beta_1 > 1:
            raise ValueError(
                "Argument `beta_1` must be in the [0, 1] range. Otherwise, the optimizer degenerates to "
                f"SignSGD. Received: beta_1={beta_1}."
            )
        self._momentums: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        super().build(var_list)
        self._momentums = self.add_optimizer_variables(var_list, "momentum")

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        lr = ops.cast(learning_rate, variable.dtype)
        gradient = ops.cast(gradient, variable.dtype)
        beta_1 = ops.cast(self.beta_1, variable.dtype)
        beta_2 = ops.cast(self.beta_2, variable.dtype)
        m = self._momentums[self._get_variable_index(variable)]
        assert m is not None
        blend = ops.add(ops.multiply(m, beta_1), ops.multiply(gradient, ops.subtract(1.0, beta_1)))
        self.assign_sub(variable, ops.multiply(lr, ops.sign(blend)))
        self.assign(m, ops.add(ops.multiply(m, beta_2), ops.multiply(gradient, ops.subtract(1.0, beta_2))))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2}
