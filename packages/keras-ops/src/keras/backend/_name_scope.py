"""`keras.name_scope`: prefixes for variable paths, nested per thread."""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Any

from keras.backend._naming import check_name

_STATE = threading.local()


def _stack() -> list[str]:
    stack: list[str] | None = getattr(_STATE, "stack", None)
    if stack is None:
        stack = []
        _STATE.stack = stack
    return stack


def current_path() -> str:
    """Return the `/`-joined names of the active scopes ("" outside any)."""
    return "/".join(_stack())


class name_scope:  # noqa: N801 - Keras 3's public name
    """Prefix the paths of variables created inside the block with `name`.

    Args:
        name: The scope's name.
        caller: The object that opened the scope (a layer), if any.
        deduplicate: Whether re-entering a scope of the same name as the innermost one
            adds no new level.
        override_parent: A path that replaces the parent scopes' path.

    Example:

    >>> with keras.name_scope("block"):
    ...     v = keras.Variable(np.zeros(2), name="w")
    >>> v.path
    'block/w'
    """

    def __init__(
        self, name: str, caller: Any = None, deduplicate: bool = True, override_parent: str | None = None
    ) -> None:
        self.name = check_name(name)
        self.caller = caller
        self.deduplicate = deduplicate
        self.override_parent = override_parent
        self._pushed = False
        self._saved: list[str] | None = None

    def __enter__(self) -> name_scope:
        stack = _stack()
        if self.override_parent is not None:
            self._saved = list(stack)
            stack[:] = [part for part in self.override_parent.split("/") if part]
        if self.deduplicate and stack and stack[-1] == self.name:
            return self
        stack.append(self.name)
        self._pushed = True
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        stack = _stack()
        if self._pushed and stack and stack[-1] == self.name:
            stack.pop()
            self._pushed = False
        if self._saved is not None:
            stack[:] = self._saved
            self._saved = None
