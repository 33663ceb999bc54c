"""`keras.callbacks`: hooks into `fit`, `evaluate` and `predict` (progress, history, checkpoints...)."""

from keras.callbacks._backup_and_restore import BackupAndRestore as BackupAndRestore
from keras.callbacks._callback import Callback as Callback
from keras.callbacks._callback_list import CallbackList as CallbackList
from keras.callbacks._csv_logger import CSVLogger as CSVLogger
from keras.callbacks._early_stopping import EarlyStopping as EarlyStopping
from keras.callbacks._history import History as History
from keras.callbacks._lambda_callback import LambdaCallback as LambdaCallback
from keras.callbacks._learning_rate_scheduler import LearningRateScheduler as LearningRateScheduler
from keras.callbacks._model_checkpoint import ModelCheckpoint as ModelCheckpoint
from keras.callbacks._orbax_checkpoint import OrbaxCheckpoint as OrbaxCheckpoint
from keras.callbacks._progbar_logger import ProgbarLogger as ProgbarLogger
from keras.callbacks._reduce_lr_on_plateau import ReduceLROnPlateau as ReduceLROnPlateau
from keras.callbacks._remote_monitor import RemoteMonitor as RemoteMonitor
from keras.callbacks._swap_ema_weights import SwapEMAWeights as SwapEMAWeights
from keras.callbacks._tensorboard import TensorBoard as TensorBoard
from keras.callbacks._terminate_on_nan import TerminateOnNaN as TerminateOnNaN

__all__ = [
    "BackupAndRestore",
    "CSVLogger",
    "Callback",
    "CallbackList",
    "EarlyStopping",
    "History",
    "LambdaCallback",
    "LearningRateScheduler",
    "ModelCheckpoint",
    "OrbaxCheckpoint",
    "ProgbarLogger",
    "ReduceLROnPlateau",
    "RemoteMonitor",
    "SwapEMAWeights",
    "TensorBoard",
    "TerminateOnNaN",
]
