"""Milliseconds per training step and per predict batch: the suite's trainer against
hand-written loops of the same models in plain JAX and plain torch.

    KERAS_BACKEND=jax python benchmarks/fit_bench.py      # keras rows + plain-JAX rows
    KERAS_BACKEND=torch python benchmarks/fit_bench.py    # keras rows + plain-torch rows
    KERAS_BACKEND=tensorflow python benchmarks/fit_bench.py

Each model trains with Adam on random data, batch 64, 32 steps per epoch; a step's time
is the median epoch time (after a first epoch that compiles) divided by the steps. A
keras epoch is one `fit(epochs=1)` call, so its time includes what `fit` does around
the steps. The keras loop and the hand-written one take turns, epoch by epoch, so both
see the same machine load; "ratio" is the median over rounds of keras / hand-written.
Hand-written loops: the same layers and initial weights, Adam written out, one jitted
step (JAX) or an eager step (torch, 1 thread). The transformer has no hand-written
version. Prints Markdown rows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras

BATCH = 64
STEPS = 32


def mlp() -> keras.Model:
    return keras.Sequential(
        [
            keras.Input((64,)),
            keras.layers.Dense(256, activation="relu"),
            keras.layers.Dense(256, activation="relu"),
            keras.layers.Dense(10),
        ]
    )


def cnn() -> keras.Model:
    return keras.Sequential(
        [
            keras.Input((16, 16, 3)),
            keras.layers.Conv2D(16, 3, padding="same", activation="relu"),
            keras.layers.MaxPooling2D(2),
            keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
            keras.layers.Flatten(),
            keras.layers.Dense(10),
        ]
    )


def transformer() -> keras.Model:
    tokens = keras.Input((32,), dtype="int32")
    x = keras.layers.Embedding(1000, 64)(tokens)
    attended = keras.layers.MultiHeadAttention(num_heads=4, key_dim=16)(x, x)
    x = keras.layers.LayerNormalization()(keras.layers.Add()([x, attended]))
    x = keras.layers.GlobalAveragePooling1D()(x)
    return keras.Model(tokens, keras.layers.Dense(10)(x))


MODELS: dict[str, tuple[Callable[[], keras.Model], tuple[int, ...], str]] = {
    "mlp": (mlp, (64,), "float32"),
    "cnn": (cnn, (16, 16, 3), "float32"),
    "transformer": (transformer, (32,), "int32"),
}


def data(shape: tuple[int, ...], dtype: str) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    n = BATCH * STEPS
    x = rng.integers(0, 1000, size=(n, *shape)) if dtype == "int32" else rng.normal(size=(n, *shape))
    return x.astype(dtype), rng.integers(0, 10, size=(n,)).astype("int32")


def paired_step_ms(loops: list[Callable[[], None]], rounds: int) -> tuple[list[float], float | None]:
    """Median ms per step of each loop, the loops taking turns; and the median ratio loops[0] / loops[1]."""
    for loop in loops:
        loop()  # compile / warm up
    times: list[list[float]] = [[] for _ in loops]
    for _ in range(rounds):
        for loop, samples in zip(loops, times, strict=True):
            start = time.perf_counter()
            loop()
            samples.append(1000 * (time.perf_counter() - start) / STEPS)
    medians = [statistics.median(samples) for samples in times]
    ratio = (
        statistics.median(a / b for a, b in zip(times[0], times[1], strict=True)) if len(loops) > 1 else None
    )
    return medians, ratio


def keras_loops(name: str) -> tuple[Callable[[], None], Callable[[], None], keras.Model]:
    """One training epoch and one predict pass of the suite's trainer, and the model."""
    build, shape, dtype = MODELS[name]
    x, y = data(shape, dtype)
    model = build()
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )

    def train() -> None:
        model.fit(x, y, batch_size=BATCH, epochs=1, verbose=0, shuffle=False)

    def predict() -> None:
        model.predict(x, batch_size=BATCH, verbose=0)

    return train, predict, model


# --- hand-written JAX ---------------------------------------------------------------------


