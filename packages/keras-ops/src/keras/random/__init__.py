"""`keras.random`: seeded random draws on the active backend."""

# keras.ops first: its image ops import the draws below, so importing keras.random
# alone must not start that cycle half way.
import keras.ops  # noqa: F401
from keras.random._draws import beta as beta
from keras.random._draws import binomial as binomial
from keras.random._draws import categorical as categorical
from keras.random._draws import dropout as dropout
from keras.random._draws import gamma as gamma
from keras.random._draws import normal as normal
from keras.random._draws import randint as randint
from keras.random._draws import shuffle as shuffle
from keras.random._draws import truncated_normal as truncated_normal
from keras.random._draws import uniform as uniform
from keras.random._seed_generator import SeedGenerator as SeedGenerator

__all__ = [
    "SeedGenerator",
    "beta",
    "binomial",
    "categorical",
    "dropout",
    "gamma",
    "normal",
    "randint",
    "shuffle",
    "truncated_normal",
    "uniform",
]
