"""`Lambda`: wrap a Python function as a layer, and store the function in its config.

A named function is stored by name (it must be built in or registered to load again); a
Python `lambda` is stored as bytecode, as Keras 3 stores it
(`{"class_name": "__lambda__", "config": {"code", "defaults", "closure"}}`), and loading
that runs code, so it is refused unless safe mode is off.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable
from typing import Any

from keras import tree
from keras.backend._scopes import SymbolicScope
from keras.layers._layer import Layer, _fresh_keras_tensor
from keras.layers._serialization import (
    deserialize_function_code,
    deserialize_keras_object,
    in_safe_mode,
    serialize_function_code,
    serialize_keras_object,
)
from keras.ops._keras_tensor import KerasTensor

__all__ = ["Lambda"]

_UNSAFE_LAMBDA = (
    "Requested the deserialization of a `Lambda` layer whose `function` is a Python lambda. This carries a "
    "potential risk of arbitrary code execution and thus it is disallowed by default. If you trust the source "
    "of the artifact, you can override this error by passing `safe_mode=False` to the loading function, or "
    "calling `keras.config.enable_unsafe_deserialization()."
)


def _is_python_lambda(fn: Any) -> bool:
    return isinstance(fn, types.FunctionType) and fn.__name__ == "<lambda>"


def _argument_names(fn: Callable[..., Any]) -> set[str]:
    try:
        return set(inspect.signature(fn).parameters)
    except (TypeError, ValueError):  # some builtins have no signature
        return set()


def _serialize_callable(fn: Any) -> Any:
    """A function's config: Keras's `__lambda__` form for lambdas, else by name."""
    if _is_python_lambda(fn):
        code, defaults, closure = serialize_function_code(fn)
        return {
            "class_name": "__lambda__",
            "config": {"code": code, "defaults": defaults, "closure": closure},
        }
    if callable(fn):
        return serialize_keras_object(fn)
    raise ValueError(f"Invalid input type for serialization. Received: {fn} of type {type(fn)}.")


def _deserialize_callable(config: Any, custom_objects: Any, safe_mode: bool) -> Any:
    """Rebuild what `_serialize_callable` (or Keras 3) wrote; lambdas only outside safe mode."""
    if isinstance(config, dict) and config.get("class_name") == "__lambda__":
        if safe_mode:
            raise ValueError(_UNSAFE_LAMBDA)
        inner = config["config"]
        value = (
            inner["value"]
            if "value" in inner
            else [inner["code"], inner.get("defaults"), inner.get("closure")]
        )
        return deserialize_function_code(value, safe_mode=False)
    return deserialize_keras_object(config, custom_objects=custom_objects)


class Lambda(Layer):
    """Apply an arbitrary function to the inputs, as a layer.

    For quick, stateless transformations in functional and sequential models. The
    function may take `mask` and `training` arguments, which the layer fills in. A
    `Lambda` layer has no weights: variables created inside the function are not
    tracked; write a `Layer` subclass for that. Python lambdas do not survive saving in
    safe mode (their bytecode is code to run); prefer named, registered functions.

    Args:
        function: The function, called as `function(inputs, **arguments)`.
        output_shape: The output shape without the batch axis (a tuple, or a structure of
            them), or a function from the full input shape to the full output shape; by
            default the shape is found by running `function` on symbolic inputs.
        mask: The output mask: a tensor, or a function `mask(inputs, previous_mask)`;
            `None` drops the input mask.
        arguments: Extra keyword arguments for `function`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Example:

    >>> layer = keras.layers.Lambda(lambda x, scale: x * scale, arguments={"scale": 3.0})
    >>> layer(np.array([[1.0, 2.0]], dtype="float32"))
    array([[3., 6.]], dtype=float32)
    >>> layer.get_config()["function"]["class_name"]
    '__lambda__'
    """

    def __init__(
        self,
        function: Callable[..., Any],
        output_shape: Any = None,
        mask: Any = None,
        arguments: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.arguments: dict[str, Any] = dict(arguments) if arguments else {}
        self.function = function
        self.supports_masking = mask is not None
        self.mask = mask
        self._output_shape = output_shape
        names = _argument_names(function)
        self._fn_expects_training_arg = "training" in names
        self._fn_expects_mask_arg = "mask" in names
        self.built = True

    def call(self, inputs: Any, mask: Any = None, training: Any = None) -> Any:
        kwargs = dict(self.arguments)
        if self._fn_expects_mask_arg:
            kwargs["mask"] = mask
        if self._fn_expects_training_arg:
            kwargs["training"] = training
        return self.function(inputs, **kwargs)

    def compute_mask(self, inputs: Any, previous_mask: Any = None) -> Any:
        if callable(self.mask):
            return self.mask(inputs, previous_mask)
        return self.mask

    def _declared_output_shape(self, input_shape: Any) -> Any:
        if callable(self._output_shape):
            return self._output_shape(input_shape)
        batch = tree.flatten(input_shape)[0]
        return tree.map_shape_structure(lambda shape: (batch, *tuple(shape)), self._output_shape)

    def _trace(self, inputs: Any, **kwargs: Any) -> Any:
        fresh = tree.map_structure(_fresh_keras_tensor, inputs)
        fresh_kwargs = tree.map_structure(_fresh_keras_tensor, kwargs)
        with SymbolicScope():
            outputs = self.call(fresh, **fresh_kwargs)
        return tree.map_structure(
            lambda x: KerasTensor(x.shape, x.dtype, sparse=x.sparse) if isinstance(x, KerasTensor) else x,
            outputs,
        )

    def compute_output_spec(self, inputs: Any, **kwargs: Any) -> Any:
        if self._output_shape is None:
            return self._trace(inputs, **kwargs)
        shapes = tree.map_structure(lambda x: tuple(x.shape), inputs)
        return tree.map_shape_structure(
            lambda shape: KerasTensor(tuple(shape), self.compute_dtype), self._declared_output_shape(shapes)
        )

    def compute_output_shape(self, input_shape: Any) -> Any:
        if self._output_shape is not None:
            return self._declared_output_shape(input_shape)
        try:
            inputs = tree.map_shape_structure(
                lambda shape: KerasTensor(shape, self.compute_dtype), input_shape
            )
            return tree.map_structure(lambda x: x.shape, self._trace(inputs))
        except Exception as error:
            raise NotImplementedError(
                "We could not automatically infer the shape of the Lambda's output. Please specify the "
                "`output_shape` argument for this Lambda layer."
            ) from error

    def get_config(self) -> dict[str, Any]:
        config: dict[str, Any] = {"function": _serialize_callable(self.function)}
        if self._output_shape is not None:
            config["output_shape"] = (
                _serialize_callable(self._output_shape)
                if callable(self._output_shape)
                else self._output_shape
            )
        if self.mask is not None:
            config["mask"] = (
                _serialize_callable(self.mask) if callable(self.mask) else serialize_keras_object(self.mask)
            )
        config["arguments"] = serialize_keras_object(self.arguments)
        return {**super().get_config(), **config}

    @classmethod
    def from_config(
        cls, config: dict[str, Any], custom_objects: Any = None, safe_mode: bool | None = None
    ) -> Lambda:
        """Rebuild a `Lambda` from its config; stored Python lambdas need safe mode off.

        Args:
            config: The output of `get_config()` (from this suite or Keras 3).
            custom_objects: Custom functions by name, for named functions.
            safe_mode: Whether to refuse stored lambdas; by default the safe mode in force
                (`deserialize_keras_object`'s argument), and safe when none is.

        Returns:
            The layer.

        Raises:
            ValueError: If the config holds a Python lambda and safe mode is on.
        """
        safe = (safe_mode if safe_mode is not None else in_safe_mode()) is not False
        config = dict(config)
        config["function"] = _deserialize_callable(config["function"], custom_objects, safe)
        if "output_shape" in config:
            shape = _deserialize_callable(config["output_shape"], custom_objects, safe)
            if isinstance(shape, list) and all(d is None or isinstance(d, int) for d in shape):
                shape = tuple(shape)
            config["output_shape"] = shape
        if "mask" in config:
            config["mask"] = _deserialize_callable(config["mask"], custom_objects, safe)
        if "arguments" in config:
            config["arguments"] = deserialize_keras_object(config["arguments"], custom_objects=custom_objects)
        result = super().from_config(config)
        assert isinstance(result, Lambda)
        return result
