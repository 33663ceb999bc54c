"""`keras.Variable`: model state, one subclass per backend.

This class holds everything the backends share: naming and paths, dtype, shape and
initialization, the stateless and autocast scopes, assignment checks, operators and
conversion. A backend subclass only stores and replaces its native value
(`_store`, `_replace`), and `Variable(...)` builds the active backend's subclass.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import numpy as np

from keras.backend._config import backend, floatx
from keras.backend._dtypes import is_float_dtype, standardize_dtype
from keras.backend._name_scope import current_path
from keras.backend._naming import check_name, unique_name
from keras.backend._scopes import current
from keras.ops._operators import TensorOperators, ops_module
from keras.ops._typing import Shape, Tensor

AGGREGATIONS = (None, "none", "mean", "sum", "only_first_replica")
SYNCHRONIZATIONS = (None, "none", "on_read", "on_write", "auto")

# keras-layers registers `keras.initializers.get` here, so that `Variable("ones", ...)`
# resolves names without keras-ops importing the package above it.
_initializer_resolver: Callable[[str], Callable[..., Any]] | None = None


def set_initializer_resolver(resolver: Callable[[str], Callable[..., Any]]) -> None:
    """Let a higher package resolve initializer names such as `"glorot_uniform"`."""
    global _initializer_resolver
    _initializer_resolver = resolver


def _backend_class() -> type[Variable]:
    module = importlib.import_module(f"keras.backend._{backend()}.variable")
    cls: type[Variable] = module.BackendVariable
    return cls


def _default_dtype(initializer: Any) -> str:
    if callable(initializer) or isinstance(initializer, str):
        return floatx()
    from keras.ops._convert import default_dtype

    return default_dtype(initializer)


class Variable(TensorOperators):
    """A mutable tensor holding model state (weights, optimizer slots, metric totals).

    Args:
        initializer: The initial value (array, tensor, scalar), or a callable
            `initializer(shape, dtype)`, or an initializer's name such as `"zeros"`
            (resolved once keras-layers is installed).
        shape: The shape; required when `initializer` is a callable or a name.
        dtype: The dtype; by default that of an initial value, else `floatx()`.
        trainable: Whether gradients train it.
        autocast: Whether a float variable is read in the compute dtype under mixed precision.
        aggregation: How distributed replicas combine it: `"none"`, `"mean"`, `"sum"`,
            `"only_first_replica"`.
        synchronization: When distributed replicas synchronize it: `"none"`,
            `"on_read"`, `"on_write"`, `"auto"`.
        name: Its name; unique by default. May not contain `/`.
        layout: A `keras.distribution.TensorLayout` (or, on jax, a sharding) for the value; by
            default the active distribution's choice (jax places the value accordingly).

    Example:

    >>> v = keras.Variable(np.array([1.0, 2.0], dtype="float32"), name="w")
    >>> _ = v.assign_add(np.array([1.0, 1.0], dtype="float32"))
    >>> v.numpy()
    array([2., 3.], dtype=float32)
    """

    _value: Tensor | None
    # Set while a training loop holds this variable's value (see `_lend`): called before
    # any read or write of `_value`, it writes the loop's state back.
    _reclaim: Callable[[], None] | None = None

    def __new__(cls, *args: Any, **kwargs: Any) -> Variable:
        if cls is Variable:
            cls = _backend_class()
        return object.__new__(cls)

    def __init__(
        self,
        initializer: Any,
        shape: Any = None,
        dtype: Any = None,
        trainable: bool = True,
        autocast: bool = True,
        aggregation: str | None = "none",
        synchronization: str | None = "auto",
        name: str | None = None,
        layout: Any = None,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("regularizer", None)  # accepted as Keras 3 does; applied by layers
        if kwargs:
            raise TypeError(f"Variable() got unexpected keyword arguments: {sorted(kwargs)}")
        if name is None:
            name = unique_name("variable")
        if aggregation not in AGGREGATIONS:
            raise ValueError(
                "Invalid value for argument `aggregation`. Expected one of `None`, `'none'`, `'mean'`, "
                f"`'sum'`, `'only_first_replica'`. Received: aggregation={aggregation}"
            )
        if synchronization not in SYNCHRONIZATIONS:
            raise ValueError(
                "Invalid value for argument `synchronization`. Expected one of `None`, `'none'`, "
                f"`'on_read'`, `'on_write'`, `'auto'`. Received: synchronization={synchronization}"
            )
        self._name = check_name(name)
        parent = current_path()
        self._path = f"{parent}/{name}" if parent else name
        self._dtype = standardize_dtype(dtype) if dtype is not None else _default_dtype(initializer)
        self._trainable = bool(trainable)
        self._autocast = bool(autocast)
        self._aggregation = aggregation or "none"
        self._synchronization = synchronization or "auto"
        self.layout = layout
        self.constraint: Callable[[Any], Any] | None = None
        self.regularizer: Any = None
        self.overwrite_with_gradient = False
        self._value = None
        self._initializer: Callable[..., Any] | None = None

        if isinstance(initializer, str):
            if _initializer_resolver is None:
                raise ValueError(
                    f"Cannot resolve the initializer name {initializer!r}: initializer names need "
                    "keras-layers (`pip install keras-layers`). Pass a value or a callable instead."
                )
            initializer = _initializer_resolver(initializer)
        if callable(initializer):
            if shape is None:
                raise ValueError(
                    "When creating a Variable from an initializer, the `shape` argument should be "
                    f"specified. Received: initializer={initializer!r} and shape={shape!r}"
                )
            self._shape = _standardize_shape(shape)
            self._initializer = initializer
            scope = current("stateless")
            if scope is not None:
                # Initializing may draw random numbers statefully: not inside a stateless trace.
                scope.add_deferred_variable(self)
            else:
                self._initialize_deferred()
        else:
            from keras.ops._convert import convert

            value = convert(initializer, self._dtype)
            value_shape = tuple(value.shape)
            if shape is not None and _standardize_shape(shape) != value_shape:
                raise ValueError(
                    f"Initial value shape {value_shape} does not match the `shape` argument. "
                    f"Received: shape={shape!r}"
                )
            self._shape = value_shape
            self._store(value)

    # --- what a backend implements ------------------------------------------------------

    def _store(self, value: Tensor) -> None:
        """Take `value` (a native tensor of the right dtype and shape) as the first value."""
        raise NotImplementedError

    def _replace(self, value: Tensor) -> None:
        """Replace the stored value with `value` (same dtype and shape)."""
        raise NotImplementedError

    # --- initialization --------------------------------------------------------------------

    def _initialize_deferred(self) -> None:
        if self._initializer is None or self._value is not None:
            return
        from keras.ops._convert import convert

        value = convert(self._initializer(self._shape, self._dtype), self._dtype)
        if tuple(value.shape) != self._shape:
            raise ValueError(
                f"The initializer of variable {self._path!r} returned shape {tuple(value.shape)}; "
                f"expected {self._shape}."
            )
        self._store(value)

    # --- properties ------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._name

    @property
    def path(self) -> str:
        return self._path

    @property
    def dtype(self) -> str:
        scope = current("autocast")
        if scope is not None and scope.dtype is not None and self._autocast and is_float_dtype(self._dtype):
            dtype: str = scope.dtype
            return dtype
        return self._dtype

    @property
    def shape(self) -> Shape:
        return self._shape

    @property
    def ndim(self) -> int:
        return len(self._shape)

    @property
    def trainable(self) -> bool:
        return self._trainable

    @trainable.setter
    def trainable(self, value: bool) -> None:
        self._trainable = bool(value)

    @property
    def autocast(self) -> bool:
        return self._autocast

    @property
    def aggregation(self) -> str:
        return self._aggregation

    @property
    def synchronization(self) -> str:
        return self._synchronization

    @property
    def value(self) -> Tensor:
        """The current value: from the innermost `StatelessScope` if it maps this variable."""
        scope = current("stateless")
        if scope is not None:
            mapped = scope.get_current_value(self)
            if mapped is not None:
                return self._autocast_value(mapped)
        if self._reclaim is not None:
            self._reclaim()
        if self._value is None:
            raise ValueError(
                f"Variable {self._path!r} is not initialized yet: it was created inside a "
                "StatelessScope and is initialized when the scope exits."
            )
        return self._autocast_value(self._value)

    # --- lending to a training loop -----------------------------------------------------

    def _lend(self, reclaim: Callable[[], None]) -> Tensor:
        """Hand the stored value to a loop that will consume it (JAX donates its buffers).

        Until `_take_back`, the variable's own value may be stale or deleted: any read or
        assignment first calls `reclaim`, which must `_take_back` the loop's current value.
        """
        if self._reclaim is not None:
            self._reclaim()
        self._reclaim = reclaim
        return self._value

    def _take_back(self, value: Tensor) -> None:
        """Store the loop's current `value` (already of this variable's dtype and shape)."""
        self._reclaim = None
        self._replace(value)

    def _autocast_value(self, value: Tensor) -> Tensor:
        dtype = self.dtype
        if dtype == self._dtype:
            return value
        from keras.ops._convert import convert

        return convert(value, dtype)

    # --- assignment --------------------------------------------------------------------

    def assign(self, value: Any) -> Tensor:
        """Set the variable to `value` (cast to its dtype; the shape must match).

        Inside a `StatelessScope` the assignment is recorded in the scope instead.
        """
        from keras.ops._convert import convert

        tensor = convert(value, self._dtype)
        if tuple(tensor.shape) != self._shape:
            raise ValueError(
                "The shape of the target variable and the shape of the target value in "
                f"`variable.assign(value)` must match. variable.shape={self._shape}, "
                f"Received: value.shape={tuple(tensor.shape)}. Target variable: {self!r}"
            )
        scope = current("stateless")
        if scope is not None:
            scope.add_update((self, tensor))
        else:
            if self._reclaim is not None:
                self._reclaim()
            self._replace(tensor)
        return tensor

    def assign_add(self, value: Any) -> Tensor:
        return self.assign(ops_module().add(self.value, value))

    def assign_sub(self, value: Any) -> Tensor:
        return self.assign(ops_module().subtract(self.value, value))

    # --- conversion --------------------------------------------------------------------

    def numpy(self) -> np.ndarray[Any, Any]:
        from keras.ops._convert import to_numpy

        return to_numpy(self.value)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray[Any, Any]:
        array = self.numpy()
        return array if dtype is None else array.astype(dtype)

    def __len__(self) -> int:
        if not self._shape:
            raise TypeError("len() of a 0-d Variable")
        return self._shape[0]

    def __bool__(self) -> bool:
        return bool(self.numpy())

    def __int__(self) -> int:
        return int(self.numpy())

    def __float__(self) -> float:
        return float(self.numpy())

    def __repr__(self) -> str:
        initialized = self._value is not None or self._reclaim is not None
        value = np.array2string(self.numpy()) if initialized else "<uninitialized>"
        return f"<Variable path={self._path}, shape={self._shape}, dtype={self._dtype}, value={value}>"

    # Identity semantics: variables are dict keys and set members, as in Keras 3.
    __hash__ = object.__hash__


def _standardize_shape(shape: Any) -> tuple[int, ...]:
    if isinstance(shape, int):
        shape = (shape,)
    try:
        dims = tuple(int(d) for d in shape)
    except (TypeError, ValueError):
        raise ValueError(f"A Variable's shape must be a tuple of ints. Received: shape={shape!r}") from None
    if any(d < 0 for d in dims):
        raise ValueError(f"A Variable's shape may not have negative dimensions. Received: shape={shape!r}")
    return dims
