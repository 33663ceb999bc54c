"""Look activations up by name and write them to configs: `get`, `serialize`, `deserialize`.

Built-in activations are named by their function name; `swish` and `hard_swish` are
accepted as aliases of `silu` and `hard_silu`, and serialize under those canonical names,
as Keras 3 writes them. Custom activations go through the object registry of
`keras.layers._serialization`, imported when first needed (layers import this package, so
it must not import them back at load).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

from keras.activations._rectifiers import (
    celu,
    elu,
    exponential,
    gelu,
    hard_silu,
    leaky_relu,
    linear,
    mish,
    relu,
    relu6,
    selu,
    silu,
    softplus,
    sparse_plus,
    squareplus,
)
from keras.activations._shrinkage import hard_shrink, soft_shrink, tanh_shrink, threshold
from keras.activations._softmax import log_softmax, softmax, sparsemax
from keras.activations._squashing import (
    glu,
    hard_sigmoid,
    hard_tanh,
    log_sigmoid,
    sigmoid,
    softsign,
    sparse_sigmoid,
    tanh,
)

Activation: TypeAlias = Callable[..., Any]
# What layers accept as an `activation` argument.
ActivationLike: TypeAlias = "str | Mapping[str, Any] | Activation | None"

_BUILTINS: tuple[Activation, ...] = (
    celu,
    elu,
    exponential,
    gelu,
    glu,
    hard_shrink,
    hard_sigmoid,
    hard_silu,
    hard_tanh,
    leaky_relu,
    linear,
    log_sigmoid,
    log_softmax,
    mish,
    relu,
    relu6,
    selu,
    sigmoid,
    silu,
    soft_shrink,
    softmax,
    softplus,
    softsign,
    sparse_plus,
    sparse_sigmoid,
    sparsemax,
    squareplus,
    tanh,
    tanh_shrink,
    threshold,
)
# Name -> built-in activation, aliases included.
ALL_OBJECTS: dict[str, Activation] = {fn.__name__: fn for fn in _BUILTINS} | {
    "swish": silu,
    "hard_swish": hard_silu,
}


def get(identifier: ActivationLike) -> Activation:
    """Return the activation function an identifier names.

    Args:
        identifier: `None` (gives `linear`), the name of a built-in activation (aliases
            such as `"swish"` included), a config dict written by `serialize`, or a
            callable, returned as it is.

    Returns:
        A callable activation.

    Raises:
        ValueError: If `identifier` names no activation or is not callable.

    Example:

    >>> keras.activations.get("relu") is keras.activations.relu
    True
    >>> keras.activations.get(None) is keras.activations.linear
    True
    """
    from keras.layers._serialization import get_object

    if identifier is None:
        return linear
    found: Activation = get_object(identifier, ALL_OBJECTS, "activation function", instantiate=False)
    if not callable(found):
        raise ValueError(f"Could not interpret activation function identifier: {identifier!r}")
    return found


def serialize(activation: Activation) -> str | dict[str, Any]:
    """Return the config of an activation: a built-in's name, else a config dict.

    Args:
        activation: A built-in activation, a registered custom function, or an activation
            object with `get_config` (such as a layer).

    Returns:
        The name of a built-in (aliases give their canonical name: `swish` is `"silu"`),
        otherwise the dict `keras.saving.serialize_keras_object` writes.

    Raises:
        ValueError: If `activation` cannot be written as a config.

    Example:

    >>> keras.activations.serialize(keras.activations.relu)
    'relu'
    >>> keras.activations.serialize(keras.activations.swish)
    'silu'
    """
    from keras.layers._serialization import serialize_keras_object

    if any(activation is fn for fn in _BUILTINS):
        return activation.__name__
    config = serialize_keras_object(activation)
    if not isinstance(config, dict) or "config" not in config:
        raise ValueError(
            f"Cannot serialize the activation {activation!r}: expected a built-in activation, a function "
            "(register custom ones with `@keras.saving.register_keras_serializable()`) or an object with "
            f"`get_config()`. Received: activation={activation!r}"
        )
    return config


def deserialize(
    config: str | Mapping[str, Any], custom_objects: Mapping[str, Any] | None = None
) -> Activation:
    """Return the activation function a config (from `serialize`) describes.

    Args:
        config: The name of a built-in or registered activation, or a config dict.
        custom_objects: Optional mapping from names to custom activations.

    Returns:
        The activation function (or object).

    Raises:
        ValueError: If a name matches no activation.

    Example:

    >>> keras.activations.deserialize("swish") is keras.activations.silu
    True
    """
    from keras.layers._serialization import deserialize_keras_object, get_registered_object

    if isinstance(config, str):
        found: Activation | None = get_registered_object(config, custom_objects, ALL_OBJECTS)
        if found is None:
            raise ValueError(
                f"Unknown activation function: {config!r}. Expected the name of a built-in activation "
                "or of one registered with `@keras.saving.register_keras_serializable()`, or passed in "
                f"`custom_objects`. Received: config={config!r}"
            )
        return found
    result: Activation = deserialize_keras_object(config, custom_objects, module_objects=ALL_OBJECTS)
    if not callable(result):
        raise ValueError(f"The config does not describe an activation function. Received: config={config!r}")
    return result
