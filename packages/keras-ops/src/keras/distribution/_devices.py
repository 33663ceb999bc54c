"""The devices of the active backend, multi-process start-up, and placing tensors by layout.

This is the only module of `keras.distribution` that talks to a backend library; it
imports it inside each function. Devices are named `"<type>:<index>"` (`"cpu:0"`,
`"gpu:1"`; `"cuda:0"` on torch, whose devices carry that name). Sharding across
several devices is implemented on the jax backend; elsewhere a layout over a single
device leaves tensors where they are.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from keras.backend import backend
from keras.ops._typing import Tensor

if TYPE_CHECKING:
    from keras.distribution._layout import DeviceMesh, TensorLayout


def _torch_devices(device_type: str | None) -> list[str]:
    import torch

    gpus = [f"cuda:{i}" for i in range(torch.cuda.device_count())]
    if device_type in ("gpu", "cuda") or (device_type is None and gpus):
        return gpus
    if device_type in (None, "cpu"):
        return ["cpu:0"]
    raise ValueError(
        f"Unknown device type for the torch backend: expected 'cpu' or 'gpu'. Received: {device_type!r}"
    )


def _tensorflow_devices(device_type: str | None) -> list[str]:
    import tensorflow as tf

    def named(kind: str) -> list[str]:
        return [f"{kind.lower()}:{i}" for i, _ in enumerate(tf.config.list_logical_devices(kind))]

    if device_type is not None:
        return named(device_type.upper())
    return named("GPU") or named("TPU") or named("CPU")


def list_devices(device_type: str | None = None) -> list[str]:
    """Return the names of the devices the backend can compute on.

    Args:
        device_type: `"cpu"`, `"gpu"` or `"tpu"` (any case). By default the
            accelerators when there are some, else the CPU.

    Returns:
        A list of device names such as `["cpu:0"]` or `["gpu:0", "gpu:1"]`.

    Raises:
        ValueError: For a device type the backend does not know.

    Example:

    >>> keras.distribution.list_devices("cpu")
    ['cpu:0']
    """
    kind = device_type.lower() if device_type else None
    name = backend()
    if name == "jax":
        import jax

        return [f"{device.platform}:{device.id}" for device in jax.devices(backend=kind)]
    if name == "torch":
        return _torch_devices(kind)
    if name == "tensorflow":
        return _tensorflow_devices(kind)
    if kind in (None, "cpu"):
        return ["cpu:0"]
    raise ValueError(f"The numpy backend only computes on the CPU. Received: device_type={device_type!r}")


def get_device_count(device_type: str | None = None) -> int:
    """Return how many devices of a type the backend sees (all processes together).

    Args:
        device_type: `"cpu"`, `"gpu"` or `"tpu"`; by default the kind `list_devices()` lists.

    Returns:
        The number of devices.

    Example:

    >>> keras.distribution.get_device_count("cpu")
    1
    """
    if backend() == "jax":
        import jax

        return int(jax.device_count(device_type.lower() if device_type else None))
    return len(list_devices(device_type))


def _environment_int(name: str) -> int | None:
    value = os.environ.get(name)
    return None if value is None else int(value)


def initialize(
    job_addresses: str | None = None, num_processes: int | None = None, process_id: int | None = None
) -> None:
    """Start multi-process (multi-host) computation; call it once per process, first thing.

    Arguments left None are read from `KERAS_DISTRIBUTION_JOB_ADDRESSES`,
    `KERAS_DISTRIBUTION_NUM_PROCESSES` and `KERAS_DISTRIBUTION_PROCESS_ID`.

    Args:
        job_addresses: The address of the coordinator (process 0), or a comma-separated
            list of every process's address whose first entry is the coordinator.
        num_processes: How many processes take part.
        process_id: This process's index, from 0 to `num_processes - 1`.

    Raises:
        ValueError: When `job_addresses` lists a different number of processes than
            `num_processes`.
        NotImplementedError: On a backend other than jax.

    Example:

    >>> keras.distribution.initialize("10.0.0.1:1234", 2, 0)  # doctest: +SKIP
    """
    if job_addresses is None:
        job_addresses = os.environ.get("KERAS_DISTRIBUTION_JOB_ADDRESSES")
    if num_processes is None:
        num_processes = _environment_int("KERAS_DISTRIBUTION_NUM_PROCESSES")
    if process_id is None:
        process_id = _environment_int("KERAS_DISTRIBUTION_PROCESS_ID")
    coordinator = job_addresses
    if job_addresses and "," in job_addresses:
        addresses = job_addresses.split(",")
        if num_processes is not None and num_processes != len(addresses):
            raise ValueError(
                f"`job_addresses` lists {len(addresses)} processes but `num_processes` is {num_processes}. "
                f"Received: job_addresses={job_addresses!r}, num_processes={num_processes}"
            )
        coordinator = addresses[0]
    if backend() != "jax":
        raise NotImplementedError(
            f"keras.distribution.initialize() is implemented on the jax backend only. Received: backend={backend()!r}"
        )
    import jax

    jax.distributed.initialize(
        coordinator_address=coordinator, num_processes=num_processes, process_id=process_id
    )


def process_count_and_index() -> tuple[int, int]:
    """Return `(number of processes, this process's index)`: `(1, 0)` unless jax runs several."""
    if backend() == "jax":
        import jax

        return int(jax.process_count()), int(jax.process_index())
    return 1, 0


def _jax_device(name: Any) -> Any:
    import jax

    if isinstance(name, jax.Device):
        return name
    kind, _, index = str(name).partition(":")
    for device in jax.devices(backend=kind):
        if device.id == int(index or 0):
            return device
    raise ValueError(f"Device not found: {name}")


def backend_mesh(mesh: DeviceMesh) -> Any:
    """Return the backend's mesh for `mesh` (a `jax.sharding.Mesh`; jax only)."""
    if backend() != "jax":
        raise NotImplementedError(
            f"Backend meshes exist on the jax backend only. Received: backend={backend()!r}"
        )
    import jax
    import numpy as np

    devices = np.array([_jax_device(name) for name in mesh.devices.flatten()]).reshape(mesh.devices.shape)
    return jax.sharding.Mesh(devices, tuple(mesh.axis_names))


