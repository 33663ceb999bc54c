"""`keras.optimizers`: the optimizers, their base class, and name/config resolution."""

from keras.optimizers import legacy as legacy
from keras.optimizers import schedules as schedules
from keras.optimizers._adam import Adam as Adam
from keras.optimizers._adam import Adamax as Adamax
from keras.optimizers._adam import AdamW as AdamW
from keras.optimizers._adam import Lamb as Lamb
from keras.optimizers._adam import Nadam as Nadam
from keras.optimizers._adaptive import Adadelta as Adadelta
from keras.optimizers._adaptive import Adafactor as Adafactor
from keras.optimizers._adaptive import Adagrad as Adagrad
from keras.optimizers._adaptive import RMSprop as RMSprop
from keras.optimizers._ftrl import Ftrl as Ftrl
from keras.optimizers._loss_scale import LossScaleOptimizer as LossScaleOptimizer
from keras.optimizers._multi import MultiOptimizer as MultiOptimizer
from keras.optimizers._multi import OptimizerMap as OptimizerMap
from keras.optimizers._muon import Muon as Muon
from keras.optimizers._optimizer import Optimizer as Optimizer
from keras.optimizers._schedule_free import ScheduleFreeAdamW as ScheduleFreeAdamW
from keras.optimizers._serialization import deserialize as deserialize
from keras.optimizers._serialization import get as get
from keras.optimizers._serialization import serialize as serialize
from keras.optimizers._sgd import SGD as SGD
from keras.optimizers._sgd import Lion as Lion

__all__ = [
    "SGD",
    "Adadelta",
    "Adafactor",
    "Adagrad",
    "Adam",
    "AdamW",
    "Adamax",
    "Ftrl",
    "Lamb",
    "Lion",
    "LossScaleOptimizer",
    "MultiOptimizer",
    "Muon",
    "Nadam",
    "Optimizer",
    "OptimizerMap",
    "RMSprop",
    "ScheduleFreeAdamW",
    "deserialize",
    "get",
    "serialize",
]
