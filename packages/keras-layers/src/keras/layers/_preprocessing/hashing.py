"""`Hashing` and `HashedCrossing`: bucket values (or crosses of values) by hash.

The bins equal Keras's (TensorFlow's) on every backend: values are hashed as their
UTF-8 bytes (integers as their decimal text) with FarmHash `Fingerprint64`, or
SipHash-2-4 when a salt is given; crosses chain the hashes with `FingerprintCat64`.
Hashing runs in numpy on the host, so these layers do not run inside a compiled
function.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from keras import ops
from keras.layers._preprocessing._data import (
    StringInputLayer,
    encode_categories,
    encoded_shape,
    is_string_array,
    to_numpy,
    validate_output_mode,
)
from keras.layers._preprocessing._farmhash import fingerprint64, siphash64
from keras.ops._keras_tensor import KerasTensor
from keras.ops._typing import Shape, Tensor

__all__ = ["HashedCrossing", "Hashing"]

_MASK = (1 << 64) - 1
_CROSS_MUL = 0xC6A4A7935BD1E995
_CROSS_KEY = 0xDECAFCAFFE


def _as_bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (float, np.floating)):
        value = int(value)
    return str(int(value)).encode("utf-8")


def _cross(fingerprints: Sequence[int]) -> int:
    """Chain 64-bit feature hashes as TensorFlow's `sparse.cross_hashed` does."""

    def shift_mix(value: int) -> int:
        return value ^ (value >> 47)

    result = _CROSS_KEY
    for feature in fingerprints:
        mixed = (shift_mix((feature * _CROSS_MUL) & _MASK) * _CROSS_MUL) & _MASK
        result = ((result ^ _CROSS_MUL) ^ mixed) * _CROSS_MUL & _MASK
        result = shift_mix((shift_mix(result) * _CROSS_MUL) & _MASK)
    return result


class Hashing(StringInputLayer):
    """Map strings or integers to `num_bins` bins by a stable hash.

    Args:
        num_bins: The number of bins, including bin 0 for `mask_value` if it is set.
        mask_value: A value mapped to bin 0 (the others then use bins `1 ..
            num_bins - 1`), or `None`.
        salt: `None` for the fast FarmHash `Fingerprint64`; an int or two ints for the
            keyed SipHash-2-4 (an int `s` means `[s, s]`).
        output_mode: `"int"` (bin indices), `"one_hot"`, `"multi_hot"` or `"count"`.
        sparse: Sparse outputs are not supported: only `False`.
        **kwargs: Base layer arguments (`name`, `dtype`: int64 for `"int"` outputs,
            floatx otherwise).

    Raises:
        ValueError: If `num_bins` is not positive, `salt` or `output_mode` is invalid,
            or `dtype` is not an integer type for `"int"` outputs.

    Example:

    >>> layer = keras.layers.Hashing(num_bins=3)
    >>> layer(np.array([["A"], ["B"], ["C"], ["D"], ["E"]]))
    array([[1],
           [0],
           [1],
           [1],
           [2]])
    """

    def __init__(
        self,
        num_bins: int | None,
        mask_value: Any = None,
        salt: Any = None,
        output_mode: str = "int",
        sparse: bool = False,
        **kwargs: Any,
    ) -> None:
        if kwargs.get("dtype") is None:
            kwargs["dtype"] = "int64" if output_mode == "int" else None
        super().__init__(**kwargs)
        if num_bins is None or num_bins <= 0:
            raise ValueError(
                f"The `num_bins` for `Hashing` cannot be `None` or non-positive values. Received: num_bins={num_bins}."
            )
        if output_mode == "int" and self.dtype_policy.name not in ("int32", "int64"):
            raise ValueError(
                "When `output_mode=\"int\"`, `dtype` should be an integer type, 'int32' or 'in64'. "
                f"Received: dtype={kwargs['dtype']}"
            )
        validate_output_mode(output_mode, ("int", "one_hot", "multi_hot", "count"))
        if sparse:
            raise ValueError(f"`sparse=True` is not supported by Hashing. Received: sparse={sparse}")
        if salt is None or (isinstance(salt, (tuple, list)) and len(salt) == 2):
            self.salt = None if salt is None else list(salt)
        elif isinstance(salt, int):
            self.salt = [salt, salt]
        else:
            raise ValueError(
                "The `salt` argument for `Hashing` can only be a tuple of size 2 integers, or a single integer. "
                f"Received: salt={salt}."
            )
        self.num_bins = num_bins
        self.mask_value = mask_value
        self.output_mode = output_mode
        self.sparse = sparse

    def _bins(self, values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        num_bins = self.num_bins
        masked = self.mask_value is not None and num_bins > 1
        buckets = num_bins - 1 if masked else num_bins
        salt = self.salt

        def one(value: Any) -> int:
            if masked and _equal(value, self.mask_value):
                return 0
            data = _as_bytes(value)
            digest = (
                fingerprint64(data) if salt is None else siphash64(data, salt[0] & _MASK, salt[1] & _MASK)
            )
            return digest % buckets + (1 if masked else 0)

        flat = [one(v) for v in values.reshape(-1).tolist()]
        return np.asarray(flat, dtype="int64").reshape(values.shape)

    def call(self, inputs: Any) -> Tensor:
        bins = ops.convert_to_tensor(self._bins(to_numpy(inputs)), dtype="int64")
        dtype = self.dtype if self.output_mode == "int" else self.compute_dtype
        return encode_categories(bins, self.output_mode, self.num_bins, dtype)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return encoded_shape(tuple(input_shape), self.output_mode, self.num_bins)

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        return KerasTensor(self.compute_output_shape(tuple(args[0].shape)), self.dtype)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "num_bins": self.num_bins,
            "salt": self.salt,
            "mask_value": self.mask_value,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
        }


