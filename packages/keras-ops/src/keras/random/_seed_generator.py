"""`SeedGenerator`: random-number state kept in a Variable, so draws are reproducible
and stay stateless under jit (a functional trainer carries the state like any variable)."""

from __future__ import annotations

import random as python_random
from typing import Any

import numpy as np

from keras.backend._name_scope import name_scope
from keras.backend._naming import unique_name
from keras.backend._variable import Variable
from keras.ops._typing import Tensor


class SeedGenerator:
    """A source of seeds for `keras.random` draws that changes after each draw.

    The state is a `keras.Variable` `[seed, counter]` (uint32): each draw reads it and
    increments the counter, so two generators with the same seed give the same sequence
    of draws on a backend.

    Args:
        seed: An int seed; a random one when `None`.
        name: The generator's name (the state variable's path starts with it).

    Example:

    >>> gen = keras.random.SeedGenerator(42)
    >>> a = keras.random.uniform((2,), seed=gen)
    >>> b = keras.random.uniform((2,), seed=gen)
    >>> bool(np.all(a == b))
    False
    """

    def __init__(self, seed: int | None = None, name: str | None = None, **kwargs: Any) -> None:
        kwargs.pop("backend", None)
        if kwargs:
            raise TypeError(f"SeedGenerator() got unexpected keyword arguments: {sorted(kwargs)}")
        if seed is None:
            seed = python_random.randint(1, 2**31 - 1)
        elif isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
            raise ValueError(f"Argument `seed` must be an integer. Received: seed={seed}")
        self._initial_seed = int(seed)
        self.name = name or unique_name("seed_generator")
        with name_scope(self.name, caller=self):
            self.state = Variable(
                np.array([self._initial_seed % 2**32, 0], dtype="uint32"),
                dtype="uint32",
                trainable=False,
                name="seed_generator_state",
            )

    def next(self, ordered: bool = True) -> Tensor:
        """Return the current state as a seed and advance the counter."""
        from keras import ops

        # A copy: torch and tensorflow variables change in place on assign. The counter
        # is advanced in int64 because torch has no uint32 addition.
        current = ops.copy(self.state.value)
        advanced = ops.add(ops.cast(current, "int64"), np.array([0, 1], dtype="int64"))
        self.state.assign(ops.cast(advanced, "uint32"))
        return current

    def get_config(self) -> dict[str, Any]:
        return {"seed": self._initial_seed, "name": self.name}

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> SeedGenerator:
        return cls(**config)


_GLOBAL: SeedGenerator | None = None


def global_seed_generator() -> SeedGenerator:
    """Return the process's generator for draws with `seed=None`."""
    global _GLOBAL
    if _GLOBAL is None:
        _GLOBAL = SeedGenerator(name="global_seed_generator")
    return _GLOBAL


def set_global_seed(seed: int) -> None:
    """Restart the generator behind `seed=None` draws from `seed` (`keras.utils.set_random_seed`)."""
    global _GLOBAL
    _GLOBAL = SeedGenerator(seed, name="global_seed_generator")


def draw_seed(seed: Any) -> Tensor:
    """Return a uint32 `[2]` seed tensor for one draw from an int, a generator or `None`."""
    from keras.ops._convert import convert

    if isinstance(seed, SeedGenerator):
        return seed.next()
    if seed is None:
        return global_seed_generator().next()
    if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool):
        return convert(np.array([int(seed) % 2**32, 0], dtype="uint32"))
    raise ValueError(
        "Argument `seed` must be either an integer or an instance of `SeedGenerator`. "
        f"Received: seed={seed} (of type {type(seed)})"
    )
