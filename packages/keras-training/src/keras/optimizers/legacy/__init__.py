"""`keras.optimizers.legacy`: Keras 2 optimizer names; constructing one raises `ImportError`."""

from keras.optimizers.legacy._legacy import SGD as SGD
from keras.optimizers.legacy._legacy import Adagrad as Adagrad
from keras.optimizers.legacy._legacy import Adam as Adam
from keras.optimizers.legacy._legacy import Ftrl as Ftrl
from keras.optimizers.legacy._legacy import Optimizer as Optimizer
from keras.optimizers.legacy._legacy import RMSprop as RMSprop

__all__ = ["SGD", "Adagrad", "Adam", "Ftrl", "Optimizer", "RMSprop"]
