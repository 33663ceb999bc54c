"""Process-wide settings: the chosen backend, floatx, epsilon, image data format.

The backend is chosen once, when this module is first imported: `KERAS_BACKEND`,
else the `backend` key of `$KERAS_HOME/keras.json` (default `~/.keras/keras.json`),
else the first installed of tensorflow, jax, torch, numpy. Choosing only looks for
the backend's package; the package itself is imported on first use of a kernel,
so `import keras` stays fast.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Any, Literal

BackendName = Literal["numpy", "jax", "torch", "tensorflow"]
DataFormat = Literal["channels_last", "channels_first"]

BACKENDS: tuple[BackendName, ...] = ("tensorflow", "jax", "torch", "numpy")
FLOAT_TYPES = ("bfloat16", "float16", "float32", "float64")
DATA_FORMATS = ("channels_last", "channels_first")
_PIP_NAMES = {"tensorflow": "tensorflow", "jax": "jax", "torch": "torch", "numpy": "numpy"}


def keras_home() -> Path:
    """Return the directory that holds `keras.json` (`$KERAS_HOME` or `~/.keras`)."""
    env = os.environ.get("KERAS_HOME")
    if env:
        return Path(env).expanduser()
    base = Path(os.path.expanduser("~"))
    if not os.access(base, os.W_OK):
        base = Path("/tmp")
    return base / ".keras"


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        with path.open() as f:
            loaded = json.load(f)
    except (OSError, ValueError):
        # An unreadable or half-written file must not stop `import keras`.
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _write_default_config_file(path: Path, settings: dict[str, Any]) -> None:
    """Write `keras.json` with the current defaults, as Keras 3 does, if possible.

    The `backend` key is left out on purpose: with it absent, the backend stays
    auto-detected, so installing another backend later is not masked by a value
    frozen on first import. Keras 3 reads a missing key as its default too.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            return
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(settings, indent=4) + "\n")
        os.replace(tmp, path)
    except OSError:
        pass


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _detect_backend() -> BackendName:
    for name in BACKENDS:
        if _installed(name):
            return name
    return "numpy"


def check_backend_name(name: str) -> BackendName:
    """Return `name` as a backend name, or raise naming the valid ones."""
    normalized = name.strip().lower()
    for valid in BACKENDS:
        if normalized == valid:
            return valid
    raise ValueError(
        f"Unknown backend {name!r}. Expected one of {sorted(BACKENDS)}. "
        "Set it with the KERAS_BACKEND environment variable or the 'backend' key "
        f"of {keras_home() / 'keras.json'}."
    )


def _require_installed(name: BackendName, source: str) -> None:
    if not _installed(name):
        raise ImportError(
            f"The {name!r} backend was requested ({source}) but the "
            f"'{_PIP_NAMES[name]}' package is not installed. Install it with "
            f"`pip install {_PIP_NAMES[name]}` (or `pip install keras-ops[{name}]`), "
            "or choose another backend with KERAS_BACKEND."
        )


def check_floatx(value: str) -> str:
    if value not in FLOAT_TYPES:
        raise ValueError(f"Unknown floatx type. Expected one of {FLOAT_TYPES}. Received: value={value!r}")
    return value


def check_epsilon(value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"epsilon must be a float. Received: value={value!r}")
    return float(value)


def check_data_format(data_format: str) -> DataFormat:
    lowered = str(data_format).lower()
    if lowered == "channels_last":
        return "channels_last"
    if lowered == "channels_first":
        return "channels_first"
    raise ValueError(
        f"The data_format argument must be one of {DATA_FORMATS}. Received: data_format={data_format!r}"
    )


