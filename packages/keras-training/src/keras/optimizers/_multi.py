"""`MultiOptimizer` and `OptimizerMap`: different optimizers for different variables."""

from __future__ import annotations

import re
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any

from keras.backend._name_scope import name_scope
from keras.backend._variable import Variable
from keras.optimizers._loss_scale import LossScaleOptimizer
from keras.optimizers._optimizer import Optimizer
from keras.optimizers._support import require_training_backend


class OptimizerMap(MutableMapping[str, Optimizer]):
    """Map variable paths to optimizers, with a default for unmatched paths.

    A key matches a path exactly, or else as a regular expression (`re.fullmatch`):
    `"encoder/.*"` covers every variable under `encoder`. Called on a variable, the
    map returns the optimizer for its `path`.

    Args:
        default_optimizer: The optimizer of variables no key matches.
        optimizer_map: An initial dict from key to optimizer.

    Raises:
        TypeError: If `default_optimizer` is not an `Optimizer` or `optimizer_map` not a dict.

    Example:

    >>> adam, sgd = keras.optimizers.Adam(name="adam_doc"), keras.optimizers.SGD(name="sgd_doc")
    >>> mapping = keras.optimizers.OptimizerMap(sgd, {"encoder/.*": adam})
    >>> mapping["encoder/dense/kernel"].name, mapping["decoder/kernel"].name
    ('adam_doc', 'sgd_doc')
    """

    def __init__(
        self, default_optimizer: Optimizer, optimizer_map: dict[str, Optimizer] | None = None
    ) -> None:
        if not isinstance(default_optimizer, Optimizer):
            raise TypeError(
                f"default_optimizer must be a Keras Optimizer instance. Received: {default_optimizer}"
            )
        if optimizer_map is not None and not isinstance(optimizer_map, dict):
            raise TypeError(f"optimizer_map must be a dictionary. Received: {optimizer_map}")
        self._default_optimizer = default_optimizer
        self._optimizer_map: dict[str, Optimizer] = optimizer_map or {}

    @property
    def default_optimizer(self) -> Optimizer:
        return self._default_optimizer

    def __getitem__(self, key: str) -> Optimizer:
        if key in self._optimizer_map:
            return self._optimizer_map[key]
        matches = [pattern for pattern in self._optimizer_map if re.fullmatch(pattern, key)]
        if len(matches) > 1:
            raise ValueError(f"Multiple optimizers assigned to variable {key}.")
        return self._optimizer_map[matches[0]] if matches else self._default_optimizer

    def __setitem__(self, key: str, optimizer: Optimizer) -> None:
        if key in self._optimizer_map:
            raise ValueError(
                f"'{key}' already exists in the OptimizerMap with value {self._optimizer_map[key]}. "
                "Please make sure to not use duplicated keys."
            )
        if not isinstance(key, str):
            raise ValueError(f"key must be a string. Received: {key}")
        if not isinstance(optimizer, Optimizer):
            raise ValueError(f"optimizer must be a Keras Optimizer instance. Received: {optimizer}")
        if isinstance(optimizer, LossScaleOptimizer):
            raise ValueError("optimizer cannot be LossScaleOptimizer.")
        if isinstance(optimizer, MultiOptimizer):
            raise ValueError("optimizer cannot be MultiOptimizer.")
        self._optimizer_map[key] = optimizer

    def __delitem__(self, key: str) -> None:
        del self._optimizer_map[key]

    def __len__(self) -> int:
        return len(self._optimizer_map)

    def __iter__(self) -> Iterator[str]:
        return iter(self._optimizer_map)

    def __call__(self, variable: Variable) -> Optimizer:
        return self[variable.path]

    def get_config(self) -> dict[str, Any]:
        from keras.layers._serialization import serialize_keras_object

        return {
            "default_optimizer": serialize_keras_object(self._default_optimizer),
            "optimizer_map": serialize_keras_object(self._optimizer_map),
        }

    @classmethod
    def from_config(
        cls, config: dict[str, Any], custom_objects: dict[str, Any] | None = None
    ) -> OptimizerMap:
        from keras.optimizers._serialization import deserialize

        default = deserialize(config["default_optimizer"], custom_objects)
        mapping = {key: deserialize(value, custom_objects) for key, value in config["optimizer_map"].items()}
        return cls(default, mapping)


