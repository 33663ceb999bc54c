"""compile/fit/evaluate/predict on each backend, checked against closed forms."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from keras import layers, ops, optimizers
from keras.backend import backend
from keras.trainers import Model, Sequential

needs_training = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend cannot train")

rng = np.random.default_rng(3)
X = rng.normal(size=(128, 4)).astype("float32")
W = np.array([[1.0], [-2.0], [0.5], [3.0]], dtype="float32")
Y = X @ W + 0.25


def linear_model() -> Model:
    inputs = layers.Input((4,))
    return Model(inputs, layers.Dense(1, kernel_initializer="zeros", name="lin")(inputs))


def to_numpy(x: Any) -> np.ndarray[Any, Any]:
    return np.asarray(ops.convert_to_numpy(x))


@needs_training
def test_fit_recovers_a_linear_map_and_history_has_every_epoch() -> None:
    model = linear_model()
    model.compile(optimizer=optimizers.Adam(0.05), loss="mse", metrics=["mae"])
    history = model.fit(X, Y, epochs=40, batch_size=32, verbose=0)
    assert sorted(history.history) == ["loss", "mae"]
    assert len(history.history["loss"]) == 40
    assert history.history["loss"][-1] < 1e-3
    kernel, bias = model.get_weights()
    np.testing.assert_allclose(kernel, W, atol=0.02)
    np.testing.assert_allclose(bias, [0.25], atol=0.02)


@needs_training
def test_one_sgd_step_equals_the_gradient_step_by_hand() -> None:
    model = linear_model()
    model.compile(optimizer=optimizers.SGD(0.1), loss="mse")
    loss = model.train_on_batch(X, Y)
    # loss at zero weights; gradient of mean((y_hat - y)^2) at w = 0, b = 0
    np.testing.assert_allclose(loss, np.mean(Y**2), rtol=1e-5)
    grad_w = -2 * X.T @ Y / len(X)
    grad_b = -2 * Y.mean(axis=0)
    kernel, bias = model.get_weights()
    np.testing.assert_allclose(kernel, -0.1 * grad_w, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(bias, -0.1 * grad_b, rtol=1e-4, atol=1e-6)


def test_evaluate_and_predict_match_closed_forms() -> None:
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    model.get_layer("lin").set_weights([W, np.array([0.0], "float32")])
    predictions = model.predict(X, batch_size=20, verbose=0)
    np.testing.assert_allclose(predictions, X @ W, rtol=1e-5, atol=1e-5)
    result = model.evaluate(X, Y, batch_size=20, verbose=0, return_dict=True)
    # every prediction is off by exactly 0.25: batch-size-weighted means equal the closed form
    np.testing.assert_allclose(result["loss"], 0.0625, rtol=1e-5)
    np.testing.assert_allclose(result["mae"], 0.25, rtol=1e-5)
    assert model.evaluate(X, Y, verbose=0) == pytest.approx([result["loss"], result["mae"]])


@needs_training
def test_sample_weight_zero_ignores_those_samples() -> None:
    model = linear_model()
    model.compile(optimizer=optimizers.SGD(0.1), loss="mse")
    weights = np.zeros(len(X), dtype="float32")
    loss = model.train_on_batch(X, Y, sample_weight=weights)
    assert loss == pytest.approx(0.0, abs=1e-7)
    kernel, bias = model.get_weights()
    np.testing.assert_allclose(kernel, 0.0, atol=1e-7)
    np.testing.assert_allclose(bias, 0.0, atol=1e-7)


@needs_training
def test_validation_split_reports_val_metrics() -> None:
    model = linear_model()
    model.compile(optimizer=optimizers.Adam(0.05), loss="mse")
    history = model.fit(X, Y, epochs=2, batch_size=32, validation_split=0.25, verbose=0)
    assert sorted(history.history) == ["loss", "val_loss"]


@needs_training
def test_steps_per_execution_gives_the_same_training() -> None:
    results = []
    for steps in (1, 4):
        model = linear_model()
        model.compile(optimizer=optimizers.SGD(0.05), loss="mse", steps_per_execution=steps)
        model.fit(X, Y, epochs=2, batch_size=16, shuffle=False, verbose=0)
        results.append(model.get_weights())
    for a, b in zip(*results, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


@needs_training
def test_multi_output_losses_by_name_with_weights() -> None:
    inputs = layers.Input((4,))
    first = layers.Dense(1, kernel_initializer="zeros", name="first")(inputs)
    second = layers.Dense(1, kernel_initializer="zeros", name="second")(inputs)
    model = Model(inputs, [first, second])
    model.compile(
        optimizer="sgd", loss={"first": "mse", "second": "mae"}, loss_weights={"first": 1.0, "second": 2.0}
    )
    loss = model.test_on_batch(X, [Y, Y])
    np.testing.assert_allclose(loss, np.mean(Y**2) + 2.0 * np.mean(np.abs(Y)), rtol=1e-5)


def test_fit_before_compile_is_refused() -> None:
    with pytest.raises(ValueError, match=r"You must call `compile\(\)`"):
        linear_model().fit(X, Y, verbose=0)


@pytest.mark.skipif(backend() != "numpy", reason="only the numpy backend refuses to train")
def test_numpy_backend_refuses_to_train_with_a_clear_message() -> None:
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(NotImplementedError, match=r"need the jax, torch or tensorflow backend"):
        model.fit(X, Y, verbose=0)


def test_mismatched_lengths_are_refused() -> None:
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(ValueError, match=r"Data cardinality is ambiguous"):
        model.evaluate(X, Y[:10], verbose=0)


class CustomStep(Sequential):
    """A train_step written the way each backend's Keras 3 guide writes it."""

    def train_step(self, *args: Any) -> Any:
        name = backend()
        if name == "jax":
            import jax

            state, data = args
            trainable, non_trainable, optimizer_vars, metrics_vars = state
            x, y = data
            grad_fn = jax.value_and_grad(self.compute_loss_and_updates, has_aux=True)
            (loss, (_, _, non_trainable, metrics_vars)), grads = grad_fn(
                trainable, non_trainable, metrics_vars, x, y, None, training=True
            )
            trainable, optimizer_vars = self.optimizer.stateless_apply(optimizer_vars, grads, trainable)
            return {"custom_loss": loss}, (trainable, non_trainable, optimizer_vars, metrics_vars)
        (data,) = args
        x, y = data
        if name == "tensorflow":
            import tensorflow as tf

            with tf.GradientTape() as tape:
                loss = self.compute_loss(y=y, y_pred=self(x, training=True))
            grads = tape.gradient(loss, self.trainable_variables)
            self.optimizer.apply(grads, self.trainable_variables)
            return {"custom_loss": loss}
        import torch

        self.zero_grad()
        loss = self.compute_loss(y=y, y_pred=self(x, training=True))
        loss.backward()
        grads = [v.value.grad for v in self.trainable_variables]
        with torch.no_grad():
            self.optimizer.apply(grads, self.trainable_variables)
        return {"custom_loss": loss}


