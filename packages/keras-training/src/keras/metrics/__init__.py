"""`keras.metrics`: metric classes and functions, and lookup by name or config."""

from __future__ import annotations

from keras.losses import binary_crossentropy as binary_crossentropy
from keras.losses import binary_focal_crossentropy as binary_focal_crossentropy
from keras.losses import categorical_crossentropy as categorical_crossentropy
from keras.losses import categorical_focal_crossentropy as categorical_focal_crossentropy
from keras.losses import categorical_hinge as categorical_hinge
from keras.losses import hinge as hinge
from keras.losses import huber as huber
from keras.losses import kl_divergence as kl_divergence
from keras.losses import log_cosh as log_cosh
from keras.losses import mean_absolute_error as mean_absolute_error
from keras.losses import mean_absolute_percentage_error as mean_absolute_percentage_error
from keras.losses import mean_squared_error as mean_squared_error
from keras.losses import mean_squared_logarithmic_error as mean_squared_logarithmic_error
from keras.losses import poisson as poisson
from keras.losses import sparse_categorical_crossentropy as sparse_categorical_crossentropy
from keras.losses import squared_hinge as squared_hinge
from keras.metrics._accuracy import Accuracy as Accuracy
from keras.metrics._accuracy import BinaryAccuracy as BinaryAccuracy
from keras.metrics._accuracy import CategoricalAccuracy as CategoricalAccuracy
from keras.metrics._accuracy import SparseCategoricalAccuracy as SparseCategoricalAccuracy
from keras.metrics._accuracy import SparseTopKCategoricalAccuracy as SparseTopKCategoricalAccuracy
from keras.metrics._accuracy import TopKCategoricalAccuracy as TopKCategoricalAccuracy
from keras.metrics._accuracy import binary_accuracy as binary_accuracy
from keras.metrics._accuracy import categorical_accuracy as categorical_accuracy
from keras.metrics._accuracy import sparse_categorical_accuracy as sparse_categorical_accuracy
from keras.metrics._accuracy import sparse_top_k_categorical_accuracy as sparse_top_k_categorical_accuracy
from keras.metrics._accuracy import top_k_categorical_accuracy as top_k_categorical_accuracy
from keras.metrics._auc import AUC as AUC
from keras.metrics._confusion import FalseNegatives as FalseNegatives
from keras.metrics._confusion import FalsePositives as FalsePositives
from keras.metrics._confusion import Precision as Precision
from keras.metrics._confusion import PrecisionAtRecall as PrecisionAtRecall
from keras.metrics._confusion import Recall as Recall
from keras.metrics._confusion import RecallAtPrecision as RecallAtPrecision
from keras.metrics._confusion import SensitivityAtSpecificity as SensitivityAtSpecificity
from keras.metrics._confusion import SpecificityAtSensitivity as SpecificityAtSensitivity
from keras.metrics._confusion import TrueNegatives as TrueNegatives
from keras.metrics._confusion import TruePositives as TruePositives
from keras.metrics._correlation import ConcordanceCorrelation as ConcordanceCorrelation
from keras.metrics._correlation import PearsonCorrelation as PearsonCorrelation
from keras.metrics._correlation import concordance_correlation as concordance_correlation
from keras.metrics._correlation import pearson_correlation as pearson_correlation
from keras.metrics._f_score import F1Score as F1Score
from keras.metrics._f_score import FBetaScore as FBetaScore
from keras.metrics._hinge import CategoricalHinge as CategoricalHinge
from keras.metrics._hinge import Hinge as Hinge
from keras.metrics._hinge import SquaredHinge as SquaredHinge
from keras.metrics._iou import BinaryIoU as BinaryIoU
from keras.metrics._iou import IoU as IoU
from keras.metrics._iou import MeanIoU as MeanIoU
from keras.metrics._iou import OneHotIoU as OneHotIoU
from keras.metrics._iou import OneHotMeanIoU as OneHotMeanIoU
from keras.metrics._metric import Metric as Metric
from keras.metrics._probabilistic import BinaryCrossentropy as BinaryCrossentropy
from keras.metrics._probabilistic import CategoricalCrossentropy as CategoricalCrossentropy
from keras.metrics._probabilistic import KLDivergence as KLDivergence
from keras.metrics._probabilistic import Poisson as Poisson
from keras.metrics._probabilistic import SparseCategoricalCrossentropy as SparseCategoricalCrossentropy
from keras.metrics._reduction import Mean as Mean
from keras.metrics._reduction import MeanMetricWrapper as MeanMetricWrapper
from keras.metrics._reduction import Sum as Sum
from keras.metrics._registry import deserialize as deserialize
from keras.metrics._registry import get as get
from keras.metrics._registry import serialize as serialize
from keras.metrics._regression import CosineSimilarity as CosineSimilarity
from keras.metrics._regression import LogCoshError as LogCoshError
from keras.metrics._regression import MeanAbsoluteError as MeanAbsoluteError
from keras.metrics._regression import MeanAbsolutePercentageError as MeanAbsolutePercentageError
from keras.metrics._regression import MeanSquaredError as MeanSquaredError
from keras.metrics._regression import MeanSquaredLogarithmicError as MeanSquaredLogarithmicError
from keras.metrics._regression import R2Score as R2Score
from keras.metrics._regression import RootMeanSquaredError as RootMeanSquaredError

__all__ = [
    "AUC",
    "Accuracy",
    "BinaryAccuracy",
    "BinaryCrossentropy",
    "BinaryIoU",
    "CategoricalAccuracy",
    "CategoricalCrossentropy",
    "CategoricalHinge",
    "ConcordanceCorrelation",
    "CosineSimilarity",
    "F1Score",
    "FBetaScore",
    "FalseNegatives",
    "FalsePositives",
    "Hinge",
    "IoU",
    "KLDivergence",
    "LogCoshError",
    "Mean",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanIoU",
    "MeanMetricWrapper",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "Metric",
    "OneHotIoU",
    "OneHotMeanIoU",
    "PearsonCorrelation",
    "Poisson",
    "Precision",
    "PrecisionAtRecall",
    "R2Score",
    "Recall",
    "RecallAtPrecision",
    "RootMeanSquaredError",
    "SensitivityAtSpecificity",
    "SparseCategoricalAccuracy",
    "SparseCategoricalCrossentropy",
    "SparseTopKCategoricalAccuracy",
    "SpecificityAtSensitivity",
    "SquaredHinge",
    "Sum",
    "TopKCategoricalAccuracy",
    "TrueNegatives",
    "TruePositives",
    "binary_accuracy",
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_accuracy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_hinge",
    "concordance_correlation",
    "deserialize",
    "get",
    "hinge",
    "huber",
    "kl_divergence",
    "log_cosh",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
    "pearson_correlation",
    "poisson",
    "serialize",
    "sparse_categorical_accuracy",
    "sparse_categorical_crossentropy",
    "sparse_top_k_categorical_accuracy",
    "squared_hinge",
    "top_k_categorical_accuracy",
]
