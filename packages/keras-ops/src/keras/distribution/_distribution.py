"""Distributions (how data and variables are spread over a mesh) and the active one.

`DataParallel` replicates every variable and splits each batch over all devices;
`ModelParallel` splits variables as a `LayoutMap` says and batches over one mesh axis.
The active distribution is per thread, set by `set_distribution` or, for a block, by
`with distribution.scope():`.
"""

from __future__ import annotations

import contextlib
import threading
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from keras.distribution import _devices
from keras.distribution._layout import DeviceMesh, LayoutMap, TensorLayout
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Tensor

DEFAULT_BATCH_DIM_NAME = "batch"

_STATE = threading.local()


def distribution() -> Distribution | None:
    """Return the active distribution of this thread, or None.

    Returns:
        The `DataParallel`/`ModelParallel` set by `set_distribution` or a `scope()`.

    Example:

    >>> keras.distribution.distribution() is None
    True
    """
    value: Distribution | None = getattr(_STATE, "distribution", None)
    return value


def set_distribution(value: Distribution | None) -> None:
    """Make `value` the active distribution of this thread (None: no distribution).

    Args:
        value: A `DataParallel`, a `ModelParallel`, or None.

    Example:

    >>> keras.distribution.set_distribution(keras.distribution.DataParallel(devices=["cpu:0"]))
    >>> keras.distribution.distribution().batch_dim_name
    'batch'
    >>> keras.distribution.set_distribution(None)
    """
    _STATE.distribution = value


def distribute_tensor(tensor: Tensor, layout: Any) -> Tensor:
    """Place a tensor on the devices of `layout`, split as it says.

    On jax the tensor is put on its mesh with a `NamedSharding` (inside `jax.jit`, a
    sharding constraint is applied instead). On other backends a layout over a single
    device returns the tensor unchanged. Symbolic tensors are returned unchanged.

    Args:
        tensor: The tensor.
        layout: A `TensorLayout` with a mesh (or, on jax, a `jax.sharding.Sharding`).

    Returns:
        The placed tensor.

    Raises:
        ValueError: When the layout has no mesh (jax).
        NotImplementedError: For a mesh of several devices on a backend other than jax.

    Example:

    >>> mesh = keras.distribution.DeviceMesh((1,), ["batch"], ["cpu:0"])
    >>> layout = keras.distribution.TensorLayout(["batch", None], mesh)
    >>> y = keras.distribution.distribute_tensor(np.ones((2, 3)), layout)
    >>> y.shape
    (2, 3)
    """
    if isinstance(tensor, KerasTensor):
        return tensor
    return _devices.place(tensor, layout)


