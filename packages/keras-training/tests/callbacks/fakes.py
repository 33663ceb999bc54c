"""A small stand-in for `Model` and its optimizer: exactly what the callbacks use of them."""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from keras.callbacks import CallbackList


class FakeOptimizer:
    """An optimizer with a settable float `learning_rate`, `iterations` and a `name`."""

    def __init__(self, learning_rate: float = 0.1, name: str = "sgd") -> None:
        self._lr = np.float32(learning_rate)
        self.iterations = 0
        self.name = name
        self.built = True

    @property
    def learning_rate(self) -> Any:
        return self._lr  # a float32 scalar, as a backend variable converts to

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self._lr = np.float32(value)


class FakeMultiOptimizer:
    def __init__(self, *parts: FakeOptimizer) -> None:
        self.optimizers = list(parts)
        self.iterations = 0


class FakeMetric:
    def __init__(self, name: str, direction: str) -> None:
        self.name = name
        self._direction = direction


class FakeModel:
    """Weights are a list of numpy arrays; saving writes them (and the call) as JSON."""

    def __init__(self, weights: list[Any] | None = None, optimizer: Any = None) -> None:
        self.weights = [np.asarray(w, dtype="float32") for w in (weights or [[0.0, 0.0]])]
        self.optimizer = optimizer if optimizer is not None else FakeOptimizer()
        self.stop_training = False
        self.history: Any = None
        self.metrics: list[Any] = []
        self.built = True
        self.trainable_variables: list[Any] = []
        self.saved: list[tuple[str, str]] = []
        self.loaded: list[str] = []

    def get_weights(self) -> list[Any]:
        return [w.copy() for w in self.weights]

    def set_weights(self, weights: list[Any]) -> None:
        self.weights = [np.asarray(w, dtype="float32").copy() for w in weights]

    def _write(self, kind: str, filepath: str) -> None:
        with open(filepath, "w") as file:
            json.dump({"kind": kind, "weights": [w.tolist() for w in self.weights]}, file)
        self.saved.append((kind, filepath))

    def save(self, filepath: str, overwrite: bool = True) -> None:
        self._write("model", filepath)

    def save_weights(self, filepath: str, overwrite: bool = True) -> None:
        self._write("weights", filepath)

    def load_weights(self, filepath: str) -> None:
        with open(filepath) as file:
            self.set_weights(json.load(file)["weights"])
        self.loaded.append(filepath)


def run_fit(
    callbacks: list[Any],
    model: FakeModel,
    epoch_logs: list[dict[str, Any]],
    steps: int = 2,
    verbose: int = 0,
    initial_epoch: int = 0,
    on_epoch: Any = None,
) -> Any:
    """Drive the callbacks as `fit` does, one scripted logs dict per epoch; return the History."""
    callback_list = CallbackList(
        callbacks,
        add_history=True,
        add_progbar=verbose != 0,
        model=model,
        verbose=verbose,
        epochs=len(epoch_logs),
        steps=steps,
    )
    model.stop_training = False
    callback_list.on_train_begin()
    start = getattr(model, "_initial_epoch", initial_epoch)
    logs: dict[str, Any] = {}
    for epoch in range(start, len(epoch_logs)):
        callback_list.on_epoch_begin(epoch)
        for batch in range(steps):
            callback_list.on_train_batch_begin(batch)
            model.optimizer.iterations += 1
            callback_list.on_train_batch_end(
                batch, {k: v for k, v in epoch_logs[epoch].items() if not k.startswith("val_")}
            )
        if on_epoch is not None:
            on_epoch(epoch, model)
        logs = dict(epoch_logs[epoch])
        callback_list.on_epoch_end(epoch, logs)
        if model.stop_training:
            break
    callback_list.on_train_end(logs)
    return model.history
