"""`keras.metrics.Metric`: the base class of stateful metrics.

A metric owns non-trainable `keras.Variable`s (its state), accumulates into them in
`update_state`, reads them in `result` and zeroes them in `reset_state`. The
`stateless_*` methods run the same code on explicit variable values inside a
`StatelessScope`, which is what a functional (JAX) training step needs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypeVar

from keras import ops
from keras.backend import floatx, standardize_dtype
from keras.backend._name_scope import name_scope
from keras.backend._naming import unique_name
from keras.backend._scopes import StatelessScope
from keras.backend._variable import Variable
from keras.ops._typing import Tensor

MetricT = TypeVar("MetricT", bound="Metric")


def snake_case(name: str) -> str:
    """Return `name` in snake case the way Keras spells metric names (`"AUC"` -> `"auc"`)."""
    spaced = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", spaced).lower()


def metric_dtype(dtype: Any) -> str:
    """Return the compute dtype a metric uses for `dtype` (a dtype, a policy or its name)."""
    if dtype is None:
        return floatx()
    compute_dtype = getattr(dtype, "compute_dtype", None)
    if isinstance(compute_dtype, str):
        return standardize_dtype(compute_dtype)
    if isinstance(dtype, str) and dtype.startswith("mixed_"):
        return standardize_dtype(dtype[len("mixed_") :])
    if isinstance(dtype, str) and dtype == "int":
        return "int32"
    return standardize_dtype(dtype)


def is_int(value: object, minimum: int) -> bool:
    """Whether `value` is an `int` (not a bool) of at least `minimum`."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def _zeros(shape: Sequence[int], dtype: Any = None) -> Tensor:
    return ops.zeros(tuple(shape), dtype=dtype)


def _ones(shape: Sequence[int], dtype: Any = None) -> Tensor:
    return ops.ones(tuple(shape), dtype=dtype)


_NAMED_INITIALIZERS = {"zeros": _zeros, "Zeros": _zeros, "ones": _ones, "Ones": _ones}