class Distribution:
    """The base of the distributions: a mesh, the name of its batch axis, and the process layout.

    Args:
        device_mesh: The mesh.
        batch_dim_name: The mesh axis that batches are split along.
        auto_shard_dataset: Whether each process reads its own shard of a `tf.data`
            dataset when there are several processes.
    """

    def __init__(
        self, device_mesh: DeviceMesh, batch_dim_name: str | None = None, auto_shard_dataset: bool = True
    ) -> None:
        self._device_mesh = device_mesh
        self._batch_dim_name = batch_dim_name
        self._auto_shard_dataset = auto_shard_dataset
        self._num_processes, self._process_id = _devices.process_count_and_index()

    @property
    def device_mesh(self) -> DeviceMesh:
        """The mesh."""
        return self._device_mesh

    @property
    def batch_dim_name(self) -> str | None:
        """The mesh axis that batches are split along."""
        return self._batch_dim_name

    @property
    def auto_shard_dataset(self) -> bool:
        """Whether datasets are sharded per process when there are several."""
        return self._auto_shard_dataset

    @auto_shard_dataset.setter
    def auto_shard_dataset(self, value: bool) -> None:
        self._auto_shard_dataset = value

    @property
    def num_processes(self) -> int:
        """How many processes take part (1 unless `initialize` started several)."""
        return self._num_processes

    @property
    def num_model_replicas(self) -> int:
        """How many copies of the model train side by side on different data."""
        raise NotImplementedError(f"{type(self).__name__} does not define num_model_replicas.")

    @property
    def data_shard_id(self) -> int:
        """Which shard of the data this process reads."""
        replicas = self.num_model_replicas
        if replicas >= self._num_processes:
            return self._process_id
        return self._process_id // (self._num_processes // replicas)

    def get_data_layout(self, data_shape: Sequence[int | None]) -> TensorLayout:
        """Return the layout of an input batch: split along `batch_dim_name`, the rest replicated."""
        return TensorLayout([self._batch_dim_name] + [None] * (len(data_shape) - 1), self._device_mesh)

    def get_variable_layout(self, variable: Any) -> TensorLayout:
        """Return the layout of a variable (one it was given, else this distribution's choice)."""
        raise NotImplementedError(f"{type(self).__name__} does not define get_variable_layout.")

    def get_tensor_layout(self, path: str) -> TensorLayout | None:
        """Return the layout of an intermediate tensor by its path, or None to leave it as is."""
        raise NotImplementedError(f"{type(self).__name__} does not define get_tensor_layout.")

    @contextlib.contextmanager
    def scope(self) -> Iterator[None]:
        """Make this distribution the active one inside a `with` block, then restore the previous."""
        previous = distribution()
        set_distribution(self)
        try:
            yield
        finally:
            set_distribution(previous)

    def distribute_dataset(self, dataset: Any) -> Any:
        """Return the part of `dataset` this process reads (the dataset itself in one process).

        Raises:
            ValueError: With several processes, for a dataset that is not a batched
                `tf.data.Dataset`, or a batch size the processes cannot share evenly.
        """
        if self._num_processes <= 1 or not self._auto_shard_dataset:
            return dataset
        return _shard_tf_dataset(
            dataset, self.num_model_replicas, self._num_processes, self._process_id, self
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} device_mesh={self.device_mesh}>"


