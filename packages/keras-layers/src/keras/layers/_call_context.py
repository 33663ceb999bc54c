"""What a layer's `__call__` learns once per class, and the per-thread call context.

The call context carries `training` from an outer layer's call to the layers it calls,
so `model(x, training=True)` reaches every Dropout inside without threading the flag
through user code.
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_STATE = threading.local()


@dataclass(frozen=True, slots=True)
class CallSignature:
    """What `call` and `build` of a layer class accept."""

    parameters: tuple[str, ...]  # positional-or-keyword parameters of `call`, in order
    accepts_training: bool
    accepts_mask: bool
    accepts_kwargs: bool
    training_default: Any
    build_parameters: tuple[str, ...]  # parameters of `build`, without self


@functools.cache
def call_signature(call: Callable[..., Any], build: Callable[..., Any]) -> CallSignature:
    """Inspect a layer class's `call` and `build` once (the functions key the cache)."""
    params = list(inspect.signature(call).parameters.values())[1:]
    names = tuple(
        p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    )
    training = next((p for p in params if p.name == "training"), None)
    build_params = tuple(
        p.name
        for p in list(inspect.signature(build).parameters.values())[1:]
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    )
    return CallSignature(
        parameters=names,
        accepts_training=training is not None or any(p.kind == p.VAR_KEYWORD for p in params),
        accepts_mask="mask" in names,
        accepts_kwargs=any(p.kind == p.VAR_KEYWORD for p in params),
        training_default=(
            training.default
            if training is not None and training.default is not inspect.Parameter.empty
            else None
        ),
        build_parameters=build_params,
    )


def _stack() -> list[Any]:
    stack: list[Any] | None = getattr(_STATE, "stack", None)
    if stack is None:
        stack = _STATE.stack = []
    return stack


def outer_training() -> Any:
    """The `training` value of the innermost layer call in progress, or None."""
    stack = _stack()
    return stack[-1] if stack else None


def in_layer_call() -> bool:
    return bool(_stack())


class CallContext:
    """Push `training` for the layers called inside this block."""

    __slots__ = ("training",)

    def __init__(self, training: Any) -> None:
        self.training = training

    def __enter__(self) -> None:
        _stack().append(self.training)

    def __exit__(self, *exc: object) -> None:
        _stack().pop()
