"""Import time of `keras.ops` and `import keras` against the backend's own import.

Each measurement is a fresh Python process; the median of N runs is reported. One
unmeasured run of each snippet comes first, with bytecode writing on, so that every
measured run finds fresh `.pyc` files (as an installed package would).

    python benchmarks/import_time.py [--runs 10] [--backends numpy jax] [--clock cpu]

Prints one Markdown table row per backend: the backend's own import, then for each
snippet below its time and its overhead over the backend alone:

- keras-ops alone: `import keras.ops` plus the first op (which loads the backend), with
  only keras-ops' source directory on `sys.path`, as after `pip install keras-ops`;
- `import keras`: the meta-package plus the first op;
- full suite: `import keras` plus every subpackage of the suite (layers, models,
  losses, metrics, optimizers, callbacks, saving...) and the first op.

`--clock cpu` measures the process's CPU time instead of wall-clock time: steadier on
a machine that other work keeps busy, but it counts the CPU time of every thread.
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

# Drop the other packages' source directories from sys.path: `keras` is then the
# namespace package that keras-ops alone provides.
OPS_ALONE = (
    "import os, sys; "
    "sys.path[:] = [p for p in sys.path if not os.path.isdir(os.path.join(p, 'keras')) "
    "or os.path.isdir(os.path.join(p, 'keras', 'ops'))]"
)

SNIPPETS = {
    "ops": "import keras.ops as o; o.add(1, 2)",
    "keras": "import keras; keras.ops.add(1, 2)",
    "full": (
        "import keras; "
        "import keras.layers, keras.models, keras.losses, keras.metrics, keras.optimizers, "
        "keras.callbacks, keras.saving, keras.activations, keras.initializers, "
        "keras.regularizers, keras.constraints, keras.dtype_policies, keras.utils; "
        "keras.ops.add(1, 2)"
    ),
}


def time_code(code: str, backend: str, runs: int, clock: str, setup: str = "") -> float:
    timer = "time.process_time" if clock == "cpu" else "time.perf_counter"
    script = f"{setup}\nimport time; t = {timer}(); {code}; print({timer}() - t)"
    env = dict(os.environ, KERAS_BACKEND=backend, TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    samples = []
    for run in range(runs + 1):
        out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
        if run:  # the first run only refreshes the bytecode caches
            samples.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--backends", nargs="*", default=[os.environ.get("KERAS_BACKEND", "numpy")])
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args()
    print(
        "| backend | backend import (s) | keras-ops alone + first op (s) | overhead (s) "
        "| import keras + first op (s) | overhead (s) | full suite + first op (s) | overhead (s) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for backend in args.backends:
        base = time_code(BACKEND_IMPORTS[backend], backend, args.runs, args.clock)
        ops = time_code(SNIPPETS["ops"], backend, args.runs, args.clock, setup=OPS_ALONE)
        meta = time_code(SNIPPETS["keras"], backend, args.runs, args.clock)
        full = time_code(SNIPPETS["full"], backend, args.runs, args.clock)
        cells = [f"{base:.3f}"]
        for value in (ops, meta, full):
            cells += [f"{value:.3f}", f"{value - base:+.3f}"]
        print(f"| {backend} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
