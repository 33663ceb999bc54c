"""Devices for TensorFlow: `tf.device`; remat is `tf.recompute_grad`."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import tensorflow as tf

from keras.backend._kernels.device import Device, parse_device


class TensorflowDevice(Device):
    def scope(self, device_name: str, /) -> contextlib.AbstractContextManager[None]:
        kind, index = parse_device(device_name)
        scope: contextlib.AbstractContextManager[None] = tf.device(f"/{kind.upper()}:{index}")
        return scope

    def remat(self, function: Callable[..., Any], /) -> Callable[..., Any]:
        recomputed: Callable[..., Any] = tf.recompute_grad(function)
        return recomputed


KERNELS = TensorflowDevice()
