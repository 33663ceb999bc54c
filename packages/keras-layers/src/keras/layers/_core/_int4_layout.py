"""How an int4-quantized main weight is stored: a packed 2D matrix, scales, zero points, groups.

Keras 3 views the float weight as a matrix `(rows, columns)` (a plain reshape) and
quantizes it along one axis, the *group axis*: the rows for Dense and EinsumDense (the
contracted input dimension) and the columns for Embedding (each token's vector).

- Per channel (no block size): symmetric, `q = round(w * scale)` in `[-8, 7]` with one
  scale per slice across the group axis, and `w ≈ q / scale`.
- In blocks of `block_size` along the group axis (the default, 128): asymmetric,
  one scale and zero point per block and slice, `w ≈ (q - zero) * scale`; `g_idx` (a
  float32 vector along the group axis) holds each position's block number.

The values are packed two per int8 byte along the last axis, so the stored matrix is
`(rows, ceil(columns / 2))`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from keras import ops
from keras.ops._typing import Tensor


@dataclass(frozen=True)
class Int4Layout:
    """The stored shapes and the arithmetic of one int4-quantized weight matrix.

    Attributes:
        rows: The matrix's first dimension.
        columns: The matrix's last dimension (before packing).
        group_axis: `0` (blocks run down the rows) or `-1` (blocks run along the columns).
        block_size: The block length along the group axis, or None for per-channel scales.
    """

    rows: int
    columns: int
    group_axis: int
    block_size: int | None

    @property
    def grouped(self) -> bool:
        """Whether the weight has block-wise scales and zero points."""
        return self.block_size is not None

    @property
    def packed_shape(self) -> tuple[int, int]:
        """The shape of the stored int8 matrix: two values per byte along the columns."""
        return self.rows, (self.columns + 1) // 2

    @property
    def group_length(self) -> int:
        """The size of the matrix along the group axis (the length of `g_idx`)."""
        return self.rows if self.group_axis == 0 else self.columns

    @property
    def scale_shape(self) -> tuple[int, ...]:
        """The shape of the scale (and zero point): the group axis shrunk to its blocks."""
        if not self.grouped:
            return (self.columns,) if self.group_axis == 0 else (self.rows,)
        blocks = math.ceil(self.group_length / self.block_size)  # type: ignore[operator]
        return (blocks, self.columns) if self.group_axis == 0 else (self.rows, blocks)

    def group_index(self) -> Tensor:
        """`g_idx`: the block number of each position along the group axis, as float32."""
        return ops.floor_divide(ops.arange(self.group_length, dtype="float32"), float(self.block_size or 1))

    def quantize(self, matrix: Any, weight_quantizer: Any = None) -> tuple[Tensor, Tensor, Tensor | None]:
        """Quantize a float `(rows, columns)` matrix (on the host) and pack it.

        Args:
            matrix: The float matrix.
            weight_quantizer: A per-channel quantizer returning `(q, scale)` with the group
                axis kept at size 1; the abs-max one over `[-8, 7]` when None. Ignored in
                blocks.

        Returns:
            `(packed, scale, zero)`; `zero` is None per channel.
        """
        from keras.quantizers import (
            AbsMaxQuantizer,
            abs_max_quantize_grouped_with_zero_point,
            pack_int4,
        )

        zero = None
        block = self.block_size
        if block is None:
            if weight_quantizer is None:
                weight_quantizer = AbsMaxQuantizer(axis=self.group_axis, value_range=(-8, 7))
            values, scale = weight_quantizer(matrix, to_numpy=True)
            scale = ops.squeeze(scale, axis=self.group_axis)
        elif self.group_axis == 0:
            values, scale, zero = abs_max_quantize_grouped_with_zero_point(
                matrix, block_size=block, to_numpy=True
            )
        else:
            values, scale, zero = abs_max_quantize_grouped_with_zero_point(
                ops.transpose(matrix), block_size=block, to_numpy=True
            )
            values, scale, zero = (ops.transpose(t) for t in (values, scale, zero))
        packed, _, _ = pack_int4(ops.cast(values, "int8"), axis=-1)
        return packed, scale, zero

    def dequantize(self, packed: Any, scale: Any, zero: Any, g_idx: Any, dtype: str) -> Tensor:
        """Unpack and rescale stored values to float.

        Leading axes may be added in front of everything (Embedding dequantizes the rows
        it looked up, with the scales of those rows), as long as the group axis is the
        last one.

        Args:
            packed: The packed int8 values, columns last.
            scale: The matching scales.
            zero: The matching zero points (ignored per channel).
            g_idx: The block numbers along the group axis (ignored per channel).
            dtype: The float dtype of the result.

        Returns:
            The float values, `(..., columns)`.
        """
        from keras.quantizers import unpack_int4

        values = ops.cast(unpack_int4(packed, self.columns, axis=-1), dtype)
        scale = ops.cast(scale, dtype)
        if not self.grouped:
            return ops.divide(values, scale if self.group_axis == 0 else ops.expand_dims(scale, -1))
        blocks = ops.cast(g_idx, "int32")
        scale = ops.take(scale, blocks, axis=self.group_axis)
        zero = ops.cast(ops.take(zero, blocks, axis=self.group_axis), dtype)
        return ops.multiply(ops.subtract(values, zero), scale)
