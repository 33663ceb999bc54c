"""Variables read or written by callbacks while `fit` runs: the training sees them, and they see it.

The model is one weight `w` (Dense(1), no bias, kernel 1), fed x = 1, y = 0 with mean
squared error and SGD(0.1): each step multiplies `w` by 1 - 2 * lr = 0.8 exactly (in
float32, to 1e-6). The JAX trainer holds its state outside the Variables between steps
(`Variable._lend`); these tests pin that nothing is lost either way.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import callbacks, layers, optimizers
from keras.backend import backend
from keras.trainers import Sequential

pytestmark = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend cannot train")

X = np.ones((32, 1), dtype="float32")
Y = np.zeros((32, 1), dtype="float32")


def one_weight_model() -> tuple[Sequential, layers.Dense]:
    dense = layers.Dense(1, use_bias=False, kernel_initializer="ones")
    model = Sequential([layers.Input((1,)), dense])
    model.compile(optimizer=optimizers.SGD(0.1), loss="mse")
    return model, dense


def weight(dense: layers.Dense) -> float:
    return float(dense.kernel.numpy()[0, 0])


def test_learning_rate_set_in_on_epoch_begin_applies_to_that_epoch() -> None:
    model, dense = one_weight_model()
    seen: list[float] = []

    class FreezeAfterFirstEpoch(callbacks.Callback):
        def on_epoch_begin(self, epoch: int, logs: Any = None) -> None:
            if epoch == 1:
                model.optimizer.learning_rate.assign(0.0)

        def on_epoch_end(self, epoch: int, logs: Any = None) -> None:
            seen.append(weight(dense))

    model.fit(X, Y, batch_size=32, epochs=3, verbose=0, callbacks=[FreezeAfterFirstEpoch()])
    np.testing.assert_allclose(seen, [0.8, 0.8, 0.8], rtol=1e-6)


def test_weights_read_directly_between_steps_are_current() -> None:
    # The callback keeps the layer itself, not `self.model`: no explicit sync happens.
    model, dense = one_weight_model()
    seen: list[float] = []
    reader = callbacks.LambdaCallback(on_train_batch_end=lambda batch, logs: seen.append(weight(dense)))
    model.fit(X, Y, batch_size=8, epochs=2, verbose=0, shuffle=False, callbacks=[reader])
    np.testing.assert_allclose(seen, 0.8 ** np.arange(1, 9), rtol=1e-5)
    np.testing.assert_allclose(weight(dense), 0.8**8, rtol=1e-5)


def test_weights_assigned_between_steps_are_trained_from() -> None:
    model, dense = one_weight_model()

    def reset_after_second_step(batch: int, logs: Any) -> None:
        if batch == 1:
            dense.kernel.assign(np.full((1, 1), 10.0, dtype="float32"))

    resetter = callbacks.LambdaCallback(on_train_batch_end=reset_after_second_step)
    model.fit(X, Y, batch_size=8, epochs=1, verbose=0, shuffle=False, callbacks=[resetter])
    # Two steps from 10: 10 * 0.8 ** 2; the optimizer's step count went on counting.
    np.testing.assert_allclose(weight(dense), 10 * 0.8**2, rtol=1e-5)
    assert int(model.optimizer.iterations.numpy()) == 4


def test_evaluate_and_predict_inside_a_callback_use_the_current_weights() -> None:
    model, _ = one_weight_model()
    outputs: list[float] = []
    probe = callbacks.LambdaCallback(
        on_epoch_end=lambda epoch, logs: outputs.append(float(model.predict(X[:1], verbose=0)[0, 0]))
    )
    model.fit(X, Y, batch_size=32, epochs=2, verbose=0, callbacks=[probe])
    np.testing.assert_allclose(outputs, [0.8, 0.64], rtol=1e-6)
    np.testing.assert_allclose(model.evaluate(X, Y, verbose=0), 0.64**2, rtol=1e-5)


@pytest.mark.skipif(
    backend() != "torch", reason="compiled steps (jax, tensorflow) keep their variables until compile()"
)
def test_freezing_a_layer_in_a_callback_takes_effect_at_the_next_step() -> None:
    # The torch trainer reuses its walk of the model within a loop; a change of
    # `trainable` must still be seen at once.
    model, dense = one_weight_model()
    seen: list[float] = []

    def freeze_after_second_step(batch: int, logs: Any) -> None:
        seen.append(weight(dense))
        if batch == 1:
            dense.trainable = False

    freezer = callbacks.LambdaCallback(on_train_batch_end=freeze_after_second_step)
    model.fit(X, Y, batch_size=8, epochs=1, verbose=0, shuffle=False, callbacks=[freezer])
    np.testing.assert_allclose(seen, [0.8, 0.64, 0.64, 0.64], rtol=1e-6)
