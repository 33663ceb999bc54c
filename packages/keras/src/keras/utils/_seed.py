"""`set_random_seed`: one seed for Python, numpy and the active backend."""

from __future__ import annotations

import random
import sys

import numpy as np

from keras.backend import backend


def set_random_seed(seed: int) -> None:
    """Seed every random generator a Keras program draws from, for reproducible runs.

    Seeds Python's `random`, numpy's global generator, the generator behind
    `keras.random` draws with `seed=None` (the JAX backend's randomness), and, when
    they are the backend, `torch.manual_seed` and `tf.random.set_seed`.

    Args:
        seed: A non-negative int.

    Raises:
        ValueError: When `seed` is not an int.

    Example:

    >>> keras.utils.set_random_seed(7)
    >>> a = np.random.rand()
    >>> keras.utils.set_random_seed(7)
    >>> bool(a == np.random.rand())
    True
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ValueError(
            f"Expected `seed` argument to be an integer. Received: seed={seed} (of type {type(seed)})"
        )
    seed = int(seed)
    random.seed(seed)
    np.random.seed(seed % 2**32)
    from keras.random._seed_generator import set_global_seed

    set_global_seed(seed)
    name = backend()
    if name == "torch" or "torch" in sys.modules:
        import torch

        torch.manual_seed(seed)
    if name == "tensorflow" or "tensorflow" in sys.modules:
        import tensorflow as tf

        tf.random.set_seed(seed)
