"""Eager dispatch overhead: `keras.ops.add` / `matmul` against the backend's own call.

    KERAS_BACKEND=torch python benchmarks/op_dispatch.py

Small arrays, so the measurement is dominated by dispatch. torch runs at 1 thread.
Reports microseconds per call (best of 5 repeats of N calls) and the ratio.
"""

from __future__ import annotations

import os
import timeit
from collections.abc import Callable
from typing import Any

import numpy as np


def native(backend: str) -> tuple[Callable[[Any], Any], Callable[[Any, Any], Any], Callable[[Any, Any], Any]]:
    """Return (to_tensor, add, matmul) of the backend's own library."""
    if backend == "jax":
        import jax.numpy as jnp

        return jnp.asarray, jnp.add, jnp.matmul
    if backend == "torch":
        import torch

        torch.set_num_threads(1)
        return torch.as_tensor, torch.add, torch.matmul
    if backend == "tensorflow":
        import tensorflow as tf

        return tf.convert_to_tensor, tf.add, tf.matmul
    return np.asarray, np.add, np.matmul


def per_call_us(fn: Callable[[], Any], number: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


def main() -> None:
    backend = os.environ.get("KERAS_BACKEND", "numpy")
    from keras import ops

    to_tensor, add, matmul = native(backend)
    a = to_tensor(np.ones((8, 8), dtype="float32"))
    b = to_tensor(np.ones((8, 8), dtype="float32"))
    number = 20000 if backend in ("numpy", "torch") else 5000
    print("| backend | op | backend call (us) | keras.ops (us) | ratio |")
    print("| --- | --- | --- | --- | --- |")
    for name, direct, ours in (("add", add, ops.add), ("matmul", matmul, ops.matmul)):
        base = per_call_us(lambda d=direct: d(a, b), number)
        mine = per_call_us(lambda o=ours: o(a, b), number)
        print(f"| {backend} | {name} | {base:.2f} | {mine:.2f} | {mine / base:.2f}x |")


if __name__ == "__main__":
    main()
