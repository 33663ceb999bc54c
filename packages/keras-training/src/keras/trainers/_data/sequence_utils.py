"""`keras.utils.pad_sequences`: equal-length arrays from ragged sequences."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def pad_sequences(
    sequences: Sequence[Any],
    maxlen: int | None = None,
    dtype: Any = "int32",
    padding: str = "pre",
    truncating: str = "pre",
    value: Any = 0.0,
) -> np.ndarray[Any, Any]:
    """Pad (or truncate) sequences to one length and stack them into an array.

    Args:
        sequences: A list of sequences (lists or arrays), each of shape `(length, *feature_shape)`.
        maxlen: The length of the result; by default the longest sequence's length.
        dtype: The dtype of the result (strings are allowed with a string `value`).
        padding: `"pre"` or `"post"`: add the padding before or after each sequence.
        truncating: `"pre"` or `"post"`: drop values at the start or the end of
            sequences longer than `maxlen`.
        value: The padding value.

    Returns:
        An array of shape `(len(sequences), maxlen, *feature_shape)`.

    Raises:
        ValueError: For an unknown `padding`/`truncating`, or sequences whose
            feature shapes differ.

    Example:

    >>> keras.utils.pad_sequences([[1, 2, 3], [4, 5], [6]])
    array([[1, 2, 3],
           [0, 4, 5],
           [0, 0, 6]], dtype=int32)
    >>> keras.utils.pad_sequences([[1, 2, 3], [4]], maxlen=2, padding="post", truncating="post", value=-1)
    array([[ 1,  2],
           [ 4, -1]], dtype=int32)
    """
    if not hasattr(sequences, "__len__"):
        raise ValueError(f"`sequences` must be iterable. Received: sequences={sequences!r}")
    if padding not in ("pre", "post"):
        raise ValueError(f'Padding type "{padding}" not understood')
    if truncating not in ("pre", "post"):
        raise ValueError(f'Truncating type "{truncating}" not understood')
    arrays = [np.asarray(s) for s in sequences]
    lengths = []
    for index, array in enumerate(arrays):
        if array.ndim == 0:
            raise ValueError(
                f"`sequences` must be a list of iterables. Found non-iterable: {sequences[index]!r}"
            )
        lengths.append(len(array))
    feature_shape: tuple[int, ...] = next((a.shape[1:] for a in arrays if len(a)), ())
    is_text = np.issubdtype(np.dtype(dtype), np.str_) or np.issubdtype(np.dtype(dtype), np.object_)
    if isinstance(value, str) and not is_text:
        raise ValueError(
            f"`dtype` {dtype} is not compatible with `value`'s type: {type(value)}\n"
            "You should set `dtype=object` for variable length strings."
        )
    length = int(maxlen) if maxlen is not None else max(lengths, default=0)
    result = np.full((len(arrays), length, *feature_shape), value, dtype=dtype)
    for index, array in enumerate(arrays):
        if not len(array) or length == 0:
            continue
        kept = array[-length:] if truncating == "pre" else array[:length]
        if kept.shape[1:] != feature_shape:
            raise ValueError(
                f"Shape of sample {kept.shape[1:]} of sequence at position {index} is different from expected "
                f"shape {feature_shape}"
            )
        if padding == "post":
            result[index, : len(kept)] = kept
        else:
            result[index, length - len(kept) :] = kept
    return result
