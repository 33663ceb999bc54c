"""Image kernels, written once against the numpy API.

Every kernel receives canonical arguments from the op layer: images batched and
channels-last `(batch, height, width, channels)` in a float dtype, coordinates in the
images' dtype, static sizes as Python ints. Kernels hold no dtype policy and do no
argument checking.

Resampling is expressed as separable weight matrices (the method of
`jax.image.scale_and_translate`: half-pixel centres, optional antialiasing, weights
renormalised over the taps inside the image), applied with one `matmul` per spatial axis.
The weights depend only on static sizes, so they are computed on the host with numpy.
jax, torch and tensorflow override `resize` with their native calls where the native
result is the same.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from keras.ops._typing import Tensor

FloatArray = np.ndarray[Any, np.dtype[np.float64]]


# --- resampling weights (host side) -------------------------------------------------------


def _triangle(x: FloatArray) -> FloatArray:
    return np.maximum(0.0, 1.0 - np.abs(x))


def _keys_cubic(x: FloatArray) -> FloatArray:
    """Keys' cubic convolution kernel with a = -0.5 (Catmull-Rom)."""
    x = np.abs(x)
    near = ((1.5 * x - 2.5) * x) * x + 1.0
    far = ((-0.5 * x + 2.5) * x - 4.0) * x + 2.0
    return np.where(x >= 2.0, 0.0, np.where(x >= 1.0, far, near))


def _lanczos(radius: int) -> Callable[[FloatArray], FloatArray]:
    def kernel(x: FloatArray) -> FloatArray:
        x = np.abs(x)
        with np.errstate(divide="ignore", invalid="ignore"):
            y = radius * np.sin(np.pi * x) * np.sin(np.pi * x / radius) / (np.pi**2 * x**2)
        y = np.where(x > 1e-3, y, 1.0)
        return np.where(x > radius, 0.0, y)

    return kernel


RESAMPLING_KERNELS: dict[str, Callable[[FloatArray], FloatArray]] = {
    "linear": _triangle,
    "bilinear": _triangle,
    "trilinear": _triangle,
    "triangle": _triangle,
    "cubic": _keys_cubic,
    "bicubic": _keys_cubic,
    "tricubic": _keys_cubic,
    "lanczos3": _lanczos(3),
    "lanczos5": _lanczos(5),
}


def resampling_weights(
    in_size: int, out_size: int, scale: float, translation: float, method: str, antialias: bool
) -> FloatArray:
    """The `(out_size, in_size)` matrix mapping an axis of `in_size` samples to `out_size`.

    Output sample `i` sits at input position `(i + 0.5 - translation) / scale - 0.5`; the
    kernel is stretched by `1 / scale` when downsampling with `antialias`. Weights are
    normalised over the taps inside the input; samples outside `[-0.5, in_size - 0.5]` are 0.
    """
    kernel = RESAMPLING_KERNELS[method]
    inv_scale = 1.0 / scale
    kernel_scale = max(inv_scale, 1.0) if antialias else 1.0
    sample = (np.arange(out_size, dtype=np.float64) + 0.5 - translation) * inv_scale - 0.5
    distance = np.abs(sample[:, None] - np.arange(in_size, dtype=np.float64)[None, :]) / kernel_scale
    weights = kernel(distance)
    total = weights.sum(axis=1, keepdims=True)
    safe = np.where(total != 0.0, total, 1.0)
    weights = np.where(np.abs(total) > 1000.0 * np.finfo(np.float32).eps, weights / safe, 0.0)
    inside = (sample >= -0.5) & (sample <= in_size - 0.5)
    result: FloatArray = np.where(inside[:, None], weights, 0.0)
    return result


def nearest_indices(in_size: int, out_size: int) -> np.ndarray[Any, Any]:
    """The input index each of `out_size` samples copies: half-pixel centres, rounded down."""
    offsets = (np.arange(out_size, dtype=np.float32) + np.float32(0.5)) * np.float32(in_size / out_size)
    indices: np.ndarray[Any, Any] = np.minimum(np.floor(offsets).astype(np.int64), in_size - 1)
    return indices


