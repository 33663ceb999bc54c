"""`Trainer`: compile, fit, evaluate, predict and the on-batch methods, written once.

A backend's trainer (`_jax_trainer`, `_tensorflow_trainer`, `_torch_trainer`,
`_numpy_trainer`) supplies only the steps (`train_step`, `test_step`, `predict_step` in
that backend's style), the `make_*_function`s that compile them, and how state moves
between its compiled functions and the `keras.Variable`s.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from keras import ops, tree
from keras.backend._switches import max_epochs, max_steps_per_epoch
from keras.layers._layer import tracking_generation
from keras.trainers._compile_utils import CompileLoss, CompileMetrics
from keras.trainers._data.data_utils import train_validation_split, unpack_x_y_sample_weight
from keras.trainers._data.epoch_iterator import EpochIterator


def _flatten_logs(logs: Mapping[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in logs.items():
        if isinstance(value, Mapping):
            flat.update(_flatten_logs(value))
        else:
            flat[key] = value
    return flat


def _to_python(logs: Mapping[str, Any]) -> dict[str, Any]:
    result = {}
    for key, value in _flatten_logs(logs).items():
        array = np.asarray(ops.convert_to_numpy(value)) if value is not None else None
        result[key] = float(array) if array is not None and array.ndim == 0 else array
    return result


class Trainer:
    """The training API shared by every backend; see each method's docstring."""

    def __init__(self) -> None:
        self.compiled = False
        self.optimizer: Any = None
        self.loss: Any = None
        self.stop_training = False
        self.history: Any = None
        self.steps_per_execution = 1
        self._run_eagerly = False
        self._jit_compile: bool | None = None
        self._compile_config: dict[str, Any] | None = None
        self._compile_loss: CompileLoss | None = None
        self._compile_metrics: CompileMetrics | None = None
        self._loss_tracker: Any = None
        self._losses_override: list[Any] | None = None
        self.train_function: Callable[..., Any] | None = None
        self.test_function: Callable[..., Any] | None = None
        self.predict_function: Callable[..., Any] | None = None

    # --- compile ------------------------------------------------------------------------

    def compile(
        self,
        optimizer: Any = "rmsprop",
        loss: Any = None,
        loss_weights: Any = None,
        metrics: Any = None,
        weighted_metrics: Any = None,
        run_eagerly: bool = False,
        steps_per_execution: int = 1,
        jit_compile: Any = "auto",
        auto_scale_loss: bool = True,
    ) -> None:
        """Configure the model for training.

        Args:
            optimizer: An optimizer or its name.
            loss: A loss (name, function or `keras.losses.Loss`), or a list/dict per output.
            loss_weights: Per-output weights of the losses (list or dict).
            metrics: Metrics to report (names, functions or `keras.metrics.Metric`s), or a
                list/dict per output. `"accuracy"` picks the variant that fits the data.
            weighted_metrics: Metrics that take `sample_weight`/`class_weight` into account.
            run_eagerly: Whether to run steps without compiling them (for debugging).
            steps_per_execution: How many batches each compiled call processes.
            jit_compile: Whether to compile with XLA (`"auto"`: where the backend does it well).
            auto_scale_loss: Whether to scale the loss under the `mixed_float16` policy.
        """
        from keras import metrics as metrics_module
        from keras import optimizers

        self.optimizer = optimizers.get(optimizer)
        policy = getattr(self, "dtype_policy", None)
        mixed = policy is not None and getattr(policy, "name", "") == "mixed_float16"
        if auto_scale_loss and mixed and not isinstance(self.optimizer, optimizers.LossScaleOptimizer):
            self.optimizer = optimizers.LossScaleOptimizer(self.optimizer)
        self.loss = loss
        output_names = self._output_names_for_compile()
        self._compile_loss = CompileLoss(loss, loss_weights, output_names) if loss is not None else None
        self._compile_metrics = (
            CompileMetrics(metrics, weighted_metrics, output_names, loss=loss)
            if metrics is not None or weighted_metrics is not None
            else None
        )
        self._loss_tracker = metrics_module.Mean(name="loss")
        if steps_per_execution < 1:
            raise ValueError(
                f"`steps_per_execution` must be >= 1. Received: steps_per_execution={steps_per_execution}"
            )
        self.steps_per_execution = int(steps_per_execution)
        self._run_eagerly = bool(run_eagerly)
        self._jit_compile = self._resolve_jit_compile(jit_compile)
        self._compile_config = {
            "optimizer": self.optimizer,
            "loss": loss,
            "loss_weights": loss_weights,
            "metrics": metrics,
            "weighted_metrics": weighted_metrics,
            "run_eagerly": run_eagerly,
            "steps_per_execution": steps_per_execution,
            "jit_compile": self._jit_compile,
        }
        self.train_function = self.test_function = self.predict_function = None
        self.compiled = True

    def _resolve_jit_compile(self, jit_compile: Any) -> bool:
        return False if jit_compile == "auto" else bool(jit_compile)

    def _output_names_for_compile(self) -> list[str]:
        return list(getattr(self, "output_names", []) or [])

    @property
    def run_eagerly(self) -> bool:
        return self._run_eagerly

    @run_eagerly.setter
    def run_eagerly(self, value: bool) -> None:
        self._run_eagerly = bool(value)
        self.train_function = self.test_function = self.predict_function = None

    @property
    def jit_compile(self) -> bool:
        return bool(self._jit_compile)

    @jit_compile.setter
    def jit_compile(self, value: bool) -> None:
        self._jit_compile = bool(value)
        self.train_function = self.test_function = self.predict_function = None

    def get_compile_config(self) -> dict[str, Any] | None:
        """Return what `compile` received (serialized into `.keras` files)."""
        if not self.compiled or self._compile_config is None:
            return None
        from keras.layers._serialization import serialize_keras_object

        return {key: serialize_keras_object(value) for key, value in self._compile_config.items()}

    def compile_from_config(self, config: dict[str, Any]) -> None:
        """Compile from `get_compile_config()`'s output."""
        from keras.layers._serialization import deserialize_keras_object

        config = {key: deserialize_keras_object(value) for key, value in config.items()}
        self.compile(**config)
        layer: Any = self
        if layer.built and self.optimizer is not None:
            self.optimizer.build(layer.trainable_variables)

    # --- losses and metrics -------------------------------------------------------------

    def compute_loss(
        self,
        x: Any = None,
        y: Any = None,
        y_pred: Any = None,
        sample_weight: Any = None,
        training: bool = True,
    ) -> Any:
        """Return the total loss: the compiled loss plus the model's own `losses`."""
        total = None
        if self._compile_loss is not None and y is not None:
            total = self._compile_loss(y, y_pred, sample_weight)
        layer: Any = self
        own = self._losses_override if self._losses_override is not None else layer.losses
        for value in own:
            value = ops.cast(value, "float32") if total is None else ops.cast(value, ops.dtype(total))
            total = value if total is None else ops.add(total, value)
        if total is None:
            if self._compile_loss is None and not own:
                raise ValueError(
                    "No loss to compute. Provide a `loss` argument in `compile()`, or add losses with `add_loss()`."
                )
            return ops.zeros(())
        return total

    def compute_metrics(self, x: Any, y: Any, y_pred: Any, sample_weight: Any = None) -> dict[str, Any]:
        """Update the compiled metrics and return every metric's current result."""
        if self._compile_metrics is not None and y is not None:
            self._compile_metrics.update_state(y, y_pred, sample_weight)
        return self.get_metrics_result()

    def get_metrics_result(self) -> dict[str, Any]:
        """Return `{name: value}` for every metric, nested results flattened."""
        results: dict[str, Any] = {}
        for metric in self.metrics:
            value = metric.result()
            if isinstance(value, Mapping):
                results.update(value)
            else:
                results[metric.name] = value
        return results

    @property
    def metrics(self) -> list[Any]:
        """The loss tracker and the compiled metrics container (override to add your own)."""
        found: list[Any] = []
        if self._loss_tracker is not None:
            found.append(self._loss_tracker)
        if self._compile_metrics is not None:
            found.append(self._compile_metrics)
        return found

    @property
    def metrics_names(self) -> list[str]:
        return [m.name for m in self.metrics]

    @property
    def metrics_variables(self) -> list[Any]:
        variables: list[Any] = []
        for metric in self.metrics:
            variables.extend(metric.variables)
        return variables

    def reset_metrics(self) -> None:
        for metric in self.metrics:
            metric.reset_state()

    def _update_loss_tracker(self, loss: Any, x: Any) -> None:
        if self._loss_tracker is not None and loss is not None:
            batch = ops.shape(tree.flatten(x)[0])[0] if x is not None else 1
            self._loss_tracker.update_state(loss, sample_weight=batch)

    # --- building -----------------------------------------------------------------------

    def _symbolic_build(self, batch: Any) -> None:
        """Create every variable (model, optimizer, metrics) before a step is compiled."""
        from keras.ops._keras_tensor import KerasTensor

        x, y, _ = unpack_x_y_sample_weight(batch)
        layer: Any = self

        def spec(value: Any) -> Any:
            if value is None:
                return None
            return KerasTensor(
                (None, *tuple(value.shape)[1:]),
                ops.dtype(value) if not isinstance(value, np.ndarray) else str(value.dtype),
            )

        y_pred = None
        if not layer.built or (self._compile_metrics is not None and not self._compile_metrics.built):
            x_spec = tree.map_structure(spec, x)
            y_pred = layer.compute_output_spec(x_spec) if layer.built else layer(x_spec)
        if self._compile_metrics is not None and not self._compile_metrics.built and y is not None:
            y_spec = tree.map_structure(spec, y)
            self._compile_metrics.build(y_spec, y_pred)
            if any(not metric.variables for metric in self._compile_metrics.metrics):
                # Some metrics (F1Score, R2Score, ...) create their variables on their
                # first update: run one on this batch, then forget it, so that compiled
                # steps see every variable from the start.
                converted = Trainer._convert_batch(self, batch)
                real_x, real_y, _ = unpack_x_y_sample_weight(converted)
                self._compile_metrics.update_state(real_y, layer(real_x, training=False))
                self._compile_metrics.reset_state()
        if self._compile_loss is not None:
            self._compile_loss.build()
        if self.optimizer is not None and not getattr(self.optimizer, "built", False):
            self.optimizer.build(layer.trainable_variables)

    def _assert_compiled(self, method: str) -> None:
        if not self.compiled:
            raise ValueError(f"You must call `compile()` before using the model ({method}).")

    # --- backend hooks ------------------------------------------------------------------

    def make_train_function(self, force: bool = False) -> Callable[..., Any]:
        raise NotImplementedError(
            f"{type(self).__name__}: a backend trainer must implement `make_train_function`."
        )

    def make_test_function(self, force: bool = False) -> Callable[..., Any]:
        raise NotImplementedError(
            f"{type(self).__name__}: a backend trainer must implement `make_test_function`."
        )

    def make_predict_function(self, force: bool = False) -> Callable[..., Any]:
        raise NotImplementedError(
            f"{type(self).__name__}: a backend trainer must implement `make_predict_function`."
        )

    def _begin_loop(self, mode: str) -> None:
        """Prepare backend state before a loop (JAX: gather variable values)."""

    def _sync_variables(self) -> None:
        """Write backend state back into the `keras.Variable`s (JAX)."""

    def _end_loop(self, mode: str) -> None:
        self._sync_variables()

    def _convert_batch(self, batch: Any) -> Any:
        """Native tensors for numpy leaves; `(x, y)` rather than `(x, y, None)`, as Keras hands steps."""

        def convert(value: Any) -> Any:
            if value is None or not isinstance(value, np.ndarray):
                return value
            return ops.convert_to_tensor(value)

        if isinstance(batch, tuple):
            while len(batch) > 1 and batch[-1] is None:
                batch = batch[:-1]
        if not self._converts_batches:
            return batch
        return tree.map_structure(convert, batch)

    # Compiled JAX steps take numpy batches directly (one transfer, no eager dispatch).
    _converts_batches = True

    # --- loops --------------------------------------------------------------------------

    def fit(
        self,
        x: Any = None,
        y: Any = None,
        batch_size: int | None = None,
        epochs: int = 1,
        verbose: Any = "auto",
        callbacks: Any = None,
        validation_split: float = 0.0,
        validation_data: Any = None,
        shuffle: bool = True,
        class_weight: Any = None,
        sample_weight: Any = None,
        initial_epoch: int = 0,
        steps_per_epoch: int | None = None,
        validation_steps: int | None = None,
        validation_batch_size: int | None = None,
        validation_freq: int = 1,
    ) -> Any:
        """Train the model for `epochs` passes over the data.

        Args:
            x: Inputs: arrays (or a list/dict of them), a `tf.data.Dataset`, a torch
                `DataLoader`, a generator or a `keras.utils.PyDataset`.
            y: Targets, when `x` is arrays.
            batch_size: Samples per step, for arrays (32 by default).
            epochs: The epoch to stop after.
            verbose: 0 silent, 1 progress bar, 2 one line per epoch; `"auto"` is 1.
            callbacks: `keras.callbacks.Callback`s.
            validation_split: Fraction of array data held out for validation (the last samples).
            validation_data: `(x_val, y_val)`, `(x_val, y_val, sample_weight)` or a dataset.
            shuffle: Whether to shuffle array data each epoch (`"batch"` shuffles batch order).
            class_weight: `{class_index: weight}` applied to the loss of each sample.
            sample_weight: Per-sample weights, for arrays.
            initial_epoch: The epoch to start from (to resume training).
            steps_per_epoch: Steps per epoch; by default one pass over the data.
            validation_steps: Validation steps; by default one pass.
            validation_batch_size: Validation batch size; `batch_size` by default.
            validation_freq: Validate every this many epochs.

        Returns:
            The `History` callback, whose `history` dict holds the per-epoch logs.
        """
        from keras.callbacks._callback_list import CallbackList

        self._assert_compiled("fit")
        self._check_can_train()
        if validation_split and validation_data is None:
            (x, y, sample_weight), validation_data = train_validation_split(
                (x, y, sample_weight), validation_split
            )
        step_cap = max_steps_per_epoch()
        if step_cap:
            steps_per_epoch = min(steps_per_epoch or step_cap, step_cap)
        iterator = EpochIterator(
            x, y, sample_weight, batch_size, steps_per_epoch, shuffle, class_weight, self.steps_per_execution
        )
        callback_list = CallbackList(
            callbacks,
            add_history=True,
            add_progbar=verbose != 0,
            verbose=1 if verbose == "auto" else verbose,
            epochs=epochs,
            steps=iterator.num_batches,
            model=self,
        )
        self.stop_training = False
        first = self._first_batch(iterator)
        self._symbolic_build(first)
        train_function = self.make_train_function()
        callback_list.on_train_begin()
        # BackupAndRestore sets `_initial_epoch` in on_train_begin to resume a run.
        initial_epoch = getattr(self, "_initial_epoch", None) or initial_epoch
        self._initial_epoch = None
        cap = max_epochs()
        epochs = min(epochs, cap) if cap else epochs
        epoch_logs: dict[str, Any] = {}
        self._begin_loop("train")
        for epoch in range(initial_epoch, epochs):
            self.reset_metrics()
            callback_list.on_epoch_begin(epoch)
            logs: Any = {}
            for step, batches in iterator.enumerate_epoch():
                callback_list.on_train_batch_begin(step)
                logs = train_function([self._convert_batch(b) for b in batches])
                callback_list.on_train_batch_end(step + len(batches) - 1, logs)
                if self.stop_training:
                    break
            self._sync_variables()
            epoch_logs = _to_python(logs) if logs else _to_python(self.get_metrics_result())
            if validation_data is not None and (epoch + 1) % validation_freq == 0:
                val_x, val_y, val_sw = unpack_x_y_sample_weight(validation_data)
                val_logs = self.evaluate(
                    val_x,
                    val_y,
                    sample_weight=val_sw,
                    batch_size=validation_batch_size or batch_size,
                    steps=validation_steps,
                    verbose=0,
                    return_dict=True,
                    _in_fit=True,
                )
                epoch_logs.update({f"val_{name}": value for name, value in val_logs.items()})
            callback_list.on_epoch_end(epoch, epoch_logs)
            if self.stop_training:
                break
        self._end_loop("train")
        callback_list.on_train_end(logs=epoch_logs)
        return self.history

    def _check_can_train(self) -> None:
        """Raise if the backend cannot train (numpy)."""

    def _first_batch(self, iterator: EpochIterator) -> Any:
        for _, batches in iterator.enumerate_epoch():
            iterator.reset()
            return batches[0]
        raise ValueError("The data given to the model is empty.")

    def evaluate(
        self,
        x: Any = None,
        y: Any = None,
        batch_size: int | None = None,
        verbose: Any = "auto",
        sample_weight: Any = None,
        steps: int | None = None,
        callbacks: Any = None,
        return_dict: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Return the loss and metrics of the model on the data.

        Args:
            x: Inputs (as for `fit`).
            y: Targets, when `x` is arrays.
            batch_size: Samples per step, for arrays (32 by default).
            verbose: 0 silent, 1 progress bar; `"auto"` is 1.
            sample_weight: Per-sample weights, for arrays.
            steps: Steps to run; by default one pass over the data.
            callbacks: `keras.callbacks.Callback`s.
            return_dict: Whether to return `{name: value}` instead of a list.

        Returns:
            The scalar loss, or `[loss, *metrics]`, or a dict when `return_dict`.
        """
        from keras.callbacks._callback_list import CallbackList

        in_fit = bool(kwargs.pop("_in_fit", False))
        if kwargs:
            raise ValueError(f"Arguments not recognized: {kwargs}")
        self._assert_compiled("evaluate")
        iterator = EpochIterator(
            x, y, sample_weight, batch_size, steps, False, None, self.steps_per_execution
        )
        callback_list = CallbackList(
            callbacks,
            add_progbar=verbose != 0,
            verbose=1 if verbose == "auto" else verbose,
            epochs=1,
            steps=iterator.num_batches,
            model=self,
        )
        first = self._first_batch(iterator)
        self._symbolic_build(first)
        test_function = self.make_test_function()
        self.reset_metrics()
        self._begin_loop("test" if not in_fit else "test_in_fit")
        callback_list.on_test_begin()
        logs: Any = {}
        for step, batches in iterator.enumerate_epoch():
            callback_list.on_test_batch_begin(step)
            logs = test_function([self._convert_batch(b) for b in batches])
            callback_list.on_test_batch_end(step + len(batches) - 1, logs)
        self._end_loop("test" if not in_fit else "test_in_fit")
        result = self._in_metrics_order(_to_python(logs) if logs else _to_python(self.get_metrics_result()))
        callback_list.on_test_end(result)
        if return_dict:
            return result
        values = list(result.values())
        return values[0] if len(values) == 1 else values

    def _in_metrics_order(self, logs: dict[str, Any]) -> dict[str, Any]:
        """Order logs as Keras returns them: loss, then each metric in compile order.

        Compiled JAX steps return dicts with sorted keys; lists from `evaluate` must not.
        """
        order = [m.name for m in self.metrics if m is not self._compile_metrics]
        if self._compile_metrics is not None:
            order[1:1] = [m.name for m in self._compile_metrics.metrics]
        ranked = {name: index for index, name in enumerate(order)}
        return dict(sorted(logs.items(), key=lambda item: ranked.get(item[0], len(ranked))))

    def predict(
        self,
        x: Any,
        batch_size: int | None = None,
        verbose: Any = "auto",
        steps: int | None = None,
        callbacks: Any = None,
    ) -> Any:
        """Return the model's outputs for the inputs, as numpy arrays.

        Args:
            x: Inputs (as for `fit`; targets in a dataset are ignored).
            batch_size: Samples per step, for arrays (32 by default).
            verbose: 0 silent, 1 progress bar; `"auto"` is 1.
            steps: Steps to run; by default one pass over the data.
            callbacks: `keras.callbacks.Callback`s.

        Returns:
            The outputs, concatenated over batches, with the model's output structure.
        """
        from keras.callbacks._callback_list import CallbackList

        iterator = EpochIterator(x, None, None, batch_size, steps, False, None, self.steps_per_execution)
        callback_list = CallbackList(
            callbacks,
            add_progbar=verbose != 0,
            verbose=1 if verbose == "auto" else verbose,
            epochs=1,
            steps=iterator.num_batches,
            model=self,
        )
        predict_function = self.make_predict_function()
        self._begin_loop("predict")
        callback_list.on_predict_begin()
        outputs: list[Any] = []
        for step, batches in iterator.enumerate_epoch():
            callback_list.on_predict_batch_begin(step)
            batch_outputs = predict_function([self._convert_batch(b) for b in batches])
            outputs.extend(batch_outputs)
            callback_list.on_predict_batch_end(step + len(batches) - 1, {"outputs": batch_outputs[-1]})
        self._end_loop("predict")
        callback_list.on_predict_end()
        if not outputs:
            raise ValueError("Unexpected result of `predict_function` (Empty batch_outputs).")
        return tree.map_structure(
            lambda *parts: np.concatenate([np.asarray(ops.convert_to_numpy(p)) for p in parts], axis=0),
            *outputs,
        )

    # --- on-batch -----------------------------------------------------------------------

    def train_on_batch(
        self,
        x: Any,
        y: Any = None,
        sample_weight: Any = None,
        class_weight: Any = None,
        return_dict: bool = False,
    ) -> Any:
        """Run one training step on a batch and return the metrics (running averages)."""
        self._assert_compiled("train_on_batch")
        self._check_can_train()
        if class_weight is not None:
            from keras.trainers._data.data_utils import class_weights_to_sample_weights

            if sample_weight is not None:
                raise ValueError(
                    "Arguments `sample_weight` and `class_weight` cannot be specified at the same time. "
                    f"Received: sample_weight={sample_weight}, class_weight={class_weight}"
                )
            sample_weight = class_weights_to_sample_weights(np.asarray(ops.convert_to_numpy(y)), class_weight)
        batch = (x, y, sample_weight)
        self._symbolic_build(batch)
        train_function = self.make_train_function()
        self.reset_metrics()  # as Keras: the logs are this batch's, not a running mean
        self._begin_loop("train")
        logs = train_function([self._convert_batch(batch)])
        self._end_loop("train")
        return self._on_batch_result(logs, return_dict)

    def test_on_batch(
        self, x: Any, y: Any = None, sample_weight: Any = None, return_dict: bool = False
    ) -> Any:
        """Run one evaluation step on a batch and return the metrics."""
        self._assert_compiled("test_on_batch")
        batch = (x, y, sample_weight)
        self._symbolic_build(batch)
        test_function = self.make_test_function()
        self.reset_metrics()
        self._begin_loop("test")
        logs = test_function([self._convert_batch(batch)])
        self._end_loop("test")
        return self._on_batch_result(logs, return_dict)

    def predict_on_batch(self, x: Any) -> Any:
        """Return the model's outputs for one batch, as numpy arrays."""
        predict_function = self.make_predict_function()
        self._begin_loop("predict")
        outputs = predict_function([self._convert_batch((x,))])
        self._end_loop("predict")
        return tree.map_structure(lambda p: np.asarray(ops.convert_to_numpy(p)), outputs[-1])

    def _on_batch_result(self, logs: Any, return_dict: bool) -> Any:
        result = self._in_metrics_order(_to_python(logs))
        if return_dict:
            return result
        values = list(result.values())
        return values[0] if len(values) == 1 else values


class EagerTrainer(Trainer):
    """The evaluation and prediction steps of the backends that run steps on live
    variables (TensorFlow, torch, numpy); JAX's pure steps are its own.

    Their steps read `trainable_variables` and `losses`, which walk every layer of the
    model, on every batch (twice, with `zero_grad`). While a loop runs, the walk's
    results are kept for as long as no layer's attributes or variables change
    (`tracking_generation`), so a callback that freezes a layer is still seen.
    """

    _loop_cache: dict[str, Any] | None = None
    _loop_depth = 0

    def _begin_loop(self, mode: str) -> None:
        super()._begin_loop(mode)
        self._loop_depth += 1
        if self._loop_cache is None:
            self._loop_cache = {}

    def _end_loop(self, mode: str) -> None:
        super()._end_loop(mode)
        self._loop_depth -= 1
        if self._loop_depth == 0:
            self._loop_cache = None

    def _walked(self, key: str, walk: Callable[[], Any]) -> Any:
        cache = self._loop_cache
        if cache is None:
            return walk()
        generation = tracking_generation()
        if cache.get("generation") != generation:
            cache.clear()
            cache["generation"] = generation
        if key not in cache:
            cache[key] = walk()
        return list(cache[key])  # a copy: callers may change the list they get

    @property
    def trainable_variables(self) -> list[Any]:
        parent: Any = super()
        result: list[Any] = self._walked("trainable_variables", lambda: parent.trainable_variables)
        return result

    def _flatten_layers(self, include_self: bool = True, recursive: bool = True) -> list[Any]:
        parent: Any = super()
        if not (include_self and recursive):
            return list(parent._flatten_layers(include_self, recursive))
        result: list[Any] = self._walked("layers", lambda: parent._flatten_layers(True, True))
        return result

    def test_step(self, data: Any) -> dict[str, Any]:
        """One evaluation step on a batch; returns the metrics."""
        x, y, sample_weight = unpack_x_y_sample_weight(data)
        layer: Any = self
        y_pred = layer(x, training=False)
        loss = self.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight, training=False)
        self._update_loss_tracker(loss, x)
        return self.compute_metrics(x, y, y_pred, sample_weight=sample_weight)

    def predict_step(self, data: Any) -> Any:
        """The model's outputs for a batch."""
        x, _, _ = unpack_x_y_sample_weight(data)
        layer: Any = self
        return layer(x, training=False)
