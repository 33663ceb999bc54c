"""Turning op arguments into backend tensors of the right dtype.

`promote` is the one dtype rule every op goes through: it finds the result dtype of
its arguments with Keras 3's promotion table (Python scalars are weak) and converts
each argument to it. Kernels never see anything but native tensors.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from keras.backend._active import K
from keras.backend._config import floatx
from keras.backend._dtypes import float_result, result_type, standardize_dtype
from keras.backend._variable import Variable
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Tensor

_WEAK = (bool, int, float, complex)


def infer_dtype(x: Any) -> str:
    """Return the dtype Keras 3 gives `x` when no dtype is asked for.

    Python ints give int32, floats `floatx()`, bools bool; nested lists promote their
    items with the weak-scalar rule; arrays and tensors keep their dtype.
    """
    if isinstance(x, Variable):
        return x.dtype
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int32"
    if isinstance(x, float):
        return floatx()
    if isinstance(x, complex):
        return "complex64"
    dtype = getattr(x, "dtype", None)
    if dtype is not None:
        return standardize_dtype(dtype)
    if isinstance(x, (list, tuple)):
        if not x:
            return floatx()
        return result_type(*(_weak_type_or_dtype(item) for item in _flatten_items(x)))
    raise TypeError(f"Cannot convert {x!r} (of type {type(x).__name__}) to a tensor.")


def default_dtype(x: Any) -> str:
    """Return the dtype a tensor made from `x` gets when none is asked for.

    The promotion table applied to `x`'s own dtype: 64-bit narrows to 32-bit, Python
    scalars and lists follow the weak-type rules.
    """
    return result_type(infer_dtype(x))


def _flatten_items(x: Any) -> list[Any]:
    items: list[Any] = []
    for item in x:
        if isinstance(item, (list, tuple)):
            items.extend(_flatten_items(item))
        else:
            items.append(item)
    return items


def _weak_type_or_dtype(x: Any) -> Any:
    if type(x) in _WEAK:
        return type(x)
    if isinstance(x, Variable):
        return x.dtype
    dtype = getattr(x, "dtype", None)
    if dtype is not None:
        return standardize_dtype(dtype)
    return infer_dtype(x)


def dtype_for_promotion(x: Any) -> Any:
    """Return what `result_type` needs for `x`: a Python type when it is a weak scalar."""
    if type(x) in _WEAK:
        return type(x)
    return _weak_type_or_dtype(x)


def promotion_type(x: Any) -> Any:
    """What `result_type` needs for an op argument or a rule's `Spec` (weak scalars as types)."""
    from keras.ops._spec import Spec

    return x.python_type_or_dtype() if isinstance(x, Spec) else dtype_for_promotion(x)


def float_dtype(x: Any) -> str:
    """Return the dtype of a float-valued op on `x`: floats keep theirs, ints and bool follow Keras."""
    return float_result(infer_dtype(x))


def convert(x: Any, dtype: str | None = None) -> Tensor:
    """Return `x` as a native tensor of `dtype` (its inferred dtype when `None`)."""
    core = K.core
    if isinstance(x, core.tensor_types):
        if dtype is None or core.dtype_of(x) == dtype:
            return x
        return core.cast(x, dtype)
    if isinstance(x, Variable):
        value = x.value
        if type(value) not in core.exact_types and not core.is_tensor(value):
            return core.convert_to_tensor(value, dtype or x.dtype)  # a tf.Variable: read it
        return value if dtype is None or x.dtype == dtype else core.cast(value, dtype)
    if isinstance(x, KerasTensor):
        raise ValueError(
            f"A KerasTensor is symbolic and has no value: it cannot be converted to a tensor. Received: {x!r}"
        )
    return core.convert_to_tensor(x, dtype or infer_dtype(x))


def promote(*xs: Any, dtype: str | None = None) -> tuple[Tensor, ...]:
    """Convert every argument to one native dtype: `dtype`, or Keras 3's result type."""
    if dtype is None:
        # The common case, an op on tensors it made itself: native tensors of one dtype
        # that the table keeps (float64 narrows, float32 stays) need no conversion. This
        # check is written inline, not as a helper, as it runs on every eager op.
        core = K.core
        exact = core.exact_types
        first: Any = xs[0]
        if type(first) in exact or core.is_tensor(first):
            first_dtype = first.dtype
            for x in xs:
                if type(x) not in exact and not core.is_tensor(x):
                    break
                if not (x.dtype is first_dtype or x.dtype == first_dtype):
                    break
            else:
                kept = _KEPT_BY_TABLE.get(first_dtype)
                if kept is None:
                    name = core.dtype_of(first)
                    kept = _KEPT_BY_TABLE[first_dtype] = result_type(name) == name
                if kept:
                    return xs
        dtype = result_type(*(dtype_for_promotion(x) for x in xs))
    return tuple(convert(x, dtype) for x in xs)


# Native dtype object -> whether the promotion table keeps it (float64 narrows, float32 stays).
_KEPT_BY_TABLE: dict[Any, bool] = {}


def to_numpy(x: Any) -> np.ndarray[Any, Any]:
    """Return `x` (native tensor, Variable, array or scalar) as a numpy array."""
    if isinstance(x, np.ndarray):
        return x
    return K.core.convert_to_numpy(convert(x))
