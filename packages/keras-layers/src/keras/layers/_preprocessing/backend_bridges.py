"""Backend-bridge layers: `JaxLayer`, `FlaxLayer`, `TorchModuleWrapper`, `TFSMLayer`.

Each wraps native code of one backend as a Keras layer whose state is Keras Variables,
so `fit()` trains it and weight files save it: a pure JAX function and its parameter
pytree (`JaxLayer`, JAX backend), a Flax Linen module (`FlaxLayer`, needs `flax`), a
`torch.nn.Module` (`TorchModuleWrapper`, torch backend) and a reloaded TensorFlow
SavedModel endpoint (`TFSMLayer`, TensorFlow backend). The native library is imported
only when such a layer is made.
"""

from __future__ import annotations

import base64
import importlib
import inspect
import io
from collections.abc import Callable
from typing import Any

import numpy as np

from keras import ops
from keras.backend import backend
from keras.backend._variable import Variable
from keras.layers._layer import Layer
from keras.layers._serialization import deserialize_keras_object, in_safe_mode, serialize_keras_object

__all__ = ["FlaxLayer", "JaxLayer", "TFSMLayer", "TorchModuleWrapper"]

_UNSAFE_HINT = (
    "If you trust the source of the artifact, you can override this error by passing `safe_mode=False` to the "
    "loading function, or calling `keras.config.enable_unsafe_deserialization()`."
)


def _require_backend(layer: str, expected: str, label: str) -> None:
    if backend() != expected:
        raise ValueError(f"{layer} is only supported with the {label} backend. Current backend: {backend()}")


def _argument_names(
    fn: Callable[..., Any], fn_name: str, allowed: tuple[str, ...], required: str
) -> list[str]:
    """Return `fn`'s parameter names, checked against the names a bridge can pass."""
    parameters = inspect.signature(fn).parameters
    if required not in parameters:
        raise ValueError(f"Missing required argument in `{fn_name}`: `{required}`")
    for name in parameters:
        if name not in allowed:
            raise ValueError(
                f"Unsupported argument in `{fn_name}`: `{name}`, supported arguments are `{'`, `'.join(allowed)}`"
            )
    return list(parameters)


