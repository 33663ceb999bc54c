"""Time `model.fit` per epoch: this suite against the real Keras 3, same model and data.

Run it once with each implementation's Python (the real Keras must live in its own
environment, since both are `keras`); each run prints one Markdown table row per model:

    KERAS_BACKEND=jax python benchmarks/fit_speed.py --label "this suite"
    KERAS_BACKEND=jax /path/to/keras3-env/bin/python benchmarks/fit_speed.py --label "Keras 3.15"

Timing: the first epoch (compilation, tracing) is reported apart; "epoch" is the median
of the later ones. torch runs at one intra-op thread (these machines have two cores).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np

import keras


def mlp() -> keras.Model:
    return keras.Sequential(
        [
            keras.Input((64,)),
            keras.layers.Dense(256, activation="relu"),
            keras.layers.Dense(256, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )


def convnet() -> keras.Model:
    return keras.Sequential(
        [
            keras.Input((16, 16, 3)),
            keras.layers.Conv2D(16, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )


MODELS = {"mlp": (mlp, (64,)), "convnet": (convnet, (16, 16, 3))}


def time_fit(name: str, samples: int, epochs: int, batch_size: int) -> tuple[float, float]:
    build, shape = MODELS[name]
    rng = np.random.default_rng(0)
    x = rng.normal(size=(samples, *shape)).astype("float32")
    y = rng.integers(0, 10, size=(samples,)).astype("int32")
    model = build()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    durations = []
    for _ in range(epochs):
        start = time.perf_counter()
        model.fit(x, y, batch_size=batch_size, epochs=1, verbose=0)
        durations.append(time.perf_counter() - start)
    return durations[0], statistics.median(durations[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--label", default="keras")
    parser.add_argument("--samples", type=int, default=4096)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--models", nargs="*", default=list(MODELS))
    args = parser.parse_args()
    backend = keras.backend.backend()
    if backend == "torch":
        import torch

        torch.set_num_threads(1)
    steps = -(-args.samples // args.batch_size)
    for name in args.models:
        first, epoch = time_fit(name, args.samples, args.epochs, args.batch_size)
        print(
            f"| {args.label} | {backend} | {name} | {first:.2f} | {epoch:.3f} | {1000 * epoch / steps:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    main()
