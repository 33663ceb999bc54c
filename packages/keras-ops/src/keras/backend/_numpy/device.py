"""Devices for numpy: everything lives on the CPU; no gradients, so nothing to recompute."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from keras.backend._kernels.device import Device, no_placement, parse_device


class NumpyDevice(Device):
    def scope(self, device_name: str, /) -> contextlib.AbstractContextManager[None]:
        kind, _ = parse_device(device_name)
        if kind != "cpu":
            raise ValueError(f"The numpy backend runs on the CPU only. Received: device_name={device_name!r}")
        return no_placement()

    def remat(self, function: Callable[..., Any], /) -> Callable[..., Any]:
        return function


KERNELS = NumpyDevice()