def backend_layout(layout: TensorLayout) -> Any:
    """Return the backend's sharding for `layout` (a `jax.sharding.NamedSharding`; jax only)."""
    if layout.device_mesh is None:
        raise ValueError("Cannot create sharding when device mesh is not set for TensorLayout.")
    mesh = layout.device_mesh.backend_mesh
    import jax

    return jax.sharding.NamedSharding(mesh, jax.sharding.PartitionSpec(*layout.axes))  # type: ignore[no-untyped-call]


def place(tensor: Tensor, layout: Any) -> Tensor:
    """Place `tensor` as `layout` says (see `keras.distribution.distribute_tensor`)."""
    from keras.distribution._layout import TensorLayout

    if backend() == "jax":
        import jax

        sharding = layout.backend_layout if isinstance(layout, TensorLayout) else layout
        if isinstance(tensor, jax.core.Tracer):
            return jax.lax.with_sharding_constraint(tensor, sharding)  # type: ignore[no-untyped-call]
        if isinstance(tensor, jax.Array) and tensor.sharding.is_equivalent_to(sharding, tensor.ndim):
            return tensor
        return jax.device_put(tensor, sharding)
    mesh = layout.device_mesh if isinstance(layout, TensorLayout) else None
    if mesh is None or mesh.devices.size <= 1:
        return tensor
    raise NotImplementedError(
        f"Sharding a tensor over several devices is implemented on the jax backend only. "
        f"Received: backend={backend()!r}, {mesh}"
    )