class JaxLayer(Layer):
    """Wrap a pure JAX function and its parameters as a Keras layer (JAX backend).

    `call_fn` takes `inputs` and any of `params` (trainable pytree), `state`
    (non-trainable pytree; `call_fn` then returns `(outputs, new_state)`), `rng` (a
    JAX key, given only when `training`, else None) and `training`, in any order.
    `init_fn(rng, inputs, training)` (any subset holding `inputs`) returns the
    initial `params` (or `(params, state)`); it is called in `build()` with ones of
    the input shape. Alternatively pass `params` / `state` directly. Every array leaf
    becomes a Keras Variable (params trainable, state not), in the pytree's
    flattening order; `layer.params` and `layer.state` hold the pytrees of Variables.

    Args:
        call_fn: The function computing the outputs.
        init_fn: The function returning the initial params (and state).
        params: An initial parameter pytree instead of `init_fn`.
        state: An initial state pytree instead of `init_fn`.
        seed: The seed of the `rng` keys.
        native_serialization_platforms: Kept for the TensorFlow export path of Keras;
            unused here.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: On another backend than JAX, or for unsupported or missing
            function arguments.

    Example:

    >>> def call_fn(params, inputs):  # doctest: +SKIP
    ...     return inputs @ params["w"]
    >>> layer = keras.layers.JaxLayer(call_fn, params={"w": np.ones((3, 2))})  # doctest: +SKIP
    """

    def __init__(
        self,
        call_fn: Any,
        init_fn: Any = None,
        params: Any = None,
        state: Any = None,
        seed: Any = None,
        native_serialization_platforms: Any = None,
        **kwargs: Any,
    ) -> None:
        _require_backend(type(self).__name__, "jax", "JAX")
        super().__init__(**kwargs)
        self.call_fn = call_fn
        self.init_fn = init_fn
        self.params: Any = None
        self.state: Any = None
        self.native_serialization_platforms = native_serialization_platforms
        self.call_fn_arguments = _argument_names(
            call_fn, "call_fn", ("params", "state", "rng", "inputs", "training"), "inputs"
        )
        self.call_fn_has_params = "params" in self.call_fn_arguments
        self.call_fn_has_state = "state" in self.call_fn_arguments
        if (
            init_fn is None
            and params is None
            and state is None
            and (self.call_fn_has_params or self.call_fn_has_state)
        ):
            raise ValueError(
                "`init_fn`, `params` and `state` cannot all be `None` when `call_fn` takes a `params` or a "
                "`state` argument."
            )
        self.init_fn_arguments = (
            _argument_names(init_fn, "init_fn", ("rng", "inputs", "training"), "inputs") if init_fn else []
        )
        if "rng" in self.call_fn_arguments:
            from keras.random import SeedGenerator

            self.seed_generator: Any = SeedGenerator(seed)
        else:
            self.seed_generator = None
        self._seed = seed
        if params is not None or state is not None:
            self._create_variables(params, state)

    def _create_variables(self, params: Any, state: Any) -> None:
        import jax

        from keras.backend._dtypes import is_float_dtype, standardize_dtype

        def create(trainable: bool) -> Callable[[Any], Any]:
            def make(value: Any) -> Any:
                if isinstance(value, (bool, int, float)):
                    value = np.asarray(value)
                if not hasattr(value, "shape") or not hasattr(value, "dtype"):
                    return value
                dtype: str | None = standardize_dtype(value.dtype)
                if is_float_dtype(str(dtype)):
                    dtype = None  # floats follow the layer's dtype policy
                return self.add_weight(
                    tuple(value.shape),
                    initializer=lambda shape, dtype=None, v=value: ops.convert_to_tensor(v, dtype=dtype),
                    dtype=dtype,
                    trainable=trainable,
                )

            return make

        # Created outside the attribute tracking, so the weights keep pytree order.
        object.__setattr__(self, "params", jax.tree_util.tree_map(create(True), params))
        object.__setattr__(self, "state", jax.tree_util.tree_map(create(False), state))
        self.built = True

    def build(self, input_shape: Any) -> None:
        if self.params is None and self.state is None and (self.call_fn_has_params or self.call_fn_has_state):
            self._initialize(input_shape)
        self.built = True

    def _initialize(self, input_shape: Any) -> None:
        import jax.numpy as jnp

        from keras import tree
        from keras.random._seed_generator import draw_seed

        inputs = tree.map_shape_structure(lambda shape: jnp.ones([d or 1 for d in shape]), input_shape)
        values = {"rng": draw_seed(self._seed), "inputs": inputs, "training": True}
        result = self.init_fn(*[values[name] for name in self.init_fn_arguments])
        params, state = result if self.call_fn_has_state else (result, None)
        self._create_variables(params, state)

    def call(self, inputs: Any, training: Any = False) -> Any:
        import jax

        def read(variable: Any) -> Any:
            return variable.value if isinstance(variable, Variable) else variable

        def is_leaf(x: Any) -> bool:
            return isinstance(x, Variable)

        values: dict[str, Callable[[], Any]] = {
            "params": lambda: jax.tree_util.tree_map(read, self.params, is_leaf=is_leaf),
            "state": lambda: jax.tree_util.tree_map(read, self.state, is_leaf=is_leaf),
            "rng": lambda: self.seed_generator.next() if training else None,
            "inputs": lambda: inputs,
            "training": lambda: training,
        }
        result = self.call_fn(*[values[name]() for name in self.call_fn_arguments])
        if not self.call_fn_has_state:
            return result
        outputs, new_state = result

        def assign(value: Any, variable: Any) -> None:
            if not isinstance(variable, Variable):
                raise ValueError(
                    "Structure mismatch: the structure of the state returned by `call` does not match the "
                    "structure of the state at initialization time."
                )
            variable.assign(value)

        jax.tree_util.tree_map(assign, new_state, self.state)
        return outputs

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "call_fn": serialize_keras_object(self.call_fn),
            "init_fn": serialize_keras_object(self.init_fn),
            "native_serialization_platforms": self.native_serialization_platforms,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> JaxLayer:
        config = dict(config)
        for key in ("call_fn", "init_fn"):
            if not callable(config.get(key)):
                config[key] = deserialize_keras_object(config.get(key))
        return cls(**config)


