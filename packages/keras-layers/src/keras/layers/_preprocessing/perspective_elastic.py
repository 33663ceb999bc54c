"""Random warps that are not affine: `RandomPerspective` and `RandomElasticTransform`.

Both apply their warp to each image of a batch with a probability drawn from
`factor` (the shared `random_apply_mask`), and are the identity at inference.
"""

from __future__ import annotations

from typing import Any

from keras import ops, random
from keras.layers._preprocessing._augmentation import (
    RandomImageLayer,
    check_choice,
    random_apply_mask,
    standardize_factor,
)
from keras.ops._typing import Tensor

__all__ = ["RandomElasticTransform", "RandomPerspective"]

_INTERPOLATIONS = ("nearest", "bilinear")
_ELASTIC_FILL_MODES = ("constant", "nearest", "wrap", "mirror", "reflect")
_ORDER = {"nearest": 0, "bilinear": 1}


class RandomPerspective(RandomImageLayer):
    """Warp images by moving their four corners at random, during training.

    Each corner `(x, y)` of an image moves to `(x, y) * (1 + d)`, with `d` drawn per
    corner and coordinate from `[-scale / 2, scale / 2]`; the image is resampled by
    the projective map taking the new corners back to the old ones. Each image is
    warped with a probability drawn from `factor`; points from outside the image
    read `fill_value`.

    Args:
        factor: The probability of warping an image: a float `f` in `[0, 1]`
            (a probability drawn from `[0, f]` per image) or a pair `(low, high)`.
        scale: How far the corners move, relative to the image size, in `[0, 1]`.
        interpolation: `"bilinear"` or `"nearest"`.
        fill_value: The value of pixels mapped from outside the image.
        seed: A seed for the random draws.
        data_format: `"channels_last"` or `"channels_first"`; the global
            `keras.backend.image_data_format()` by default.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: A batch of images (rank 4) or one image (rank 3).
        training: Whether to warp (default `True`); `False` returns the inputs.

    Raises:
        ValueError: If `factor` or `scale` is outside `[0, 1]`, or `interpolation`
            is unknown.

    Example:

    >>> layer = keras.layers.RandomPerspective(factor=1.0, scale=0.0, seed=1)
    >>> x = np.arange(4, dtype="float32").reshape(1, 2, 2, 1)
    >>> layer(x)[0, :, :, 0]
    array([[0., 1.],
           [2., 3.]], dtype=float32)
    """

    def __init__(
        self,
        factor: Any = 1.0,
        scale: Any = 1.0,
        interpolation: str = "bilinear",
        fill_value: float = 0.0,
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.factor = standardize_factor(factor, (0, 1))
        if not isinstance(scale, (int, float)) or isinstance(scale, bool) or not 0.0 <= scale <= 1.0:
            raise ValueError(
                f"The `scale` argument should be a number in the range [0,1]. Received: scale={scale}"
            )
        self.scale = scale
        self.interpolation = check_choice(interpolation, "interpolation", _INTERPOLATIONS)
        self.fill_value = fill_value

    def _augment(self, images: Tensor) -> Tensor:
        batch, height, width = self._size(images)
        apply = random_apply_mask(self, batch, self.factor)
        shift = self._uniform((batch, 4, 2), -0.5 * self.scale, 0.5 * self.scale)
        far = ops.stack([ops.cast(width, "float32") - 1.0, ops.cast(height, "float32") - 1.0])
        unit = ops.convert_to_tensor([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], dtype="float32")
        start = ops.broadcast_to(ops.expand_dims(ops.multiply(unit, far), 0), (batch, 4, 2))
        end = ops.add(start, ops.multiply(start, shift))
        warped = ops.image.perspective_transform(
            images,
            start,
            end,
            interpolation=self.interpolation,
            fill_value=self.fill_value,
            data_format=self.data_format,
        )
        return ops.cast(ops.where(apply, warped, images), self.compute_dtype)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "scale": self.scale,
            "interpolation": self.interpolation,
            "fill_value": self.fill_value,
            "seed": self.seed,
        }