class MultiOptimizer(Optimizer):
    """Update each variable with the optimizer an `OptimizerMap` (or callable) assigns it.

    Args:
        optimizer_map: An `OptimizerMap`, or a callable from a variable to an optimizer.
        loss_scale_factor: Loss scale passed on to every inner optimizer.
        name: The optimizer's name.

    Example:

    >>> mapping = keras.optimizers.OptimizerMap(keras.optimizers.SGD(), {".*bias": keras.optimizers.Adam()})
    >>> len(keras.optimizers.MultiOptimizer(mapping).optimizers)
    2
    """

    def __init__(
        self, optimizer_map: Any, loss_scale_factor: float | None = None, name: str | None = None
    ) -> None:
        super().__init__(learning_rate=0.0, loss_scale_factor=loss_scale_factor, name=name)
        self._optimizer_map = optimizer_map
        self._inner_optimizers: list[Optimizer] = []
        self._var_to_optimizer_index: dict[int, int] = {}
        candidates = list(optimizer_map.values()) if hasattr(optimizer_map, "values") else []
        default = getattr(optimizer_map, "default_optimizer", None)
        if default is not None:
            candidates.append(default)
        for optimizer in candidates:
            self._add_inner(optimizer)

    def _add_inner(self, optimizer: Optimizer) -> int:
        for index, known in enumerate(self._inner_optimizers):
            if known is optimizer:
                return index
        optimizer.loss_scale_factor = self.loss_scale_factor
        self._inner_optimizers.append(optimizer)
        return len(self._inner_optimizers) - 1

    def build(self, var_list: Sequence[Variable]) -> None:
        if self.built:
            return
        var_list = list(var_list)
        groups: dict[int, list[Variable]] = {}
        for variable in var_list:
            optimizer = self._optimizer_map(variable)
            if not isinstance(optimizer, Optimizer):
                raise ValueError(f"Optimizer for variable {variable} is not an Optimizer instance.")
            if isinstance(optimizer, LossScaleOptimizer):
                raise ValueError("LossScaleOptimizer cannot be used inside an MultiOptimizer.")
            if isinstance(optimizer, MultiOptimizer):
                raise ValueError("MultiOptimizer cannot be used inside an MultiOptimizer.")
            index = self._add_inner(optimizer)
            self._var_to_optimizer_index[id(variable)] = index
            groups.setdefault(index, []).append(variable)
        for index, optimizer in enumerate(self._inner_optimizers):
            if index in groups:
                optimizer.build(groups[index])
        super().build(var_list)

    @property
    def optimizers(self) -> list[Optimizer]:
        """The inner optimizers, in the order their variables are listed."""
        return self._inner_optimizers

    @property
    def variables(self) -> list[Variable]:
        result = self._variables[:]
        for optimizer in self._inner_optimizers:
            result.extend(optimizer.variables)
        return result

    @property
    def learning_rate(self) -> Any:
        raise AttributeError(
            "Learning rate cannot be accessed on a MultiOptimizer. Access the learning rate on the "
            "individual sub-optimizers instead."
        )

    @learning_rate.setter
    def learning_rate(self, value: Any) -> None:
        raise AttributeError(
            "Learning rate cannot be set on a MultiOptimizer. Set the learning rate on the individual "
            "sub-optimizers instead."
        )

    @property
    def loss_scale_factor(self) -> float | None:
        return self.__dict__.get("_loss_scale_factor")

    @loss_scale_factor.setter
    def loss_scale_factor(self, value: float | None) -> None:
        self._loss_scale_factor = value
        for optimizer in self.__dict__.get("_inner_optimizers", []):
            optimizer.loss_scale_factor = value

    @property
    def iterations(self) -> Any:
        return self._iterations

    def apply(self, grads: Sequence[Any], trainable_variables: Sequence[Variable] | None = None) -> None:
        require_training_backend(f"`{type(self).__name__}.apply()`")
        grads = list(grads)
        if not grads:
            return
        if trainable_variables is None:
            if not self.built:
                raise ValueError(
                    "When passing `grads` without `variables`, the optimizer must already be built on a "
                    "list of variables. Call `optimizer.build(trainable_variables)` first."
                )
            trainable_variables = self._trainable_variables
        if not self.built:
            with name_scope(self.name, caller=self):
                self.build(trainable_variables)
        if len(grads) != len(self._trainable_variables_indices):
            raise ValueError(
                "Gradients must match trainable variables one-to-one. Received "
                f"{len(grads)} gradients and {len(self._trainable_variables_indices)} variables."
            )
        groups: dict[int, tuple[list[Any], list[Variable]]] = {}
        for gradient, variable in zip(grads, trainable_variables, strict=True):
            sub_grads, sub_variables = groups.setdefault(self._var_to_optimizer_index[id(variable)], ([], []))
            sub_grads.append(gradient)
            sub_variables.append(variable)
        for index, optimizer in enumerate(self._inner_optimizers):
            if index in groups:
                optimizer.apply(*groups[index])
        self._iterations.assign_add(1)

    def finalize_variable_values(self, var_list: Sequence[Variable]) -> None:
        groups: dict[int, list[Variable]] = {}
        for variable in var_list:
            groups.setdefault(self._var_to_optimizer_index[id(variable)], []).append(variable)
        for index, optimizer in enumerate(self._inner_optimizers):
            if index in groups:
                optimizer.finalize_variable_values(groups[index])

    def get_config(self) -> dict[str, Any]:
        from keras.layers._serialization import serialize_keras_object

        return {
            "optimizer_map": serialize_keras_object(self._optimizer_map),
            "loss_scale_factor": self.loss_scale_factor,
            "name": self.name,
        }

    @classmethod
    def from_config(
        cls, config: dict[str, Any], custom_objects: dict[str, Any] | None = None
    ) -> MultiOptimizer:
        from keras.optimizers._serialization import deserialize

        config = dict(config)
        config["optimizer_map"] = deserialize(config["optimizer_map"], custom_objects)
        return cls(**config)
