"""The PyTorch trainer: eager steps with `loss.backward()`, optionally `torch.compile`d.

`train_step(data)` is the one of Keras 3's PyTorch guide (`zero_grad`, forward, loss,
`backward`, `optimizer.apply` under `no_grad`), so custom steps written for it work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras.trainers._data.data_utils import unpack_x_y_sample_weight
from keras.trainers._trainer import EagerTrainer


class TorchTrainer(EagerTrainer):
    """Trainer running eager PyTorch steps."""

    def zero_grad(self) -> None:
        """Forget the gradients accumulated on the trainable variables."""
        for variable in self.trainable_variables:
            variable.value.grad = None

    def train_step(self, data: Any) -> dict[str, Any]:
        """One training step on a batch; returns the metrics."""
        import torch

        x, y, sample_weight = unpack_x_y_sample_weight(data)
        self.zero_grad()
        y_pred = self(x, training=True)  # type: ignore[operator]
        loss = self.compute_loss(x=x, y=y, y_pred=y_pred, sample_weight=sample_weight, training=True)
        self._update_loss_tracker(loss, x)
        trainable = self.trainable_variables
        if trainable:
            self.optimizer.scale_loss(loss).backward()
            grads = [v.value.grad for v in trainable]
            with torch.no_grad():
                self.optimizer.apply(grads, trainable)
        return self.compute_metrics(x, y, y_pred, sample_weight=sample_weight)

    def _wrap(self, step: Callable[[Any], Any], grad: bool, collect: bool) -> Callable[[list[Any]], Any]:
        import torch

        compiled = step
        if self.jit_compile and not self.run_eagerly:
            compiled = torch.compile(step)

        def run(batches: list[Any]) -> Any:
            results = []
            for batch in batches:
                if grad:
                    results.append(compiled(batch))
                else:
                    with torch.no_grad():
                        results.append(compiled(batch))
            return results if collect else results[-1]

        return run

    def make_train_function(self, force: bool = False) -> Callable[..., Any]:
        if self.train_function is None or force:
            self.train_function = self._wrap(self.train_step, grad=True, collect=False)
        return self.train_function

    def make_test_function(self, force: bool = False) -> Callable[..., Any]:
        if self.test_function is None or force:
            self.test_function = self._wrap(self.test_step, grad=False, collect=False)
        return self.test_function

    def make_predict_function(self, force: bool = False) -> Callable[..., Any]:
        if self.predict_function is None or force:
            self.predict_function = self._wrap(self.predict_step, grad=False, collect=True)
        return self.predict_function
