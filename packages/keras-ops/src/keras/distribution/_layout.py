"""Device meshes, tensor layouts over them, and the path-to-layout map of a model.

A `DeviceMesh` arranges devices in a named n-D grid; a `TensorLayout` says, for each
axis of a tensor, which mesh axis (if any) it is split along; a `LayoutMap` gives the
layout of each variable or tensor by matching its path against regular expressions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any

import numpy as np

from keras.distribution import _devices


class DeviceMesh:
    """A grid of devices with a name for each axis, over which tensors are laid out.

    Args:
        shape: The grid's shape, e.g. `(2, 4)` for 8 devices.
        axis_names: One name per axis, e.g. `["batch", "model"]`.
        devices: The devices (names such as `"gpu:0"`, or backend devices), as many as
            the grid holds; by default `keras.distribution.list_devices()`.

    Raises:
        ValueError: When `shape` or `axis_names` is empty, their lengths differ, or the
            number of devices is not the product of `shape`.

    Example:

    >>> mesh = keras.distribution.DeviceMesh((1,), ["batch"], devices=["cpu:0"])
    >>> mesh
    <DeviceMesh shape=(1,), axis_names=['batch']>
    """

    def __init__(self, shape: Sequence[int], axis_names: Sequence[str], devices: Any = None) -> None:
        if not shape or not axis_names:
            raise ValueError(
                f"Shape and axis_names cannot be empty. Received: shape={shape}, axis_names={axis_names}"
            )
        if len(shape) != len(axis_names):
            raise ValueError(
                f"Shape and axis_names should have same size. Received: shape={shape}, axis_names={axis_names}"
            )
        grid = np.array(_devices.list_devices() if devices is None else devices)
        if math.prod(shape) != grid.size:
            raise ValueError(
                f"Shape does not match the number of devices. Received: shape={shape}; devices.shape={grid.shape}"
            )
        self._shape = shape
        self._axis_names = axis_names
        self._devices = grid.reshape(tuple(shape))
        self._backend_mesh: Any = None

    @property
    def shape(self) -> Sequence[int]:
        """The grid's shape, as given."""
        return self._shape

    @property
    def axis_names(self) -> Sequence[str]:
        """The name of each axis of the grid, as given."""
        return self._axis_names

    @property
    def devices(self) -> Any:
        """The devices as a numpy array of the grid's shape."""
        return self._devices

    @property
    def backend_mesh(self) -> Any:
        """The backend's own mesh (`jax.sharding.Mesh`), built on first use (jax only)."""
        if self._backend_mesh is None:
            self._backend_mesh = _devices.backend_mesh(self)
        return self._backend_mesh

    def __repr__(self) -> str:
        return f"<{type(self).__name__} shape={self.shape}, axis_names={self.axis_names}>"


class TensorLayout:
    """How a tensor is split over a `DeviceMesh`: one mesh axis name (or None) per tensor axis.

    Args:
        axes: For each axis of the tensor, the mesh axis it is split along, or None
            to replicate it.
        device_mesh: The mesh; it may be set once later (a `LayoutMap` sets its own).

    Raises:
        ValueError: When an axis names no axis of the mesh.

    Example:

    >>> mesh = keras.distribution.DeviceMesh((1, 1), ["batch", "model"], ["cpu:0"])
    >>> keras.distribution.TensorLayout([None, "model"], mesh).axes
    (None, 'model')
    """

    def __init__(self, axes: Sequence[str | None], device_mesh: DeviceMesh | None = None) -> None:
        self._axes = tuple(axes)
        self._device_mesh = device_mesh
        self._backend_layout: Any = None
        self._check_axes()

    @property
    def axes(self) -> tuple[str | None, ...]:
        """The mesh axis of each tensor axis (None: replicated)."""
        return self._axes

    @property
    def device_mesh(self) -> DeviceMesh | None:
        """The mesh, or None while not set."""
        return self._device_mesh

    @device_mesh.setter
    def device_mesh(self, device_mesh: DeviceMesh) -> None:
        if self._device_mesh is not None:
            raise ValueError(f"Cannot override device mesh value. Existing value is {self._device_mesh}")
        self._device_mesh = device_mesh
        self._check_axes()

    @property
    def backend_layout(self) -> Any:
        """The backend's own sharding (`jax.sharding.NamedSharding`), built on first use (jax only)."""
        if self._backend_layout is None:
            self._backend_layout = _devices.backend_layout(self)
        return self._backend_layout

    def _check_axes(self) -> None:
        if self._device_mesh is None:
            return
        valid = set(self._device_mesh.axis_names)
        used = {axis for axis in self._axes if axis is not None}
        if used - valid:
            raise ValueError(
                f"Invalid axis names for Layout. Valid axis names: {sorted(valid)}, Got {sorted(used)}"
            )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} axes={self.axes}, device_mesh={self.device_mesh}>"


class LayoutMap(MutableMapping[str, TensorLayout]):
    """A dict from path patterns (regular expressions) to the `TensorLayout` of what they match.

    Reading `layout_map[path]` returns the layout stored under `path` itself, else the
    one layout whose key matches the whole path as a regular expression, else None.
    A tuple stored as a value becomes a `TensorLayout` over the map's mesh.

    Args:
        device_mesh: The mesh that layouts without one are placed on.

    Raises:
        ValueError: On reading a path that more than one key matches, on storing a key
            twice, or on storing something other than a `TensorLayout` or a tuple.

    Example:

    >>> mesh = keras.distribution.DeviceMesh((1, 1), ["batch", "model"], ["cpu:0"])
    >>> layout_map = keras.distribution.LayoutMap(mesh)
    >>> layout_map["dense.*kernel"] = (None, "model")
    >>> layout_map["dense_1/kernel"].axes
    (None, 'model')
    >>> layout_map["conv/kernel"] is None
    True
    """

    def __init__(self, device_mesh: DeviceMesh) -> None:
        self._layouts: dict[str, TensorLayout] = {}
        self._device_mesh = device_mesh

    @property
    def device_mesh(self) -> DeviceMesh:
        """The mesh that layouts without one are placed on."""
        return self._device_mesh

    def __getitem__(self, key: str) -> TensorLayout:  # None when nothing matches, as in Keras
        if key in self._layouts:
            return self._layouts[key]
        matches = [pattern for pattern in self._layouts if re.fullmatch(pattern, key)]
        if len(matches) > 1:
            raise ValueError(
                f"Path '{key}' matches multiple layout specification keys: {matches}. Please make sure each "
                "tensor/variable path only matches at most one layout specification key in the LayoutMap."
            )
        return self._layouts[matches[0]] if matches else None  # type: ignore[return-value]

    def __setitem__(self, key: str, layout: TensorLayout | tuple[str | None, ...]) -> None:
        if key in self._layouts:
            raise ValueError(
                f"{key} already exist in the LayoutMap with value {self._layouts[key]}. "
                "Please make sure to not use duplicated keys."
            )
        if isinstance(layout, tuple):
            layout = TensorLayout(axes=layout)
        if not isinstance(layout, TensorLayout):
            raise ValueError(f"{layout} should be a TensorLayout type, got {type(layout)}")
        if layout.device_mesh is None and self._device_mesh is not None:
            layout.device_mesh = self._device_mesh
        self._layouts[key] = layout

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self[key] is not None

    def __delitem__(self, key: str) -> None:
        del self._layouts[key]

    def __len__(self) -> int:
        return len(self._layouts)

    def __iter__(self) -> Iterator[str]:
        return iter(self._layouts)
