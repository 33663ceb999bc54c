"""`Ftrl`: Follow The Regularized Leader, with L1, L2 and L2-shrinkage regularization."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.backend._variable import Variable
from keras.ops._typing import Tensor
from keras.optimizers._optimizer import Optimizer
from keras.optimizers._support import constant_initializer

_NON_NEGATIVE = (
    "initial_accumulator_value",
    "l1_regularization_strength",
    "l2_regularization_strength",
    "l2_shrinkage_regularization_strength",
)


class Ftrl(Optimizer):
    """FTRL-Proximal: per-coordinate steps with closed-form L1/L2 regularization.

    With `p = -learning_rate_power`, `n_new = n + g**2`,
    `z = z + g + 2 * l2_shrinkage * w - (n_new**p - n**p) / lr * w`,
    `q = n_new**p / lr + 2 * (l2 + beta / (2 * lr))` and
    `w = (clip(z, -l1, l1) - z) / q`, then `n = n_new`.

    Args:
        learning_rate: A float, a schedule, or a callable returning the rate.
        learning_rate_power: How the per-coordinate rate falls; `<= 0` (-0.5 is Adagrad-like).
        initial_accumulator_value: The accumulators' starting value; `>= 0`.
        l1_regularization_strength: L1 strength; `>= 0`.
        l2_regularization_strength: L2 strength; `>= 0`.
        l2_shrinkage_regularization_strength: L2 shrinkage added to the gradient; `>= 0`.
        beta: The `beta` of the FTRL paper (adds `beta / (2 * lr)` to the L2 strength).
        weight_decay, clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum,
            ema_overwrite_frequency, loss_scale_factor, gradient_accumulation_steps,
            name, **kwargs: As in `keras.optimizers.Optimizer`.

    Raises:
        ValueError: If a strength or the initial accumulator is negative, or
            `learning_rate_power` is positive.

    Example:

    >>> keras.optimizers.Ftrl(l1_regularization_strength=0.01).get_config()["learning_rate_power"]
    -0.5
    """

    def __init__(
        self,
        learning_rate: Any = 0.001,
        learning_rate_power: float = -0.5,
        initial_accumulator_value: float = 0.1,
        l1_regularization_strength: float = 0.0,
        l2_regularization_strength: float = 0.0,
        l2_shrinkage_regularization_strength: float = 0.0,
        beta: float = 0.0,
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
        arguments = {
            "initial_accumulator_value": initial_accumulator_value,
            "l1_regularization_strength": l1_regularization_strength,
            "l2_regularization_strength": l2_regularization_strength,
            "l2_shrinkage_regularization_strength": l2_shrinkage_regularization_strength,
        }
        for argument in _NON_NEGATIVE:
            if arguments[argument] < 0.0:
                raise ValueError(
                    f"`{argument}` needs to be positive or zero. Received: {argument}={arguments[argument]}."
                )
        if learning_rate_power > 0.0:
            raise ValueError(
                "`learning_rate_power` needs to be negative or zero. "
                f"Received: learning_rate_power={learning_rate_power}."
            )
        self.learning_rate_power = learning_rate_power
        self.initial_accumulator_value = initial_accumulator_value
        self.l1_regularization_strength = l1_regularization_strength
        self.l2_regularization_strength = l2_regularization_strength
        self.l2_shrinkage_regularization_strength = l2_shrinkage_regularization_strength
        self.beta = beta
        self._accumulators: list[Variable | None] = []
        self._linears: list[Variable | None] = []

    def build(self, var_list: Any) -> None:
        if self.built:
            return
        super().build(var_list)
        self._accumulators, self._linears = self.add_optimizer_variables(
            var_list,
            ["accumulator", "linear"],
            initializer=[constant_initializer(self.initial_accumulator_value), "zeros"],
        )

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        lr = ops.cast(learning_rate, variable.dtype)
        gradient = ops.cast(gradient, variable.dtype)
        index = self._get_variable_index(variable)
        accumulator, linear = self._accumulators[index], self._linears[index]
        assert accumulator is not None and linear is not None
        power = -self.learning_rate_power
        l2 = ops.add(self.l2_regularization_strength, ops.divide(self.beta, ops.multiply(2.0, lr)))
        shrunk_gradient = ops.add(
            gradient, ops.multiply(2 * self.l2_shrinkage_regularization_strength, variable)
        )
        new_accumulator = ops.add(accumulator, ops.square(gradient))
        sigma = ops.divide(ops.subtract(ops.power(new_accumulator, power), ops.power(accumulator, power)), lr)
        self.assign_add(linear, ops.subtract(shrunk_gradient, ops.multiply(sigma, variable)))
        quadratic = ops.add(ops.divide(ops.power(new_accumulator, power), lr), ops.multiply(2.0, l2))
        l1 = self.l1_regularization_strength
        self.assign(variable, ops.divide(ops.subtract(ops.clip(linear, -l1, l1), linear), quadratic))
        self.assign(accumulator, new_accumulator)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "learning_rate_power": self.learning_rate_power,
            "initial_accumulator_value": self.initial_accumulator_value,
            "l1_regularization_strength": self.l1_regularization_strength,
            "l2_regularization_strength": self.l2_regularization_strength,
            "l2_shrinkage_regularization_strength": self.l2_shrinkage_regularization_strength,
            "beta": self.beta,
        }
