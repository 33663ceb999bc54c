"""Name lookup for initializers: `get`, `serialize`, `deserialize`, the table of built-in
names, and the hook that lets `keras.Variable(initializer="glorot_uniform", ...)` resolve
names. Also `resolve_identifier`, the `get` logic that constraints and regularizers share.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from keras import ops
from keras.backend import standardize_dtype
from keras.backend._variable import set_initializer_resolver
from keras.initializers._base import Initializer, concrete_shape
from keras.initializers._constant import Constant, Identity, Ones, Zeros
from keras.initializers._random import Orthogonal, RandomNormal, RandomUniform, TruncatedNormal
from keras.initializers._stft import STFT
from keras.initializers._variance_scaling import (
    GlorotNormal,
    GlorotUniform,
    HeNormal,
    HeUniform,
    LecunNormal,
    LecunUniform,
    VarianceScaling,
)
from keras.ops._typing import DTypeLike, ShapeLike, Tensor

_CLASSES: tuple[type[Initializer], ...] = (
    Initializer,
    Constant,
    Identity,
    Ones,
    STFT,
    Zeros,
    GlorotNormal,
    GlorotUniform,
    HeNormal,
    HeUniform,
    LecunNormal,
    LecunUniform,
    Orthogonal,
    RandomNormal,
    RandomUniform,
    TruncatedNormal,
    VarianceScaling,
)


def snake_case(name: str) -> str:
    """Return a class name in snake case as Keras spells it (`GlorotUniform` -> `glorot_uniform`,
    `L1L2` -> `l1l2`, `STFT` -> `stft`)."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", re.sub(r"\W+", "", name))
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


def name_table(classes: tuple[type[Any], ...], **aliases: type[Any]) -> dict[str, type[Any]]:
    """Return the names a namespace's `get` accepts: each class name, its snake case, the aliases."""
    table = {cls.__name__: cls for cls in classes}
    table.update({snake_case(cls.__name__): cls for cls in classes})
    table.update(aliases)
    return table


BUILTINS = name_table(
    _CLASSES,
    IdentityInitializer=Identity,
    normal=RandomNormal,
    one=Ones,
    STFTInitializer=STFT,
    OrthogonalInitializer=Orthogonal,
    uniform=RandomUniform,
    zero=Zeros,
)


def resolve_identifier(identifier: Any, kind: str, module_objects: Mapping[str, type[Any]]) -> Any:
    """Turn a `get` identifier into an object: `None`, a config dict, a name, a class or a callable.

    Args:
        identifier: What the user passed.
        kind: The namespace's noun for error messages (`"initializer"`, ...).
        module_objects: The built-in names the namespace accepts.

    Returns:
        `None` for `None`; otherwise a callable, classes being instantiated with no arguments.

    Raises:
        ValueError: If the identifier names or is nothing usable.
    """
    from keras.layers._serialization import get_object

    obj = get_object(identifier, module_objects, kind)
    return obj() if inspect.isclass(obj) else obj


def serialize(initializer: Any) -> Any:
    """Return an initializer's config in Keras's serialized form.

    Args:
        initializer: An initializer instance (or a registered function).

    Returns:
        A dict `{"module", "class_name", "config", "registered_name"}`.

    Example:

    >>> keras.initializers.serialize(keras.initializers.Ones())["class_name"]
    'Ones'
    """
    from keras.layers._serialization import serialize_keras_object

    return serialize_keras_object(initializer)


def deserialize(config: Any, custom_objects: dict[str, Any] | None = None) -> Any:
    """Build an initializer from the output of `serialize`.

    Args:
        config: A serialized initializer (a dict, or a built-in name).
        custom_objects: Extra names to resolve, mapped to classes or functions.

    Returns:
        The initializer.

    Example:

    >>> init = keras.initializers.deserialize({"class_name": "Constant", "config": {"value": 2.0}})
    >>> init.value
    2.0
    """
    from keras.layers._serialization import deserialize_keras_object

    return deserialize_keras_object(config, custom_objects=custom_objects, module_objects=BUILTINS)


def get(identifier: Any) -> Any:
    """Return the initializer an identifier stands for.

    Args:
        identifier: `None`; a name such as `"glorot_uniform"` or `"Zeros"`; a config dict
            (as `serialize` returns); an initializer class (instantiated with no
            arguments) or instance; a callable `(shape, dtype=None)`; or an array or
            tensor, which becomes an initializer returning it (cast to the dtype asked for;
            the shape asked for must be its shape).

    Returns:
        A callable initializer, or `None` for `None`.

    Raises:
        ValueError: If the identifier stands for no initializer.

    Example:

    >>> type(keras.initializers.get("glorot_uniform")).__name__
    'GlorotUniform'
    """
    if ops.is_tensor(identifier) or isinstance(identifier, (np.ndarray, np.generic)):
        return _from_tensor(identifier)
    return resolve_identifier(identifier, "initializer", BUILTINS)


def _from_tensor(value: Any) -> Callable[..., Tensor]:
    expected = tuple(value.shape)

    def initialize_fn(shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        if concrete_shape(shape) != expected:
            raise ValueError(
                f"Expected `shape` to be {expected} for direct tensor as initializer. Received shape={shape}"
            )
        return ops.cast(value, standardize_dtype(dtype))

    return initialize_fn


def _resolve_name(name: str) -> Callable[..., Any]:
    initializer: Callable[..., Any] = get(name)
    return initializer


set_initializer_resolver(_resolve_name)
