"""Process-wide switches that `keras.config` exposes: logging, tracebacks, attention
kernels and run-length caps. They live at the bottom of the stack so every package can
read them; the meta-package lifts them into `keras.config`."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass
class _Switches:
    interactive_logging: bool = True
    traceback_filtering: bool = True
    flash_attention: bool | None = None  # None: use it where the backend supports it
    max_epochs: int | None = None
    max_steps_per_epoch: int | None = None


SWITCHES = _Switches(
    max_epochs=int(os.environ["KERAS_MAX_EPOCHS"]) if os.environ.get("KERAS_MAX_EPOCHS") else None,
    max_steps_per_epoch=(
        int(os.environ["KERAS_MAX_STEPS_PER_EPOCH"]) if os.environ.get("KERAS_MAX_STEPS_PER_EPOCH") else None
    ),
)


def enable_interactive_logging() -> None:
    """Print progress and messages to stdout (the default), rather than via `logging`."""
    SWITCHES.interactive_logging = True


def disable_interactive_logging() -> None:
    """Send progress and messages to Python's `logging` instead of stdout."""
    SWITCHES.interactive_logging = False


def is_interactive_logging_enabled() -> bool:
    """Return whether messages go to stdout (`True`) or to `logging` (`False`)."""
    return SWITCHES.interactive_logging


def enable_traceback_filtering() -> None:
    """Hide the suite's internal frames from tracebacks of user errors (the default)."""
    SWITCHES.traceback_filtering = True


def disable_traceback_filtering() -> None:
    """Show full tracebacks, internal frames included."""
    SWITCHES.traceback_filtering = False


def is_traceback_filtering_enabled() -> bool:
    """Return whether tracebacks are filtered."""
    return SWITCHES.traceback_filtering


def enable_flash_attention() -> None:
    """Use flash attention in `ops.dot_product_attention` where the backend and device allow."""
    SWITCHES.flash_attention = True


def disable_flash_attention() -> None:
    """Never use flash attention in `ops.dot_product_attention`."""
    SWITCHES.flash_attention = False


def is_flash_attention_enabled() -> bool | None:
    """Return `True`/`False` when set explicitly, `None` for the automatic default."""
    return SWITCHES.flash_attention


def _check_cap(name: str, value: object) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"`{name}` must be a positive int or None. Received: {name}={value!r}")
    return value if isinstance(value, int) else None


def set_max_epochs(max_epochs: int | None) -> None:
    """Cap the number of epochs of every `fit` call (for quick test runs); `None` lifts it."""
    SWITCHES.max_epochs = _check_cap("max_epochs", max_epochs)


def max_epochs() -> int | None:
    """Return the cap on epochs per `fit` call, or `None`."""
    return SWITCHES.max_epochs


def set_max_steps_per_epoch(max_steps_per_epoch: int | None) -> None:
    """Cap the number of steps per epoch (for quick test runs); `None` lifts it."""
    SWITCHES.max_steps_per_epoch = _check_cap("max_steps_per_epoch", max_steps_per_epoch)


def max_steps_per_epoch() -> int | None:
    """Return the cap on steps per epoch, or `None`."""
    return SWITCHES.max_steps_per_epoch


def is_nnx_enabled() -> bool:
    """Return whether Flax NNX integration is on: this suite does not provide it."""
    return False