class Metric:
    """Encapsulate a metric's state and the logic that updates and reads it.

    Subclasses create their state in `__init__` with `add_variable`, accumulate into it
    in `update_state` (with `variable.assign(...)`), and compute the value in `result`.

    Args:
        dtype: The dtype of the metric's state and computations. Defaults to
            `keras.backend.floatx()`. A dtype policy (or its name, e.g.
            `"mixed_float16"`) gives its compute dtype.
        name: The metric's name. Defaults to the snake-cased class name, made unique.

    Example:

    >>> class CountPositives(keras.metrics.Metric):
    ...     def __init__(self, name="count_positives", dtype=None):
    ...         super().__init__(dtype=dtype, name=name)
    ...         self.count = self.add_variable(shape=(), initializer="zeros", name="count")
    ...     def update_state(self, values):
    ...         positive = keras.ops.cast(keras.ops.greater(values, 0), self.dtype)
    ...         self.count.assign(self.count + keras.ops.sum(positive))
    ...     def result(self):
    ...         return self.count.value
    >>> metric = CountPositives()
    >>> metric.update_state(np.array([1.0, -2.0, 3.0]))
    >>> float(metric.result())
    2.0
    """

    name: str
    _variables: list[Variable]
    _metrics: list[Metric]

    def __init__(self, dtype: Any = None, name: str | None = None) -> None:
        object.__setattr__(self, "_variables", [])
        object.__setattr__(self, "_metrics", [])
        self.name = name if name is not None else unique_name(snake_case(type(self).__name__))
        self._dtype = metric_dtype(dtype)

    # --- tracking ----------------------------------------------------------------------

    def __setattr__(self, name: str, value: Any) -> None:
        if "_variables" in self.__dict__:
            if isinstance(value, Metric) and value is not self:
                if all(value is not m for m in self._metrics):
                    self._metrics.append(value)
            elif isinstance(value, Variable) and all(value is not v for v in self._variables):
                self._variables.append(value)
        object.__setattr__(self, name, value)

    def _check_super_called(self) -> None:
        if "_variables" not in self.__dict__:
            raise RuntimeError(
                "You forgot to call `super().__init__()` in the `__init__()` method of "
                f"{type(self).__name__}. Go add it!"
            )

    @property
    def dtype(self) -> str:
        """The dtype of the metric's computations."""
        return self._dtype

    @property
    def variables(self) -> list[Variable]:
        """The metric's state variables, then those of the metrics it holds."""
        self._check_super_called()
        variables = list(self._variables)
        for metric in self._metrics:
            variables.extend(metric.variables)
        return variables

    def add_variable(
        self,
        shape: Sequence[int],
        initializer: Any,
        dtype: Any = None,
        aggregation: str = "sum",
        name: str | None = None,
    ) -> Variable:
        """Create a non-trainable state variable of this metric.

        Args:
            shape: The variable's shape.
            initializer: A callable `initializer(shape, dtype)`, an initial value, or an
                initializer name such as `"zeros"`.
            dtype: The variable's dtype. Defaults to `keras.backend.floatx()`.
            aggregation: How distributed replicas combine it (`"sum"`, `"mean"`, ...).
            name: The variable's name.

        Returns:
            The new `keras.Variable`, whose path is `"<metric name>/<name>"`.
        """
        self._check_super_called()
        if isinstance(initializer, str) and initializer in _NAMED_INITIALIZERS:
            initializer = _NAMED_INITIALIZERS[initializer]
        with name_scope(self.name.replace("/", ">"), caller=self):
            variable = Variable(
                initializer=initializer,
                shape=shape,
                dtype=dtype,
                trainable=False,
                aggregation=aggregation,
                synchronization="on_read",
                name=name,
            )
        if all(variable is not v for v in self._variables):
            self._variables.append(variable)
        return variable

    def add_weight(
        self, shape: Sequence[int] = (), initializer: Any = None, dtype: Any = None, name: str | None = None
    ) -> Variable:
        """Create a state variable (an alias of `add_variable`, zeros by default)."""
        return self.add_variable(
            shape=shape, initializer="zeros" if initializer is None else initializer, dtype=dtype, name=name
        )

    # --- the metric protocol -----------------------------------------------------------

    def update_state(self, *args: Any, **kwargs: Any) -> Any:
        """Accumulate statistics from one batch into the state variables."""
        raise NotImplementedError

    def result(self) -> Any:
        """Compute the metric's value from the state: a scalar tensor or a dict of them."""
        raise NotImplementedError

    def reset_state(self) -> None:
        """Set every state variable back to zeros (called between epochs)."""
        for variable in self.variables:
            variable.assign(ops.zeros(variable.shape, dtype=variable.dtype))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Update the state with one batch, then return the current result."""
        self._check_super_called()
        self.update_state(*args, **kwargs)
        return self.result()

    # --- the stateless protocol --------------------------------------------------------

    def _mapping(self, metric_variables: Sequence[Any]) -> list[tuple[Variable, Any]]:
        variables = self.variables
        if len(metric_variables) != len(variables):
            raise ValueError(
                "Argument `metric_variables` must be a list of tensors corresponding 1:1 to "
                f"{type(self).__name__}().variables. Received list with length "
                f"{len(metric_variables)}, but expected {len(variables)} variables."
            )
        return list(zip(variables, metric_variables, strict=True))

    def stateless_update_state(self, metric_variables: Sequence[Any], *args: Any, **kwargs: Any) -> list[Any]:
        """Run `update_state` on explicit variable values and return the new values.

        Args:
            metric_variables: One value per entry of `self.variables`, in that order.
            *args: Passed to `update_state`.
            **kwargs: Passed to `update_state`.

        Returns:
            The list of updated values; the metric's own variables are left untouched.

        Raises:
            ValueError: If `metric_variables` does not match `self.variables` in length.
        """
        mapping = self._mapping(metric_variables)
        with StatelessScope(state_mapping=mapping) as scope:
            self.update_state(*args, **kwargs)
        updated = []
        for variable, value in mapping:
            new_value = scope.get_current_value(variable)
            updated.append(value if new_value is None else new_value)
        return updated

    def stateless_result(self, metric_variables: Sequence[Any]) -> Any:
        """Return `result()` computed from explicit variable values.

        Raises:
            ValueError: If `metric_variables` does not match `self.variables` in length.
        """
        with StatelessScope(state_mapping=self._mapping(metric_variables)):
            return self.result()

    def stateless_reset_state(self) -> list[Any]:
        """Return the values `reset_state` would give the variables, without setting them."""
        with StatelessScope() as scope:
            self.reset_state()
        values = []
        for variable in self.variables:
            new_value = scope.get_current_value(variable)
            values.append(variable.value if new_value is None else new_value)
        return values

    # --- configuration -----------------------------------------------------------------

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments that recreate this metric."""
        return {"name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls: type[MetricT], config: dict[str, Any]) -> MetricT:
        """Create a metric from the output of its `get_config()`."""
        return cls(**config)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name}>"

    def __str__(self) -> str:
        return self.__repr__()


def read(variable: Variable) -> Tensor:
    """Return a variable's current value as a plain tensor (state is never differentiated)."""
    return ops.stop_gradient(variable.value)
