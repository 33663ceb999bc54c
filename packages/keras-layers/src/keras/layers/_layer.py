"""`Layer`: state (weights) plus a computation, callable eagerly or on `KerasTensor`s.

A layer creates its weights in `build(input_shape)`, run on the first call; it tracks the
layers, variables and seed generators assigned to its attributes (also inside lists,
tuples and dicts) by looking at them when asked, so no wrapper types are needed; it
propagates `training` and masks; and it can run statelessly (`stateless_call`) for
functional training steps.
"""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from keras import tree
from keras.backend._masking import get_keras_mask, set_keras_mask
from keras.backend._name_scope import name_scope
from keras.backend._scopes import AutocastScope, StatelessScope, SymbolicScope, current
from keras.backend._variable import Variable
from keras.layers._call_context import CallContext, call_signature, in_layer_call, outer_training
from keras.layers._input_spec import InputSpec, check_input
from keras.ops._conversion import convert_to_tensor
from keras.ops._keras_tensor import KerasTensor
from keras.ops._operation import Node, Operation, any_symbolic
from keras.random import SeedGenerator

# Attributes that hold graph bookkeeping, never tracked state.
_UNTRACKED = frozenset({"_inbound_nodes", "_outbound_nodes", "_auto_config", "_build_shapes", "_losses"})
_LOSSES_ADDED = [False]


__all__ = ["Layer"]


@functools.cache
def _init_signature(init: Any) -> inspect.Signature:
    return inspect.signature(init)


def _shape_of(x: Any) -> Any:
    shape = getattr(x, "shape", None)
    if shape is None:
        return None
    return tuple(None if d is None else int(d) for d in shape)


def _fresh_keras_tensor(x: Any) -> Any:
    """A history-free copy of a KerasTensor (so tracing a call records nothing on it)."""
    if isinstance(x, KerasTensor):
        copy = KerasTensor(x.shape, x.dtype, sparse=x.sparse, ragged=x.ragged)
        mask = getattr(x, "_keras_mask", None)
        if mask is not None:
            copy._keras_mask = mask  # type: ignore[attr-defined]
        return copy
    return x


# Bumped by every attribute set or deleted on any layer and every tracked variable: a
# training loop may reuse what it found by walking the model (its trainable variables,
# its layers) for as long as this has not changed.
_GENERATION = [0]


def tracking_generation() -> int:
    """A number that changes whenever any layer's attributes or tracked variables change."""
    return _GENERATION[0]


