"""`keras.constraints`: projections applied to weights after each optimizer update."""

from keras.constraints._constraints import Constraint as Constraint
from keras.constraints._constraints import MaxNorm as MaxNorm
from keras.constraints._constraints import MinMaxNorm as MinMaxNorm
from keras.constraints._constraints import NonNeg as NonNeg
from keras.constraints._constraints import UnitNorm as UnitNorm
from keras.constraints._constraints import max_norm as max_norm
from keras.constraints._constraints import min_max_norm as min_max_norm
from keras.constraints._constraints import non_neg as non_neg
from keras.constraints._constraints import unit_norm as unit_norm
from keras.constraints._lookup import deserialize as deserialize
from keras.constraints._lookup import get as get
from keras.constraints._lookup import serialize as serialize

__all__ = [
    "Constraint",
    "MaxNorm",
    "MinMaxNorm",
    "NonNeg",
    "UnitNorm",
    "deserialize",
    "get",
    "max_norm",
    "min_max_norm",
    "non_neg",
    "serialize",
    "unit_norm",
]
