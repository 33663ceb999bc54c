"""`keras.optimizers.schedules`: learning rates as functions of the training step."""

from keras.optimizers.schedules._decay import CosineDecay as CosineDecay
from keras.optimizers.schedules._decay import CosineDecayRestarts as CosineDecayRestarts
from keras.optimizers.schedules._decay import ExponentialDecay as ExponentialDecay
from keras.optimizers.schedules._decay import InverseTimeDecay as InverseTimeDecay
from keras.optimizers.schedules._decay import PiecewiseConstantDecay as PiecewiseConstantDecay
from keras.optimizers.schedules._decay import PolynomialDecay as PolynomialDecay
from keras.optimizers.schedules._schedule import LearningRateSchedule as LearningRateSchedule
from keras.optimizers.schedules._serialization import deserialize as deserialize
from keras.optimizers.schedules._serialization import serialize as serialize

__all__ = [
    "CosineDecay",
    "CosineDecayRestarts",
    "ExponentialDecay",
    "InverseTimeDecay",
    "LearningRateSchedule",
    "PiecewiseConstantDecay",
    "PolynomialDecay",
    "deserialize",
    "serialize",
]
