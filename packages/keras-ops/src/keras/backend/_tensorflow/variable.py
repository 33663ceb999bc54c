"""`keras.Variable` on TensorFlow: a `tf.Variable`, assigned in place.

A tensor conversion function is registered, so TensorFlow ops accept a Variable where
they take a tensor, inside `tf.function` too.
"""

from __future__ import annotations

from typing import Any

import tensorflow as tf

from keras.backend._variable import Variable
from keras.ops._typing import Tensor


class BackendVariable(Variable):
    # GradientTape takes gradients with respect to a resource variable's handle; acting as
    # one lets `tape.gradient(loss, model.trainable_variables)` work, as in Keras's guides.
    _should_act_as_resource_variable = True

    @property
    def handle(self) -> Any:
        assert self._value is not None
        return self._value.handle

    def _store(self, value: Tensor) -> None:
        self._value = tf.Variable(value, trainable=self._trainable, name=self._name)

    def _replace(self, value: Tensor) -> None:
        assert self._value is not None
        self._value.assign(value)


def _to_tensor(
    variable: BackendVariable, dtype: Any = None, name: Any = None, as_ref: bool = False
) -> Tensor:
    # Reading through convert_to_tensor keeps the tape's link to the tf.Variable.
    value = tf.convert_to_tensor(variable.value)
    return value if dtype is None or value.dtype == dtype else tf.cast(value, dtype)


tf.register_tensor_conversion_function(BackendVariable, _to_tensor)
