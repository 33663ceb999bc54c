"""Keras masks carried alongside tensors (`x._keras_mask`).

Layers that produce a mask (Embedding with `mask_zero`, Masking) attach it to their output,
and losses and downstream layers read it back. torch and tensorflow tensors take the
attribute directly; numpy and jax arrays cannot, so their masks sit in a side table keyed
by the array's identity and dropped when the array is collected.
"""

from __future__ import annotations

import weakref
from typing import Any

_SIDE_TABLE: dict[int, tuple[weakref.ref[Any], Any]] = {}


def _forget(key: int) -> None:
    _SIDE_TABLE.pop(key, None)


def set_keras_mask(x: Any, mask: Any) -> None:
    """Attach `mask` to `x` (None removes it)."""
    try:
        x._keras_mask = mask
        return
    except (AttributeError, TypeError):
        pass
    key = id(x)
    if mask is None:
        _SIDE_TABLE.pop(key, None)
        return

    def forget(_: object, key: int = key) -> None:
        _forget(key)

    try:
        ref = weakref.ref(x, forget)
    except TypeError:
        return  # neither an attribute nor a weak reference: the mask cannot travel with x
    _SIDE_TABLE[key] = (ref, mask)


def get_keras_mask(x: Any) -> Any:
    """Return the mask attached to `x`, or None."""
    mask = getattr(x, "_keras_mask", None)
    if mask is not None:
        return mask
    entry = _SIDE_TABLE.get(id(x))
    if entry is not None and entry[0]() is x:
        return entry[1]
    return None
