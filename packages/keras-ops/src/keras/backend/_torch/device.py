"""Devices for PyTorch: `torch.device` as the default device; remat is activation checkpointing."""

from __future__ import annotations

import contextlib
import functools
import typing
from collections.abc import Callable
from typing import Any

import torch
import torch.utils.checkpoint

from keras.backend._kernels.device import Device, parse_device


class TorchDevice(Device):
    def scope(self, device_name: str, /) -> contextlib.AbstractContextManager[None]:
        kind, index = parse_device(device_name)
        if kind == "gpu" and not torch.cuda.is_available():
            raise ValueError(f"No CUDA device is available to torch. Received: device_name={device_name!r}")
        target = torch.device("cpu") if kind == "cpu" else torch.device(kind.replace("gpu", "cuda"), index)
        # torch.device is itself a context manager that sets the default device.
        return typing.cast(contextlib.AbstractContextManager[None], target)

    def remat(self, function: Callable[..., Any], /) -> Callable[..., Any]:
        @functools.wraps(function)
        def recomputed(*args: Any, **kwargs: Any) -> Any:
            return torch.utils.checkpoint.checkpoint(function, *args, use_reentrant=False, **kwargs)

        return recomputed


KERNELS = TorchDevice()
