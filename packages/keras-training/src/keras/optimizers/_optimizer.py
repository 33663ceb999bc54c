"""`Optimizer`: the base class every optimizer builds on.

It owns what the optimizers share: the constructor arguments and their checks, the
`iterations` and learning-rate state, slot variables (`add_variable*`), the step
(`apply`: gradient filtering, loss-scale unscaling, gradient accumulation, clipping,
weight decay, the subclass's `update_step`, constraints, EMA), the stateless step the
JAX trainer jits (`stateless_apply`), and configs.

Each step is written with `keras.ops` and variable assignments only. Conditional
parts (accumulation, EMA overwrites) compute both outcomes and select with `ops.where`,
so one code path runs eagerly on every backend, inside `tf.function`, and inside
`jax.jit` under a `StatelessScope`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from keras import ops
from keras.backend import floatx
from keras.backend._name_scope import name_scope
from keras.backend._naming import unique_name
from keras.backend._scopes import StatelessScope
from keras.backend._variable import Variable
from keras.ops._typing import Tensor
from keras.optimizers import _clipping, _torch_fused
from keras.optimizers._support import (
    check_arguments,
    filter_empty_gradients,
    require_training_backend,
    resolve_initializer,
    slot_name,
    to_snake_case,
)
from keras.optimizers.schedules._schedule import LearningRateSchedule

OptimizerT = TypeVar("OptimizerT", bound="Optimizer")


class Optimizer:
    """Base class of optimizers: updates variables from their gradients.

    A subclass creates its slot variables in `build(var_list)` (with
    `add_variable_from_reference` or `add_optimizer_variables`), writes its update rule
    once in `update_step(gradient, variable, learning_rate)` with `keras.ops` and
    `self.assign`/`assign_add`/`assign_sub`, and adds its hyperparameters to `get_config`.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule`
            (called with `iterations`), or a callable taking no argument.
        weight_decay: If set, each step first shrinks variables by
            `variable * weight_decay * learning_rate` (decoupled weight decay).
        clipnorm: If set, clip each gradient to this L2 norm.
        clipvalue: If set, clip each gradient element to `[-clipvalue, clipvalue]`.
        global_clipnorm: If set, clip all gradients together to this global L2 norm.
            At most one of `clipnorm`, `clipvalue` and `global_clipnorm` may be set.
        use_ema: Whether to keep an exponential moving average of the variables.
        ema_momentum: The EMA's momentum: `average = m * average + (1 - m) * variable`.
        ema_overwrite_frequency: If set with `use_ema`, overwrite the variables with
            their average every this many steps; otherwise call `finalize_variable_values`.
        loss_scale_factor: If set, `scale_loss` multiplies the loss by it and `apply`
            divides the gradients by it.
        gradient_accumulation_steps: If set (an int >= 2), update the variables only every
            this many steps, with the mean of the gradients accumulated since the last update.
        name: The optimizer's name (the prefix of its variables' paths); by default the
            snake_case class name, made unique.
        **kwargs: `decay` is accepted and ignored with a warning (Keras 2); anything
            else raises.

    Example:

    >>> class PlainSGD(keras.optimizers.Optimizer):
    ...     def update_step(self, gradient, variable, learning_rate):
    ...         self.assign_sub(variable, keras.ops.multiply(learning_rate, gradient))
    >>> optimizer = PlainSGD(learning_rate=0.5)
    >>> optimizer.get_config()["learning_rate"]
    0.5
    """

    _variables: list[Variable]

    def __init__(
        self,
        learning_rate: Any,
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
        object.__setattr__(self, "_variables", [])
        if kwargs.pop("decay", None) is not None:
            warnings.warn("Argument `decay` is no longer supported and will be ignored.", stacklevel=2)
        if kwargs:
            raise ValueError(f"Argument(s) not recognized: {kwargs}")
        check_arguments(
            clipnorm, clipvalue, global_clipnorm, use_ema, ema_momentum, ema_overwrite_frequency,
            gradient_accumulation_steps,
        )  # fmt: skip
        self.name = name if name is not None else unique_name(to_snake_case(type(self).__name__))
        self.weight_decay = weight_decay
        self.clipnorm = clipnorm
        self.global_clipnorm = global_clipnorm
        self.clipvalue = clipvalue
        self.use_ema = use_ema
        self.ema_momentum = ema_momentum
        self.ema_overwrite_frequency = ema_overwrite_frequency
        self.loss_scale_factor = loss_scale_factor
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.built = False
        self._trainable_variables: list[Variable] = []
        self._trainable_variables_indices: dict[int, int] = {}
        self._accumulated_gradients: list[Variable | None] = []
        self._model_variables_moving_average: list[Variable | None] = []
        self._exclude_from_weight_decay: set[int] = set()
        self._exclude_from_weight_decay_pattern: re.Pattern[str] | None = None
        with name_scope(self.name, caller=self):
            self._iterations = Variable(
                0, name="iteration", dtype="int", trainable=False, aggregation="only_first_replica"
            )
        self._learning_rate: Any = None
        if isinstance(learning_rate, LearningRateSchedule) or callable(learning_rate):
            self._learning_rate = learning_rate
        else:
            if not isinstance(learning_rate, float):
                raise ValueError(
                    "Argument `learning_rate` should be float, or an instance of LearningRateSchedule, "
                    "or a callable (that takes in the current iteration value and returns the "
                    f"corresponding learning rate value). Received instead: learning_rate={learning_rate}"
                )
            with name_scope(self.name, caller=self):
                self._learning_rate = Variable(
                    learning_rate,
                    name="learning_rate",
                    dtype=floatx(),
                    trainable=False,
                    aggregation="only_first_replica",
                )

    # --- attribute tracking ---------------------------------------------------------

    def __setattr__(self, name: str, value: Any) -> None:
        if "_variables" not in self.__dict__:
            raise RuntimeError(
                f"In optimizer '{type(self).__name__}', you forgot to call `super().__init__()` as the "
                "first statement in the `__init__()` method. Go add it!"
            )
        if isinstance(value, Variable) and all(value is not v for v in self._variables):
            self._variables.append(value)
        object.__setattr__(self, name, value)

    def _untrack_variable(self, variable: Variable) -> None:
        self._variables[:] = [v for v in self._variables if v is not variable]

    # --- state ------------------------------------------------------------------------

    @property
    def iterations(self) -> Any:
        """The number of steps taken: a `Variable`, or with gradient accumulation the
        number of variable updates (`iterations // gradient_accumulation_steps`)."""
        if self.gradient_accumulation_steps:
            return ops.floor_divide(self._iterations, self.gradient_accumulation_steps)
        return self._iterations

    @property
    def variables(self) -> list[Variable]:
        """Every variable of the optimizer, in creation order (the saved order)."""
        return self._variables[:]

    @property
    def learning_rate(self) -> Any:
        """The current learning rate: the variable, or the schedule's value at `iterations`."""
        return self._get_current_learning_rate()

    @learning_rate.setter
    def learning_rate(self, learning_rate: Any) -> None:
        previous = self._learning_rate if isinstance(self._learning_rate, Variable) else None
        if isinstance(learning_rate, LearningRateSchedule) or callable(learning_rate):
            self._learning_rate = learning_rate
        elif previous is None:
            raise TypeError(
                "This optimizer was created with a `LearningRateSchedule` object (or a callable) as its "
                "`learning_rate` constructor argument, hence its learning rate is not settable. If you "
                "need the learning rate to be settable, you should instantiate the optimizer with a "
                "float `learning_rate` argument."
            )
        else:
            previous.assign(learning_rate)
        if previous is not None and not isinstance(self._learning_rate, Variable):
            self._untrack_variable(previous)

    def _get_current_learning_rate(self) -> Any:
        if isinstance(self._learning_rate, LearningRateSchedule):
            return self._learning_rate(self._iterations)
        if isinstance(self._learning_rate, Variable):
            return self._learning_rate
        if callable(self._learning_rate):
            return self._learning_rate()
        return self._learning_rate

    # --- slot variables ---------------------------------------------------------------

    def build(self, var_list: Sequence[Variable]) -> None:
        """Create the optimizer's variables for the trainable variables `var_list`.

        Subclasses call `super().build(var_list)` first, then add their slots.

        Args:
            var_list: The variables this optimizer will update, in the order of the
                gradients `apply` receives.
        """
        var_list = list(var_list)
        if self.use_ema:
            self._model_variables_moving_average = self.add_optimizer_variables(var_list, "average")
        for index, variable in enumerate(var_list):
            self._trainable_variables_indices[id(variable)] = index
            if self.gradient_accumulation_steps:
                self._accumulated_gradients.append(
                    self.add_variable_from_reference(variable, name="gradient_accumulator")
                )
        self._trainable_variables = var_list
        self.built = True

    def _get_variable_index(self, variable: Variable) -> int:
        return self._trainable_variables_indices[id(variable)]

    def add_variable(
        self,
        shape: Any,
        initializer: Any = "zeros",
        dtype: Any = None,
        aggregation: str = "none",
        layout: Any = None,
        name: str | None = None,
    ) -> Variable:
        """Create and track a non-trainable optimizer variable.

        Args:
            shape: Its shape (fully defined).
            initializer: `"zeros"`, `"ones"`, another initializer name, or a callable
                `(shape, dtype) -> tensor`.
            dtype: Its dtype; `floatx()` by default.
            aggregation: How distributed replicas combine it.
            layout: A distribution layout.
            name: Its name.

        Returns:
            The new `Variable`.
        """
        with name_scope(self.name, caller=self):
            variable = Variable(
                initializer=resolve_initializer(initializer),
                shape=shape,
                dtype=dtype,
                trainable=False,
                aggregation=aggregation,
                layout=layout,
                name=name,
            )
        if all(variable is not v for v in self._variables):
            self._variables.append(variable)
        return variable

    def add_variable_from_reference(
        self, reference_variable: Variable, name: str | None = None, initializer: Any = "zeros"
    ) -> Variable:
        """Create a slot variable shaped and typed like a model variable.

        Args:
            reference_variable: The model variable the slot belongs to.
            name: The slot's kind (`"momentum"`, ...); the variable is named
                `"{reference path with / as _}_{name}"`.
            initializer: As in `add_variable`.

        Returns:
            The new `Variable`.
        """
        return self.add_variable(
            shape=reference_variable.shape,
            initializer=initializer,
            dtype=reference_variable.dtype,
            name=slot_name(reference_variable, name),
            layout=getattr(reference_variable, "layout", None),
        )

    def add_optimizer_variables(
        self, trainable_variables: Iterable[Variable], name: str | Sequence[str], initializer: Any = "zeros"
    ) -> Any:
        """Create one slot (or one per name) for each trainable variable.

        Slots are interleaved per variable (as Keras orders them). A variable with
        `overwrite_with_gradient` gets `None` slots.

        Args:
            trainable_variables: The model variables.
            name: A slot name, or a list of them.
            initializer: One initializer, or one per name.

        Returns:
            A list of slots for one name; a tuple of lists for several.
        """
        names = [name] if isinstance(name, str) else list(name)
        if isinstance(initializer, (list, tuple)):
            initializers = list(initializer)
        else:
            initializers = [initializer] * len(names)
        if len(names) != len(initializers):
            raise ValueError(
                "The number of provided names must match the number of provided initializers.  "
                f"Received name='{name}', initializer='{initializer}'"
            )
        slots: tuple[list[Variable | None], ...] = tuple([] for _ in names)
        for variable in trainable_variables:
            for column, kind, slot_initializer in zip(slots, names, initializers, strict=True):
                if getattr(variable, "overwrite_with_gradient", False):
                    column.append(None)
                else:
                    column.append(self.add_variable_from_reference(variable, kind, slot_initializer))
        return slots[0] if isinstance(name, str) else slots

    # --- assignment (one place, so that a backend could specialize it) -----------------

    def assign(self, variable: Variable, value: Any) -> None:
        """Set `variable` to `value`; use this (not `variable.assign`) in `update_step`."""
        variable.assign(value)

    def assign_add(self, variable: Variable, value: Any) -> None:
        """Add `value` to `variable`."""
        variable.assign_add(value)

    def assign_sub(self, variable: Variable, value: Any) -> None:
        """Subtract `value` from `variable`."""
        variable.assign_sub(value)

    def update_step(self, gradient: Tensor, variable: Variable, learning_rate: Any) -> None:
        """Update one variable (and its slots) from its gradient: the optimizer's rule.

        Args:
            gradient: The (clipped, unscaled) gradient of `variable`.
            variable: The model variable to update.
            learning_rate: The current learning rate.
        """
        raise NotImplementedError(f"Optimizer '{type(self).__name__}' must implement `update_step()`.")

    # --- the step -----------------------------------------------------------------------

    def apply_gradients(self, grads_and_vars: Iterable[tuple[Any, Variable]]) -> Variable:
        """Apply `(gradient, variable)` pairs; see `apply`.

        Args:
            grads_and_vars: Pairs of a gradient and the variable it belongs to.

        Returns:
            The `iterations` variable (as `tf.keras` did).
        """
        pairs = list(grads_and_vars)
        self.apply([g for g, _ in pairs], [v for _, v in pairs])
        return self._iterations

    def apply(self, grads: Sequence[Any], trainable_variables: Sequence[Variable] | None = None) -> None:
        """Take one optimization step: update the variables from their gradients.

        Args:
            grads: One gradient per variable (`None` for a variable without gradient).
            trainable_variables: The variables, in the order of `grads`. On the first
                call they build the optimizer; later they must be variables it was built
                with. Omit them to use the variables it was built with.

        Raises:
            NotImplementedError: On the numpy backend, which cannot train.
            ValueError: If the optimizer is not built and no variables are given, if the
                counts differ, or if a variable is unknown.
        """
        require_training_backend(f"`{type(self).__name__}.apply()`")
        grads = list(grads)
        if not grads:
            return
        variables = self._resolve_variables(grads, trainable_variables)
        with name_scope(self.name, caller=self):
            grads, variables = filter_empty_gradients(grads, variables)
            grads, variables = self._overwrite_variables_directly_with_gradients(grads, variables)
            if grads:
                if self.loss_scale_factor is not None:
                    grads = [ops.divide(g, self.loss_scale_factor) for g in grads]
                self._apply_step(grads, variables)
                for variable in variables:
                    if variable.constraint is not None:
                        variable.assign(variable.constraint(variable))
        self._iterations.assign_add(1)

    def _resolve_variables(self, grads: list[Any], trainable_variables: Any) -> list[Variable]:
        if trainable_variables is None:
            if not self.built:
                raise ValueError(
                    "When passing `grads` without `variables`, the optimizer must already be built on a "
                    "list of variables. Call `optimizer.build(trainable_variables)` first."
                )
            if len(grads) != len(self._trainable_variables_indices):
                raise ValueError(
                    "When passing `grads` as a list of gradient tensors, the gradients must match "
                    f"`optimizer.variables` one-to-one. Received a list of {len(grads)} gradients, but "
                    f"the optimizer is tracking {len(self._trainable_variables)} trainable variables."
                )
            return list(self._trainable_variables)
        variables = list(trainable_variables)
        if not self.built:
            with name_scope(self.name, caller=self):
                self.build(variables)
            self.built = True
        for variable in variables:
            if id(variable) not in self._trainable_variables_indices:
                raise ValueError(
                    f"Unknown variable: {variable}. This optimizer can only be called for the variables "
                    "it was originally built with. When working with a new set of variables, you should "
                    "recreate a new optimizer instance."
                )
        return variables

    def _apply_step(self, grads: list[Any], variables: list[Variable]) -> None:
        """Clip, decay and update, with gradient accumulation and EMA around it."""
        if self.gradient_accumulation_steps:
            steps = self.gradient_accumulation_steps
            is_update = ops.equal(ops.mod(ops.add(self._iterations, 1), steps), 0)
            accumulators = [self._accumulated_gradients[self._get_variable_index(v)] for v in variables]
            sums = [ops.add(g, a) for g, a in zip(grads, accumulators, strict=True)]
            # Take the step with the mean gradient, then keep its results only on update steps.
            state = variables + self._slot_variables()
            before = [ops.copy(v.value) for v in state]
            self._update([ops.divide(s, steps) for s in sums], variables)
            for variable, old in zip(state, before, strict=True):
                variable.assign(ops.where(is_update, variable.value, old))
            for accumulator, total in zip(accumulators, sums, strict=True):
                if accumulator is not None:
                    accumulator.assign(ops.where(is_update, ops.zeros_like(total), total))
        else:
            self._update(grads, variables)
        if self.use_ema:
            self._update_model_variables_moving_average(self._trainable_variables)
            if self.ema_overwrite_frequency:
                overwrite = ops.equal(ops.mod(ops.add(self.iterations, 1), self.ema_overwrite_frequency), 0)
                for variable, average in zip(
                    self._trainable_variables, self._model_variables_moving_average, strict=True
                ):
                    if average is not None:
                        variable.assign(ops.where(overwrite, average.value, variable.value))

    def _update(self, grads: list[Any], variables: list[Variable]) -> None:
        grads = self._clip_gradients(grads)
        self._apply_weight_decay(variables)
        self._update_variables(grads, variables, self.learning_rate)

    def _update_variables(self, grads: list[Any], variables: list[Variable], learning_rate: Any) -> None:
        """Run `update_step` on each variable; a subclass may update shared state first.

        On eager torch, SGD and Adam(W) update all variables at once instead (see
        `_torch_fused`): the same rule, one library call per term.
        """
        fused = _torch_fused.fused_step(self, grads, variables)
        if fused is not None:
            fused(self, grads, variables, learning_rate)
            return
        for gradient, variable in zip(grads, variables, strict=True):
            self.update_step(gradient, variable, learning_rate)

    def _slot_variables(self) -> list[Variable]:
        """The variables `update_step` may change: all but counters, rate, accumulators, averages."""
        excluded = {id(self._iterations), id(self._learning_rate)}
        excluded.update(id(v) for v in self._accumulated_gradients if v is not None)
        excluded.update(id(v) for v in self._model_variables_moving_average if v is not None)
        return [v for v in self._variables if id(v) not in excluded]

    def _overwrite_variables_directly_with_gradients(
        self, grads: list[Any], variables: list[Variable]
    ) -> tuple[list[Any], list[Variable]]:
        """Set variables marked `overwrite_with_gradient` to their gradient (float8 scales)."""
        kept_grads: list[Any] = []
        kept_variables: list[Variable] = []
        for gradient, variable in zip(grads, variables, strict=True):
            if not getattr(variable, "overwrite_with_gradient", False):
                kept_grads.append(gradient)
                kept_variables.append(variable)
            elif self.gradient_accumulation_steps:
                is_update = ops.equal(
                    ops.mod(ops.add(self._iterations, 1), self.gradient_accumulation_steps), 0
                )
                accumulator = self._accumulated_gradients[self._get_variable_index(variable)]
                assert accumulator is not None
                largest = ops.maximum(gradient, accumulator.value)
                variable.assign(ops.where(is_update, largest, variable.value))
                accumulator.assign(ops.where(is_update, ops.zeros_like(largest), largest))
            else:
                variable.assign(gradient)
        return kept_grads, kept_variables

    def _clip_gradients(self, grads: list[Any]) -> list[Any]:
        if self.clipnorm and self.clipnorm > 0:
            return [_clipping.clip_by_norm(g, self.clipnorm) for g in grads]
        if self.global_clipnorm and self.global_clipnorm > 0:
            return _clipping.clip_by_global_norm(grads, self.global_clipnorm)
        if self.clipvalue and self.clipvalue > 0:
            return [_clipping.clip_by_value(g, self.clipvalue) for g in grads]
        return grads

    # --- weight decay -----------------------------------------------------------------

    def exclude_from_weight_decay(
        self, var_list: Iterable[Variable] | None = None, var_names: Iterable[str] | None = None
    ) -> None:
        """Exempt variables from weight decay (call it before training).

        Args:
            var_list: Variables to exempt.
            var_names: Substrings (regular expressions); a variable whose name matches
                any of them is exempt, e.g. `["bias"]`.
        """
        self._exclude_from_weight_decay = {id(v) for v in var_list or ()}
        names = sorted(set(var_names or ()))
        self._exclude_from_weight_decay_pattern = re.compile("|".join(names)) if names else None

    def _use_weight_decay(self, variable: Variable) -> bool:
        if id(variable) in self._exclude_from_weight_decay:
            return False
        pattern = self._exclude_from_weight_decay_pattern
        return pattern is None or pattern.search(variable.name) is None

    def _apply_weight_decay(self, variables: list[Variable]) -> None:
        if self.weight_decay is None:
            return
        for variable in variables:
            if self._use_weight_decay(variable):
                self._decay(variable, self.weight_decay)

    def _decay(self, variable: Variable, weight_decay: float) -> None:
        rate = ops.multiply(
            ops.cast(weight_decay, variable.dtype), ops.cast(self.learning_rate, variable.dtype)
        )
        variable.assign(ops.subtract(variable, ops.multiply(variable, rate)))

    # --- EMA --------------------------------------------------------------------------

    def _update_model_variables_moving_average(self, trainable_variables: list[Variable]) -> None:
        not_first_step = ops.not_equal(self.iterations, 0)
        for variable, average in zip(trainable_variables, self._model_variables_moving_average, strict=True):
            if average is None:
                continue
            momentum = ops.multiply(ops.cast(not_first_step, variable.dtype), self.ema_momentum)
            average.assign(
                ops.add(ops.multiply(momentum, average), ops.multiply(ops.subtract(1, momentum), variable))
            )

    def finalize_variable_values(self, var_list: Sequence[Variable]) -> None:
        """Finish training: with `use_ema`, overwrite `var_list` with their moving averages.

        Args:
            var_list: The model variables, in the order the optimizer was built with.
        """
        if not self.use_ema:
            return
        averages = self._model_variables_moving_average
        if len(var_list) != len(averages):
            raise ValueError(
                f"The length of model variables ({len(var_list)}) to override does not match the length "
                f"of model variables stored in the optimizer ({len(averages)}). Please check if the "
                "optimizer was called on your model."
            )
        for variable, average in zip(var_list, averages, strict=True):
            if average is not None:
                variable.assign(average)

    # --- stateless step (JAX trainer) -------------------------------------------------

    def stateless_apply(
        self, optimizer_variables: Sequence[Any], grads: Sequence[Any], trainable_variables: Sequence[Any]
    ) -> tuple[list[Any], list[Any]]:
        """Take one step on values instead of variables, returning the new values.

        Nothing is assigned: the optimizer's and the model's variables are read from the
        given values and their updates collected, so this runs inside `jax.jit`.

        Args:
            optimizer_variables: Values of `self.variables`, in order.
            grads: One gradient per trainable variable.
            trainable_variables: Values of the variables the optimizer was built with.

        Returns:
            `(new_trainable_values, new_optimizer_values)`.

        Raises:
            ValueError: If the optimizer is not built or a list has the wrong length.
        """
        if not self.built:
            raise ValueError(
                f"To call `stateless_apply`, {type(self).__name__} must be built (i.e. its variables "
                "must have been created). You can build it via `optimizer.build(trainable_variables)`."
            )
        if len(optimizer_variables) != len(self.variables):
            raise ValueError(
                "Argument `optimizer_variables` must be a list of tensors corresponding 1:1 to "
                f"{type(self).__name__}().variables. Received list with length {len(optimizer_variables)}, "
                f"but expected {len(self.variables)} variables."
            )
        if len(trainable_variables) != len(self._trainable_variables):
            raise ValueError(
                "Argument `trainable_variables` must be a list of tensors corresponding 1:1 to the "
                "trainable variables list that the optimizer was built with. Received "
                f"len(trainable_variables) == {len(trainable_variables)} whereas the optimizer was built "
                f"with {len(self._trainable_variables)} variables."
            )
        mapping = [
            *zip(self._trainable_variables, trainable_variables, strict=True),
            *zip(self.variables, optimizer_variables, strict=True),
        ]
        with StatelessScope(state_mapping=mapping) as scope:
            self.apply(list(grads))
        return (
            [scope.get_current_value(v) for v in self._trainable_variables],
            [scope.get_current_value(v) for v in self.variables],
        )

    # --- loss scaling, weights, config ----------------------------------------------

    def scale_loss(self, loss: Any) -> Any:
        """Multiply `loss` by `loss_scale_factor` (if set) before taking gradients.

        Args:
            loss: The loss tensor.

        Returns:
            The scaled loss.
        """
        if self.loss_scale_factor is not None:
            return ops.multiply(loss, self.loss_scale_factor)
        return loss

    def set_weights(self, weights: Sequence[Any]) -> None:
        """Set the optimizer's variables from arrays, in `variables` order."""
        if not self.built:
            raise ValueError(
                "You are calling `set_weights()` on an optimizer that has not yet been built. Please call "
                "`optimizer.build(trainable_variables)` to create the optimizer weights before calling "
                "`set_weights()`."
            )
        for variable, weight in zip(self.variables, weights, strict=False):
            if tuple(variable.shape) != tuple(weight.shape):
                raise ValueError(
                    f"Optimizer variable {variable.path} has shape {variable.shape} not compatible with "
                    f"provided weight shape {tuple(weight.shape)}."
                )
            variable.assign(weight)

    def save_own_variables(self, store: Any) -> None:
        """Write the variables' values into `store` under keys `"0"`, `"1"`, ..."""
        for index, variable in enumerate(self.variables):
            store[str(index)] = variable.numpy()

    def load_own_variables(self, store: Any) -> None:
        """Read the variables' values from `store` (skipped with a warning on a count mismatch)."""
        if len(store.keys()) != len(self.variables):
            message = (
                f"Skipping variable loading for optimizer '{self.name}', because it has "
                f"{len(self.variables)} variables whereas the saved optimizer has {len(store.keys())} variables. "
            )
            if not self.variables:
                message += "This is likely because the optimizer has not been called/built yet."
            warnings.warn(message, stacklevel=2)
            return
        for index, variable in enumerate(self.variables):
            variable.assign(store[str(index)])

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments (as Keras 3 orders them).

        Returns:
            A JSON-friendly dict; a schedule learning rate is serialized.
        """
        if isinstance(self._learning_rate, LearningRateSchedule):
            from keras.optimizers.schedules._serialization import serialize

            learning_rate: Any = serialize(self._learning_rate)
        elif isinstance(self._learning_rate, Variable):
            learning_rate = float(self._learning_rate.numpy())
        elif callable(self._learning_rate):
            from keras.layers._serialization import serialize_keras_object

            learning_rate = serialize_keras_object(self._learning_rate)
        else:
            learning_rate = float(self._learning_rate)
        return {
            "name": self.name,
            "learning_rate": learning_rate,
            "weight_decay": self.weight_decay,
            "clipnorm": self.clipnorm,
            "global_clipnorm": self.global_clipnorm,
            "clipvalue": self.clipvalue,
            "use_ema": self.use_ema,
            "ema_momentum": self.ema_momentum,
            "ema_overwrite_frequency": self.ema_overwrite_frequency,
            "loss_scale_factor": self.loss_scale_factor,
            "gradient_accumulation_steps": self.gradient_accumulation_steps,
        }

    @classmethod
    def from_config(
        cls: type[OptimizerT], config: dict[str, Any], custom_objects: dict[str, Any] | None = None
    ) -> OptimizerT:
        """Build an optimizer from the dict `get_config` returned (without its state).

        Args:
            config: The constructor arguments.
            custom_objects: Names of user classes and functions (for a custom schedule).

        Returns:
            A new optimizer.
        """
        config = dict(config)
        if isinstance(config.get("learning_rate"), dict):
            from keras.optimizers.schedules._serialization import deserialize

            config["learning_rate"] = deserialize(config["learning_rate"], custom_objects=custom_objects)
        return cls(**config)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"
