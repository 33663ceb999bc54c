"""Per-pixel intensity transforms: posterization, inversion, solarization, auto
contrast, histogram equalization and sharpness.

`RandomPosterization`, `RandomInvert`, `Solarization` and `RandomSharpness` draw
their parameters per image (seeded) and act only in training; `AutoContrast` always
acts; `Equalization` acts unless `training=False`, as in Keras.
"""

from __future__ import annotations

from typing import Any

from keras import ops, random
from keras.layers._preprocessing._augmentation import (
    FactorImageLayer,
    RandomImageLayer,
    standardize_factor,
    standardize_value_range,
)
from keras.layers._preprocessing._color_math import (
    blend,
    depthwise_filter,
    per_sample,
    random_flags,
    rescale,
    select,
)
from keras.layers._preprocessing._image import ImageLayer
from keras.ops._typing import Shape, Tensor

__all__ = [
    "AutoContrast",
    "Equalization",
    "RandomInvert",
    "RandomPosterization",
    "RandomSharpness",
    "Solarization",
]

_BYTE_RANGE = (0, 255)


class RandomPosterization(FactorImageLayer):
    """Keep only the `b` most significant bits of each 8-bit pixel, in training.

    The pixels are mapped to `[0, 255]`, truncated to integers, their low `8 - b`
    bits cleared, and mapped back to `value_range`. `b` is drawn per image from
    `[lower, upper)` of `factor`, or is `factor` itself when both bounds agree.

    Args:
        factor: An integer `f` in `[1, 8]` (meaning `(1, f)`) or a pair
            `(lower, upper)`.
        value_range: The `[low, high]` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[1, 8]` or `value_range` is not two numbers.

    Example:

    >>> x = np.array([[[[0.0, 100.0, 255.0]]]], dtype="float32")
    >>> keras.layers.RandomPosterization(factor=(2, 2))(x)
    array([[[[  0.,  64., 192.]]]], dtype=float32)
    """

    factor_bounds = (1, 8)

    def _augment(self, images: Tensor) -> Tensor:
        batch = ops.shape(images)[0]
        lower, upper = int(self.factor[0]), int(self.factor[1])
        if lower != upper:
            bits = random.randint((batch,), lower, upper, seed=self.generator)
        else:
            bits = ops.full((batch,), lower, dtype="int32")
        step = per_sample(ops.power(2.0, ops.cast(8 - bits, "float32")), images.dtype)
        pixels = ops.floor(ops.clip(rescale(images, self.value_range, _BYTE_RANGE), 0.0, 255.0))
        posterized = ops.floor(pixels / step) * step
        return rescale(posterized, _BYTE_RANGE, self.value_range)


class RandomInvert(RandomImageLayer):
    """Invert some images (`high - x` for `value_range = [low, high]`) in training.

    An image is inverted with a probability drawn per image from `factor`.

    Args:
        factor: A float `f` in `[0, 1]` (probabilities drawn from `(0, f)`, so `1.0`
            inverts half of the images on average) or a pair `(lower, upper)`.
        value_range: The `[low, high]` range of the pixel values.
        seed: A seed for the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[0, 1]` or `value_range` is not two numbers.

    Example:

    >>> x = np.array([[[[0.0, 55.0, 255.0]]]], dtype="float32")
    >>> keras.layers.RandomInvert(factor=(1.0, 1.0))(x)
    array([[[[255., 200.,   0.]]]], dtype=float32)
    """

    def __init__(
        self,
        factor: Any = 1.0,
        value_range: Any = (0, 255),
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.factor = standardize_factor(factor, (0, 1))
        self._range = standardize_value_range(value_range)
        self.value_range = value_range

    def _augment(self, images: Tensor) -> Tensor:
        flags = random_flags(self._uniform, ops.shape(images)[0], self.factor)
        return select(flags, float(self._range[1]) - images, images)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "value_range": self.value_range,
            "seed": self.seed,
        }


def _solarization_range(factor: Any, name: str) -> tuple[float, float]:
    """Return a `[0, 1]` fraction range: `f` means `(0, f)`; a pair is sorted."""
    message = (
        "The `addition_factor` and `threshold_factor` arguments should be a number "
        f"(or a list of two numbers) in the range [0, 1]. Received: {name}={factor}"
    )
    if isinstance(factor, (tuple, list)):
        values = list(factor)
        if len(values) != 2:
            raise ValueError(message)
    elif isinstance(factor, (int, float)) and not isinstance(factor, bool):
        values = [0, factor]
    else:
        raise ValueError(message)
    if any(not isinstance(v, (int, float)) or v < 0 or v > 1 for v in values):
        raise ValueError(message)
    lower, upper = sorted(values)
    return lower, upper


