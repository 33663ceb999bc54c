"""keras.distillation: train a student model to match a teacher model."""

from keras.distillation._distiller import Distiller as Distiller
from keras.distillation._losses import DistillationLoss as DistillationLoss
from keras.distillation._losses import FeatureDistillation as FeatureDistillation
from keras.distillation._losses import LogitsDistillation as LogitsDistillation

__all__ = ["DistillationLoss", "Distiller", "FeatureDistillation", "LogitsDistillation"]
