"""Shared pixel arithmetic of the color and pixel augmentation layers.

It owns the value-range rescaling, the per-sample selection and blending of image
batches, the per-sample random "apply or not" draws, edits of one HSV channel, and
depthwise filtering of a batch with one 2-D window (blur, sharpen). Every function
takes rank-4 batches and goes through `keras.ops` only, so it runs on all backends,
symbolically and inside `jax.jit`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from keras import ops
from keras.ops._typing import Tensor

__all__ = [
    "blend",
    "channel_axis",
    "depthwise_filter",
    "edit_hsv_channel",
    "gaussian_window",
    "per_sample",
    "random_flags",
    "rescale",
    "select",
]


def channel_axis(data_format: str) -> int:
    """Return the channel axis of a rank-4 batch in `data_format`."""
    return 1 if data_format == "channels_first" else 3


def rescale(images: Tensor, source: Sequence[float], target: Sequence[float]) -> Tensor:
    """Map `images` linearly from the `source` `[low, high]` range to `target`."""
    if source[0] == target[0] and source[1] == target[1]:
        return images
    unit = (images - float(source[0])) / (float(source[1]) - float(source[0]))
    return unit * (float(target[1]) - float(target[0])) + float(target[0])


def per_sample(values: Tensor, dtype: str | None = None) -> Tensor:
    """Reshape per-sample `values` of shape `(batch,)` to `(batch, 1, 1, 1)`."""
    values = ops.reshape(values, (-1, 1, 1, 1))
    return values if dtype is None else ops.cast(values, dtype)


def select(flags: Tensor, when_true: Tensor, when_false: Tensor) -> Tensor:
    """Pick, image by image, `when_true` where `flags` (shape `(batch,)`) is set."""
    return ops.where(per_sample(flags), when_true, when_false)


def blend(images: Tensor, target: Tensor, amount: Tensor) -> Tensor:
    """Return `images + amount * (target - images)` (`amount` 0 keeps `images`)."""
    return ops.add(images, ops.multiply(amount, ops.subtract(target, images)))


def random_flags(
    uniform: Callable[[Any, float, float], Tensor], batch: Any, factor: Sequence[float]
) -> Tensor:
    """Draw one boolean per sample: set with a probability drawn from `factor`.

    `uniform(shape, low, high)` is the layer's seeded uniform draw. A probability is
    drawn per sample from `[factor[0], factor[1])`, then compared to a second uniform
    draw in `[0, 1)`.
    """
    probability = uniform((batch,), float(factor[0]), float(factor[1]))
    threshold = uniform((batch,), 0.0, 1.0)
    return ops.less(threshold, probability)


def edit_hsv_channel(
    images: Tensor, index: int, edit: Callable[[Tensor], Tensor], data_format: str
) -> Tensor:
    """Convert RGB `images` to HSV, replace channel `index` by `edit(channel)`, convert back."""
    axis = channel_axis(data_format)
    channels = ops.split(ops.image.rgb_to_hsv(images, data_format=data_format), 3, axis=axis)
    channels[index] = edit(channels[index])
    return ops.image.hsv_to_rgb(ops.concatenate(channels, axis=axis), data_format=data_format)


def gaussian_window(size: int, sigma: Tensor, dtype: str) -> Tensor:
    """Return the normalized 1-D Gaussian window of `size` taps and width `sigma`."""
    offsets = ops.arange(size, dtype=dtype) - (size - 1) / 2.0
    sigma = ops.cast(sigma, dtype)
    weights = ops.exp(-ops.square(offsets) / (2.0 * ops.square(sigma)))
    return weights / ops.sum(weights)


def depthwise_filter(images: Tensor, window: Tensor, data_format: str) -> Tensor:
    """Filter every channel of a batch with the 2-D `window` `(height, width)`, zero-padded."""
    channels = images.shape[channel_axis(data_format)]
    kernel = ops.tile(ops.cast(window, images.dtype)[:, :, None, None], (1, 1, channels, 1))
    return ops.nn.depthwise_conv(images, kernel, strides=1, padding="same", data_format=data_format)