class FlaxLayer(JaxLayer):
    """Wrap a Flax Linen module as a Keras layer (JAX backend; needs the `flax` package).

    The module's `params` collection becomes trainable Keras Variables and its other
    collections (batch statistics, ...) non-trainable ones. `flax` is not a
    dependency of this suite, and this layer is not covered by its tests.

    Args:
        module: The `flax.linen.Module`.
        method: The module method to call (`__call__` by default).
        variables: Already initialized module variables (else they are created in
            `build()` by `module.init`).
        **kwargs: Base layer arguments.

    Raises:
        ImportError: If `flax` is not installed.
        ValueError: On another backend than JAX.
    """

    def __init__(self, module: Any, method: Any = None, variables: Any = None, **kwargs: Any) -> None:
        try:
            deny_list: Any = importlib.import_module("flax.linen").DenyList
        except ImportError as error:
            raise ImportError(
                "keras.layers.FlaxLayer requires the `flax` package, which is not installed. Install it with "
                "`pip install flax`."
            ) from error
        self.module = module
        self.method = method
        mutable = deny_list(["params"])
        takes_training = "training" in inspect.signature(method or module.__call__).parameters

        def apply_fn(params: Any, state: Any, rng: Any, inputs: Any, training: Any = None) -> Any:
            extra = {"training": training} if takes_training else {}
            return module.apply(
                self._merge(params, state), inputs, rngs=rng, method=method, mutable=mutable, **extra
            )

        def init_fn(rng: Any, inputs: Any, training: Any = None) -> Any:
            extra = {"training": training} if takes_training else {}
            return self._split(module.init(rng, inputs, method=method, **extra))

        if takes_training:
            call_fn: Any = apply_fn
            init: Any = init_fn
        else:

            def call_fn(params: Any, state: Any, rng: Any, inputs: Any) -> Any:
                return apply_fn(params, state, rng, inputs)

            def init(rng: Any, inputs: Any) -> Any:
                return init_fn(rng, inputs)

        params, state = self._split(variables)
        super().__init__(call_fn=call_fn, init_fn=init, params=params, state=state, **kwargs)

    @staticmethod
    def _merge(params: Any, state: Any) -> Any:
        return {**(params or {}), **(state or {})}

    @staticmethod
    def _split(variables: Any) -> tuple[Any, Any]:
        if variables is None:
            return None, None
        params = {key: value for key, value in variables.items() if key == "params"}
        state = {key: value for key, value in variables.items() if key != "params"}
        return params or None, state or None

    def get_config(self) -> dict[str, Any]:
        config = {
            key: value for key, value in super().get_config().items() if key not in ("call_fn", "init_fn")
        }
        return {**config, "module": serialize_keras_object(self.module), "method": self.method}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> FlaxLayer:
        config = {key: value for key, value in config.items() if key not in ("call_fn", "init_fn")}
        config["module"] = deserialize_keras_object(config["module"])
        return cls(**config)


