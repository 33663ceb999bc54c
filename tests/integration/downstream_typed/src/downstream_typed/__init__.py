"""A downstream library that subclasses Layer and Model; `mypy --strict` must accept it."""

from __future__ import annotations

from typing import Any

import numpy as np

import keras
from keras import ops


class Scale(keras.layers.Layer):
    """Multiply the last axis by a learned vector."""

    def __init__(self, initial: float = 1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.initial = initial

    def build(self, input_shape: tuple[int | None, ...]) -> None:
        self.scale = self.add_weight(
            shape=(input_shape[-1] or 1,), initializer=keras.initializers.Constant(self.initial)
        )

    def call(self, inputs: Any) -> Any:
        return ops.multiply(inputs, self.scale)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "initial": self.initial}


class Regressor(keras.Model):
    """Dense -> Scale."""

    def __init__(self, units: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.dense = keras.layers.Dense(units)
        self.scale = Scale(2.0)

    def call(self, inputs: Any) -> Any:
        return self.scale(self.dense(inputs))


def train(samples: int = 32) -> float:
    """Fit a Regressor on random data and return the final loss."""
    x = np.random.default_rng(0).normal(size=(samples, 3)).astype("float32")
    y = x.sum(axis=1, keepdims=True)
    model = Regressor(1)
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
    history = model.fit(x, y, epochs=2, verbose=0)
    loss: float = history.history["loss"][-1]
    return loss
