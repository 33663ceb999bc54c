"""Int4 storage: two 4-bit values per byte (`pack_int4`) and back (`unpack_int4`)."""

from __future__ import annotations

from keras import ops
from keras.backend import standardize_dtype
from keras.ops._typing import ArrayLike, Tensor


def _check_dtype(dtype: str) -> None:
    if dtype not in ("int8", "uint8"):
        raise ValueError(f"Expected dtype to be 'int8' or 'uint8', but got '{dtype}'.")


def _axis(axis: int, ndim: int) -> int:
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"Expected `axis` in [{-ndim}, {ndim}) for a tensor of rank {ndim}. Received: axis={axis}"
        )
    return axis % ndim


def pack_int4(arr: ArrayLike, axis: int = 0, dtype: str = "int8") -> tuple[Tensor, tuple[int, ...], int]:
    """Pack pairs of int4 values along `axis` into single bytes.

    Along `axis`, element `2i` goes to the low nibble and element `2i + 1` to the high
    nibble of output element `i`; an odd length is padded with one zero.

    Args:
        arr: An `int8` (values in `[-8, 7]`) or `uint8` (values in `[0, 15]`) tensor.
        axis: The axis to pack.
        dtype: `arr`'s dtype and the packed dtype: `"int8"` or `"uint8"`.

    Returns:
        `(packed, packed_shape, orig_len)`: the packed tensor, its shape, and the length of
        `axis` before packing (what `unpack_int4` needs).

    Raises:
        ValueError: If `dtype` is not `"int8"` or `"uint8"`.
        TypeError: If `arr`'s dtype is not `dtype`.

    Example:

    >>> packed, shape, length = keras.quantizers.pack_int4(np.array([-3, 7, 1], dtype="int8"))
    >>> packed, shape, length
    (array([125,   1], dtype=int8), (2,), 3)
    """
    _check_dtype(dtype)
    x = ops.convert_to_tensor(arr)
    if standardize_dtype(x.dtype) != dtype:
        raise TypeError(f"Expected {dtype} tensor for packing, got {standardize_dtype(x.dtype)}.")
    ndim = len(x.shape)
    axis = _axis(axis, ndim)
    length = int(x.shape[axis])
    moved = ops.moveaxis(ops.cast(x, "int32"), axis, 0)
    if length % 2:
        moved = ops.pad(moved, [[0, 1]] + [[0, 0]] * (ndim - 1))
    pairs = ops.reshape(moved, ((length + 1) // 2, 2, *moved.shape[1:]))
    low = ops.bitwise_and(pairs[:, 0], 15)
    high = ops.bitwise_and(pairs[:, 1], 15)
    byte = ops.add(low, ops.multiply(high, 16))
    if dtype == "int8":
        byte = ops.where(ops.greater(byte, 127), ops.subtract(byte, 256), byte)
    packed = ops.moveaxis(ops.cast(byte, dtype), 0, axis)
    return packed, tuple(int(d) for d in packed.shape), length


def unpack_int4(packed: ArrayLike, orig_len: int, axis: int = 0, dtype: str = "int8") -> Tensor:
    """Unpack the bytes of `pack_int4` into one 4-bit value per element.

    Args:
        packed: An `int8` or `uint8` tensor of packed nibbles.
        orig_len: The length of `axis` before packing (drops the padding).
        axis: The packed axis.
        dtype: The output dtype: `"int8"` gives values in `[-8, 7]`, `"uint8"` in `[0, 15]`.

    Returns:
        The unpacked tensor, `orig_len` long along `axis`.

    Raises:
        ValueError: If `dtype` is not `"int8"` or `"uint8"`.
        TypeError: If `packed` is not an `int8` or `uint8` tensor.

    Example:

    >>> keras.quantizers.unpack_int4(np.array([125, 1], dtype="int8"), 3)
    array([-3,  7,  1], dtype=int8)
    """
    _check_dtype(dtype)
    x = ops.convert_to_tensor(packed)
    if standardize_dtype(x.dtype) not in ("int8", "uint8"):
        raise TypeError(f"Expected int8 or uint8 tensor for unpacking, got {standardize_dtype(x.dtype)}")
    axis = _axis(axis, len(x.shape))
    moved = ops.moveaxis(ops.cast(x, "int32"), axis, 0)
    low = ops.bitwise_and(moved, 15)
    high = ops.bitwise_and(ops.right_shift(moved, 4), 15)
    nibbles = ops.stack([low, high], axis=1)
    if dtype == "int8":
        nibbles = ops.subtract(ops.bitwise_xor(nibbles, 8), 8)
    nibbles = ops.reshape(nibbles, (-1, *moved.shape[1:]))[:orig_len]
    return ops.moveaxis(ops.cast(nibbles, dtype), 0, axis)
