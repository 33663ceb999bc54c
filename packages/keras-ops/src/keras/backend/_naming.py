"""Unique ids and names for operations, layers and tensors, per process."""

from __future__ import annotations

import collections

_UIDS: collections.Counter[str] = collections.Counter()


def get_uid(prefix: str = "") -> int:
    """Return a counter for `prefix`: 1 on the first call, then 2, 3, ...

    Args:
        prefix: The name the counter belongs to.

    Returns:
        The new count for `prefix`.

    Example:

    >>> keras.backend.get_uid("doc_example")
    1
    >>> keras.backend.get_uid("doc_example")
    2
    """
    _UIDS[prefix] += 1
    return _UIDS[prefix]


def unique_name(prefix: str) -> str:
    """Return `prefix` the first time, then `prefix_1`, `prefix_2`, ..."""
    uid = get_uid(prefix)
    return prefix if uid == 1 else f"{prefix}_{uid - 1}"


def reset_uids() -> None:
    """Forget every counter (used by `clear_session`)."""
    _UIDS.clear()


def check_name(name: object) -> str:
    """Return `name` if it is a string without `/` (paths use `/`), else raise naming it."""
    if not isinstance(name, str) or "/" in name:
        raise ValueError(
            f"Argument `name` must be a string and cannot contain character `/`. Received: name={name}"
        )
    return name
