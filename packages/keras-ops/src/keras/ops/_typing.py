"""Type aliases shared by the ops: one place to change them later."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np

if TYPE_CHECKING:
    from keras.ops._keras_tensor import KerasTensor

# The active backend's native array, chosen at run time: opaque on purpose.
Tensor: TypeAlias = Any
# Anything an op accepts as a tensor: arrays, scalars, nested lists, backend tensors, Variables.
ArrayLike: TypeAlias = "np.typing.ArrayLike | KerasTensor | Any"
DTypeLike: TypeAlias = "str | np.dtype[Any] | type | Any | None"
Shape: TypeAlias = tuple[int | None, ...]
ShapeLike: TypeAlias = "int | Sequence[int | None]"
Axis: TypeAlias = "int | Sequence[int] | None"
