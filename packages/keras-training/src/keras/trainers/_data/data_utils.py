"""Batch helpers shared by every adapter: packing and unpacking `(x, y, sample_weight)`,
`class_weight` as sample weights, leaves turned into what a trainer accepts, the
errors for arguments a source cannot take, and `validation_split`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

import numpy as np

from keras import tree
from keras.backend import backend, floatx

Batch = tuple[Any, Any, Any]
"""One batch as the trainers see it: `(x, y, sample_weight)`, missing parts None."""

_NATIVE_MODULES = {"tensorflow": ("tensorflow",), "torch": ("torch",), "jax": ("jax", "jaxlib")}


def unpack_x_y_sample_weight(data: Any) -> tuple[Any, Any, Any]:
    """Split a batch into `(x, y, sample_weight)`; missing parts are None.

    Args:
        data: `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)`.

    Returns:
        The tuple `(x, y, sample_weight)`.
    """
    if isinstance(data, list):
        data = tuple(data)
    if not isinstance(data, tuple):
        return data, None, None
    if len(data) == 1:
        return data[0], None, None
    if len(data) == 2:
        return data[0], data[1], None
    if len(data) == 3:
        return data[0], data[1], data[2]
    raise ValueError(
        f"Data is expected to be in format `x`, `(x,)`, `(x, y)`, or `(x, y, sample_weight)`, found: {data}"
    )


def pack_x_y_sample_weight(x: Any, y: Any = None, sample_weight: Any = None) -> Any:
    """Pack `x`, `y` and `sample_weight` into the tuple a batch is.

    Args:
        x: The features.
        y: The targets, or None.
        sample_weight: The sample weights, or None.

    Returns:
        `x` alone (a one-tuple if `x` is itself a tuple), `(x, y)` or `(x, y, sample_weight)`.
    """
    if y is None:
        return (x,) if isinstance(x, (tuple, list)) else x
    if sample_weight is None:
        return (x, y)
    return (x, y, sample_weight)


def _num_samples(arrays: Any) -> int:
    lengths = {int(np.shape(a)[0]) for a in tree.flatten(arrays) if a is not None}
    if len(lengths) != 1:
        raise ValueError(
            f"All arrays must have the same number of samples. Received lengths: {sorted(lengths)}"
        )
    return lengths.pop()


def train_validation_split(arrays: Any, validation_split: float) -> tuple[Any, Any]:
    """Split array data into its first `1 - validation_split` part and the rest (no shuffle).

    Args:
        arrays: A structure of arrays with the same number of samples.
        validation_split: The fraction, between 0 and 1, kept for validation.

    Returns:
        `(train_arrays, validation_arrays)` with the structure of `arrays`.
    """
    if not 0.0 < validation_split < 1.0:
        raise ValueError(
            f"`validation_split` must be between 0 and 1 (exclusive). Received: validation_split={validation_split}"
        )
    for leaf in tree.flatten(arrays):
        if leaf is not None and not hasattr(leaf, "shape"):
            raise ValueError(
                "`validation_split` is only supported for arrays and tensors (it cannot split a dataset or a "
                f"generator). Received: {type(leaf)}"
            )
    total = _num_samples(arrays)
    split_at = int(np.floor(total * (1.0 - validation_split)))
    if split_at == 0 or split_at == total:
        raise ValueError(
            f"Training data contains {total} samples, which is not sufficient to split it into a validation and "
            f"training set as specified by `validation_split={validation_split}`."
        )
    train = tree.map_structure(lambda a: None if a is None else a[:split_at], arrays)
    validation = tree.map_structure(lambda a: None if a is None else a[split_at:], arrays)
    return train, validation


def is_native_tensor(value: Any) -> bool:
    """Return whether `value` is a tensor of the active backend's framework."""
    root = type(value).__module__.split(".")[0]
    return root in _NATIVE_MODULES.get(backend(), ())