class TorchModuleWrapper(Layer):
    """Wrap a `torch.nn.Module` as a Keras layer (torch backend).

    The module's parameters become the Keras Variables of the layer (sharing their
    storage, so `fit()` and the optimizers train the module); its buffers stay
    module state. Weights files store the module's `state_dict()` entries.

    Args:
        module: The `torch.nn.Module` (an uninitialized lazy module is refused).
        name: The layer name.
        output_shape: The output shape for symbolic calls, if known.
        **kwargs: Base layer arguments.

    Raises:
        ValueError: On another backend than torch, or for an uninitialized lazy module.

    Example:

    >>> import torch  # doctest: +SKIP
    >>> layer = keras.layers.TorchModuleWrapper(torch.nn.Linear(4, 2))  # doctest: +SKIP
    """

    def __init__(self, module: Any, name: Any = None, output_shape: Any = None, **kwargs: Any) -> None:
        _require_backend(type(self).__name__, "torch", "torch")
        super().__init__(name=name, **kwargs)
        import torch

        lazy: Any = module if isinstance(module, torch.nn.modules.lazy.LazyModuleMixin) else None
        if lazy is not None and lazy.has_uninitialized_params():
            raise ValueError(
                "LazyModules are not supported unless they are already initialized. Received uninitialized "
                f"LazyModule: module={module}"
            )
        self.module = module
        self.output_shape = output_shape
        self._share_parameters()

    def _share_parameters(self) -> None:
        """Track each parameter as a Variable and give the module the Variable's tensor."""
        by_id: dict[int, Variable] = {}
        for full_name, param in self.module.named_parameters(remove_duplicate=False):
            variable = by_id.get(id(param))
            if variable is None:
                variable = Variable(
                    initializer=param.detach(), trainable=param.requires_grad, name="variable"
                )
                by_id[id(param)] = variable
                self._track_variable(variable)
            owner, _, leaf = full_name.rpartition(".")
            setattr(self.module.get_submodule(owner), leaf, variable.value)
        device = next((v.value.device for v in by_id.values()), None)
        if device is not None:
            self.module.to(device)
        self.built = True

    def parameters(self, recurse: bool = True) -> Any:
        """Return the module's parameters (as torch expects of a layer)."""
        return self.module.parameters(recurse=recurse)

    def call(self, *args: Any, training: Any = None, **kwargs: Any) -> Any:
        self.module.train(training is not False)
        return self.module(*args, **kwargs)

    def compute_output_shape(self, input_shape: Any) -> Any:
        if self.output_shape is not None:
            return self.output_shape
        return self._run_on_zeros(input_shape)

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        from keras.ops._keras_tensor import KerasTensor

        shapes = [tuple(a.shape) for a in args if a is not None]
        shape = self.compute_output_shape(shapes[0] if len(shapes) == 1 else shapes)
        return KerasTensor(shape, self.compute_dtype)

    def _run_on_zeros(self, input_shape: Any) -> Any:
        """Find the output shape by running the module (in eval mode) on zeros.

        Unknown dimensions are tried at sizes 1 and 2; output dimensions that change
        with them are unknown (None).
        """
        import torch

        from keras import tree

        device = next((p.device for p in self.module.parameters()), torch.device("cpu"))
        was_training = self.module.training
        self.module.eval()
        try:
            outputs = []
            for size in (1, 2):

                def zeros(shape: Any, n: int = size) -> Any:
                    return torch.zeros([n if d is None else d for d in shape], device=device)

                inputs = tree.map_shape_structure(zeros, input_shape)
                with torch.no_grad():
                    out = self.module(*inputs) if isinstance(inputs, list) else self.module(inputs)
                outputs.append(tuple(out.shape))
        finally:
            self.module.train(was_training)
        return tuple(a if a == b else None for a, b in zip(outputs[0], outputs[1], strict=False))

    def save_own_variables(self, store: Any) -> None:
        """Store the module's `state_dict()` entries under their names."""
        for key, value in self.module.state_dict().items():
            store[key] = ops.convert_to_numpy(value)

    def load_own_variables(self, store: Any) -> None:
        """Load the module's `state_dict()` from the stored entries (in place)."""
        import torch

        state = {
            (key.decode() if isinstance(key, bytes) else key): torch.as_tensor(np.asarray(store[key]))
            for key in store
        }
        self.module.load_state_dict(state)

    def get_config(self) -> dict[str, Any]:
        import torch

        buffer = io.BytesIO()
        torch.save(self.module, buffer)
        encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
        return {**super().get_config(), "module": encoded, "output_shape": self.output_shape}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> TorchModuleWrapper:
        config = dict(config)
        if "module" in config and isinstance(config["module"], str):
            if in_safe_mode() is not False:
                raise ValueError(
                    "Requested the deserialization of a `torch.nn.Module` object via `torch.load()`. This carries "
                    "a potential risk of arbitrary code execution and thus it is disallowed by default. "
                    + _UNSAFE_HINT
                )
            import torch

            buffer = io.BytesIO(base64.b64decode(config["module"].encode("ascii")))
            config["module"] = torch.load(buffer, weights_only=False)
        return cls(**config)


def _endpoint(reloaded: Any, name: str, hint: str) -> Any:
    if hasattr(reloaded, name):
        return getattr(reloaded, name)
    if name in reloaded.signatures:
        return reloaded.signatures[name]
    raise ValueError(
        f"The endpoint '{name}' is neither an attribute of the reloaded SavedModel, nor an entry in the "
        f"`signatures` field of the reloaded SavedModel.{hint} Available endpoints for this SavedModel: "
        f"{list(reloaded.signatures.keys())}"
    )