# --- the family ---------------------------------------------------------------------------


class Image:
    """Image kernels for a numpy-like module `self.xnp`."""

    def __init__(self, xnp: Any) -> None:
        self.xnp = xnp

    # --- helpers a backend may override ----------------------------------------------

    def _constant(self, values: np.ndarray[Any, Any], like: Tensor) -> Tensor:
        """`values` as a tensor of `like`'s dtype (and device)."""
        return self.xnp.asarray(values, dtype=like.dtype)

    def _index(self, values: np.ndarray[Any, Any], like: Tensor) -> Tensor:
        """Integer `values` as an index tensor beside `like`."""
        return self.xnp.asarray(values)

    def _to_index(self, x: Tensor) -> Tensor:
        """A float tensor of whole numbers as int64 indices."""
        return self.xnp.asarray(x, dtype=self.xnp.int64)

    def _take_rows(self, x: Tensor, index: Tensor) -> Tensor:
        """Gather the rows `index` (any shape) of `x`, keeping the trailing axes."""
        return self.xnp.take(x, index, axis=0)

    def _take(self, x: Tensor, index: np.ndarray[Any, Any], axis: int) -> Tensor:
        return self.xnp.take(x, self._index(index, x), axis=axis)

    # --- colour ----------------------------------------------------------------------------

    def rgb_to_grayscale(self, x: Tensor, /) -> Tensor:
        """Luma of channels-last RGB `x`, keeping a channel axis of size 1."""
        return x[..., 0:1] * 0.2989 + x[..., 1:2] * 0.5870 + x[..., 2:3] * 0.1140

    def rgb_to_hsv(self, x: Tensor, eps: float, /) -> Tensor:
        """Hue, saturation and value of channels-last RGB `x`, each in [0, 1]."""
        xnp = self.xnp
        x = xnp.where(xnp.abs(x) < eps, xnp.zeros_like(x), x)
        red, green, blue = x[..., 0], x[..., 1], x[..., 2]
        value = xnp.maximum(xnp.maximum(red, green), blue)
        spread = value - xnp.minimum(xnp.minimum(red, green), blue)
        positive_value = value > 0
        positive_spread = spread > 0
        one, zero = xnp.ones_like(value), xnp.zeros_like(value)
        saturation = xnp.where(positive_value, spread / xnp.where(positive_value, value, one), zero)
        norm = 1.0 / (6.0 * xnp.where(positive_spread, spread, one))
        hue = xnp.where(value == green, norm * (blue - red) + 2.0 / 6.0, norm * (red - green) + 4.0 / 6.0)
        hue = xnp.where(value == red, norm * (green - blue), hue)
        hue = xnp.where(positive_spread, hue, zero)
        hue = xnp.where(hue < 0, hue + 1.0, hue)
        return xnp.stack([hue, saturation, value], -1)

    def hsv_to_rgb(self, x: Tensor, /) -> Tensor:
        """RGB of channels-last HSV `x` (hue wraps around 1)."""
        xnp = self.xnp
        hue, saturation, value = x[..., 0], x[..., 1], x[..., 2]
        sextant = (hue % 1.0) * 6.0
        red = xnp.clip(xnp.abs(sextant - 3.0) - 1.0, 0.0, 1.0)
        green = xnp.clip(2.0 - xnp.abs(sextant - 2.0), 0.0, 1.0)
        blue = xnp.clip(2.0 - xnp.abs(sextant - 4.0), 0.0, 1.0)
        grey = 1.0 - saturation
        planes = [value * (grey + saturation * plane) for plane in (red, green, blue)]
        return xnp.stack(planes, -1)

    # --- resampling ------------------------------------------------------------------------

    def _apply_weights(self, x: Tensor, axis: int, weights: FloatArray) -> Tensor:
        """Contract axis `axis` of `x` with an `(out, in)` weight matrix."""
        xnp = self.xnp
        shape = tuple(int(d) for d in x.shape)
        outer = math.prod(shape[:axis])
        inner = math.prod(shape[axis + 1 :])
        folded = xnp.reshape(x, (outer, shape[axis], inner))
        out = xnp.matmul(self._constant(weights, x), folded)
        return xnp.reshape(out, (*shape[:axis], weights.shape[0], *shape[axis + 1 :]))

    def scale_and_translate(
        self,
        x: Tensor,
        output_shape: tuple[int, ...],
        spatial_dims: tuple[int, ...],
        scale: tuple[float, ...],
        translation: tuple[float, ...],
        method: str,
        antialias: bool,
        /,
    ) -> Tensor:
        """Resample the axes `spatial_dims` of float `x` to `output_shape` (its full shape)."""
        for axis, s, t in zip(spatial_dims, scale, translation, strict=True):
            in_size = int(x.shape[axis])
            weights = resampling_weights(in_size, output_shape[axis], s, t, method, antialias)
            x = self._apply_weights(x, axis, weights)
        return x

    def resize(self, x: Tensor, size: tuple[int, int], method: str, antialias: bool, /) -> Tensor:
        """Resize float `(batch, height, width, channels)` images to `size`, half-pixel centres."""
        if method == "nearest":
            for axis, out_size in zip((1, 2), size, strict=True):
                x = self._take(x, nearest_indices(int(x.shape[axis]), out_size), axis)
            return x
        height, width = int(x.shape[1]), int(x.shape[2])
        scale = (size[0] / height, size[1] / width)
        output_shape = (int(x.shape[0]), size[0], size[1], int(x.shape[3]))
        return self.scale_and_translate(x, output_shape, (1, 2), scale, (0.0, 0.0), method, antialias)

    # --- sampling at coordinates ------------------------------------------------------------

    def _fix_index(self, index: Tensor, size: int, fill_mode: str) -> Tensor:
        """Map integer positions outside `[0, size)` back inside, as `fill_mode` extends."""
        xnp = self.xnp
        if fill_mode == "wrap":
            return index % size
        if fill_mode == "mirror":
            period = size - 1
            if period == 0:
                return xnp.zeros_like(index)
            return xnp.abs((index + period) % (2 * period) - period)
        if fill_mode == "reflect":
            period = 2 * size
            folded = index % period
            return xnp.where(folded >= size, period - 1 - folded, folded)
        return xnp.clip(index, 0, size - 1)  # "nearest", and "constant" before masking

    def map_coordinates(
        self,
        x: Tensor,
        coordinates: Sequence[Tensor],
        order: int,
        fill_mode: str,
        fill_value: float,
        batched: bool,
        /,
    ) -> Tensor:
        """Sample `x` at `coordinates`, one float tensor (all of one shape) per sampled axis.

        The sampled axes lead `x` (after the batch axis when `batched`: then coordinates
        start with it too and sample image `b` for entry `b`); trailing axes are carried
        through. `order` 0 takes the nearest sample (ties away from zero), 1 interpolates linearly;
        each neighbour outside the input reads `fill_value` ("constant") or the sample that
        `fill_mode` extends the input with.
        """
        xnp = self.xnp
        first = 1 if batched else 0
        sizes = [int(d) for d in x.shape[first : first + len(coordinates)]]
        trailing = tuple(int(d) for d in x.shape[first + len(coordinates) :])
        strides = [math.prod(sizes[i + 1 :]) for i in range(len(sizes))]
        rows = xnp.reshape(x, (-1, *trailing))
        out_shape = tuple(int(d) for d in coordinates[0].shape)
        base: Tensor | int = 0
        if batched:
            batch = int(x.shape[0])
            offsets = np.arange(batch).reshape((batch,) + (1,) * (len(out_shape) - 1)) * math.prod(sizes)
            base = self._index(offsets, x)
        if order == 0:
            # Nearest sample, ties rounded away from zero (as jax.scipy.ndimage does).
            corners = [
                [(self._to_index(xnp.where(c < 0, -xnp.floor(0.5 - c), xnp.floor(c + 0.5))), None)]
                for c in coordinates
            ]
        else:
            corners = []
            for c in coordinates:
                lower = xnp.floor(c)
                upper_weight = c - lower
                index = self._to_index(lower)
                corners.append([(index, 1.0 - upper_weight), (index + 1, upper_weight)])
        expand = (slice(None),) * len(out_shape) + (None,) * len(trailing)
        result: Tensor | None = None
        for combination in _product(corners):
            flat: Tensor = base
            weight: Tensor | None = None
            valid: Tensor | None = None
            for (index, axis_weight), size, stride in zip(combination, sizes, strides, strict=True):
                if fill_mode == "constant":
                    inside = (index >= 0) & (index < size)
                    valid = inside if valid is None else valid & inside
                flat = flat + self._fix_index(index, size, fill_mode) * stride
                if axis_weight is not None:
                    weight = axis_weight if weight is None else weight * axis_weight
            values = self._take_rows(rows, flat)
            if valid is not None:
                values = xnp.where(valid[expand], values, xnp.asarray(fill_value, dtype=values.dtype))
            term = values if weight is None else values * weight[expand]
            result = term if result is None else result + term
        assert result is not None
        return result

    def pixel_grid(self, height: int, width: int, like: Tensor, /) -> tuple[Tensor, Tensor]:
        """Row and column index of every pixel, `(height, width)` each, in `like`'s dtype."""
        rows, columns = np.meshgrid(
            np.arange(height, dtype=np.float64), np.arange(width, dtype=np.float64), indexing="ij"
        )
        return self._constant(rows, like), self._constant(columns, like)

    def projective_coordinates(self, transform: Tensor, height: int, width: int, /) -> tuple[Tensor, Tensor]:
        """Input `(rows, columns)` that each output pixel of a `(batch, 8)` transform reads.

        Output pixel `(x, y)` reads `((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)` with
        `k = c0 x + c1 y + 1`; the results are `(batch, height, width)`.
        """
        ys, xs = self.pixel_grid(height, width, transform)
        t = [transform[:, i, None, None] for i in range(8)]
        denominator = t[6] * xs + t[7] * ys + 1.0
        columns = (t[0] * xs + t[1] * ys + t[2]) / denominator
        rows = (t[3] * xs + t[4] * ys + t[5]) / denominator
        return rows, columns

    def homography_system(self, start: Tensor, end: Tensor, /) -> tuple[Tensor, Tensor]:
        """The `(batch, 8, 8)` system and `(batch, 8, 1)` right side whose solution maps `end` to `start`."""
        xnp = self.xnp
        sx, sy = start[..., 0], start[..., 1]
        ex, ey = end[..., 0], end[..., 1]
        zeros, ones = xnp.zeros_like(ex), xnp.ones_like(ex)
        x_rows = xnp.stack([ex, ey, ones, zeros, zeros, zeros, -sx * ex, -sx * ey], -1)
        y_rows = xnp.stack([zeros, zeros, zeros, ex, ey, ones, -sy * ex, -sy * ey], -1)
        matrix = xnp.concatenate([x_rows, y_rows], 1)
        target = xnp.concatenate([sx, sy], -1)[..., None]
        return matrix, target

    # --- statistics --------------------------------------------------------------------------

    def ssim_index(
        self,
        mu1: Tensor,
        mu2: Tensor,
        var1: Tensor,
        var2: Tensor,
        covariance: Tensor,
        c1: float,
        c2: float,
        /,
    ) -> Tensor:
        """Mean structural similarity over all axes but the first, from local moments."""
        numerator = (2.0 * mu1 * mu2 + c1) * (2.0 * covariance + c2)
        denominator = (mu1 * mu1 + mu2 * mu2 + c1) * (var1 + var2 + c2)
        ssim_map = numerator / denominator
        return self.xnp.mean(self.xnp.reshape(ssim_map, (int(ssim_map.shape[0]), -1)), axis=1)


def _product(choices: list[list[Any]]) -> list[tuple[Any, ...]]:
    combinations: list[tuple[Any, ...]] = [()]
    for options in choices:
        combinations = [(*head, option) for head in combinations for option in options]
    return combinations


__all__ = ["RESAMPLING_KERNELS", "Image", "nearest_indices", "resampling_weights"]
