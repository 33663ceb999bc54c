"""Time LSTM and GRU layers on the torch backend: the fused kernel against the generic loop.

On torch, `LSTM`/`GRU` run `torch.lstm`/`torch.gru` when the configuration allows
(`use_cudnn="auto"`, the default); `use_cudnn=False` forces the generic `ops.scan` time
loop (a Python loop over the steps on torch). Both compute the same values; this
script reports how much the fused kernel saves, forward and forward + backward:

    KERAS_BACKEND=torch python benchmarks/rnn_fused_torch.py [--repeats 20] [--device cpu]

Prints one Markdown table row per (layer, shape, pass): the median milliseconds per
call of each path and the speed-up. torch runs at one intra-op thread on CPU (these
machines have two cores); on CUDA it runs as configured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("KERAS_BACKEND", "torch")

import numpy as np
import torch

from keras.layers._recurrent.gru import GRU
from keras.layers._recurrent.lstm import LSTM

SHAPES = [(32, 20, 32, 64), (32, 100, 64, 128)]  # (batch, timesteps, features, units)


def median_ms(
    layer: Any, x: torch.Tensor, backward: bool, repeats: int, synchronize: Callable[[], None]
) -> float:
    """Median milliseconds of `layer(x)` (and of `sum().backward()` when `backward`), after a warm-up."""

    def run() -> None:
        if backward:
            layer(x).sum().backward()
        else:
            with torch.no_grad():
                layer(x)

    run()
    synchronize()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        synchronize()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--device", default="cpu", help="torch device, e.g. cpu or cuda")
    args = parser.parse_args()
    from keras import backend

    assert backend.backend() == "torch", "run with KERAS_BACKEND=torch"
    if args.device == "cpu":
        torch.set_num_threads(1)
    synchronize = torch.cuda.synchronize if args.device.startswith("cuda") else (lambda: None)
    print(f"device: {args.device}, torch {torch.__version__}")
    print("| layer | batch, steps, features, units | pass | fused ms | generic ms | speed-up |")
    print("|---|---|---|---:|---:|---:|")
    for cls in (LSTM, GRU):
        for batch, steps, features, units in SHAPES:
            x_np = np.random.default_rng(0).normal(size=(batch, steps, features)).astype("float32")
            with torch.device(args.device):
                x = torch.as_tensor(x_np, device=args.device)
                fused = cls(units, return_sequences=True)
                generic = cls(units, return_sequences=True, use_cudnn=False)
                fused.build(x.shape)
                generic.build(x.shape)
                generic.set_weights(fused.get_weights())
                for name, backward in (("forward", False), ("forward + backward", True)):
                    timings = [
                        median_ms(layer, x, backward, args.repeats, synchronize) for layer in (fused, generic)
                    ]
                    print(
                        f"| {cls.__name__} | {batch}, {steps}, {features}, {units} | {name} | "
                        f"{timings[0]:.2f} | {timings[1]:.2f} | {timings[1] / timings[0]:.1f}x |"
                    )


if __name__ == "__main__":
    main()