def _shard_tf_dataset(
    dataset: Any, replicas: int, processes: int, process_id: int, owner: Distribution
) -> Any:
    import tensorflow as tf
    from tensorflow.python.data.experimental.ops import distribute as tf_distribute

    if not isinstance(dataset, tf.data.Dataset):
        raise ValueError(
            f"The dataset type {type(dataset)} is not supported for auto-sharding in multi-process setting."
        )
    batch = int(tf_distribute.compute_batch_size(dataset).numpy())
    if batch < 0:
        raise ValueError(
            "The batch size of the input dataset is unknown. Please config the batch size for the input "
            "dataset, e.g via `dataset.batch(batch_size)`"
        )
    if replicas == 1:
        return dataset.prefetch(tf.data.AUTOTUNE)
    shards, index = (processes, process_id) if replicas >= processes else (replicas, owner.data_shard_id)
    if batch % shards != 0:
        raise ValueError(
            f"Global batch size must be divisible by the number of {'processes' if shards == processes else 'replicas'}. "
            f"`global_batch_size`={batch} and the number is {shards}"
        )
    return dataset.rebatch(batch // shards).shard(num_shards=shards, index=index).prefetch(tf.data.AUTOTUNE)


class DataParallel(Distribution):
    """Replicate every variable on every device and split each batch over them.

    Give at most one of `device_mesh` (its first axis is the batch axis) and
    `devices`; with neither, every device of `list_devices()` is used.

    Args:
        device_mesh: A `DeviceMesh`, preferably 1-D.
        devices: The devices to use, when no mesh is given.
        auto_shard_dataset: Whether each process reads its own shard of a dataset when
            there are several processes.

    Raises:
        ValueError: When `device_mesh` is not a `DeviceMesh`.

    Example:

    >>> dp = keras.distribution.DataParallel(devices=["cpu:0"])
    >>> dp.get_data_layout((32, 10)).axes
    ('batch', None)
    """

    def __init__(
        self, device_mesh: DeviceMesh | None = None, devices: Any = None, auto_shard_dataset: bool = True
    ):
        if device_mesh:
            if not isinstance(device_mesh, DeviceMesh):
                raise ValueError(
                    f"Expect `mesh` to be an instance of `DeviceMesh`. "
                    f"Received: mesh={device_mesh} (of type {type(device_mesh)})"
                )
            super().__init__(device_mesh, device_mesh.axis_names[0], auto_shard_dataset)
            if device_mesh.devices.ndim != 1:
                warnings.warn(
                    f"Expect the input mesh to be 1D, but received mesh.devices.ndim={device_mesh.devices.ndim}. "
                    "The first axis will be used for data-parallel sharding.",
                    stacklevel=2,
                )
            return
        grid = np.array(devices if devices else _devices.list_devices())
        mesh = DeviceMesh(shape=grid.shape, axis_names=[DEFAULT_BATCH_DIM_NAME], devices=grid)
        super().__init__(mesh, DEFAULT_BATCH_DIM_NAME, auto_shard_dataset)

    @property
    def num_model_replicas(self) -> int:
        """Every device holds one replica."""
        return int(self.device_mesh.devices.size)

    def get_variable_layout(self, variable: Any) -> TensorLayout:
        """Return the variable's own layout if it has one, else a fully replicated layout."""
        own: TensorLayout | None = getattr(variable, "layout", None)
        if own is not None:
            return own
        return TensorLayout([None] * len(variable.shape), self.device_mesh)

    def get_tensor_layout(self, path: str) -> TensorLayout | None:
        """Intermediate tensors are left as they are: always None."""
        return None


class ModelParallel(Distribution):
    """Split variables over a mesh as a `LayoutMap` says; batches along `batch_dim_name`.

    Args:
        layout_map: The `LayoutMap` from variable/tensor paths to layouts; its mesh is used.
        batch_dim_name: The mesh axis that batches are split along; by default the
            mesh's first axis.
        auto_shard_dataset: Whether each process reads its own shard of a dataset when
            there are several processes.
        **kwargs: `device_mesh` is accepted and ignored (the layout map's mesh is used).

    Raises:
        ValueError: Without a `LayoutMap`, or when the processes cannot share the replicas.
        TypeError: For another keyword argument.

    Example:

    >>> mesh = keras.distribution.DeviceMesh((1, 1), ["batch", "model"], ["cpu:0"])
    >>> layout_map = keras.distribution.LayoutMap(mesh)
    >>> layout_map["dense.*kernel"] = (None, "model")
    >>> mp = keras.distribution.ModelParallel(layout_map=layout_map)
    >>> mp.batch_dim_name, mp.num_model_replicas
    ('batch', 1)
    """

    def __init__(
        self,
        *,
        layout_map: LayoutMap | None = None,
        batch_dim_name: str | None = None,
        auto_shard_dataset: bool = True,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("device_mesh", None)
        if kwargs:
            raise TypeError(f"ModelParallel got unexpected keyword arguments: {sorted(kwargs)}")
        if layout_map is None:
            raise ValueError("You must specify a layout_map argument.")
        if not isinstance(layout_map, LayoutMap):
            raise ValueError(
                f"Argument `layout_map` must be a `LayoutMap` instance. Received: layout_map={layout_map}"
            )
        mesh = layout_map.device_mesh
        super().__init__(mesh, batch_dim_name or mesh.axis_names[0], auto_shard_dataset)
        self._layout_map = layout_map
        processes, replicas = self.num_processes, self.num_model_replicas
        if processes > 1 and processes > replicas and processes % replicas != 0:
            raise ValueError(
                "If `num_processes` is greater than `num_model_replicas`, `num_processes` must be divisible by "
                f"`num_model_replicas`. Got num_processes={processes}, num_model_replicas={replicas}."
            )

    @property
    def num_model_replicas(self) -> int:
        """The size of the mesh's batch axis."""
        return int(self.device_mesh.shape[list(self.device_mesh.axis_names).index(str(self.batch_dim_name))])

    def get_variable_layout(self, variable: Any) -> TensorLayout:
        """Return the variable's own layout, else the layout map's entry for its path, else replicated."""
        own: TensorLayout | None = getattr(variable, "layout", None)
        if own is not None:
            return own
        mapped: TensorLayout | None = self._layout_map[variable.path]
        if mapped is not None:
            return mapped
        return TensorLayout([None] * len(variable.shape), self.device_mesh)

    def get_tensor_layout(self, path: str) -> TensorLayout | None:
        """Return the layout map's entry for a tensor path, or None."""
        layout: TensorLayout | None = self._layout_map[path]
        return layout