class RandomElasticTransform(RandomImageLayer):
    """Distort images with a random smooth displacement field, during training.

    One distortion `d` is drawn per batch from `scale`; with `alpha = 0.1 * d *
    max(height, width)` and `sigma = 0.05 * d * min(height, width)`, each image gets
    two fields of normal noise (standard deviation `sigma`), smoothed by a Gaussian
    of standard deviation `sigma` and scaled by `alpha`, as pixel displacements
    along the rows and columns. Each image is distorted with a probability drawn
    from `factor`; the results are clipped to `value_range`.

    Args:
        factor: The probability of distorting an image: a float `f` in `[0, 1]`
            (a probability drawn from `[0, f]` per image) or a pair `(low, high)`.
        scale: The distortion strength: a float `s` in `[0, 1]` (drawn from
            `[0, s]`) or a pair `(low, high)`.
        interpolation: `"bilinear"` or `"nearest"`.
        fill_mode: How points outside the image read: `"reflect"`, `"mirror"`,
            `"wrap"`, `"nearest"` or `"constant"` (with `fill_value`).
        fill_value: The fill value for `fill_mode="constant"`.
        value_range: The `[low, high]` range of the pixel values.
        seed: A seed for the random draws.
        data_format: `"channels_last"` or `"channels_first"`.
        **kwargs: Base layer arguments (`name`, `dtype`, ...).

    Call arguments:
        inputs: A batch of images (rank 4) or one image (rank 3).
        training: Whether to distort (default `True`); `False` returns the inputs.

    Raises:
        ValueError: If `factor` or `scale` is outside `[0, 1]`, or `interpolation`
            or `fill_mode` is unknown.

    Example:

    >>> layer = keras.layers.RandomElasticTransform(scale=0.0, seed=1)
    >>> x = np.arange(4, dtype="float32").reshape(1, 2, 2, 1)
    >>> layer(x)[0, :, :, 0]
    array([[0., 1.],
           [2., 3.]], dtype=float32)
    """

    def __init__(
        self,
        factor: Any = 1.0,
        scale: Any = 1.0,
        interpolation: str = "bilinear",
        fill_mode: str = "reflect",
        fill_value: float = 0.0,
        value_range: Any = (0, 255),
        seed: int | None = None,
        data_format: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(seed=seed, data_format=data_format, **kwargs)
        self.factor = standardize_factor(factor, (0, 1))
        self.scale = standardize_factor(scale, (0, 1), name="scale")
        self.interpolation = check_choice(interpolation, "interpolation", _INTERPOLATIONS)
        self.fill_mode = check_choice(fill_mode, "fill_mode", _ELASTIC_FILL_MODES)
        self.fill_value = fill_value
        self.value_range = value_range

    def _augment(self, images: Tensor) -> Tensor:
        if self.scale[1] == 0 or self.factor[1] == 0:
            return images
        channels_first = self.data_format == "channels_first"
        if channels_first:
            images = ops.transpose(images, (0, 2, 3, 1))
        batch, height, width, channels = (int(d) for d in images.shape)
        apply = random_apply_mask(self, batch, self.factor)
        distortion = self._uniform((), self.scale[0], self.scale[1])
        alpha = ops.multiply(distortion, 0.1 * max(height, width))
        sigma = ops.maximum(ops.multiply(distortion, 0.05 * min(height, width)), 1e-6)
        # The window fits the largest sigma `scale` allows, so its size is static.
        size = int(6 * 0.05 * min(height, width) * self.scale[1]) | 1
        noise = random.normal((batch, height, width, 2), seed=self.generator, dtype="float32")
        field = ops.multiply(_gaussian_smooth(ops.multiply(noise, sigma), sigma, size), alpha)
        rows = ops.add(ops.reshape(ops.arange(height, dtype="float32"), (1, height, 1)), field[..., 0])
        cols = ops.add(ops.reshape(ops.arange(width, dtype="float32"), (1, 1, width)), field[..., 1])
        grid = (batch, height, width, channels)
        coordinates = ops.stack(
            [
                ops.broadcast_to(ops.reshape(ops.arange(batch, dtype="float32"), (batch, 1, 1, 1)), grid),
                ops.broadcast_to(ops.expand_dims(rows, -1), grid),
                ops.broadcast_to(ops.expand_dims(cols, -1), grid),
                ops.broadcast_to(ops.arange(channels, dtype="float32"), grid),
            ]
        )
        warped = ops.image.map_coordinates(
            images,
            coordinates,
            order=_ORDER[self.interpolation],
            fill_mode=self.fill_mode,
            fill_value=self.fill_value,
        )
        outputs = ops.where(apply, warped, images)
        outputs = ops.clip(outputs, self.value_range[0], self.value_range[1])
        if channels_first:
            outputs = ops.transpose(outputs, (0, 3, 1, 2))
        return ops.cast(outputs, self.compute_dtype)

    def get_config(self) -> dict[str, Any]:
        return {
            **super().get_config(),
            "factor": self.factor,
            "scale": self.scale,
            "interpolation": self.interpolation,
            "fill_mode": self.fill_mode,
            "fill_value": self.fill_value,
            "value_range": self.value_range,
            "seed": self.seed,
        }


def _gaussian_smooth(fields: Tensor, sigma: Tensor, size: int) -> Tensor:
    """Smooth each channel of `(batch, height, width, c)` with a `size` x `size` Gaussian of
    standard deviation `sigma` (a tensor), zero padded to keep the size."""
    offsets = ops.subtract(ops.arange(size, dtype="float32"), float(size // 2))
    weights = ops.exp(ops.divide(ops.negative(ops.square(offsets)), ops.multiply(2.0, ops.square(sigma))))
    weights = ops.divide(weights, ops.sum(weights))
    window = ops.multiply(ops.expand_dims(weights, 1), ops.expand_dims(weights, 0))
    channels = int(fields.shape[-1])
    kernel = ops.broadcast_to(ops.reshape(window, (size, size, 1, 1)), (size, size, channels, 1))
    return ops.depthwise_conv(fields, kernel, strides=1, padding="same", data_format="channels_last")
