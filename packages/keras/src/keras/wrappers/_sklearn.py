# ruff: noqa: N803, N806  (`X` is scikit-learn's name, and the model callable gets `X=`)
"""scikit-learn estimators around Keras models: `SKLearnClassifier`, `SKLearnRegressor`,
`SKLearnTransformer`.

They follow scikit-learn's estimator protocol (`get_params`/`set_params`, `fit`,
`predict`/`transform`, `score`, `__sklearn_tags__`, `__sklearn_clone__`) without
subclassing `sklearn.base.BaseEstimator`, so that importing `keras` does not import
scikit-learn (and scipy). scikit-learn is imported when an estimator is created, and a clear
`ImportError` says how to install it when it is missing.
"""

from __future__ import annotations

import copy
import importlib
from typing import Any

import numpy as np

_PARAMS = ("model", "warm_start", "model_kwargs", "fit_kwargs")


def _require_sklearn(owner: str) -> Any:
    try:
        return importlib.import_module("sklearn")
    except ImportError as error:
        raise ImportError(
            f"{owner} requires `scikit-learn` to be installed. Run `pip install scikit-learn` to install it."
        ) from error


def _sk(module: str) -> Any:
    """A scikit-learn module (imported on first use)."""
    return importlib.import_module(f"sklearn.{module}")


def _target_type(y: Any) -> str:
    kind: str = _sk("utils.multiclass").type_of_target(y)
    if kind == "unknown":
        raise ValueError(f"Unknown label type for data: {y!r}")
    return kind


