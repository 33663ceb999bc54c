"""Keras 3, the meta-package: gathers the suite's packages under `import keras`.

The other distributions (keras-ops, keras-layers, keras-training, keras-saving) ship
portions of the `keras` namespace without an `__init__.py`. This file first extends
`__path__` over every `keras` directory on `sys.path`, so their subpackages import
from here whether they were installed as wheels or editable, then lifts the top-level
names by hand.

The names are lifted lazily (PEP 562): `import keras` loads no subpackage, and the
first read of `keras.layers` or `keras.Model` imports what defines it, once. So
`import keras` costs almost nothing over the backend library itself, and a script that
only uses `keras.ops` never loads layers, trainers or saving (nor h5py). The imports
under `TYPE_CHECKING` below are the same names for type checkers and readers: each
line names the module that defines the name, and `_LAZY` must list exactly them.
"""

from __future__ import annotations

from importlib import import_module as _import_module
from pkgutil import extend_path
from typing import TYPE_CHECKING, Any

__path__ = extend_path(__path__, __name__)

from keras._version import __version__ as __version__

if TYPE_CHECKING:
    from keras import activations as activations
    from keras import applications as applications
    from keras import backend as backend
    from keras import callbacks as callbacks
    from keras import config as config
    from keras import constraints as constraints
    from keras import datasets as datasets
    from keras import distillation as distillation
    from keras import distribution as distribution
    from keras import dtype_policies as dtype_policies
    from keras import export as export
    from keras import initializers as initializers
    from keras import layers as layers
    from keras import legacy as legacy
    from keras import losses as losses
    from keras import metrics as metrics
    from keras import mixed_precision as mixed_precision
    from keras import models as models
    from keras import ops as ops
    from keras import optimizers as optimizers
    from keras import preprocessing as preprocessing
    from keras import quantizers as quantizers
    from keras import random as random
    from keras import regularizers as regularizers
    from keras import saving as saving
    from keras import tree as tree
    from keras import utils as utils
    from keras import visualization as visualization
    from keras import wrappers as wrappers
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
    from keras.quantizers._quantizer import Quantizer as Quantizer
    from keras.regularizers import Regularizer as Regularizer

# Every lifted name -> the module that defines it (the name itself is a subpackage of
# `keras` where the module is `keras.<name>`).
_LAZY: dict[str, str] = {
    "activations": "keras.activations",
    "backend": "keras.backend",
    "callbacks": "keras.callbacks",
    "config": "keras.config",
    "constraints": "keras.constraints",
    "dtype_policies": "keras.dtype_policies",
    "initializers": "keras.initializers",
    "layers": "keras.layers",
    "losses": "keras.losses",
    "metrics": "keras.metrics",
    "mixed_precision": "keras.mixed_precision",
    "models": "keras.models",
    "ops": "keras.ops",
    "optimizers": "keras.optimizers",
    "random": "keras.random",
    "regularizers": "keras.regularizers",
    "saving": "keras.saving",
    "tree": "keras.tree",
    "RematScope": "keras.backend._device",
    "device": "keras.backend._device",
    "remat": "keras.backend._device",
    "name_scope": "keras.backend._name_scope",
    "StatelessScope": "keras.backend._scopes",
    "SymbolicScope": "keras.backend._scopes",
    "Variable": "keras.backend._variable",
    "DTypePolicy": "keras.dtype_policies",
    "FloatDTypePolicy": "keras.dtype_policies",
    "Initializer": "keras.initializers",
    "Input": "keras.layers",
    "InputSpec": "keras.layers",
    "Layer": "keras.layers",
    "Loss": "keras.losses",
    "Metric": "keras.metrics",
    "Model": "keras.models",
    "Sequential": "keras.models",
    "Function": "keras.ops._function",
    "KerasTensor": "keras.ops._keras_tensor",
    "Operation": "keras.ops._operation",
    "Optimizer": "keras.optimizers",
    "Regularizer": "keras.regularizers",
    "Quantizer": "keras.quantizers._quantizer",
    "legacy": "keras.legacy",
    "preprocessing": "keras.preprocessing",
    "quantizers": "keras.quantizers",
    "utils": "keras.utils",
    "applications": "keras.applications",
    "export": "keras.export",
    "distribution": "keras.distribution",
    "distillation": "keras.distillation",
    "datasets": "keras.datasets",
    "visualization": "keras.visualization",
    "wrappers": "keras.wrappers",
}


def version() -> str:
    """Return the version of the `keras` meta-package, e.g. `"3.15.0"`.

    Returns:
        The version string.
    """
    return __version__


if not TYPE_CHECKING:  # type checkers see the imports above, and no catch-all attribute

    def __getattr__(name: str) -> Any:
        """Import a lifted name on its first read; other subpackages (`keras.utils`) too."""
        subpackage = f"keras.{name}"
        module_name = _LAZY.get(name, subpackage)
        try:
            module = _import_module(module_name)
        except ModuleNotFoundError as error:
            if module_name != subpackage or error.name != subpackage:
                raise
            raise AttributeError(f"module 'keras' has no attribute {name!r}") from None
        value = module if module_name == subpackage else getattr(module, name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "Quantizer",
    "Regularizer",
    "RematScope",
    "Sequential",
    "StatelessScope",
    "SymbolicScope",
    "Variable",
    "__version__",
    "activations",
    "applications",
    "backend",
    "callbacks",
    "config",
    "constraints",
    "datasets",
    "device",
    "distillation",
    "distribution",
    "dtype_policies",
    "export",
    "initializers",
    "layers",
    "legacy",
    "losses",
    "metrics",
    "mixed_precision",
    "models",
    "name_scope",
    "ops",
    "optimizers",
    "preprocessing",
    "quantizers",
    "random",
    "regularizers",
    "remat",
    "saving",
    "tree",
    "utils",
    "version",
    "visualization",
    "wrappers",
]