def _endpoint_variables(fns: list[Any]) -> tuple[list[Any], list[Any]]:
    """Return the (trainable, non-trainable) TensorFlow variables the endpoints use."""
    trainable: dict[int, Any] = {}
    others: dict[int, Any] = {}
    for fn in fns:
        if hasattr(fn, "concrete_functions"):
            concrete = list(fn.concrete_functions)
        elif hasattr(fn, "get_concrete_function"):
            concrete = [fn.get_concrete_function()]
        else:
            concrete = [fn]
        for function in concrete:
            for variable in function.trainable_variables:
                trainable.setdefault(id(variable), variable)
            for variable in function.variables:
                if id(variable) not in trainable:
                    others.setdefault(id(variable), variable)
    return list(trainable.values()), list(others.values())


class TFSMLayer(Layer):
    """Call an endpoint of a reloaded TensorFlow SavedModel as a layer (TensorFlow backend).

    The SavedModel's variables used by the endpoints are tracked as the layer's
    weights (trainable ones first), so they are saved with the model and seen by
    optimizers.

    Args:
        filepath: The SavedModel directory.
        call_endpoint: The endpoint (attribute or signature) used for inference.
        call_training_endpoint: The endpoint used when `training=True`, if any.
        trainable: Whether the layer's weights are trainable.
        name: The layer name.
        dtype: The layer's dtype policy.

    Raises:
        ValueError: On another backend than TensorFlow, or for an unknown endpoint.

    Example:

    >>> layer = keras.layers.TFSMLayer("exported_model", call_endpoint="serve")  # doctest: +SKIP
    """

    call_endpoint_fn: Any
    call_training_endpoint_fn: Any

    def __init__(
        self,
        filepath: Any,
        call_endpoint: Any = "serve",
        call_training_endpoint: Any = None,
        trainable: Any = True,
        name: Any = None,
        dtype: Any = None,
    ) -> None:
        _require_backend(type(self).__name__, "tensorflow", "TensorFlow")
        super().__init__(trainable=trainable, name=name, dtype=dtype)
        import tensorflow as tf

        reloaded = tf.saved_model.load(filepath)
        object.__setattr__(self, "_reloaded_obj", reloaded)
        self.filepath = filepath
        self.call_endpoint = call_endpoint
        self.call_training_endpoint = call_training_endpoint
        object.__setattr__(
            self,
            "call_endpoint_fn",
            _endpoint(reloaded, call_endpoint, " Select another endpoint via the `call_endpoint` argument."),
        )
        fns = [self.call_endpoint_fn]
        if call_training_endpoint:
            object.__setattr__(
                self, "call_training_endpoint_fn", _endpoint(reloaded, call_training_endpoint, "")
            )
            fns.append(self.call_training_endpoint_fn)
        trainable_vars, other_vars = _endpoint_variables(fns)
        for saved in trainable_vars + other_vars:
            variable = Variable(
                initializer=saved.read_value(),
                trainable=bool(saved.trainable),
                dtype=saved.dtype.name,
                name=saved.name.replace("/", "_"),
            )
            self._track_variable(variable)
        self.built = True

    def call(self, inputs: Any, training: Any = False, **kwargs: Any) -> Any:
        if training and self.call_training_endpoint:
            return self.call_training_endpoint_fn(inputs, **kwargs)
        return self.call_endpoint_fn(inputs, **kwargs)

    def compute_output_spec(self, inputs: Any, training: Any = False, **kwargs: Any) -> Any:
        import tensorflow as tf

        from keras import tree
        from keras.ops._keras_tensor import KerasTensor

        specs = tree.map_structure(lambda x: tf.TensorSpec(tuple(x.shape), x.dtype), inputs)
        traced = tf.function(lambda x: self.call(x, training=training, **kwargs)).get_concrete_function(specs)
        return tree.map_structure(
            lambda t: KerasTensor(tuple(t.shape), t.dtype.name), traced.structured_outputs
        )

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "filepath": self.filepath,
            "call_endpoint": self.call_endpoint,
            "call_training_endpoint": self.call_training_endpoint,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> TFSMLayer:
        if in_safe_mode() is not False:
            raise ValueError(
                "Requested the deserialization of a `TFSMLayer`, which loads an external SavedModel. This carries "
                "a potential risk of arbitrary code execution and thus it is disallowed by default. "
                + _UNSAFE_HINT
            )
        return cls(**config)
