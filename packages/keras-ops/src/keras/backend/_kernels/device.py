"""Device placement and rematerialization: what each library does its own way."""

from __future__ import annotations

import abc
import contextlib
from collections.abc import Callable, Iterator
from typing import Any


class Device(abc.ABC):
    @abc.abstractmethod
    def scope(self, device_name: str, /) -> contextlib.AbstractContextManager[None]:
        """A context in which new tensors are placed on `device_name` ("cpu:0", "gpu:1"...)."""

    @abc.abstractmethod
    def remat(self, function: Callable[..., Any], /) -> Callable[..., Any]:
        """`function` with its activations recomputed in the backward pass."""


def parse_device(device_name: str) -> tuple[str, int]:
    """Return ("cpu" | "gpu" | "tpu", index) from names like "gpu:1", "/device:GPU:0", "cuda"."""
    name = device_name.lower().replace("/device:", "").replace("/job:localhost/replica:0/task:0", "")
    kind, _, index = name.partition(":")
    kind = {"cuda": "gpu"}.get(kind, kind)
    if kind not in ("cpu", "gpu", "tpu", "mps") or (index and not index.isdigit()):
        raise ValueError(
            f"Invalid device name. Expected 'cpu', 'gpu' or 'tpu', optionally with ':<index>'. "
            f"Received: device_name={device_name!r}"
        )
    return kind, int(index or 0)


@contextlib.contextmanager
def no_placement() -> Iterator[None]:
    yield