class _Settings:
    """Mutable holder for the process-wide settings, filled once at import."""

    def __init__(self) -> None:
        path = keras_home() / "keras.json"
        file_config = _read_config_file(path)
        self.floatx: str = check_floatx(str(file_config.get("floatx", "float32")))
        self.epsilon: float = check_epsilon(file_config.get("epsilon", 1e-7))
        self.image_data_format: DataFormat = check_data_format(
            str(file_config.get("image_data_format", "channels_last"))
        )
        env_backend = os.environ.get("KERAS_BACKEND")
        if env_backend:
            self.backend = check_backend_name(env_backend)
            _require_installed(self.backend, "KERAS_BACKEND")
        elif "backend" in file_config:
            self.backend = check_backend_name(str(file_config["backend"]))
            _require_installed(self.backend, f"'backend' in {path}")
        else:
            self.backend = _detect_backend()
        if not file_config:
            _write_default_config_file(
                path,
                {
                    "floatx": self.floatx,
                    "epsilon": self.epsilon,
                    "image_data_format": self.image_data_format,
                },
            )


SETTINGS = _Settings()


def backend() -> str:
    """Return the name of the active backend.

    Returns:
        One of `"numpy"`, `"jax"`, `"torch"`, `"tensorflow"`.

    Example:

    >>> keras.backend.backend() in ("numpy", "jax", "torch", "tensorflow")
    True
    """
    return SETTINGS.backend


def floatx() -> str:
    """Return the default float dtype, `"float32"` unless changed.

    Returns:
        The dtype name, one of `"bfloat16"`, `"float16"`, `"float32"`, `"float64"`.

    Example:

    >>> keras.backend.floatx()
    'float32'
    """
    return SETTINGS.floatx


def set_floatx(value: str) -> None:
    """Set the default float dtype.

    Args:
        value: One of `"bfloat16"`, `"float16"`, `"float32"`, `"float64"`.

    Raises:
        ValueError: If `value` is not a float dtype name.

    Example:

    >>> keras.backend.set_floatx("float16")
    >>> keras.ops.convert_to_tensor(1.5).dtype
    dtype('float16')
    >>> keras.backend.set_floatx("float32")
    """
    SETTINGS.floatx = check_floatx(value)


def epsilon() -> float:
    """Return the fuzz factor added to denominators, `1e-7` unless changed.

    Returns:
        The epsilon as a Python float.

    Example:

    >>> keras.backend.epsilon()
    1e-07
    """
    return SETTINGS.epsilon


def set_epsilon(value: float) -> None:
    """Set the fuzz factor added to denominators.

    Args:
        value: The new epsilon.

    Raises:
        TypeError: If `value` is not a number.

    Example:

    >>> keras.backend.set_epsilon(1e-5)
    >>> keras.backend.epsilon()
    1e-05
    >>> keras.backend.set_epsilon(1e-7)
    """
    SETTINGS.epsilon = check_epsilon(value)


def image_data_format() -> str:
    """Return the default image layout, `"channels_last"` unless changed.

    Returns:
        `"channels_last"` or `"channels_first"`.

    Example:

    >>> keras.backend.image_data_format()
    'channels_last'
    """
    return SETTINGS.image_data_format


def set_image_data_format(data_format: str) -> None:
    """Set the default image layout.

    Args:
        data_format: `"channels_last"` or `"channels_first"`.

    Raises:
        ValueError: If `data_format` is neither.

    Example:

    >>> keras.backend.set_image_data_format("channels_first")
    >>> keras.backend.image_data_format()
    'channels_first'
    >>> keras.backend.set_image_data_format("channels_last")
    """
    SETTINGS.image_data_format = check_data_format(data_format)


def set_backend(backend: str) -> None:
    """Switch the active backend for the rest of the process.

    Tensors, variables and models made before the switch keep the old backend's state
    and must not be mixed with new ones; use this in notebooks, not in libraries.

    Args:
        backend: `"numpy"`, `"jax"`, `"torch"` or `"tensorflow"`.

    Raises:
        ValueError: For an unknown name.
        ImportError: If that backend's package is not installed.
    """
    name = check_backend_name(backend)
    _require_installed(name, "set_backend")
    os.environ["KERAS_BACKEND"] = name
    SETTINGS.backend = name
    from keras.backend._active import reset_kernels

    reset_kernels()
