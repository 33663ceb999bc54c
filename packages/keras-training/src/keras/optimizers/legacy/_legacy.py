"""`keras.optimizers.legacy`: the Keras 2 optimizer names, which Keras 3 no longer supports.

Importing them works (code that only imports keeps running); constructing one raises
an `ImportError` that says how to keep using the Keras 2 optimizers.
"""

from __future__ import annotations

from typing import Any, NoReturn

_MESSAGE = (
    "`keras.optimizers.legacy` is not supported in Keras 3. When using `tf.keras`, to continue "
    "using a `tf.keras.optimizers.legacy` optimizer, you can install the `tf_keras` package "
    "(Keras 2) and set the environment variable `TF_USE_LEGACY_KERAS=True` to configure "
    "TensorFlow to use `tf_keras` when accessing `tf.keras`."
)


class _LegacyOptimizer:
    """A Keras 2 optimizer name kept importable; constructing it raises `ImportError`.

    Raises:
        ImportError: Always, when constructed.

    Example:

    >>> keras.optimizers.legacy.Adam()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    ImportError: `keras.optimizers.legacy` is not supported in Keras 3. ...
    """

    def __init__(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImportError(_MESSAGE)


class Optimizer(_LegacyOptimizer):
    __doc__ = _LegacyOptimizer.__doc__


class Adagrad(_LegacyOptimizer):
    __doc__ = _LegacyOptimizer.__doc__


class Adam(_LegacyOptimizer):
    __doc__ = _LegacyOptimizer.__doc__


class Ftrl(_LegacyOptimizer):
    __doc__ = _LegacyOptimizer.__doc__


class RMSprop(_LegacyOptimizer):
    __doc__ = _LegacyOptimizer.__doc__


class SGD(_LegacyOptimizer):
    __doc__ = _LegacyOptimizer.__doc__