class _SKLearnEstimator:
    """The estimator protocol shared by the three wrappers."""

    _estimator_type = ""

    def __init__(
        self,
        model: Any,
        warm_start: bool = False,
        model_kwargs: dict[str, Any] | None = None,
        fit_kwargs: dict[str, Any] | None = None,
    ) -> None:
        _require_sklearn(type(self).__name__)
        self.model = model
        self.warm_start = warm_start
        self.model_kwargs = model_kwargs
        self.fit_kwargs = fit_kwargs

    # --- scikit-learn protocol -----------------------------------------------------------

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Return the constructor arguments (scikit-learn's `get_params`)."""
        return {name: getattr(self, name) for name in _PARAMS}

    def set_params(self, **params: Any) -> _SKLearnEstimator:
        """Set constructor arguments; nested `model_kwargs__name` keys set one model argument.

        Raises:
            ValueError: If a parameter is not one of the constructor's.
        """
        for key, value in params.items():
            name, _, sub = key.partition("__")
            if name not in _PARAMS or (sub and name not in ("model_kwargs", "fit_kwargs")):
                raise ValueError(
                    f"Invalid parameter {key!r} for estimator {type(self).__name__}. Valid parameters are: {list(_PARAMS)}."
                )
            if sub:
                setattr(self, name, {**(getattr(self, name) or {}), sub: value})
            else:
                setattr(self, name, value)
        return self

    def __sklearn_clone__(self) -> _SKLearnEstimator:
        model = self.model if callable(self.model) else copy.deepcopy(self.model)
        # Keras 3.15 drops `fit_kwargs` here; a clone keeps them, so cross-validation trains as asked.
        return type(self)(
            model, self.warm_start, copy.deepcopy(self.model_kwargs), copy.deepcopy(self.fit_kwargs)
        )

    def __sklearn_tags__(self) -> Any:
        utils = _sk("utils")
        tags = utils.Tags(
            estimator_type=self._estimator_type or None,
            target_tags=utils.TargetTags(required=self._estimator_type in ("classifier", "regressor")),
            input_tags=utils.InputTags(),
            non_deterministic=True,
        )
        if self._estimator_type == "classifier":
            tags.classifier_tags = utils.ClassifierTags(poor_score=True)
        elif self._estimator_type == "regressor":
            tags.regressor_tags = utils.RegressorTags(poor_score=True)
        else:
            tags.transformer_tags = utils.TransformerTags(preserves_dtype=[])
        return tags

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items() if k == "model" or v)
        return f"{type(self).__name__}({args})"

    @property
    def epoch_(self) -> int:
        """The number of epochs trained (0 before `fit`)."""
        history = getattr(self, "history_", None)
        return len(getattr(history, "epoch", [])) if history is not None else 0

    # --- fitting ------------------------------------------------------------------------

    def _build_model(self, X: np.ndarray, y: np.ndarray) -> Any:
        from keras.trainers import Model
        from keras.trainers._cloning import clone_model

        if self.warm_start and hasattr(self, "model_"):
            return self.model_
        if isinstance(self.model, Model):
            cloned = clone_model(self.model)
            if self.model.compiled and not cloned.compiled:  # as Keras's clone_model does
                cloned.compile_from_config(self.model.get_compile_config())
            return cloned
        if not callable(self.model):
            raise TypeError(
                f"`model` must be a keras Model or a callable `model(X, y, **model_kwargs)`. Received: model={self.model!r}"
            )
        return self.model(X=X, y=y, **(self.model_kwargs or {}))

    def _encode_target(self, y: np.ndarray, reset: bool) -> np.ndarray:
        _target_type(y)
        if reset:
            self._target_ndim = y.ndim
        return y.reshape(-1, 1) if y.ndim == 1 else y

    def _decode_target(self, y: np.ndarray) -> np.ndarray:
        return np.squeeze(y, axis=1) if self._target_ndim == 1 and y.ndim == 2 else y

    def fit(self, X: Any, y: Any, **kwargs: Any) -> _SKLearnEstimator:
        """Build (or reuse, with `warm_start`) the model and fit it.

        Args:
            X: The features, `(n_samples, n_features)`.
            y: The targets.
            **kwargs: Passed to `Model.fit`, over `fit_kwargs`.

        Returns:
            The estimator.

        Raises:
            RuntimeError: If the built model is not compiled with a loss and an optimizer.
        """
        X, y = _sk("utils.validation").validate_data(
            self, X, y, multi_output=True, y_numeric=self._estimator_type == "regressor"
        )
        target = self._encode_target(np.asarray(y), reset=True)
        model = self._build_model(X, target)
        if (
            not getattr(model, "compiled", False)
            or not getattr(model, "loss", None)
            or not getattr(model, "optimizer", None)
        ):
            raise RuntimeError("Given model needs to be compiled, and have a loss and an optimizer.")
        self.history_ = model.fit(X, target, **{**(self.fit_kwargs or {}), **kwargs})
        self.model_ = model
        return self

    def _raw_predict(self, X: Any) -> np.ndarray:
        validation = _sk("utils.validation")
        validation.check_is_fitted(self, "model_")
        X = validation.validate_data(self, X, reset=False)
        return np.asarray(self.model_.predict(X, verbose=0))


class _Predictor(_SKLearnEstimator):
    def predict(self, X: Any) -> np.ndarray:
        """Return the model's predictions, shaped like the targets seen by `fit`."""
        return self._decode_target(self._raw_predict(X))


