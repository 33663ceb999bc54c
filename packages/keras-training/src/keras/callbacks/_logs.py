"""Log dictionaries handed to callbacks: flattening, sorting and conversion to Python floats."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from keras.trainers._progbar import to_float

__all__ = ["flatten_logs", "pythonify_logs"]


def flatten_logs(logs: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return `logs` with nested dicts merged in and keys sorted, values left as they are."""
    result: dict[str, Any] = {}
    for key, value in sorted((logs or {}).items()):
        if isinstance(value, Mapping):
            result.update(flatten_logs(value))
        else:
            result[key] = value
    return result


def pythonify_logs(logs: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return `flatten_logs(logs)` with tensors and numpy scalars turned into Python floats.

    Values that are not numbers (strings, ragged lists) are kept unchanged.
    """
    return {key: to_float(value) for key, value in flatten_logs(logs).items()}
