"""`keras.initializers`: how layers fill their weights before training.

Importing this package also lets `keras.Variable` resolve initializer names.
"""

from keras.initializers._base import Initializer as Initializer
from keras.initializers._constant import Constant as Constant
from keras.initializers._constant import Identity as Identity
from keras.initializers._constant import IdentityInitializer as IdentityInitializer
from keras.initializers._constant import Ones as Ones
from keras.initializers._constant import Zeros as Zeros
from keras.initializers._constant import constant as constant
from keras.initializers._constant import identity as identity
from keras.initializers._constant import ones as ones
from keras.initializers._constant import zeros as zeros
from keras.initializers._lookup import deserialize as deserialize
from keras.initializers._lookup import get as get
from keras.initializers._lookup import serialize as serialize
from keras.initializers._random import Orthogonal as Orthogonal
from keras.initializers._random import OrthogonalInitializer as OrthogonalInitializer
from keras.initializers._random import RandomNormal as RandomNormal
from keras.initializers._random import RandomUniform as RandomUniform
from keras.initializers._random import TruncatedNormal as TruncatedNormal
from keras.initializers._random import orthogonal as orthogonal
from keras.initializers._random import random_normal as random_normal
from keras.initializers._random import random_uniform as random_uniform
from keras.initializers._random import truncated_normal as truncated_normal
from keras.initializers._stft import STFT as STFT
from keras.initializers._stft import STFTInitializer as STFTInitializer
from keras.initializers._stft import stft as stft
from keras.initializers._variance_scaling import GlorotNormal as GlorotNormal
from keras.initializers._variance_scaling import GlorotUniform as GlorotUniform
from keras.initializers._variance_scaling import HeNormal as HeNormal
from keras.initializers._variance_scaling import HeUniform as HeUniform
from keras.initializers._variance_scaling import LecunNormal as LecunNormal
from keras.initializers._variance_scaling import LecunUniform as LecunUniform
from keras.initializers._variance_scaling import VarianceScaling as VarianceScaling
from keras.initializers._variance_scaling import glorot_normal as glorot_normal
from keras.initializers._variance_scaling import glorot_uniform as glorot_uniform
from keras.initializers._variance_scaling import he_normal as he_normal
from keras.initializers._variance_scaling import he_uniform as he_uniform
from keras.initializers._variance_scaling import lecun_normal as lecun_normal
from keras.initializers._variance_scaling import lecun_uniform as lecun_uniform
from keras.initializers._variance_scaling import variance_scaling as variance_scaling

__all__ = [
    "Constant",
    "GlorotNormal",
    "GlorotUniform",
    "HeNormal",
    "HeUniform",
    "Identity",
    "IdentityInitializer",
    "Initializer",
    "LecunNormal",
    "LecunUniform",
    "Ones",
    "Orthogonal",
    "OrthogonalInitializer",
    "RandomNormal",
    "RandomUniform",
    "STFT",
    "STFTInitializer",
    "TruncatedNormal",
    "VarianceScaling",
    "Zeros",
    "constant",
    "deserialize",
    "get",
    "glorot_normal",
    "glorot_uniform",
    "he_normal",
    "he_uniform",
    "identity",
    "lecun_normal",
    "lecun_uniform",
    "ones",
    "orthogonal",
    "random_normal",
    "random_uniform",
    "serialize",
    "stft",
    "truncated_normal",
    "variance_scaling",
    "zeros",
]
