"""Keras 3, the meta-package: gathers the suite's packages under `import keras`.

The other distributions (keras-ops, keras-layers, keras-training, keras-saving) ship
portions of the `keras` namespace without an `__init__.py`. This file first extends
`__path__` over every `keras` directory on `sys.path`, so their subpackages import
from here whether they were installed as wheels or editable, then lifts the top-level
names by hand.
"""

from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)

from keras import backend as backend
from keras import config as config
from keras import ops as ops
from keras import random as random
from keras import tree as tree
from keras._version import __version__ as __version__
from keras.backend._device import RematScope as RematScope
from keras.backend._device import device as device
from keras.backend._device import remat as remat
from keras.backend._name_scope import name_scope as name_scope
from keras.backend._scopes import StatelessScope as StatelessScope
from keras.backend._scopes import SymbolicScope as SymbolicScope
from keras.backend._variable import Variable as Variable
from keras.ops._function import Function as Function
from keras.ops._keras_tensor import KerasTensor as KerasTensor
from keras.ops._operation import Operation as Operation


def version() -> str:
    """Return the version of the `keras` meta-package, e.g. `"3.15.0"`.

    Returns:
        The version string.
    """
    return __version__


__all__ = [
    "Function",
    "KerasTensor",
    "Operation",
    "RematScope",
    "StatelessScope",
    "SymbolicScope",
    "Variable",
    "__version__",
    "backend",
    "config",
    "device",
    "name_scope",
    "ops",
    "random",
    "remat",
    "tree",
    "version",
]
