"""Dynamic scopes that change how variables and ops behave inside a `with` block.

- `StatelessScope`: variables read their values from a mapping and record assignments
  instead of mutating state (what a functional JAX training step needs).
- `SymbolicScope`: marks code running on `KerasTensor`s (shape inference).
- `AutocastScope`: float variables are read in a compute dtype (mixed precision).

Scopes nest per thread; the innermost of each kind wins.
"""

from __future__ import annotations

import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from keras.backend._variable import Variable

_STATE = threading.local()
ScopeT = TypeVar("ScopeT", bound="_Scope")
# How many scopes of each kind are open, in all threads: `current` answers None at once
# for a kind none has open, the usual case on every variable read.
_OPEN: dict[str, int] = {}
_OPEN_LOCK = threading.Lock()


def _stack(kind: str) -> list[Any]:
    stacks: dict[str, list[Any]] | None = getattr(_STATE, "stacks", None)
    if stacks is None:
        stacks = {}
        _STATE.stacks = stacks
    return stacks.setdefault(kind, [])


class _Scope:
    """A context manager pushed on its kind's per-thread stack."""

    _kind = "scope"

    def __enter__(self: ScopeT) -> ScopeT:
        with _OPEN_LOCK:
            _OPEN[self._kind] = _OPEN.get(self._kind, 0) + 1
        _stack(self._kind).append(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        stack = _stack(self._kind)
        if stack and stack[-1] is self:
            stack.pop()
            with _OPEN_LOCK:
                _OPEN[self._kind] -= 1


def current(kind: str) -> Any:
    """Return the innermost active scope of `kind` (`"stateless"`, ...) or `None`."""
    if not _OPEN.get(kind):
        return None
    stack = _stack(kind)
    return stack[-1] if stack else None


class StatelessScope(_Scope):
    """Read variables from a mapping and collect assignments instead of applying them.

    Args:
        state_mapping: Pairs `(variable, value)`; inside the scope `variable.value` is
            `value`. Each value must have the variable's shape; it is cast to its dtype.
        collect_losses: Whether losses added inside the scope are collected in `losses`.
        initialize_variables: Whether variables created inside the scope are initialized
            when it exits (their creation is deferred while inside).

    Example:

    >>> v = keras.Variable(np.ones(2, dtype="float32"))
    >>> with keras.StatelessScope(state_mapping=[(v, np.zeros(2, dtype="float32"))]) as scope:
    ...     _ = v.assign(v + 1.0)
    >>> keras.ops.convert_to_numpy(scope.get_current_value(v)), keras.ops.convert_to_numpy(v)
    (array([1., 1.], dtype=float32), array([1., 1.], dtype=float32))
    """

    _kind = "stateless"

    def __init__(
        self,
        state_mapping: Any = None,
        collect_losses: bool = False,
        initialize_variables: bool = True,
    ) -> None:
        from keras.backend._variable import Variable
        from keras.ops._convert import convert

        self.collect_losses = collect_losses
        self.initialize_variables = initialize_variables
        self.losses: list[Any] = []
        self.state_mapping: dict[int, Any] = {}
        self._variables: dict[int, Variable] = {}
        self._deferred: list[Variable] = []
        for variable, value in state_mapping or ():
            if not isinstance(variable, Variable):
                raise ValueError(
                    "Invalid reference variable in StatelessScope: all keys in argument `mapping` "
                    f"must be keras.Variable instances. Received: {variable!r}"
                )
            tensor = convert(value, variable.dtype)
            if tuple(tensor.shape) != tuple(variable.shape):
                raise ValueError(
                    "Invalid variable value in StatelessScope: all values in argument `mapping` must be "
                    "tensors with a shape that matches the corresponding variable shape. For variable "
                    f"{variable!r}, received invalid value {value!r} with shape {tuple(tensor.shape)}."
                )
            self.state_mapping[id(variable)] = tensor
            self._variables[id(variable)] = variable

    def add_update(self, update: tuple[Variable, Any]) -> None:
        variable, value = update
        self.state_mapping[id(variable)] = value
        self._variables[id(variable)] = variable

    def get_current_value(self, variable: Variable) -> Any:
        return self.state_mapping.get(id(variable))

    def add_loss(self, loss: Any) -> None:
        self.losses.append(loss)

    def add_deferred_variable(self, variable: Variable) -> None:
        self._deferred.append(variable)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        super().__exit__(exc_type, exc, traceback)
        if self.initialize_variables and exc_type is None:
            for variable in self._deferred:
                variable._initialize_deferred()


class SymbolicScope(_Scope):
    """Mark a block as running on symbolic `KerasTensor`s (shape inference).

    Example:

    >>> with keras.SymbolicScope():
    ...     pass
    """

    _kind = "symbolic"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            raise TypeError("SymbolicScope takes no arguments.")


class AutocastScope(_Scope):
    """Read float variables with `autocast=True` in `dtype` (mixed precision)."""

    _kind = "autocast"

    def __init__(self, dtype: str | None) -> None:
        from keras.backend._dtypes import is_float_dtype, standardize_dtype

        if dtype is not None:
            dtype = standardize_dtype(dtype)
            if not is_float_dtype(dtype):
                raise ValueError(f"AutocastScope can only cast to a float dtype. Received: dtype={dtype}")
        self.dtype = dtype


def in_stateless_scope() -> bool:
    return current("stateless") is not None


def in_symbolic_scope() -> bool:
    return current("symbolic") is not None