class SKLearnClassifier(_Predictor):
    """A scikit-learn classifier around a Keras model.

    The targets (binary or multiclass labels of any type) are one-hot encoded for the
    model, which should end in one unit per class; `predict` returns the original labels.

    Args:
        model: A compiled Keras model (cloned for each `fit`), or a callable
            `model(X, y, **model_kwargs)` that returns a compiled model; `y` is the
            one-hot target.
        warm_start: Whether `fit` continues training the fitted model instead of building
            a new one.
        model_kwargs: Extra arguments of the `model` callable.
        fit_kwargs: Arguments of `Model.fit` (`epochs`, `batch_size`, ...).

    Raises:
        ImportError: If scikit-learn is not installed.

    Example:

    >>> def build(X, y):
    ...     model = keras.Sequential([keras.Input((X.shape[1],)), keras.layers.Dense(y.shape[1], activation="softmax")])
    ...     model.compile(loss="categorical_crossentropy", optimizer="adam")
    ...     return model
    >>> classifier = keras.wrappers.SKLearnClassifier(build, fit_kwargs={"epochs": 2, "verbose": 0})
    >>> classifier.fit(X, y).predict(X[:3])  # doctest: +SKIP
    array(['cat', 'dog', 'cat'], dtype='<U3')
    """

    _estimator_type = "classifier"

    def _encode_target(self, y: np.ndarray, reset: bool) -> np.ndarray:
        kind = _target_type(y)
        if kind not in ("binary", "multiclass"):
            raise ValueError(f"Only binary and multiclass target types are supported. Target type: {kind}")
        labels = y.reshape(-1)
        if reset:
            self.classes_ = np.unique(labels)
            if len(self.classes_) == 1:
                raise ValueError("Classifier can't train when only one class is present.")
            self._target_ndim = y.ndim
        indices = np.searchsorted(self.classes_, labels)
        return np.eye(len(self.classes_), dtype="float32")[indices]

    def _decode_target(self, y: np.ndarray) -> np.ndarray:
        labels: np.ndarray = np.asarray(self.classes_)[np.argmax(y, axis=-1)]
        return labels.reshape(-1, 1) if self._target_ndim == 2 else labels

    def decision_function(self, X: Any) -> np.ndarray:
        """Return the model's raw output (one score per class)."""
        return self._raw_predict(X)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Return the model's output, which a softmax head makes class probabilities."""
        return self._raw_predict(X)

    def score(self, X: Any, y: Any, sample_weight: Any = None) -> float:
        """Return the accuracy of `predict(X)` against `y`."""
        return float(_sk("metrics").accuracy_score(y, self.predict(X), sample_weight=sample_weight))


class SKLearnRegressor(_Predictor):
    """A scikit-learn regressor around a Keras model.

    Args:
        model: A compiled Keras model (cloned for each `fit`), or a callable
            `model(X, y, **model_kwargs)` that returns a compiled model.
        warm_start: Whether `fit` continues training the fitted model.
        model_kwargs: Extra arguments of the `model` callable.
        fit_kwargs: Arguments of `Model.fit`.

    Raises:
        ImportError: If scikit-learn is not installed.

    Example:

    >>> def build(X, y):
    ...     model = keras.Sequential([keras.Input((X.shape[1],)), keras.layers.Dense(y.shape[1])])
    ...     model.compile(loss="mse", optimizer="adam")
    ...     return model
    >>> regressor = keras.wrappers.SKLearnRegressor(build, fit_kwargs={"epochs": 5, "verbose": 0})
    >>> regressor.fit(X, y).score(X, y)  # doctest: +SKIP
    0.93
    """

    _estimator_type = "regressor"

    def score(self, X: Any, y: Any, sample_weight: Any = None) -> float:
        """Return the coefficient of determination R² of `predict(X)` against `y`."""
        return float(_sk("metrics").r2_score(y, self.predict(X), sample_weight=sample_weight))


class SKLearnTransformer(_SKLearnEstimator):
    """A scikit-learn transformer around a Keras model: `transform` is the model's output.

    Args:
        model: A compiled Keras model (cloned for each `fit`), or a callable
            `model(X, y, **model_kwargs)` that returns a compiled model.
        warm_start: Whether `fit` continues training the fitted model.
        model_kwargs: Extra arguments of the `model` callable.
        fit_kwargs: Arguments of `Model.fit`.

    Raises:
        ImportError: If scikit-learn is not installed.

    Example:

    >>> encoder = keras.wrappers.SKLearnTransformer(build_autoencoder, fit_kwargs={"verbose": 0})
    >>> encoder.fit(X, X).transform(X).shape  # doctest: +SKIP
    (100, 2)
    """

    def transform(self, X: Any) -> np.ndarray:
        """Return the fitted model's output for `X`."""
        return self._raw_predict(X)

    def fit_transform(self, X: Any, y: Any = None, **kwargs: Any) -> np.ndarray:
        """Fit on `(X, y)` and return `transform(X)`."""
        self.fit(X, y, **kwargs)
        return self.transform(X)