def jax_loops(name: str, model: keras.Model) -> tuple[Callable[[], None], Callable[[], None]]:
    import jax
    import jax.numpy as jnp

    _, shape, dtype = MODELS[name]
    x, y = data(shape, dtype)
    params = [jnp.asarray(w) for w in model.get_weights()]

    def forward(p: list[Any], xb: Any) -> Any:
        if name == "mlp":
            h = jax.nn.relu(xb @ p[0] + p[1])
            h = jax.nn.relu(h @ p[2] + p[3])
            return h @ p[4] + p[5]
        dn = ("NHWC", "HWIO", "NHWC")
        h = jax.nn.relu(jax.lax.conv_general_dilated(xb, p[0], (1, 1), "SAME", dimension_numbers=dn) + p[1])
        h = jax.lax.reduce_window(h, -jnp.inf, jax.lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")
        h = jax.nn.relu(jax.lax.conv_general_dilated(h, p[2], (1, 1), "SAME", dimension_numbers=dn) + p[3])
        return h.reshape(h.shape[0], -1) @ p[4] + p[5]

    def loss_fn(p: list[Any], xb: Any, yb: Any) -> Any:
        logits = forward(p, xb)
        return -jnp.mean(jnp.take_along_axis(jax.nn.log_softmax(logits), yb[:, None], axis=1))

    @jax.jit
    def step(p: list[Any], m: list[Any], v: list[Any], t: Any, xb: Any, yb: Any) -> Any:
        grads = jax.grad(loss_fn)(p, xb, yb)
        t = t + 1
        m = [0.9 * mi + 0.1 * g for mi, g in zip(m, grads, strict=True)]
        v = [0.999 * vi + 0.001 * g * g for vi, g in zip(v, grads, strict=True)]
        lr = (1e-3 * jnp.sqrt(1 - 0.999**t) / (1 - 0.9**t)).astype(jnp.float32)
        p = [pi - lr * mi / (jnp.sqrt(vi) + 1e-7) for pi, mi, vi in zip(p, m, v, strict=True)]
        return p, m, v, t

    zeros = [jnp.zeros_like(q) for q in params]
    state = [params, zeros, list(zeros), jnp.zeros((), jnp.float32)]

    def epoch() -> None:
        for i in range(STEPS):
            state[:] = step(*state, x[i * BATCH : (i + 1) * BATCH], y[i * BATCH : (i + 1) * BATCH])
        jax.block_until_ready(state[0])

    predict_fn = jax.jit(forward)

    def predict_epoch() -> None:
        outs = [np.asarray(predict_fn(state[0], x[i * BATCH : (i + 1) * BATCH])) for i in range(STEPS)]
        np.concatenate(outs)

    return epoch, predict_epoch


# --- hand-written torch -------------------------------------------------------------------


def torch_loops(name: str, model: keras.Model) -> tuple[Callable[[], None], Callable[[], None]]:
    import torch

    _, shape, dtype = MODELS[name]
    x, y = data(shape, dtype)
    weights = model.get_weights()
    if name == "mlp":
        net: Any = torch.nn.Sequential(
            torch.nn.Linear(64, 256),
            torch.nn.ReLU(),
            torch.nn.Linear(256, 256),
            torch.nn.ReLU(),
            torch.nn.Linear(256, 10),
        )
        linears = [net[0], net[2], net[4]]
        for layer, (kernel, bias) in zip(linears, zip(weights[::2], weights[1::2], strict=True), strict=True):
            layer.weight.data = torch.tensor(kernel.T.copy())
            layer.bias.data = torch.tensor(bias)
        xt = torch.tensor(x)
    else:
        net = torch.nn.Sequential(
            torch.nn.Conv2d(3, 16, 3, padding=1),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(16, 32, 3, padding=1),
            torch.nn.ReLU(),
            torch.nn.Flatten(),
            torch.nn.Linear(32 * 8 * 8, 10),
        )
        xt = torch.tensor(x).permute(0, 3, 1, 2).contiguous()  # torch's own layout
    yt = torch.tensor(y, dtype=torch.long)
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()

    def epoch() -> None:
        for i in range(STEPS):
            optimizer.zero_grad()
            loss = loss_fn(net(xt[i * BATCH : (i + 1) * BATCH]), yt[i * BATCH : (i + 1) * BATCH])
            loss.backward()
            optimizer.step()

    def predict_epoch() -> None:
        with torch.no_grad():
            np.concatenate([net(xt[i * BATCH : (i + 1) * BATCH]).numpy() for i in range(STEPS)])

    return epoch, predict_epoch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--models", nargs="*", default=list(MODELS))
    args = parser.parse_args()
    backend = keras.backend.backend()
    if backend == "torch":
        import torch

        torch.set_num_threads(1)
    hand_written = {"jax": ("hand-written JAX", jax_loops), "torch": ("hand-written torch", torch_loops)}
    print(
        "| backend | model | loop | train step (ms) | predict batch (ms) | keras / hand-written (train, predict) |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for name in args.models:
        train, predict, model = keras_loops(name)
        if name == "transformer" or backend not in hand_written:
            (keras_train,), _ = paired_step_ms([train], args.rounds)
            (keras_predict,), _ = paired_step_ms([predict], args.rounds)
            print(
                f"| {backend} | {name} | keras trainer | {keras_train:.2f} | {keras_predict:.2f} | |",
                flush=True,
            )
            continue
        label, make_loops = hand_written[backend]
        hand_train, hand_predict = make_loops(name, model)
        (keras_train, own_train), train_ratio = paired_step_ms([train, hand_train], args.rounds)
        (keras_predict, own_predict), predict_ratio = paired_step_ms([predict, hand_predict], args.rounds)
        print(
            f"| {backend} | {name} | keras trainer | {keras_train:.2f} | {keras_predict:.2f} "
            f"| {train_ratio:.2f}x, {predict_ratio:.2f}x |",
            flush=True,
        )
        print(f"| {backend} | {name} | {label} | {own_train:.2f} | {own_predict:.2f} | |", flush=True)


if __name__ == "__main__":
    main()
