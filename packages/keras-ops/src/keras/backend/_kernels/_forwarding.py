"""Kernels that only forward to the library, bound straight to the library's function.

A kernel written as `return self.xnp.<name>(<its arguments>)` costs a method frame on
every call, which is a good part of an eager op on small tensors. `bind_forwarding`
sets such kernels, on the family instance, to the library's function itself: the same
call with the same arguments, one frame less. A backend subclass that overrides one
keeps its override.
"""

from __future__ import annotations

from typing import Any


def bind_forwarding(kernels: Any, base: type, names: tuple[str, ...]) -> None:
    """Bind each of `base`'s forwarding kernels `names` to `kernels.xnp.<name>`.

    Args:
        kernels: A family instance, with its numpy-like module as `xnp`.
        base: The family's shared class, where each of `names` is a forwarding kernel.
        names: The kernels of `base` whose body is exactly `return self.xnp.<name>(...)`
            with the kernel's own positional arguments.
    """
    cls = type(kernels)
    xnp = kernels.xnp
    for name in names:
        function = getattr(xnp, name, None)
        if function is not None and getattr(cls, name) is getattr(base, name):
            setattr(kernels, name, function)
