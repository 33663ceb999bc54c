"""Check that files this suite saved load in the real Keras 3 and give our predictions.

Run with an environment holding Keras 3.15 (not this suite):

    KERAS_BACKEND=jax /tmp/allenv/bin/python packages/keras-saving/tests/interop/check_with_keras3.py

For every `tests/data/ours/NAME.keras`: `keras.saving.load_model` must reproduce
`NAME.io.npz["y"]` within 1e-5 and restore the optimizer's variables; the
`.weights.h5` must load into the model Keras rebuilds from the config; and the
`.safetensors` keys and values must be the `.weights.h5` datasets. Exits non-zero on
any failure.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import h5py
import numpy as np
from safetensors.numpy import load_file

import keras

DATA = Path(__file__).resolve().parents[1] / "data" / "ours"


def check(name: str) -> list[str]:
    failures: list[str] = []
    io = np.load(DATA / f"{name}.io.npz")
    model = keras.saving.load_model(DATA / f"{name}.keras")
    got = model.predict(io["x"], verbose=0)
    error = float(np.max(np.abs(got - io["y"])))
    if error > 1e-5:
        failures.append(f"{name}.keras: predictions differ by {error}")
    with h5py.File(DATA / f"{name}.weights.h5", "r") as h5:
        stored = {k: np.asarray(v) for k, v in h5["optimizer/vars"].items()} if "optimizer" in h5 else {}
        datasets: dict[str, np.ndarray] = {}
        h5.visititems(
            lambda key, obj: datasets.update({key: obj[()]}) if isinstance(obj, h5py.Dataset) else None
        )
    if len(stored) != len(model.optimizer.variables):
        failures.append(
            f"{name}.keras: optimizer has {len(model.optimizer.variables)} variables, file {len(stored)}"
        )
    for index, variable in enumerate(model.optimizer.variables):
        if not np.allclose(np.asarray(variable), stored[str(index)]):
            failures.append(f"{name}.keras: optimizer variable {index} ({variable.path}) differs")
    with zipfile.ZipFile(DATA / f"{name}.keras") as archive:
        config = json.loads(archive.read("config.json"))
    rebuilt = keras.saving.deserialize_keras_object(config)
    rebuilt.load_weights(DATA / f"{name}.weights.h5")
    error = float(np.max(np.abs(rebuilt.predict(io["x"], verbose=0) - io["y"])))
    if error > 1e-5:
        failures.append(f"{name}.weights.h5: predictions differ by {error}")
    tensors = load_file(str(DATA / f"{name}.safetensors"))
    if sorted(tensors) != sorted(datasets):
        failures.append(f"{name}.safetensors: keys {sorted(tensors)} != h5 datasets {sorted(datasets)}")
    elif any(not np.array_equal(tensors[k], datasets[k]) for k in tensors):
        failures.append(f"{name}.safetensors: values differ from the .weights.h5 file")
    print(f"{name}: max |keras3 - ours| = {error:.2e}; optimizer variables: {len(stored)}")
    return failures


def main() -> int:
    names = sorted(path.name[: -len(".keras")] for path in DATA.glob("*.keras"))
    if not names:
        print(f"no files in {DATA}")
        return 1
    failures = [failure for name in names for failure in check(name)]
    for failure in failures:
        print("FAIL:", failure)
    print(
        f"Keras {keras.__version__} ({keras.backend.backend()}): {len(names)} files checked, {len(failures)} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
