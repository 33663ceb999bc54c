"""Python operators (`+`, `@`, `<`, `[]`...) for tensor-like classes, written once.

`KerasTensor` and `keras.Variable` both inherit them: each operator calls the matching
op, which handles symbolic and eager arguments alike.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


def ops_module() -> ModuleType:
    """Return `keras.ops`, imported on first use (it imports the classes that use this)."""
    from keras import ops

    return ops


class TensorOperators:
    """Arithmetic, comparison, bitwise and indexing operators that dispatch to `keras.ops`."""

    __slots__ = ()

    def __add__(self, other: Any) -> Any:
        return ops_module().add(self, other)

    def __radd__(self, other: Any) -> Any:
        return ops_module().add(other, self)

    def __sub__(self, other: Any) -> Any:
        return ops_module().subtract(self, other)

    def __rsub__(self, other: Any) -> Any:
        return ops_module().subtract(other, self)

    def __mul__(self, other: Any) -> Any:
        return ops_module().multiply(self, other)

    def __rmul__(self, other: Any) -> Any:
        return ops_module().multiply(other, self)

    def __truediv__(self, other: Any) -> Any:
        return ops_module().true_divide(self, other)

    def __rtruediv__(self, other: Any) -> Any:
        return ops_module().true_divide(other, self)

    def __floordiv__(self, other: Any) -> Any:
        return ops_module().floor_divide(self, other)

    def __rfloordiv__(self, other: Any) -> Any:
        return ops_module().floor_divide(other, self)

    def __mod__(self, other: Any) -> Any:
        return ops_module().mod(self, other)

    def __rmod__(self, other: Any) -> Any:
        return ops_module().mod(other, self)

    def __pow__(self, other: Any) -> Any:
        return ops_module().power(self, other)

    def __rpow__(self, other: Any) -> Any:
        return ops_module().power(other, self)

    def __matmul__(self, other: Any) -> Any:
        return ops_module().matmul(self, other)

    def __rmatmul__(self, other: Any) -> Any:
        return ops_module().matmul(other, self)

    def __neg__(self) -> Any:
        return ops_module().negative(self)

    def __pos__(self) -> Any:
        return self

    def __abs__(self) -> Any:
        return ops_module().absolute(self)

    def __invert__(self) -> Any:
        return ops_module().bitwise_invert(self)

    def __and__(self, other: Any) -> Any:
        return ops_module().bitwise_and(self, other)

    def __rand__(self, other: Any) -> Any:
        return ops_module().bitwise_and(other, self)

    def __or__(self, other: Any) -> Any:
        return ops_module().bitwise_or(self, other)

    def __ror__(self, other: Any) -> Any:
        return ops_module().bitwise_or(other, self)

    def __xor__(self, other: Any) -> Any:
        return ops_module().bitwise_xor(self, other)

    def __rxor__(self, other: Any) -> Any:
        return ops_module().bitwise_xor(other, self)

    def __lshift__(self, other: Any) -> Any:
        return ops_module().left_shift(self, other)

    def __rshift__(self, other: Any) -> Any:
        return ops_module().right_shift(self, other)

    def __lt__(self, other: Any) -> Any:
        return ops_module().less(self, other)

    def __le__(self, other: Any) -> Any:
        return ops_module().less_equal(self, other)

    def __gt__(self, other: Any) -> Any:
        return ops_module().greater(self, other)

    def __ge__(self, other: Any) -> Any:
        return ops_module().greater_equal(self, other)

    def __getitem__(self, key: Any) -> Any:
        return ops_module().get_item(self, key)
