"""Keras 3, the meta-package: gathers the suite's packages under `import keras`.

The other distributions (keras-ops, keras-layers, keras-training, keras-saving) ship
portions of the `keras` namespace without an `__init__.py`. This file first extends
`__path__` over every `keras` directory on `sys.path`, so their subpackages import
from here whether they were installed as wheels or editable, then lifts the top-level
names by hand.
"""

from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)

from keras import activations as activations
from keras import backend as backend
from keras import callbacks as callbacks
from keras import config as config
from keras import constraints as constraints
from keras import dtype_policies as dtype_policies
from keras import initializers as initializers
from keras import layers as layers
from keras import losses as losses
from keras import metrics as metrics
from keras import mixed_precision as mixed_precision
from keras import models as models
from keras import ops as ops
from keras import optimizers as optimizers
from keras import random as random
from keras import regularizers as regularizers
from keras import saving as saving
from keras import tree as tree
from keras import utils as utils
from keras._version import __version__ as __version__
from keras.backend._device import RematScope as RematScope
from keras.backend._device import device as device
from keras.backend._device import remat as remat
from keras.backend._name_scope import name_scope as name_scope
from keras.backend._scopes import StatelessScope as StatelessScope
from keras.backend._scopes import SymbolicScope as SymbolicScope
from keras.backend._variable import Variable as Variable
from keras.dtype_policies import DTypePolicy as DTypePolicy
from keras.dtype_policies import FloatDTypePolicy as FloatDTypePolicy
from keras.initializers import Initializer as Initializer
from keras.layers import Input as Input
from keras.layers import InputSpec as InputSpec
from keras.layers import Layer as Layer
from keras.losses import Loss as Loss
from keras.metrics import Metric as Metric
from keras.models import Model as Model
from keras.models import Sequential as Sequential
from keras.ops._function import Function as Function
from keras.ops._keras_tensor import KerasTensor as KerasTensor
from keras.ops._operation import Operation as Operation
from keras.optimizers import Optimizer as Optimizer
from keras.regularizers import Regularizer as Regularizer


def version() -> str:
    """Return the version of the `keras` meta-package, e.g. `"3.15.0"`.

    Returns:
        The version string.
    """
    return __version__


__all__ = [
    "DTypePolicy",
    "FloatDTypePolicy",
    "Function",
    "Initializer",
    "Input",
    "InputSpec",
    "KerasTensor",
    "Layer",
    "Loss",
    "Metric",
    "Model",
    "Operation",
    "Optimizer",
    "Regularizer",
    "RematScope",
    "Sequential",
    "StatelessScope",
    "SymbolicScope",
    "Variable",
    "__version__",
    "activations",
    "backend",
    "callbacks",
    "config",
    "constraints",
    "device",
    "dtype_policies",
    "initializers",
    "layers",
    "losses",
    "metrics",
    "mixed_precision",
    "models",
    "name_scope",
    "ops",
    "optimizers",
    "random",
    "regularizers",
    "remat",
    "saving",
    "tree",
    "utils",
    "version",
]
