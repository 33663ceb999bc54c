"""`KerasTensor`: a symbolic tensor, with a shape and dtype but no value.

Calling an op on a `KerasTensor` returns new `KerasTensor`s and records the call as a
node of the graph (see `keras.ops._operation`), which `keras.Function` and functional
models run later on real tensors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from keras.backend._dtypes import standardize_dtype
from keras.backend._naming import unique_name
from keras.ops._operators import TensorOperators, ops_module
from keras.ops._spec import Spec
from keras.ops._typing import Shape

if TYPE_CHECKING:
    from keras.ops._operation import Operation


class KerasHistory(NamedTuple):
    """Where a `KerasTensor` came from: the operation, which of its nodes, which output."""

    operation: Operation
    node_index: int
    tensor_index: int


def standardize_shape(shape: Any) -> Shape:
    """Return `shape` as a tuple of ints and `None`s, or raise naming the bad entry."""
    if shape is None:
        raise ValueError("Undefined shapes are not supported. Received: shape=None")
    if isinstance(shape, int):
        shape = (shape,)
    if not isinstance(shape, Sequence) and not hasattr(shape, "__iter__"):
        raise ValueError(f"Cannot convert '{shape!r}' to a shape.")
    result: list[int | None] = []
    for dim in shape:
        if dim is None:
            result.append(None)
            continue
        if hasattr(dim, "__index__") and not isinstance(dim, bool):
            size = int(dim.__index__())
        else:
            raise ValueError(f"Cannot convert '{shape!r}' to a shape. Found invalid entry '{dim}'.")
        if size < 0:
            raise ValueError(f"Negative dimensions are not allowed. Received: shape={tuple(shape)!r}")
        result.append(size)
    return tuple(result)


class KerasTensor(TensorOperators):
    """A symbolic tensor: a shape (with `None` for unknown dimensions) and a dtype.

    Args:
        shape: A tuple of ints or `None`s.
        dtype: A dtype name, e.g. `"float32"`.
        sparse: Whether it stands for a sparse tensor.
        ragged: Whether it stands for a ragged tensor.
        record_history: Whether ops called on it record graph nodes.
        name: An optional name.

    Example:

    >>> x = keras.KerasTensor((None, 3), dtype="float32")
    >>> keras.ops.add(x, 1.0).shape
    (None, 3)
    """

    def __init__(
        self,
        shape: Any,
        dtype: Any = "float32",
        sparse: bool = False,
        ragged: bool = False,
        record_history: bool = True,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        self._shape = standardize_shape(shape)
        self._dtype = standardize_dtype(dtype)
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        self.record_history = record_history
        self.name = name or unique_name("keras_tensor")
        self._keras_history: KerasHistory | None = kwargs.pop("keras_history", None)
        if kwargs:
            raise TypeError(f"Unexpected keyword arguments: {sorted(kwargs)}")

    @property
    def shape(self) -> Shape:
        return self._shape

    @property
    def dtype(self) -> str:
        return self._dtype

    @property
    def ndim(self) -> int:
        return len(self._shape)

    @property
    def spec(self) -> Spec:
        return Spec(self._shape, self._dtype)

    def reshape(self, newshape: Any) -> Any:
        return ops_module().reshape(self, newshape)

    def squeeze(self, axis: Any = None) -> Any:
        return ops_module().squeeze(self, axis=axis)

    @property
    def T(self) -> Any:  # noqa: N802 - numpy's name
        return ops_module().transpose(self)

    def __repr__(self) -> str:
        return (
            f"<KerasTensor shape={self._shape}, dtype={self._dtype}, sparse={self.sparse}, name={self.name}>"
        )

    def __iter__(self) -> Any:
        raise NotImplementedError(
            "Iterating over a symbolic KerasTensor is not supported: its values are unknown "
            "until the graph runs."
        )

    def __bool__(self) -> bool:
        raise TypeError("A symbolic KerasTensor cannot be used as a Python bool.")

    def __array__(self, dtype: Any = None, copy: Any = None) -> Any:
        raise ValueError(
            "A KerasTensor is symbolic: it is a placeholder for a shape and a dtype, and has "
            "no value. It cannot be converted to a NumPy array. You are probably passing it to "
            "a function that expects real data, such as a NumPy or backend function, instead "
            "of a keras.ops function or a Keras layer."
        )

    # Identity semantics keep KerasTensors usable as dict keys and in sets, as in Keras 3.
    __hash__ = object.__hash__


def is_keras_tensor(x: Any) -> bool:
    """Return whether `x` is a symbolic `KerasTensor`.

    Args:
        x: Any value.

    Returns:
        `True` for a `KerasTensor`, else `False`.

    Example:

    >>> keras.backend.is_keras_tensor(keras.KerasTensor((2,)))
    True
    """
    return isinstance(x, KerasTensor)