class Layer(Operation):
    """The base class of layers: weights created in `build`, a computation in `call`.

    Subclass it and implement `build(input_shape)` (create weights with `add_weight`) and
    `call(inputs, ...)`; `call` may take `training` and `mask` arguments, which the layer
    fills in from the outer call and the inputs' masks.

    Args:
        activity_regularizer: A regularizer applied to the outputs; its value (divided by
            the batch size) is added to `losses`.
        trainable: Whether the layer's weights are trained.
        dtype: A dtype policy or its name (`"float32"`, `"mixed_float16"`, ...); the global
            policy by default.
        autocast: Whether float inputs and variables are cast to the compute dtype.
        name: The layer's name; unique by default.
        **kwargs: `input_shape`, `input_dim` and `batch_size`, accepted for `Sequential`.

    Example:

    >>> class Scale(keras.layers.Layer):
    ...     def build(self, input_shape):
    ...         self.w = self.add_weight(shape=(input_shape[-1],), initializer="ones")
    ...     def call(self, x):
    ...         return x * self.w
    >>> layer = Scale()
    >>> layer(np.array([[1.0, 2.0]], dtype="float32"))
    array([[1., 2.]], dtype=float32)
    >>> [w.shape for w in layer.weights]
    [(2,)]
    """

    supports_masking: bool = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "build" in cls.__dict__:
            cls.build = _build_wrapper(cls.__dict__["build"])  # type: ignore[method-assign]
        if "quantize" in cls.__dict__:
            cls.quantize = _quantize_wrapper(cls.__dict__["quantize"])  # type: ignore[method-assign]

    def __new__(cls, *args: Any, **kwargs: Any) -> Layer:
        obj = super().__new__(cls)
        # Remember the constructor arguments: `get_config` of a subclass that does not
        # write its own can return them.
        try:
            bound = _init_signature(cls.__init__).bind_partial(None, *args, **kwargs)
            config = dict(bound.arguments)
            config.pop(next(iter(config)), None)  # self
            extra = config.pop("kwargs", None)
            if isinstance(extra, dict):
                config.update(extra)
            obj._auto_config = config
        except TypeError:
            obj._auto_config = None
        return obj

    def __init__(
        self,
        *,
        activity_regularizer: Any = None,
        trainable: bool = True,
        dtype: Any = None,
        autocast: bool = True,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        from keras import dtype_policies, regularizers

        input_shape = kwargs.pop("input_shape", None)
        input_dim = kwargs.pop("input_dim", None)
        batch_size = kwargs.pop("batch_size", None)
        batch_input_shape = kwargs.pop("batch_input_shape", None)
        kwargs.pop("input_dtype", None)
        if kwargs:
            raise ValueError(f"Unrecognized keyword arguments passed to {type(self).__name__}: {kwargs}")
        super().__init__(name=name)
        self._trainable_variables: list[Variable] = []
        self._non_trainable_variables: list[Variable] = []
        self._losses: list[Any] = []
        self._trainable = bool(trainable)
        self.built = False
        self._build_shapes: dict[str, Any] | None = None
        self.autocast = bool(autocast)
        self._dtype_policy = dtype_policies.get(dtype)
        self.activity_regularizer = regularizers.get(activity_regularizer)
        self._input_spec: InputSpec | list[InputSpec] | None = None
        self._called = False
        if input_dim is not None and input_shape is None:
            input_shape = (input_dim,)
        if batch_input_shape is not None:
            self._batch_input_shape: tuple[Any, ...] | None = tuple(batch_input_shape)
        elif input_shape is not None:
            self._batch_input_shape = (batch_size, *tuple(input_shape))
        else:
            self._batch_input_shape = None

    # --- attribute tracking -------------------------------------------------------------

    def __setattr__(self, name: str, value: Any) -> None:
        _GENERATION[0] += 1
        if isinstance(value, Variable) and "_trainable_variables" in self.__dict__:
            self._track_variable(value)
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        _GENERATION[0] += 1
        object.__delattr__(self, name)

    def _track_variable(self, variable: Variable) -> None:
        _GENERATION[0] += 1
        own = self._trainable_variables if variable.trainable else self._non_trainable_variables
        if not any(v is variable for v in self._trainable_variables + self._non_trainable_variables):
            own.append(variable)

    def _tracked_values(self) -> Iterator[Any]:
        for key, value in self.__dict__.items():
            if key in _UNTRACKED:
                continue
            if isinstance(value, (list, tuple, dict)):
                yield from tree.flatten(value) if value else ()
            else:
                yield value

    @property
    def _layers(self) -> list[Layer]:
        """Direct sublayers, in the order they were assigned."""
        seen: set[int] = {id(self)}
        found: list[Layer] = []
        for value in self._tracked_values():
            if isinstance(value, Layer) and id(value) not in seen:
                seen.add(id(value))
                found.append(value)
        return found

    @property
    def _seed_generators(self) -> list[SeedGenerator]:
        return [v for v in self._tracked_values() if isinstance(v, SeedGenerator)]

    def _flatten_layers(self, include_self: bool = True, recursive: bool = True) -> list[Layer]:
        """This layer (optionally) and its sublayers, depth first, each once."""
        result: list[Layer] = [self] if include_self else []
        seen: set[int] = {id(self)}
        stack = list(reversed(self._layers))
        while stack:
            layer = stack.pop()
            if id(layer) in seen:
                continue
            seen.add(id(layer))
            result.append(layer)
            if recursive:
                stack.extend(reversed(layer._layers))
        return result

    # --- weights ------------------------------------------------------------------------

    def _collect(self, attribute: str) -> list[Variable]:
        seen: set[int] = set()
        result: list[Variable] = []
        for layer in self._flatten_layers():
            for variable in getattr(layer, attribute)():
                if id(variable) not in seen:
                    seen.add(id(variable))
                    result.append(variable)
        return result

    def _own_weights(self) -> list[Variable]:
        return self._trainable_variables + self._non_trainable_variables

    def _own_variables(self) -> list[Variable]:
        return self._own_weights() + [g.state for g in self._seed_generators]

    @property
    def weights(self) -> list[Variable]:
        """Every weight of the layer and its sublayers (not seed states or metric totals)."""
        return self._collect("_own_weights")

    @property
    def trainable_weights(self) -> list[Variable]:
        """The weights gradients train: empty when the layer is not trainable."""
        result: list[Variable] = []
        seen: set[int] = set()

        def visit(layer: Layer) -> None:
            # A frozen layer freezes its whole subtree.
            if id(layer) in seen or not layer._trainable:
                return
            seen.add(id(layer))
            result.extend(v for v in layer._own_weights() if v.trainable)
            for sublayer in layer._layers:
                visit(sublayer)

        visit(self)
        unique: dict[int, Variable] = {id(v): v for v in result}
        return list(unique.values())

    @property
    def non_trainable_weights(self) -> list[Variable]:
        """The weights gradients do not train."""
        trainable = {id(v) for v in self.trainable_weights}
        return [v for v in self.weights if id(v) not in trainable]

    @property
    def variables(self) -> list[Variable]:
        """Every variable: weights and seed-generator states."""
        return self._collect("_own_variables")

    @property
    def trainable_variables(self) -> list[Variable]:
        return self.trainable_weights

    @property
    def non_trainable_variables(self) -> list[Variable]:
        trainable = {id(v) for v in self.trainable_weights}
        return [v for v in self.variables if id(v) not in trainable]

    @property
    def trainable(self) -> bool:
        return self._trainable

    @trainable.setter
    def trainable(self, value: bool) -> None:
        for layer in self._flatten_layers():
            layer._trainable = bool(value)

    def add_weight(
        self,
        shape: Sequence[int] | None = None,
        initializer: Any = None,
        dtype: Any = None,
        trainable: bool = True,
        autocast: bool = True,
        regularizer: Any = None,
        constraint: Any = None,
        aggregation: str = "none",
        overwrite_with_gradient: bool = False,
        name: str | None = None,
    ) -> Variable:
        """Create a weight of this layer and track it.

        Args:
            shape: The weight's shape; `()` by default.
            initializer: An initializer or its name; `"glorot_uniform"` for floats and
                `"zeros"` otherwise by default.
            dtype: The dtype; the layer's variable dtype by default.
            trainable: Whether gradients train it.
            autocast: Whether it is read in the compute dtype under mixed precision.
            regularizer: A regularizer (or name) whose value is added to `losses`.
            constraint: A constraint (or name) applied after each optimizer update.
            aggregation: How distributed replicas combine it.
            overwrite_with_gradient: Whether the optimizer overwrites it with its gradient.
            name: The weight's name.

        Returns:
            The new `Variable`.
        """
        from keras import constraints, initializers, regularizers
        from keras.backend._dtypes import is_float_dtype, standardize_dtype

        dtype = standardize_dtype(dtype) if dtype is not None else self.variable_dtype
        if initializer is None:
            initializer = "glorot_uniform" if is_float_dtype(dtype) else "zeros"
        initializer = initializers.get(initializer)
        with name_scope(self.name, caller=self):
            variable = Variable(
                initializer=initializer,
                shape=tuple(shape) if shape is not None else (),
                dtype=dtype,
                trainable=trainable,
                autocast=autocast,
                aggregation=aggregation,
                name=name,  # None: "variable", "variable_1"... as Keras names them
            )
        variable.regularizer = regularizers.get(regularizer)
        variable.constraint = constraints.get(constraint)
        variable.overwrite_with_gradient = overwrite_with_gradient
        self._track_variable(variable)
        return variable

    def get_weights(self) -> list[np.ndarray[Any, Any]]:
        """Return the values of `weights` as numpy arrays."""
        return [v.numpy() for v in self.weights]

    def set_weights(self, weights: Sequence[Any]) -> None:
        """Set `weights` from a list of arrays (checked in full before anything changes)."""
        layer_weights = self.weights
        if len(layer_weights) != len(weights):
            raise ValueError(
                f"You called `set_weights(weights)` on layer '{self.name}' with a weight list of length "
                f"{len(weights)}, but the layer was expecting {len(layer_weights)} weights."
            )
        arrays = [np.asarray(w) for w in weights]
        for variable, array in zip(layer_weights, arrays, strict=True):
            if tuple(variable.shape) != tuple(array.shape):
                raise ValueError(
                    f"Layer {self.name} weight shape {tuple(variable.shape)} is not compatible with provided "
                    f"weight shape {tuple(array.shape)}."
                )
        for variable, array in zip(layer_weights, arrays, strict=True):
            variable.assign(array)

    def count_params(self) -> int:
        """Return the number of scalars in `weights`."""
        if not self.built:
            raise ValueError(
                f"You tried to call `count_params` on layer '{self.name}', but the layer isn't built. "
                "You can build it manually via: `layer.build(input_shape)`."
            )
        return sum(math.prod(int(d or 0) for d in v.shape) for v in self.weights)

    # --- dtype policy -------------------------------------------------------------------

    @property
    def dtype_policy(self) -> Any:
        return self._dtype_policy

    @dtype_policy.setter
    def dtype_policy(self, value: Any) -> None:
        from keras import dtype_policies

        self._dtype_policy = dtype_policies.get(value)

    @property
    def dtype(self) -> str:
        """The dtype of the layer's variables."""
        return str(self._dtype_policy.variable_dtype)

    @property
    def compute_dtype(self) -> str:
        return str(self._dtype_policy.compute_dtype)

    @property
    def variable_dtype(self) -> str:
        return str(self._dtype_policy.variable_dtype)

    @property
    def input_dtype(self) -> str:
        return self.compute_dtype

    # --- input spec ---------------------------------------------------------------------

    @property
    def input_spec(self) -> InputSpec | list[InputSpec] | None:
        return self._input_spec

    @input_spec.setter
    def input_spec(self, value: InputSpec | Sequence[InputSpec] | None) -> None:
        specs = value if isinstance(value, (list, tuple)) else [value]
        for spec in specs:
            if spec is not None and not isinstance(spec, InputSpec):
                raise TypeError(
                    f"Layer '{self.name}': `input_spec` must be an InputSpec or a list of them. Received: {value!r}"
                )
        self._input_spec = list(value) if isinstance(value, (list, tuple)) else value  # type: ignore[assignment]

    # --- building -----------------------------------------------------------------------

    def build(self, input_shape: Any) -> None:
        """Create the layer's weights for inputs of `input_shape` (override this).

        Calling it directly also marks the layer built and records the shapes for its
        build config, as a first call would.
        """
        self.built = True

    def _build_from_call_arguments(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        signature = call_signature(type(self).call, type(self).build)
        params = signature.build_parameters
        if len(params) <= 1:
            shapes = tree.map_structure(_shape_of, args[0]) if args else None
            self.build(shapes)
            self._build_shapes = {"input_shape": shapes}
        else:
            values = dict(zip(signature.parameters, args, strict=False)) | kwargs
            shapes_dict = {}
            for param in params:
                argument = param.removesuffix("_shape")
                if values.get(argument) is not None:
                    shapes_dict[param] = tree.map_structure(_shape_of, values[argument])
            self.build(**shapes_dict)
            # One shape given: Keras records it as `input_shape`, whatever the parameter.
            if len(shapes_dict) == 1:
                self._build_shapes = {"input_shape": next(iter(shapes_dict.values()))}
            else:
                self._build_shapes = {"shapes_dict": shapes_dict}
        self.built = True

    def get_build_config(self) -> dict[str, Any] | None:
        """Return the shapes the layer was built for (saved in `.keras` files)."""
        if self._build_shapes is None:
            return None
        config: dict[str, Any] = tree.map_shape_structure(
            lambda s: list(s) if s is not None else None, self._build_shapes
        )
        return config

    def build_from_config(self, config: dict[str, Any]) -> None:
        """Build the layer from `get_build_config()`'s output."""
        if not config:
            return
        if "input_shape" in config:
            shape = config["input_shape"]
            shape = tree.map_shape_structure(lambda s: tuple(s), shape) if shape is not None else None
            with name_scope(self.name, caller=self):
                self.build(shape)
            self._build_shapes = {"input_shape": shape}
        elif "shapes_dict" in config:
            shapes = {
                k: tree.map_shape_structure(lambda s: tuple(s), v) for k, v in config["shapes_dict"].items()
            }
            with name_scope(self.name, caller=self):
                self.build(**shapes)
            self._build_shapes = {"shapes_dict": shapes}
        self.built = True

    # --- calling ------------------------------------------------------------------------

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if "_trainable_variables" not in self.__dict__:
            raise RuntimeError(
                f"Layer {type(self).__name__}: `super().__init__()` was not called in the constructor."
            )
        signature = call_signature(type(self).call, type(self).build)
        args = self._convert_inputs(args)
        user_kwargs = dict(kwargs)

        training = kwargs.get("training")
        if training is None:
            training = outer_training()
        if training is None:
            training = signature.training_default
        if signature.accepts_training and training is not None:
            kwargs["training"] = training
        else:
            kwargs.pop("training", None)
            user_kwargs.pop("training", None)

        previous_mask = kwargs.get("mask")
        if previous_mask is None and args:
            masks = tree.map_structure(get_keras_mask, args[0]) if args[0] is not None else None
            if masks is not None and any(m is not None for m in tree.flatten(masks)):
                previous_mask = masks
        if signature.accepts_mask:
            if previous_mask is not None:
                kwargs["mask"] = previous_mask
        else:
            kwargs.pop("mask", None)

        if args:
            check_input(self._input_spec, args[0], self.name)
        outermost = not in_layer_call()
        if outermost and _LOSSES_ADDED[0]:
            for layer in self._flatten_layers():
                layer._losses.clear()
        first_call = not self.built
        with CallContext(training):
            if first_call:
                with name_scope(self.name, caller=self):
                    self._build_from_call_arguments(args, kwargs)
                    if args:
                        check_input(self._input_spec, args[0], self.name)
                    outputs = self._call_once(args, kwargs, user_kwargs, previous_mask)
            else:
                outputs = self._call_once(args, kwargs, user_kwargs, previous_mask)
        if not self._called:  # set once: an attribute set marks the layer changed (tracking_generation)
            self._called = True
        return outputs

    def _convert_inputs(self, args: tuple[Any, ...]) -> tuple[Any, ...]:
        """Turn numpy arrays and lists into tensors; cast float inputs to the compute dtype."""
        if not args:
            return args
        compute_dtype = self.compute_dtype
        autocast = self.autocast

        def convert(x: Any) -> Any:
            if isinstance(x, np.ndarray):
                dtype = compute_dtype if autocast and np.issubdtype(x.dtype, np.floating) else None
                return convert_to_tensor(x, dtype=dtype)
            if autocast and not isinstance(x, KerasTensor) and hasattr(x, "dtype") and hasattr(x, "shape"):
                from keras.backend._dtypes import is_float_dtype, standardize_dtype

                dtype = standardize_dtype(x.dtype)
                if dtype != compute_dtype and is_float_dtype(dtype) and is_float_dtype(compute_dtype):
                    from keras.ops._conversion import cast

                    return cast(x, compute_dtype)
            return x

        first = args[0]
        if isinstance(first, (list, tuple, dict)):
            first = tree.map_structure(convert, first)
        else:
            first = convert(first)
        return (first, *args[1:])

    def _call_once(
        self, args: tuple[Any, ...], kwargs: dict[str, Any], user_kwargs: dict[str, Any], previous_mask: Any
    ) -> Any:
        if any_symbolic(args, kwargs):
            outputs = self.compute_output_spec(*args, **kwargs)
            Node(self, call_args=args, call_kwargs=user_kwargs, outputs=outputs)
            self._attach_masks(args, outputs, previous_mask)
            return outputs
        policy = self._dtype_policy
        if self.autocast and policy.compute_dtype != policy.variable_dtype:
            with AutocastScope(policy.compute_dtype):
                outputs = self.call(*args, **kwargs)
        else:
            outputs = self.call(*args, **kwargs)
        self._attach_masks(args, outputs, previous_mask)
        if self.activity_regularizer is not None:
            for output in tree.flatten(outputs):
                if hasattr(output, "shape") and len(output.shape) > 0:
                    from keras import ops

                    batch = ops.cast(ops.shape(output)[0], output.dtype)
                    self.add_loss(ops.divide(self.activity_regularizer(output), batch))
        return outputs

    def _attach_masks(self, args: tuple[Any, ...], outputs: Any, previous_mask: Any) -> None:
        if not self.supports_masking and type(self).compute_mask is Layer.compute_mask:
            return
        if not args:
            return
        mask = self.compute_mask(args[0], previous_mask)
        if mask is None:
            return
        flat_outputs = tree.flatten(outputs)
        flat_masks = (
            tree.flatten(mask) if isinstance(mask, (list, tuple, dict)) else [mask] * len(flat_outputs)
        )
        if len(flat_masks) != len(flat_outputs):
            flat_masks = [flat_masks[0]] * len(flat_outputs)
        for output, output_mask in zip(flat_outputs, flat_masks, strict=True):
            if output is not None:
                set_keras_mask(output, output_mask)

    def call(self, *args: Any, **kwargs: Any) -> Any:
        """The layer's computation (override this)."""
        raise NotImplementedError(f"Layer {type(self).__name__} does not have a `call()` method implemented.")

    def compute_mask(self, inputs: Any, previous_mask: Any) -> Any:
        """Return the mask of the outputs: the input mask when the layer supports masking."""
        return previous_mask if self.supports_masking else None

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        """Return the outputs as `KerasTensor`s, by `compute_output_shape` or by tracing `call`."""
        if type(self).compute_output_shape is not Layer.compute_output_shape:
            shapes = [tree.map_structure(_shape_of, a) for a in args if a is not None]
            output_shape = self.compute_output_shape(*shapes)
            return _keras_tensors_for_shapes(output_shape, self.compute_dtype)
        fresh_args = tree.map_structure(_fresh_keras_tensor, args)
        fresh_kwargs = tree.map_structure(_fresh_keras_tensor, kwargs)
        with SymbolicScope():
            policy = self._dtype_policy
            if self.autocast and policy.compute_dtype != policy.variable_dtype:
                with AutocastScope(policy.compute_dtype):
                    outputs = self.call(*fresh_args, **fresh_kwargs)
            else:
                outputs = self.call(*fresh_args, **fresh_kwargs)
        return tree.map_structure(
            lambda x: KerasTensor(x.shape, x.dtype, sparse=x.sparse) if isinstance(x, KerasTensor) else x,
            outputs,
        )

    def compute_output_shape(self, *args: Any, **kwargs: Any) -> Any:
        """Return the output shape(s) for input shape(s) (by default, by tracing `call`)."""
        tensors = [
            tree.map_shape_structure(lambda s: KerasTensor(s, self.compute_dtype), shape) for shape in args
        ]
        if not self.built:
            with name_scope(self.name, caller=self):
                self._build_from_call_arguments(tuple(tensors), kwargs)
        outputs = self.compute_output_spec(*tensors, **kwargs)
        return tree.map_structure(lambda x: x.shape, outputs)

    # --- losses -------------------------------------------------------------------------

    def add_loss(self, loss: Any) -> None:
        """Add a scalar loss (or a list of them) to this layer's `losses`."""
        scope = current("stateless")
        for value in tree.flatten(loss):
            if scope is not None and scope.collect_losses:
                scope.add_loss(value)
            else:
                _LOSSES_ADDED[0] = True
                self._losses.append(value)

    @property
    def losses(self) -> list[Any]:
        """Losses added in the last call, plus the weights' regularization, with sublayers'."""
        result: list[Any] = []
        for layer in self._flatten_layers():
            result.extend(layer._losses)
            for variable in layer._own_weights():
                if variable.regularizer is not None:
                    result.append(variable.regularizer(variable.value))
        return result

    def _clear_losses(self) -> None:
        for layer in self._flatten_layers():
            layer._losses.clear()

    # --- stateless ----------------------------------------------------------------------

    def stateless_call(
        self,
        trainable_variables: Sequence[Any],
        non_trainable_variables: Sequence[Any],
        *args: Any,
        return_losses: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Call the layer with the given variable values, without changing any state.

        Args:
            trainable_variables: Values for `trainable_variables`, in order.
            non_trainable_variables: Values for `non_trainable_variables`, in order.
            *args: The call's arguments.
            return_losses: Whether to also return the losses added during the call.
            **kwargs: The call's keyword arguments.

        Returns:
            `(outputs, non_trainable_variables)` with the new non-trainable values, plus
            the losses when `return_losses`.
        """
        trainable = self.trainable_variables
        non_trainable = self.non_trainable_variables
        if len(trainable_variables) != len(trainable):
            raise ValueError(
                f"Argument `trainable_variables` must be a list of tensors corresponding 1:1 to "
                f"{type(self).__name__}().trainable_variables. Received list with length "
                f"{len(trainable_variables)}, but expected {len(trainable)} variables."
            )
        if len(non_trainable_variables) != len(non_trainable):
            raise ValueError(
                f"Argument `non_trainable_variables` must be a list of tensors corresponding 1:1 to "
                f"{type(self).__name__}().non_trainable_variables. Received list with length "
                f"{len(non_trainable_variables)}, but expected {len(non_trainable)} variables."
            )
        mapping = list(zip(trainable, trainable_variables, strict=True)) + list(
            zip(non_trainable, non_trainable_variables, strict=True)
        )
        with StatelessScope(state_mapping=mapping, collect_losses=return_losses) as scope:
            outputs = self(*args, **kwargs)
            losses = list(scope.losses)
            if return_losses:
                for layer in self._flatten_layers():
                    for variable in layer._own_weights():
                        if variable.regularizer is not None:
                            losses.append(variable.regularizer(variable.value))
        new_values = []
        for variable, old in zip(non_trainable, non_trainable_variables, strict=True):
            value = scope.get_current_value(variable)
            new_values.append(old if value is None else value)
        if return_losses:
            return outputs, new_values, losses
        return outputs, new_values

    # --- saving -------------------------------------------------------------------------

    def save_own_variables(self, store: Any) -> None:
        """Write this layer's own weights into `store` under "0", "1", ..."""
        for index, variable in enumerate(self._own_weights()):
            store[str(index)] = variable.numpy()

    def load_own_variables(self, store: Any) -> None:
        """Read this layer's own weights from `store` (all checked before any is set)."""
        own = self._own_weights()
        self._check_load_own_variables(store)
        values = [np.asarray(store[str(i)]) for i in range(len(own))]
        for variable, value in zip(own, values, strict=True):
            if tuple(variable.shape) != tuple(value.shape):
                raise ValueError(
                    f"Layer '{self.name}': the weight '{variable.name}' has shape {tuple(variable.shape)}, but the "
                    f"file holds shape {tuple(value.shape)}. Nothing was loaded into this layer."
                )
        for variable, value in zip(own, values, strict=True):
            variable.assign(value)

    # --- config -------------------------------------------------------------------------

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments that rebuild this layer."""
        from keras import dtype_policies, regularizers

        config: dict[str, Any] = {
            "name": self.name,
            "trainable": self.trainable,
            "dtype": dtype_policies.serialize(self._dtype_policy),
        }
        if self.activity_regularizer is not None:
            config["activity_regularizer"] = regularizers.serialize(self.activity_regularizer)
        cls = type(self)
        if cls.get_config is Layer.get_config and cls.__init__ is not Layer.__init__:
            auto = getattr(self, "_auto_config", None)
            if auto is None:
                raise NotImplementedError(
                    f"Layer {cls.__name__} was created with arguments that cannot be recorded; implement "
                    "`get_config()` to make it serializable."
                )
            from keras.layers._serialization import serialize_keras_object

            try:
                extra = {key: serialize_keras_object(value) for key, value in auto.items()}
            except TypeError as error:
                raise NotImplementedError(
                    f"Layer {cls.__name__} does not implement `get_config()` and its constructor arguments "
                    f"are not serializable: {error}"
                ) from error
            config.update(extra)
        return config

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Layer:
        """Create a layer from `get_config()`'s output."""
        from keras import dtype_policies

        config = dict(config)
        if isinstance(config.get("dtype"), dict):
            config["dtype"] = dtype_policies.deserialize(config["dtype"])
        try:
            return cls(**config)
        except Exception as error:
            raise TypeError(
                f"Error when deserializing class '{cls.__name__}' using config={config}.\n\n"
                f"Exception encountered: {error}"
            ) from error

    def _check_load_own_variables(self, store: Any) -> None:
        """Raise a `ValueError` unless `store` holds as many entries as the layer has own weights."""
        own = self._own_weights()
        count = len(list(store.keys()))
        if count == len(own):
            return
        if not own and not self.built:
            raise ValueError(
                f"Layer '{self.name}' was never built and thus it doesn't have any variables. However the "
                f"weights file lists {count} variables for this layer."
            )
        raise ValueError(
            f"Layer '{self.name}' expected {len(own)} variables, but received {count} variables during "
            f"loading. Expected: {[v.name for v in own]}"
        )

    # --- quantization -------------------------------------------------------------------

    @property
    def quantization_mode(self) -> str | None:
        """The quantization mode of the layer's dtype policy (`"int8"`, ...), or None."""
        mode: str | None = self._dtype_policy.quantization_mode
        return mode

    def quantize(self, mode: str | None = None, type_check: bool = True, config: Any = None) -> None:
        """Quantize the layer's weights; layers that support it override this.

        Args:
            mode: The quantization mode (`"int8"`, `"int4"`, ...); optional with `config`.
            type_check: Whether subclasses of a quantizable layer are refused.
            config: A `keras.quantizers.QuantizationConfig` (or a mode string).

        Raises:
            ValueError: If the layer is not built or already quantized, or the arguments
                are invalid.
            NotImplementedError: Always, for layers without quantization support.
        """
        raise self._not_implemented_error(self.quantize)

    def quantized_build(self, input_shape: Any, mode: str) -> None:
        """Create the quantized weights of `mode` (layers that support it override this)."""
        raise self._not_implemented_error(self.quantized_build)

    def _check_quantize_args(self, mode: str, compute_dtype: str) -> None:
        from keras.dtype_policies._policy import QUANTIZATION_MODES

        if not self.built:
            raise ValueError(
                f"Cannot quantize a layer that isn't yet built. Layer '{self.name}' (of type "
                f"'{type(self).__name__}') is not built yet."
            )
        if getattr(self, "_is_quantized", False):
            raise ValueError(
                f"Layer '{self.name}' is already quantized with dtype_policy='{self.dtype_policy.name}'. "
                f"Received: mode={mode}"
            )
        if mode not in QUANTIZATION_MODES:
            raise ValueError(
                f"Invalid quantization mode. Expected one of {QUANTIZATION_MODES}. Received: mode={mode}"
            )
        if mode == "int8" and compute_dtype == "float16":
            raise ValueError(
                f"Quantization mode='{mode}' doesn't work well with compute_dtype='float16'. Consider loading "
                "model/layer with another dtype policy such as 'mixed_bfloat16' or 'mixed_float16' before "
                "calling `quantize()`."
            )

    def _not_implemented_error(self, attr: Any, msg: str | None = None) -> NotImplementedError:
        kind, name = ("method", attr.__name__) if callable(attr) else ("attribute", str(attr))
        suffix = f" {msg}" if msg is not None else ""
        return NotImplementedError(
            f"Layer {type(self).__name__} does not have a `{name}` {kind} implemented.{suffix}"
        )

    def _quantization_mode_error(self, mode: Any) -> NotImplementedError:
        from keras.dtype_policies._policy import QUANTIZATION_MODES

        return NotImplementedError(
            f"Invalid quantization mode. Expected one of {QUANTIZATION_MODES}. Received: quantization_mode={mode}"
        )

    # --- misc ---------------------------------------------------------------------------

    @property
    def path(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"


def _build_wrapper(build: Any) -> Any:
    """Wrap a subclass's `build`: name scope for its weights, then mark built and record shapes."""

    @functools.wraps(build)
    def wrapped(self: Layer, *args: Any, **kwargs: Any) -> None:
        outermost = not self.__dict__.get("_building", False)
        self.__dict__["_building"] = True
        try:
            with name_scope(self.name, caller=self):
                build(self, *args, **kwargs)
        finally:
            if outermost:
                self.__dict__["_building"] = False
        self.built = True
        # Only the outermost build records: a subclass calling super().build(...) with
        # a derived shape must not overwrite what the caller built the layer for.
        if outermost and self._build_shapes is None:
            if len(args) == 1 and not kwargs:
                self._build_shapes = {"input_shape": args[0]}
            elif args or kwargs:
                names = list(inspect.signature(build).parameters)[1:]
                given = {
                    k: v for k, v in (dict(zip(names, args, strict=False)) | kwargs).items() if v is not None
                }
                if len(given) == 1:
                    self._build_shapes = {"input_shape": next(iter(given.values()))}
                else:
                    self._build_shapes = {"shapes_dict": given}

    wrapped.__wrapped_build__ = build  # type: ignore[attr-defined]
    return wrapped


def _quantize_wrapper(quantize: Any) -> Any:
    """Wrap a `quantize` method: resolve the mode and config and check the layer first.

    A nested call (a subclass's `quantize` calling its parent's) runs unchecked.
    """

    @functools.wraps(quantize)
    def wrapped(self: Layer, mode: str | None = None, config: Any = None, **kwargs: Any) -> None:
        if self.__dict__.get("_quantizing", False):
            quantize(self, mode=mode, config=config, **kwargs)
            return
        from keras.quantizers._resolve import resolve_quantization_config

        config = resolve_quantization_config(mode, config)
        self._check_quantize_args(config.mode, self.compute_dtype)
        self.__dict__["_quantizing"] = True
        try:
            quantize(self, mode=config.mode, config=config, **kwargs)
        finally:
            self.__dict__["_quantizing"] = False

    return wrapped


def _is_shape(value: Any) -> bool:
    return isinstance(value, tuple | list) and all(d is None or isinstance(d, int) for d in value)


def _keras_tensors_for_shapes(shapes: Any, dtype: str) -> Any:
    if _is_shape(shapes):
        return KerasTensor(tuple(shapes), dtype)
    if isinstance(shapes, dict):
        return {k: _keras_tensors_for_shapes(v, dtype) for k, v in shapes.items()}
    if isinstance(shapes, (list, tuple)):
        return type(shapes)(_keras_tensors_for_shapes(s, dtype) for s in shapes)
    raise ValueError(
        f"compute_output_shape returned {shapes!r}, which is not a shape or a structure of shapes."
    )


Layer.quantize = _quantize_wrapper(Layer.quantize)  # type: ignore[method-assign]
