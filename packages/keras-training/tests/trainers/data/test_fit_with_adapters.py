"""End to end: `fit`, `evaluate` and `predict` with every kind of data, on every backend."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pytest
from data_fixtures import ArrayPyDataset

from keras import layers, optimizers
from keras.backend import backend
from keras.trainers import Model, Sequential

# Like Keras, fit's default shuffle=True warns that a dataset, loader or generator is not reshuffled.
pytestmark = pytest.mark.filterwarnings("ignore:`shuffle=True` was passed")

needs_training = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")

rng = np.random.default_rng(0)
X = rng.normal(size=(64, 3)).astype("float32")
W = np.array([[2.0], [-1.0], [0.5]], dtype="float32")
Y = X @ W


class RegressionPyDataset(ArrayPyDataset):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(batch_size=16, **kwargs)

    def __len__(self) -> int:
        return 4

    def __getitem__(self, index: int) -> tuple[Any, Any]:
        return X[index * 16 : (index + 1) * 16], Y[index * 16 : (index + 1) * 16]


def as_arrays() -> dict[str, Any]:
    return {"x": X, "y": Y, "batch_size": 16}


def as_tf_dataset() -> dict[str, Any]:
    tf = pytest.importorskip("tensorflow", reason="this case needs tensorflow installed")

    return {"x": tf.data.Dataset.from_tensor_slices((X, Y)).batch(16)}


def as_torch_loader() -> dict[str, Any]:
    torch = pytest.importorskip("torch", reason="this case needs torch installed")

    dataset = torch.utils.data.TensorDataset(torch.from_numpy(X), torch.from_numpy(Y))
    return {"x": torch.utils.data.DataLoader(dataset, batch_size=16)}


def as_generator() -> dict[str, Any]:
    def forever() -> Iterator[tuple[Any, Any]]:
        while True:
            for i in range(4):
                yield X[i * 16 : (i + 1) * 16], Y[i * 16 : (i + 1) * 16]

    return {"x": forever(), "steps_per_epoch": 4}


def as_py_dataset() -> dict[str, Any]:
    return {"x": RegressionPyDataset()}


def as_threaded_py_dataset() -> dict[str, Any]:
    return {"x": RegressionPyDataset(workers=2)}


SOURCES: dict[str, Callable[[], dict[str, Any]]] = {
    "arrays": as_arrays,
    "tf.data": as_tf_dataset,
    "torch": as_torch_loader,
    "generator": as_generator,
    "py_dataset": as_py_dataset,
    "py_dataset-threads": as_threaded_py_dataset,
}


def linear_model() -> Model:
    return Sequential([layers.Input((3,)), layers.Dense(1, use_bias=False, kernel_initializer="zeros")])


@needs_training
@pytest.mark.parametrize("source", sorted(SOURCES))
def test_fit_learns_the_linear_map(source: str) -> None:
    model = linear_model()
    model.compile(optimizer=optimizers.SGD(0.1), loss="mse")
    kwargs = SOURCES[source]()
    if source == "generator":
        kwargs["steps_per_epoch"] = 4
    history = model.fit(epochs=30, verbose=0, **kwargs)
    assert len(history.history["loss"]) == 30
    assert history.history["loss"][-1] < 1e-3
    np.testing.assert_allclose(model.get_weights()[0], W, atol=0.02)


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_evaluate_and_predict_match_numpy(source: str) -> None:
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse")
    model.layers[0].kernel.assign(W * 0.5)
    expected_pred = X @ (W * 0.5)
    expected_loss = float(np.mean((expected_pred - Y) ** 2))
    kwargs = SOURCES[source]()
    steps = kwargs.pop("steps_per_epoch", None)
    loss = model.evaluate(verbose=0, steps=steps, **kwargs)
    np.testing.assert_allclose(loss, expected_loss, rtol=1e-5)
    kwargs = SOURCES[source]()
    kwargs.pop("y", None)
    steps = kwargs.pop("steps_per_epoch", None)
    predictions = model.predict(verbose=0, steps=steps, **kwargs)
    np.testing.assert_allclose(predictions, expected_pred, rtol=1e-5, atol=1e-6)


@needs_training
def test_fit_with_class_weight_from_a_tf_dataset_matches_sample_weights() -> None:
    tf = pytest.importorskip("tensorflow", reason="this case needs tensorflow installed")

    labels = (X[:, :1] > 0).astype("float32")
    weights = np.where(labels[:, 0] > 0, 3.0, 1.0).astype("float32")
    results = []
    for data in (
        {"x": tf.data.Dataset.from_tensor_slices((X, labels)).batch(16), "class_weight": {1: 3.0}},
        {"x": X, "y": labels, "sample_weight": weights, "batch_size": 16, "shuffle": False},
    ):
        model = Sequential(
            [layers.Input((3,)), layers.Dense(1, kernel_initializer="ones", activation="sigmoid")]
        )
        model.compile(optimizer=optimizers.SGD(0.1), loss="binary_crossentropy")
        results.append(model.fit(epochs=2, verbose=0, **data).history["loss"])
    np.testing.assert_allclose(results[0], results[1], rtol=1e-5)


@needs_training
def test_fit_with_a_py_dataset_calls_its_epoch_hooks() -> None:
    dataset = RegressionPyDataset()
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse")
    model.fit(dataset, epochs=3, verbose=0, shuffle=False)
    assert dataset.events == ["begin", "end"] * 3


@needs_training
def test_validation_data_as_a_dataset() -> None:
    model = linear_model()
    model.compile(optimizer=optimizers.SGD(0.1), loss="mse")
    history = model.fit(X, Y, batch_size=16, epochs=2, verbose=0, validation_data=RegressionPyDataset())
    assert sorted(history.history) == ["loss", "val_loss"]