def _equal(value: Any, mask_value: Any) -> bool:
    if isinstance(value, bytes) and isinstance(mask_value, str):
        return value == mask_value.encode("utf-8")
    return bool(value == mask_value)


class HashedCrossing(StringInputLayer):
    """Cross two or more categorical features and hash each combination into `num_bins` bins.

    Args:
        num_bins: The number of bins.
        output_mode: `"int"` (bin indices) or `"one_hot"`.
        sparse: Sparse outputs are not supported: only `False`.
        name: The layer's name.
        dtype: The output dtype (int64 for `"int"` outputs by default).
        **kwargs: Base layer arguments.

    Call arguments:
        inputs: A tuple or list of at least two features (strings or ints) of the same
            shape, scalars or of shape `(batch,)` or `(batch, 1)`.

    Raises:
        ValueError: If `output_mode` is unknown, or fewer than two inputs, or inputs
            of different shapes or of rank above 2, are passed.

    Example:

    >>> layer = keras.layers.HashedCrossing(num_bins=5)
    >>> layer((np.array([1, 2]), np.array(["a", "b"])))
    array([0, 4])
    """

    def __init__(
        self,
        num_bins: int,
        output_mode: str = "int",
        sparse: bool = False,
        name: str | None = None,
        dtype: Any = None,
        **kwargs: Any,
    ) -> None:
        if output_mode == "int" and dtype is None:
            dtype = "int64"
        super().__init__(name=name, dtype=dtype, **kwargs)
        validate_output_mode(output_mode, ("int", "one_hot"))
        if sparse:
            raise ValueError(f"`sparse=True` is not supported by HashedCrossing. Received: sparse={sparse}")
        self.num_bins = num_bins
        self.output_mode = output_mode
        self.sparse = sparse

    def _convert_inputs(self, args: tuple[Any, ...]) -> tuple[Any, ...]:
        return args

    def _check(self, shapes: Sequence[Shape]) -> None:
        if not isinstance(shapes, (list, tuple)) or len(shapes) < 2:
            raise ValueError(
                "`HashedCrossing` should be called on a list or tuple of at least two inputs. "
                f"Received: inputs={shapes}"
            )
        first = tuple(shapes[0])
        if len(first) > 2 or (len(first) == 2 and first[-1] != 1):
            raise ValueError(
                "All `HashedCrossing` inputs should have shape `()`, `(batch_size)` or `(batch_size, 1)`. "
                f"Received: inputs={shapes}"
            )
        if any(tuple(s) != first for s in shapes):
            raise ValueError(
                f"All `HashedCrossing` inputs should have equal shape. Received: inputs={shapes}"
            )

    def call(self, inputs: Any) -> Tensor:
        arrays = [to_numpy(x) for x in inputs] if isinstance(inputs, (list, tuple)) else inputs
        self._check([a.shape for a in arrays] if isinstance(arrays, list) else arrays)
        features = [a.reshape(-1).tolist() for a in arrays]
        hashed = [
            [fingerprint64(_as_bytes(v)) if is_string_array(a) else int(v) & _MASK for v in feature]
            for a, feature in zip(arrays, features, strict=True)
        ]
        bins = [_cross(row) % self.num_bins for row in zip(*hashed, strict=True)]
        result = ops.convert_to_tensor(
            np.asarray(bins, dtype="int64").reshape(arrays[0].shape), dtype="int64"
        )
        dtype = self.dtype if self.output_mode == "int" else self.compute_dtype
        return encode_categories(result, self.output_mode, self.num_bins, dtype)

    def compute_output_shape(self, input_shape: Any) -> Shape:
        self._check(input_shape)
        return encoded_shape(tuple(input_shape[0]), self.output_mode, self.num_bins)

    def compute_output_spec(self, *args: Any, **kwargs: Any) -> Any:
        shapes = [tuple(x.shape) for x in args[0]]
        return KerasTensor(self.compute_output_shape(shapes), self.dtype)

    def get_config(self) -> dict[str, Any]:
        return {
            "num_bins": self.num_bins,
            "output_mode": self.output_mode,
            "sparse": self.sparse,
            "name": self.name,
            "dtype": self.dtype,
        }
