"""Backend selection and process-wide settings.

Selection happens once per process, so each selection case runs in a fresh subprocess
with its own KERAS_HOME.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from keras import backend

PROBE = "from keras.backend import backend; print(backend())"


def run_python(code: str, keras_home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}
    environment.update(KERAS_HOME=str(keras_home), **env)
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=120
    )


def test_env_variable_wins_over_config_file(tmp_path: Path) -> None:
    (tmp_path / "keras.json").write_text(json.dumps({"backend": "not-a-backend"}))
    result = run_python(PROBE, tmp_path, KERAS_BACKEND="numpy")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "numpy"


def test_config_file_backend_is_used(tmp_path: Path) -> None:
    (tmp_path / "keras.json").write_text(json.dumps({"backend": "numpy", "floatx": "float16"}))
    result = run_python(PROBE + "; from keras.backend import floatx; print(floatx())", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["numpy", "float16"]


def test_unknown_backend_lists_valid_names(tmp_path: Path) -> None:
    result = run_python(PROBE, tmp_path, KERAS_BACKEND="theano")
    assert result.returncode != 0
    assert (
        "Unknown backend 'theano'. Expected one of ['jax', 'numpy', 'tensorflow', 'torch']" in result.stderr
    )


def test_missing_backend_names_the_package_to_install(tmp_path: Path) -> None:
    # A fake importable-looking name is not possible, so hide jax from the finder instead.
    code = (
        "import sys, importlib.util\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name == 'jax' else real(name, *a)\n" + PROBE
    )
    result = run_python(code, tmp_path, KERAS_BACKEND="jax")
    assert result.returncode != 0
    assert "the 'jax' package is not installed. Install it with `pip install jax`" in result.stderr


def test_default_config_file_is_written_without_backend(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_python(PROBE, home, KERAS_BACKEND="numpy")
    assert result.returncode == 0, result.stderr
    written = json.loads((home / "keras.json").read_text())
    assert written == {"floatx": "float32", "epsilon": 1e-07, "image_data_format": "channels_last"}


def test_detection_order_prefers_tensorflow_then_jax_then_torch(tmp_path: Path) -> None:
    code = (
        "import importlib.util\n"
        "real = importlib.util.find_spec\n"
        "importlib.util.find_spec = lambda name, *a: None if name in ('tensorflow',) else real(name, *a)\n"
        "from keras.backend import _config\n"
        "print(_config._detect_backend())\n"
    )
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    import importlib.util

    expected = next(n for n in ("jax", "torch", "numpy") if importlib.util.find_spec(n) is not None)
    assert result.stdout.strip() == expected


def test_unreadable_config_file_falls_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / "keras.json").write_text("{not json")
    result = run_python(
        PROBE + "; from keras.backend import floatx; print(floatx())", tmp_path, KERAS_BACKEND="numpy"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["numpy", "float32"]


@pytest.fixture
def restore_settings():  # type: ignore[no-untyped-def]
    saved = (backend.floatx(), backend.epsilon(), backend.image_data_format())
    yield
    backend.set_floatx(saved[0])
    backend.set_epsilon(saved[1])
    backend.set_image_data_format(saved[2])


@pytest.mark.usefixtures("restore_settings")
def test_setters_change_the_settings() -> None:
    backend.set_floatx("float16")
    backend.set_epsilon(1e-5)
    backend.set_image_data_format("channels_first")
    assert (backend.floatx(), backend.epsilon(), backend.image_data_format()) == (
        "float16",
        1e-5,
        "channels_first",
    )


@pytest.mark.parametrize(
    ("setter", "value", "error", "message"),
    [
        (backend.set_floatx, "int32", ValueError, "Unknown floatx type. Expected one of"),
        (backend.set_floatx, "float", ValueError, r"Received: value='float'"),
        (backend.set_epsilon, "small", TypeError, r"epsilon must be a float. Received: value='small'"),
        (backend.set_image_data_format, "channels_middle", ValueError, "must be one of"),
    ],
    ids=["floatx-int", "floatx-alias", "epsilon-str", "data-format"],
)
@pytest.mark.usefixtures("restore_settings")
def test_setters_reject_bad_values(setter, value, error, message) -> None:  # type: ignore[no-untyped-def]
    before = (backend.floatx(), backend.epsilon(), backend.image_data_format())
    with pytest.raises(error, match=message):
        setter(value)
    assert (backend.floatx(), backend.epsilon(), backend.image_data_format()) == before


def test_backend_is_the_requested_one() -> None:
    expected = os.environ.get("KERAS_BACKEND")
    if expected:
        assert backend.backend() == expected
    else:
        assert backend.backend() in ("numpy", "jax", "torch", "tensorflow")
