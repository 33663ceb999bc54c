"""The numpy trainer: inference only (`evaluate`, `predict`); training raises."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from keras.trainers._trainer import EagerTrainer


class NumpyTrainer(EagerTrainer):
    """Trainer for the numpy backend, which has no gradients."""

    def _check_can_train(self) -> None:
        raise NotImplementedError(
            "The numpy backend cannot train: it has no automatic differentiation. `fit` and `train_on_batch` "
            "need the jax, torch or tensorflow backend (set KERAS_BACKEND). `evaluate` and `predict` work here."
        )

    def train_step(self, data: Any) -> dict[str, Any]:
        self._check_can_train()
        return {}

    def make_train_function(self, force: bool = False) -> Callable[..., Any]:
        self._check_can_train()
        raise AssertionError("unreachable")

    def make_test_function(self, force: bool = False) -> Callable[..., Any]:
        if self.test_function is None or force:
            self.test_function = lambda batches: [self.test_step(b) for b in batches][-1]
        return self.test_function

    def make_predict_function(self, force: bool = False) -> Callable[..., Any]:
        if self.predict_function is None or force:
            self.predict_function = lambda batches: [self.predict_step(b) for b in batches]
        return self.predict_function