class Solarization(RandomImageLayer):
    """Solarize images in training: invert the pixels at or above a threshold.

    On the `[0, 255]` scale, each image gets `a` added (then clipped to
    `[0, 255]`) and every pixel `p >= t` becomes `255 - p`, with `a` and `t`
    drawn per image as fractions of 255 from `addition_factor` and
    `threshold_factor`. The defaults (both 0) invert every pixel.

    Args:
        addition_factor: A float `f` in `[0, 1]` (meaning `(0, f)`) or a pair.
        threshold_factor: A float `f` in `[0, 1]` (meaning `(0, f)`) or a pair.
        value_range: The `[low, high]` range of the pixel values.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, `data_format`, ...).

    Raises:
        ValueError: If a factor is outside `[0, 1]` or `value_range` is not two numbers.

    Example:

    >>> x = np.array([[[[10.0, 100.0, 200.0]]]], dtype="float32")
    >>> keras.layers.Solarization(threshold_factor=(0.5, 0.5))(x)
    array([[[[ 10., 100.,  55.]]]], dtype=float32)
    """

    def __init__(
        self,
        addition_factor: Any = 0.0,
        threshold_factor: Any = 0.0,
        value_range: Any = (0, 255),
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, **kwargs)
        self.addition_factor = _solarization_range(addition_factor, "addition_factor")
        self.threshold_factor = _solarization_range(threshold_factor, "threshold_factor")
        self.value_range = standardize_value_range(value_range)

    def _augment(self, images: Tensor) -> Tensor:
        batch = ops.shape(images)[0]
        low, high = self.addition_factor
        addition = per_sample(self._uniform((batch,), low * 255.0, high * 255.0), images.dtype)
        low, high = self.threshold_factor
        threshold = per_sample(self._uniform((batch,), low * 255.0, high * 255.0), images.dtype)
        pixels = ops.clip(rescale(images, self.value_range, _BYTE_RANGE) + addition, 0.0, 255.0)
        solarized = ops.where(ops.less(pixels, threshold), pixels, 255.0 - pixels)
        return rescale(solarized, _BYTE_RANGE, self.value_range)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "value_range": self.value_range,
            "addition_factor": self.addition_factor,
            "threshold_factor": self.threshold_factor,
            "seed": self.seed,
        }


class _ImageMapLayer(ImageLayer):
    """Base of the deterministic image maps: cast, batch, `_augment`, unbatch."""

    _in_inference = False  # Whether the map also applies when `training` is false.

    def call(self, inputs: Tensor, training: bool = True) -> Tensor:
        inputs = ops.cast(inputs, self.compute_dtype)
        self._check_rank(len(inputs.shape))
        if not (training or self._in_inference):
            return inputs
        images, added = self._as_batch(inputs)
        outputs = ops.cast(self._augment(images), self.compute_dtype)
        return outputs[0] if added else outputs

    def _augment(self, images: Tensor) -> Tensor:
        raise NotImplementedError

    def compute_output_shape(self, input_shape: Shape) -> Shape:
        return tuple(input_shape)


class AutoContrast(_ImageMapLayer):
    """Stretch each channel of each image to span the whole `value_range`.

    Every channel is mapped linearly so that its smallest pixel becomes `low` and
    its largest `high`; constant channels are left as they are. It applies in
    training and in inference.

    Args:
        value_range: The `[low, high]` range of the pixel values.
        **kwargs: Base layer arguments (`name`, `dtype`, `data_format`, ...).

    Raises:
        ValueError: If `value_range` is not two numbers.

    Example:

    >>> x = np.array([[[[50.0], [100.0], [150.0]]]], dtype="float32")
    >>> keras.layers.AutoContrast()(x)[0, 0, :, 0]
    array([  0. , 127.5, 255. ], dtype=float32)
    """

    _in_inference = True

    def __init__(self, value_range: Any = (0, 255), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.value_range = standardize_value_range(value_range)

    def _augment(self, images: Tensor) -> Tensor:
        pixels = rescale(images, self.value_range, _BYTE_RANGE)
        axis = 2 if self.data_format == "channels_first" else 1
        low = ops.min(pixels, axis=(axis, axis + 1), keepdims=True)
        high = ops.max(pixels, axis=(axis, axis + 1), keepdims=True)
        spread = ops.greater(high, low)
        scale = 255.0 / ops.where(spread, high - low, 1.0)
        stretched = ops.clip((pixels - low) * scale, 0.0, 255.0)
        return ops.where(spread, rescale(stretched, _BYTE_RANGE, self.value_range), images)

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "value_range": self.value_range}


def _row_histograms(index: Tensor, bins: int) -> Tensor:
    """Count the bin indices of each row of `index` (rows, pixels) into `(rows, bins)`.

    With a static row count it is one `segment_sum` (traceable by `jax.jit`);
    otherwise (an unknown batch size in a graph) a row-wise `bincount`.
    """
    rows = index.shape[0]
    if rows is None:
        return ops.bincount(index, minlength=bins)
    ids = index + ops.arange(rows, dtype="int32")[:, None] * bins
    ones = ops.ones_like(ids)
    counts = ops.segment_sum(ops.reshape(ones, (-1,)), ops.reshape(ids, (-1,)), num_segments=rows * bins)
    return ops.reshape(counts, (rows, bins))


