"""`keras.losses`: loss classes and functions, and lookup by name or config."""

from __future__ import annotations

from keras.losses._crossentropy import BinaryCrossentropy as BinaryCrossentropy
from keras.losses._crossentropy import BinaryFocalCrossentropy as BinaryFocalCrossentropy
from keras.losses._crossentropy import CategoricalCrossentropy as CategoricalCrossentropy
from keras.losses._crossentropy import CategoricalFocalCrossentropy as CategoricalFocalCrossentropy
from keras.losses._crossentropy import (
    CategoricalGeneralizedCrossEntropy as CategoricalGeneralizedCrossEntropy,
)
from keras.losses._crossentropy import SparseCategoricalCrossentropy as SparseCategoricalCrossentropy
from keras.losses._crossentropy import binary_crossentropy as binary_crossentropy
from keras.losses._crossentropy import binary_focal_crossentropy as binary_focal_crossentropy
from keras.losses._crossentropy import categorical_crossentropy as categorical_crossentropy
from keras.losses._crossentropy import categorical_focal_crossentropy as categorical_focal_crossentropy
from keras.losses._crossentropy import (
    categorical_generalized_cross_entropy as categorical_generalized_cross_entropy,
)
from keras.losses._crossentropy import sparse_categorical_crossentropy as sparse_categorical_crossentropy
from keras.losses._hinge import CategoricalHinge as CategoricalHinge
from keras.losses._hinge import Hinge as Hinge
from keras.losses._hinge import SquaredHinge as SquaredHinge
from keras.losses._hinge import categorical_hinge as categorical_hinge
from keras.losses._hinge import hinge as hinge
from keras.losses._hinge import squared_hinge as squared_hinge
from keras.losses._lookup import deserialize as deserialize
from keras.losses._lookup import get as get
from keras.losses._lookup import serialize as serialize
from keras.losses._loss import Loss as Loss
from keras.losses._probabilistic import KLDivergence as KLDivergence
from keras.losses._probabilistic import Poisson as Poisson
from keras.losses._probabilistic import kl_divergence as kl_divergence
from keras.losses._probabilistic import poisson as poisson
from keras.losses._regression import CosineSimilarity as CosineSimilarity
from keras.losses._regression import Huber as Huber
from keras.losses._regression import LogCosh as LogCosh
from keras.losses._regression import MeanAbsoluteError as MeanAbsoluteError
from keras.losses._regression import MeanAbsolutePercentageError as MeanAbsolutePercentageError
from keras.losses._regression import MeanSquaredError as MeanSquaredError
from keras.losses._regression import MeanSquaredLogarithmicError as MeanSquaredLogarithmicError
from keras.losses._regression import cosine_similarity as cosine_similarity
from keras.losses._regression import huber as huber
from keras.losses._regression import log_cosh as log_cosh
from keras.losses._regression import mean_absolute_error as mean_absolute_error
from keras.losses._regression import mean_absolute_percentage_error as mean_absolute_percentage_error
from keras.losses._regression import mean_squared_error as mean_squared_error
from keras.losses._regression import mean_squared_logarithmic_error as mean_squared_logarithmic_error
from keras.losses._segmentation import Dice as Dice
from keras.losses._segmentation import Tversky as Tversky
from keras.losses._segmentation import dice as dice
from keras.losses._segmentation import tversky as tversky
from keras.losses._sequence import CTC as CTC
from keras.losses._sequence import ctc as ctc
from keras.losses._similarity import Circle as Circle
from keras.losses._similarity import circle as circle

__all__ = [
    "BinaryCrossentropy",
    "BinaryFocalCrossentropy",
    "CTC",
    "CategoricalCrossentropy",
    "CategoricalFocalCrossentropy",
    "CategoricalGeneralizedCrossEntropy",
    "CategoricalHinge",
    "Circle",
    "CosineSimilarity",
    "Dice",
    "Hinge",
    "Huber",
    "KLDivergence",
    "LogCosh",
    "Loss",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "Poisson",
    "SparseCategoricalCrossentropy",
    "SquaredHinge",
    "Tversky",
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_generalized_cross_entropy",
    "categorical_hinge",
    "circle",
    "cosine_similarity",
    "ctc",
    "deserialize",
    "dice",
    "get",
    "hinge",
    "huber",
    "kl_divergence",
    "log_cosh",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
    "poisson",
    "serialize",
    "sparse_categorical_crossentropy",
    "squared_hinge",
    "tversky",
]
