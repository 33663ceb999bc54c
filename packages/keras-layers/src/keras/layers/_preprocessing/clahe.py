"""`ContrastLimitedAdaptiveHistogramEqualization` (CLAHE): per-tile histogram equalization."""

from __future__ import annotations

from typing import Any

from keras import ops
from keras.layers._preprocessing._image import ImageLayer
from keras.ops._typing import Shape, Tensor

__all__ = ["ContrastLimitedAdaptiveHistogramEqualization"]

_LEVELS = 256


class ContrastLimitedAdaptiveHistogramEqualization(ImageLayer):
    """Equalize image contrast locally, tile by tile, with a clipped histogram.

    The images (scaled from `value_range` to `[0, 255]`) are cut into a grid of
    `tile_grid_size` tiles (the last row and column padded by mirroring when the
    size does not divide). Each tile and channel gets a 256-bin histogram of its
    integer levels; bins above `clip_limit * tile_pixels / 256` are cut there and
    the excess is spread evenly over all bins. The normalized cumulative histogram
    `(cdf - cdf_min) * 255 / (tile_pixels - cdf_min)` maps levels to new values,
    and each pixel's value is interpolated bilinearly between the mappings of the
    four nearest tile centers. The layer is deterministic and runs in training and
    inference alike; the outputs have the inputs' dtype and `value_range`.

    Args:
        value_range: The `[low, high]` range of the pixel values.
        clip_limit: The histogram clip level, relative to a flat histogram;
            `0` (or less) disables clipping (plain adaptive equalization).
        tile_grid_size: The number of tiles `(rows, columns)`.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `tile_grid_size` is not two positive ints or `value_range`
            is not two numbers.

    Example:

    >>> layer = keras.layers.ContrastLimitedAdaptiveHistogramEqualization(tile_grid_size=(1, 1))
    >>> x = np.array([[[10.0], [10.0]], [[20.0], [20.0]]], dtype="float32")
    >>> np.round(layer(x)[:, :, 0], 3)
    array([[13.686, 13.686],
           [27.372, 27.372]], dtype=float32)
    """

    def __init__(
        self,
        value_range: Any = (0, 255),
        clip_limit: float = 4.0,
        tile_grid_size: Any = (8, 8),
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(data_format=data_format, **kwargs)
        if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
            raise ValueError(
                f"The `value_range` argument should be a list of two numbers. Received: value_range={value_range}"
            )
        if (
            not isinstance(tile_grid_size, (tuple, list))
            or len(tile_grid_size) != 2
            or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in tile_grid_size)
        ):
            raise ValueError(
                "The `tile_grid_size` argument should be a pair of positive integers. "
                f"Received: tile_grid_size={tile_grid_size}"
            )
        self.value_range = value_range
        self.clip_limit = clip_limit
        self.tile_grid_size = tile_grid_size

    def call(self, inputs: Tensor) -> Tensor:
        dtype = inputs.dtype
        images, added = self._as_batch(inputs)
        if self.data_format == "channels_first":
            images = ops.transpose(images, (0, 2, 3, 1))
        low, high = (float(v) for v in self.value_range)
        images = ops.cast(images, "float32")
        if (low, high) != (0.0, 255.0):
            images = ops.multiply(ops.divide(ops.subtract(images, low), high - low), 255.0)
        images = self._equalize(images)
        if (low, high) != (0.0, 255.0):
            images = ops.add(ops.multiply(ops.divide(images, 255.0), high - low), low)
        if self.data_format == "channels_first":
            images = ops.transpose(images, (0, 3, 1, 2))
        outputs = ops.cast(images, dtype)
        return outputs[0] if added else outputs

    def _equalize(self, images: Tensor) -> Tensor:
        """Equalize a channels-last batch of values in `[0, 255]`."""
        batch, height, width, channels = (int(d) for d in images.shape)
        grid_h, grid_w = self.tile_grid_size
        tile_h, tile_w = -(-height // grid_h), -(-width // grid_w)
        pad_h, pad_w = tile_h * grid_h - height, tile_w * grid_w - width
        if pad_h or pad_w:
            images = ops.pad(images, [[0, 0], [0, pad_h], [0, pad_w], [0, 0]], mode="symmetric")
        levels = ops.cast(ops.clip(images, 0, 255), "int32")
        mappings = self._tile_mappings(levels, grid_h, grid_w, tile_h, tile_w)
        # Repeat the border tiles once around the grid, so edge pixels interpolate with themselves.
        mappings = ops.concatenate([mappings[:, :1], mappings, mappings[:, -1:]], axis=1)
        mappings = ops.concatenate([mappings[:, :, :1], mappings, mappings[:, :, -1:]], axis=2)
        flat = ops.reshape(mappings, (-1,))

        def neighbours(size: int, tile: int, grid: int) -> tuple[Tensor, Tensor, Tensor]:
            position = ops.add(
                ops.divide(ops.subtract(ops.arange(size, dtype="float32"), tile / 2.0), tile), 1.0
            )
            first = ops.floor(position)
            weight = ops.subtract(position, first)
            lower = ops.cast(ops.clip(first, 0, grid + 1), "int32")
            upper = ops.cast(ops.clip(ops.add(first, 1.0), 0, grid + 1), "int32")
            return lower, upper, weight

        y0, y1, wy = neighbours(tile_h * grid_h, tile_h, grid_h)
        x0, x1, wx = neighbours(tile_w * grid_w, tile_w, grid_w)
        stride_x = _LEVELS * channels
        stride_y = stride_x * (grid_w + 2)
        stride_b = stride_y * (grid_h + 2)
        base = ops.add(
            ops.add(
                ops.reshape(ops.arange(batch, dtype="int32") * stride_b, (batch, 1, 1, 1)),
                ops.reshape(ops.arange(channels, dtype="int32") * _LEVELS, (1, 1, 1, channels)),
            ),
            levels,
        )

        def read(rows: Tensor, cols: Tensor) -> Tensor:
            offset = ops.add(
                ops.reshape(rows * stride_y, (1, -1, 1, 1)), ops.reshape(cols * stride_x, (1, 1, -1, 1))
            )
            return ops.take(flat, ops.add(base, offset))

        wy = ops.reshape(wy, (1, -1, 1, 1))
        wx = ops.reshape(wx, (1, 1, -1, 1))
        top = ops.add(ops.multiply(read(y0, x0), 1.0 - wx), ops.multiply(read(y0, x1), wx))
        bottom = ops.add(ops.multiply(read(y1, x0), 1.0 - wx), ops.multiply(read(y1, x1), wx))
        result = ops.add(ops.multiply(top, 1.0 - wy), ops.multiply(bottom, wy))
        return result[:, :height, :width, :]

    def _tile_mappings(self, levels: Tensor, grid_h: int, grid_w: int, tile_h: int, tile_w: int) -> Tensor:
        """Return the `(batch, grid_h, grid_w, channels, 256)` level mapping of every tile."""
        batch, channels = int(levels.shape[0]), int(levels.shape[-1])
        tiles = ops.reshape(levels, (batch, grid_h, tile_h, grid_w, tile_w, channels))
        tiles = ops.reshape(ops.transpose(tiles, (0, 1, 3, 5, 2, 4)), (batch, grid_h, grid_w, channels, -1))
        counts = ops.sum(ops.one_hot(tiles, _LEVELS, dtype="float32"), axis=-2)
        pixels = float(tile_h * tile_w)
        if self.clip_limit > 0:
            clipped = ops.minimum(counts, self.clip_limit * pixels / _LEVELS)
            excess = ops.sum(ops.subtract(counts, clipped), axis=-1, keepdims=True)
            counts = ops.add(clipped, ops.divide(excess, float(_LEVELS)))
        cdf = ops.cumsum(counts, axis=-1)
        cdf_min = ops.min(cdf, axis=-1, keepdims=True)
        span = ops.subtract(pixels, cdf_min)
        span = ops.where(ops.equal(span, 0.0), ops.ones_like(span), span)
        return ops.clip(ops.divide(ops.multiply(ops.subtract(cdf, cdf_min), 255.0), span), 0, 255)

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return tuple(input_shape)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "clip_limit": self.clip_limit,
            "tile_grid_size": self.tile_grid_size,
        }