class Equalization(_ImageMapLayer):
    """Equalize the histogram of each channel of each image.

    On the `[0, 255]` scale, pixels fall in `bins` equal bins; each bin is mapped
    through the channel's cumulative histogram so that the intensities spread
    evenly over `[0, 255]`. Channels with a single occupied bin are left unchanged.
    It applies unless `training=False`, as in Keras.

    Args:
        value_range: The `[low, high]` range of the pixel values.
        bins: The number of histogram bins.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `value_range` is not two numbers or `bins` is not a positive
            integer.

    Example:

    >>> x = np.array([[[[0.0], [0.0], [10.0], [20.0]]]], dtype="float32")
    >>> keras.layers.Equalization()(x)[0, 0, :, 0]
    array([  0.,   0., 128., 255.], dtype=float32)
    """

    def __init__(
        self, value_range: Any = (0, 255), bins: int = 256, data_format: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(data_format=data_format, **kwargs)
        checked: object = bins
        if isinstance(checked, bool) or not isinstance(checked, int) or checked < 1:
            raise ValueError(f"`bins` should be a positive integer. Received: bins={bins}")
        self.bins = bins
        self.value_range = standardize_value_range(value_range)

    def _augment(self, images: Tensor) -> Tensor:
        bins = self.bins
        if self.data_format == "channels_last":
            images = ops.transpose(images, (0, 3, 1, 2))
        shape: Any = ops.shape(images)  # entries may be tensors in a graph
        pixels = ops.reshape(rescale(images, self.value_range, _BYTE_RANGE), (-1, shape[2] * shape[3]))
        index = ops.clip(ops.cast(pixels * (bins - 1) / 255.0, "int32"), 0, bins - 1)
        counts = _row_histograms(index, bins)
        cumulative = ops.cast(ops.cumsum(counts, axis=1), "float32")
        total = cumulative[:, -1:]
        first = ops.min(ops.where(ops.greater(cumulative, 0.0), cumulative, total), axis=1, keepdims=True)
        denominator = ops.where(ops.equal(total, first), 1.0, total - first)
        table = ops.clip(ops.round((cumulative - first) * 255.0 / denominator), 0.0, 255.0)
        lookup = ops.cast(ops.clip(pixels / 255.0 * (bins - 1), 0.0, float(bins - 1)), "int32")
        equalized = ops.take_along_axis(table, lookup, axis=1)
        occupied = ops.count_nonzero(counts, axis=1)
        equalized = ops.where(ops.greater(occupied, 1)[:, None], ops.cast(equalized, pixels.dtype), pixels)
        outputs = ops.reshape(rescale(equalized, _BYTE_RANGE, self.value_range), shape)
        if self.data_format == "channels_last":
            outputs = ops.transpose(outputs, (0, 2, 3, 1))
        return outputs

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "bins": self.bins, "value_range": self.value_range}


_SMOOTH_WINDOW = [[1 / 13, 1 / 13, 1 / 13], [1 / 13, 5 / 13, 1 / 13], [1 / 13, 1 / 13, 1 / 13]]


class RandomSharpness(FactorImageLayer):
    """Sharpen or soften each image by a random amount during training.

    Each image becomes `x + (1 - s) * (smooth(x) - x)`, where `smooth` is a 3x3
    smoothing filter (zero-padded) and `s = 2 f` with `f` drawn per image from
    `factor`: `f = 0.5` keeps the image, smaller values blur and larger ones sharpen.
    The result is clipped to `value_range`.

    Args:
        factor: A float `f` in `[0, 1]` (meaning `(0, f)`) or a pair `(lower, upper)`.
        value_range: The `[low, high]` range of the pixel values.
        data_format: `"channels_last"` or `"channels_first"`.
        seed: A seed for the random draws.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Raises:
        ValueError: If `factor` is outside `[0, 1]` or `value_range` is not two numbers.

    Example:

    >>> x = np.full((1, 3, 3, 1), 100.0, dtype="float32")
    >>> keras.layers.RandomSharpness(factor=(0.5, 0.5))(x)[0, :, :, 0]
    array([[100., 100., 100.],
           [100., 100., 100.],
           [100., 100., 100.]], dtype=float32)
    """

    factor_bounds = (0, 1)

    def _augment(self, images: Tensor) -> Tensor:
        batch = ops.shape(images)[0]
        sharpness = per_sample(self._uniform((batch,), *self.factor) * 2.0, images.dtype)
        smoothed = depthwise_filter(images, ops.convert_to_tensor(_SMOOTH_WINDOW), self.data_format)
        outputs = blend(images, smoothed, 1.0 - sharpness)
        return ops.clip(outputs, self.value_range[0], self.value_range[1])
