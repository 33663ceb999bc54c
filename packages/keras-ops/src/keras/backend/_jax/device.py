"""Devices for JAX: `jax.default_device`; remat is `jax.checkpoint`."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import jax

from keras.backend._kernels.device import Device, parse_device


class JaxDevice(Device):
    def scope(self, device_name: str, /) -> contextlib.AbstractContextManager[None]:
        kind, index = parse_device(device_name)
        try:
            devices = jax.devices(kind)
        except RuntimeError:
            raise ValueError(
                f"No {kind} device is available to JAX. Received: device_name={device_name!r}"
            ) from None
        if index >= len(devices):
            raise ValueError(
                f"JAX has {len(devices)} {kind} device(s). Received: device_name={device_name!r}"
            )
        scope: contextlib.AbstractContextManager[None] = jax.default_device(devices[index])
        return scope

    def remat(self, function: Callable[..., Any], /) -> Callable[..., Any]:
        return jax.checkpoint(function)


KERNELS = JaxDevice()
