"""`Spec`: the shape and dtype of a tensor, as shape rules see it.

A `Spec` stands for any tensor-like argument while an op runs symbolically. Python
scalars become *weak* specs: their dtype yields to the other operands' dtypes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from keras.backend._dtypes import result_type, standardize_dtype
from keras.ops._typing import Shape

# The dtype a weak Python scalar stands for when nothing else decides.
_WEAK_TYPES: dict[type, str] = {bool: "bool", int: "int32", float: "float32", complex: "complex64"}
_PYTHON_TYPE_OF_WEAK: dict[str, type] = {"bool": bool, "int32": int, "float32": float, "complex64": complex}


@dataclass(frozen=True, slots=True)
class Spec:
    """The static shape (`None` for unknown dimensions) and dtype of a tensor."""

    shape: Shape
    dtype: str
    weak: bool = False

    @property
    def ndim(self) -> int:
        return len(self.shape)

    def python_type_or_dtype(self) -> type | str:
        """Return what `result_type` needs: a Python type for weak specs, else the dtype."""
        if self.weak:
            return _PYTHON_TYPE_OF_WEAK[self.dtype]
        return self.dtype


def weak_scalar_spec(value: bool | int | float | complex) -> Spec:
    """Return the weak spec of a Python scalar."""
    return Spec((), _WEAK_TYPES.get(type(value), "float32"), weak=True)


def as_spec(value: Any) -> Spec:
    """Return the `Spec` of a tensor-like value: a Spec, a scalar, an array or a nested list."""
    if isinstance(value, Spec):
        return value
    if isinstance(value, (bool, int, float, complex)) and not isinstance(value, np.generic):
        return weak_scalar_spec(value)
    shape = getattr(value, "shape", None)
    dtype = getattr(value, "dtype", None)
    if shape is not None and dtype is not None:
        return Spec(tuple(None if d is None else int(d) for d in shape), standardize_dtype(dtype))
    if isinstance(value, (list, tuple)):
        from keras.ops._convert import infer_dtype

        return Spec(np.shape(np.asarray(value, dtype=object)), infer_dtype(value))
    raise TypeError(f"Expected a tensor-like value. Received: {value!r} of type {type(value).__name__}")


def spec_result_type(*specs: Spec) -> str:
    """Return the promoted dtype of several specs, weak scalars yielding."""
    return result_type(*(s.python_type_or_dtype() for s in specs))
