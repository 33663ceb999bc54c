"""`keras.regularizers`: penalties on weights that layers add to the loss."""

from keras.regularizers._lookup import deserialize as deserialize
from keras.regularizers._lookup import get as get
from keras.regularizers._lookup import serialize as serialize
from keras.regularizers._regularizers import L1 as L1
from keras.regularizers._regularizers import L1L2 as L1L2
from keras.regularizers._regularizers import L2 as L2
from keras.regularizers._regularizers import OrthogonalRegularizer as OrthogonalRegularizer
from keras.regularizers._regularizers import Regularizer as Regularizer
from keras.regularizers._regularizers import l1 as l1
from keras.regularizers._regularizers import l1_l2 as l1_l2
from keras.regularizers._regularizers import l2 as l2
from keras.regularizers._regularizers import orthogonal_regularizer as orthogonal_regularizer

__all__ = [
    "L1",
    "L1L2",
    "L2",
    "OrthogonalRegularizer",
    "Regularizer",
    "deserialize",
    "get",
    "l1",
    "l1_l2",
    "l2",
    "orthogonal_regularizer",
    "serialize",
]
