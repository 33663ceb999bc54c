"""Eager dispatch overhead: `keras.ops.add` / `matmul` against the backend's own call.

    KERAS_BACKEND=torch python benchmarks/op_dispatch.py

Small arrays, so the measurement is dominated by dispatch. torch runs at 1 thread.
Reports microseconds per call and the ratio: the best of R rounds of N calls, the
backend's call and ours taking turns, so both see the same machine load (the best of
many short rounds is steady even while other work shares the CPU).
"""

from __future__ import annotations

import argparse
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


def best_us(functions: list[Callable[[], Any]], number: int, rounds: int) -> list[float]:
    """Best microseconds per call of each function over `rounds` interleaved rounds."""
    best = [float("inf")] * len(functions)
    for _ in range(rounds):
        for i, fn in enumerate(functions):
            best[i] = min(best[i], timeit.timeit(fn, number=number) / number * 1e6)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    backend = os.environ.get("KERAS_BACKEND", "numpy")
    from keras import ops

    to_tensor, add, matmul = native(backend)
    a = to_tensor(np.ones((8, 8), dtype="float32"))
    b = to_tensor(np.ones((8, 8), dtype="float32"))
    number = 2000 if backend in ("numpy", "torch") else 200
    print("| backend | op | backend call (us) | keras.ops (us) | ratio |")
    print("| --- | --- | --- | --- | --- |")
    for name, direct, ours in (("add", add, ops.add), ("matmul", matmul, ops.matmul)):
        base, mine = best_us([lambda d=direct: d(a, b), lambda o=ours: o(a, b)], number, args.rounds)
        print(f"| {backend} | {name} | {base:.2f} | {mine:.2f} | {mine / base:.2f}x |")


if __name__ == "__main__":
    main()
