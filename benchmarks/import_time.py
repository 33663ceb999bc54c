"""Import time of `keras.ops` (and `import keras`) against the backend's own import.

Each measurement is a fresh Python process; the median of N runs is reported.

    KERAS_BACKEND=jax python benchmarks/import_time.py [--runs 10]

Prints one Markdown table row per backend measured: the backend's own import, `import
keras.ops` plus the first op (which loads the backend), `import keras` plus the first op,
and the overheads over the backend alone.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

BACKEND_IMPORTS = {
    "numpy": "import numpy",
    "jax": "import jax, jax.numpy",
    "torch": "import torch",
    "tensorflow": "import tensorflow",
}


def time_code(code: str, backend: str, runs: int) -> float:
    script = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    env = dict(os.environ, KERAS_BACKEND=backend, TF_CPP_MIN_LOG_LEVEL="3")
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--backends", nargs="*", default=[os.environ.get("KERAS_BACKEND", "numpy")])
    args = parser.parse_args()
    print(
        "| backend | backend import (s) | keras.ops + first op (s) | overhead (s) | import keras + first op (s) | overhead (s) |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for backend in args.backends:
        base = time_code(BACKEND_IMPORTS[backend], backend, args.runs)
        ops = time_code("import keras.ops as o; o.add(1, 2)", backend, args.runs)
        full = time_code("import keras; keras.ops.add(1, 2)", backend, args.runs)
        print(f"| {backend} | {base:.3f} | {ops:.3f} | {ops - base:+.3f} | {full:.3f} | {full - base:+.3f} |")


if __name__ == "__main__":
    main()
