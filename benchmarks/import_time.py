"""Import time of `keras.ops` and `import keras` against the backend's own import.

Each measurement is a fresh Python process; the median of N runs is reported. One
unmeasured run of each snippet comes first, with bytecode writing on, so that every
measured run finds fresh `.pyc` files (as an installed package would).

    python benchmarks/import_time.py [--runs 10] [--backends numpy jax] [--clock cpu]

Prints one Markdown table row per backend: the backend's own import, its own first
`add` (timed after its import), then the overhead of each snippet below over it. The overhead is timed in a process that has
imported the backend first, so that the backend's own variance (a second or more for
tensorflow on a busy machine) does not drown ours; both orders load the same modules.

- import keras.ops alone: just the import, with only keras-ops' source directory on
  `sys.path` (the issue's measure: what `import keras.ops` adds to the backend's import);
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

# The backend's own first `add`, after its import: for reference, as "first op" below
# includes the backend's first-call costs too (jax compiles each new primitive and dtype).
BACKEND_FIRST_OPS = {
    "numpy": "numpy.add(1, 2)",
    "jax": "jax.numpy.add(1, 2)",
    "torch": "torch.add(torch.tensor(1), torch.tensor(2))",
    "tensorflow": "tensorflow.add(1, 2)",
}

# Drop the other packages' source directories from sys.path: `keras` is then the
# namespace package that keras-ops alone provides.
OPS_ALONE = (
    "import os, sys; "
    "sys.path[:] = [p for p in sys.path if not os.path.isdir(os.path.join(p, 'keras')) "
    "or os.path.isdir(os.path.join(p, 'keras', 'ops'))]"
)

SNIPPETS = {
    "ops_import": "import keras.ops",
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
    """Median time of `code` over `runs` fresh processes that ran `setup` first."""
    timer = "time.process_time" if clock == "cpu" else "time.perf_counter"
    script = f"{setup}\nimport time; t = {timer}(); {code}; print({timer}() - t)"
    env = dict(os.environ, KERAS_BACKEND=backend, TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    samples = []
    for run in range(runs + 1):
        out = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
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
        "| backend | backend import (s) | its first add (s) | import keras.ops alone (s) "
        "| keras-ops alone + first op (s) | import keras + first op (s) | full suite + first op (s) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for backend in args.backends:
        backend_import = BACKEND_IMPORTS[backend]
        base = time_code(backend_import, backend, args.runs, args.clock)
        first = time_code(BACKEND_FIRST_OPS[backend], backend, args.runs, args.clock, setup=backend_import)
        ops_setup = f"{OPS_ALONE}; {backend_import}"
        ops_import = time_code(SNIPPETS["ops_import"], backend, args.runs, args.clock, setup=ops_setup)
        ops = time_code(SNIPPETS["ops"], backend, args.runs, args.clock, setup=ops_setup)
        meta = time_code(SNIPPETS["keras"], backend, args.runs, args.clock, setup=backend_import)
        full = time_code(SNIPPETS["full"], backend, args.runs, args.clock, setup=backend_import)
        row = (
            f"| {backend} | {base:.3f} | {first:.3f} | +{ops_import:.3f} | +{ops:.3f} "
            f"| +{meta:.3f} | +{full:.3f} |"
        )
        print(row, flush=True)


if __name__ == "__main__":
    main()
