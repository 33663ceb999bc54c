"""The TensorFlow trainer: eager steps with `GradientTape`, compiled by `tf.function`.

`train_step(data)` is the one of Keras 3's TensorFlow guide (tape, `optimizer.apply`,
metrics updated in place), so custom steps written for it work unchanged.
`jit_compile=True` asks `tf.function` for XLA.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras.trainers._data.data_utils import unpack_x_y_sample_weight
from keras.trainers._trainer import EagerTrainer


class TensorFlowTrainer(EagerTrainer):
    """Trainer running eager TensorFlow steps under `tf.function`."""

    def train_step(self, data: Any) -> dict[str, Any]:
        """One training step on a batch; returns the metrics."""
        import tensorflow as tf

        x, y, sample_weight = unpack_x_y_sample_weight(data)
        trainable = self.trainable_variables
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)  # type: ignore[operator]
            loss = self.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight, training=True)
            self._update_loss_tracker(loss, x)
            scaled = self.optimizer.scale_loss(loss)
        if trainable:
            grads = tape.gradient(scaled, [v.value for v in trainable])
            self.optimizer.apply(grads, trainable)
        return self.compute_metrics(x, y, y_pred, sample_weight=sample_weight)

    def _compile_step(self, step: Callable[[Any], Any], collect: bool) -> Callable[[list[Any]], Any]:
        import tensorflow as tf

        def one(batch: Any) -> Any:
            return step(batch)

        compiled = one
        if not self.run_eagerly:
            # One trace per batch shape (full batches, then a partial last one): kernels
            # see static shapes, which every op supports; relaxing them to None would not.
            compiled = tf.function(one, jit_compile=self.jit_compile)

        def run(batches: list[Any]) -> Any:
            results = [compiled(batch) for batch in batches]
            return results if collect else results[-1]

        return run

    def make_train_function(self, force: bool = False) -> Callable[..., Any]:
        if self.train_function is None or force:
            self.train_function = self._compile_step(self.train_step, collect=False)
        return self.train_function

    def make_test_function(self, force: bool = False) -> Callable[..., Any]:
        if self.test_function is None or force:
            self.test_function = self._compile_step(self.test_step, collect=False)
        return self.test_function

    def make_predict_function(self, force: bool = False) -> Callable[..., Any]:
        if self.predict_function is None or force:
            self.predict_function = self._compile_step(self.predict_step, collect=True)
        return self.predict_function