def to_numpy(value: Any) -> Any:
    """Return `value` (numpy, pandas, or any framework's eager tensor) as a numpy array."""
    if isinstance(value, np.ndarray):
        return value
    if hasattr(value, "to_numpy"):  # pandas
        return value.to_numpy()
    if hasattr(value, "detach"):  # torch
        return value.detach().cpu().numpy()
    if hasattr(value, "numpy") and not isinstance(value, np.generic):  # eager tensorflow
        return np.asarray(value.numpy())
    return np.asarray(value)


def to_batch_leaf(value: Any) -> Any:
    """Keep numpy arrays and the active backend's tensors; turn anything else into numpy."""
    if value is None or isinstance(value, np.ndarray) or is_native_tensor(value):
        return value
    return to_numpy(value)


def class_weights_to_sample_weights(y: Any, class_weight: Mapping[int, float]) -> np.ndarray[Any, Any]:
    """Return one weight per sample: the weight of its class (1 for classes not listed).

    Args:
        y: Class indices `(n,)` or `(n, 1)`, or one-hot / probability rows `(n, k)`.
        class_weight: `{class_index: weight}`.

    Returns:
        A `(n,)` array of `floatx()` weights.
    """
    labels = np.asarray(to_numpy(y))
    if labels.ndim > 1:
        labels = np.argmax(labels, axis=-1) if labels.shape[-1] > 1 else np.squeeze(labels, axis=-1)
    labels = np.round(labels).astype("int64")
    weights = np.ones(labels.shape[0], dtype=floatx())
    for label, weight in class_weight.items():
        weights[labels == int(label)] = weight
    return weights


def add_class_weight(batch: Batch, class_weight: Mapping[int, float] | None) -> Batch:
    """Return `batch` with the sample weights that `class_weight` gives its targets."""
    if class_weight is None:
        return batch
    x, y, sample_weight = batch
    if sample_weight is not None:
        raise ValueError("You cannot `class_weight` and `sample_weight` at the same time.")
    if y is None:
        raise ValueError("`class_weight` needs targets: the data must give `(x, y)` batches.")
    if tree.is_nested(y):
        raise ValueError("`class_weight` is only supported for Models with a single output.")
    return x, y, class_weights_to_sample_weights(y, class_weight)


def standardize_batch(data: Any, source: str) -> Batch:
    """Turn one element of a dataset into `(x, y, sample_weight)` with batch-friendly leaves.

    Args:
        data: `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)`; a dict is `x`.
        source: What produced it, for the error message (e.g. `"PyDataset.__getitem__()"`).

    Returns:
        The batch as a 3-tuple.
    """
    if isinstance(data, list):
        data = tuple(data)
    if isinstance(data, tuple) and len(data) not in (1, 2, 3):
        raise ValueError(
            f"{source} must return a tuple or a dict. If a tuple, it must be ordered either (input,) or "
            f"(inputs, targets) or (inputs, targets, sample_weights). Received: {str(data)[:100]}... of type "
            f"{type(data)}"
        )
    x, y, sample_weight = unpack_x_y_sample_weight(data)
    return _convert_part(x), _convert_part(y), _convert_part(sample_weight)


def _convert_part(part: Any) -> Any:
    return None if part is None else tree.map_structure(to_batch_leaf, part)


def raise_unsupported_arg(arg_name: str, arg_description: str, input_type: str) -> NoReturn:
    """Raise Keras's error for an argument that a dataset-like `x` must carry itself."""
    raise ValueError(
        f"When providing `x` as a {input_type}, `{arg_name}` should not be passed. Instead, {arg_description} "
        f"should be included as part of the {input_type}."
    )


def import_tensorflow(what: str) -> Any:
    """Import TensorFlow for `what` (a function returning a `tf.data.Dataset`), or raise a clear ImportError."""
    try:
        import tensorflow as tf
    except ImportError as error:
        raise ImportError(
            f"`{what}` builds a `tf.data.Dataset` and needs TensorFlow, which is not installed. "
            "Install it with `pip install tensorflow` (it works beside any backend)."
        ) from error
    return tf
