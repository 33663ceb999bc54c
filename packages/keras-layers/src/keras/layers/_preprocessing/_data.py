"""Shared plumbing of the preprocessing layers: data for `adapt()`, strings, encodings.

It owns how `adapt()` data (arrays, tensors, lists, `tf.data.Dataset`s, iterables of
batches) becomes numpy batches, how string inputs stay numpy arrays on the backends
that have no string tensors (TensorFlow string tensors on the TensorFlow backend), and
the `one_hot` / `multi_hot` / `count` / `tf_idf` encodings of category indices.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from keras import ops
from keras.backend import backend
from keras.layers._layer import Layer
from keras.ops._typing import Tensor

__all__ = [
    "StringInputLayer",
    "adapt_batches",
    "encode_categories",
    "encoded_shape",
    "is_string_array",
    "to_numpy",
    "to_output_strings",
    "validate_output_mode",
]


def _is_tf_tensor(x: Any) -> bool:
    return type(x).__module__.startswith("tensorflow") and hasattr(x, "numpy")


def to_numpy(x: Any) -> np.ndarray[Any, Any]:
    """Return `x` (array, tensor, TF string tensor, list) as a numpy array."""
    if isinstance(x, np.ndarray):
        return x
    if _is_tf_tensor(x):
        return np.asarray(x.numpy())
    if isinstance(x, (list, tuple, str, bytes, int, float)):
        return np.asarray(x)
    return np.asarray(ops.convert_to_numpy(x))


def is_string_array(x: Any) -> bool:
    """Whether `x` holds strings (numpy str/bytes/object arrays, lists, TF strings)."""
    if isinstance(x, (str, bytes)):
        return True
    if isinstance(x, (list, tuple)):
        return is_string_array(np.asarray(x)) if len(x) else False
    dtype = getattr(x, "dtype", None)
    if isinstance(dtype, np.dtype):
        if dtype.kind in "USO":
            return dtype.kind != "O" or bool(x.size == 0 or isinstance(x.flat[0], (str, bytes)))
        return False
    return str(dtype) in ("string", "<dtype: 'string'>")


def adapt_batches(data: Any, *, whole_sequences: bool = False) -> Iterator[np.ndarray[Any, Any]]:
    """Yield the batches of `adapt()` data as numpy arrays.

    Arrays, tensors and lists or tuples of scalars or strings are one batch; a
    `tf.data.Dataset` or any other iterable yields batches (an `(x, y)` pair gives `x`).

    Raises:
        TypeError: If `data` is none of these.
        ValueError: If an iterable yields no batch.
    """
    del whole_sequences
    if isinstance(data, (np.ndarray, str, bytes)) or (
        _is_tf_tensor(data) and not hasattr(data, "element_spec")
    ):
        yield to_numpy(data)
        return
    if isinstance(data, (list, tuple)) and data and (np.ndim(data[0]) == 0 or isinstance(data[0], str)):
        yield np.asarray(data)
        return
    if hasattr(data, "shape") and hasattr(data, "dtype"):
        yield to_numpy(data)
        return
    if not hasattr(data, "__iter__"):
        raise TypeError(
            "`adapt()` expects a numpy array, a tensor, a `tf.data.Dataset` or an iterable of batches. "
            f"Received: data of type {type(data).__name__}"
        )
    empty = True
    for batch in data:
        empty = False
        if isinstance(batch, tuple):
            batch = batch[0]
        yield to_numpy(batch)
    if empty:
        raise ValueError("`adapt()` received an empty iterable (no batches). Expected at least one batch.")


def to_output_strings(values: np.ndarray[Any, Any]) -> Any:
    """Return a numpy string array as the backend's string type (TF strings on TensorFlow)."""
    if backend() == "tensorflow":
        import tensorflow as tf

        return tf.constant(values.astype(object) if values.dtype.kind == "U" else values)
    return values


class StringInputLayer(Layer):
    """A layer whose inputs may be strings: those stay numpy arrays (or TF tensors)."""

    def _convert_inputs(self, args: tuple[Any, ...]) -> tuple[Any, ...]:
        if args and (is_string_array(args[0]) or isinstance(args[0], (list, tuple))):
            first = args[0]
            if isinstance(first, (list, tuple)) and not _is_tf_tensor(first):
                first = np.asarray(first)
            if not is_string_array(first):
                return super()._convert_inputs((first, *args[1:]))
            return (first, *args[1:])
        return super()._convert_inputs(args)


_OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")


def validate_output_mode(output_mode: str, allowed: tuple[str, ...] = _OUTPUT_MODES) -> str:
    """Return `output_mode` if it is one of `allowed`, else raise a ValueError."""
    if output_mode not in allowed:
        raise ValueError(
            f"Unknown arg for output_mode. Expected one of {allowed}. Received: output_mode={output_mode!r}"
        )
    return output_mode


def encoded_shape(input_shape: tuple[Any, ...], output_mode: str, depth: int | None) -> tuple[Any, ...]:
    """Return the shape of `encode_categories`' output for inputs of `input_shape`."""
    shape = tuple(input_shape)
    if output_mode == "int":
        return shape
    if not shape:
        return (depth,)
    if output_mode == "one_hot":
        if shape[-1] == 1 and len(shape) > 1:
            return (*shape[:-1], depth)
        return (*shape, depth)
    return (*shape[:-1], depth)


def encode_categories(
    indices: Tensor,
    output_mode: str,
    depth: int,
    dtype: str,
    count_weights: Tensor | None = None,
    idf_weights: Tensor | None = None,
) -> Tensor:
    """Encode integer category `indices` in `[0, depth)` as `output_mode` says.

    `"one_hot"` adds a last axis of size `depth` (replacing a last axis of size 1);
    `"multi_hot"`, `"count"` and `"tf_idf"` replace the last axis (the categories of
    one sample) by `depth` entries: presence, count, or count times `idf_weights`.
    Indices outside `[0, depth)` count for nothing.
    """
    if output_mode == "int":
        return ops.cast(indices, dtype)
    if len(indices.shape) == 0:
        indices = ops.expand_dims(indices, -1)
    if output_mode == "one_hot":
        if len(indices.shape) > 1 and indices.shape[-1] == 1:
            indices = ops.squeeze(indices, -1)
        return ops.one_hot(indices, depth, dtype=dtype)
    hot = ops.one_hot(indices, depth, dtype="float32")
    if count_weights is not None and output_mode == "count":
        hot = ops.multiply(hot, ops.expand_dims(ops.cast(count_weights, "float32"), -1))
    counts = ops.sum(hot, axis=-2)
    if output_mode == "multi_hot":
        counts = ops.minimum(counts, 1.0)
    elif output_mode == "tf_idf" and idf_weights is not None:
        counts = ops.multiply(counts, ops.cast(idf_weights, "float32"))
    return ops.cast(counts, dtype)
