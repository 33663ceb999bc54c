"""`keras.Variable` on JAX: an immutable jax array, replaced on assignment.

The class is a registered pytree (one child, its value), so a Variable can be passed to
`jax.jit`, `jax.grad` or `jax.eval_shape`: inside, it is a Variable whose value is the
tracer. JAX 0.10 no longer converts objects through `__jax_array__` while tracing, so
this is the way user code keeps passing Variables to jitted functions.

Under a `keras.distribution` (or with a `layout`), a variable's value is placed with
the sharding its layout gives, when created and on every assignment.
"""

from __future__ import annotations

import copy
from typing import Any

import jax

from keras.backend._variable import Variable
from keras.ops._typing import Tensor


class BackendVariable(Variable):
    # The jax sharding of the value: from the variable's `layout`, else from the
    # distribution active when it was created (`keras.distribution`); None: one device.
    _sharding: Any = None

    def _store(self, value: Tensor) -> None:
        self._sharding = _sharding_for(self)
        self._value = self._placed(value)

    def _replace(self, value: Tensor) -> None:
        self._value = self._placed(value)

    def _placed(self, value: Tensor) -> Tensor:
        if self._sharding is None:
            return value
        from keras.distribution._devices import place

        return place(value, self._sharding)

    def __jax_array__(self) -> Tensor:
        return self.value


def _sharding_for(variable: BackendVariable) -> Any:
    """The sharding of a new variable: its own `layout`, else the active distribution's choice."""
    layout = variable.layout
    if layout is None:
        from keras.distribution._distribution import distribution

        active = distribution()
        if active is None:
            return None
        layout = active.get_variable_layout(variable)
    from keras.distribution._layout import TensorLayout

    return layout.backend_layout if isinstance(layout, TensorLayout) else layout


def _flatten(variable: BackendVariable) -> tuple[tuple[Any], BackendVariable]:
    if variable._reclaim is not None:  # lent to a training loop: get its current value back
        variable._reclaim()
    return (variable._value,), variable


def _unflatten(template: BackendVariable, children: tuple[Any, ...]) -> BackendVariable:
    # A shallow copy keeps name, path and dtype without running __init__ (no new name).
    clone = copy.copy(template)
    clone.__dict__.pop("_reclaim", None)  # the loop lent the template's value, not the clone's
    clone._value = children[0]
    return clone


jax.tree_util.register_pytree_node(BackendVariable, _flatten, _unflatten)
