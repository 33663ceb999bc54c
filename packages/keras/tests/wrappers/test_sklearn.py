# ruff: noqa: N803  (the model callables receive `X=` as Keras passes it)
"""keras.wrappers: the scikit-learn estimator protocol (params, clone, tags), fitting and
scoring inside scikit-learn pipelines and cross-validation, targets, and errors."""

from __future__ import annotations

import sys

import numpy as np
import pytest

import keras
from keras.backend import backend
from keras.wrappers import SKLearnClassifier, SKLearnRegressor, SKLearnTransformer

sklearn = pytest.importorskip("sklearn")
from sklearn.base import clone, is_classifier, is_regressor  # noqa: E402
from sklearn.model_selection import cross_val_score  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

needs_training = pytest.mark.skipif(backend() == "numpy", reason="the numpy backend has no gradients")

RNG = np.random.default_rng(0)
X = RNG.normal(size=(160, 3)).astype("float32")
LABELS = np.where(X[:, 0] + X[:, 1] > 0, "dog", "cat")
TARGET = (X @ np.array([1.0, -2.0, 0.5], "float32") + 0.3).astype("float32")
FIT = {"epochs": 40, "batch_size": 32, "verbose": 0}


def build_classifier(X: np.ndarray, y: np.ndarray, hidden: int = 8) -> keras.Model:
    model = keras.Sequential(
        [
            keras.Input((X.shape[1],)),
            keras.layers.Dense(hidden, activation="relu"),
            keras.layers.Dense(y.shape[1], activation="softmax"),
        ]
    )
    model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(0.05))
    return model


def build_regressor(X: np.ndarray, y: np.ndarray) -> keras.Model:
    model = keras.Sequential([keras.Input((X.shape[1],)), keras.layers.Dense(y.shape[1])])
    model.compile(loss="mse", optimizer=keras.optimizers.Adam(0.1))
    return model


def test_params_clone_and_tags() -> None:
    estimator = SKLearnClassifier(build_classifier, model_kwargs={"hidden": 4}, fit_kwargs=FIT)
    assert estimator.get_params() == {
        "model": build_classifier,
        "warm_start": False,
        "model_kwargs": {"hidden": 4},
        "fit_kwargs": FIT,
    }
    estimator.set_params(warm_start=True, model_kwargs__hidden=16)
    assert estimator.warm_start and estimator.model_kwargs == {"hidden": 16}
    twin = clone(estimator)
    assert type(twin) is SKLearnClassifier and twin.get_params() == estimator.get_params()
    assert twin.fit_kwargs is not estimator.fit_kwargs
    assert is_classifier(estimator) and not is_regressor(estimator)
    assert is_regressor(SKLearnRegressor(build_regressor))
    assert sklearn.utils.get_tags(SKLearnTransformer(build_regressor)).transformer_tags is not None
    assert estimator.epoch_ == 0
    with pytest.raises(ValueError, match="Invalid parameter 'epochs' for estimator SKLearnClassifier"):
        estimator.set_params(epochs=3)


def test_unfitted_and_bad_model_errors() -> None:
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        SKLearnRegressor(build_regressor).predict(X)
    with pytest.raises(TypeError, match="`model` must be a keras Model or a callable"):
        SKLearnRegressor(3).fit(X, TARGET)

    def uncompiled(X: np.ndarray, y: np.ndarray) -> keras.Model:
        return keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])

    with pytest.raises(RuntimeError, match="needs to be compiled, and have a loss and an optimizer"):
        SKLearnRegressor(uncompiled).fit(X, TARGET)


def test_classifier_target_errors() -> None:
    with pytest.raises(
        ValueError, match=r"Only binary and multiclass target types are supported\. Target type: continuous"
    ):
        SKLearnClassifier(build_classifier).fit(X, TARGET)
    with pytest.raises(ValueError, match="only one class is present"):
        SKLearnClassifier(build_classifier).fit(X, np.zeros(len(X)))


def test_missing_sklearn_gives_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sklearn", None)
    with pytest.raises(
        ImportError,
        match=r"SKLearnRegressor requires `scikit-learn` to be installed. Run `pip install scikit-learn`",
    ):
        SKLearnRegressor(build_regressor)


@needs_training
def test_classifier_fits_labels_and_scores() -> None:
    keras.utils.set_random_seed(0)
    classifier = SKLearnClassifier(build_classifier, fit_kwargs=FIT).fit(X, LABELS)
    np.testing.assert_array_equal(classifier.classes_, ["cat", "dog"])
    predicted = classifier.predict(X)
    assert predicted.shape == (160,) and set(predicted) <= {"cat", "dog"}
    accuracy = classifier.score(X, LABELS)
    assert accuracy == pytest.approx(np.mean(predicted == LABELS)) and accuracy > 0.9
    scores = classifier.decision_function(X[:4])
    assert scores.shape == (4, 2)
    np.testing.assert_array_equal(classifier.classes_[scores.argmax(-1)], predicted[:4])
    assert classifier.epoch_ == 40 and classifier.n_features_in_ == 3


@needs_training
def test_regressor_in_pipeline_and_cross_validation() -> None:
    keras.utils.set_random_seed(0)
    pipeline = make_pipeline(StandardScaler(), SKLearnRegressor(build_regressor, fit_kwargs=FIT))
    pipeline.fit(X, TARGET)
    predicted = pipeline.predict(X)
    assert predicted.shape == (160,)  # 1D targets come back 1D
    r2 = 1 - np.sum((predicted - TARGET) ** 2) / np.sum((TARGET - TARGET.mean()) ** 2)
    assert pipeline.score(X, TARGET) == pytest.approx(r2, rel=1e-5) and r2 > 0.95
    scores = cross_val_score(SKLearnRegressor(build_regressor, fit_kwargs=FIT), X, TARGET, cv=2)
    assert scores.shape == (2,) and np.all(scores > 0.9)


@needs_training
def test_warm_start_continues_training_a_model_instance() -> None:
    keras.utils.set_random_seed(0)
    model = build_regressor(X, TARGET[:, None])
    regressor = SKLearnRegressor(model, warm_start=True, fit_kwargs={"epochs": 2, "verbose": 0}).fit(
        X, TARGET[:, None]
    )
    assert regressor.model_ is not model  # the given model is cloned, not trained
    first = regressor.model_
    regressor.fit(X, TARGET[:, None])
    assert regressor.model_ is first  # warm start keeps training the fitted model
    assert regressor.predict(X).shape == (160, 1)


@needs_training
def test_transformer_returns_model_output() -> None:
    def build_encoder(X: np.ndarray, y: np.ndarray) -> keras.Model:
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, kernel_initializer="ones")])
        model.compile(loss="mse", optimizer="sgd")
        return model

    transformer = SKLearnTransformer(build_encoder, fit_kwargs={"epochs": 1, "verbose": 0})
    out = transformer.fit_transform(X, X[:, :2])
    np.testing.assert_allclose(out, transformer.model_.predict(X, verbose=0), rtol=1e-6)
    assert out.shape == (160, 2)


def test_repr_names_the_set_parameters() -> None:
    text = repr(SKLearnRegressor(build_regressor, fit_kwargs={"epochs": 3}))
    assert (
        text.startswith("SKLearnRegressor(model=<function build_regressor")
        and "fit_kwargs={'epochs': 3}" in text
    )


def test_keras_import_does_not_import_sklearn() -> None:
    import subprocess

    code = "import sys, keras.wrappers; print('sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
