"""`keras.wrappers`: scikit-learn estimators around Keras models (scikit-learn is imported
when an estimator is created)."""

from keras.wrappers._sklearn import SKLearnClassifier as SKLearnClassifier
from keras.wrappers._sklearn import SKLearnRegressor as SKLearnRegressor
from keras.wrappers._sklearn import SKLearnTransformer as SKLearnTransformer

__all__ = ["SKLearnClassifier", "SKLearnRegressor", "SKLearnTransformer"]