@needs_training
def test_custom_train_step_in_the_backend_guide_style() -> None:
    model = CustomStep([layers.Input((4,)), layers.Dense(1, kernel_initializer="zeros")])
    model.compile(optimizer=optimizers.SGD(0.1), loss="mse")
    history = model.fit(X, Y, epochs=3, batch_size=128, shuffle=False, verbose=0)
    losses = history.history["custom_loss"]
    np.testing.assert_allclose(losses[0], np.mean(Y**2), rtol=1e-5)
    assert losses[2] < losses[1] < losses[0]


def test_evaluate_lists_loss_first_then_metrics_in_compile_order() -> None:
    from keras import metrics

    model = linear_model()
    model.compile(optimizer="sgd", loss="mse", metrics=[metrics.MeanAbsoluteError(name="abs"), "mse"])
    model.get_layer("lin").set_weights([W, np.array([0.0], "float32")])
    loss, abs_error, mse = model.evaluate(X, Y, verbose=0)
    assert loss == pytest.approx(0.0625, rel=1e-5)
    assert abs_error == pytest.approx(0.25, rel=1e-5)
    assert mse == pytest.approx(0.0625, rel=1e-5)
    assert list(model.evaluate(X, Y, verbose=0, return_dict=True)) == ["loss", "abs", "mse"]


@needs_training
def test_train_on_batch_reports_each_batch_own_loss() -> None:
    # w = 1, x = 1, y = 4, SGD(0.1) on mse: w grows by 0.6 * (4 - w) a step, so the loss of
    # step k is (4 - w_k)**2 = 9 * 0.64**k (Keras resets the metrics on every call).
    model = Sequential([layers.Input((1,)), layers.Dense(1, kernel_initializer="ones", use_bias=False)])
    model.compile(optimizer=optimizers.SGD(0.1), loss="mse", metrics=["mae"])
    x, y = np.ones((4, 1), "float32"), np.full((4, 1), 4.0, "float32")
    logs = [model.train_on_batch(x, y) for _ in range(3)]
    np.testing.assert_allclose([loss for loss, _ in logs], 9 * 0.64 ** np.arange(3), rtol=1e-5)
    np.testing.assert_allclose([mae for _, mae in logs], 3 * 0.8 ** np.arange(3), rtol=1e-5)
