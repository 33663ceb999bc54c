"""The JAX trainer: pure steps over explicit state, compiled once with `jax.jit`.

The state is four lists of arrays (trainable, non-trainable, optimizer, metrics
variables). A loop gathers it from the `keras.Variable`s once, threads it through the
jitted steps (buffers donated, so updates happen in place), and writes it back only
when something reads the variables: at the end of an epoch and of each loop.
`train_step(state, data)` and `compute_loss_and_updates` are those of Keras 3's JAX
guide, so custom steps written for it work here. Under a `keras.distribution`, the
Variables are already placed (see the jax Variable) and each batch is split over the
devices by the distribution's data layout; `jax.jit` partitions the step accordingly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from keras import tree
from keras.backend._scopes import StatelessScope
from keras.distribution import distribute_tensor, distribution
from keras.trainers._data.data_utils import unpack_x_y_sample_weight
from keras.trainers._trainer import Trainer


class TrainState(NamedTuple):
    trainable_variables: list[Any]
    non_trainable_variables: list[Any]
    optimizer_variables: list[Any]
    metrics_variables: list[Any]


def _values(variables: list[Any]) -> list[Any]:
    return [v.value for v in variables]


def _distributed(batches: list[Any]) -> list[Any]:
    """The batches split over the devices as the active `keras.distribution` says (as given without one)."""
    active = distribution()
    if active is None:
        return batches

    def place(value: Any) -> Any:
        if value is None or not hasattr(value, "shape"):
            return value
        return distribute_tensor(value, active.get_data_layout(value.shape))

    return [tree.map_structure(place, batch) for batch in batches]


class JaxTrainer(Trainer):
    """Trainer whose steps are pure functions of the state (see module docstring)."""

    _jax_state: TrainState | None = None
    _lent: tuple[list[Any], ...] | None = None
    _loop_groups: tuple[list[Any], list[Any], list[Any], list[Any]] | None = None
    _converts_batches = False
    _eval_state: Any = None
    _predict_state: Any = None

    def _resolve_jit_compile(self, jit_compile: Any) -> bool:
        return True if jit_compile == "auto" else bool(jit_compile)

    # --- stateless pieces ---------------------------------------------------------------

    def compute_loss_and_updates(
        self,
        trainable_variables: list[Any],
        non_trainable_variables: list[Any],
        metrics_variables: list[Any],
        x: Any,
        y: Any,
        sample_weight: Any,
        training: bool = False,
        optimizer_variables: Any = None,
    ) -> tuple[Any, tuple[Any, Any, list[Any], list[Any]]]:
        """Return `(scaled_loss, (unscaled_loss, y_pred, non_trainable, metrics))` statelessly."""
        kwargs = {"training": training} if training else {}
        y_pred, non_trainable_variables, losses = self.stateless_call(  # type: ignore[attr-defined]
            trainable_variables, non_trainable_variables, x, return_losses=True, **kwargs
        )
        mapping = list(zip(self.trainable_variables, trainable_variables, strict=True))  # type: ignore[attr-defined]
        mapping += list(zip(self.non_trainable_variables, non_trainable_variables, strict=True))  # type: ignore[attr-defined]
        # Metrics updated inside compute_loss (as custom models do) keep their updates.
        metric_vars = self.metrics_variables
        mapping += list(zip(metric_vars, metrics_variables, strict=True))
        with StatelessScope(state_mapping=mapping) as scope:
            self._losses_override = losses
            try:
                loss = self.compute_loss(x, y, y_pred, sample_weight, training=training)
            finally:
                self._losses_override = None
        metrics_variables = [
            old if (new := scope.get_current_value(v)) is None else new
            for v, old in zip(metric_vars, metrics_variables, strict=True)
        ]
        unscaled = loss
        if training and self.optimizer is not None and optimizer_variables is not None:
            with StatelessScope(
                state_mapping=list(zip(self.optimizer.variables, optimizer_variables, strict=True))
            ):
                loss = self.optimizer.scale_loss(loss)
        return loss, (unscaled, y_pred, non_trainable_variables, metrics_variables)

    def _stateless_metrics(
        self, metrics_variables: list[Any], loss: Any, x: Any, y: Any, y_pred: Any, sample_weight: Any
    ) -> tuple[dict[str, Any], list[Any]]:
        variables = self.metrics_variables
        with StatelessScope(state_mapping=list(zip(variables, metrics_variables, strict=True))) as scope:
            self._update_loss_tracker(loss, x)
            logs = self.compute_metrics(x, y, y_pred, sample_weight)
        new_values = []
        for variable, old in zip(variables, metrics_variables, strict=True):
            value = scope.get_current_value(variable)
            new_values.append(old if value is None else value)
        return logs, new_values

    def train_step(self, state: Any, data: Any) -> tuple[dict[str, Any], Any]:
        """One training step: `(logs, new_state)` from `(state, batch)`."""
        import jax

        trainable, non_trainable, optimizer_vars, metrics_vars = state
        x, y, sample_weight = unpack_x_y_sample_weight(data)
        grad_fn = jax.value_and_grad(self.compute_loss_and_updates, has_aux=True)
        (_, (loss, y_pred, non_trainable, metrics_vars)), grads = grad_fn(
            trainable,
            non_trainable,
            metrics_vars,
            x,
            y,
            sample_weight,
            training=True,
            optimizer_variables=optimizer_vars,
        )
        trainable, optimizer_vars = self.optimizer.stateless_apply(optimizer_vars, grads, trainable)
        logs, metrics_vars = self._stateless_metrics(metrics_vars, loss, x, y, y_pred, sample_weight)
        return logs, TrainState(trainable, non_trainable, optimizer_vars, metrics_vars)

    def test_step(self, state: Any, data: Any) -> tuple[dict[str, Any], Any]:
        """One evaluation step: `(logs, new_state)`; state is (trainable, non-trainable, metrics)."""
        trainable, non_trainable, metrics_vars = state
        x, y, sample_weight = unpack_x_y_sample_weight(data)
        _, (loss, y_pred, non_trainable, metrics_vars) = self.compute_loss_and_updates(
            trainable, non_trainable, metrics_vars, x, y, sample_weight, training=False
        )
        logs, metrics_vars = self._stateless_metrics(metrics_vars, loss, x, y, y_pred, sample_weight)
        return logs, (trainable, non_trainable, metrics_vars)

    def predict_step(self, state: Any, data: Any) -> tuple[Any, Any]:
        """One prediction step: `(outputs, non_trainable)`."""
        trainable, non_trainable = state
        x, _, _ = unpack_x_y_sample_weight(data)
        outputs, non_trainable = self.stateless_call(trainable, non_trainable, x)  # type: ignore[attr-defined]
        return outputs, non_trainable

    # --- compiled functions -------------------------------------------------------------

    def _compile(self, step: Callable[..., Any], donate: bool) -> Callable[..., Any]:
        import jax

        def multi_step(state: Any, batches: list[Any]) -> tuple[Any, Any]:
            logs: Any = None
            for batch in batches:
                logs, state = step(state, batch)
            return logs, state

        if self.run_eagerly or not self.jit_compile:
            return multi_step
        return jax.jit(multi_step, donate_argnums=(0,) if donate else ())

    def make_train_function(self, force: bool = False) -> Callable[..., Any]:
        if self.train_function is None or force:
            compiled = self._compile(self.train_step, donate=True)

            def run(batches: list[Any]) -> Any:
                logs, state = compiled(self._jax_state or self._take_state(), _distributed(batches))
                self._hold(TrainState(*state))
                return logs

            self.train_function = run
        return self.train_function

    def make_test_function(self, force: bool = False) -> Callable[..., Any]:
        if self.test_function is None or force:
            compiled = self._compile(self.test_step, donate=False)

            def run(batches: list[Any]) -> Any:
                state = self._eval_state
                logs, (_, non_trainable, metrics_vars) = compiled(state, _distributed(batches))
                self._eval_state = (state[0], non_trainable, metrics_vars)
                return logs

            self.test_function = run
        return self.test_function

    def make_predict_function(self, force: bool = False) -> Callable[..., Any]:
        if self.predict_function is None or force:
            import jax

            def step(state: Any, batch: Any) -> tuple[Any, Any]:
                return self.predict_step(state, batch)

            compiled = step if self.run_eagerly or not self._jit_compile_for_predict() else jax.jit(step)

            def run(batches: list[Any]) -> list[Any]:
                outputs = []
                for batch in _distributed(batches):
                    out, non_trainable = compiled(self._predict_state, batch)
                    self._predict_state = (self._predict_state[0], non_trainable)
                    outputs.append(out)
                return outputs

            self.predict_function = run
        return self.predict_function

    def _jit_compile_for_predict(self) -> bool:
        return self._jit_compile is not False

    # --- state movement -----------------------------------------------------------------
    #
    # A training loop takes its state from the Variables on its first step, without
    # copies: each Variable lends its value (`Variable._lend`), as the step donates the
    # buffers. Reading or assigning any lent Variable calls `_reclaim`, which writes the
    # loop's current state back and drops it; the next step takes the state again. So a
    # callback that reads the weights or sets the learning rate between two steps sees,
    # and is seen by, the training. Evaluation and prediction donate nothing and read the
    # Variables' values directly.

    def _state_groups(self) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
        return (
            self.trainable_variables,  # type: ignore[attr-defined]
            self.non_trainable_variables,  # type: ignore[attr-defined]
            self.optimizer.variables,
            self.metrics_variables,
        )

    def _take_state(self) -> TrainState:
        groups = self._loop_groups or self._state_groups()
        state = TrainState(*([v._lend(self._reclaim) for v in group] for group in groups))
        self._lent = groups
        self._jax_state = state
        return state

    def _hold(self, state: TrainState) -> None:
        """Keep the state a step returned; lend again if something reclaimed during the step."""
        self._jax_state = state
        if self._lent is None:  # a value was read while the step was being traced
            self._lent = self._loop_groups or self._state_groups()
            for group in self._lent:
                for variable in group:
                    variable._lend(self._reclaim)

    def _reclaim(self) -> None:
        state, groups = self._jax_state, self._lent
        self._jax_state = None
        self._lent = None
        if state is None or groups is None:
            return
        for variables, values in zip(groups, state, strict=True):
            for variable, value in zip(variables, values, strict=True):
                variable._take_back(value)

    def jax_state_sync(self) -> None:
        """Write the training state held by the running loop back into the Variables."""
        self._reclaim()

    def _sync_variables(self) -> None:
        self._reclaim()

    def _begin_loop(self, mode: str) -> None:
        if mode == "train":
            # Walking the model for its variables is the largest fixed cost of a short
            # `fit`; the lists cannot change while the loop runs.
            self._loop_groups = self._state_groups()
            return
        trainable = _values(self.trainable_variables)  # type: ignore[attr-defined]
        non_trainable = _values(self.non_trainable_variables)  # type: ignore[attr-defined]
        if mode in ("test", "test_in_fit"):
            self._eval_state = (trainable, non_trainable, _values(self.metrics_variables))
        else:
            self._predict_state = (trainable, non_trainable)

    def _end_loop(self, mode: str) -> None:
        if mode == "train":
            self._reclaim()
            self._loop_groups = None
        elif mode in ("test", "test_in_fit"):
            _, non_trainable, metrics_vars = self._eval_state
            for variable, value in zip(self.metrics_variables, metrics_vars, strict=True):
                variable.assign(value)
            if mode == "test":
                for variable, value in zip(self.non_trainable_variables, non_trainable, strict=True):  # type: ignore[attr-defined]
                    variable.assign(value)
            self._eval_state = None
        else:
            self._predict_state = None
