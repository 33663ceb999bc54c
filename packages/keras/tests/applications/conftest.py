"""Compare a built application with the Keras 3.15 architecture recorded in tests/data/applications."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import keras

FIXTURES = Path(__file__).parents[1] / "data" / "applications"
REFERENCE_PYTHON = Path("/tmp/allenv/bin/python")

_spec = importlib.util.spec_from_file_location("_make_app_fixtures", FIXTURES / "make_fixtures.py")
assert _spec is not None and _spec.loader is not None
make_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_fixtures)


def load_fixture(stem: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{stem}.json").read_text())


def build_case(stem: str) -> tuple[keras.Model, dict[str, Any]]:
    """Build the recorded case `stem` with this suite (fresh names), and return it with its record."""
    record = load_fixture(stem)
    keras.backend.clear_session()
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in record["kwargs"].items()}
    model = getattr(keras.applications, record["builder"])(weights=None, **kwargs)
    return model, record


def architecture_differences(model: keras.Model, record: dict[str, Any]) -> list[str]:
    """Every way `model` differs from the recorded Keras model (empty when they are the same)."""
    got = json.loads(json.dumps(make_fixtures.describe(model)))
    diffs = [
        f"{key}: {got[key]!r} != {record[key]!r}"
        for key in ("name", "params", "input_shape", "output_shape")
        if got[key] != record[key]
    ]
    if len(got["layers"]) != len(record["layers"]):
        diffs.append(f"layer count: {len(got['layers'])} != {len(record['layers'])}")
    for index, (mine, theirs) in enumerate(zip(got["layers"], record["layers"], strict=False)):
        if mine[:4] != theirs[:4]:
            diffs.append(f"layer {index}: {mine[:4]} != {theirs[:4]}")
        elif mine[4] != theirs[4]:
            diffs.append(
                f"layer {index} {mine[0]} config: {got['configs'][mine[4]]} != {record['configs'][theirs[4]]}"
            )
    return diffs


@pytest.fixture
def assert_same_architecture() -> Callable[[str], None]:
    """Build a recorded case and fail with the first differences from Keras's model."""

    def check(stem: str) -> None:
        model, record = build_case(stem)
        diffs = architecture_differences(model, record)
        assert not diffs, f"{len(diffs)} differences, first ones:\n" + "\n".join(diffs[:8])

    return check


@pytest.fixture(scope="session")
def keras_round_trip_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of Keras-saved random weights and outputs (see make_fixtures.py `--weights`).

    The files are too big for the repository, so real Keras writes them here, once per session;
    without the reference environment the tests that need them are skipped.
    """
    if not REFERENCE_PYTHON.exists():
        pytest.skip("real Keras (/tmp/allenv) is needed to write the round-trip weight files")
    out = tmp_path_factory.mktemp("keras_round_trips")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["KERAS_BACKEND"] = "numpy"
    subprocess.run(
        [str(REFERENCE_PYTHON), str(FIXTURES / "make_fixtures.py"), "--weights", str(out)],
        check=True,
        env=env,
        capture_output=True,
        timeout=600,
    )
    return out


@pytest.fixture
def assert_round_trip(keras_round_trip_files: Path) -> Callable[[str], None]:
    """Load the Keras-saved weights of a `ROUND_TRIPS` model into ours and compare outputs."""

    def check(stem: str) -> None:
        import numpy as np

        _, builder, kwargs, _ = next(case for case in make_fixtures.ROUND_TRIPS if case[0] == stem)
        kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in kwargs.items()}
        model = getattr(keras.applications, builder)(
            weights=str(keras_round_trip_files / f"{stem}.weights.h5"), **kwargs
        )
        io = np.load(keras_round_trip_files / f"{stem}_io.npz")
        out = keras.ops.convert_to_numpy(model.predict(io["x"], verbose=0))
        np.testing.assert_allclose(out, io["y"], rtol=1e-4, atol=2e-4)

    return check


@pytest.fixture
def assert_preprocess_matches() -> Callable[[str], None]:
    """Compare a family's `preprocess_input` on numpy arrays and tensors with Keras's outputs."""

    def check(family: str) -> None:
        import numpy as np

        record = load_fixture("preprocess")
        module = getattr(keras.applications, family)
        x = np.asarray(record["x"], dtype="float32")
        for data_format in ("channels_last", "channels_first"):
            expected = np.asarray(record[f"{family}/{data_format}"], dtype="float32")
            got = module.preprocess_input(x.copy(), data_format=data_format)
            np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)
            tensor = module.preprocess_input(keras.ops.convert_to_tensor(x.copy()), data_format=data_format)
            np.testing.assert_allclose(keras.ops.convert_to_numpy(tensor), expected, rtol=1e-6, atol=1e-6)

    return check


class OfflineError(OSError):
    """What the patched `get_file` raises: no download happens in the tests."""


@pytest.fixture
def fetched_weight_files(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str | None]]:
    """Patch `get_file` to record (file name, url, hash) and raise `OfflineError`."""
    from keras.applications import _imagenet_utils

    seen: list[tuple[str, str, str | None]] = []

    def offline(fname: str, origin: str, file_hash: str | None = None, **_: Any) -> str:
        seen.append((fname, origin, file_hash))
        raise OfflineError(f"URL fetch failure on {origin}")

    monkeypatch.setattr(_imagenet_utils, "get_file", offline)
    return seen
