"""`clear_session`: reset the process's global Keras state."""

from __future__ import annotations

import gc
import sys

from keras.backend._config import backend
from keras.backend._naming import reset_uids


def clear_session(free_memory: bool = True) -> None:
    """Reset global state: name counters and the backend's caches.

    Call it between unrelated models in one process, so that names start again at
    `dense`, `dense_1`, ... and backend memory held for old graphs is released.

    Args:
        free_memory: Whether to also run the garbage collector and empty the backend's
            caches (JAX compilation caches, the CUDA allocator cache).

    Example:

    >>> keras.backend.clear_session()
    >>> keras.backend.get_uid("doc_session")
    1
    """
    reset_uids()
    if not free_memory:
        return
    gc.collect()
    # Only backends already loaded are touched: clearing must not import one.
    name = backend()
    if name == "jax" and "jax" in sys.modules:
        sys.modules["jax"].clear_caches()
    elif name == "torch" and "torch" in sys.modules:
        torch = sys.modules["torch"]
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
