"""`keras.Input` and `InputLayer`: where a functional graph starts."""

from __future__ import annotations

from typing import Any

from keras.backend._dtypes import standardize_dtype
from keras.layers._layer import Layer
from keras.ops._keras_tensor import KerasTensor
from keras.ops._operation import Node

__all__ = ["Input", "InputLayer"]


class InputLayer(Layer):
    """The layer that produces a model's symbolic input (`keras.Input` makes one).

    Args:
        shape: The shape of one sample, without the batch dimension.
        batch_size: A fixed batch size, or None.
        dtype: The input's dtype; `floatx()` by default.
        sparse: Whether the input is sparse.
        ragged: Whether the input is ragged.
        batch_shape: The full shape including the batch dimension (instead of `shape`).
        input_tensor: An existing `KerasTensor` to use as the input.
        optional: Whether the input may be None.
        name: The layer's name.
        **kwargs: Base-layer arguments.
    """

    def __init__(
        self,
        shape: Any = None,
        batch_size: int | None = None,
        dtype: Any = None,
        sparse: bool | None = None,
        ragged: bool | None = None,
        batch_shape: Any = None,
        input_tensor: Any = None,
        optional: bool = False,
        name: str | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.pop("input_shape", None)
        kwargs.pop("batch_input_shape", None)
        super().__init__(name=name, **kwargs)
        from keras.backend._config import floatx

        if shape is not None and batch_shape is not None:
            raise ValueError(
                "You cannot pass both `shape` and `batch_shape` at the same time. "
                f"Received: shape={shape}, batch_shape={batch_shape}"
            )
        if input_tensor is not None:
            if not isinstance(input_tensor, KerasTensor):
                raise ValueError(
                    f"Argument `input_tensor` must be a KerasTensor. Received invalid type: "
                    f"input_tensor={input_tensor} (of type {type(input_tensor)})"
                )
            batch_shape = input_tensor.shape
            dtype = dtype or input_tensor.dtype
        if shape is None and batch_shape is None:
            raise ValueError("You must pass a `shape` argument.")
        if batch_shape is None:
            if isinstance(shape, int):
                shape = (shape,)
            batch_shape = (batch_size, *tuple(shape))
        self._batch_shape = tuple(None if d is None else int(d) for d in batch_shape)
        self._dtype = standardize_dtype(dtype) if dtype is not None else floatx()
        self.sparse = bool(sparse)
        self.ragged = bool(ragged)
        self.optional = optional
        self.built = True
        tensor = (
            input_tensor
            if input_tensor is not None
            else KerasTensor(
                self._batch_shape, self._dtype, sparse=self.sparse, ragged=self.ragged, name=self.name
            )
        )
        Node(self, outputs=tensor)

    @property
    def batch_shape(self) -> tuple[int | None, ...]:
        return self._batch_shape

    @property
    def dtype(self) -> str:
        return self._dtype

    def call(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("An InputLayer is not called: use its `output` (what `keras.Input` returns).")

    def get_config(self) -> dict[str, Any]:
        return {
            "batch_shape": list(self._batch_shape),
            "dtype": self._dtype,
            "sparse": self.sparse,
            "ragged": self.ragged,
            "name": self.name,
            "optional": self.optional,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> InputLayer:
        config = dict(config)
        config.pop("trainable", None)
        return cls(**config)


def Input(  # noqa: N802 - Keras 3's public name
    shape: Any = None,
    batch_size: int | None = None,
    dtype: Any = None,
    sparse: bool | None = None,
    ragged: bool | None = None,
    batch_shape: Any = None,
    name: str | None = None,
    tensor: Any = None,
    optional: bool = False,
) -> KerasTensor:
    """Return a symbolic input tensor: the start of a functional model.

    Args:
        shape: The shape of one sample, without the batch dimension.
        batch_size: A fixed batch size, or None.
        dtype: The dtype; `floatx()` by default.
        sparse: Whether the input is sparse.
        ragged: Whether the input is ragged.
        batch_shape: The full shape including the batch dimension (instead of `shape`).
        name: The input's name.
        tensor: An existing `KerasTensor` to wrap.
        optional: Whether the input may be None.

    Returns:
        A `KerasTensor`.

    Example:

    >>> x = keras.Input(shape=(3,))
    >>> x.shape, x.dtype
    ((None, 3), 'float32')
    """
    layer = InputLayer(
        shape=shape,
        batch_size=batch_size,
        dtype=dtype,
        sparse=sparse,
        ragged=ragged,
        batch_shape=batch_shape,
        input_tensor=tensor,
        optional=optional,
        name=name,
    )
    output: KerasTensor = layer.output
    return output
