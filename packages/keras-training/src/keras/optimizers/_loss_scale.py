"""`LossScaleOptimizer`: dynamic loss scaling around another optimizer (mixed precision)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from keras import ops
from keras.backend._name_scope import name_scope
from keras.backend._variable import Variable
from keras.optimizers._optimizer import Optimizer
from keras.optimizers._support import constant_initializer, require_training_backend

# Base-optimizer arguments that belong on the inner optimizer, with their defaults.
_INNER_ONLY = {
    "weight_decay": None,
    "clipnorm": None,
    "global_clipnorm": None,
    "clipvalue": None,
    "use_ema": False,
    "ema_momentum": 0.99,
    "ema_overwrite_frequency": None,
    "loss_scale_factor": None,
    "gradient_accumulation_steps": None,
}


class LossScaleOptimizer(Optimizer):
    """Scale the loss up to keep float16 gradients from underflowing, and adapt the scale.

    `scale_loss(loss)` multiplies the loss by the current scale; `apply` divides the
    gradients by it and lets the inner optimizer step. If any gradient is not finite
    (overflow), the step is skipped (no variable, slot or counter of the inner optimizer
    changes) and the scale is halved. After `dynamic_growth_steps` finite steps in a
    row, the scale doubles.

    Args:
        inner_optimizer: The `keras.optimizers.Optimizer` that takes the steps.
        initial_scale: The starting loss scale.
        dynamic_growth_steps: Finite steps in a row before the scale doubles.
        name: The optimizer's name.
        **kwargs: Base-optimizer arguments may only have their defaults here (set
            them on `inner_optimizer`); `dynamic=False` is no longer supported.

    Raises:
        ValueError: For `dynamic=False`, a base-optimizer argument with a non-default
            value, or an unknown argument.

    Example:

    >>> optimizer = keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD(), initial_scale=8.0)
    >>> float(optimizer.scale_loss(1.5))
    12.0
    """

    def __init__(
        self,
        inner_optimizer: Optimizer,
        initial_scale: float = 32768.0,
        dynamic_growth_steps: int = 2000,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        if not kwargs.pop("dynamic", True):
            raise ValueError(
                "LossScaleOptimizer no longer supports `dynamic=False`. Instead, simply set "
                "`loss_scale_factor` directly on the `inner_optimizer`."
            )
        for argument, default in _INNER_ONLY.items():
            if argument in kwargs and kwargs.pop(argument) != default:
                raise ValueError(
                    f"LossScaleOptimizer does not support `{argument}`. Instead, set `{argument}` on the "
                    "`inner_optimizer`."
                )
        if kwargs:
            raise ValueError(f"LossScaleOptimizer does not support arguments: `{'`, `'.join(kwargs)}`.")
        super().__init__(learning_rate=0.0, name=name)
        self.inner_optimizer = inner_optimizer
        self.initial_scale = initial_scale
        self.dynamic_growth_steps = dynamic_growth_steps
        self.inner_optimizer.loss_scale_factor = None

    def build(self, var_list: Sequence[Variable]) -> None:
        self.step_counter = self.add_variable((), initializer="zeros", dtype="int", name="step_counter")
        self.dynamic_scale = self.add_variable(
            (), initializer=constant_initializer(self.initial_scale), dtype="float32", name="dynamic_scale"
        )
        self.inner_optimizer.build(var_list)
        super().build(var_list)

    @property
    def variables(self) -> list[Variable]:
        return self._variables + self.inner_optimizer.variables

    @property
    def learning_rate(self) -> Any:
        return self.inner_optimizer.learning_rate

    @learning_rate.setter
    def learning_rate(self, learning_rate: Any) -> None:
        self.inner_optimizer.learning_rate = learning_rate

    @property
    def iterations(self) -> Any:
        return self.inner_optimizer.iterations

    def check_finite(self, grads: Sequence[Any]) -> Any:
        """Return a boolean scalar: whether every element of every gradient is finite."""
        finite = [ops.all(ops.isfinite(g)) for g in grads if g is not None]
        return ops.all(ops.stack(finite))

    def apply(self, grads: Sequence[Any], trainable_variables: Sequence[Variable] | None = None) -> None:
        require_training_backend(f"`{type(self).__name__}.apply()`")
        grads = list(grads)
        if not self.built:
            if trainable_variables is None:
                raise ValueError(
                    "When passing `grads` without `variables`, the optimizer must already be built on a "
                    "list of variables. Call `optimizer.build(trainable_variables)` first."
                )
            with name_scope(self.name, caller=self):
                self.build(trainable_variables)
            self.built = True
        variables = (
            list(trainable_variables) if trainable_variables is not None else self._trainable_variables
        )
        finite = self.check_finite(grads)
        scale = ops.copy(self.dynamic_scale.value)
        unscaled = [
            g
            if g is None or getattr(v, "overwrite_with_gradient", False)
            else ops.divide(g, ops.cast(scale, g.dtype))
            for g, v in zip(grads, variables, strict=True)
        ]
        # Take the inner step, then keep it only if the gradients were finite.
        state = [*variables, *self.inner_optimizer.variables]
        before = [ops.copy(v.value) for v in state]
        self.inner_optimizer.apply(unscaled, trainable_variables)
        for variable, old in zip(state, before, strict=True):
            variable.assign(ops.where(finite, variable.value, old))
        grow = ops.logical_and(finite, ops.equal(self.step_counter, self.dynamic_growth_steps - 1))
        self.dynamic_scale.assign(
            ops.where(finite, ops.where(grow, ops.multiply(scale, 2.0), scale), ops.multiply(scale, 0.5))
        )
        counter = ops.where(grow, ops.zeros_like(self.step_counter.value), ops.add(self.step_counter, 1))
        self.step_counter.assign(ops.where(finite, counter, ops.zeros_like(counter)))

    def scale_loss(self, loss: Any) -> Any:
        """Multiply `loss` by the current dynamic scale (the initial one before building)."""
        scale = self.dynamic_scale if self.built else self.initial_scale
        return ops.multiply(loss, scale)

    def finalize_variable_values(self, var_list: Sequence[Variable]) -> None:
        self.inner_optimizer.finalize_variable_values(var_list)

    def get_config(self) -> dict[str, Any]:
        from keras.layers._serialization import serialize_keras_object

        return {
            "name": self.name,
            "inner_optimizer": serialize_keras_object(self.inner_optimizer),
            "initial_scale": self.initial_scale,
            "dynamic_growth_steps": self.dynamic_growth_steps,
        }

    @classmethod
    def from_config(
        cls, config: dict[str, Any], custom_objects: dict[str, Any] | None = None
    ) -> LossScaleOptimizer:
        from keras.optimizers._serialization import deserialize

        config = dict(config)
        inner = deserialize(config.pop("inner_optimizer"), custom_objects=custom_objects)
        return cls(inner, **config)
