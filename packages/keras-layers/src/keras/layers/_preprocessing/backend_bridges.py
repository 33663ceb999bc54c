"""Backend-bridge layers (`JaxLayer`, `FlaxLayer`, `TorchModuleWrapper`, `TFSMLayer`): unsupported.

Each keeps Keras's exact constructor signature and raises `NotImplementedError` on
construction, naming what is unsupported."""

from __future__ import annotations

from typing import Any

from keras.layers._layer import Layer

__all__ = ["FlaxLayer", "JaxLayer", "TFSMLayer", "TorchModuleWrapper"]


def unsupported(name: str, signature: str, reason: str) -> NotImplementedError:
    """Return the error of a layer that is not implemented: its name, signature and why."""
    return NotImplementedError(f"keras.layers.{name}{signature} is not implemented in this Keras: {reason}")


class JaxLayer(Layer):
    """Placeholder for Keras's `JaxLayer`: constructing it raises `NotImplementedError`.

    The reference signature is `JaxLayer(call_fn, init_fn=None, params=None, state=None, seed=None, native_serialization_platforms=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; wrapping JAX functions needs the JAX backend bridge, which is not supported.

    Example:

    >>> keras.layers.JaxLayer()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
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
        del call_fn, init_fn, params, state, seed, native_serialization_platforms, kwargs
        raise unsupported(
            "JaxLayer",
            "(call_fn, init_fn=None, params=None, state=None, seed=None, native_serialization_platforms=None, **kwargs)",
            "wrapping JAX functions needs the JAX backend bridge, which is not supported.",
        )


class FlaxLayer(Layer):
    """Placeholder for Keras's `FlaxLayer`: constructing it raises `NotImplementedError`.

    The reference signature is `FlaxLayer(module, method=None, variables=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; wrapping Flax modules needs the JAX backend bridge, which is not supported.

    Example:

    >>> keras.layers.FlaxLayer()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        module: Any,
        method: Any = None,
        variables: Any = None,
        **kwargs: Any,
    ) -> None:
        del module, method, variables, kwargs
        raise unsupported(
            "FlaxLayer",
            "(module, method=None, variables=None, **kwargs)",
            "wrapping Flax modules needs the JAX backend bridge, which is not supported.",
        )


class TorchModuleWrapper(Layer):
    """Placeholder for Keras's `TorchModuleWrapper`: constructing it raises `NotImplementedError`.

    The reference signature is `TorchModuleWrapper(module, name=None, output_shape=None, **kwargs)`.

    Raises:
        NotImplementedError: Always; wrapping torch modules needs the torch backend bridge, which is not supported.

    Example:

    >>> keras.layers.TorchModuleWrapper()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        module: Any,
        name: Any = None,
        output_shape: Any = None,
        **kwargs: Any,
    ) -> None:
        del module, name, output_shape, kwargs
        raise unsupported(
            "TorchModuleWrapper",
            "(module, name=None, output_shape=None, **kwargs)",
            "wrapping torch modules needs the torch backend bridge, which is not supported.",
        )


class TFSMLayer(Layer):
    """Placeholder for Keras's `TFSMLayer`: constructing it raises `NotImplementedError`.

    The reference signature is `TFSMLayer(filepath, call_endpoint='serve', call_training_endpoint=None, trainable=True, name=None, dtype=None)`.

    Raises:
        NotImplementedError: Always; loading TensorFlow SavedModels needs the TensorFlow backend bridge, which is not supported.

    Example:

    >>> keras.layers.TFSMLayer()  # doctest: +SKIP
    Traceback (most recent call last):
    NotImplementedError: ...
    """

    def __init__(
        self,
        filepath: Any,
        call_endpoint: Any = "serve",
        call_training_endpoint: Any = None,
        trainable: Any = True,
        name: Any = None,
        dtype: Any = None,
    ) -> None:
        del filepath, call_endpoint, call_training_endpoint, trainable, name, dtype
        raise unsupported(
            "TFSMLayer",
            "(filepath, call_endpoint='serve', call_training_endpoint=None, trainable=True, name=None, dtype=None)",
            "loading TensorFlow SavedModels needs the TensorFlow backend bridge, which is not supported.",
        )
