"""The initializer base classes: `Initializer`, and the seeded base of the random ones.

Also the small helpers every initializer shares: the shape check, and the two bridges to
the object registry that configs need (serializing a seed or a constant value), imported
lazily because `keras.layers`, which owns the registry, itself imports this package.
"""

from __future__ import annotations

import random as python_random
from typing import Any, TypeVar

import numpy as np

from keras.ops._keras_tensor import standardize_shape
from keras.ops._typing import DTypeLike, ShapeLike, Tensor
from keras.random import SeedGenerator

_I = TypeVar("_I", bound="Initializer")

Seed = int | SeedGenerator | dict[str, Any] | None


def concrete_shape(shape: ShapeLike) -> tuple[int, ...]:
    """Return `shape` as a tuple of ints; an initializer cannot fill unknown dimensions."""
    dims = standardize_shape(shape)
    if any(dim is None for dim in dims):
        raise ValueError(f"Initializers need a fully defined shape. Received: shape={dims}")
    return tuple(int(dim) for dim in dims if dim is not None)


def serialize_value(value: Any) -> Any:
    """Return the registry's JSON form of `value` (a seed generator, an array, a scalar)."""
    from keras.layers._serialization import serialize_keras_object

    return serialize_keras_object(value)


def deserialize_value(config: Any) -> Any:
    """Invert `serialize_value`; seed generators resolve without `keras.random` registered."""
    from keras.layers._serialization import deserialize_keras_object

    return deserialize_keras_object(config, module_objects={"SeedGenerator": SeedGenerator})


class Initializer:
    """The base class of initializers: callables `(shape, dtype=None) -> tensor`.

    A subclass implements `__call__`, and `get_config` when its constructor takes
    arguments; the default `from_config` passes the config back to the constructor.

    Example:

    >>> class Twos(keras.initializers.Initializer):
    ...     def __call__(self, shape, dtype=None):
    ...         return keras.ops.full(shape, 2.0, dtype=dtype)
    >>> keras.ops.convert_to_numpy(Twos()((2,)))
    array([2., 2.], dtype=float32)
    """

    def __call__(self, shape: ShapeLike, dtype: DTypeLike = None) -> Tensor:
        """Return a new tensor of `shape` and `dtype` (`floatx()` by default).

        Args:
            shape: The shape of the tensor to make.
            dtype: Its dtype; `None` means `keras.backend.floatx()`.

        Returns:
            The initial value.

        Raises:
            NotImplementedError: Always, on the base class.
        """
        raise NotImplementedError("Initializer subclasses must implement the `__call__()` method.")

    def get_config(self) -> dict[str, Any]:
        """Return the constructor arguments as a JSON-serializable dict."""
        return {}

    @classmethod
    def from_config(cls: type[_I], config: dict[str, Any]) -> _I:
        """Build an initializer from the output of `get_config()`.

        Args:
            config: The dict `get_config()` returned.

        Returns:
            A new initializer.
        """
        return cls(**config)

    def clone(self: _I) -> _I:
        """Return a new initializer of the same class and config."""
        return self.__class__.from_config(self.get_config())


class RandomInitializer(Initializer):
    """The base of seeded initializers: keeps the seed as given and the seed to draw with.

    An int seed (or `None`, which picks a random int once, at construction) makes
    every call of the instance return the same values; a `SeedGenerator` advances
    with each call, so successive calls differ.

    Args:
        seed: An int, a `keras.random.SeedGenerator`, its serialized dict, or `None`.

    Raises:
        ValueError: If `seed` is none of these.
    """

    seed: int | SeedGenerator

    def __init__(self, seed: Seed = None) -> None:
        self._init_seed = seed
        if seed is None:
            self.seed = python_random.randint(1, 10**9)
        elif isinstance(seed, dict):
            self.seed = _seed_from_config(seed)
        elif isinstance(seed, SeedGenerator):
            self.seed = seed
        elif isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise ValueError(
                "`seed` argument should be an instance of `keras.random.SeedGenerator()` "
                f"or an integer. Received: seed={seed!r}"
            )
        else:
            self.seed = int(seed)

    def get_config(self) -> dict[str, Any]:
        seed = self._init_seed
        return {"seed": serialize_value(seed) if isinstance(seed, SeedGenerator) else seed}


def _seed_from_config(config: dict[str, Any]) -> SeedGenerator:
    generator = deserialize_value(config)
    if not isinstance(generator, SeedGenerator):
        raise ValueError(
            "A `seed` given as a dict must be a serialized `keras.random.SeedGenerator`. "
            f"Received: seed={config!r}"
        )
    return generator
