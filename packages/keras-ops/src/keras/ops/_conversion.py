"""Conversion ops: `convert_to_tensor`, `convert_to_numpy`, `cast`, `is_tensor`, `shape`, `dtype`."""

from __future__ import annotations

from typing import Any

import numpy as np

from keras.backend._active import K
from keras.backend._dtypes import result_type, standardize_dtype
from keras.ops._convert import convert, default_dtype, to_numpy
from keras.ops._keras_tensor import KerasTensor
from keras.ops._op import op
from keras.ops._spec import Spec, as_spec
from keras.ops._typing import ArrayLike, DTypeLike, Shape, Tensor


def _sparse_ragged_unsupported(op_name: str, sparse: bool | None, ragged: bool | None) -> None:
    if sparse:
        raise ValueError(f"{op_name}: sparse tensors are not supported yet. Received: sparse={sparse!r}")
    if ragged:
        raise ValueError(f"{op_name}: ragged tensors are not supported yet. Received: ragged={ragged!r}")


def _convert_rule(x: Any, dtype: Any = None) -> Spec:
    spec = as_spec(x)
    return Spec(spec.shape, standardize_dtype(dtype) if dtype is not None else result_type(spec.dtype))


@op(_convert_rule)
def convert_to_tensor(
    x: ArrayLike, dtype: DTypeLike = None, sparse: bool | None = None, ragged: bool | None = None
) -> Tensor:
    """Convert `x` to a tensor of the active backend.

    Args:
        x: A numpy array, Python scalar or nested list, a backend tensor or a `keras.Variable`.
        dtype: The target dtype; by default, the dtype of `x` (int32 for Python ints,
            `floatx()` for Python floats).
        sparse: Keras 3 flag for sparse output; sparse tensors are not supported yet.
        ragged: Keras 3 flag for ragged output; ragged tensors are not supported yet.

    Returns:
        A backend tensor.

    Raises:
        ValueError: For `sparse=True` or `ragged=True`.

    Example:

    >>> keras.ops.convert_to_tensor([1, 2])
    array([1, 2], dtype=int32)
    """
    _sparse_ragged_unsupported("convert_to_tensor", sparse, ragged)
    # Without a dtype, the promotion table decides (64-bit input narrows to 32-bit, as in
    # Keras 3 on numpy/jax/torch): the same answer on every backend.
    return convert(x, standardize_dtype(dtype) if dtype is not None else default_dtype(x))


def convert_to_numpy(x: ArrayLike) -> np.ndarray[Any, Any]:
    """Convert a tensor (or anything tensor-like) to a numpy array.

    Args:
        x: A backend tensor, `keras.Variable`, array, scalar or nested list.

    Returns:
        A numpy array with the same values and dtype.

    Raises:
        ValueError: For a symbolic `KerasTensor`, which has no value.

    Example:

    >>> keras.ops.convert_to_numpy(keras.ops.convert_to_tensor([1.0, 2.0]))
    array([1., 2.], dtype=float32)
    """
    if isinstance(x, KerasTensor):
        raise ValueError(
            f"A symbolic KerasTensor has no value and cannot be converted to numpy. Received: x={x!r}"
        )
    return to_numpy(x)


def _cast_rule(x: Any, dtype: Any) -> Spec:
    return Spec(as_spec(x).shape, standardize_dtype(dtype))


@op(_cast_rule)
def cast(x: ArrayLike, dtype: DTypeLike) -> Tensor:
    """Cast `x` to `dtype`.

    Args:
        x: Input tensor.
        dtype: The target dtype.

    Returns:
        A tensor of `dtype` with the values of `x`.

    Example:

    >>> keras.ops.cast(np.array([1.7, -1.7], dtype="float32"), "int32")
    array([ 1, -1], dtype=int32)
    """
    return convert(x, standardize_dtype(dtype))


def is_tensor(x: Any) -> bool:
    """Return whether `x` is a native tensor of the active backend.

    Args:
        x: Any value.

    Returns:
        `True` for a backend tensor (a numpy array on the numpy backend), else `False`.

    Example:

    >>> keras.ops.is_tensor(keras.ops.convert_to_tensor([1]))
    True
    """
    return K.core.is_tensor(x)


def shape(x: ArrayLike) -> Shape:
    """Return the shape of `x` as a tuple (`None` for unknown dimensions of a KerasTensor).

    Args:
        x: A tensor, KerasTensor, array or nested list.

    Returns:
        The shape as a tuple of ints (and `None`s).

    Example:

    >>> keras.ops.shape(np.zeros((2, 3)))
    (2, 3)
    """
    if isinstance(x, KerasTensor):
        return x.shape
    if K.core.is_tensor(x):
        return K.core.shape_of(x)
    return as_spec(x).shape


def dtype(x: ArrayLike) -> str:
    """Return the standard name of the dtype of `x`.

    Args:
        x: A tensor, KerasTensor, Variable, array or scalar.

    Returns:
        A dtype name such as `"float32"`.

    Example:

    >>> keras.ops.dtype(np.zeros(2, dtype="int8"))
    'int8'
    """
    if isinstance(x, KerasTensor):
        return x.dtype
    return as_spec(x).dtype if not K.core.is_tensor(x) else K.core.dtype_of(x)


__all__ = ["cast", "convert_to_numpy", "convert_to_tensor", "dtype", "is_tensor", "shape"]
